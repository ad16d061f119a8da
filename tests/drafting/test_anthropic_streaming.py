"""Text reaches `on_text` delta by delta, in order, while the server is still sending."""

from __future__ import annotations

import threading

from tests.drafting.conftest import backend, prompt_for
from tests.fakes.anthropic_server import FakeAnthropic, Reply
from tui.core.context import ClinicContext

CHUNKS = ["## Subjective\n\n", "Pain 4/10 ", "after stairs.", "\n\n## Objective\n\n", "AROM 110°."]


async def test_deltas_reach_on_text_in_order_and_make_the_draft(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    fake_anthropic.reply(Reply(chunks=CHUNKS))
    deltas: list[str] = []
    result = await backend(local).draft(prompt_for(local), deltas.append)

    assert deltas == CHUNKS
    assert result.text == "".join(CHUNKS)


async def test_first_text_arrives_before_the_server_has_finished(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    """The server holds the rest of the answer until the first delta has reached `on_text`:
    live streaming, proved without a clock (a busy machine only makes the hold longer)."""
    first_seen = threading.Event()
    fake_anthropic.reply(Reply(chunks=CHUNKS, hold=first_seen))
    unfinished_at_first: list[bool] = []

    def on_text(_delta: str) -> None:
        if not first_seen.is_set():
            unfinished_at_first.append(fake_anthropic.messages[0].finished_at is None)
            first_seen.set()

    result = await backend(local).draft(prompt_for(local), on_text)

    assert unfinished_at_first == [True]  # live, not after the whole answer
    assert result.text == "".join(CHUNKS)
