"""A value is backed only by a fact in its own unit class: "left 48 s" is not the note's "L 48
cm", "Excess volume 12%" is not the landmark "12 cm", and an angle "40 deg" backs no "40 s"."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

_NOTE = (
    "Patient: Test Person\nDate: 2047-02-01\n"
    "O: Single-leg stance R 8 s, L 25 s.\n"
    "   Step length R 42 cm, L 48 cm.\n"
    "   R ankle PF AROM 40 deg.\n"
)


def _draft(stance: str) -> str:
    return (
        "## Objective\n"
        f"- Single-leg stance: {stance}.\n"
        "- Step length: right 42 cm, left 48 cm.\n"
        "- Right ankle plantarflexion AROM 40 degrees.\n"
    )


def test_the_same_values_in_their_own_units_are_clean() -> None:
    result = verify(_NOTE, _draft("right 8 s, left 25 s"))
    assert result.clean, result.to_json()


def test_a_time_given_the_number_of_a_length_is_caught() -> None:
    result = verify(_NOTE, _draft("right 8 s, left 48 s"))
    assert 48 in [fact.value for fact in result.unsupported]


def test_a_time_given_the_number_of_an_angle_is_caught() -> None:
    result = verify(_NOTE, _draft("right 8 s, left 40 s"))
    assert 40 in [fact.value for fact in result.unsupported]
