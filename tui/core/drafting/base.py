"""The contract every drafting backend meets, and the failures it may report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult

TextSink = Callable[[str], None]


class DraftingError(Exception):
    """A draft that could not be produced; the message is what the clinician reads.

    `transient` failures (rate limits, overload, timeouts) are retried with backoff; the others
    fail the draft at once with a retry key in the review app.
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class Backend(Protocol):
    """Turns a rendered prompt into draft text, streaming pieces to `on_text` as they arrive."""

    name: str

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult: ...
