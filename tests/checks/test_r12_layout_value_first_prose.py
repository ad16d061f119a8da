"""Values written before their names in a sentence (round 12, LAYOUT): an angle or a length
before the motion it measures, the side after the motion or alone after the next value, and a
score before its instrument's name, are each read with that name. Each reading has a twin that
must not be read: a size before a thing, a dose before an exercise.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _labels(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in facts_in(text)]


def test_an_angle_before_its_motion_takes_the_motion_and_each_side() -> None:
    assert _labels("70° cervical rotation R, 62° L.") == [
        ("rom", 70, "R cervical rotation"),
        ("rom", 62, "L cervical rotation"),
    ]


def test_a_length_before_its_motion_takes_the_side_written_before_the_motion() -> None:
    assert _labels("8 mm R lateral excursion, 6 mm L.") == [
        ("other", 8, "R lateral excursion"),
        ("other", 6, "L lateral excursion"),
    ]


def test_a_score_before_its_instrument_is_that_instruments() -> None:
    assert _labels("42/56 Berg (IE 35/56).") == [
        ("outcome", 42, "Berg"),
        ("outcome", 35, "Berg (previous)"),
    ]


def test_a_size_before_a_thing_is_no_measurement() -> None:
    assert _labels("10 cm step-ups x 15.\n5 mm heel lift in L shoe.\n") == []


def test_a_dose_before_an_exercise_is_no_measurement() -> None:
    assert _labels("12 min bike warm-up.\n") == []
