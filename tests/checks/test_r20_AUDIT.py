"""Round 20, AUDIT: a code's unit defined beside it ("97129 x1 (first 15 min)") is no
service's minutes; "Seen 60 min." is the session's total; the last progress report written in
an aside of the visit number; TOTAL_TIME_INCONSISTENT only when two stated totals disagree;
codes outside 97xxx said aloud and written with their minutes (each rule with its twin)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

# -- a code's unit defined beside it --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cognitive function intervention 97129 x1 (first 15 min) + 97130 x3.",
        "97110 therapeutic exercise (each 15 min) x2",
        "97530 therapeutic activities, per 15-minute unit x1",
        "97130 each additional 15 minutes x2",
        "97112 first 15 min x1",
    ],
)
def test_unit_definition_is_no_minutes(text: str) -> None:
    assert [f.minutes for f in facts_in(text, "service")] == []


@pytest.mark.parametrize(
    ("text", "code", "minutes"),
    [
        ("97116 gait training (15 min)", "97116", 15),
        ("Ther ex 97110: 15 min", "97110", 15),
        ("Rest breaks every 15 min during ther ex 30 min", "97110", 30),
        ("20561 dry needling 14 min", "20561", 14),
        ("20561 Dry needling 3+ muscles - 14 min: R ECRB, R supinator", "20561", 14),
    ],
)
def test_service_minutes_still_read(text: str, code: str, minutes: int) -> None:
    assert [(f.cpt, f.minutes) for f in facts_in(text, "service")] == [(code, minutes)]


# -- "Seen 60 min." -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("Payer: auto (PIP). Seen 60 min.\nBilled 97110 x2", 60),
        ("Pt seen for 45 minutes today.\nBilled 97110 x3", 45),
        ("Seen by ortho 30 min before PT.\nBilled 97110 x2", None),
        ("Pt seen 45 min ago by nursing.\nBilled 97110 x2", None),
        ("Patient seen 2 wks ago.\nBilled 97110 x2", None),
    ],
)
def test_seen_for_minutes(text: str, treatment: int | None) -> None:
    assert extract_billing(text).total_treatment_minutes == treatment


# -- the last progress report in an aside ---------------------------------------------------------


def _codes(text: str) -> list[str]:
    return [f.code for f in audit_note(note_from_text(text)).findings]


BODY = "\n\nTher ex 25 min. Gait 15 min.\nTotal timed 40 min. Total treatment 40 min.\n"


def test_report_in_aside_is_read() -> None:
    head = (
        "Rehab note\nPt X   DOS 01/05/2129\n"
        "Medicare A.  Visit 10 (last progress report: visit 1, eval 12/01/2128)"
    )
    assert "PROGRESS_REPORT_DUE" in _codes(head + BODY + "Billed: 97110 x2, 97116 x1\n")


def test_report_in_aside_early_is_nothing_due() -> None:
    head = "Rehab note\nPt X   DOS 01/05/2129\nMedicare A.  Visit 6 (last progress report: visit 1)"
    codes = _codes(head + BODY + "Billed: 97110 x2, 97116 x1\n")
    assert "PROGRESS_REPORT_DUE" not in codes
    assert "PROGRESS_REPORT_SOON" not in codes


# -- TOTAL_TIME_INCONSISTENT needs two stated totals ----------------------------------------------

SERVICES = "Visit: 4\nPayer: Medicare\n\nTher ex 25 min. NMR 20 min.\n"


def test_minutes_past_the_one_total_is_missing_not_inconsistent() -> None:
    codes = _codes(SERVICES + "Total treatment time: 40 min\nBilled: 97110 x2, 97112 x1\n")
    assert "TOTAL_TIME_INCONSISTENT" not in codes
    assert "TOTAL_TIME_MISSING" in codes


def test_two_totals_that_disagree_are_inconsistent() -> None:
    text = (
        SERVICES + "Total timed 45 min. Total treatment time: 40 min\nBilled: 97110 x2, 97112 x1\n"
    )
    assert "TOTAL_TIME_INCONSISTENT" in _codes(text)


# -- codes said aloud -----------------------------------------------------------------------------


def test_spoken_canalith_code_is_billed() -> None:
    text = "Billing. Ninety five nine nine two times one, nine seven one one two times one."
    assert dict(extract_billing(text).billed) == {"95992": 1, "97112": 1}


def test_spoken_angle_is_no_code() -> None:
    text = (
        "Knee flexion ninety five, nine degrees short. Billing ninety seven one one zero times two."
    )
    assert dict(extract_billing(text).billed) == {"97110": 2}


# -- a dictated opening's visit and last report ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "visit", "last"),
    [
        (
            "Okay, this is a note for Ann Lee, visit twelve, Medicare Part B. Last progress note"
            " was, uh, the initial evaluation at visit one on January ninth. Pain zero.",
            12,
            0,
        ),
        (
            "Dictation for Cy, visit fourteen. Last progress report was at visit five. Pain 2.",
            14,
            5,
        ),
        ("Okay this is for Bo, visit number six, payer Aetna. She walks 3x/wk.", 6, None),
        (
            "Okay this is for Bo, visits 3x/week planned, no pain today and walking well.",
            None,
            None,
        ),
    ],
)
def test_dictated_visit_and_report(text: str, visit: int | None, last: int | None) -> None:
    note = note_from_text(text)
    assert (note.visit, note.last_progress_report) == (visit, last)
