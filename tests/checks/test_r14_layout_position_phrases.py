"""A test position between a motion and its value (round 14, LAYOUT): a phrase holding a joint
in a state ("with the knee extended") or a bracket before a pair of columns'
values ("(knee ext) 12° vs 0°") is moved after the value, so the motion keeps its value and
the held joint never names it. Twin: a stretch held in a position is a dose, no angle.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _angles(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, "rom")]


def test_a_position_phrase_leaves_the_angle_to_its_motion() -> None:
    assert _angles("R ankle dorsiflexion AROM with the knee extended 6°.\n") == [
        (6, "R ankle dorsiflexion AROM")
    ]


def test_a_position_phrase_before_a_colon_is_left_as_written() -> None:
    assert _angles("L ankle DF w/ knee bent: L 18 deg\n") == [(18, "L ankle dorsiflexion")]


def test_the_held_joint_never_names_the_measured_one() -> None:
    assert _angles("R knee flexion PROM with hip flexed 128°.\n") == [(128, "R knee flexion PROM")]


def test_a_bracket_before_a_pair_keeps_the_ankle() -> None:
    found = _angles("Status at d/c vs IE:\nR ankle DF (knee ext) 12° vs 0°\n")
    assert [value for value, label in found if "dorsiflexion" in label] == [12, 0]


def test_a_stretch_held_in_a_position_is_no_angle() -> None:
    assert _angles("Calf stretch with knee straight 3 x 30 s.\n") == []
