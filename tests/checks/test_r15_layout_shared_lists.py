"""A unit written once after a list of values, and two sides named once before two values
(round 15, LAYOUT): each value takes the unit and its own side. Twins: a slash list of loads
is no list of values, a grade's denominator is no list, and a side written beside a value
keeps it.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in

_HEAD = "Date: 2067-05-08\nDiscipline: PT\n\n"


def _read(text: str) -> list[tuple[str, object, str | None, str]]:
    return [(f.kind, f.value, f.unit, f.label) for f in facts_in(_HEAD + text)]


def test_a_unit_after_two_sided_values_is_each_ones() -> None:
    assert _read("Grip R 28 L 24 kg\n") == [
        ("strength", 28, "kg", "R grip"),
        ("strength", 24, "kg", "L grip"),
    ]


def test_sides_named_before_a_pair_of_values_go_in_order() -> None:
    assert _read("R and L grip 22 and 18 kg respectively\n") == [
        ("strength", 22, "kg", "R grip"),
        ("strength", 18, "kg", "L grip"),
    ]


def test_sides_in_a_bracket_after_the_values_go_in_order() -> None:
    found = _read("Lateral pinch 6 & 5 kg (rt/lt)\n")
    assert [(value, label.split()[0]) for _, value, _, label in found] == [(6, "R"), (5, "L")]


def test_a_slash_list_of_loads_is_no_list_of_values() -> None:
    assert _read("Dumbbell rows 14/16/18 kg, 3 x 10\n") == []


def test_grades_over_five_are_no_pair_of_values() -> None:
    found = _read("R and L hip abd MMT 4/5 and 3+/5\n")
    assert [(kind, value) for kind, value, _, _ in found] == [("mmt", "4"), ("mmt", "3+")]


def test_a_side_beside_its_value_keeps_it() -> None:
    found = _read("R and L knee flexion: L 110, R 120 deg\n")
    assert [(value, label.split()[0]) for _, value, _, label in found] == [(110, "L"), (120, "R")]


def test_a_grade_before_a_print_s_column_gap_is_read() -> None:
    found = _read("Strength (MMT 0-5):   hip flex R 4-  L 3+   knee ext R 4  L 4\n")
    assert [(value, label) for _, value, _, label in found] == [
        ("4-", "R hip flexion"),
        ("3+", "L hip flexion"),
        ("4", "R knee extension"),
        ("4", "L knee extension"),
    ]


def test_a_count_before_a_gap_under_a_strength_word_is_no_grade() -> None:
    assert _read("Strengthening: 3  sets x 10 reps\n") == []


def test_a_minus_grade_ending_its_line_before_a_billing_line_is_read() -> None:
    found = _read("Hamstring MMT  R 4  L 4-\n97110 x 2 (24 min)\n")
    assert [(kind, value) for kind, value, _, _ in found if kind == "mmt"] == [
        ("mmt", "4"),
        ("mmt", "4-"),
    ]


def test_a_girth_pair_sharing_its_unit_is_no_tape_position() -> None:
    # review: the unit lent to 'R 24' made '24 cm L 22' read as a tape offset ('L girth at 24
    # cm'), losing the right side's girth; a side before the length says it is a girth
    assert _read("Ankle girth R 24 L 22 cm\n") == [
        ("girth", 24, "cm", "R girth"),
        ("girth", 22, "cm", "L girth"),
    ]
    assert _read("Calf girth R 36 cm L 34 cm\n") == [
        ("girth", 36, "cm", "R girth"),
        ("girth", 34, "cm", "L girth"),
    ]


def test_an_offset_with_its_direction_after_a_side_is_still_a_position() -> None:
    found = _read("Elbow girth R 10 cm above olecranon 24.5\n")
    assert [(kind, value) for kind, value, _, _ in found] == [("girth", 24.5)]
