"""Round 14 review (LAYOUT): a row per digit naming what a joint lacks is no motion's angle (a
lag is filed as "other" with "lag" in its label); a pain field naming an earlier visit is
labelled previous and one naming a target is no rating; in a table row only the cell of the
exercise with its own dose holds an exercise's arc. Each with the round's reading it keeps."""

from __future__ import annotations

import time

from tui.core.checks.extract import extract_facts


def readings(text: str) -> list[tuple[str, float, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(text + "\n")]


def test_a_lag_per_digit_is_no_angle() -> None:
    got = readings("DIP flexion lag: D3 20, D4 15")
    assert [kind for kind, _, _ in got] == ["other", "other"]
    assert all("lag" in label for _, _, label in got)
    assert [value for _, value, _ in got] == [20, 15]


def test_a_contracture_or_deficit_per_digit_is_no_angle() -> None:
    for text in ("PIP flexion contracture: D3 20, D4 25", "DIP flex deficit: D2 10, D3 15"):
        assert not [got for got in readings(text) if got[0] == "rom" and "D" in got[2]], text


def test_twin_a_measured_row_per_digit_is_still_read() -> None:
    got = readings("DIP flex (R): D2 55, D3 60, D4 50, D5 45 deg")
    assert got == [
        ("rom", 55, "R DIP flexion D2"),
        ("rom", 60, "R DIP flexion D3"),
        ("rom", 50, "R DIP flexion D4"),
        ("rom", 45, "R DIP flexion D5"),
    ]
    assert [value for _, value, _ in readings("R MCP flex AROM: IF 70°, MF 75°")] == [70, 75]


def test_the_digit_row_key_is_anchored() -> None:
    long = ("Pt tolerated session well with rest breaks as needed and cues " * 16000)[:1_000_000]
    began = time.perf_counter()
    from tui.core.checks.layouts.digit_rows import _row

    assert _row().search(long) is None
    assert time.perf_counter() - began < 2.0  # unanchored: seconds
    assert [value for _, value, _ in readings("Hand: swelling down; DIP flex: D2 55, D3 60")] == [
        55,
        60,
    ]


def test_a_pain_field_of_an_earlier_visit_is_previous() -> None:
    got = readings("Pain Level Previous Visit: 6")
    assert len(got) == 1 and got[0][:2] == ("pain", 6) and "(previous)" in got[0][2]


def test_a_pain_field_naming_a_target_is_no_rating() -> None:
    assert readings("Pain Level Acceptable: 3") == []
    assert readings("Pain Level Goal: 2") == []


def test_twin_a_current_pain_field_is_read() -> None:
    assert readings("Pain Score Current: 3") == [("pain", 3, "pain Current")]
    assert readings("Pain Score Worst (24h): 5") == [("pain", 5, "pain Worst (24h)")]


def test_a_rom_cell_beside_a_hep_dose_is_read() -> None:
    got = readings("| Knee | Flex 0-110 | Ext -5 | HEP 3x10 |")
    assert ("rom", 110, "knee flexion") in got


def test_twin_an_arc_in_the_exercise_row_is_blocked() -> None:
    assert readings("Knee ext 90-45 (L) | 3 x 10 | 25 lb") == []
    assert not [got for got in readings("| Heel slides | 0-90 | 3x10 |") if got[0] == "rom"]
