"""Spans of time written as fractions (issue 12, voices): therapists trained in the UK,
Ireland, Australia or India write weeks as x/52, days as x/7 and months as x/12. None of them
is a score or a rating; each has a twin that is one (a score out of 7 or 12, a rating after
"review")."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

_HEAD = "Patient: Wren Halvorsen\nDate: 2031-08-02\n\n"


def _numbers(text: str) -> list[object]:
    return [fact.value for fact in extract_facts(_HEAD + text) if fact.kind != "service"]


def test_weeks_written_over_52_are_never_read() -> None:
    assert _numbers("Plan: r/v 3/52 with consultant.") == []
    assert _numbers("Flare 2/52 after gardening.") == []
    assert _numbers("Splint for 6/52 then wean over 2/52.") == []


def test_days_and_months_with_a_word_of_time_are_never_read() -> None:
    assert _numbers("Fell 10/7 ago, no injury.") == []
    assert _numbers("Stopped tramadol 3/7 ago.") == []
    assert _numbers("Hip precautions for 3/12.") == []
    assert _numbers("Return to work 6/12 post injury.") == []


def test_a_score_out_of_7_or_12_stays_a_score() -> None:
    # twins: the same denominators as scores, with no word of time beside them
    facts = extract_facts(_HEAD + "FIM toilet transfer 5/7. SPPB 9/12.")
    assert {(f.measure, f.value) for f in facts} >= {("FIM", 5), ("SPPB", 9)}


def test_a_rating_after_review_stays_a_rating() -> None:
    # twin: "review" before a rating out of 10 is when it was rated, not a span of time
    pains = [f.value for f in extract_facts(_HEAD + "At review today pain 2/10 on gripping.")]
    assert 2 in pains
