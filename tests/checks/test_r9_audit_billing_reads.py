"""Billing read from shapes the audit used to miss: a billing heading underlined on the line
below, a questionnaire's "total" before the session's, the one billed code whose minutes only
the stated timed total locates, a session of timed services whose minutes make up its total,
and a billed-closing sentence with an abbreviation's full stop. Each reading has a twin that
must not be read that way."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Rowan Tell\nMRN: 450399\nDate: 2045-04-02\nVisit: 5\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R shoulder impingement, M75.41\n\n"
)
CARE = "Shoulder pain 3/10 reaching; scapular setting with tactile cues, progressed to band.\n"


def codes(body: str) -> list[str]:
    return sorted(
        finding.code for finding in audit_note(note_from_text(HEADER + CARE + body)).findings
    )


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(HEADER + CARE + body)
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


# -- a billing heading with its rule on the line below -------------------------------------------


def test_codes_under_an_underlined_billing_heading_are_billed() -> None:
    body = (
        "Ther ex 25 min; manual 13 min. Total timed 38 min; total 38 min.\n\n"
        "BILLING\n=======\n97110 x2\n97140 x1\n"
    )
    assert dict(extract_billing(HEADER + CARE + body).billed) == {"97110": 2, "97140": 1}
    assert codes(body) == []


def test_a_shared_count_under_an_underlined_heading_is_unreadable() -> None:
    body = (
        "Ther ex and manual 38 min. Total timed 38 min; total 38 min.\n\n"
        "Charges\n-------\n97110/97140 x3\n"
    )
    assert dict(extract_billing(HEADER + CARE + body).billed) == {}
    assert codes(body) == ["BILLING_UNREADABLE"]


# -- "total" after a questionnaire's name -------------------------------------------------------


def test_a_questionnaire_total_is_not_the_treatment_time() -> None:
    body = (
        "GAD-7 total 12. SF-36 total 64.\nTher ex 23 min.\nTimed 23 min. Total 30 min.\n"
        "Billed: 97110 x2\n"
    )
    assert extract_billing(HEADER + CARE + body).total_treatment_minutes == 30


def test_a_bare_total_after_the_charges_is_still_the_session() -> None:
    body = "Ther ex 23 min.\nBilled: 97110 x2, timed 23 min, total 30 min.\n"
    assert extract_billing(HEADER + CARE + body).total_treatment_minutes == 30


# -- the one billed code no name reached, from the stated timed total ---------------------------


REMAINDER = (
    "- Manual 12 min: glides.\n"
    "- Band rows, wall slides, ball on wall 14 min.\n"
    "- Self-care 8 min: dressing with one arm.\n"
)


def test_the_minutes_the_timed_total_leaves_belong_to_the_unnamed_code() -> None:
    body = REMAINDER + "Total timed 34 min; total 34 min.\nBilled: 97140 x1, 97110 x1, 97535 x1\n"
    assert minutes(body) == {"97140": 12, "97110": 14, "97535": 8}


def test_no_minutes_are_given_when_the_remainder_is_written_nowhere() -> None:
    body = REMAINDER + "Total timed 38 min; total 38 min.\nBilled: 97140 x1, 97110 x1, 97535 x1\n"
    assert minutes(body) == {"97140": 12, "97535": 8}


def test_two_codes_without_minutes_share_what_is_left_and_neither_is_given_it() -> None:
    body = (
        "- Manual 12 min: glides.\n- Band rows 14 min.\n- Dressing practice 8 min.\n"
        "Total timed 34 min; total 34 min.\nBilled: 97140 x1, 97110 x1, 97535 x1\n"
    )
    assert minutes(body) == {"97140": 12}


# -- a session of timed services whose minutes make up its total --------------------------------


def test_timed_services_making_up_the_session_document_the_timed_total() -> None:
    body = "Ther act 38 min: reaching and carrying.\nTotal session 38 min.\nBilled: 97530 x3\n"
    billing = extract_billing(HEADER + CARE + body)
    assert billing.total_timed_minutes == 38
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_an_untimed_code_billed_leaves_the_timed_total_unstated() -> None:
    body = (
        "Ice 10 min.\nTher ex 25 min: band rows.\nTotal treatment time 35 min.\n"
        "Billed: 97010 x1, 97110 x2\n"
    )
    assert extract_billing(HEADER + CARE + body).total_timed_minutes is None
    assert "TOTAL_TIME_MISSING" in codes(body)


def test_minutes_short_of_the_session_leave_the_timed_total_unstated() -> None:
    body = "Ther act 30 min: reaching.\nTotal session 38 min.\nBilled: 97530 x2\n"
    assert extract_billing(HEADER + CARE + body).total_timed_minutes is None


# -- a billed-closing sentence with an abbreviation ---------------------------------------------


def test_an_abbreviation_does_not_end_the_billed_closing_sentence() -> None:
    body = (
        "Epley L x2, 9 min incl. post-maneuver check -- billed 95992.\n"
        "NMR 23 min.\nTimed 23 min; total 32 min.\nBilled 95992 x1, 97112 x2.\n"
    )
    assert minutes(body)["95992"] == 9


def test_a_new_sentence_before_the_closing_gives_no_earlier_minutes() -> None:
    # a test's minutes (the Dix-Hallpike names no service), a sentence before the closing
    body = (
        "Dix-Hallpike L 9 min. Repeat test negative -- billed 95992.\n"
        "NMR 23 min.\nTimed 23 min; total 32 min.\nBilled 95992 x1, 97112 x2.\n"
    )
    assert "95992" not in minutes(body)


def test_canalith_repositioning_by_name_is_its_untimed_code() -> None:
    body = (
        "Canalith repositioning 12 min, L posterior canal.\nNMR 23 min.\n"
        "Timed 23 min; total 35 min.\nBilled 95992 x1, 97112 x2.\n"
    )
    assert minutes(body) == {"95992": 12, "97112": 23}
    assert "UNTIMED_CODE_MULTIPLE_UNITS" not in codes(body)


def test_canalith_repositioning_billed_twice_is_one_unit_a_day() -> None:
    body = (
        "Canalith repositioning 12 min.\nNMR 23 min.\nTimed 23 min; total 35 min.\n"
        "Billed 95992 x2, 97112 x2.\n"
    )
    assert "UNTIMED_CODE_MULTIPLE_UNITS" in codes(body)


def test_minutes_in_a_goal_or_a_plan_are_not_the_remainder() -> None:
    lines = "- Manual 12 min: glides.\n- Band rows, wall slides.\n- Self-care 8 min: dressing.\n"
    tail = "Total timed 34 min; total 34 min.\nBilled: 97140 x1, 97110 x1, 97535 x1\n"
    assert minutes(lines + "Goal: stand at the counter 14 min to cook.\n" + tail) == {
        "97140": 12,
        "97535": 8,
    }
    assert minutes(lines + "Plan: walk 14 min each morning.\n" + tail) == {"97140": 12, "97535": 8}
