"""Numbers shaped like scores that are not: a sign's grade given through the test that elicits
it ("Effusion: none (stroke test 0)") and a count out of a small whole after a motion word
("rotation 2 of 3"). Each with its twin, which stays a score or an angle."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text) if fact.kind != "pain"]


def test_a_test_in_a_graded_signs_clause_gives_the_signs_grade() -> None:
    assert _read("Effusion: none (stroke test 0).\n") == []
    assert _read("R knee swelling mild, bulge test 1, no warmth.\n") == []
    assert _read("Knee effusion: sweep test 2+.\n") == [("other", "2+")]
    assert _read("Clonus test 1 at end range.\n") == []


def test_a_test_after_the_signs_clause_or_with_a_unit_keeps_its_score() -> None:
    assert _read("Effusion none. Hop test 3.\n") == [("outcome", 3)]
    assert _read("Swelling resolved, single-leg hop test 84 %.\n") == [("outcome", 84)]
    assert _read("Edema down this week, LEFS 58/80.\n") == [("outcome", 58)]


def test_a_motion_counted_out_of_a_small_whole_is_no_angle() -> None:
    assert _read("Note by T. Oyelowo, SPTA (affiliation rotation 1 of 2).\n") == []
    assert _read("Rotation band series: stage 2 of 4 this week.\n") == []


def test_a_motion_out_of_its_norm_or_in_degrees_stays_an_angle() -> None:
    assert _read("Cervical rotation R 62°, L 55°.\n") == [("rom", 62), ("rom", 55)]
    assert ("rom", 45) in _read("R shoulder ER 45 of 90\n")


def test_a_named_schemes_hold_or_count_is_a_direct_measure() -> None:
    found = _read("PERFECT: endurance 6 s, repetitions 5, fast contractions 8.\n")
    assert found == [("other", 6), ("other", 5), ("other", 8)]


def test_a_questionnaires_scored_subject_stays_its_score() -> None:
    assert _read("FACIT fatigue 41.\n") == [("outcome", 41)]
