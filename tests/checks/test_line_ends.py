"""A value closing a line and a word opening the next are never one phrase (issue 12): "Pain
3/10" at a line's end is a rating whatever word opens the next line ("Visit 4 of 12", "x"), a
grade "4/5" is not made a duration by "Days since surgery" below it, and "3/10" over a line
"Visit" is no count of visits. Each with its twin on one line, which is a count or a duration."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify


@pytest.mark.parametrize(
    "note",
    [
        "S: knee sore after stairs.\nPain 3/10\nVisit 4 of 12, re-eval due.",
        "Pain 3/10\nx2 sets of HEP reviewed",
        "Pain now 3/10\nDays missed from work: 2",
    ],
)
def test_a_rating_closing_a_line_is_read(note: str) -> None:
    assert [(f.kind, f.value) for f in extract_facts(note)][:1] == [("pain", 3)]


def test_a_count_of_visits_on_one_line_is_no_rating() -> None:
    assert [f for f in extract_facts("Attended 3/10 visits this month.") if f.kind == "pain"] == []


def test_a_grade_closing_a_line_is_not_a_duration() -> None:
    note = "MMT knee ext 4/5\nDays since surgery: 40"
    assert [(f.kind, f.value) for f in extract_facts(note)] == [("mmt", "4")]
    assert [f for f in extract_facts("Knee ext 4/5 days ago") if f.kind == "mmt"] == []


def test_a_lone_fraction_over_a_heading_verifies_against_itself() -> None:
    """Hypothesis found it: a count's noun was taken from the next line of the note but looked
    for on the fraction's own line in the draft, so a note was 'missing' from itself."""
    note = "Measure\n3/10\nVisit"
    assert verify(note, note).clean


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("Walk as far as possible\n5/10 pain with stairs today", 5),
        ("Return to jogging as soon as possible\n4/10 ache after 2 km", 4),
    ],
)
def test_an_exclusion_never_reaches_across_a_line_break(note: str, value: int) -> None:
    """Exclusions are decided by the scanner once for every pattern in the data (the word
    closing one line and the number opening the next are never one phrase), not taught one
    pattern at a time."""
    assert [(f.kind, f.value) for f in extract_facts(note)] == [("pain", value)]


def test_the_same_exclusion_on_one_line_still_holds() -> None:
    assert [
        f for f in extract_facts("Total possible 56, patient scored well.") if f.value == 56
    ] == []
