"""Number patterns written to open on a digit (the check before the number moved after its
first digit), and the arrow-range rewrite skipped for a text with no arrow (issue 12, speed):
the same results as the plain forms on random and adversarial text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.spans import spans
from tui.core.checks.text.anchored import _NUMBER_START
from tui.core.checks.text.numbers import _ARROW_RANGE, _arrow_ranges
from tui.core.checks.text.separators import _THOUSANDS

_PLAIN_NUMBER_START = re.compile(r"(?<!\d)\d")
_PLAIN_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{3})+(?![\d,]|\.\d)")

_TEXT = st.lists(
    st.sampled_from(
        [*"0123456789", "12", "100", ",", ",000", ".", " ", "a", "\u0663", "\u2192", "°", "deg"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_digit_led_patterns_match_their_plain_forms(text: str) -> None:
    assert spans(_NUMBER_START.finditer(text)) == spans(_PLAIN_NUMBER_START.finditer(text))
    assert spans(_THOUSANDS.finditer(text)) == spans(_PLAIN_THOUSANDS.finditer(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_arrow_ranges_are_the_plain_rewrite(text: str) -> None:
    assert _arrow_ranges(text) == _ARROW_RANGE.sub(r"\1-", text)


def test_an_arrow_range_is_written_with_a_hyphen() -> None:
    assert _arrow_ranges("knee flex 0\u2192120°") == "knee flex 0-120°"
    assert spans(_THOUSANDS.finditer("walked 1,200 ft, 12,5 x")) == [(7, 12)]
