"""Sides written with a bracket of their own: "R) knee 0-140 (L) 0-145)" as Australian and UK
notes write them, and "(R) 24 kg (L) 30 kg" with each side before its value. The side of one
value must not leak into the next. Twins: a side written in a bracket after its value ("120 (R),
115 (L)") stays that value's, and a sentence whose brackets balance reads "(L)" as usual."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def sides(text: str, kind: str) -> dict[object, str]:
    """Each fact of a kind, value -> the side its label names ("" for none)."""
    found = {}
    for fact in facts_in(text, kind):
        words = fact.label.split()
        found[fact.value] = next((word for word in words if word in ("R", "L")), "")
    return found


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("O/E: R) knee ROM 0-140 (L) 0-145). Nil effusion.\n", "rom", {140: "R", 145: "L"}),
        ("Ankle DF R) 10 deg (L) 15 deg).\n", "rom", {10: "R", 15: "L"}),
        ("Knee flex L) 120 (R) 135).\n", "rom", {120: "L", 135: "R"}),
        ("Grip Jamar: L) 9 kg (R) 30 kg).\n", "strength", {9: "L", 30: "R"}),
        (
            "R) shoulder flex 150 (L) 170) and abd 120.\n",
            "rom",
            {150: "R", 170: "L", 120: "R"},
        ),
    ],
)
def test_a_side_closed_by_its_own_bracket_names_the_value_after_it(
    text: str, kind: str, wanted: dict[object, str]
) -> None:
    assert sides(text, kind) == wanted


def test_a_bracketed_side_before_each_value_names_the_value_after_it() -> None:
    assert sides("Pinch (L) 3 kg (R) 7 kg.\n", "strength") == {3: "L", 7: "R"}
    assert sides("Grip (R) 24 kg (L) 30 kg.\n", "strength") == {24: "R", 30: "L"}


def test_a_side_bracketed_after_its_value_stays_that_values() -> None:
    """The twin: each side written after its value, in balanced brackets."""
    assert sides("Elbow flexion 140 (R), 135 (L).\n", "rom") == {140: "R", 135: "L"}
    assert sides("knee flex 120 (R) 115 (L).\n", "rom")[115] == "L"


def test_a_balanced_sentence_keeps_its_brackets() -> None:
    """A side in a bracket after the first value of a sentence that closes every bracket it
    opens is not a side mark: the right ankle's value stays the right's."""
    assert sides("R ankle DF 8° (L 0-18°), PF 40°.\n", "rom") == {8: "R", 18: "L", 40: "R"}
