"""Numbers that look like a kind they are not: a test's 0-5 score beside a muscle grade, a test
position beside a range of motion, a planned intensity and a plan's distance beside
measurements, and a rating of symptoms beside pain. Each with its twin that is read."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def kinds(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in extract_facts(text)]


def test_a_leg_raise_test_score_is_no_muscle_grade() -> None:
    assert kinds("ASLR R 3/5, L 1/5 (0-5 scale).\n") == []
    assert kinds("Hip abd MMT R 4/5, L 4-/5.\n") == [("mmt", "4"), ("mmt", "4-")]


def test_the_arm_at_the_side_is_a_test_position() -> None:
    assert kinds("L sh ER (0° abd) 50°\n") == [("rom", 50)]
    assert kinds("L sh ER 50°\n") == [("rom", 50)]


def test_a_planned_share_of_a_maximum_is_no_measurement() -> None:
    assert kinds("P: IMT trial at 30% MIP next visit.\n") == []
    assert kinds("SpO2 91% after walk.\n") == [("other", 91)]


def test_a_distance_to_progress_to_is_a_plan() -> None:
    assert kinds("P: progress to independent walking 10 ft.\n") == []
    assert kinds("Progressed to walking 150 ft with RW.\n") == [("other", 150)]


def test_symptoms_rated_unnamed_are_left_unclassified() -> None:
    assert kinds("Post-CRM Dix-Hallpike R: mild sx 1/10.\n") == []
    assert kinds("Pain 1/10 after the manoeuvre.\n") == [("pain", 1)]
