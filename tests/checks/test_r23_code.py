"""Round 23's code review: mends of the merged readers, each with the reading it keeps and the
cost it bounds (CPU time, never the wall clock)."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in
from tui.core.checks.extract import extract_facts

# A heading line over the long line: the grade's block has a heading, so the tone check runs.
_HEADED = "Objective:\n"


def _cpu(text: str) -> float:
    start = time.process_time()
    extract_facts(text)
    return time.process_time() - start


def _long(piece: str, size: int) -> str:
    return _HEADED + (piece * (size // len(piece) + 1))[:size] + "\n"


# -- muscle grades under a heading: the tone check reads each line once ----------------------


def test_a_tone_headings_rows_are_no_muscle_grades() -> None:
    note = "Modified Ashworth:\nL elbow flexors 2\nL wrist flexors 1+\n"
    assert not facts_in(note, "mmt")


def test_myotome_grades_under_a_heading_stay_grades() -> None:
    found = facts_in(_HEADED + "Myotomes: C5 5, C6 4, C7 3.\n", "mmt")
    assert [(fact.value, fact.label) for fact in found] == [
        ("5", "C5 myotome"),
        ("4", "C6 myotome"),
        ("3", "C7 myotome"),
    ]


def test_a_long_line_of_grades_under_a_heading_grows_linearly() -> None:
    for piece in ("Myotomes: C5 5, C6 4, C7 3, ", "hip abd 4, knee ext 5, all out of 5, "):
        extract_facts(_long(piece, 200))
        small = _cpu(_long(piece, 10_000))
        large = _cpu(_long(piece, 40_000))
        assert large < 6 * small + 0.2, piece  # four times the line: was 13 times


# -- a subtest test's blocks: walked once for its named and its numbered subtests ------------


def test_subtests_by_name_and_number_read_in_their_tests_block() -> None:
    note = "UFOV 1: 17 ms, 2: 60 ms.\n\nUFOV divided attention 210 ms.\n"
    found = facts_in(note, "other")
    assert [(fact.value, fact.label, fact.unit) for fact in found] == [
        (17, "UFOV subtest 1", "ms"),
        (60, "UFOV subtest 2", "ms"),
        (210, "UFOV divided attention", "ms"),
    ]


def test_a_subtests_time_after_its_block_ends_is_no_subtest() -> None:
    assert not facts_in("UFOV today.\n\nReaction 1: 17 ms.\n", "other")


# -- a homophone before "over 5": a grade, unless a range's word after a number --------------


def test_a_homophone_before_over_five_is_a_grade() -> None:
    found = facts_in("Manual muscle test right external rotation for minus over 5.", "mmt")
    assert [fact.value for fact in found] == ["4-"]


def test_to_after_a_number_is_a_ranges_word_no_grade() -> None:
    assert not facts_in("Pain went from 3 to over 5 with stairs.", "mmt")
    assert not facts_in("Reps went from six to over 5, then rested.", "mmt")


# -- a cadence after a machine: the machine's, unless a walk is named between ----------------


def test_a_cadence_right_after_a_machines_dose_is_no_gait_cadence() -> None:
    assert not facts_in("Nustep L5 x 10 min, 85 spm")


def test_a_walk_between_the_machine_and_the_cadence_makes_it_the_walks() -> None:
    found = facts_in("Warm-up on NuStep 8 min, gait 150 ft x2 with cadence 98 spm.", "other")
    assert 98 in [fact.value for fact in found]
    later = facts_in("Recumbent bike 10 min then treadmill walking, cadence 104 spm.", "other")
    assert [fact.value for fact in later] == [104]


# -- a weight with a dated earlier weight: the patient's when weighed today ------------------


def test_a_weight_today_against_a_dated_earlier_weight_is_the_patients() -> None:
    note = "HFrEF (EF 30%), weight 88.7 kg this morning (89.9 kg on 1/9), per pt no change."
    found = facts_in(note, "other")
    assert (88.7, "body weight") in [(fact.value, fact.label) for fact in found]
    assert (89.9, "body weight (previous)") in [(fact.value, fact.label) for fact in found]


def test_a_loads_weight_compared_across_days_is_no_body_weight() -> None:
    assert not facts_in("Carried box, weight 8 kg (6 kg on 3/16).", "other")
