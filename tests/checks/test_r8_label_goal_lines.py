"""A goal heading its line with a colon and a time frame ("GOALS: 2 wk - ... . 6 wk - ...")
makes every sentence on the line a goal. Twins: a goal heading with no time frame ("Goals:
reviewed ...") holds only its sentence, a goal's status after an arrow is today's, and a later
sentence of the line that says it is today's is a measurement."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _values(text: str) -> set[object]:
    return {fact.value for fact in facts_in(text)}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("GOALS: 2 wk - TUG < 18 s; knee flex 100 deg. 6 wk - walks 400 ft with cane.\n", set()),
        ("Goals: in 6 weeks TUG under 12 s. Ambulate 500 ft without device.\n", set()),
        ("Goals: reviewed with patient. TUG 12.1 s today.\n", {12.1}),
        ("LTG: 8 wk - walks 300 ft with cane -> today 150 ft with RW.\n", {150}),
        ("Goals: in 4 weeks hop test symmetry 90%. L ankle DF 12° today.\n", {12}),
    ],
)
def test_a_goal_line_with_a_time_frame_holds_its_sentences(text: str, wanted: set[object]) -> None:
    assert _values(text) == wanted
