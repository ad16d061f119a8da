"""One side's grip at two Jamar handle positions, written as a slash pair with one unit after
both ("R 38/40 kg"), is two forces of that side (measures/forces.py read_side_pairs); a pair
under a side legend ("R/L 38/44 kg") is right and left, read as before."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def test_a_side_before_the_pair_makes_both_its_forces() -> None:
    facts = extract_facts("Grip (Jamar, positions 2 and 3): R 38/40 kg, L 44/46 kg.\n")
    assert [(fact.value, fact.label) for fact in facts if fact.kind == "strength"] == [
        (38, "R grip"),
        (40, "R grip"),
        (44, "L grip"),
        (46, "L grip"),
    ]


def test_a_side_legend_before_the_pair_is_right_and_left() -> None:
    facts = extract_facts("Grip R/L 38/44 kg.\n")
    assert [(fact.value, fact.label) for fact in facts] == [(38, "R grip"), (44, "L grip")]


def test_a_score_out_of_its_maximum_is_no_pair() -> None:
    facts = extract_facts("Kapandji R 8/10.\n")
    assert all(fact.kind != "strength" for fact in facts)


def test_a_legend_of_both_sides_before_the_pair_is_no_one_sides_pair() -> None:
    facts = extract_facts("Quadriceps by hand-held dynamometer, left / right: 18.2 / 26.4 kg.\n")
    assert all(fact.label != "R grip" for fact in facts)
