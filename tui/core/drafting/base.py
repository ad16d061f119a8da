"""The contract every drafting backend meets, and the failures it may report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult

TextSink = Callable[[str], None]


class DraftingError(Exception):
    """A draft that could not be produced; the message is what the clinician reads.

    The message says what went wrong and what to do, never whether it will be retried: only
    the caller knows that (the pipeline retries `transient` failures with backoff and says so;
    `chartdesk draft` queues nothing and retries nothing). `overload` marks a failure that
    says the server has more work than it can hold (rate limits, overload, a context or
    compute failure mid-stream): the pipeline then drafts fewer notes at once for a while
    instead of sending every job back together. `usage` is what the attempt cost before it
    failed (a stream broken mid-draft still used the server), so every attempt is accounted.
    """

    def __init__(
        self,
        message: str,
        *,
        transient: bool = False,
        overload: bool = False,
        usage: DraftResult | None = None,
    ) -> None:
        super().__init__(message)
        self.transient = transient
        self.overload = overload
        self.usage = usage


class Backend(Protocol):
    """Turns a rendered prompt into draft text, streaming pieces to `on_text` as they arrive."""

    name: str

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult: ...


@dataclass(frozen=True)
class Capacity:
    """How many drafts a backend's server takes at once (`limit`; None: the backend sets no
    limit of its own, the clinic's `[model] max_concurrency` applies) and why, for logs."""

    limit: int | None
    why: str = ""


@runtime_checkable
class SizedBackend(Protocol):
    """A backend that knows what its server can take; `capacity()` may ask the server
    (cached), hence async. The pipeline runs no more drafts at once than its `limit`."""

    async def capacity(self) -> Capacity: ...
