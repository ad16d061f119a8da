"""A dictation's "quick dash" is the QuickDASH, not "quick" and a spoken dash: the offline drafter
keeps the words, and the checks read the score after it. A dash said after a clause is still a
mark."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.drafting import dictation

_HEADER = "Patient: Test Person\nDate: 2040-01-02\n\n"


def test_the_quick_dash_keeps_its_name_in_a_dictated_draft() -> None:
    said = "She filled out the quick dash, score was forty two today."
    assert dictation.sentences(said) == ["She filled out the quick dash, score was 42 today."]


def test_the_quick_dash_score_is_read() -> None:
    facts = extract_facts(_HEADER + "She filled out the quick dash, score was forty two today.")
    assert [(f.measure, f.value) for f in facts if f.kind == "outcome"] == [("QuickDASH", 42)]


def test_a_dash_said_after_a_clause_is_a_mark() -> None:
    said = "Pain is better dash she slept through the night."
    assert dictation.sentences(said) == ["Pain is better - she slept through the night."]
