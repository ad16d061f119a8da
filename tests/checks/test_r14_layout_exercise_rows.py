"""Arcs in exercise rows (round 14, LAYOUT): a row prescribing sets and repetitions is an
exercise, and its angle or range is the arc it was set up to move through, whether the row is a
pipe table's, a tab's, a Markdown row or a bullet. Twins: a measured range beside a dose, and a
table of motions, are read.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _angles(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text, "rom")]


def test_an_arc_in_a_pipe_row_with_a_dose_is_no_range_of_motion() -> None:
    assert _angles("Knee ext 90-45 (L)  | 3 x 10 | 25 lb | no pain\n") == []


def test_an_arc_in_a_markdown_exercise_table_is_no_range_of_motion() -> None:
    text = (
        "| Exercise | Sets | Reps | Load | Arc |\n"
        "|---|---|---|---|---|\n"
        "| Squat | 3 | 10 | BW | 0-70° |\n"
    )
    assert _angles(text) == []


def test_an_arc_in_a_bulleted_exercise_is_no_range_of_motion() -> None:
    assert _angles("- SAQ (30-0°) 2x15, 3 lb cuff\n- LAQ 90-0 arc, 3x15, 2#\n") == []


def test_a_measured_range_beside_a_dose_is_read() -> None:
    assert _angles("R knee flex AROM 5-112° today; heel slides 3x10\n") == [5, 112]


def test_a_table_of_motions_is_read() -> None:
    text = "| Motion | R |\n|---|---|\n| Knee flexion AROM | 0-124° |\n"
    assert 124 in _angles(text)


def test_a_range_in_the_clause_before_another_exercise_s_dose_is_read() -> None:
    assert 126 in _angles("Knee flex 0-126, heel slides 3x10 to end range.\n")


def test_an_arc_takes_the_dose_of_the_clauses_after_it() -> None:
    assert _angles("- Mini squats to 45°, 3 x 10\n") == []
