"""A slowed-down drafter, for tests that need a drafter busy mid-batch (kill -9, takeover).

Only `chartdesk watch` applies it, and only when ``CHARTDESK_TEST_DRAFT_DELAY`` (seconds per
draft) is set; the draft itself is the wrapped backend's, streamed in pieces over the delay so
checkpoints happen as they would with a model.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping

from tui.core.drafting.base import Backend, TextSink
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult

DELAY_ENV = "CHARTDESK_TEST_DRAFT_DELAY"


class DelayedBackend:
    """Drafts with `inner`, then streams its text over `seconds`."""

    def __init__(self, inner: Backend, seconds: float, pieces: int = 10) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = seconds
        self.pieces = max(1, pieces)

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        collected: list[str] = []
        result = await self.inner.draft(prompt, collected.append)
        text = "".join(collected) or result.text
        size = -(-len(text) // self.pieces) or 1
        for start in range(0, max(len(text), 1), size):
            await asyncio.sleep(self.seconds / self.pieces)
            on_text(text[start : start + size])
        return result


def delayed_from_env(backend: Backend, environ: Mapping[str, str] | None = None) -> Backend:
    """`backend`, slowed down when the test-only environment variable asks for it."""
    value = (os.environ if environ is None else environ).get(DELAY_ENV, "")
    try:
        seconds = float(value) if value else 0.0
    except ValueError:
        return backend
    return DelayedBackend(backend, seconds) if seconds > 0 else backend
