"""Verification's own passes over a note, made cheaper, read the same (issue 12, speed): a
number with its unit is searched from its first digit, and the sentences and the numbers in
each are found once for the topics and the "written near" support alike."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import cases
from tui.core.checks.text.lexicon import NUM, UNIT_CLASSES
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.verify import _QUANTITY, _SENTENCES, _Sentences

PLAIN_QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.])({NUM})(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNIT_CLASSES.items())
    + ")",
    re.IGNORECASE,
)
PIECES = [
    *"0123456789", "4.5", ".", " ", "\n", ";", "a", "Z", "x", "°", "deg", "%", "/10", " out of 10",
    "min", "cm", "lb", "kg", "s", "sec", "m/s", "ft", "reps", "٣", "-", "pts",
]  # fmt: skip


def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, object]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_a_quantity_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    assert found(_QUANTITY, text) == found(PLAIN_QUANTITY, text)


def numbers_by_sentence(text: str) -> dict[int, set[float]]:
    """The sentences' numbers found the plain way: a search for each, placed by position."""
    bounds = [0] + [m.end() for m in _SENTENCES.finditer(text)]
    numbers: dict[int, set[float]] = {}
    for number in ANY_NUMBER.finditer(text):
        index = bisect.bisect_right(bounds, number.start()) - 1
        numbers.setdefault(index, set()).add(float(number.group()))
    return numbers


def from_sentences(text: str) -> dict[int, set[float]]:
    numbers: dict[int, set[float]] = {}
    for value, indexes in _Sentences.of(text).by_number.items():
        for index in indexes:
            numbers.setdefault(index, set()).add(value)
    return numbers


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_each_sentences_numbers_are_those_a_plain_search_finds(text: str) -> None:
    assert from_sentences(text) == numbers_by_sentence(text)
    assert set(_Sentences.of(text).by_number) == {
        float(m.group()) for m in ANY_NUMBER.finditer(text)
    }


def test_the_corpus_notes_sentences_hold_the_same_numbers() -> None:
    for case in cases("corpus"):
        assert from_sentences(case.text) == numbers_by_sentence(case.text)
