"""The drafter's memory stays flat over many drafts (`make bench`'s burst once grew ~1 MB a
draft: every check ran on a thread of its own and the store kept each thread's SQLite
connection, with its page cache, for the life of the process).

Measured in-process over real drafts (offline backend, real checks on their own threads, a
real state.db): connections left open, SQLite's own allocations, and Python's (tracemalloc),
from draft WARM to draft WARM + MEASURED. The bounds are generous, several times what a healthy
drafter uses, and far below what one object or connection kept per draft adds; nothing here
depends on time."""

from __future__ import annotations

import _sqlite3
import asyncio
import ctypes
import gc
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from tests.intake.conftest import note_bytes
from tui.core.intake.pipeline import Pipeline
from tui.core.service import ClinicService

WARM = 8
MEASURED = 30
SQLITE_GROWTH_BOUND = 1_500_000  # a kept connection holds ~150 kB of SQLite memory at least
PYTHON_GROWTH_BOUND = 3_000_000  # the checks' bounded caches fill as they see new notes


def _sqlite_memory() -> Callable[[], int] | None:
    """SQLite's `sqlite3_memory_used` from the library Python's sqlite3 links, if it exports it."""
    try:
        function = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_int64
    return lambda: int(function())


def _draft(service: ClinicService, start: int, stop: int) -> None:
    before = set(threading.enumerate())
    for index in range(start, stop):
        path = service.clinic.paths.inbox / f"n-{index:03d}.txt"
        path.write_bytes(note_bytes(index))
        service.ingest(path)
    asyncio.run(Pipeline(service, service.backend, "memory-test", watch=False).drain())
    # The checks' threads close their connections as they end: wait for those this drafting
    # started (not for a clock, nor for threads other tests left behind).
    for thread in set(threading.enumerate()) - before:
        thread.join(timeout=60)
        assert not thread.is_alive(), f"{thread.name} still running after 60 s"
    gc.collect()


def test_drafting_keeps_no_connection_or_memory_per_draft(clinic: Path) -> None:
    sqlite_memory = _sqlite_memory()
    service = ClinicService.open(clinic)
    try:
        _draft(service, 0, WARM)
        tracemalloc.start()
        try:
            python_before = tracemalloc.get_traced_memory()[0]
            sqlite_before = sqlite_memory() if sqlite_memory else 0
            _draft(service, WARM, WARM + MEASURED)
            python_growth = tracemalloc.get_traced_memory()[0] - python_before
        finally:
            tracemalloc.stop()
        sqlite_growth = (sqlite_memory() - sqlite_before) if sqlite_memory else 0
        ready = [d for d in service.queue_json()["drafts"] if d["status"] == "ready"]
        assert len(ready) == WARM + MEASURED
        assert service.store.open_connections == 1  # this thread's; each check's closed
        assert python_growth < PYTHON_GROWTH_BOUND, f"Python heap grew {python_growth} B"
        assert sqlite_growth < SQLITE_GROWTH_BOUND, f"SQLite memory grew {sqlite_growth} B"
    finally:
        service.close()
