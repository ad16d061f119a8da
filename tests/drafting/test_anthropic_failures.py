"""Every way a model request fails ends as a DraftingError a clinician can act on.

Each case is played by the fake server over real HTTP; `transient` decides whether the pipeline
retries. SDK retries are set to 0 (or 1 where the retry itself is the point), so this is fast.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from dataclasses import replace
from typing import Any

import pytest

from tests.drafting.conftest import PNG, backend, clinic, draft_error, note, prompt_for, scan
from tests.fakes.anthropic_server import DEFAULT_TEXT, FakeAnthropic, Reply, unreachable_url
from tui.core.context import ClinicContext
from tui.core.drafting.anthropic import CONNECT_TIMEOUT, DraftFailed
from tui.core.drafting.base import DraftingError

WAIT_SECONDS = 30.0  # how long a test waits for the fake's stream: a busy machine starts it late


async def failure(
    fake: FakeAnthropic, ctx: ClinicContext, reply: Reply | None = None, **options: Any
) -> tuple[DraftingError, list[str]]:
    """Draft once against a scripted reply; return the error and the deltas seen before it."""
    if reply is not None:
        fake.reply(reply)
    deltas: list[str] = []
    return await draft_error(ctx, on_text=deltas.append, **options), deltas


async def test_invalid_key_401_is_not_retried(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(status=401), max_retries=2)

    assert not error.transient
    assert "401" in str(error) and "API key" in str(error)
    assert len(fake_anthropic.messages) == 1


async def test_rate_limit_429_fails_transient_after_the_sdk_retries(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    fake_anthropic.reply(Reply(status=429))
    error, _ = await failure(fake_anthropic, local, Reply(status=429), max_retries=1)

    assert error.transient
    assert "rate limit" in str(error) and "429" in str(error)
    assert len(fake_anthropic.messages) == 2


async def test_rate_limit_that_clears_within_the_sdk_retries_drafts(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    fake_anthropic.reply(Reply(status=429))
    result = await backend(local, max_retries=1).draft(prompt_for(local), lambda _t: None)

    assert result.text == DEFAULT_TEXT
    assert len(fake_anthropic.messages) == 2


async def test_overloaded_529_is_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(status=529))

    assert error.transient
    assert "overloaded" in str(error) and "529" in str(error)


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_errors_are_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext, status: int
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(status=status))

    assert error.transient
    assert f"HTTP {status}" in str(error)


async def test_bad_request_400_shows_the_error_type_never_the_servers_text(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    """A server's message may quote the request (the note), and reasons reach logs."""
    reply = Reply(status=400, error_message="bad note: Dana Whitfield, knee pain 4/10")
    error, _ = await failure(fake_anthropic, local, reply)

    assert not error.transient
    assert "400" in str(error) and "invalid_request_error" in str(error)
    assert "Dana" not in str(error)


async def test_unknown_model_404_names_the_model(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(status=404))

    assert not error.transient
    assert "claude-test-1" in str(error) and "[model] model" in str(error)


async def test_connect_timeout_is_transient() -> None:
    with unreachable_url() as url:
        ctx = clinic(url)
        started = time.monotonic()
        error = await draft_error(ctx, connect_timeout=0.3)

    assert error.transient
    assert "Could not connect" in str(error)
    # The 0.3 s limit ended it, not the default one (a quiet machine takes about 1 s for the
    # few connects a draft makes; a bound of 2 s failed when building the client took 2 s).
    assert time.monotonic() - started < CONNECT_TIMEOUT


async def test_refused_connection_is_transient() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = await draft_error(clinic(f"http://127.0.0.1:{port}"))

    assert error.transient
    assert "Cannot reach the model server" in str(error)


async def test_server_that_never_answers_times_out_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(hang=5), timeout=0.3)

    assert error.transient
    assert "timed out" in str(error)


async def test_stream_that_stalls_mid_draft_times_out_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _deltas = await failure(
        fake_anthropic, local, Reply(chunks=["## Subjective", " stalls", " here"], delay=1.0),
        timeout=0.3,
    )  # fmt: skip

    assert error.transient
    assert "mid-draft" in str(error)


