"""The pipeline's job handling, in-process with scripted backends: bounded concurrency,
retries with backoff, checkpoints, cancellation, clean stop, crash recovery, the drafter lock."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from tests.intake.conftest import note_bytes, running_pipeline, wait_until
from tui.core.clinic import DrafterLock
from tui.core.drafting.base import DraftingError, TextSink
from tui.core.drafting.offline import OfflineBackend
from tui.core.intake.pipeline import STOPPED_REASON, Pipeline, PipelineEvent, RetryPolicy
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult, Store
from tui.core.service import ClinicService

FAST_RETRY = RetryPolicy(base_seconds=0.05, max_seconds=0.2, max_attempts=4)


class Scripted:
    """A backend that streams the offline draft in `pieces` over `seconds`, failing first as
    `failures(prompt, call)` says; it records how many drafts ran at once and when each piece
    was sent (a busy machine sends them later than `seconds` says)."""

    name = "scripted"

    def __init__(
        self,
        seconds: float = 0.0,
        pieces: int = 5,
        failures: Callable[[Prompt, int], Exception | None] | None = None,
    ) -> None:
        self.seconds = seconds
        self.pieces = pieces
        self.failures = failures or (lambda _prompt, _call: None)
        self.calls: dict[str, int] = {}
        self.active = 0
        self.max_active = 0
        self.finished = 0
        self.sent_at: list[float] = []

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        key = prompt.note.sha256
        self.calls[key] = self.calls.get(key, 0) + 1
        failure = self.failures(prompt, self.calls[key])
        if failure is not None:
            raise failure
        self.active += 1
        self.max_active = max(self.max_active, self.active)
        try:
            result = await OfflineBackend().draft(prompt, lambda _t: None)
            size = -(-len(result.text) // self.pieces)
            for start in range(0, len(result.text), size):
                await asyncio.sleep(self.seconds / self.pieces)
                self.sent_at.append(time.monotonic())
                on_text(result.text[start : start + size])
        finally:
            self.active -= 1
        self.finished += 1
        return DraftResult(text=result.text, backend=self.name)


def queue_notes(root: Path, count: int, start: int = 0) -> list[int]:
    """Record `count` notes with queued drafts, as the watcher's intake would."""
    service = ClinicService.open(root)
    try:
        ids = []
        for index in range(start, start + count):
            path = root / "inbox" / f"n{index}.txt"
            path.write_bytes(note_bytes(index))
            result = service.ingest(path)
            assert result.draft_id is not None, result.reason
            ids.append(result.draft_id)
        return ids
    finally:
        service.close()


def jobs(root: Path) -> list[tuple[int, str, int]]:
    db = sqlite3.connect(root / ".chartdesk" / "state.db")
    try:
        return db.execute("SELECT draft_id, state, attempts FROM jobs ORDER BY id").fetchall()
    finally:
        db.close()


async def test_concurrency_is_bounded(clinic: Path) -> None:
    ids = queue_notes(clinic, 9)
    backend = Scripted(seconds=0.15)
    async with running_pipeline(
        clinic, backend, watch=False, concurrency=3, poll_seconds=0.05
    ) as run:
        await wait_until(lambda: all(run.service.draft(i).status == "ready" for i in ids))
    assert backend.max_active == 3
    assert backend.finished == 9


async def test_concurrency_defaults_to_the_context(clinic: Path) -> None:
    service = ClinicService.open(clinic)
    try:
        assert (
            Pipeline(service, OfflineBackend()).concurrency == service.context.model.max_concurrency
        )
    finally:
        service.close()


async def test_transient_failures_are_retried_with_backoff(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)

    def twice(_prompt: Prompt, call: int) -> Exception | None:
        return DraftingError("rate limited (429)", transient=True) if call <= 2 else None

    backend = Scripted(failures=twice)
    async with running_pipeline(
        clinic, backend, watch=False, retry=FAST_RETRY, poll_seconds=0.02
    ) as run:
        await wait_until(lambda: run.service.draft(draft_id).status == "ready")
    retries = [
        e
        for e in run.events
        if e.kind == "draft" and e.status == "queued" and e.source == "drafter"
    ]
    assert [e.reason for e in retries] == ["retrying: rate limited (429)"] * 2
    assert jobs(clinic) == [(draft_id, "done", 3)]
    assert run.service.draft(draft_id).reason == ""


