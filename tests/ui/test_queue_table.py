"""The queue's fast paths over DataTable internals: the first screenful at once and the rest in
a batch built off the UI thread, widths kept per column, filters over every row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bench.review import add_drafts
from bench.tenth_year import fill_years
from tests.ui.conftest import RecordingApp, wait_until
from tui.core.records.store import QueueEntry
from tui.core.service import ClinicService
from tui.ui.screens.review import FIRST_ROWS, ReviewScreen
from tui.ui.widgets.queue import RowBatch, fit, short_checks

SIZE = (100, 30)
EXTRA = FIRST_ROWS + 250


@pytest.fixture
def long_queue(clinic_root: Path) -> Iterator[ClinicService]:
    """The demo clinic plus enough drafts that the queue loads in two steps."""
    add_drafts(clinic_root, EXTRA)
    service = ClinicService.open(clinic_root)
    yield service
    service.close()


def _queue_title(screen: ReviewScreen) -> str:
    return str(screen.table.border_title)


async def test_a_long_queue_opens_with_its_first_rows_then_takes_the_rest(
    long_queue: ClinicService,
) -> None:
    service = long_queue
    total = len(service.queue_entries())
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        assert table.total == FIRST_ROWS, "only the first screenful before the first frame"
        assert "loading" in _queue_title(screen)
        await pilot.press("j", "j")
        selected = table.selected_id
        assert await wait_until(pilot, lambda: table.total == total)
        assert table.row_count == total
        assert table.selected_id == selected, "the cursor stays on its draft"
        assert "loading" not in _queue_title(screen)
        ids = [int(str(key.value)) for key in table.rows]
        assert ids == sorted(ids), "arrival order across the two loads"


async def test_a_filter_typed_while_loading_covers_every_row(long_queue: ClinicService) -> None:
    service = long_queue
    wanted = {e.id for e in service.queue_entries() if "Jun" in e.patient}
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("slash", *"Jun")
        assert await wait_until(pilot, lambda: not screen._loading)
        assert {int(str(key.value)) for key in screen.table.rows} == wanted
        assert f"{len(wanted)} of" in _queue_title(screen)


async def test_rows_already_shown_win_over_an_older_batch(
    app: RecordingApp, service: ClinicService
) -> None:
    """A poll may bring a draft's new state before the batch (read earlier) arrives."""
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        entries = service.queue_entries()
        stale = RowBatch.of(entries)
        first = entries[0]
        service.reject(first.id, "Wrong patient")
        screen.refresh_draft(first.id)
        table.add_batch(stale)
        await pilot.pause()
        assert table._all[first.id].entry.status == "rejected"
        assert [int(str(key.value)) for key in table.rows] == [e.id for e in entries]


def test_row_batches_keep_the_widest_cell_of_each_column() -> None:
    entries = [
        QueueEntry(1, "Al", "2026-11-02", "soap_note", "ready", 0.0, 0, 0, 0, True),
        QueueEntry(2, "Bartholomew Quinn-Osei", "2026-11-02", "progress_report", "failed",
                   0.125, 2, 1, 0, True),
    ]  # fmt: skip
    batch = RowBatch.of(entries)
    patient, document, status, checks, cost = batch.widths
    assert patient == len("Bartholomew Quinn-Osei"), "whole names: the layout decides the cut"
    assert document == len("progress report")
    assert status == len("✗ failed")
    assert checks == len("2 missing, 1 unsupported")
    assert cost == len("$0.1250")


def test_a_narrow_check_column_names_the_first_finding_and_counts_the_rest() -> None:
    parts = ("no patient", "2 missing", "1 audit")
    assert short_checks(parts, 40) == "no patient, 2 missing, 1 audit"
    assert short_checks(parts, 24) == "no patient, 2 missing +1"
    assert short_checks(parts, 13) == "no patient +2"
    assert short_checks(("clean",), 5) == "clean"


