"""Verification's own passes over a note, made cheaper, read the same (issue 12, speed): a
number with its unit and a grade over 5 are searched from their first digit, the sentences and
the numbers in each are found once for the topics and the "written near" support alike, bare
grades are read only in the sentences a strength word was found in, and days said in words are
tried only at their leading words."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import cases
from tui.core.checks.text.day_names import _patterns
from tui.core.checks.text.lexicon import NUM, UNIT_CLASSES
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.sentences import (
    _GRADE_BARE,
    _GRADE_SLASH,
    _MMT_CONTEXT,
    _SENTENCES,
    Sentences,
    grades_written,
)
from tui.core.checks.verify.unit_quantities import QUANTITY

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
    assert found(QUANTITY, text) == found(PLAIN_QUANTITY, text)


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
    for value, indexes in Sentences.of(text).by_number.items():
        for index in indexes:
            numbers.setdefault(index, set()).add(value)
    return numbers


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_each_sentences_numbers_are_those_a_plain_search_finds(text: str) -> None:
    assert from_sentences(text) == numbers_by_sentence(text)
    assert set(Sentences.of(text).by_number) == {
        float(m.group()) for m in ANY_NUMBER.finditer(text)
    }


def test_the_corpus_notes_sentences_hold_the_same_numbers() -> None:
    for case in cases("corpus"):
        assert from_sentences(case.text) == numbers_by_sentence(case.text)


PLAIN_GRADE_SLASH = re.compile(r"(?<![\d.])([0-5][+-]?)\s*/\s*5(?!\d)")
GRADE_PIECES = [
    *"0123456789", "4-", "3+", "/5", " / 5", "/50", ".", "\n", " ", "MMT", "strength", "Muscle",
    "grade", "grades", "upgrade", "x", "-", "+", "/", "é",
]  # fmt: skip


def plain_grades(text: str) -> frozenset[str]:
    """The grades written, read the plain way: every sentence searched for a strength word."""
    grades = {match.group(1) for match in PLAIN_GRADE_SLASH.finditer(text)}
    for sentence in re.split(r"[.\n]", text):
        if _MMT_CONTEXT.search(sentence):
            grades |= {match.group(1) for match in _GRADE_BARE.finditer(sentence)}
    return frozenset(grades)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GRADE_PIECES), max_size=40).map("".join))
def test_grades_written_are_those_read_sentence_by_sentence(text: str) -> None:
    assert found(_GRADE_SLASH, text) == found(PLAIN_GRADE_SLASH, text)
    lowered.cache_clear()
    assert grades_written(text) == plain_grades(text)


def test_the_corpus_notes_grades_are_the_same() -> None:
    texts = [case.text for case in cases("corpus")]
    assert grades_written("\n".join(texts)) == plain_grades("\n".join(texts))


DAY_PIECES = [
    "the", "The ", " ", "\t", "3rd", "14th", "fourteenth", "twenty", "-", "first", "20-first",
    " of ", "July", "jul", "May", "june", "Sept", "December", ", 2027", " 2031", ".", "\n", "x",
    "other", "mayor",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DAY_PIECES), max_size=30).map("".join))
def test_days_said_are_found_at_their_leading_words(text: str) -> None:
    for fast in _patterns():
        lowered.cache_clear()
        assert [(m.span(), m.groups()) for m in fast.scan(text)] == [
            (m.span(), m.groups()) for m in fast.pattern.finditer(text)
        ]
