"""A name that takes a score's number into itself is looked for among the names before that
number only (issue 12, speed): the instrument names are in text order, so the search stops at
the first name past the number instead of reading every later name of the note."""

from __future__ import annotations

from itertools import product

from tui.core.checks.extract import extract_facts
from tui.core.checks.measures.instruments import _spans_score


def _any_later_spans(names: list[tuple[str, int, int]], index: int, at: int) -> bool:
    return any(start < at < end for _, start, end in names[index + 1 :])


def test_the_names_before_the_number_decide_as_every_later_name_did() -> None:
    spans = [(0, 3), (2, 9), (4, 6), (5, 12), (8, 10)]
    for chosen in product((False, True), repeat=len(spans)):
        names = sorted(
            (("N", start, end) for (start, end), keep in zip(spans, chosen, strict=True) if keep),
            key=lambda name: name[1],
        )
        for index in range(len(names)):
            for at in range(14):
                assert _spans_score(names, index, at) == _any_later_spans(names, index, at)


def test_a_later_name_holding_the_number_still_takes_it() -> None:
    facts = extract_facts("QOL survey PHQ 9 came in at 7.")
    scores = [(fact.measure, fact.value) for fact in facts if fact.kind == "outcome"]
    assert scores == [("PHQ-9", 7)]
    assert not any(fact.value == 9 for fact in facts)  # the item count is no score of QOL
