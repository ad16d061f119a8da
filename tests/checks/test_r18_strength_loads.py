"""Round 18 (STRENGTH): loads of an FCE table's earlier column, lifts tested to an end point,
a dynamometer's list parted by semicolons, girths written without their unit and an earlier
value restated after the other side. Each rule with the readings it must make and those it must
refuse.
"""

from __future__ import annotations

import pytest

from tests.checks.conftest import labels_of
from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


def _of(body: str, kind: str) -> dict[float, str]:
    """Each value of `kind` in the note `body` -> its label."""
    return labels_of(HEADER + body, kind)


FCE_COLUMNS = (
    "FUNCTIONAL CAPACITY EVALUATION - RE-TEST\n"
    "Material handling              Initial FCE 03/25/2099     Re-test today\n"
    "Floor to waist lift (occ)      25 lb                      45 lb\n"
    "Waist to shoulder (occ)        15 lb                      30 lb\n"
    "Bilateral carry                30 lb                      50 lb\n"
)


def test_an_fce_tables_earlier_column_is_the_lifts_previous_load() -> None:
    found = _of(FCE_COLUMNS, "strength")
    assert "previous" in found[25] and "floor to waist" in found[25]
    assert "previous" not in found[45]
    assert "previous" in found[15]
    assert "previous" not in found[50]


def test_a_lifting_heading_gives_way_to_the_rows_lift() -> None:
    body = (
        "FCE discharge re-test\n"
        "Lifting                         Admission 10/14/2106      Discharge today\n"
        "Floor to knuckle (occasional)   20 lb                     40 lb\n"
        "Knuckle to shoulder (occ)       15 lb                     35 lb\n"
    )
    found = _of(body, "strength")
    assert found[20] == "floor to knuckle (previous)"
    assert found[40] == "floor to knuckle"


def test_a_demand_column_after_todays_load_is_the_jobs() -> None:
    body = (
        "FCE re-test, 97750.\n\n"
        "| Task | FCE 12/02/2106 | Today | Job demand |\n|---|---|---|---|\n"
        "| Floor to waist lift | 15 lb | 35 lb | 50 lb |\n"
    )
    found = _of(body, "strength")
    assert "previous" in found[15]
    assert 35 in found and "previous" not in found[35]
    assert 50 not in found


@pytest.mark.parametrize(
    "line",
    [
        "Lift floor to waist: 15 lb, stopped by thigh pain.",
        "Waist-to-shoulder lift 15 lb; test terminated due to R arm tingling.",
    ],
)
def test_a_lift_stopped_by_a_symptom_was_tested(line: str) -> None:
    assert 15 in _of("O: " + line + "\n", "strength")


@pytest.mark.parametrize(
    "line",
    [
        "Pt stopped by the front desk after; reports he lifted 40 lb at work last week.",
        "Pt stopped lifting 40 lb at work due to LBP, per report.",
        "HEP: floor to waist lift 40 lb, stop if pain increases.",
        "Restriction: no lifting over 40 lb until follow up; stop with pain.",
        "Deadlift 40 lb 3x8, stopped set 3 due to fatigue.",
        "Kettlebell deadlift 40 kg x 10, terminated due to LBP.",
        "Floor to waist 40 lb, below the 50 lb job demand.",
        "Goal: floor to waist 40 lb without pain by 4 wks.",
    ],
)
def test_no_test_without_a_test_or_with_a_job_or_a_program(line: str) -> None:
    assert 40 not in _of("S: Back pain.\nO: " + line + "\n", "strength")


def test_a_testing_heading_makes_its_list_tested() -> None:
    body = (
        "Job demands:\n - Lift stock pot floor to waist 18 kg, occasional\n"
        "Testing this session:\n - Floor to waist lift 12 kg, good mechanics\n"
    )
    found = _of(body, "strength")
    assert 12 in found and 18 not in found


def test_a_dynamometers_list_goes_on_past_a_semicolon() -> None:
    found = _of("O: HHD hip abd R 18.2 kg, L 22.6 kg; hip ER R 11.4 kg, L 13.9 kg.\n", "strength")
    assert found[11.4] == "R hip ER hhd"
    assert found[13.9] == "L hip ER hhd"
    assert found[18.2] == "R hip abduction hhd"


@pytest.mark.parametrize(
    "line",
    [
        "HHD knee ext R 20 kg; norm R 35 kg for age.",
        "HHD knee ext R 20 kg; band row R 35 kg x 15.",
        "HHD knee ext R 20 kg; goal L 35 kg.",
        "HHD knee ext R 20 kg; leg press R 35 kg 3x10.",
    ],
)
def test_a_norm_a_goal_or_a_load_after_the_list_is_no_dynamometry(line: str) -> None:
    found = _of("O: " + line + "\n", "strength")
    assert 20 in found and 35 not in found


@pytest.mark.parametrize(
    ("line", "left", "right"),
    [("edema fig8 L 55.5 R 52", 55.5, 52), ("calf circ L 36 R 37.5", 36, 37.5)],
)
def test_a_tapes_girth_without_its_unit(line: str, left: float, right: float) -> None:
    found = _of("o- " + line + "\n", "girth")
    assert found[left].startswith("L") and found[right].startswith("R")


@pytest.mark.parametrize(
    "line",
    [
        "Circ edema L 2+ R 1+.",
        "Fig 8 walking L 12 R 10 reps",
        "Figure of 8 run L 14 R 12 s",
        "Girth L > R by 3",
        "Circ measured, pain L 4 R 2.",
        "Girth R 40-42 L 38",
        "edema L 55 R 52",
    ],
)
def test_no_bare_girth_from_grades_counts_times_or_edema_alone(line: str) -> None:
    assert not _of("o- " + line + "\n", "girth")


def test_an_earlier_value_after_the_other_side_is_that_sides() -> None:
    found = _of("O: Grip R 20 kg left weaker (was 18).\n", "strength")
    assert found[18] == "L grip (previous)"
    found = _of("O: Grip (Jamar pos 2): R 31 kg, left still weaker (was 9 at IE).\n", "strength")
    assert found[9] == "L grip (previous)"
    assert 2 not in found


def test_the_same_side_or_no_side_keeps_the_restated_label() -> None:
    assert (
        _of("O: Grip R 20 kg, right hand sore (was 18).\n", "strength")[18] == "R grip (previous)"
    )
    assert 8 not in _of("O: Pain 3/10, left knee worse (was 8).\n", "pain")


@pytest.mark.parametrize(
    "line",
    [
        "Grip (Jamar II) R 12 kg, L 15 kg  (norm for age ~25 kg)",
        "Grip R 12 kg, L 15 kg (age norm R 25 kg, L 25 kg).",
        "Grip R 12 kg, L 15 kg; predicted 25 kg.",
    ],
)
def test_a_grips_norm_is_no_grip(line: str) -> None:
    found = _of("O: " + line + "\n", "strength")
    assert 12 in found and 15 in found and 25 not in found


def test_a_side_after_a_normal_word_is_the_patients() -> None:
    found = _of("O: Grip normal R 40 kg L 38 kg\n", "strength")
    assert 40 in found and 38 in found


def test_repetitions_after_a_load_stand_only_where_the_lift_was_tested() -> None:
    body = (
        "Compared to her initial eval on 01/12/2102:\n"
        "- Lift floor to waist 15 kg x 5 reps, waist to shoulder 7 kg x 5 reps\n"
    )
    found = _of(body, "strength")
    assert found[15] == "floor to waist"
    assert found[7] == "waist to shoulder"
    for dose in (
        "Floor to waist lift 15 kg x 10 reps.",
        "Deadlift 15 kg x 10, stopped by fatigue.",
        "Floor to waist lift 15 kg 3x10.",
    ):
        assert 15 not in _of("O: " + dose + "\n", "strength")


def test_a_dynamometers_list_goes_on_in_the_next_sentence_of_its_line() -> None:
    body = (
        "O: HHD knee ext R 22.4 kg, L 30.1 kg (R/L 74%). Knee flex R 14.0 kg. "
        "Leg press R 40 kg 3x10.\n"
    )
    found = _of(body, "strength")
    assert found[14.0] == "R knee flexion hhd"
    assert 40 not in found
    found = _of("O: HHD hip abd R 18 kg. Goal R 25 kg. Hip ER R 10 kg.\n", "strength")
    assert 18 in found and 25 not in found and 10 not in found


@pytest.mark.parametrize(
    ("line", "value", "label"),
    [
        ("Grip R 18.5 kg, L 27 kg. Last visit R 15 kg.", 15, "R grip (previous)"),
        ("Grip (Jamar II): R 20 kg, L 30 kg. R was 11 kg at eval.", 11, "R grip (previous)"),
        ("Grip R 20 kg, L 30 kg. L was 25 kg at eval.", 25, "L grip (previous)"),
    ],
)
def test_an_earlier_value_restated_with_its_side(line: str, value: float, label: str) -> None:
    assert _of("O: " + line + "\n", "strength")[value] == label


@pytest.mark.parametrize(
    "line",
    [
        "HR 80 bpm. Last visit R 90.",
        "Grip R 20 kg. R was 3 weeks ago.",
        "Grip R 20 kg. R was 2x/wk.",
    ],
)
def test_no_side_restated_where_the_measure_has_none_or_no_value_follows(line: str) -> None:
    facts = _facts("O: " + line + "\n")
    assert not [f for f in facts if "previous" in f.label]
