"""A line of a dotted-leader export holding a score and an earlier one in brackets ("Mini-BESTest
........ 20/28   [eval: 16/28]") is no table heading: "20/28" is a score, never a date naming a
column, so the lines under it stay the note's own. Its twin: real dates over columns still head a
table."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _outcomes(text: str) -> list[tuple[str | None, float | int | str, bool]]:
    return [
        (f.measure, f.value, "previous" in f.label)
        for f in extract_facts(text)
        if f.kind == "outcome"
    ]


def test_a_score_over_indented_lines_is_no_heading() -> None:
    note = (
        "Objective\n"
        "  Mini-BESTest ........ 20/28              [eval: 16/28]\n"
        "  FOG-Q ............... 9/24\n"
        "  TUG ................. 11.2 s\n"
    )
    read = _outcomes(note)
    assert ("Mini-BESTest", 20, False) in read
    assert ("Mini-BESTest", 16, True) in read
    assert ("FOG-Q", 9, False) in read


def test_a_score_twin_dates_over_columns_still_head_a_table() -> None:
    note = (
        "Measure            5/05         6/04\n"
        "  TUG              13.1 s       9.8 s\n"
        "  Knee flex AROM   104 deg      118 deg\n"
    )
    assert _outcomes(note) == [("TUG", 13.1, True), ("TUG", 9.8, False)]