async def test_status_and_check_colours_reach_the_screen(
    app: RecordingApp, service: ClinicService
) -> None:
    """Cells keep their own style (Rich's Text.render drops a span-less Text's base style, so
    the fast path once painted every status in the table's plain colour)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        table.move_cursor(row=1)
        await pilot.pause()
        strip = table.render_line(1)  # row 0 under the header: not the cursor row
        styles = {segment.text.strip(): segment.style for segment in strip if segment.text.strip()}
        ready = styles["● ready"]
        assert ready is not None and ready.bold and ready.color is not None
        assert ready.color.name in ("green", "color(2)") or ready.color.triplet is not None


def test_fit_cuts_with_an_ellipsis_or_pads() -> None:
    assert fit("Dana Whitfield", 10) == "Dana Whit…"
    assert fit("Al", 5) == "Al   "
    assert fit("田中太郎", 5) == "田中…", "wide characters count two cells"
    assert fit("x", 0) == ""


async def test_the_rest_loading_behind_the_lock_shows_nothing(long_queue: ClinicService) -> None:
    service = long_queue
    total = len(service.queue_entries())
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("ctrl+l")
        assert await wait_until(pilot, lambda: screen.table.total == total)
        assert screen.preview.shown_text is None, "the draft pane stays empty while locked"


async def test_a_queue_that_cannot_be_read_says_so(
    long_queue: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = long_queue
    first = service.queue_entries

    def busy(limit: int | None = None, since: str = "") -> list[QueueEntry]:
        if limit is None:
            raise sqlite3.OperationalError("database is locked")
        return first(limit, since)

    monkeypatch.setattr(service, "queue_entries", busy)
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert await wait_until(pilot, lambda: app.said("database is locked", "error"))
        assert "loading" not in _queue_title(screen)
        assert screen.table.total == FIRST_ROWS, "the first rows stay usable"


@pytest.fixture
def ten_years(clinic_root: Path) -> Iterator[ClinicService]:
    """The demo clinic with ten years of signed notes before its day (a small clinic)."""
    fill_years(clinic_root / ".chartdesk" / "state.db", notes=3000, today=date(2026, 11, 6))
    service = ClinicService.open(clinic_root)
    yield service
    service.close()


async def test_the_queue_lists_open_work_and_recent_days_and_finds_older_by_search(
    ten_years: ClinicService,
) -> None:
    service = ten_years
    old = next(e for e in service.queue_entries() if e.date < "2020")  # signed years ago
    recent = service.queue_entries(since="2026-10-07")
    assert old.id not in {entry.id for entry in recent}
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        assert await wait_until(pilot, lambda: not screen._loading)
        assert table.total == len(recent) < len(service.queue_entries())
        listed = {draft_id for draft_id, _status in table.listed()}
        assert {draft.id for draft in service.drafts("ready")} <= listed, "open work is listed"
        await pilot.press("slash", *old.patient.lower().split()[-1])  # e.g. "moreau-0"
        assert await wait_until(pilot, lambda: table.older > 0)
        assert old.id in {draft_id for draft_id, _status in table.listed()}
        assert "older found" in str(table.border_title)
        await pilot.press("enter", "escape")
        assert table.older == 0 and table.entry(old.id) is None
        assert table.total == len(recent), "the older rows go with the query"


def test_the_store_search_finds_what_the_queue_filter_would(ten_years: ClinicService) -> None:
    """`/` over older drafts (SQL) and over listed ones (Python) read the same words."""
    from tui.core.review.rules import haystack, matches, query_terms

    entries = ten_years.queue_entries()
    before = "2026-10-07"
    for query in ("moreau-1 2019", "signed progress report", "re evaluation 2017-0", "zzz"):
        terms = query_terms(query)
        found = {e.id for e in ten_years.store.search_drafts(terms, before, limit=10_000)}
        wanted = {e.id for e in entries if e.date < before and matches(haystack(e), terms)}
        assert found == wanted, query
