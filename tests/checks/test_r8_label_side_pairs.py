"""A timepoint written before a pair of sides holds for both ("at eval R 95°, L 130°"; a
"Previous" table column whose cell reads "R 50°, L 48°"). Twins: what is written after the
first value (a bracket, "at IE") is that value's alone, and a current word before the pair
keeps both current."""

from __future__ import annotations

import pytest

from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Knee flexion AROM at eval R 95°, L 130°; today R 118°, L 131°.\n",
            "rom",
            {95: True, 130: True, 118: False, 131: False},
        ),
        (
            "Grip at IE R 20 kg, L 31 kg; grip today R 26 kg, L 32 kg.\n",
            "strength",
            {20: True, 31: True, 26: False, 32: False},
        ),
        (
            "| Test | R | L | Previous (4/13) |\n|---|---|---|---|\n"
            "| Popliteal angle | 35° | 40° | R 50°, L 48° |\n",
            "rom",
            {35: False, 40: False, 50: True, 48: True},
        ),
        ("Knee extension at eval R -10°, L -5°.\n", "rom", {10: True, 5: True}),
        (
            "Ankle dorsiflexion at the initial visit right 2 degrees, left 4 degrees.\n",
            "rom",
            {2: True, 4: True},
        ),
    ],
)
def test_a_timepoint_before_a_pair_holds_for_both_sides(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Shoulder ER AROM R 60° (IE 40°), L 85°.\n", "rom", {60: False, 40: True, 85: False}),
        ("Shoulder abduction AROM R 120° at IE, L 170°.\n", "rom", {120: True, 170: False}),
        ("Hip ER PROM R 35°, L 42°, measured in prone.\n", "rom", {35: False, 42: False}),
    ],
)
def test_what_follows_the_first_value_is_its_alone(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted
