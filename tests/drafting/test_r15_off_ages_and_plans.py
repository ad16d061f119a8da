"""Offline drafts, round 15 (AUDIT): a statement opening with the patient's age is History; a
plan's line of next steps stays the one statement it was written as. Each with a twin."""

from __future__ import annotations

from tests.placing import PT_EVAL, SOAP, where


def test_a_statement_opening_with_the_age_is_history() -> None:
    note = "Referred by geriatrics. 84 yo F, 3 falls in past 12 mo (last 02/28, no fx).\n"
    assert where(note, "84 yo F", PT_EVAL) == ["History"]
    assert where("Pt is a 72 year old retired teacher, R TKA 2 wk ago.\n", "72 year", PT_EVAL) == [
        "History"
    ]
    assert where("67-y.o. M, L hip OA, BMI 31.\n", "67-y.o.", PT_EVAL) == ["History"]


def test_twin_an_age_inside_a_measure_is_no_history() -> None:
    note = "TUG 15.7 s with cane (norm for 80-84 yo < 12 s).\n"
    assert where(note, "TUG 15.7", PT_EVAL) == ["Tests and Measures"]
    assert where("Amb 84 ft with RW, CGA.\n", "Amb 84 ft", PT_EVAL) == ["Tests and Measures"]


def test_a_plan_line_of_next_steps_stays_whole() -> None:
    note = 'P: Cont 2x/wk. Progress to 8" step-downs next wk. Recheck girth.\n'
    assert where(note, 'Cont 2x/wk. Progress to 8" step-downs', SOAP) == ["Plan"]
    note = "Plan: continue 3x/wk. Add prone Y and T. Will reassess LEFS next visit.\n"
    assert where(note, "continue 3x/wk. Add prone Y", SOAP) == ["Plan"]
    note = "Plan: 2x/wk x 6 wks. Will progress to tandem gait. Next visit add step training.\n"
    assert where(note, "6 wks. Will progress to tandem gait", PT_EVAL) == ["Plan of Care"]


def test_twin_a_labelled_sentence_after_the_plan_keeps_its_own_section() -> None:
    note = "P: Cont 2x/wk. Progress to step-downs. HEP: bridges 2x10 daily.\n"
    assert where(note, "Cont 2x/wk. Progress to step-downs", SOAP) == ["Plan"]
    assert where(note, "Progress to step-downs. HEP", SOAP) == []


def test_twin_a_report_after_the_plan_stays_a_statement_of_its_own() -> None:
    note = "P: Cont 2x/wk. Pt reports knee pain 3/10 on stairs.\n"
    assert where(note, "Cont 2x/wk", SOAP) == ["Plan"]
    assert where(note, "Cont 2x/wk. Pt reports", SOAP) == []
