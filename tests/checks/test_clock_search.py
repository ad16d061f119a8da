"""The clock ranges are searched only where one can start (a session word or a number start)
and the times in and out through their words: the same matches as a search of every position
(issue 12, speed)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import compared_texts
from tui.core.checks.billing.clock import _in_out, _patterns, _ranged_matches
from tui.core.checks.text.anchored import number_starts
from tui.core.checks.text.lowered import lowered

PIECES = [
    " ", "\t", "\n", "-", "–", " to ", "until", ":", ".", "/", ",", "1400", "1435", "2:00", "2:35",
    "10:50a", "11:20 pm", "0930h", "2350", "0020", "2019", "2021", "9", "12", "Session", "session",
    "Tx", "tx", "seen", "SEEN:", "visit", "appt", "time in", "In", "out", "Out:", "started",
    "mL", "ft", "min", "°", "ſ", "\u212a", "İ", "a", "x",
]  # fmt: skip


def found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def same(text: str) -> None:
    lowered.cache_clear()
    number_starts.cache_clear()
    in_out, ranged = _patterns()
    assert found(_ranged_matches(text)) == found(ranged.finditer(text))
    assert found(_in_out().finditer(text)) == found(in_out.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_matches_of_a_full_search(text: str) -> None:
    same(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Session 1400-1435",
        "Tx time: 2:00-2:35 pm; seen 10:50a-11:20a",
        "in 0930 out 1012, time in 1400 time out 1500",
        "2019-2021 and 1400-1600 mL, 2350-0020",
        "session session 9:00 - 9:45",
        "visit was at 12:00 to 12:40 today",
    ],
)
def test_written_ranges_give_the_matches_of_a_full_search(text: str) -> None:
    same(text)


def test_the_eval_notes_give_the_matches_of_a_full_search() -> None:
    texts = compared_texts()  # a fixed sample of every set (its docstring says why)
    same("\n\n".join(texts))
    for text in texts:
        same(text)
