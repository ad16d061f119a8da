"""A number pattern with its check on the character before moved after the first digit finds
the same stretches as written (issue 12, speed): classes of any characters, a word boundary,
counted digits ("\\d{5,}", "\\d{1,2}", "\\d{3}") and a range's optional first number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.spans import spans
from tui.core.checks.text.lexicon import digit_first

PATTERNS = [
    r"(?<![\w.])\d+(?:\.\d+)?\s*x",
    r"(?<![\d./])\d+(?:\.\d+)?\s+falls",
    r"(?<![\d.])\d{5,}(?!\.?\d)",
    r"\b\d{1,2}:\d{2}",
    r"\b\d{3}[-.\s]\d{3}",
    r"(?<![\d.])\d{2}\b",
    r"(?<![\]x])\d+?",
    r"(?<![\d.])(?:\d+(?:\.\d+)?\s*(?:-|to)\s*)?\d+(?:\.\d+)?\s*(?:ft|x)\b",
    r"(?<![\d.])(?:\d+[(\]]?(?:/)?)?\d+\s*x",
]
TEXT = st.text(alphabet=st.sampled_from("0123456789 ./:-xX]fals\n(tof"), max_size=40)


@pytest.mark.parametrize("written", PATTERNS)
def test_the_check_is_moved(written: str) -> None:
    assert digit_first(re.compile(written)).pattern != written  # type: ignore[union-attr]


@given(st.sampled_from(PATTERNS), TEXT)
def test_the_same_stretches_are_found(written: str, text: str) -> None:
    pattern = re.compile(written, re.IGNORECASE)
    moved = digit_first(pattern)
    assert isinstance(moved, re.Pattern)
    assert spans(moved.finditer(text)) == spans(pattern.finditer(text))


@pytest.mark.parametrize(
    "written",
    [
        r"(?<![\w.])(\d+)",
        r"\d{0,2}x",
        r"(?<!\d)\d{0,3}",
        r"(?<![\d.])(?:\d+-)?\d+?x",
        r"(?<![\d.])(?:\d+-)??\d+x",
    ],
)
def test_other_shapes_are_left_as_written(written: str) -> None:
    pattern = re.compile(written)
    assert digit_first(pattern) is pattern
