"""Measures for the notes stored before chartdesk recorded them: a store migrated to schema 8
holds signed notes with none, and without them the first `outcomes` report or patient screen
after an upgrade would measure thousands of notes while someone waits.

The elected drafter (the review app's or `chartdesk watch`) measures them in the background, a
batch at a time on a thread, pausing between batches so drafting and review go first. Each
note is recorded measured as it is done, so a stop loses nothing and the next drafter carries
on; `chartdesk measures --backfill` does the same in the foreground.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from typing import TYPE_CHECKING, Final

from tui.core.errors import ChartdeskError
from tui.core.records.store import StoreError

if TYPE_CHECKING:
    from tui.core.service import ClinicService

log = logging.getLogger(__name__)

BATCH: Final = 50
"""Notes per background batch: small, so a draft waiting for the database waits little."""
FOREGROUND_BATCH: Final = 200
"""Notes per batch of `chartdesk measures --backfill`: nobody else waits, so fewer commits."""
PAUSE_SECONDS: Final = 0.05


async def backfill_in_background(
    service: ClinicService,
    stopping: asyncio.Event,
    *,
    batch: int = BATCH,
    pause: float = PAUSE_SECONDS,
) -> None:
    """Measure the unmeasured notes until none is left or `stopping` is set."""
    done, after = 0, 0
    while not stopping.is_set():
        try:
            measured, after = await asyncio.to_thread(service.backfill_batch, after, batch)
        except (sqlite3.Error, StoreError, ChartdeskError) as exc:
            log.warning("measuring older notes stopped (the next start resumes): %s", exc)
            break
        if not measured:
            break
        done += measured
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), pause)
    if done:
        log.info("measured %d notes stored before their measures were recorded", done)
