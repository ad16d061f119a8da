"""A number-first pattern tried only at the numbers whose run of digits, dots and blanks ends on
its word's first character finds exactly what the plain `finditer` finds (issue 12, speed): on
random and adversarial text, on the development notes, and never for a pattern that can read
something else before its word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import SPLITS, compared_texts
from tui.core.checks.text.anchored import number_starts
from tui.core.checks.text.lexicon import digit_first
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.number_runs import NumberFollowed, _followers, number_followed
from tui.core.checks.text.scan import _non_measurement_patterns

# the sets that may be read this round (the blind ones are never opened)
DEVELOPMENT = tuple(split for split in SPLITS if split not in ("heldout11", "heldout13"))
FOLLOWED = [
    followed
    for pattern in _non_measurement_patterns()
    if isinstance(pattern, re.Pattern)
    and isinstance(followed := number_followed(pattern), NumberFollowed)
]

PIECES = [
    *"0123456789",
    "12", "4.5", "07", " ", "  ", "\t", "\n", "\u2003", "-", "/", ".", ",", ";", "(", ")", ":",
    "°", "%", "#", "+", '"', "'", "cm", "mm", "m", "in", "ft", "feet", "lbs", "kg", "s", "sec",
    "min", "max", "x", "st", "nd", "th", "yrs", "mos", "wks", "apart", "segments", "long",
    "walkway", "to", "deg", "tilt", "percent", "TBSA", "mL", "oz", "q4h", "Hz", "MHz", "W",
    "ſ", "\u212a", "K", "é", "\u0663", "a", "BID", "daily",
]  # fmt: skip


def plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def fast(pattern: NumberFollowed, text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    lowered.cache_clear()
    number_starts.cache_clear()
    _followers.cache_clear()
    return [(m.span(), m.groups()) for m in pattern.scan(text)]


def test_the_number_first_exclusions_with_fixed_words_are_followed() -> None:
    assert len(FOLLOWED) >= 15


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_plain_matches(text: str) -> None:
    for pattern in FOLLOWED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3 cm apart, 4.5 in segments, 10 ft walkway, 20 m long corridor, 2nd 3rd 21st",
        "5 lbs 3x10, 2 kg 2 x 15, 10# 3 x 12, 30 s max, 2 min max, 25% TBSA, 6 wks adjusted",
        "30 mL q4h, 4 oz per feed, 2 yrs, 6 mos, 4-5 ft daily, 10 - 12 min BID",
        "1 2 3 4 5 6 7 8 9 10 11 cm 12.5.6 ft 7\n\n8 \n m",
        "12 34 - 56 / 78 ° % + apart; 9 (10) cm apart 3. 5 cm apart 3.cm apart",
        "3 ſec max, 4 \u212ag 2x3, 5 é apart, \u0663 cm apart, 3\u2003cm apart, 7 CM APART",
    ],
)
def test_adversarial_text_gives_the_plain_matches(text: str) -> None:
    for pattern in FOLLOWED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


def test_the_development_notes_give_the_plain_matches() -> None:
    texts = compared_texts(DEVELOPMENT)  # a fixed sample of every set (its docstring says why)
    long_text = "\n\n".join(texts)
    for pattern in FOLLOWED:
        assert fast(pattern, long_text) == plain(pattern.pattern, long_text)


def test_a_number_then_its_unit_is_tried_only_before_that_unit() -> None:
    pattern = digit_first(re.compile(r"(?<![\d.])\d+(?:\.\d+)?[ \t]*-?[ \t]*(?:cm|ft)\s+apart"))
    assert isinstance(pattern, re.Pattern)
    followed = number_followed(pattern)
    assert isinstance(followed, NumberFollowed)
    assert sorted(followed.leads) == ["-", "c", "f"]
    found = [m.group() for m in followed.scan("3 cm apart, 4 -ft apart, 5 in apart, 6 FT apart")]
    assert found == ["3 cm apart", "4 -ft apart"]
    # digits and blanks after the first number are still the run: the word opens after them
    sets = number_followed(re.compile(r"\d(?<![\d.]\d)\d*\s*\d+ reps"))
    assert isinstance(sets, NumberFollowed) and sets.leads == "r"


@pytest.mark.parametrize(
    "source",
    [
        r"\d(?<![\d.]\d)\d*\s*(?:cm|\d)",  # one way opens on a digit
        r"\d(?<![\d.]\d)\d*[ \t]*(?:[A-Z]\w+)",  # a class, no fixed first character
        r"\d(?<![\d.]\d)\d*\s*cm|apart",  # a second way that is no number
        r"\d\d*\s*cm",  # no check that the digit opens the number
        r"\d(?<![\d.]\d)\d*?\s*cm",  # a lazy run
        r"\d(?<![\d.]\d)\d*\s*(?:μs|ms)",  # a letter with cases outside ASCII
        r"\d(?<![\d.]\d)\d*(?:\s*cm)?",  # the word may be missing altogether
    ],
)
def test_a_pattern_that_may_read_other_things_first_stays_plain(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert number_followed(pattern) is pattern
