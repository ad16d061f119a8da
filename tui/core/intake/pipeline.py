"""The drafter: inbox -> notes -> jobs -> drafts, for `chartdesk watch` and the review app.

Exactly one process drafts per clinic folder: `Pipeline.run` first waits for the drafter lock
(an flock, released by the kernel when its holder dies, so a survivor takes over within about a
second). Holding it, the pipeline puts back jobs a dead drafter left running, starts the inbox
watcher, ingests each settled file (sha256 identity: the same content is never drafted twice)
and runs queued jobs with bounded concurrency: no more than `[model] max_concurrency`, no more
than the backend's server can take (`SizedBackend.capacity`: a local model server's slots and
shared context) and, after the server said it was full, fewer for a while (`Throttle`).

Every state change is written to the store before anyone is told, so a crash at any moment
loses nothing: a job left running is resumed on restart, and `Store.finish_job` refuses to
finish a job twice, so no job ever yields two drafts. Transient drafting failures (rate limits,
timeouts) go back to the queue with jittered exponential backoff, and the reason says so; one
that runs out of attempts says that instead, so no reason ever promises a retry that will not
happen. Every attempt is recorded with what it used, the failed ones too. Streamed text is
checkpointed about once a second, so a review session (in this process or another) can watch a
draft grow.

Observers (the review app, the `watch` log) subscribe plain callables; they are called on the
event loop's thread and never see note text unless they ask for a draft's partial text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import sqlite3
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from tui.core.background import BackgroundExecutor
from tui.core.clinic import DrafterLock
from tui.core.drafting.base import Backend, Capacity, DraftingError, SizedBackend
from tui.core.ehr.outbox import Outcome, default_policy
from tui.core.ehr.worker import DeliveryWorker
from tui.core.errors import ChartdeskError
from tui.core.intake.backfill import backfill_in_background
from tui.core.intake.throttle import Throttle
from tui.core.intake.watcher import InboxWatcher, call_on_loop
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult, Job, StoreError, StoreReplaced
from tui.core.service import ClinicService, IngestResult

log = logging.getLogger(__name__)
_T = TypeVar("_T")

Role = Literal["starting", "waiting", "drafter", "stopped"]
EventKind = Literal["note", "draft", "progress", "role", "delivery"]
EventSource = Literal["intake", "drafter", "store"]
STOPPED_REASON: Final = "drafter stopped before this draft finished; it resumes on restart"
CAPACITY_SECONDS: Final = 6.0  # a server that does not answer must not hold the drafter
GAVE_UP: Final = " Gave up after {attempts} attempts; draft it again with g in the review app."


@dataclass(frozen=True)
class PipelineEvent:
    """Something a UI or log may want to show. Never carries note or draft text.

    kind ``note``: a file was ingested (status ``drafted`` | ``duplicate`` | ``failed``, or
    ``unchanged`` for a file already recorded under the same name with the same content).
    kind ``draft``: a draft changed state (its new status; ``source`` says who changed it:
    this drafter, or another process seen through the store).
    kind ``progress``: streamed text grew (``chars``); read it with `Pipeline.partial_text`.
    kind ``role``: this process became the drafter, is waiting for the lock, or stopped.
    kind ``delivery``: the outbox worker tried a delivery (status ``sent`` | ``waiting`` |
    ``failed``, with the `destination` id and the reason).
    """

    kind: EventKind
    source: EventSource = "drafter"
    draft_id: int | None = None
    note_id: int | None = None
    path: str = ""
    status: str = ""
    reason: str = ""
    chars: int = 0
    attempt: int = 0
    destination: str = ""


@dataclass(frozen=True)
class PipelineStatus:
    """The review app's status line: notes waiting, drafting now, failed."""

    role: Role
    settling: int
    queued: int
    drafting: int
    ready: int
    failed: int
    holder_pid: int | None = None

    @property
    def waiting(self) -> int:
        return self.settling + self.queued


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff for transient drafting failures; `max_attempts` also caps crash loops (a job
    whose drafter keeps dying is claimed once per restart and eventually failed, not retried
    forever)."""

    base_seconds: float = 2.0
    max_seconds: float = 120.0
    max_attempts: int = 8
    jitter: float = 0.5

    def delay(self, attempt: int) -> float:
        raw = min(self.max_seconds, self.base_seconds * 2.0 ** max(0, attempt - 1))
        return raw * random.uniform(1 - self.jitter, 1 + self.jitter)


Subscriber = Callable[[PipelineEvent], None]


@dataclass
class _Running:
    job: Job
    task: asyncio.Task[None]
    text: list[str] = field(default_factory=list)
    chars: int = 0


class Pipeline:
    """The drafter for one clinic folder. `run()` until `stop()`; both from the same loop, and
    `stop()`/`cancel()` are also safe from other threads (e.g. a signal handler)."""

    def __init__(
        self,
        service: ClinicService,
        backend: Backend,
        owner: str = "",
        *,
        watch: bool = True,
        concurrency: int | None = None,
        lock: DrafterLock | None = None,
        retry: RetryPolicy | None = None,
        checkpoint_seconds: float = 1.0,
        poll_seconds: float = 1.0,
        lock_poll_seconds: float = 1.0,
        stop_grace_seconds: float = 5.0,
        check_budget_seconds: float = 5.0,
        check_workers: int = 1,
        delivery_poll_seconds: float | None = None,
    ) -> None:
        self.service = service
        self.store = service.store
        self.backend = backend
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}"
        self.watch = watch
        self.concurrency = max(1, concurrency or service.context.model.max_concurrency)
        self.limit = self.concurrency
        self.throttle = Throttle()
        self.lock = lock or DrafterLock(service.clinic.paths.drafter_lock)
        self.retry = retry or RetryPolicy()
        self.checkpoint_seconds = checkpoint_seconds
        self.poll_seconds = poll_seconds
        self.lock_poll_seconds = lock_poll_seconds
        self.stop_grace_seconds = stop_grace_seconds
        self.role: Role = "starting"
        self.holder_pid: int | None = None
        self.watcher: InboxWatcher | None = None
        self._subscribers: list[Subscriber] = []
        self._running: dict[int, _Running] = {}
        self._arrivals: asyncio.Queue[Path | None] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()
        self._last_progress: dict[int, float] = {}
        self._side_tasks: set[asyncio.Task[None]] = set()
        self._halted = ""
        self._sized = ""
        # Checks run on their own bounded set of daemon threads, apart from drafting: a draft
        # waits at most `check_budget_seconds` for its checks, then is stored ready with its
        # checks pending ("checking…"), and they are stored when they finish.
        self.check_budget_seconds = check_budget_seconds
        self._checker = BackgroundExecutor(grace=0.0)
        self._check_slots = asyncio.Semaphore(max(1, check_workers))
        self._late_checks: set[asyncio.Task[None]] = set()
        self.deliveries = DeliveryWorker(
            lambda: self.service.deliver_due(self.owner),
            self._emit_delivery,
            delivery_poll_seconds or default_policy().poll_seconds,
        )

    # Observers ---------------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback` for every event (on the loop's thread); returns an unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def _emit(self, event: PipelineEvent) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:  # an observer's bug must never stop the drafter
                log.exception("pipeline subscriber failed on %s event", event.kind)

    def status(self) -> PipelineStatus:
        counts = self.store.counts()
        return PipelineStatus(
            role=self.role,
            settling=(self.watcher.pending_count if self.watcher else 0) + self._arrivals.qsize(),
            queued=counts.get("queued", 0),
            drafting=counts.get("drafting", 0),
            ready=counts.get("ready", 0),
            failed=counts.get("failed", 0),
            holder_pid=self.holder_pid,
        )

    def partial_text(self, draft_id: int) -> str:
        """The text streamed so far for a draft being drafted: this process's own text as it
        arrives, or the checkpoint another drafter saved in the store ("" when none)."""
        for running in self._running.values():
            if running.job.draft_id == draft_id:
                return "".join(running.text)
        return self.store.partial_text(draft_id)

    # Control -----------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop: no new work; running jobs get `stop_grace_seconds` to finish, then are
        checkpointed and put back in the queue for the next drafter."""
        call_on_loop(self._loop, self._request_stop)

    def _request_stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._wake.set()
        self._arrivals.put_nowait(None)
        if self.watcher is not None:
            self.watcher.stop()

    def wake(self) -> None:
        """New work is in the store (e.g. a regenerate, a delivery to retry): look now rather
        than at the next poll."""
        call_on_loop(self._loop, self._wake.set)
        call_on_loop(self._loop, self.deliveries.wake)

    def cancel(self, draft_id: int, reason: str = "cancelled by clinician") -> bool:
        """Cancel a draft's pending or running job (in the store, and its task if it runs here)."""
        cancelled = self.store.cancel_jobs(draft_id, reason)
        call_on_loop(self._loop, lambda: self._cancel_task(draft_id))
        if cancelled:
            call_on_loop(self._loop, lambda: self._emit_draft(draft_id, "drafter"))
        return cancelled

    def _cancel_task(self, draft_id: int) -> None:
        for running in self._running.values():
            if running.job.draft_id == draft_id:
                running.task.cancel()

    # Main --------------------------------------------------------------------------------------

    async def run(self) -> None:
        """Wait to be elected drafter, then watch and draft until `stop()`. Raises
        ChartdeskError when it had to stop by itself (the store was replaced under it)."""
        self._loop = asyncio.get_running_loop()
        follower = asyncio.create_task(self._follow_store(), name="chartdesk-follow")
        try:
            if await self._elect():
                await self._drafting()
        finally:
            self._request_stop()
            await asyncio.gather(follower, return_exceptions=True)
            self.lock.release()
            self._set_role("stopped")
        if self._halted:
            raise ChartdeskError(self._halted)

    def _store_still_there(self) -> bool:
        """False (and a stop) once state.db was deleted or replaced: a drafter writing on
        would write into a file nobody reads."""
        try:
            self.store.check_file()
        except StoreReplaced as exc:
            log.error("stopping: %s", exc)
            self._halted = str(exc)
            self._request_stop()
            return False
        return True

    async def _elect(self) -> bool:
        while not self._stopping.is_set():
            try:
                acquired = self.lock.try_acquire()
            except OSError as exc:
                raise ChartdeskError(f"cannot take the drafter lock: {exc}") from exc
            if acquired:
                self.holder_pid = os.getpid()
                return True
            holder = _lock_holder(self.lock.path)
            if self.role != "waiting" or holder != self.holder_pid:
                self.holder_pid = holder
                self._set_role("waiting")
            await self._wait(self._stopping, self.lock_poll_seconds)
        return False

    async def _drafting(self) -> None:
        recovered = await asyncio.to_thread(self.store.recover_jobs)
        requeued = await asyncio.to_thread(self.service.queue_orphan_notes)
        self._late(self._in_checker(self._check_pending))
        await asyncio.to_thread(self.store.prune_changes)
        if recovered or requeued:
            log.info("resumed %d interrupted jobs, queued %d orphan notes", recovered, requeued)
        self._set_role("drafter")
        tasks = [asyncio.create_task(self._ingest_loop(), name="chartdesk-ingest")]
        tasks.append(
            asyncio.create_task(
                backfill_in_background(self.service, self._stopping), name="chartdesk-backfill"
            )
        )
        if self.service.context.ehr:
            tasks.append(
                asyncio.create_task(self.deliveries.run(self._stopping), name="chartdesk-deliver")
            )
        if self.watch and not self._stopping.is_set():
            intake = self.service.context.intake
            self.watcher = InboxWatcher(
                self.service.clinic.paths.inbox,
                self._arrivals.put_nowait,
                settle_seconds=intake.settle_seconds,
                rescan_seconds=intake.rescan_seconds,
                observer=intake.observer,
            )
            tasks.append(asyncio.create_task(self.watcher.run(), name="chartdesk-watcher"))
        try:
            await self._dispatch()
        finally:
            self._request_stop()
            for task in self._side_tasks:
                task.cancel()
            await asyncio.gather(*tasks, *self._side_tasks, return_exceptions=True)
            await self._finish_running()
            for late in self._late_checks:
                late.cancel()
            await asyncio.gather(*self._late_checks, return_exceptions=True)
            self._checker.shutdown(wait=False)

    async def _dispatch(self) -> None:
        """Claim jobs while a slot is free; otherwise sleep until woken or the next poll."""
        while not self._stopping.is_set():
            self._wake.clear()
            if not self._store_still_there():
                return
            if len(self._running) < await self._limit():
                try:
                    job = self.store.claim_job(self.owner)
                except sqlite3.Error:
                    log.exception("could not claim a job; trying again")
                    job = None
                if job is not None:
                    self._start(job)
                    continue
            self._offer_notes_for_new_skills()
            await self._wait(self._wake, self.poll_seconds)

    async def _limit(self) -> int:
        """How many drafts may run now: the clinic's setting, the server's capacity, and
        the throttle after an overload. A change is logged (never with note text)."""
        capacity = Capacity(None)
        if isinstance(self.backend, SizedBackend):
            try:
                capacity = await asyncio.wait_for(self.backend.capacity(), CAPACITY_SECONDS)
            except TimeoutError:
                capacity = Capacity(1, "the server did not say in time")
            except Exception:  # asking the server must never stop the drafter
                log.exception("could not ask the model server what it can take")
                capacity = Capacity(1, "the server could not be asked")
        ceiling = min(self.concurrency, capacity.limit or self.concurrency)
        limit = self.throttle.cap(ceiling)
        why = capacity.why + (", fewer after an overload" if limit < ceiling else "")
        if (limit, why) != (self.limit, self._sized):
            log.info("drafting %d at a time (%s)", limit, why or "[model] max_concurrency")
            self.limit, self._sized = limit, why
        return limit

    def _offer_notes_for_new_skills(self) -> None:
        """Notes that failed for a Skill the clinic lacked are read again once skills/ changes
        (a running `watch` sees a Skill added since it started)."""
        try:
            for path in self.service.notes_for_new_skills():
                self._arrivals.put_nowait(path)
        except Exception:  # a busy store: the next poll looks again
            log.exception("could not look for notes waiting for a new Skill")

    async def drain(self) -> int:
        """Draft every job queued now, one at a time, and return how many ran (`chartdesk
        demo`, tests): no watcher and no waiting. It holds the drafter lock meanwhile (a
        drafter elected while it ran would take its running job for an interrupted one and
        draft it again); a job that fails transiently stays queued, for the drafter."""
        if not self.lock.try_acquire():
            holder = _lock_holder(self.lock.path)
            raise ChartdeskError(
                f"another drafter is running (pid {holder}); it drafts the queued notes"
            )
        self._loop = asyncio.get_running_loop()
        done = 0
        try:
            while (job := self.store.claim_job(self.owner)) is not None:
                self._start(job)
                await self._running[job.id].task
                done += 1
            await asyncio.gather(*self._late_checks, return_exceptions=True)
        finally:
            self.lock.release()
        return done

    def _start(self, job: Job) -> None:
        task = asyncio.create_task(self._run_job(job), name=f"chartdesk-job-{job.id}")
        self._running[job.id] = _Running(job, task)

        def done(_task: asyncio.Task[None]) -> None:
            self._running.pop(job.id, None)
            self._last_progress.pop(job.draft_id, None)
            self._wake.set()

        task.add_done_callback(done)

    async def _finish_running(self) -> None:
        """On stop: let running jobs finish for a while, then cancel and requeue the rest."""
        tasks = [running.task for running in self._running.values()]
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=self.stop_grace_seconds)
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # Intake ------------------------------------------------------------------------------------

    async def _ingest_loop(self) -> None:
        """Ingest settled files one at a time (in a thread: reading and hashing block); on stop,
        files not yet ingested are left for the next start-up rescan."""
        while not self._stopping.is_set():
            path = await self._arrivals.get()
            if path is None or self._stopping.is_set() or not self._store_still_there():
                return
            try:
                result = await asyncio.to_thread(
                    self.service.ingest, path, record_vanished=self.watcher is None
                )
            except Exception:
                # Not a bad note (those come back as failed results) but a bug or a locked
                # database: forget the file so the next rescan offers it again.
                log.exception("intake failed for a file; it is retried at the next rescan")
                if self.watcher is not None:
                    self.watcher.forget(path)
                continue
            if result.status == "vanished":
                task = asyncio.create_task(self._confirm_vanished(path))
                self._side_tasks.add(task)
                task.add_done_callback(self._side_tasks.discard)
                continue
            self._emit_ingest(result)
            if result.status == "drafted":
                self._wake.set()

    async def _confirm_vanished(self, path: Path) -> None:
        """A file gone when read: renamed (the watcher saw its new name, nothing to record),
        back again (read it again), or really gone (one failed entry says so). Decided after
        a short wait, since the rename's event may still be on its way."""
        await asyncio.sleep(max(0.5, 2.0 * float(self.service.context.intake.settle_seconds)))
        watcher = self.watcher
        if self._stopping.is_set() or watcher is None or watcher.moved_away(path):
            return
        if path.exists() or path.is_symlink():
            self._arrivals.put_nowait(path)
            return
        try:
            result = await asyncio.to_thread(self.service.record_vanished, path)
        except Exception:
            log.exception("could not record a vanished file")
            return
        self._emit_ingest(result)

    def _emit_ingest(self, result: IngestResult) -> None:
        status = result.status
        if status == "duplicate" and result.note_id is not None:
            # The same file seen again (start-up rescan, a touch): not news, so not "duplicate".
            with contextlib.suppress(StoreError):
                if self.store.note_path(result.note_id) == result.path:
                    status = "unchanged"
        self._emit(
            PipelineEvent(
                kind="note",
                source="intake",
                draft_id=result.draft_id,
                note_id=result.note_id,
                path=result.path,
                status=status,
                reason=result.reason,
            )
        )

    # Jobs --------------------------------------------------------------------------------------

    async def _run_job(self, job: Job) -> None:
        try:
            await self._draft_job(job)
        except asyncio.CancelledError:
            raise
        except Exception:
            # The store failed us (busy past its timeout, disk full): put the job back for a
            # later attempt; if even that fails, the next start-up recovers it.
            log.exception("job %d could not be recorded; it is retried", job.id)
            with contextlib.suppress(Exception):
                later = datetime.now(UTC) + timedelta(seconds=self.retry.delay(job.attempts))
                self.store.fail_job(
                    job,
                    "could not save the draft; retrying",
                    later.isoformat(timespec="milliseconds"),
                )

    async def _draft_job(self, job: Job) -> None:
        running = self._running[job.id]
        if job.attempts > self.retry.max_attempts:
            self.store.fail_job(job, f"gave up after {job.attempts - 1} interrupted attempts")
            self._emit_draft(job.draft_id, "drafter", job.attempts)
            return
        self._emit_draft(job.draft_id, "drafter", job.attempts)
        started = datetime.now(UTC).isoformat(timespec="milliseconds")
        last_checkpoint: float | None = None

        def on_text(piece: str) -> None:
            # The first text is saved at once (a review session sees the draft start), then at
            # most once per `checkpoint_seconds`: the store is shared, writes are not free.
            nonlocal last_checkpoint
            running.text.append(piece)
            running.chars += len(piece)
            now = time.monotonic()
            if last_checkpoint is None or now - last_checkpoint >= self.checkpoint_seconds:
                last_checkpoint = now
                try:
                    self.store.checkpoint(job.id, "".join(running.text))
                except sqlite3.Error:  # a missed checkpoint costs nothing but progress
                    log.warning("checkpoint of job %d skipped (store busy)", job.id)
            if now - self._last_progress.get(job.draft_id, 0.0) >= 0.1:
                self._last_progress[job.draft_id] = now
                self._emit(PipelineEvent("progress", draft_id=job.draft_id, chars=running.chars))

        checking: asyncio.Task[dict[str, Any] | None] | None = None
        try:
            draft = self.store.get_draft(job.draft_id)
            prompt = self.service.prompt_for(draft, job.instruction)
            result = await self.backend.draft(prompt, on_text)
            checking = asyncio.create_task(self._in_checker(self._checks, prompt, result))
            checks = await self._within_budget(checking)
        except asyncio.CancelledError:
            if checking is not None:
                checking.cancel()
            self._interrupted(job, running, started)
            raise
        except DraftingError as exc:
            # What the attempt used before it failed (an answer cut off or refused, a stream
            # broken mid-draft) comes with the error, so the failed draft shows what it cost.
            if exc.overload:
                self.throttle.overloaded(len(self._running))
            self._failed(job, str(exc), transient=exc.transient, usage=exc.usage, started=started)
            return
        except Exception as exc:  # a backend bug fails this draft, never the drafter
            log.exception("drafting job %d failed", job.id)
            self._failed(
                job, f"drafting failed ({type(exc).__name__})", transient=False, started=started
            )
            return
        self.throttle.succeeded()
        version_id = self.store.finish_job(
            job, result, checks, prompt.skill.sha256, started_at=started
        )
        self._emit_draft(job.draft_id, "drafter", job.attempts)
        if checks is None and version_id is not None:
            # Past the budget, the checks may finish while the draft is being stored: they are
            # stored all the same (the task may be done already), never left pending for good.
            self._late(self._store_checks_later(checking, job.draft_id, version_id))

    # Checks --------------------------------------------------------------------------------------

    async def _in_checker(self, work: Callable[..., _T], *args: Any) -> _T:
        """Run blocking check work on the checks' own threads, one slot at a time."""
        async with self._check_slots:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._checker, lambda: work(*args))

    async def _within_budget(
        self, checking: asyncio.Task[dict[str, Any] | None]
    ) -> dict[str, Any] | None:
        """The checks if they finish within the budget, else None (the draft is stored with its
        checks pending and they are stored when they finish)."""
        try:
            return await asyncio.wait_for(asyncio.shield(checking), self.check_budget_seconds)
        except TimeoutError:
            return None

    async def _store_checks_later(
        self, checking: asyncio.Task[dict[str, Any] | None], draft_id: int, version_id: int
    ) -> None:
        checks = await checking
        if checks is None:
            return  # failed: the version stays unchecked; the sign gate and the next start check it
        number = next((v.n for v in self.store.versions(draft_id) if v.id == version_id), None)
        if number is not None and await asyncio.to_thread(
            self.store.set_checks, draft_id, number, checks
        ):
            self._emit_draft(draft_id, "drafter")

    def _late(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._late_checks.add(task)
        task.add_done_callback(self._late_checks.discard)

    def _check_pending(self) -> None:
        """Check edits whose session closed before their checks were stored."""
        try:
            checked = self.service.check_pending()
        except Exception:  # unchecked texts stay marked as such; signing checks them again
            log.exception("checking pending edits failed")
            return
        if checked:
            log.info("checked %d edited drafts left unchecked", checked)

    def _checks(self, prompt: Prompt, result: DraftResult) -> dict[str, Any] | None:
        """The service's checks; a checker bug leaves the draft unchecked (None: never shown
        as clean), to be checked again before it is signed, rather than lost."""
        try:
            return self.service.check(prompt, result)
        except Exception:
            log.exception("checks failed on a draft; it is stored unchecked")
            return None

    def _failed(
        self,
        job: Job,
        reason: str,
        *,
        transient: bool,
        usage: DraftResult | None = None,
        started: str = "",
    ) -> None:
        """Retry a transient failure later (the store marks the reason "retrying"), or fail
        the draft for good; a transient one out of attempts says it gave up."""
        if transient and job.attempts < self.retry.max_attempts:
            delay = self.retry.delay(job.attempts)
            retry_at = datetime.now(UTC) + timedelta(seconds=delay)
            self.store.fail_job(
                job,
                reason,
                retry_at=retry_at.isoformat(timespec="milliseconds"),
                usage=usage,
                started_at=started,
            )
        else:
            if transient:
                reason += GAVE_UP.format(attempts=job.attempts)
            self.store.fail_job(job, reason, usage=usage, started_at=started)
        self._emit_draft(job.draft_id, "drafter", job.attempts)

    def _interrupted(self, job: Job, running: _Running, started: str) -> None:
        """Cancelled: by a clinician (the store already says so) or by stop (requeue it)."""
        with contextlib.suppress(StoreError):
            if self.store.job_state(job.id) == "running":
                self.store.checkpoint(job.id, "".join(running.text))
                now = datetime.now(UTC).isoformat(timespec="milliseconds")
                self.store.fail_job(job, STOPPED_REASON, retry_at=now, started_at=started)
        self._emit_draft(job.draft_id, "drafter", job.attempts)

    def _emit_draft(self, draft_id: int, source: EventSource, attempt: int = 0) -> None:
        try:
            draft = self.store.get_draft(draft_id)
        except StoreError:
            return
        self._emit(
            PipelineEvent(
                kind="draft",
                source=source,
                draft_id=draft.id,
                note_id=draft.note_id,
                path=draft.note_path,
                status=draft.status,
                reason=draft.reason,
                attempt=attempt,
            )
        )

    def _emit_delivery(self, outcome: Outcome) -> None:
        delivery = outcome.delivery
        self._emit(
            PipelineEvent(
                kind="delivery",
                draft_id=delivery.draft_id,
                status=outcome.state,
                reason=outcome.reason,
                destination=delivery.destination,
            )
        )

    # Following the store -----------------------------------------------------------------------

    async def _follow_store(self) -> None:
        """Tell observers about drafts changed by other processes (review sessions, or the
        drafter when this process is only waiting), and stop jobs cancelled elsewhere.

        Changes are followed by the store's integer change cursor (a trigger-fed log), not by
        timestamps: a commit whose clock stamp is older than one already seen is never missed.
        """
        cursor = await asyncio.to_thread(self.store.change_cursor)
        while not self._stopping.is_set():
            await self._wait(self._stopping, self.poll_seconds)
            if self._stopping.is_set():
                return
            try:
                latest, changed = await asyncio.to_thread(self.store.changes_since, cursor)
                for running in list(self._running.values()):
                    state = await asyncio.to_thread(self.store.job_state, running.job.id)
                    if state == "cancelled":
                        running.task.cancel()
            except Exception:
                log.exception("could not read the store; trying again")
                continue
            cursor = latest
            for draft in changed:
                self._emit(
                    PipelineEvent(
                        kind="draft",
                        source="store",
                        draft_id=draft.id,
                        note_id=draft.note_id,
                        path=draft.note_path,
                        status=draft.status,
                        reason=draft.reason,
                    )
                )

    # Helpers -----------------------------------------------------------------------------------

    def _set_role(self, role: Role) -> None:
        self.role = role
        holder = f"held by pid {self.holder_pid}" if role == "waiting" and self.holder_pid else ""
        self._emit(PipelineEvent("role", status=role, reason=holder))

    async def _wait(self, event: asyncio.Event, timeout: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)


def _lock_holder(path: Path) -> int | None:
    """The pid written in the lock file by its holder, for "waiting for drafter N"."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def draft_queued(service: ClinicService, backend: Backend | None = None, owner: str = "") -> int:
    """Draft the clinic's queued jobs now, through the same path as the drafter
    (`Pipeline.drain`); the service's own backend (offline) unless one is given."""
    pipeline = Pipeline(service, backend or service.backend, owner, watch=False)
    return asyncio.run(pipeline.drain())
