"""Numbers near a joint that are not its range of motion (issue 12): an extensor lag and its
earlier value, a difference "by about ten degrees", and a landmark "10 cm prox"; each with a
twin that is a measurement."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object, str]]:
    return [(f.kind, f.value, f.label) for f in extract_facts(text)]


def test_a_lag_and_its_earlier_value_after_how_it_was_tested_are_lags() -> None:
    facts = _read("Quad lag 8 deg w/ SLR (was 20 deg 5/02). Knee flex 112°.")
    assert ("rom", 20) not in [(kind, value) for kind, value, _ in facts]
    lags = [(value, label) for kind, value, label in facts if "lag" in label]
    assert lags == [(8, "Quad extension lag"), (20, "Quad extension lag (previous)")]


def test_twin_a_knee_angle_after_a_lag_sentence_is_still_rom() -> None:
    facts = _read("Quad lag 8 deg w/ SLR. Knee ext 20 deg in long sitting, flex 112°.")
    assert {("rom", 20), ("rom", 112)} <= {(kind, value) for kind, value, _ in facts}


def test_a_difference_by_degrees_is_not_a_range_of_motion() -> None:
    facts = _read("PROM coming along, ahead of last week by about 15 degrees. R knee flex 118°.")
    assert [(kind, value) for kind, value, _ in facts] == [("rom", 118)]


def test_twin_degrees_after_a_motion_are_read() -> None:
    facts = _read("PROM coming along; R knee flex 118°, ext 15 degrees short of neutral.")
    assert ("rom", 118) in [(kind, value) for kind, value, _ in facts]


def test_a_landmark_is_not_a_length_of_the_patient() -> None:
    facts = _read("Circumference R: 12 cm prox to wrist crease 24.1 cm; 8 cm distal 20.3 cm.")
    values = [value for _, value, _ in facts]
    assert 12 not in values and 8 not in values
    assert 24.1 in values and 20.3 in values


def test_twin_a_distance_from_a_landmark_is_a_measurement() -> None:
    facts = _read("Composite fist: IF tip 2 cm from the DPC; girth 21 cm.")
    assert ("girth", 21) in [(kind, value) for kind, value, _ in facts]


def test_a_lag_in_a_table_row_is_not_a_range_of_motion() -> None:
    table = "| Measure | Today |\n|---|---|\n| Quad lag (SLR) | 6° |\n| R knee flex AROM | 104° |\n"
    assert [(f.kind, f.value) for f in extract_facts(table) if f.kind == "rom"] == [("rom", 104)]
