"""Round 17 (GIRTH): an offline draft keeps what a table of bare values measures. A heading that
gives its rows their unit ("Isometric dynamometer (lb):") is written above the first of them, and
a bracket of earlier values under a row ("(last week 52.5, 50.0)") goes where that row went,
whatever its own words say. Each rule with a twin that must not be read so."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import place_items, split_items


def _placed(note: str) -> dict[str, list[str]]:
    return place_items(split_items(note), SOAP)


def test_a_heading_giving_its_rows_a_unit_is_written_above_them() -> None:
    note = "Isometric dynamometer (lb):\nHip abd  R 31.5  L 24.0\nHip ext  R 35.0  L 29.5\n"
    objective = _placed(note)["Objective"]
    assert objective[0] == "Isometric dynamometer (lb):"
    assert objective[1].startswith("Hip abd")


def test_a_heading_without_a_unit_is_still_left_out() -> None:
    # twin: "Strength today:" names neither columns nor a unit
    note = "Strength today:\nHip abd  R 4/5  L 4-/5\n"
    placed = _placed(note)
    assert "Strength today:" not in [line for lines in placed.values() for line in lines]


def test_a_bracket_of_earlier_values_follows_the_row_above() -> None:
    note = (
        "Stump circumference measured from the greater trochanter, supine:\n"
        "GT+6cm 51.5cm ; GT+12cm 49.0cm\n"
        "(last week 52.5, 50.0)\n"
    )
    assert where(note, "(last week 52.5") == ["Objective"]


def test_a_bracket_of_words_or_of_one_value_is_placed_by_its_words() -> None:
    # twins: a bracket with no list of values says something of its own
    assert where("Knee flex 110°\n(pt reports pain last week was worse)\n", "(pt") == ["Subjective"]
    assert where("Knee flex 110°\n(pain last week 6/10)\n", "(pain last week") == ["Subjective"]
