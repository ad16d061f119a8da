"""Measures for the notes of a store made before they were recorded (schema 7): counted and
measured by `chartdesk measures --backfill`, and in the background by the drafter (the review
app's or `chartdesk watch`'s), in batches, resumed where a stopped run left off."""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.intake.conftest import running_pipeline, wait_until
from tests.outcomes.conftest import DAILY, DISCHARGE, EVAL, PROGRESS, note_text
from tests.ui.conftest import RecordingApp
from tests.ui.conftest import wait_until as wait_on_pilot
from tui.cli import main
from tui.core.intake.backfill import backfill_in_background
from tui.core.outcomes.measures import note_measurements
from tui.core.records.store import MIGRATIONS, SCHEMA_VERSION
from tui.core.records.store.base import _register_functions
from tui.core.records.store.schema import statements
from tui.core.service import ClinicService
from tui.core.service.outcomes import READER
from tui.ui.screens.review import ReviewScreen

V7 = 7
STAMP = "2026-11-20T17:00:00+00:00"
VISITS = (
    ("2026-10-01", 1, "pt_initial_eval", EVAL),
    ("2026-10-08", 3, "soap_note", DAILY),
    ("2026-10-29", 10, "progress_report", PROGRESS),
    ("2026-11-20", 16, "discharge_summary", DISCHARGE),
)


def v7_store(db: Path, visits: tuple[tuple[str, int, str, str], ...] = VISITS) -> list[str]:
    """Replace the clinic's store with one at schema 7 (before measures) holding one knee
    episode's notes, each with a checked draft waiting for review, and a scan; the texts."""
    db.unlink()
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    _register_functions(conn)
    for index, script in enumerate(MIGRATIONS[:V7]):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {index + 1}")
    texts = []
    for note_id, (day, visit, skill, body) in enumerate(visits, start=1):
        text = note_text(day, visit, skill, body)
        texts.append(text)
        sha = hashlib.sha256(text.encode()).hexdigest()
        conn.execute(
            "INSERT INTO notes (id, path, sha256, patient, date, visit, discipline, payer, skill,"
            " status, received_at, mrn, dob, day, patient_key) VALUES (?,?,?, 'Dana Whitfield',"
            " ?,?, 'PT', 'Medicare', ?, 'ok', ?, '480221', '1961-03-14', ?, 'dana whitfield')",
            (note_id, f"inbox/{day}_n{note_id}.txt", sha, day, visit, skill, STAMP, day),
        )
        conn.execute(
            "INSERT INTO note_content (note_id, media_type, data) VALUES (?, 'text/plain', ?)",
            (note_id, text.encode()),
        )
        conn.execute(
            "INSERT INTO drafts (id, note_id, skill, status, backend, created_at, updated_at,"
            " ready_at, latest_n, checked_n) VALUES (?,?,?, 'ready', 'offline', ?,?,?, 1, 1)",
            (note_id, note_id, skill, STAMP, STAMP, STAMP),
        )
        conn.execute(
            "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, created_at,"
            " checks_json) VALUES (?, 1, 'Objective: as measured.', 'x', 'model', ?, '{}')",
            (note_id, STAMP),
        )
    conn.execute(
        "INSERT INTO notes (id, path, sha256, patient, date, status, received_at, kind, day)"
        " VALUES (9999, 'inbox/scan.png', 'scan', 'Dana Whitfield', '2026-10-15', 'ok', ?,"
        " 'image', '2026-10-15')",
        (STAMP,),
    )
    conn.execute(
        "INSERT INTO note_content (note_id, media_type, data) VALUES (9999, 'image/png', x'00')"
    )
    conn.commit()
    conn.close()
    return texts


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return dict(json.loads(out))


