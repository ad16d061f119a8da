"""The one timed code billed takes the timed total when the note gives no service's own minutes
(issue 12, round 8): "Neuro re-ed billed 97112 x2. Timed 31 min" is 31 minutes of 97112. The
twins: two timed codes share a total in a way the note does not say, and a service's own minutes
read anywhere leave the total alone."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Lucille Okafor-Brandt\nMRN: 845191\nDate: 2045-07-20\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: Vestibular hypofunction, H81.23\n\n"
)
CARE = "Gaze stabilization progressed to busy background; walking with head turns, cues.\n"


def _text(body: str) -> str:
    return HEADER + CARE + body


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(_text(body))
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


def codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(note_from_text(_text(body))).findings]


def test_the_one_timed_code_billed_takes_the_timed_total() -> None:
    body = "Neuro re-ed billed 97112 x2. Timed 31 min; total 31 min.\n"
    assert minutes(body) == {"97112": 31}
    assert codes(body) == []


def test_an_untimed_code_beside_it_does_not_stop_the_reading() -> None:
    body = "Billed: 97164 x1, 97112 x1. Timed 14 min; total 44 min.\n"
    assert minutes(body) == {"97112": 14}


def test_two_timed_codes_billed_share_the_total_unsaid() -> None:
    body = "Billed: 97110 x1, 97530 x1. Timed 28 min; total 28 min.\n"
    assert minutes(body) == {}
    assert codes(body) == []


def test_a_service_with_its_own_minutes_keeps_them() -> None:
    body = "Gait training 12 min, not billed today.\nBilled: 97112 x2. Timed 31 min.\n"
    assert minutes(body).get("97112") is None


def test_no_timed_total_gives_no_minutes() -> None:
    body = "Billed: 97112 x2. Total treatment 31 min.\n"
    assert minutes(body) == {}
