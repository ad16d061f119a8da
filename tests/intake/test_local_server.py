"""The drafter on a model server inside the clinic: the pipeline with the real backend and the
real SDK against the fake llama-server (`tests.fakes.llama_server`) over 127.0.0.1.

Notes dropped together are drafted as the server's shared context allows, never overflowing
it; every attempt is recorded with what it used; a failure that will not be retried says so
and one that will be retried says that; the text of a draft being drafted can be read from
the store by any other process; and `chartdesk draft --json` carries tokens and cost.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.drafting.conftest import PNG
from tests.fakes.anthropic_server import Reply
from tests.fakes.llama_server import CONTEXT_EXCEEDED, GGUF, FakeLlama
from tests.intake.conftest import configure, running_pipeline, wait_until
from tests.intake.test_pipeline import queue_notes
from tui.cli import main
from tui.core.drafting.anthropic import AnthropicBackend
from tui.core.intake.pipeline import RetryPolicy
from tui.core.service import ClinicService

FAST_RETRY = RetryPolicy(base_seconds=0.05, max_seconds=0.1, max_attempts=3)


@pytest.fixture
def llama() -> Iterator[FakeLlama]:
    """llama-server's defaults as the issue met them: 4 slots sharing 4,096 tokens."""
    with FakeLlama(n_ctx=4096, slots=4, together=2, hold_seconds=0.3) as server:
        yield server


def local_backend(clinic: Path, server: FakeLlama) -> AnthropicBackend:
    configure(clinic, model={"provider": "anthropic", "base_url": server.url, "model": "smollm2"})
    service = ClinicService.open(clinic)
    try:
        return AnthropicBackend(service.context, environ={}, max_retries=0, timeout=10)
    finally:
        service.close()


def attempts(clinic: Path, draft_id: int) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(clinic / ".chartdesk" / "state.db")
    try:
        return db.execute(
            "SELECT attempt, outcome, model, server_model, input_tokens, output_tokens,"
            " reused_tokens FROM draft_attempts WHERE draft_id = ? ORDER BY id",
            (draft_id,),
        ).fetchall()
    finally:
        db.close()


async def test_three_notes_at_once_with_the_defaults_are_all_drafted_one_at_a_time(
    clinic: Path, llama: FakeLlama
) -> None:
    backend = local_backend(clinic, llama)
    ids = queue_notes(clinic, 3)
    async with running_pipeline(clinic, backend, watch=False, poll_seconds=0.05) as run:
        await wait_until(lambda: all(run.service.draft(i).status == "ready" for i in ids))
        limit = run.pipeline.limit

    assert run.pipeline.concurrency == 4, "[model] max_concurrency as shipped"
    assert limit == 1, "two ~3.5k-token drafts do not fit one 4,096-token context"
    assert (llama.overflows, llama.most_streams) == (0, 1)
    assert len(llama.messages) == 3


async def test_an_attempt_interrupted_mid_draft_is_recorded_with_its_usage_and_retried(
    clinic: Path, llama: FakeLlama
) -> None:
    backend = local_backend(clinic, llama)
    llama.reply(Reply(error_after=4, error_message=CONTEXT_EXCEEDED))
    (draft_id,) = queue_notes(clinic, 1)
    async with running_pipeline(
        clinic, backend, watch=False, retry=FAST_RETRY, poll_seconds=0.05
    ) as run:
        await wait_until(lambda: run.service.draft(draft_id).status == "ready")
        draft = run.service.draft(draft_id)

    (first, second) = attempts(clinic, draft_id)
    assert first[:4] == (1, "retrying", "smollm2", "") and first[5] == 4
    assert second[:4] == (2, "ready", "smollm2", GGUF)
    assert first[4] > 0 and second[6] > 0, "the retry reused the prompt prefix the server held"
    assert draft.input_tokens == first[4] + second[4]
    assert draft.output_tokens == first[5] + second[5]
    assert (draft.model, draft.server_model) == ("smollm2", GGUF)


async def test_overloads_make_the_drafter_run_fewer_drafts_at_once_for_a_while(
    clinic: Path,
) -> None:
    """A server with room for four drafts fails them mid-stream: the drafter does not send
    them all back together, it drafts fewer at once (here one) until the hold has passed."""
    with FakeLlama(n_ctx=32768, slots=4) as server:
        backend = local_backend(clinic, server)
        server.reply(*[Reply(error_after=1, error_message=CONTEXT_EXCEEDED)] * 4)
        ids = queue_notes(clinic, 4)
        async with running_pipeline(
            clinic, backend, watch=False, retry=FAST_RETRY, poll_seconds=0.05
        ) as run:
            await wait_until(lambda: all(run.service.draft(i).status == "ready" for i in ids))
            limit, throttled = run.pipeline.limit, run.pipeline.throttle.active
        room = (await backend.capacity()).limit

    assert room == 4, "the server itself has room for four"
    assert throttled and limit < 4


