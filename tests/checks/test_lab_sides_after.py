"""A side written after a value with the word "side" ("on the left side") is that value's
alone, as "on the left" is; and a weekday or a month after a value dates it earlier ("(115°
last Tuesday)", "41/56 back in March"). Twins: the next value keeps its own side or none, and
a current word after a value leaves it this visit's."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact


def _sides(text: str, kind: str) -> list[tuple[object, str]]:
    found = []
    for fact in facts_in(text, kind):
        words = fact.label.split()
        found.append((fact.value, "R" if "R" in words else "L" if "L" in words else ""))
    return found


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Lateral pinch 6 kg on the right side and 9 kg on the left side.",
            "strength",
            [(6, "R"), (9, "L")],
        ),
        (
            "Hamstrings three plus over five on the left side, four over five on the right.",
            "mmt",
            [("3+", "L"), ("4", "R")],
        ),
        ("Grip 14 kg right side, 22 kg.", "strength", [(14, "R"), (22, "")]),
    ],
)
def test_a_side_with_the_word_side_is_its_value_alone(
    text: str, kind: str, wanted: list[tuple[object, str]]
) -> None:
    assert _sides(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("Hip flexion 104° (98° last Thursday).", "rom", 98, True),
        ("Hip flexion 104° (98° last Thursday).", "rom", 104, False),
        ("DGI 19/24, 14/24 back in January.", "outcome", 14, True),
        ("DGI 19/24, 14/24 back in January.", "outcome", 19, False),
        ("Pain 5/10 earlier this week, 2/10 now.", "pain", 5, True),
        ("Pain 5/10 earlier this week, 2/10 now.", "pain", 2, False),
        ("DGI 19/24 back to her usual level.", "outcome", 19, False),
    ],
)
def test_a_day_or_month_after_a_value_dates_it(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in one_fact(text, kind, value).label) is previous
