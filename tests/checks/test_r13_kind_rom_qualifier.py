"""A bracket of words between a motion and its value says how it was tested ("ER (arm at side)
35"): the value is still that motion's range; a bracket after equipment or a test's name
changes nothing."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _rom(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == "rom"]


def test_a_test_position_in_brackets_keeps_the_motion() -> None:
    assert _rom("Hip ER (seated) 30, IR (prone) 25.\n") == [(30, "hip ER"), (25, "hip IR")]
    assert _rom("Shoulder ER (arm at side) 35.\n") == [(35, "shoulder ER")]


def test_a_bracket_after_equipment_or_a_score_is_no_range() -> None:
    assert _rom("Tilt (power) 30.\n") == []
    assert _rom("Berg (today) 45.\n") == []


def test_a_rotations_bracket_of_an_angle_and_a_motion_is_its_test_position() -> None:
    assert _rom("ER (90 deg abd) not tested.\n") == []
    assert [value for value, _ in _rom("Shoulder ER (90 deg abd) 60.\n")] == [60]
