"""A session's minutes from the clock times a note gives (issue 12), for the billing audit; a
clock range is never a measurement. Each note has a twin that must not be read as one."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.extract import extract_billing, extract_facts


def _treatment(text: str) -> int | None:
    return extract_billing(text).total_treatment_minutes


def test_four_digit_times_after_a_session_word_give_the_minutes() -> None:
    assert _treatment("Treated 1515-1552 in the gym.\nGait trng 37 min.\n97116 x3\n") == 37
    # twin: a range of volumes is a quantity, not two times of day
    assert _treatment("Limb volume 1400-1600 mL across the week.\n") is None


def test_a_range_with_am_or_pm_once_shares_it() -> None:
    assert _treatment("Visit 3:05-3:48 pm. Ther ex 43 min.\n") == 43
    # twin: a duration written in minutes and seconds is not a clock range
    assert _treatment("Plank hold 1:10-1:40 min.\n") is None


def test_time_in_and_time_out_in_four_digits() -> None:
    assert _treatment("Time in 0805 time out 0851\nNMR 46 min\n") == 46
    # twin: an "in ... out" with a span of years is not a session
    assert list(clock_ranges("in 2019 out 2021 she worked nights")) == []


def test_times_with_a_letter_for_am_or_pm() -> None:
    assert _treatment("9:40a-10:25a: ther act, self-care.\n") == 45
    # twin: a range of years with no session word is not a session
    assert _treatment("Lived in Ohio 2015-2021.\n") is None


def test_a_session_across_midnight_counts_forward() -> None:
    assert _treatment("Home visit 2340-0015 (after-hours call).\n") == 35
    # twin: a range longer than any session is not read as one
    assert _treatment("Session 0800-1630 (day program).\n") is None


def test_a_clock_range_is_never_a_measurement() -> None:
    note = "Seen 1320-1358. Knee flexion 0-118 deg.\n"
    values = [fact.value for fact in extract_facts(note)]
    assert 1320 not in values and 1358 not in values and 118 in values
    # twin: the same digits with a unit are read as what they measure
    assert 1320 in [fact.value for fact in extract_facts("Walked 1320 ft in 6MWT.\n")]


def test_the_audit_weighs_timed_minutes_against_the_clock() -> None:
    header = (
        "Patient: Test Person\nMRN: 999001\nDate: 2026-12-20\nVisit: 3\nDiscipline: PT\n"
        "Payer: Medicare\nDiagnosis: R knee OA, M17.11\n\n"
    )
    body = "Seen 1405-1433.\nTher ex {minutes} min.\nTotal timed {minutes} min.\nBilled: 97110 x2\n"
    over = audit_note(note_from_text(header + body.format(minutes=38)))
    assert "TOTAL_TIME_INCONSISTENT" in [finding.code for finding in over.findings]
    # twin: timed minutes that fit in the session's 28 minutes raise nothing about the totals
    fits = audit_note(note_from_text(header + body.format(minutes=28)))
    codes = [finding.code for finding in fits.findings]
    assert "TOTAL_TIME_INCONSISTENT" not in codes and "TOTAL_TIME_MISSING" not in codes
