"""Patterns that open with zero-width checks, tried only where their first character stands
(a symbol, or a number start), find exactly what the plain `finditer` finds (issue 12, speed);
so do the scanner's numeric tokens (the check after the first digit) in any range of a text
and the arrow ranges rewritten at their arrows only."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import compared_texts
from tui.core.checks.text.anchored import Anchored, number_starts
from tui.core.checks.text.first_char import AtNumbers, first_char
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.numbers import _ARROW_RANGE, _arrow_ranges
from tui.core.checks.text.scan import TOKEN, _non_measurement_patterns

PLAIN_TOKEN = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?")

WRITTEN = [
    re.compile(r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])", re.I | re.M),
    re.compile(r"(?<![\d./])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?=\s*:\s*\d)", re.I),
    re.compile(r"(?<![\w.])(?:1|4|12)\s+steps?", re.IGNORECASE),
    re.compile(r"(?:^|(?<=[A-Za-z(:=] )|(?<=[(:=]))/\s?\d+(?!\d|\.\d|\s*/)", re.I | re.M),
    re.compile(r"(?<![\w.])[<>#]\s*\d+|(?<=\s)=\d"),
]
CONVERTED = [
    *WRITTEN,
    *(p.pattern for p in _non_measurement_patterns() if type(p) is AtNumbers),
    *(
        p.pattern
        for p in _non_measurement_patterns()
        if type(p) is Anchored and not p.before and isinstance(first_char(p.pattern), Anchored)
    ),
]
PIECES = [
    *"0123456789", "12", "07", "19", "2031", " ", "\t", "\n", "/", ".", ":", "=", "(", ")", "<",
    ">", "#", "a", "Z", "x", "step", "steps", "Steps", "٣", "١٢", "é", "-",
]  # fmt: skip


def plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def fast(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    lowered.cache_clear()
    number_starts.cache_clear()
    tried = first_char(pattern)
    assert isinstance(tried, Anchored)
    return [(m.span(), m.groups()) for m in tried.scan(text)]


def test_patterns_opening_with_checks_are_tried_at_their_first_character() -> None:
    assert all(isinstance(first_char(p), Anchored) for p in WRITTEN)
    assert isinstance(first_char(WRITTEN[0]), AtNumbers)
    assert sum(type(p) is AtNumbers for p in _non_measurement_patterns()) >= 2
    for kept in (
        r"(?<![\d.])(?:1|x)\s+steps?",  # a letter may start it
        r"(?<![./])(?:0?[1-9])/\d",  # a digit may stand before it
        r"(?<![\w])[+Δ]\d",  # a letter (Δ) in the class
        r"#\s*\d+",  # a literal first is found fast as written
        r"(?<!x)(?:/)?\d",  # an optional first character
        r"(?<!x)[a-z/]\d",  # a letter in the class
        r"(?<!x)\bmax",
    ):
        pattern = re.compile(kept, re.IGNORECASE)
        assert first_char(pattern) is pattern, kept
    assert isinstance(first_char(re.compile(r"(?<![\w])[+≥]\d")), Anchored)
    pattern = re.compile(r"(?<![\w])[+≥]\d", re.IGNORECASE)  # a symbol out of ASCII
    assert first_char(pattern) is pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_plain_matches(text: str) -> None:
    for pattern in CONVERTED:
        assert fast(pattern, text) == plain(pattern, text), pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "",
        "seen 3/2031, 12/1999, 4/19, 13/2020, 1/20301, ١2/2031, 3/20/2031",
        "5/18: 49/80 (5/18:3) 12/31 : 4",
        "1 step, 4 steps, 12 steps, 112 steps, x4 steps, 4. 12 steps",
        "/5 (/ 4 pain /10 a /3 =/2 :/12 /1/",
        "<3 > 4 #5 x#6 =7 a =8",
    ],
)
def test_adversarial_text_gives_the_plain_matches(text: str) -> None:
    for pattern in CONVERTED:
        assert fast(pattern, text) == plain(pattern, text), pattern.pattern


def test_the_eval_notes_give_the_plain_matches() -> None:
    texts = compared_texts()  # a fixed sample of every set (its docstring says why)
    long_text = "\n\n".join(texts)
    for pattern in CONVERTED:
        assert fast(pattern, long_text) == plain(pattern, long_text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("0123456789٣ .aZ-x\n"), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_numeric_tokens_in_any_range_are_the_plain_ones(text: str, start: int, size: int) -> None:
    end = min(len(text), start + size)
    assert [m.span() for m in TOKEN.finditer(text, start, end)] == [
        m.span() for m in PLAIN_TOKEN.finditer(text, start, end)
    ]


ARROW_PIECES = [
    "0", "2", "30", "95", "120", " ", "\t", "→", "⇒", "➔", "°", "deg", "x", ".", "٣", "\n",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ARROW_PIECES), max_size=20).map("".join))
def test_arrow_ranges_are_rewritten_as_a_plain_substitution(text: str) -> None:
    assert _arrow_ranges(text) == _ARROW_RANGE.sub(r"\1-", text)
