"""A test position in brackets between a motion and its value (round 13, LAYOUT): the bracket is
read after the value, so the motion keeps its value. Twins: a length, a rating and a bracket
with a number are read as written.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in facts_in(text)]


def test_a_position_between_a_motion_and_its_angle_keeps_the_angle() -> None:
    assert _read("R shoulder AROM flex 128, ER (arm at side) 35, IR (in supine) 40.\n") == [
        ("rom", 128),
        ("rom", 35),
        ("rom", 40),
    ]


def test_a_length_or_a_rating_after_a_bracket_is_no_angle() -> None:
    text = "Lumbar flexion (fingertips to floor) 14 cm.\nflexion (with pain) 3/10 at rest.\n"
    assert _read(text) == [("other", 14), ("pain", 3)]
