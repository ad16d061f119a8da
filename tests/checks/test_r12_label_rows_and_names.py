"""Which side and which time a value of a row is: a heading's legend over named lists, and the
name written after a value that opens its line. Each rule with its twin."""

from __future__ import annotations

from tests.checks.conftest import one_fact


def test_a_heading_legend_names_the_values_of_each_named_list_on_a_row() -> None:
    text = "Strength (today / IE):\nMMT R hip abd 4/5 / 3/5; ext 4-/5 / 3+/5\n"
    assert "previous" not in one_fact(text, "mmt", "4").label
    assert "previous" in one_fact(text, "mmt", "3").label
    assert "previous" not in one_fact(text, "mmt", "4-").label
    assert "previous" in one_fact(text, "mmt", "3+").label


def test_lists_side_by_side_are_columns_of_the_heading_not_timepoints() -> None:
    """The twin: no name between the lists, so the heading's items name the lists."""
    text = "Hip ROM (now / IE):\nFlex / ext   100° / 5°   115° / 10°\n"
    assert all("previous" not in one_fact(text, "rom", value).label for value in (100, 5, 115, 10))


def test_a_value_opening_its_line_is_named_by_the_words_after_its_unit() -> None:
    text = "Obj:\n64° cervical rotation L, 71° R.\n9 mm L lateral excursion, 6 mm R.\n"
    left = one_fact(text, "rom", 64)
    assert "L" in left.label.split() and "rotation" in left.label and "R" not in left.label.split()
    assert "R" in one_fact(text, "other", 6).label.split()
    assert one_fact(text, "other", 9).label.split()[0] == "L"


def test_a_value_first_line_naming_only_a_side_keeps_the_name_above() -> None:
    """The twin: "115° L" names no joint or motion, so it is not a name of its own."""
    assert "knee" in one_fact("L knee flex 115°, 120° R\n", "rom", 120).label
