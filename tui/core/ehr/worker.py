"""The delivery worker of the drafter process (`chartdesk watch`, the app's background drafting).

It runs beside the drafting loop, in the one process holding the drafter lock: every few seconds,
or at once when woken (a signature in this process), it delivers what is due in a thread (a
delivery blocks on the network or a share). Claims are leased in the store, so a `chartdesk push`
from cron running at the same time never takes the same delivery.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence

from tui.core.ehr.outbox import Outcome

log = logging.getLogger(__name__)


class DeliveryWorker:
    """Calls `deliver` (which delivers what is due) until stopped; tells `on_outcome` each
    outcome on the event loop's thread."""

    def __init__(
        self,
        deliver: Callable[[], Sequence[Outcome]],
        on_outcome: Callable[[Outcome], None],
        poll_seconds: float,
    ) -> None:
        self.deliver = deliver
        self.on_outcome = on_outcome
        self.poll_seconds = poll_seconds
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Look for due deliveries now (call on the loop's thread)."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            self._wake.clear()
            try:
                outcomes = await asyncio.to_thread(self.deliver)
            except Exception:  # a locked store or a bug: the next round tries again
                log.exception("could not deliver from the outbox; trying again")
                outcomes = ()
            for outcome in outcomes:
                self.on_outcome(outcome)
            waits = [asyncio.ensure_future(e.wait()) for e in (self._wake, stopping)]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED), self.poll_seconds
                )
            for waiting in waits:
                waiting.cancel()