async def test_error_event_mid_stream_is_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, deltas = await failure(fake_anthropic, local, Reply(error_after=2))

    assert error.transient and error.overload
    assert str(error) == (
        f"Interrupted mid-draft: {local.model.base_url.removeprefix('http://')} reported "
        '"scripted mid-stream error" (overloaded_error).'
    )
    assert len(deltas) == 2


async def test_dropped_connection_mid_stream_is_transient(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, deltas = await failure(fake_anthropic, local, Reply(drop_after=2))

    assert error.transient and not error.overload
    assert str(error).startswith("Interrupted mid-draft: the connection to 127.0.0.1:")
    assert len(deltas) == 2
    assert error.usage is not None, "the attempt's usage is kept"
    assert error.usage.output_tokens == 2 and error.usage.input_tokens > 0


async def test_stream_that_ends_without_a_stop_reason_is_not_a_draft(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(end_early=True))

    assert isinstance(error, DraftFailed)
    assert error.transient
    assert "ended before the draft was complete" in str(error)


async def test_max_tokens_is_a_failed_draft_with_its_cost_kept(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    error, deltas = await failure(fake_anthropic, local, Reply(stop_reason="max_tokens"))

    assert isinstance(error, DraftFailed)
    assert not error.transient
    assert "cut off at the length limit" in str(error) and "2000" in str(error)
    assert error.result.text == "".join(deltas) == DEFAULT_TEXT
    assert error.result.output_tokens > 0 and error.result.stop_reason == "max_tokens"


async def test_refusal_is_a_failed_draft(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    details = {"type": "refusal", "category": "cyber", "explanation": "about Dana Whitfield"}
    reply = Reply(stop_reason="refusal", text="I can", stop_details=details)
    error, _ = await failure(fake_anthropic, local, reply)

    assert isinstance(error, DraftFailed)
    assert not error.transient
    assert "declined" in str(error) and "refusal, cyber" in str(error)
    assert "Dana" not in str(error), "the model's explanation is model text: not in the reason"


@pytest.mark.parametrize("text", ["", "  \n\n "])
async def test_answer_with_no_text_is_a_failed_draft(
    fake_anthropic: FakeAnthropic, local: ClinicContext, text: str
) -> None:
    error, _ = await failure(fake_anthropic, local, Reply(text=text))

    assert isinstance(error, DraftFailed)
    assert "no text" in str(error)


@pytest.mark.parametrize("body", ["", "   \n\t\n", "ok.", "-\n-\n-\n-\n-\n-\n-\n-\n-\n-\n-\n-"])
async def test_empty_or_near_empty_note_is_never_sent(
    fake_anthropic: FakeAnthropic, local: ClinicContext, body: str
) -> None:
    empty = replace(note(), body=body)
    with pytest.raises(DraftingError, match="note is empty") as info:
        await backend(local).draft(prompt_for(local, empty), lambda _t: None)

    assert not info.value.transient
    assert fake_anthropic.requests == []


async def test_empty_scan_is_never_sent(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    empty = replace(scan(PNG, "2026-11-04_reyes-marisol_soap.png"), data=b"")
    with pytest.raises(DraftingError, match="note is empty"):
        await backend(local).draft(prompt_for(local, empty), lambda _t: None)

    assert fake_anthropic.requests == []


async def test_cancelling_the_task_closes_the_stream(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    fake_anthropic.reply(Reply(text="word " * 200, chunk_size=5, delay=0.02))
    first = asyncio.Event()

    def on_text(_delta: str) -> None:
        first.set()

    task = asyncio.create_task(backend(local).draft(prompt_for(local), on_text))
    await asyncio.wait_for(first.wait(), WAIT_SECONDS)  # generous: free once text flows
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task

    assert task.cancelled()
    request = fake_anthropic.messages[0]
    assert fake_anthropic.wait_for(lambda: request.disconnected)
    assert request.finished_at is None