async def test_transient_failures_give_up_after_max_attempts(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)
    backend = Scripted(failures=lambda _p, _c: DraftingError("overloaded (529)", transient=True))
    async with running_pipeline(
        clinic, backend, watch=False, retry=FAST_RETRY, poll_seconds=0.02
    ) as run:
        await wait_until(lambda: run.service.draft(draft_id).status == "failed")
    assert run.service.draft(draft_id).reason == (
        "overloaded (529) Gave up after 4 attempts; draft it again with g in the review app."
    )
    assert jobs(clinic) == [(draft_id, "failed", 4)]


async def test_permanent_failure_and_backend_bug_fail_only_their_draft(clinic: Path) -> None:
    ids = queue_notes(clinic, 3)

    def fail(prompt: Prompt, _call: int) -> Exception | None:
        if "reference 0." in prompt.note.body:
            return DraftingError("the model refused: empty note")
        if "reference 1." in prompt.note.body:
            return RuntimeError("boom")
        return None

    async with running_pipeline(
        clinic, Scripted(failures=fail), watch=False, poll_seconds=0.02
    ) as run:
        await wait_until(
            lambda: all(run.service.draft(i).status in ("ready", "failed") for i in ids)
        )
        drafts = [run.service.draft(i) for i in ids]
    assert [(d.status, d.reason) for d in drafts] == [
        ("failed", "the model refused: empty note"),
        ("failed", "drafting failed (RuntimeError)"),
        ("ready", ""),
    ]


async def test_streamed_text_is_checkpointed_about_once_a_second(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)
    backend = Scripted(seconds=1.6, pieces=16)
    store = Store(clinic / ".chartdesk" / "state.db")
    seen: list[str] = []
    async with running_pipeline(clinic, backend, watch=False, checkpoint_seconds=0.5) as run:
        while run.service.draft(draft_id).status != "ready":
            row = store.db.execute(
                "SELECT partial_text FROM jobs WHERE draft_id = ?", (draft_id,)
            ).fetchone()
            if row[0] and (not seen or seen[-1] != row[0]):
                seen.append(row[0])
            await asyncio.sleep(0.02)
        partial = store.db.execute("SELECT partial_text FROM jobs").fetchone()[0]
        text = run.service.text(draft_id)
    store.close()
    # The first text at once, then at most and about every 0.5 s of the stream as it ran:
    # bounds from when the pieces were really sent (1.5 s apart on a quiet machine: 3 or 4
    # checkpoints), so a busy machine's slower stream is not taken for too many checkpoints.
    streamed = backend.sent_at[-1] - backend.sent_at[0]
    longest_gap = max(b - a for a, b in itertools.pairwise(backend.sent_at))
    assert streamed / (0.5 + longest_gap) <= len(seen) <= 1 + streamed / 0.5 + 0.01
    assert len(seen) < len(backend.sent_at), "not a checkpoint per piece"
    assert all(text.startswith(piece) for piece in seen)
    assert partial == ""
    assert any(e.kind == "progress" and e.draft_id == draft_id for e in run.events)


async def test_cancel_a_running_draft(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)
    backend = Scripted(seconds=5, pieces=50)
    async with running_pipeline(clinic, backend, watch=False, poll_seconds=0.05) as run:
        await wait_until(lambda: run.pipeline.partial_text(draft_id) != "")
        assert run.pipeline.cancel(draft_id)
        await wait_until(lambda: not run.pipeline._running)
        draft = run.service.draft(draft_id)
    assert (draft.status, draft.reason) == ("failed", "cancelled by clinician")
    assert jobs(clinic) == [(draft_id, "cancelled", 1)]
    assert backend.finished == 0


async def test_cancel_from_another_process_stops_the_task(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)
    backend = Scripted(seconds=5, pieces=50)
    async with running_pipeline(clinic, backend, watch=False, poll_seconds=0.05) as run:
        await wait_until(lambda: run.pipeline.partial_text(draft_id) != "")
        other = Store(clinic / ".chartdesk" / "state.db")
        other.cancel_jobs(draft_id, "cancelled in another session")
        other.close()
        await wait_until(lambda: not run.pipeline._running)
    assert backend.finished == 0
    assert jobs(clinic) == [(draft_id, "cancelled", 1)]


