"""Text reaches `on_text` delta by delta, in order, while the server is still sending."""

from __future__ import annotations

import time

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
    fake_anthropic.reply(Reply(chunks=CHUNKS, delay=0.1))
    arrivals: list[float] = []
    await backend(local).draft(prompt_for(local), lambda _t: arrivals.append(time.perf_counter()))

    request = fake_anthropic.messages[0]
    assert fake_anthropic.wait_for(lambda: request.finished_at is not None)  # its own thread
    assert request.finished_at is not None and request.first_text_at is not None
    assert arrivals[0] < request.finished_at - 0.2  # live, not after the whole answer
    assert arrivals[0] - request.first_text_at < 0.2  # the bench holds the real 50 ms target
