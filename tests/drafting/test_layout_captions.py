"""A table's caption travels with the table in an offline draft (issue 12, LAYOUT): the line
that gives the table's values their measure and unit ("### Hand-held dynamometry (lb)") is
what makes them strength in the draft, as in the note. A line above a table that names no
measure and no unit stays where its own words place it."""

from __future__ import annotations

from tui.core.drafting.placement import place_items, split_items

SOAP = ("Subjective", "Objective", "Assessment", "Plan", "Billing")


def _placed(note: str) -> dict[str, list[str]]:
    return place_items(split_items(note), SOAP)


def test_a_heading_with_a_unit_stays_above_its_table() -> None:
    note = (
        "Pain 2/10 on stairs.\n\n### Hand-held dynamometry (kg)\n\n"
        "| Muscle | L | R |\n|---|---|---|\n| Knee extensors | 18.5 | 27.0 |\n"
    )
    lines = [line for section in _placed(note).values() for line in section]
    table = next(line for line in lines if "Knee extensors" in line)
    assert table.startswith("### Hand-held dynamometry (kg)")


def test_twin_a_line_naming_no_measure_is_not_pulled_into_the_table() -> None:
    note = (
        "Pt reports less stiffness this week.\n"
        "| Exercise | Sets | Reps |\n|---|---|---|\n| Bridge | 3 | 10 |\n"
    )
    lines = [line for section in _placed(note).values() for line in section]
    table = next(line for line in lines if "Bridge" in line)
    assert "stiffness" not in table
