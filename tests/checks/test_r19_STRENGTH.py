"""Round 19 STRENGTH: dynamometry and loads in tables and lists, read by the heading's unit and
the sides the heading, the columns or the rows name; loads lifted, weights and limits never."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of


def _strength(text: str) -> dict[float, str]:
    return labels_of(text, "strength")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the sides after a bracketed unit in the heading, a remark after a row
        (
            "Hand-held dynamometry (lb), R / L:\n  Elbow flexion   20.4 / 17.6\n"
            "  Ankle dorsiflexion    9.6 / 4.1   (L foot drop)\n",
            {20.4: "R", 17.6: "L", 9.6: "R", 4.1: "L"},
        ),
        # L first, the unit beside the method in the bracket
        (
            "Isometric dynamometry (kg, make test), L / R:\n   Knee extension  14.8 / 22.6\n",
            {14.8: "L", 22.6: "R"},
        ),
        # "vs" pairs on the heading's line, the unit once after each pair
        (
            "Handheld dynamometry, L vs R: abduction 11.2 vs 9.7 kg; IR 16.0 vs 15.4 kg.\n",
            {11.2: "L", 9.7: "R", 16.0: "L", 15.4: "R"},
        ),
        # the unit in words, a line of column sides under the heading
        (
            "Hand-held dynamometer, break test, values in newtons\n"
            "                       Right     Left\n"
            "  Hip abduction         162       118\n",
            {162: "R", 118: "L"},
        ),
        # rows opened by their side under a bracket naming the unit last
        (
            "Strength (HHD, break test, best of 3, lbf):\n- R hip abd 31.5\n- L hip abd 38.0\n",
            {31.5: "R", 38.0: "L"},
        ),
        # rows of sides alone under the heading's test
        ("Isokinetic peak torque in Nm\n  R 150  L 180\n", {150: "R", 180: "L"}),
        # a row on the heading's own line, a clause per pinch
        ("Pinch (B&L, lb) key R 9 L 15; tip R 6 L 11\n", {9: "R", 15: "L", 6: "R", 11: "L"}),
        # a side after each value under a key's unit
        ("Grip (kg): 38 L, 44 R.\n", {38: "L", 44: "R"}),
    ],
)
def test_force_rows_take_the_unit_and_sides_the_table_names(
    text: str, sides: dict[float, str]
) -> None:
    read = _strength(text)
    assert set(read) == set(sides), read
    for value, side in sides.items():
        assert read[value].split()[0] == side, (value, read[value])


def test_a_force_table_row_is_no_angle() -> None:
    text = "HHD, make test, in N:\n                 R      L\n  Hip abd       182    236\n"
    assert not facts_in(text, "rom")
    assert set(_strength(text)) == {182, 236}


def test_the_headings_protocol_numbers_are_no_grade() -> None:
    text = "Strength (HHD, break test, best of 3, lbf):\n- R hip abd 31.5\n"
    assert not facts_in(text, "mmt")


def test_a_deficit_column_is_a_percentage() -> None:
    header = "Knee extension torque, Nm\n              R     L     LSI\n"
    text = header + "Isometric     180   220   82%\n"
    assert set(_strength(text)) == {180, 220}
    assert [fact.value for fact in facts_in(text, "other") if fact.unit == "%"] == [82]


@pytest.mark.parametrize(
    ("text", "side", "values"),
    [
        ("Grip, Jamar positions 1-5 (lb) R: 22, 31, 35, 30, 20\n", "R", [22, 31, 35, 30, 20]),
        ("Grip pos 2, three trials (lb): L 58/61/60\n", "L", [58, 61, 60]),
        ("Grip L 58, 61, 60 lb\n", "L", [58, 61, 60]),
    ],
)
def test_each_trial_of_a_grip_is_a_strength_of_its_side(
    text: str, side: str, values: list[int]
) -> None:
    read = _strength(text)
    assert sorted(read) == sorted(values), read
    assert all(label.split()[0] == side for label in read.values()), read


def test_a_ratio_of_two_motions_is_no_instrument() -> None:
    [fact] = [f for f in facts_in("ER/IR ratio R 78%\n") if f.value == 78]
    assert fact.kind == "other"
    assert fact.unit == "%"


@pytest.mark.parametrize(
    "text",
    [
        # loads of exercises in the very shapes of the force rows
        "Ankle weights (lb), L / R:\n   SLR   2 / 3\n   LAQ   3 / 4\n",
        "Gym program, L vs R: single-arm row 3 x 10 @ 12 vs 10 kg; press 3 x 8 @ 8 vs 6 kg.\n",
        "Strength (lb):\n- R hip abd 3x10 with 3 lb\n",
        "HHD (kg)\n  R quads 3 x 10 with 2 kg\n",
        "Wrist curls (lb) R 3 L 3 x 15\n",
        "Dumbbells, R vs L: curls 5 vs 5 kg\n",
        # a limit, a body's weight, a sentence that names a unit
        "Weight-bearing: PWB 20 kg L\n",
        "Leg press 3 x 10 @ 5 kg\n",
        "Body weight 70 kg\n",
        "HHD values in N were symmetric today.\n",
    ],
)
def test_loads_weights_and_limits_are_no_strength(text: str) -> None:
    assert not facts_in(text, "strength"), facts_in(text)
