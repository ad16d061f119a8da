"""Offline drafts, round 13 (OFF): a table whose rows carry their own part of the note, a label
naming a screen, and a question put to the patient with its answer; each rule with a twin."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import place_items, split_items

# -- a table whose rows carry their part ----------------------------------------------------------

PARTS_TABLE = """| Section | Item | Value |
|---|---|---|
| Subjective | Report | Gardening again on weekends |
| Exam | Knee flexion AROM | 118° |
| Assessment | Summary | Flexion gains steady |
| Plan | Next | add lunges |
"""


def test_rows_go_to_the_part_their_column_names() -> None:
    assert where(PARTS_TABLE, "Gardening again") == ["Subjective"]
    assert where(PARTS_TABLE, "Knee flexion AROM: 118") == ["Objective"]
    assert where(PARTS_TABLE, "Flexion gains steady") == ["Assessment"]
    assert where(PARTS_TABLE, "add lunges") == ["Plan"]


def test_a_row_is_written_without_its_part() -> None:
    placed = place_items(split_items(PARTS_TABLE), SOAP)
    assert placed["Subjective"] == ["Report: Gardening again on weekends"]


def test_letters_filled_down_name_the_parts() -> None:
    note = "| S | Sleeping through |\n|  | Pain 2/10 |\n| O | Hip ER 30° |\n| P | add bridges |\n"
    assert where(note, "Pain 2/10") == ["Subjective"]
    assert where(note, "Hip ER 30") == ["Objective"]
    assert where(note, "add bridges") == ["Plan"]


def test_the_part_column_may_follow_a_time() -> None:
    note = (
        "| Time | Part | Entry |\n|---|---|---|\n"
        "| 09:02 | S | Stairs easier |\n| 09:30 | A | Steady gains |\n"
    )
    assert where(note, "Stairs easier") == ["Subjective"]
    assert where(note, "Steady gains") == ["Assessment"]


def test_twin_a_column_of_areas_examined_keeps_its_table() -> None:
    note = (
        "| Area | Today |\n|---|---|\n"
        "| Strength | quad 4-/5 |\n| Gait | 300 ft SPC |\n| ROM | knee 0-118 |\n"
    )
    placed = place_items(split_items(note), SOAP)
    assert placed["Objective"] == [note.strip()]


def test_twin_a_column_naming_one_part_keeps_its_table() -> None:
    note = (
        "| Section | Measure | Result |\n|---|---|---|\n"
        "| Objective | TUG | 14.8 s |\n| Objective | Berg | 41/56 |\n"
    )
    placed = place_items(split_items(note), SOAP)
    assert placed["Objective"] == [note.strip()]


# -- a label naming a screen ----------------------------------------------------------------------


def test_a_screen_is_measured_whatever_it_screens_for() -> None:
    assert where("Safety screen: RASS 0, CPOT 1. MAP 74.", "RASS 0") == ["Objective"]
    assert where("Safety screen: RASS 0, CPOT 1. MAP 74.", "MAP 74") == ["Objective"]
    assert where("Fall risk screen: Morse 65, bed alarm on.", "Morse 65") == ["Objective"]


def test_twin_safety_alone_is_a_judgement_and_a_plan_check_a_plan() -> None:
    assert where("Safety: high fall risk on turns; needs CGA.", "high fall risk") == ["Assessment"]
    assert where("Goal check: STG 1 met.", "STG 1 met") != ["Objective"]


# -- a question put to the patient and its answer -------------------------------------------------


def test_a_rating_asked_and_answered_is_what_the_patient_reports() -> None:
    note = "Dyspnea 0-10 at rest? 2. Fatigue out of 10 after the walk? Pt says 5."
    assert where(note, "Dyspnea 0-10 at rest? 2.") == ["Subjective"]
    assert where(note, "Fatigue out of 10 after the walk? Pt says 5.") == ["Subjective"]


def test_a_rating_asked_aloud_keeps_its_answer() -> None:
    note = "Dictated. Um, fatigue, zero to ten? Six, she says. Objective, Dix-Hallpike negative."
    assert where(note, "0 to 10? 6, she says") == ["Subjective"]


def test_a_question_to_the_patient_keeps_its_short_answer() -> None:
    assert where("Any falls since last visit? None.", "Any falls since last visit? None.") == [
        "Subjective"
    ]


def test_twin_a_question_the_clinician_answers_is_not_a_report() -> None:
    note = "Is the limit his legs or his breathing? Breathing, per SpO2 on the walk."
    assert "Subjective" not in where(note, "Breathing, per SpO2")


def test_a_dictated_follow_up_for_a_name_is_framing() -> None:
    note = (
        "Dictated. Okay so this is the vestibular follow up for Rita Gomes, visit three. "
        "She says the spinning is less."
    )
    placed = place_items(split_items(note), SOAP)
    assert "Rita Gomes" not in " ".join(line for lines in placed.values() for line in lines)
    assert where(note, "spinning is less") == ["Subjective"]