async def test_stop_checkpoints_and_requeues_then_the_next_drafter_finishes(clinic: Path) -> None:
    ids = queue_notes(clinic, 2)
    slow = Scripted(seconds=10, pieces=100)
    async with running_pipeline(clinic, slow, watch=False, stop_grace_seconds=0.1) as run:
        await wait_until(lambda: all(run.pipeline.partial_text(i) for i in ids))
    service = ClinicService.open(clinic)
    drafts = [service.draft(i) for i in ids]
    partial = service.store.db.execute("SELECT partial_text FROM jobs").fetchall()
    service.close()
    assert [(d.status, d.reason) for d in drafts] == [("queued", f"retrying: {STOPPED_REASON}")] * 2
    assert all(text for (text,) in partial)
    assert [state for _, state, _ in jobs(clinic)] == ["pending", "pending"]
    async with running_pipeline(clinic, OfflineBackend(), watch=False) as run:
        await wait_until(lambda: all(run.service.draft(i).status == "ready" for i in ids))
        assert [len(run.service.versions(i)) for i in ids] == [1, 1]


async def test_jobs_left_running_by_a_dead_drafter_are_resumed_once(clinic: Path) -> None:
    ids = queue_notes(clinic, 3)
    store = Store(clinic / ".chartdesk" / "state.db")
    claimed = store.claim_job("dead-drafter")
    store.close()
    assert claimed is not None
    async with running_pipeline(clinic, watch=False) as run:
        await wait_until(lambda: all(run.service.draft(i).status == "ready" for i in ids))
        assert [len(run.service.versions(i)) for i in ids] == [1, 1, 1]
    assert [state for _, state, _ in jobs(clinic)] == ["done"] * 3


async def test_a_note_recorded_without_its_draft_gets_one_at_start(clinic: Path) -> None:
    """The drafter died between recording a note and queueing its draft."""
    path = clinic / "inbox" / "orphan.txt"
    path.write_bytes(note_bytes(1))
    store = Store(clinic / ".chartdesk" / "state.db")
    store.add_note("inbox/orphan.txt", hashlib.sha256(note_bytes(1)).hexdigest(),
                   {"kind": "text", "skill": "soap_note"}, note_bytes(1), "text/plain")  # fmt: skip
    store.close()
    async with running_pipeline(clinic) as run:
        (entry,) = await run.settled("inbox/orphan.txt")
    assert (entry["status"], entry["skill"]) == ("ready", "soap_note")


async def test_waits_for_the_lock_and_takes_over_when_it_is_released(clinic: Path) -> None:
    other = DrafterLock(clinic / ".chartdesk" / "drafter.lock")
    assert other.try_acquire()
    (draft_id,) = queue_notes(clinic, 1)
    async with running_pipeline(clinic, lock_poll_seconds=0.1) as run:
        await asyncio.sleep(0.3)
        assert run.pipeline.role == "waiting"
        assert run.pipeline.status().holder_pid is not None
        assert run.service.draft(draft_id).status == "queued"
        other.release()
        await wait_until(lambda: run.pipeline.role == "drafter")
        await wait_until(lambda: run.service.draft(draft_id).status == "ready")
    roles = [e.status for e in run.events if e.kind == "role"]
    assert roles == ["waiting", "drafter", "stopped"]


async def test_a_waiting_session_hears_about_drafts_made_by_the_drafter(clinic: Path) -> None:
    async with (
        running_pipeline(clinic, poll_seconds=0.05) as drafter,
        running_pipeline(clinic, poll_seconds=0.05) as viewer,
    ):
        assert viewer.pipeline.role == "waiting"
        (clinic / "inbox" / "a.txt").write_bytes(note_bytes(1))
        await drafter.settled("inbox/a.txt")
        await wait_until(
            lambda: any(e.kind == "draft" and e.status == "ready" for e in viewer.events)
        )
    assert all(e.source == "store" for e in viewer.events if e.kind == "draft")


async def test_a_failing_subscriber_does_not_stop_the_drafter(clinic: Path) -> None:
    (draft_id,) = queue_notes(clinic, 1)

    def broken(_event: PipelineEvent) -> None:
        raise ValueError("subscriber bug")

    async with running_pipeline(clinic, watch=False) as run:
        run.pipeline.subscribe(broken)
        run.pipeline.wake()
        await wait_until(lambda: run.service.draft(draft_id).status == "ready")
        status = run.pipeline.status()
    assert (status.role, status.ready, status.queued, status.drafting) == ("drafter", 1, 0, 0)


async def test_stop_from_another_thread(clinic: Path) -> None:
    async with running_pipeline(clinic, watch=False) as run:
        await asyncio.to_thread(run.pipeline.stop)
        await wait_until(lambda: run.pipeline.role == "stopped")