def test_the_command_counts_and_measures_in_steps(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = v7_store(clinic_dir / ".chartdesk" / "state.db")
    where = ("--clinic", str(clinic_dir), "--json")
    assert run(capsys, "measures", *where) == {"measured": 0, "left": 4}  # not the scan
    assert run(capsys, "measures", "--backfill", "--limit", "3", *where) == {
        "measured": 3, "left": 1}  # fmt: skip
    assert run(capsys, "measures", "--backfill", *where) == {"measured": 1, "left": 0}
    assert run(capsys, "measures", "--backfill", *where) == {"measured": 0, "left": 0}
    service = ClinicService.open(clinic_dir)
    try:
        assert service.store.schema_version() == SCHEMA_VERSION
        stored = service.store.measures_of([1])[1]
        expected = [(m.series, m.kind, m.instrument, m.value, m.text, m.unit)
                    for m in note_measurements(texts[0])]  # fmt: skip
        assert stored == expected and any(row[0] == "LEFS" for row in stored)
        # The episode reads what was recorded: no text note is measured while it is built.
        again: list[int] = []
        service.measure_note = again.append  # type: ignore[assignment,method-assign]
        [episode] = [e for p in service.patient_episodes("Dana Whitfield") for e in p.episodes
                     if e.discharged]  # fmt: skip
        assert episode.primary == "LEFS" and len(episode.visits) == 4
        assert not set(again) & {1, 2, 3, 4}
    finally:
        service.close()


def test_a_bad_limit_is_one_line_exit_2(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["measures", "--backfill", "--limit", "0", "--clinic", str(clinic_dir)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and "--limit" in err


def test_a_stopped_backfill_is_resumed_and_measures_each_note_once(clinic_dir: Path) -> None:
    v7_store(clinic_dir / ".chartdesk" / "state.db")
    service = ClinicService.open(clinic_dir)
    measured: list[int] = []
    original = service.measure_note

    def counting(note_id: int, text: str | None = None) -> int:
        measured.append(note_id)
        return original(note_id, text)

    service.measure_note = counting  # type: ignore[method-assign]
    try:
        stopping = asyncio.Event()
        batch = service.backfill_batch

        def then_stop(after: int, size: int) -> tuple[int, int]:
            stopping.set()  # stop after the first batch, as a quitting app would
            return batch(after, size)

        service.backfill_batch = then_stop  # type: ignore[method-assign]
        asyncio.run(backfill_in_background(service, stopping, batch=2, pause=0))
        assert measured == [1, 2] and service.measures_backlog() == 2
        service.backfill_batch = batch  # type: ignore[method-assign]
        asyncio.run(backfill_in_background(service, asyncio.Event(), batch=2, pause=0))
        assert measured == [1, 2, 3, 4] and service.measures_backlog() == 0
    finally:
        service.close()


async def test_the_drafter_measures_older_notes_in_the_background(clinic_dir: Path) -> None:
    v7_store(clinic_dir / ".chartdesk" / "state.db")
    async with running_pipeline(clinic_dir, watch=False) as running:
        assert running.pipeline.role == "drafter"
        await wait_until(lambda: running.service.measures_backlog() == 0, timeout=60)
        assert running.service.store.measured([1, 2, 3, 4], READER) == {1, 2, 3, 4}


async def test_the_review_app_stays_usable_while_its_drafter_measures(clinic_dir: Path) -> None:
    """200 older notes: the queue answers keys while the app's drafter measures them."""
    many = tuple((f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}", i + 1, "soap_note", DAILY)
                 for i in range(200))  # fmt: skip
    v7_store(clinic_dir / ".chartdesk" / "state.db", many)
    service = ClinicService.open(clinic_dir)
    try:
        app = RecordingApp(service, drafter=True)
        async with app.run_test(size=(100, 30)) as pilot:
            assert await wait_on_pilot(pilot, lambda: bool(app.screen.query("QueueTable")))
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            first = screen.table.selected_id
            await pilot.press("j")
            assert await wait_on_pilot(pilot, lambda: screen.table.selected_id != first)
            assert await wait_on_pilot(pilot, lambda: service.measures_backlog() == 0, 120)
        assert len(service.store.measured(list(range(1, 201)), READER)) == 200
    finally:
        service.close()
