"""A number's unit decides its quantity (checks.measures.unit_quantities, unit_gate,
posture_angles, versus_sides): a force is no joint angle, a spine's shape no joint's motion."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact
from tui.core.checks.measures.column_units import column_quantity
from tui.core.checks.measures.unit_quantities import admits, quantity_of, unit_at


@pytest.mark.parametrize(
    ("unit", "quantity"),
    [
        ("kg", "force"),
        ("lbf", "force"),
        ("N·m", "force"),
        ("°", "angle"),
        ("degrees", "angle"),
        ("cm", "length"),
        ("ft", "distance"),
        ("min", "duration"),
        ("bpm", "vital"),
    ],
)
def test_a_unit_names_its_quantity(unit: str, quantity: str) -> None:
    found = quantity_of(unit)
    assert found is not None and found.name == quantity


def test_a_unit_the_table_does_not_know_admits_every_kind() -> None:
    assert quantity_of("/10") is None and admits("rom", "/10") and admits("pain", "%")


def test_kinds_by_quantity() -> None:
    assert admits("strength", "kg") and not admits("rom", "kg")
    assert admits("rom", "deg") and not admits("girth", "deg")
    assert admits("girth", "cm") and not admits("strength", "cm")


def test_the_unit_after_a_pair_is_both_values() -> None:
    text = "ER 18.6 vs 19.9 kg"
    assert unit_at(text, text.index("18.6") + 4) == ("kg", True)
    assert unit_at(text, len(text) - 3) == ("kg", False)
    # a comma ends a reading: the next number's unit is not the first's
    text = "knee flexion 110, 15 kg leg press"
    assert unit_at(text, text.index("110") + 3) is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Handheld dynamometry, R vs L: ER 18.6 vs 19.9 kg", 18.6, "kg"),
        ("Knee extension 42 vs 55 lbf", 42, "lb"),
        ("Elbow flexion torque 30 vs 45 N·m", 30, "Nm"),
        ("- ER strength (HHD) R vs L: 15.2 vs 17.0 lb", 15.2, "lb"),
    ],
)
def test_a_force_read_as_an_angle_is_a_strength(text: str, value: float, unit: str) -> None:
    assert one_fact(text, "strength", value).unit == unit
    assert not [fact for fact in facts_in(text, "rom") if fact.value == value]


@pytest.mark.parametrize(
    "text",
    [
        # a load of an exercise, no measured force: refused, never a strength
        "Shoulder flexion 120 vs 2 kg dumbbell",
        "ER 10 vs 12 kg with band at home",
    ],
)
def test_a_load_after_an_angle_is_no_strength(text: str) -> None:
    assert not facts_in(text, "strength")
    assert not [fact for fact in facts_in(text, "rom") if fact.value in (2, 12)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("ER 40 vs 55° R/L", {40, 55}),
        ("Knee flexion 120 vs 135 degrees", {120, 135}),
        ("Shoulder flexion AROM 150°; flexion with 2 kg dumbbell 3x10", {150}),
    ],
)
def test_angles_stay_angles(text: str, values: set[int]) -> None:
    assert {fact.value for fact in facts_in(text, "rom")} == values
    assert not facts_in(text, "strength")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Most recent X-ray (out of brace): R thoracic Cobb 24°, L lumbar Cobb 17°.", {24, 17}),
        ("Scoliometer ATR standing forward bend: thoracic 7°, lumbar 4°.", {7, 4}),
        ("Standing films: Cobb angle T5-T11 measured 28 degrees.", {28}),
        ("Angle of trunk rotation (ATR) 6°.", {6}),
        ("Posture: pelvic tilt by inclinometer 14° anterior on R, 9° on L.", {14, 9}),
        ("Trunk inclination in relaxed stance 11 deg forward.", {11}),
        ("Thoracic kyphosis 48° (inclinometer).", {48}),
    ],
)
def test_a_posture_angle_is_other_never_rom(text: str, values: set[int]) -> None:
    assert {fact.value for fact in facts_in(text, "other") if fact.unit == "°"} == values
    assert not facts_in(text, "rom")


def test_a_posture_angle_keeps_its_side_and_timepoint() -> None:
    found = labels_of("Pelvic tilt by inclinometer 14° anterior on R, 9° on L.", "other")
    assert found[14].startswith("R") and found[9].startswith("L")
    found = labels_of("Scoliometer ATR: thoracic 7° (at eval 9°).", "other")
    assert "previous" in found[9] and "previous" not in found[7]


@pytest.mark.parametrize(
    ("text", "rom"),
    [
        # near misses: a posture's word, then a joint's motion named before the number
        ("Pelvic tilts x10; hip flexion 110°", 110),
        ("Pelvic tilt exercises 3x10, then hip flexion 100°", 100),
        ("Cobb 22°; knee flexion 120°", 120),
        ("Trunk rotation AROM in sitting R 40°", 40),
        ("Cervical rotation 60°, Cobb not measured", 60),
    ],
)
def test_a_joint_named_after_a_posture_word_stays_rom(text: str, rom: int) -> None:
    assert rom in {fact.value for fact in facts_in(text, "rom")}


@pytest.mark.parametrize(
    "text",
    [
        "Cobb angle progressed 5° since last film",
        "ATR improved by 2° since eval",
        "Goal: Cobb < 30°",
    ],
)
def test_a_change_or_a_target_of_a_posture_angle_is_no_reading(text: str) -> None:
    assert not facts_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Calf stretch on the incline board at 25 degrees, 3x30 s",
        "Tilt table to 60° for 15 min",
        "HOB 30 deg for transfers",
    ],
)
def test_an_equipment_angle_is_no_reading(text: str) -> None:
    assert not facts_in(text, "rom") and not facts_in(text, "other")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "R ankle dorsiflexion with the goniometer 34 degrees weight-bearing on the R versus"
            " 41 on the L.",
            34,
            41,
        ),
        ("Hip ER 35° in sitting on the left compared with 48 on the right.", 35, 48),
    ],
)
def test_the_other_sides_bare_angle_shares_the_unit(text: str, first: int, second: int) -> None:
    found = labels_of(text, "rom")
    assert set(found) == {first, second}
    assert found[first].split()[0] != found[second].split()[0]


@pytest.mark.parametrize(
    "text",
    [
        # near misses: the same side twice, or a unit of another quantity on the second value
        "Hip ER 35° in sitting on the left compared with 48 on the left.",
        "Hip ER 35° in sitting on the left compared with 48 s on the right.",
    ],
)
def test_no_other_side_without_two_sides_and_a_bare_value(text: str) -> None:
    assert {fact.value for fact in facts_in(text, "rom")} == {35}


def test_a_length_is_no_angle() -> None:
    text = "Knee to wall: R 6 cm, L 10 cm."
    assert not facts_in(text, "rom")
    assert {fact.value for fact in facts_in(text, "other")} == {6, 10}


_CIRCUIT = """Station                        Duration    HR peak    RPE
Arm ergometer                  6 min       112        12/20
Overhead hold, L shoulder      94 s        139        13/20
"""


def test_a_bare_value_under_a_heart_rate_column_is_no_angle() -> None:
    assert not facts_in(_CIRCUIT, "rom")


_ROM_TABLE = """Shoulder AROM (degrees)        R           L
  Flexion                      165         128
  Abduction                    160         115
