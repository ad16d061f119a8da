"""A thousands separator joins a number ("2,845 mL" is 2845, never 845); lists of items and
pairs of vertebrae keep their commas."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import numbers_in


def test_limb_volume_with_a_separator_is_one_number() -> None:
    facts = extract_facts("Edema: limb volume R 3,120 mL, L 2,760 mL after CDT.")
    assert sorted(f.value for f in facts if f.unit == "mL") == [2760, 3120]


def test_steps_and_birth_weight_with_separators() -> None:
    assert numbers_in("walks 4,200 steps/day; birth weight 1,150 g") == [4200, 1150]


def test_twin_item_lists_and_vertebral_pairs_keep_their_commas() -> None:
    assert numbers_in("pain at C5,6 and L4,5; items 1,2 and 3 scored") == [5, 6, 4, 5, 1, 2, 3]


def test_twin_a_list_of_readings_is_not_joined() -> None:
    assert numbers_in("HR 100,120,140 across stages") == [100, 120, 140]
