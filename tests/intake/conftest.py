"""Helpers for the intake tests: real clinic folders, real watchdog observers, real
`chartdesk watch` subprocesses. Nothing here fakes a filesystem event."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.core.clinic import init_clinic
from tui.core.drafting.base import Backend
from tui.core.drafting.offline import OfflineBackend
from tui.core.intake.pipeline import Pipeline, PipelineEvent
from tui.core.service import ClinicService

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SETTLE = 0.2
# How long a wait for a condition may take before the test fails. Generous: it costs nothing
# when the condition holds, and a busy 2-core machine starts processes and runs threads late
# (importing the anthropic SDK alone took 22 s of wall time at load average 20).
WAIT_SECONDS = 60.0


def note_bytes(index: int, *, patient: str = "") -> bytes:
    """A valid PT daily note, different for every index."""
    name = patient or f"Test Patient{index}"
    return (
        f"Patient: {name}\nDate: 2026-11-{1 + index % 28:02d}\nVisit: {2 + index % 9}\n"
        f"Discipline: PT\nPayer: Aetna\n\n"
        f"S: Pt reports R knee pain {index % 10}/10 after stairs, sleeping better.\n"
        f"O: R knee flexion AROM {90 + index % 40} deg. Gait 150 ft with SPC.\n"
        f"Therapeutic exercise 97110 x 25 min.\n"
        f"A: Progressing toward goals; reference {index}.\n"
        f"P: Continue plan of care 2x/wk.\n"
    ).encode()


def configure(
    root: Path, *, intake: dict[str, Any] | None = None, model: dict[str, Any] | None = None
) -> None:
    """Set keys in the clinic's context.toml sections (existing keys are replaced)."""
    path = root / "context.toml"
    text = path.read_text(encoding="utf-8")
    for section, values in (("intake", intake or {}), ("model", model or {})):
        for key, value in values.items():
            rendered = f'"{value}"' if isinstance(value, str) else str(value).lower()
            pattern = re.compile(rf"(?m)^(\[{section}\]\n(?:[^\[\n][^\n]*\n|\n)*?){key}\s*=[^\n]*")
            match = pattern.search(text)
            if match:
                text = f"{text[: match.end(1)]}{key} = {rendered}{text[match.end() :]}"
            else:
                text = text.replace(f"[{section}]\n", f"[{section}]\n{key} = {rendered}\n", 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """A new clinic folder with a short settle window and quick rescans for tests."""
    root = init_clinic(tmp_path / "clinic").root
    configure(root, intake={"settle_seconds": SETTLE, "rescan_seconds": 30})
    return root


def drafts(root: Path) -> list[dict[str, Any]]:
    """`chartdesk queue --json`'s drafts, read in-process."""
    service = ClinicService.open(root)
    try:
        result: list[dict[str, Any]] = service.queue_json()["drafts"]
        return result
    finally:
        service.close()


def by_note(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        grouped.setdefault(entry["note"], []).append(entry)
    return grouped


async def wait_until(
    predicate: Callable[[], bool], timeout: float = WAIT_SECONDS, step: float = 0.02
) -> None:
    """Wait for a condition, never for a fixed time. The timeout is generous: it costs nothing
    when the condition holds, and a busy 2-core machine runs threads and watchers late."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(step)


def wait_until_sync(
    predicate: Callable[[], bool], timeout: float = WAIT_SECONDS, step: float = 0.05
) -> None:
    """`wait_until` for tests that run the pipeline in another process."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)


class Running:
    """An in-process pipeline on a clinic, with every event it emitted."""

    def __init__(self, pipeline: Pipeline, service: ClinicService) -> None:
        self.pipeline = pipeline
        self.service = service
        self.events: list[PipelineEvent] = []
        pipeline.subscribe(self.events.append)

    def statuses(self) -> dict[str, list[str]]:
        """Each note's draft statuses, as the queue shows them."""
        return {
            note: [entry["status"] for entry in entries]
            for note, entries in by_note(self.service.queue_json()["drafts"]).items()
        }

    def entry(self, rel: str) -> list[dict[str, Any]]:
        return [d for d in self.service.queue_json()["drafts"] if d["note"] == rel]

    async def settled(self, rel: str, timeout: float = WAIT_SECONDS) -> list[dict[str, Any]]:
        """Wait until `rel` has an entry and none of its entries is still in progress."""

        def done() -> bool:
            entries = self.entry(rel)
            settled = ("ready", "failed", "superseded")
            return bool(entries) and all(e["status"] in settled for e in entries)

        await wait_until(done, timeout)
        return self.entry(rel)


@contextlib.asynccontextmanager
async def running_pipeline(
    root: Path, backend: Backend | None = None, **options: Any
) -> AsyncIterator[Running]:
    service = ClinicService.open(root)
    pipeline = Pipeline(service, backend or OfflineBackend(), "test", **options)
    running = Running(pipeline, service)
    task = asyncio.create_task(pipeline.run())
    try:
        await wait_until(lambda: pipeline.role in ("drafter", "waiting") or task.done())
        if pipeline.role == "drafter" and pipeline.watch:
            await wait_until(lambda: pipeline.watcher is not None and pipeline.watcher.rescans > 0)
        yield running
    finally:
        pipeline.stop()
        await asyncio.wait_for(task, 20)
        service.close()


# `chartdesk watch` subprocesses -------------------------------------------------------------


@functools.cache
def watch_command() -> tuple[str, ...]:
    """`chartdesk watch`, or the command's module until the CLI registers it."""
    chartdesk = BIN / "chartdesk"
    probe = subprocess.run([str(chartdesk), "watch", "--help"], capture_output=True)
    if probe.returncode == 0:
        return (str(chartdesk), "watch")
    return (sys.executable, "-m", "tui.commands.watch")


class WatchProcess:
    """A `chartdesk watch` subprocess (``--json`` unless asked not to) whose output is
    collected line by line."""

    def __init__(
        self,
        root: Path,
        *,
        delay: float = 0.0,
        grace: float = 5.0,
        without_dac_override: bool = False,
        json_lines: bool = True,
        environ: dict[str, str] | None = None,
    ) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **(environ or {})}
        env.pop("CHARTDESK_TEST_DRAFT_DELAY", None)
        if delay:
            env["CHARTDESK_TEST_DRAFT_DELAY"] = str(delay)
        json_flag = ["--json"] if json_lines else []
        self.process = subprocess.Popen(
            [*watch_command(), "--clinic", str(root), *json_flag, "--grace", str(grace)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_drop_dac_override if without_dac_override else None,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._threads = [
            threading.Thread(
                target=self._collect, args=(self.process.stdout, self.out), daemon=True
            ),
            threading.Thread(
                target=self._collect, args=(self.process.stderr, self.err), daemon=True
            ),
        ]
        for thread in self._threads:
            thread.start()

    @staticmethod
    def _collect(stream: Any, sink: list[str]) -> None:
        for raw in stream:
            sink.append(raw.decode("utf-8", "replace"))

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_for(self, text: str, timeout: float = WAIT_SECONDS) -> None:
        wait_until_sync(lambda: any(text in line for line in self.err + self.out), timeout)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def terminate(self, timeout: float = 20.0) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout)
        for thread in self._threads:
            thread.join(5)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        for thread in self._threads:
            thread.join(5)


def _drop_dac_override() -> None:
    """In the child before exec: drop root's power to read any file (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH leave the bounding set), so file permissions apply to it too."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.fixture
def watch_processes() -> Iterator[Callable[..., WatchProcess]]:
    started: list[WatchProcess] = []

    def start(root: Path, **options: Any) -> WatchProcess:
        process = WatchProcess(root, **options)
        started.append(process)
        return process

    yield start
    for process in started:
        process.close()
