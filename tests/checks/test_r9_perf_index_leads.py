"""A word-led pattern that opens with a check, an optional group or a class of letters is looked
up in the note's index of words too (issue 12, speed), and starts exactly where a search for its
words starts: the index only narrows where the pattern is tried."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.test_word_index import same_starts
from tui.core.checks.text.lexicon import led
from tui.core.checks.text.word_index import index_leads, leading_letters


@pytest.mark.parametrize(
    ("body", "leads"),
    [
        ("(?<!or )(?:below|above) the", ("below", "above")),
        ("\\bnorms?", ("norm",)),
        ("(?:modified[ \\t]+)?borg", ("modified", "borg")),
        ("(?:(?:vor|canal)[ \\t]+)*gain", ("vor", "canal", "gain")),
        ("(?:head |neck ){0,2}turn", ("head", "neck", "turn")),
        ("(?:total )??possible", ("total", "possible")),
        ("(?-i:[tt]emp(?:erature)?|tmax)", ("temp", "tmax")),
        ("[rl]ight|x", ("right", "light", "x")),
        ("[12]rm", ("1rm", "2rm")),
    ],
)
def test_the_letters_a_match_can_start_with(body: str, leads: tuple[str, ...]) -> None:
    assert sorted(index_leads(body) or ()) == sorted(leads)


@pytest.mark.parametrize(
    "body",
    [
        "@|at",  # a symbol starts no word of the index
        "[ée]quilibre",  # nor a letter outside a-z
        "[tt]?emp",
        "[a-z]emp",
        "(?:modified )?",  # may match nothing
        "(?<!x)",
        "(?:x)?\\d",
    ],
)
def test_a_pattern_whose_start_the_index_cannot_hold_is_searched(body: str) -> None:
    assert index_leads(body) is None


def test_the_fixed_letters_other_readers_ask_for_are_unchanged() -> None:
    assert leading_letters("(?:head |neck )?turn") is None
    assert leading_letters("(?<!or )below") is None


FRAGMENTS = [
    "(?<!or )below", "(?:modified[ \\t]+)?borg", "(?:(?:vor|canal)[ \\t]+)*gain",
    "(?-i:[tt]emp(?:erature)?|temp|t|tmax)", "[rl]ight", "(?:head |neck ){0,2}turn",
    "\\bnorms?", "(?=\\S)steps?", "(?:total )??possible", "[12]rm",
]  # fmt: skip
PIECES = [
    " ", "  ", "\n", ".", ",", "-", "(", "@", "1", "1rm", "2rm", "below", "or below", "orbelow",
    "modified", "modified borg", "borg", "vor", "canal gain", "vor vor gain", "gain", "temp",
    "Temperature", "t", "tmax", "T", "right", "Light", "head", "neck turn", "head head turn",
    "turn", "norms", "NORM", "steps", "total possible", "possible", "é", "ſ", "\u212a", "İ", "_",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
def test_indexed_starts_are_searched_starts(words: list[str], text: str) -> None:
    finder = led(re.compile(r"\S+"), *words)
    same_starts(finder, text)
