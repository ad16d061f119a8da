"""The word-led search finds exactly the words a plain search for them finds (it only skips
letters and digits faster), including words inside words, words ending in punctuation and a
word at the very start of the text."""

from __future__ import annotations

import re

import pytest

from tui.core.checks.text.lexicon import led
from tui.core.checks.text.scan import Scanner

WORDS = ("per day", "day", "no.", "visit", "#", "\\d+\\s*min", "x\\d")


@pytest.mark.parametrize(
    "text",
    [
        "per day and day",
        "day one",
        "xday per day",
        "perday day",
        "no.visit no. visit",
        "#3 visit #4",
        "5 min, 10min; x2 x3",
        "",
        "   ",
        "Visit 2: DAY 3 per Day",
    ],
)
def test_led_starts_are_those_of_a_plain_search(text: str) -> None:
    finder = led(re.compile(r"\S+"), *WORDS)
    lowered = text.lower()
    assert list(finder._starts(lowered)) == [m.start() for m in finder.starter.finditer(lowered)]


def test_visible_text_hides_blocked_characters_only() -> None:
    scanner = Scanner("pain 4/10 on 3/2/2027 at rest")
    assert scanner.visible(0, 9) == "pain 4/10"
    scanner.block(13, 21)
    assert scanner.visible(5, 29) == "4/10 on          at rest"
