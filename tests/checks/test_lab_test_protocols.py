"""A test's protocol in a bracket between its name and its score holds none of its values
(tui/core/checks/measures/test_protocols.py): "(subtracting 7s from 90)" is no earlier score.
Twins: a bracket opened by a timepoint or a side holds a value of the test."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _outcomes(text: str) -> list[tuple[object, bool]]:
    return [(fact.value, "previous" in fact.label) for fact in facts_in(text, "outcome")]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Dual-task TUG (subtracting 7s from 90) 22.4 s.", [(22.4, False)]),
        ("2MWT (1 seated rest at 60 s) 98 m.", [(98, False)]),
        ("30 s chair stand (seat 43 cm, no arms) 11 reps.", [(11, False)]),
    ],
)
def test_numbers_of_a_protocol_are_not_scores(text: str, wanted: list[tuple[object, bool]]) -> None:
    assert _outcomes(text) == wanted


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("DGI (initial 12) 17/24.", 12),
        ("DGI (12 at eval) 17/24.", 12),
        ("DGI (prev 15) 17/24.", 15),
    ],
)
def test_a_bracket_opened_by_a_timepoint_holds_an_earlier_score(text: str, earlier: int) -> None:
    assert (earlier, True) in _outcomes(text)
