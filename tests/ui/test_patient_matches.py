"""Answering a possible match on the patient screen: a note written "Dana Whitfield" with no
date of birth or MRN may be the demo's Dana Whitfield; the screen lists it, `s` or `d` records
the answer after a yes/no question (stored and audited without names), `u` undoes it."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import RecordingApp, pin_timestamps, wait_until
from tests.ui.test_patient_screen import add_earlier_visits, open_patient, patient_snapshot
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.patient import PatientScreen

UNDATED = (
    "Patient: Dana Whitfield\nDate: 2026-10-07\nDiscipline: PT\nPayer: Medicare\n"
    "Skill: soap_note\n\nPain 5/10 at worst. R knee flexion AROM 92°. Ther ex 30 min.\n"
    "Billed: 97110 x2\n"
)


@pytest.fixture
def dana(service: ClinicService) -> int:
    """The demo's Dana Whitfield draft with her earlier visits, and one more visit written
    without her date of birth or MRN (a possible match, not merged)."""
    add_earlier_visits(service)
    path = service.clinic.paths.inbox / "2026-10-07_whitfield-dana_soap.txt"
    path.write_text(UNDATED)
    assert service.ingest(path).status == "drafted"
    draft_queued(service, owner="test")
    pin_timestamps(service.clinic.paths.db)
    return next(d.id for d in service.drafts() if d.patient == "Dana Whitfield"
                and d.skill == "soap_note" and d.created.startswith("2026-11"))  # fmt: skip


@pytest.fixture
def plain_dana(service: ClinicService) -> int:
    """The demo's Dana Whitfield draft with her earlier visits only."""
    add_earlier_visits(service)
    return next(d.id for d in service.drafts() if d.patient == "Dana Whitfield"
                and d.skill == "soap_note" and d.created.startswith("2026-11"))  # fmt: skip


def matches(screen: PatientScreen) -> str:
    return str(screen.query_one("#patient-matches", Static).render())


async def answer(pilot: Pilot[Any], app: RecordingApp, key: str, reply: str) -> ConfirmScreen:
    """Press `key` on the patient screen and `reply` in the question it asks."""
    await pilot.press(key)
    assert await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    dialog = app.screen
    assert isinstance(dialog, ConfirmScreen)
    await pilot.press(reply)
    assert await wait_until(pilot, lambda: isinstance(app.screen, PatientScreen))
    return dialog


def links(service: ClinicService) -> list[tuple[int, str]]:
    return [(int(same), str(author)) for same, author in
            service.store.db.execute("SELECT same, author FROM identity_links")]  # fmt: skip


async def test_same_patient_is_asked_recorded_audited_and_undone(
    service: ClinicService, dana: int
) -> None:
    app = RecordingApp(service)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_patient(pilot, app, dana)
        assert "same patient? Dana Whitfield · no DOB · no MRN" in matches(screen)
        assert "a date of birth is missing" in matches(screen)
        visits = len(screen.found.episodes[0].visits) if screen.found else 0
        dialog = await answer(pilot, app, "s", "n")  # no: nothing recorded
        assert "is the same patient as" in dialog.question and "MRN 480221" in dialog.question
        assert links(service) == []
        await answer(pilot, app, "s", "y")
        assert await wait_until(pilot, lambda: "same patient: " in matches(screen))
        assert screen.found is not None and screen.found.ambiguities == []
        assert len(screen.found.episodes[0].visits) == visits + 1  # the undated visit joins
        assert [same for same, _author in links(service)] == [1]
        log = service.clinic.paths.audit_log.read_text()
        assert "identity_link" in log and "Whitfield" not in log and "480221" not in log
        await answer(pilot, app, "u", "y")
        assert await wait_until(pilot, lambda: "same patient? " in matches(screen))
        assert links(service) == []
        assert "identity_unlink" in service.clinic.paths.audit_log.read_text()
        assert len(screen.found.episodes[0].visits) == visits


async def test_different_patient_keeps_the_notes_apart(service: ClinicService, dana: int) -> None:
    app = RecordingApp(service)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_patient(pilot, app, dana)
        dialog = await answer(pilot, app, "d", "y")
        assert "is a different patient from" in dialog.question
        assert await wait_until(pilot, lambda: "different patient: " in matches(screen))
        assert [same for same, _author in links(service)] == [0]
        assert screen.found is not None and screen.found.ambiguities == []
        # s and d answer only a match still open; the answer is undone with u.
        assert screen.check_action("same_patient", ()) is False
        assert screen.check_action("undo_match", ()) is True
        # Two patients now, each listing the answer that keeps them apart.
        found = service.patient_episodes("Dana Whitfield")
        assert [p.to_json()["answered"][0]["same"] for p in found] == [False, False]


async def test_a_patient_without_possible_matches_hides_the_panel(
    service: ClinicService, plain_dana: int
) -> None:
    dana = plain_dana
    app = RecordingApp(service)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_patient(pilot, app, dana)
        assert not screen.query_one("#patient-matches").display
        assert screen.check_action("same_patient", ()) is False
        await pilot.press("s")  # nothing to answer: no question
        assert isinstance(app.screen, PatientScreen)


@pytest.fixture
def three_ways(service: ClinicService, dana: int) -> int:
    """Dana with two more possible matches: a middle name written out, one of two."""
    for middle, day in (("Marie", "2026-10-09"), ("Quinn", "2026-10-11")):
        text = UNDATED.replace("Dana Whitfield", f"Dana {middle} Whitfield\nDOB: 1958-04-17")
        path = service.clinic.paths.inbox / f"{day}_whitfield-{middle.lower()}_soap.txt"
        path.write_text(text.replace("2026-10-07", day))
        assert service.ingest(path).status == "drafted"
    draft_queued(service, owner="test")
    return dana


async def test_many_possible_matches_are_shown_two_at_a_time(
    service: ClinicService, three_ways: int
) -> None:
    app = RecordingApp(service)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_patient(pilot, app, three_ways)
        assert screen.found is not None and len(screen.found.ambiguities) == 3
        assert matches(screen).count("same patient?") == 2
        assert "1 of 3; m shows the next" in matches(screen)
        await pilot.press("m", "m")
        shown = matches(screen)
        assert "3 of 3" in shown and "▶ same patient? Dana Quinn Whitfield" in shown
        await pilot.press("m")  # round to the first
        assert "▶ same patient? Dana Whitfield · no DOB" in matches(screen)


@pytest.mark.parametrize("size", [(100, 30), (60, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_patient_screen_with_a_possible_match(
    snap_compare: Any, service: ClinicService, dana: int, size: tuple[int, int], monkeypatch: Any
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert patient_snapshot(snap_compare, service, dana, size)
