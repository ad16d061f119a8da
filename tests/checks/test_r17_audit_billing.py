"""Round 17, billing: totals written as counts or in prose, rests in brackets, a form's minutes
cells, and the parts of a group session (each rule with the readings it must not make)."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing, extract_facts

HEADER = "Patient: Test Person\nDate: 2101-02-01\nDiscipline: PT\nPayer: Medicare\n\n"


def _services(body: str) -> dict[str | None, int | None]:
    return {fact.cpt: fact.minutes for fact in extract_billing(body).services}


def _codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(note_from_text(HEADER + body)).findings]


# -- a total written as a count out of a whole ----------------------------------------------


def test_a_total_of_items_out_of_a_whole_is_no_treatment_time() -> None:
    body = (
        "Total: 9 of 12 stations cleared.\nWheelchair management training 30 min.\n"
        "Timed 30 min; session total 30 min.\nBilled 97542 x2.\n"
    )
    billing = extract_billing(body)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (30, 30)


def test_a_total_out_of_a_whole_in_words_is_no_treatment_time() -> None:
    body = "Total = 17 out of 20 tasks done.\nSelf-care training 25 min.\nBilled 97535 x2.\n"
    assert extract_billing(body).stated_treatment_minutes is None


def test_a_total_with_minutes_is_still_read() -> None:
    assert extract_billing("Ther ex 30 min.\nTotal: 30 min.\n").stated_treatment_minutes == 30


# -- totals in prose --------------------------------------------------------------------------


def test_minutes_in_all_are_the_session_total() -> None:
    body = "Ther ex 25 min.\nManual therapy 13 min.\nWe worked 38 minutes in all.\n"
    assert extract_billing(body).stated_treatment_minutes == 38


def test_a_session_that_lasted_minutes_gives_the_total() -> None:
    body = "The session lasted 40 minutes: gait training 25 min, neuro re-ed 15 min.\n"
    assert extract_billing(body).stated_treatment_minutes == 40


def test_in_all_without_minutes_is_no_total() -> None:
    body = "Independent in all ADLs. 14 visits in all.\nTher ex 20 min.\n"
    assert extract_billing(body).stated_treatment_minutes is None


def test_a_service_that_took_minutes_is_no_session_total() -> None:
    body = "Manual treatment took 12 minutes.\n"
    assert extract_billing(body).stated_treatment_minutes is None


# -- a rest's minutes in brackets --------------------------------------------------------------


def test_minutes_of_a_rest_in_brackets_are_no_service() -> None:
    body = "Gait: 2WW, 65 ft x2, CGA, 1 standing rest (2 min)\n"
    assert _services(body) == {}


def test_a_break_in_brackets_is_no_service_beside_the_real_one() -> None:
    body = (
        "Gait: hallway loop w/ RW, 2 laps, standing break (2 min) after lap 1.\n"
        "Gait training 18 min: heel-toe sequencing.\n"
    )
    assert _services(body) == {"97116": 18}


def test_minutes_in_brackets_after_a_distance_stay_the_service() -> None:
    assert _services("Gait training, 150 ft x 3 (12 min)\n") == {"97116": 12}


# -- a form's minutes cell ---------------------------------------------------------------------


def test_a_minutes_cell_closing_a_line_is_its_service() -> None:
    body = "    Self-care / ergonomic training (mouse position, keyboard tray)  Minutes: 10\n"
    assert _services(body) == {"97535": 10}


def test_a_minutes_cell_after_a_wrapped_bracket_is_its_service() -> None:
    body = (
        "Interventions:  Therapeutic exercise (isometric -> eccentric wrist ext with 2 lb\n"
        "dumbbell, 3 x 15; Tyler twist)  Minutes: 20\n"
    )
    assert _services(body) == {"97110": 20}


def test_a_minutes_cell_on_a_line_of_two_services_is_nobody_s() -> None:
    assert _services("Ther ex, manual therapy  Minutes: 30\n") == {}


def test_a_minutes_cell_naming_no_service_gives_nothing() -> None:
    assert _services("Rest break  Minutes: 5\n") == {}


# -- a group session ---------------------------------------------------------------------------

GROUP = (
    "Group plan today: warm-up march 10 min, gait drills through cones 12 min, ther ex circuit "
    "15 min, stretching 5 min.\nTotal class time: 42 min.\n"
)


def test_the_parts_of_a_group_session_are_no_timed_services() -> None:
    body = GROUP + "Billed: 97150 x1.\n"
    billing = extract_billing(body)
    assert billing.services == ()
    assert billing.stated_treatment_minutes == 42
    assert _codes(body) == []


def test_a_note_billing_timed_codes_keeps_its_services() -> None:
    body = GROUP + "Billed: 97150 x1, 97110 x1.\n"
    assert _services(body).get("97110") == 15


def test_a_code_written_with_minutes_in_a_group_note_stays() -> None:
    body = "Group balance class 45 min.\n97110 12 min 1:1 after class.\nBilled: 97150 x1.\n"
    assert _services(body).get("97110") == 12


def test_a_group_session_s_clock_is_its_treatment_time() -> None:
    body = "AQUATIC GROUP 09:00-09:50 (4 participants)\nPain 3/10.\nCharge: 97150 x 1\n"
    billing = extract_billing(body)
    assert billing.stated_treatment_minutes == 50
    assert all(fact.cpt != "97113" for fact in billing.services)


def test_a_one_to_one_aquatic_session_keeps_its_clock() -> None:
    body = "Aquatic therapy 09:00-09:40.\nBilled: 97113 x3.\n"
    assert _services(body).get("97113") == 40


def test_group_parts_are_no_facts() -> None:
    body = GROUP + "Billed: 97150 x1.\n"
    assert [fact for fact in extract_facts(body) if fact.kind == "service"] == []
