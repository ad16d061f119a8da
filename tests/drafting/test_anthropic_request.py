"""What chartdesk sends: read back from the fake server, as an independent server would see it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.drafting.conftest import (
    KEY,
    MODEL,
    PDF,
    PNG,
    SECOND_NOTE,
    backend,
    clinic,
    note,
    prompt_for,
    scan,
)
from tests.fakes.anthropic_server import FakeAnthropic
from tui.core.context import ClinicContext

Sink = tuple[list[str], Callable[[str], None]]
EPHEMERAL = {"type": "ephemeral"}


async def test_system_is_clinic_context_then_skill_each_marked_for_caching(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    prompt = prompt_for(local)
    await backend(local).draft(prompt, collect[1])

    system = fake_anthropic.messages[0].system
    texts = [block["text"] for block in system]
    assert texts == [prompt.context_block.rstrip() + "\n\n", prompt.skill_block + "\n\n"]
    assert [block["cache_control"] for block in system] == [EPHEMERAL, EPHEMERAL]
    assert all(block["type"] == "text" for block in system)


async def test_cached_prefix_is_byte_identical_for_two_different_notes(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    drafter = backend(local)
    first = note()
    second = note(SECOND_NOTE, "2026-11-03_okafor-james_soap.txt")
    await drafter.draft(prompt_for(local, first), collect[1])
    await drafter.draft(prompt_for(local, second), collect[1])

    one, two = fake_anthropic.messages
    assert one.body["system"] == two.body["system"]
    assert one.content != two.content
    for patient in ("Whitfield", "Okafor", "100234", "100877", "2026-11-0"):
        assert patient not in str(one.body["system"])


async def test_note_comes_first_and_instructions_last(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    prompt = prompt_for(local)
    await backend(local).draft(prompt, collect[1])

    messages = fake_anthropic.messages[0].body["messages"]
    assert [message["role"] for message in messages] == ["user"]
    content = fake_anthropic.messages[0].content
    assert len(content) == 2
    assert prompt.note.body.strip() in content[0]["text"]
    assert content[1] == {"type": "text", "text": prompt.instructions}
    assert "Dana Whitfield" in content[1]["text"]


async def test_png_scan_goes_as_an_image_block_before_the_instructions(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    png = scan(PNG, "2026-11-04_reyes-marisol_soap.png")
    await backend(local).draft(prompt_for(local, png), collect[1])

    first, last = fake_anthropic.messages[0].content
    assert first["type"] == "image"
    assert first["source"]["type"] == "base64"
    assert first["source"]["media_type"] == "image/png"
    assert base64_decode(first["source"]["data"]) == PNG
    assert last["type"] == "text"


async def test_pdf_scan_goes_as_a_document_block(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    pdf = scan(PDF, "2026-11-04_reyes-marisol_soap.pdf")
    await backend(local).draft(prompt_for(local, pdf), collect[1])

    block = fake_anthropic.messages[0].content[0]
    assert block["type"] == "document"
    assert block["source"]["media_type"] == "application/pdf"
    assert base64_decode(block["source"]["data"]) == PDF


async def test_model_and_max_tokens_come_from_config_and_the_skill(
    fake_anthropic: FakeAnthropic, collect: Sink
) -> None:
    ctx = clinic(fake_anthropic.url, model="clinic-chosen-model")
    await backend(ctx).draft(prompt_for(ctx), collect[1])
    capped = clinic(fake_anthropic.url, max_tokens=700)
    await backend(capped).draft(prompt_for(capped), collect[1])

    first, second = (request.body for request in fake_anthropic.messages)
    assert first["model"] == "clinic-chosen-model"
    assert first["max_tokens"] == 2000  # soap_note.toml
    assert second["max_tokens"] == 700  # [model] max_tokens caps the Skill
    assert first["stream"] is True
    assert "temperature" not in first


async def test_chained_skill_gets_previous_output_then_note(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    previous = "## Program\n\n1. Quad sets 3x10 daily\n2. Step-ups 2x10"
    prompt = prompt_for(local, previous=previous)
    await backend(local).draft(prompt, collect[1])

    content = fake_anthropic.messages[0].content
    assert previous in content[0]["text"]
    assert prompt.note.body.strip() in content[1]["text"]
    assert content[2]["text"] == prompt.instructions


async def test_previous_output_quoted_by_the_instructions_is_not_sent_twice(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    previous = "## Your Exercises\n\n1. Quad sets 3x10 daily"
    prompt = prompt_for(local, previous=previous, skill_id="hep_patient")
    await backend(local).draft(prompt, collect[1])

    sent = str(fake_anthropic.messages[0].body["messages"])
    assert previous in prompt.instructions
    assert sent.count("Quad sets 3x10 daily") == 1


async def test_local_server_gets_the_key_file_never_the_anthropic_key(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink, tmp_path: Path
) -> None:
    (tmp_path / "local.key").write_text("sk-local-server\n")
    keyed = clinic(fake_anthropic.url, api_key_file=str(tmp_path / "local.key"))
    env = {"ANTHROPIC_API_KEY": KEY}
    await backend(local, environ=env).draft(prompt_for(local), collect[1])
    await backend(keyed, environ=env).draft(prompt_for(keyed), collect[1])

    without, with_file = (request.headers for request in fake_anthropic.messages)
    assert "authorization" not in without and "x-api-key" not in without
    sent = with_file.get("authorization", "") + with_file.get("x-api-key", "")
    assert "sk-local-server" in sent and KEY not in sent


async def test_usage_and_cost_are_recorded_cache_write_then_cache_read(
    fake_anthropic: FakeAnthropic, local: ClinicContext, collect: Sink
) -> None:
    from tui.core.context import Price

    ctx = clinic(fake_anthropic.url, prices={MODEL: Price(2.0, 10.0, 2.5, 0.2)})
    drafter = backend(ctx)
    first = await drafter.draft(prompt_for(ctx), collect[1])
    second = await drafter.draft(
        prompt_for(ctx, note(SECOND_NOTE, "2026-11-03_okafor-james_soap.txt")), collect[1]
    )

    assert first.cache_write_tokens > 0 and first.cache_read_tokens == 0
    assert second.cache_read_tokens == first.cache_write_tokens
    assert second.cache_write_tokens == 0
    assert first.request_id == "req_fake_0001" and first.stop_reason == "end_turn"
    assert (first.backend, first.model) == ("local", MODEL)
    for result in (first, second):
        expected = (
            result.input_tokens * 2.0
            + result.output_tokens * 10.0
            + result.cache_write_tokens * 2.5
            + result.cache_read_tokens * 0.2
        ) / 1_000_000
        assert result.cost_usd == pytest.approx(expected)
    assert second.cost_usd < first.cost_usd


def base64_decode(data: str) -> bytes:
    import base64

    return base64.standard_b64decode(data)
