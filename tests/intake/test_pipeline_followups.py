"""Review follow-ups on the pipeline: following other processes by the store's change cursor,
the billed usage of a failed model answer, and one loop-handoff helper for pipeline and watcher.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import tui.core.intake.pipeline as pipeline_module
import tui.core.intake.watcher as watcher_module
from tests.fakes.anthropic_server import FakeAnthropic, Reply
from tests.intake.conftest import configure, running_pipeline, wait_until
from tests.intake.test_pipeline import queue_notes
from tui.core.clinic import DrafterLock
from tui.core.drafting.anthropic import AnthropicBackend
from tui.core.intake.pipeline import Pipeline, PipelineEvent
from tui.core.intake.watcher import InboxWatcher
from tui.core.records.store import now
from tui.core.service import ClinicService


@pytest.fixture
def model_server() -> Iterator[FakeAnthropic]:
    """The fake Anthropic server, as a model server on this machine (no BAA needed)."""
    with FakeAnthropic() as server:
        yield server


def _store_events(events: list[PipelineEvent], draft_id: int, reason: str) -> bool:
    return any(
        e.kind == "draft" and e.source == "store" and e.draft_id == draft_id and e.reason == reason
        for e in events
    )


async def test_a_commit_stamped_before_one_already_seen_is_not_missed(clinic: Path) -> None:
    """A writer stamps `updated_at` before it gets the write lock; another writer commits a
    later stamp first. Following by timestamps skips the slow writer's change for good."""
    first, second = queue_notes(clinic, 2)
    other = DrafterLock(clinic / ".chartdesk" / "drafter.lock")
    assert other.try_acquire()  # the viewer only waits: nothing here drafts
    try:
        async with running_pipeline(clinic, watch=False, poll_seconds=0.05) as viewer:
            assert viewer.pipeline.role == "waiting"
            slow_stamp = now()  # the slow writer's clock reading, taken before the lock
            await asyncio.sleep(0.01)
            writer = sqlite3.connect(clinic / ".chartdesk" / "state.db", isolation_level=None)
            try:
                writer.execute(
                    "UPDATE drafts SET reason = 'fast writer', updated_at = ? WHERE id = ?",
                    (now(), first),
                )
                await wait_until(lambda: _store_events(viewer.events, first, "fast writer"))
                writer.execute(
                    "UPDATE drafts SET reason = 'slow writer', updated_at = ? WHERE id = ?",
                    (slow_stamp, second),
                )
                await wait_until(lambda: _store_events(viewer.events, second, "slow writer"))
            finally:
                writer.close()
    finally:
        other.release()


@pytest.mark.filterwarnings("ignore:The model .* is deprecated:DeprecationWarning")
async def test_a_cut_off_answer_keeps_its_billed_tokens_and_cost(
    clinic: Path, model_server: FakeAnthropic
) -> None:
    configure(clinic, model={"provider": "anthropic", "base_url": model_server.url})
    model_server.reply(
        Reply(
            stop_reason="max_tokens",
            usage={
                "input_tokens": 1000,
                "output_tokens": 2000,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 0,
            },
        )
    )
    (draft_id,) = queue_notes(clinic, 1)
    service = ClinicService.open(clinic)
    try:
        backend = AnthropicBackend(service.context, environ={}, max_retries=0, timeout=10)
        assert backend.route.local
    finally:
        service.close()

    async with running_pipeline(clinic, backend, watch=False) as run:
        run.pipeline.wake()
        await wait_until(lambda: run.service.draft(draft_id).status == "failed")
        draft = run.service.store.get_draft(draft_id)

    assert "cut off" in draft.reason
    assert len(model_server.messages) == 1
    assert (draft.input_tokens, draft.output_tokens) == (1000, 2000)
    # claude-sonnet-4-5 in the shipped context.toml: $3 in, $15 out per million tokens.
    assert draft.cost_usd == pytest.approx(1000 * 3.0 / 1e6 + 2000 * 15.0 / 1e6)


def test_pipeline_and_watcher_share_one_loop_handoff() -> None:
    assert pipeline_module.call_on_loop is watcher_module.call_on_loop
    assert not hasattr(Pipeline, "_threadsafe")
    assert not hasattr(InboxWatcher, "_threadsafe")


async def test_call_on_loop_runs_on_the_loop_thread_from_any_thread() -> None:
    loop = asyncio.get_running_loop()
    ran_on: list[threading.Thread] = []
    done = asyncio.Event()

    def callback() -> None:
        ran_on.append(threading.current_thread())
        done.set()

    thread = threading.Thread(target=watcher_module.call_on_loop, args=(loop, callback))
    thread.start()
    thread.join()
    await asyncio.wait_for(done.wait(), 2)
    assert ran_on == [threading.current_thread()]

    watcher_module.call_on_loop(loop, callback)  # already on the loop: at once
    assert len(ran_on) == 2
    watcher_module.call_on_loop(None, callback)  # no loop yet: at once
    assert len(ran_on) == 3