"""


def test_a_bare_value_under_a_table_of_degrees_stays_an_angle() -> None:
    assert {fact.value for fact in facts_in(_ROM_TABLE, "rom")} == {165, 128, 160, 115}


def test_a_column_header_names_the_quantity() -> None:
    text = "STRENGTH (HHD, N)      R       L\n  Knee extensors       98     121\n"
    at = text.index("98")
    quantity, unit = column_quantity(text, at, at + 2)
    assert quantity is not None and quantity.name == "force" and unit == "N"
    at = _CIRCUIT.index("139")
    quantity, _ = column_quantity(_CIRCUIT, at, at + 3)
    assert quantity is not None and quantity.name == "vital"
    # prose is no table: no header
    text = "Knee flexion to 120 today.\nHe walked 139 ft after that."
    at = text.index("139")
    assert column_quantity(text, at, at + 3) == (None, None)


def test_a_heart_rate_column_of_a_mixed_table_is_read() -> None:
    found = {fact.value: fact.unit for fact in facts_in(_CIRCUIT, "other")}
    assert found.get(112) == "bpm" and found.get(139) == "bpm"


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a load column, a heart rate out of range, a number with its own unit
        "Exercise     Sets   Reps   Load\nSquat        3      10     135\n",
        "Stage     HR\nRest      12 min\n",
    ],
)
def test_no_heart_rate_without_a_heart_rate_column(text: str) -> None:
    assert not [fact for fact in facts_in(text, "other") if fact.unit == "bpm"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # near misses: "N" alone may be a muscle grade; a setting's clause ends at a comma
        ("Hip flexion 5 N per MMT sheet.", "strength", None),
        ("Supine on wedge 30 deg, SLR 70 deg.", "rom", 70),
    ],
)
def test_a_grade_letter_and_a_setting_clause(text: str, kind: str, value: int | None) -> None:
    found = {fact.value for fact in facts_in(text, kind)}
    assert found == ({value} if value is not None else set())
