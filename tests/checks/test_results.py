"""A count the note states as a result is missing from a draft that drops it; a count that is a
dose or a goal never is (issue 12). Notes of our own, each with a twin."""

from __future__ import annotations

import pytest

from tui.core.checks.measures.results import result_counts
from tui.core.checks.verify.verify import verify

RESULTS = [
    ("S: Daughter reports 2 falls since last visit, both at night. Pain 3/10.", [2]),
    ("Hx: 4 near-falls in the past month on the stairs.", [4]),
    ("O: Reached across midline to place pegs: 7/9 trials w/o dropping.", [7]),
    ("O: 30 sec sit to stand test 11 reps w/ arms crossed.", [11]),
    ("O: Heel raise test L 14 reps to fatigue.", [14]),
]
DOSES = [
    "Tx: sit to stand 3x10 from mat, heel raises 2 sets of 15 reps.",
    "HEP: bridges 10 reps twice daily; clamshells 15 reps.",
    "Goals: 0 falls in 3 months; 30 sec sit to stand test 14 reps.",
    "Plan: 3 visits/wk for 4 wks; 2 sessions left.",
]


@pytest.mark.parametrize(("note", "counts"), RESULTS, ids=lambda x: str(x)[:30])
def test_results_are_counted(note: str, counts: list[float]) -> None:
    assert [count.value for count in result_counts(note)] == counts


@pytest.mark.parametrize("note", DOSES, ids=lambda x: x[:30])
def test_doses_goals_and_schedules_are_not_results(note: str) -> None:
    assert result_counts(note) == []


def test_a_draft_that_drops_falls_and_trials_misses_them() -> None:
    note = (
        "S: Pt reports 3 falls in 6 mo, last one reaching into a cupboard. Pain 2/10.\n"
        "O: Tandem stance >10 s in 3/5 trials. Ther ex: step-ups 3x12, 2 sets of 10 reps."
    )
    draft = "Subjective: Pain 2/10.\nObjective: Tandem stance practised; step-ups 3x12."
    missing = verify(note, draft).missing
    assert sorted((f.value, f.unit) for f in missing) == [(3, "/5"), (3, "falls")]


def test_a_draft_stating_the_counts_in_its_own_words_is_clean() -> None:
    note = (
        "S: Pt reports 3 falls in 6 mo, last one reaching into a cupboard. Pain 2/10.\n"
        "O: Tandem stance >10 s in 3/5 trials. Ther ex: step-ups 3x12, 2 sets of 10 reps."
    )
    draft = (
        "Subjective: Three falls over the last six months. Pain 2/10.\n"
        "Objective: Held tandem stance over 10 s on 3 of 5 trials. Step-ups 3x12."
    )
    assert verify(note, draft).clean


def test_a_draft_that_drops_a_dose_is_not_missing_anything() -> None:
    """Twin: the repetitions are a dose, so leaving them out loses no result."""
    note = "O: Pain 2/10. Ther ex: bridges 2 sets of 10 reps, heel raises 3x15."
    draft = "Objective: Pain 2/10. Therapeutic exercise for hip and calf strength."
    assert verify(note, draft).missing == []


def test_a_tested_count_the_note_reads_as_a_score_is_reported_once() -> None:
    note = "O: 30s chair stand 9 reps. Pain 1/10."
    draft = "Objective: Pain 1/10."
    missing = verify(note, draft).missing
    assert [(f.kind, f.value) for f in missing] == [("outcome", 9)]