async def test_a_scan_for_a_text_only_server_fails_once_and_says_what_to_do(
    clinic: Path, llama: FakeLlama
) -> None:
    backend = local_backend(clinic, llama)
    (clinic / "inbox" / "2026-11-04_reyes-marisol_soap.png").write_bytes(PNG)
    async with running_pipeline(clinic, backend, retry=FAST_RETRY, poll_seconds=0.05) as run:
        await wait_until(
            lambda: [d["status"] for d in run.service.queue_json()["drafts"]] == ["failed"]
        )
        (entry,) = run.service.queue_json()["drafts"]

    assert "cannot read scans: its model takes text only" in entry["reason"]
    assert "image input is not supported" in entry["reason"]
    assert "retry" not in entry["reason"].lower()
    assert llama.messages == [] and len(llama.counts) == 1


async def test_a_transient_failure_out_of_attempts_says_it_gave_up(
    clinic: Path, llama: FakeLlama
) -> None:
    backend = local_backend(clinic, llama)
    llama.reply(*[Reply(status=503, error_message="Loading model")] * 3)
    (draft_id,) = queue_notes(clinic, 1)
    reasons: list[str] = []
    async with running_pipeline(
        clinic, backend, watch=False, retry=FAST_RETRY, poll_seconds=0.05
    ) as run:
        run.pipeline.subscribe(lambda e: reasons.append(e.reason) if e.kind == "draft" else None)
        await wait_until(lambda: run.service.draft(draft_id).status == "failed")
        reason = run.service.draft(draft_id).reason

    host = llama.url.removeprefix("http://")
    said = f'{host} is not ready for requests (HTTP 503: unavailable_error, "Loading model").'
    assert f"retrying: {said}" in reasons
    assert reason == f"{said} Gave up after 3 attempts; draft it again with g in the review app."
    assert [row[1] for row in attempts(clinic, draft_id)] == ["retrying", "retrying", "failed"]


async def test_another_process_reads_the_growing_text_from_the_store(
    clinic: Path, llama: FakeLlama
) -> None:
    """A review session that is not the drafter (`chartdesk watch` drafts) sees the text
    grow: the drafter checkpoints it in the store about once a second."""
    backend = local_backend(clinic, llama)
    llama.reply(Reply(text="Subjective line. " * 40, chunk_size=17, delay=0.05))
    (draft_id,) = queue_notes(clinic, 1)
    viewer = ClinicService.open(clinic)
    seen: list[str] = []
    try:
        async with running_pipeline(
            clinic, backend, watch=False, checkpoint_seconds=0.1, poll_seconds=0.05
        ) as run:

            def growing() -> bool:
                seen.append(viewer.partial_text(draft_id))
                return len({text for text in seen if text}) >= 2

            await wait_until(growing)
            await wait_until(lambda: run.service.draft(draft_id).status == "ready")
        done = viewer.partial_text(draft_id)
    finally:
        viewer.close()

    texts = [text for text in seen if text]
    assert all(text.startswith("Subjective line.") for text in texts)
    assert all(b.startswith(a) for a, b in itertools.pairwise(texts))
    assert done == "", "a finished draft has no partial text"


def test_draft_json_carries_tokens_cost_and_both_model_names(
    clinic: Path, llama: FakeLlama, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(clinic, model={"provider": "anthropic", "base_url": llama.url, "model": "smollm2"})
    note = clinic.parent / "2026-11-02_whitfield-dana_soap.txt"
    note.write_bytes(queue_note_text())

    assert main(["draft", str(note), "--clinic", str(clinic), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)

    assert (out["backend"], out["model"], out["server_model"]) == ("local", "smollm2", GGUF)
    assert out["tokens"]["input"] > 1000 and out["tokens"]["output"] > 0
    assert out["tokens"]["cache_read"] == 0 and "reused" in out["tokens"]
    assert out["cost_usd"] == 0.0


def test_draft_with_the_server_down_promises_no_retry(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeLlama() as server:
        url = server.url
    configure(clinic, model={"provider": "anthropic", "base_url": url, "model": "smollm2"})
    note = clinic.parent / "2026-11-02_whitfield-dana_soap.txt"
    note.write_bytes(queue_note_text())

    assert main(["draft", str(note), "--clinic", str(clinic)]) == 2
    err = capsys.readouterr().err
    assert f"Cannot reach the model server at {url.removeprefix('http://')}" in err
    assert "retry" not in err.lower()


def queue_note_text() -> bytes:
    from tests.intake.conftest import note_bytes

    return note_bytes(1, patient="Dana Whitfield")
