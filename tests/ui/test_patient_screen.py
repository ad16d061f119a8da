"""The patient screen (`h`): a patient's episode from the queue and from an open draft, its
measures with sparklines, change and MCID, its goals, at a workstation and on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import RecordingApp, pin_timestamps, press_on, review_of, wait_until
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService
from tui.ui.app import DEFAULT_THEME
from tui.ui.screens.patient import PatientScreen
from tui.ui.widgets.sparkline import sparkline

HEADER = (
    "Patient: Dana Whitfield\nMRN: 480221\nDOB: 1958-04-17\nDate: {day}\nVisit: {visit}\n"
    "Discipline: PT\nPayer: Medicare\nDiagnosis: R total knee arthroplasty (10/06/2026), M17.11\n"
    "Skill: {skill}\n\n"
)
EARLIER = (
    ("2026-10-14", 1, "pt_initial_eval",
     "LEFS 31/80. Pain 6/10 at worst. R knee flexion AROM 85°. MMT R quad 3+/5. TUG 18.0 s.\n"
     "Goals: STG 3 wks - LEFS ≥ 40; R knee flexion ≥ 110°. LTG 8 wks - TUG < 12 s.\n"),
    ("2026-10-21", 2, "soap_note",
     "Pain 5/10 at worst. R knee flexion AROM 96°. Ther ex 30 min.\nBilled: 97110 x2\n"),
    ("2026-10-28", 3, "soap_note",
     "LEFS 38/80. Pain 4/10 at worst. R knee flexion AROM 104°. MMT R quad 4-/5. TUG 15.1 s.\n"),
)  # fmt: skip


def add_earlier_visits(service: ClinicService) -> None:
    for day, visit, skill, body in EARLIER:
        path = service.clinic.paths.inbox / f"{day}_whitfield-dana_{skill}.txt"
        path.write_text(HEADER.format(day=day, visit=visit, skill=skill) + body)
        assert service.ingest(path).status == "drafted"
    draft_queued(service, owner="test")
    pin_timestamps(service.clinic.paths.db)


@pytest.fixture
def dana(service: ClinicService) -> int:
    """The demo's Dana Whitfield draft (visit 4), with her three earlier visits recorded."""
    add_earlier_visits(service)
    return next(d.id for d in service.drafts() if d.patient == "Dana Whitfield"
                and d.skill == "soap_note" and d.created.startswith("2026-11"))  # fmt: skip


def patient_screen(app: RecordingApp) -> PatientScreen:
    screen = app.screen
    assert isinstance(screen, PatientScreen)
    return screen


async def open_patient(pilot: Pilot[Any], app: RecordingApp, dana: int) -> PatientScreen:
    assert await wait_until(pilot, lambda: bool(app.screen.query("QueueTable")))
    await press_on(pilot, dana, "h")
    screen = patient_screen(app)
    assert await wait_until(pilot, lambda: screen.loaded)
    await pilot.pause()
    return screen


def static_text(screen: PatientScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_sparkline_scales_between_lowest_and_highest() -> None:
    assert sparkline([1, 2, 3], 8) == "▁▅█"
    assert sparkline([5, 5], 8) == "▄▄"
    assert sparkline(list(range(20)), 4) == "▁▃▆█"
    assert sparkline([], 4) == ""


async def test_h_from_the_queue_shows_the_episode(service: ClinicService, dana: int) -> None:
    app = RecordingApp(service)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_patient(pilot, app, dana)
        header = static_text(screen, "#patient-header")
        assert "Dana Whitfield · DOB 1958-04-17 · MRN 480221" in header
        assert "Episode 1 · PT · R total knee arthroplasty" in header
        rows = [[str(cell) for cell in screen.table.get_row_at(i)]
                for i in range(screen.table.row_count)]  # fmt: skip
        by_name = {row[0]: row for row in rows}
        assert by_name["LEFS"][2:] == ["31/80", "38/80", "+7", "no"]
        assert by_name["Pain"][2:] == ["6/10", "4/10", "-2", "met"]
        assert by_name["TUG (s)"][2:] == ["18.0", "13.8", "-4.2", "met"]
        assert by_name["R knee flexion AROM"][1:] == ["▁▅█▇", "85°", "102°", "+17", "–"]
        assert by_name["MMT R quadriceps"][4] == "+1 gr"
        goals = static_text(screen, "#patient-goals")
        assert "STG LEFS ≥ 40 · by 2026-11-04 · open (38/80 on 2026-11-02)" in goals
        assert "R knee flexion ≥ 110° · by 2026-11-04 · open (102° on 2026-11-02)" in goals
        await pilot.press("escape")
        review_of(app)


async def test_a_narrow_screen_wraps_a_long_measure_name(service: ClinicService, dana: int) -> None:
    """At 60 columns "R knee flexion AROM" and "... PROM" must not both be cut to "R knee
    flexion A": the row grows a line instead, and a short name keeps one."""
    app = RecordingApp(service)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_patient(pilot, app, dana)
        table = screen.table
        heights = {str(table.get_row_at(i)[0]): table.ordered_rows[i].height
                   for i in range(table.row_count)}  # fmt: skip
        assert heights["R knee flexion AROM"] == 2
        assert heights["LEFS"] == 1


async def test_h_from_an_open_draft(service: ClinicService, dana: int) -> None:
    app = RecordingApp(service)
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, dana, "enter")
        await pilot.press("h")
        screen = patient_screen(app)
        assert await wait_until(pilot, lambda: screen.loaded)
        await pilot.press("q")
        review_of(app)


async def test_a_note_without_a_patient_says_so(service: ClinicService, dana: int) -> None:
    app = RecordingApp(service)
    note_id = service.draft(dana).note_id
    with service.store.write() as conn:
        conn.execute("UPDATE notes SET patient = '', mrn = '' WHERE id = ?", (note_id,))
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, dana, "h")
        screen = patient_screen(app)
        assert await wait_until(pilot, lambda: "names no patient" in static_text(
            screen, "#patient-header"))  # fmt: skip


@pytest.mark.parametrize("size", [(100, 30), (60, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_patient_screen(
    snap_compare: Any, service: ClinicService, dana: int, size: tuple[int, int], monkeypatch: Any
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert patient_snapshot(snap_compare, service, dana, size)


def patient_snapshot(
    snap_compare: Any, service: ClinicService, dana: int, size: tuple[int, int]
) -> bool:
    """The patient screen of `dana`'s draft, opened from the queue, against its snapshot."""
    app = RecordingApp(service)

    async def open_and_settle(pilot: Pilot[Any]) -> None:
        app.theme = DEFAULT_THEME
        await open_patient(pilot, app, dana)
        await pilot.pause()

    return bool(snap_compare(app, terminal_size=size, run_before=open_and_settle))
