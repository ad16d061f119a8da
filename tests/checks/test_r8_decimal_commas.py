"""A decimal comma before a unit is one value (issue 12, round 8): "grip 24,5 kg" is 24.5 kg,
never a grip of 24 and another of 5. Twins: a pair of vertebrae, a list of items and a number
with a thousands separator keep their own readings."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import numbers_in

DECIMAL = [
    ("Grip R 24,5 kg, L 22,0 kg.", [24.5, 22.0]),
    ("Gait speed 0,86 m/s (was 0,71 m/s).", [0.86, 0.71]),
    ("TUG 11,4 s with cane.", [11.4]),
    ("Knee girth R 42,5 cm.", [42.5]),
]


@pytest.mark.parametrize(("line", "values"), DECIMAL, ids=lambda x: str(x)[:24])
def test_a_decimal_comma_before_a_unit_is_one_value(line: str, values: list[float]) -> None:
    read = [fact.value for fact in extract_facts(line)]
    assert read == values


def test_twin_pairs_lists_and_thousands_keep_their_readings() -> None:
    assert numbers_in("pain at C5,6 and L4,5; items 1,2 and 3") == [5, 6, 4, 5, 1, 2, 3]
    assert numbers_in("Amb 1,250 ft; quad sets 3,10 reps") == [1250, 3, 10]
