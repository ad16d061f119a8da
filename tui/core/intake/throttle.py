"""Backing off as a group: fewer drafts at once after the model server says it is full.

When a server runs out of room (a rate limit, overload, llama-server's "Context size has been
exceeded", which fails every request it runs at once), retrying each job on its own timer sends
them all back together to collide again. Instead, an overload halves how many drafts the
pipeline runs at once and holds that for a while (longer after each overload in a row); then
the limit climbs back one draft per hold period, until it no longer limits anything. Each job's
own retry waits as before, with jitter (`RetryPolicy`), so the retries also spread out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

HOLD_SECONDS: Final = 30.0
MAX_HOLD_FACTOR: Final = 8


class Throttle:
    """A cap on concurrent drafts after overloads; `cap(ceiling)` is the current limit."""

    def __init__(
        self, hold_seconds: float = HOLD_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.hold_seconds = hold_seconds
        self._clock = clock
        self._cap: int | None = None
        self._until = 0.0
        self._strikes = 0

    @property
    def active(self) -> bool:
        return self._cap is not None

    def overloaded(self, running: int) -> None:
        """The server said it was full while `running` drafts were out (this one included)."""
        current = min(self._cap, running) if self._cap is not None else running
        self._cap = max(1, current // 2)
        self._strikes += 1
        factor = min(MAX_HOLD_FACTOR, 2 ** (self._strikes - 1))
        self._until = self._clock() + self.hold_seconds * factor

    def succeeded(self) -> None:
        """A draft went through: the next overload starts a short hold again."""
        self._strikes = 0

    def cap(self, ceiling: int) -> int:
        """How many drafts may run now, at most `ceiling` (the limit without the throttle)."""
        if self._cap is None:
            return ceiling
        now = self._clock()
        if now >= self._until:
            self._cap += 1
            self._until = now + self.hold_seconds
        if self._cap >= ceiling:
            self._cap = None
            return ceiling
        return self._cap
