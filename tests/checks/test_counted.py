"""Counts of things out of a whole ("5/8 shapes", "6/10 trials") are never pain, a rating or a
grade, but a draft that changes one is questioned and a draft that keeps it is clean."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify

NOTE = (
    "Patient: Ada Pell\nDate: 2027-08-09\n\n"
    "O: Visual motor: copying 6/9 shapes; tracing 5/8 shapes within 1/4 in.\n"
    "Peg task: 4 of 10 pegs placed R, 7/10 L. Ball catch 6/10 trials, up from 3/10 "
    "trials last week. Sit to stand 8/10 reps w/o LOB.\n"
    "Goals:\n- tracing 7/8 shapes by June\n"
)


def test_counts_are_never_pain_grades_or_scores() -> None:
    assert [f for f in extract_facts(NOTE) if f.kind in ("pain", "mmt", "outcome")] == []


@pytest.mark.parametrize(
    "draft",
    [
        "Copying 6/9 shapes; tracing 5/8 shapes within 1/4 in. Pegs 4 of 10 R, 7/10 L. "
        "Ball catch 6/10 trials (3/10 last week). Sit to stand 8 out of 10 reps.",
        "Tracing: 5 out of 8 shapes.",
        "Goal: trace 7/8 shapes by June.",
    ],
)
def test_a_draft_that_keeps_the_counts_is_clean(draft: str) -> None:
    assert verify(NOTE, draft).unsupported == []


@pytest.mark.parametrize(
    ("draft", "value", "whole"),
    [
        ("Tracing 6/8 shapes within 1/4 in.", 6, "/8"),
        ("Tracing 4/8 shapes within 1/4 in.", 4, "/8"),  # 4 is in the note, never out of 8
        ("Copying 6/8 shapes.", 6, "/8"),  # the note copies 6 of 9
        ("Ball catch 9/10 trials.", 9, "/10"),
        ("Peg task: 4 of 10 pegs placed R, 9/10 L.", 9, "/10"),  # the second count of a list
        ("Sit to stand 9/10 reps.", 9, "/10"),
    ],
)
def test_a_draft_that_changes_a_count_is_questioned(draft: str, value: int, whole: str) -> None:
    found = [(f.kind, f.value, f.unit) for f in verify(NOTE, draft).unsupported]
    assert found == [("other", value, whole)]


def test_a_questioned_count_points_at_the_draft() -> None:
    draft = "Visual motor:\n- Tracing: 6 of 8 shapes."
    (fact,) = verify(NOTE, draft).unsupported
    assert draft[fact.span[0] : fact.span[1]].startswith("6 of 8")
    assert "shapes" in fact.label
