"""Rows of a pair of values under a heading that names the pair's sides ("Shoulder PROM (R / L),
degrees:" over "flexion   115 / 170"): each value takes its column's side and the heading's
unit. A heading that names an instrument lends no name to its rows, and rows of a settings
heading stay settings."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2071-02-02\nVisit: 6\nDiscipline: OT\n"
    "Payer: Humana\nDiagnosis: R humerus fx\n\n"
)


def facts(body: str) -> list[Fact]:
    return [fact for fact in extract_facts(HEADER + body) if fact.kind != "service"]


def test_a_side_pair_in_degrees_reads_each_side_with_its_motion() -> None:
    body = "Shoulder PROM (R / L), degrees:\n  flexion    115 / 170\n  ER    35 / 80\n"
    found = {(f.kind, f.value, f.label) for f in facts(body)}
    assert ("rom", 115, "R shoulder flexion PROM") in found
    assert ("rom", 170, "L shoulder flexion PROM") in found
    assert {f.value for f in facts(body) if f.kind == "rom"} == {115, 170, 35, 80}


def test_a_side_pair_of_loads_takes_the_headings_unit() -> None:
    body = "Grip (R | L), kg:\n  position 2     14.5 | 30.0\n  position 3     12.0 | 27.5\n"
    found = {(f.value, f.unit, f.label.split()[0]) for f in facts(body) if f.kind == "strength"}
    assert found == {(14.5, "kg", "R"), (30.0, "kg", "L"), (12.0, "kg", "R"), (27.5, "kg", "L")}


def test_grades_under_a_sided_grade_heading_take_their_sides() -> None:
    body = "MMT (R / L):\n  hip flexors    4 / 3\n  quads    4+ / 4-\n"
    found = {(f.value, f.label.split()[0]) for f in facts(body) if f.kind == "mmt"}
    assert found == {("4", "R"), ("3", "L"), ("4+", "R"), ("4-", "L")}


def test_an_instrument_heading_lends_its_name_to_no_row() -> None:
    body = "ISNCSCI motor (R / L)\n  C8-T1                  0 / 0\n"
    assert not [f for f in facts(body) if f.kind == "outcome"]


def test_rows_under_a_settings_heading_are_no_measures() -> None:
    body = "Orthosis settings (R / L):\n  sling strap    2 / 0\nHome program (R / L):\n"
    body += "  pendulums      3 / 0\n"
    assert facts(body) == []
