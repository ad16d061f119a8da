"""A word-led pattern looked up in the note's index of words starts exactly where a search
for its words starts (issue 12, speed): the fixed first letters of each alternative are read
from the pattern itself, and a pattern without them is searched as before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import compared_texts
from tests.spans import spans
from tui.core.checks.text.lexicon import _WORD_START, Led, led, word_first
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.scan import _non_measurement_patterns
from tui.core.checks.text.word_index import (
    INDEXED_FROM,
    index_leads,
    indexed_starts,
    leading_letters,
    word_starts,
)

FRAGMENTS = [
    "steps?", "step[- ]?ups?", "norms?", "cut-?off", "age[- ]matched", "no\\.", "at least", "at",
    "a", "an", "in", "into", "gain(?:ed|ing|s)?", "improv(?:ed|ing)", "up", "down", "by",
    "rm\\.?", "ps(?=[ \\t]*\\d)", "30cst", "9\\d{4}", "(?-i:ha)",
    "(?:head |neck )?turn", "(?:head|neck) tilt", "1rm", "@",
    "e-?stim", "x\\d", "per day", "day", "scapula\\w*",
]  # fmt: skip
PIECES = [
    " ", "  ", "\n", ".", ",", "-", "(", "@", "1", "20", "5 ", "step", "steps", "stepups",
    "step-up", "norm", "normal", "cut-off", "cutoff", "age matched", "no.", "none", "at",
    "at least",
    "a", "an", "in", "into", "gained", "improving", "up", "down", "by", "rm.", "ps 5", "head turn",
    "neck tilt", "turn", "1rm", "30cst", "930cst", "91234", "HA", "ha",
    "estim", "e-stim", "x2", "per day", "day", "scapular", "Ä", "A",
    "STEP", "ATLeast", "_", "ſtep", "\u212a", "İn", "ı", "norſ",
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "leads"),
    [
        ("steps?", ("step",)),
        ("norms?|cut-?off", ("norm", "cut")),
        ("gain(?:ed|s)?", ("gain",)),
        ("(?:up|down)+ward", ("up", "down")),
        ("(?:(?:visit|day)|(?:no\\.))", ("visit", "day", "no")),
        ("xy{2}", ("x",)),
        ("(?:head |neck )?turn", None),
        ("1rm|9\\d{4}", ("1rm", "9")),
        ("(?-i:ha)|ok", ("ha", "ok")),
        ("@|at", None),
        ("x{2}", None),
        ("", None),
        ("a|", None),
        ("[a-z]+", None),
        ("\\d+\\s*min", None),
    ],
)
def test_the_fixed_first_letters_of_each_alternative(
    body: str, leads: tuple[str, ...] | None
) -> None:
    assert leading_letters(body) == leads


def same_starts(finder: Led, text: str) -> None:
    low = lowered(text)
    leads = index_leads(finder.starter.pattern.removeprefix(_WORD_START))
    if leads is not None:
        indexed = indexed_starts(low, leads)
        assert list(finder._indexed_starts(low, indexed)) == list(finder._searched_starts(low))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
def test_random_words_and_text_start_where_a_search_starts(words: list[str], text: str) -> None:
    same_starts(led(re.compile(r"\S+"), *words), text)


def test_a_text_is_indexed_once_several_patterns_asked_for_its_words() -> None:
    text = "steps and more steps " * 600
    answers = [word_starts(lowered(text), "steps?") for _ in range(4)]
    assert answers[0] is None  # one pattern: searched
    assert answers[-1] == [m.start() for m in re.finditer("step", text)]


# CPU-bound over a sample of every set: it passed alone in 112 s at load 20 (seconds on an idle
# machine); the limit is for hangs, not for a busy machine.
@pytest.mark.timeout(900)
def test_the_not_measurement_patterns_start_where_a_search_starts_on_the_eval_notes() -> None:
    text = "\n\n".join(compared_texts())  # a fixed sample of every set (its docstring says why)
    assert len(text) >= INDEXED_FROM
    finders = [p for p in _non_measurement_patterns() if isinstance(p, Led)]
    assert sum(leading_letters(f.starter.pattern.removeprefix(_WORD_START)) is not None
               for f in finders) >= 15  # fmt: skip
    for finder in finders:
        same_starts(finder, text)
        assert spans(finder.finditer(text)) == spans(finder.pattern.finditer(text))


WORD_FIRST = [
    re.compile(r"\bmax(?:imum)?\s*(?:of|is|=|:)?\s*\d+", re.IGNORECASE),
    re.compile(r"\bby\s+\d+s\b", re.IGNORECASE),
    re.compile(r"\bRPE\s*\d+"),
    re.compile(r"\b(?:to|at|of)\s+[CTLS]\s?\d{1,2}\b"),
    re.compile(r"\b(?:STGs?|goals?)\b|\btargets?\b(?=\s*\d)", re.IGNORECASE),
    # an optional group first: its words or the words after it lead (number_led.fixed_starts)
    re.compile(r"\b(?:total\s+)?possible(?:\s+score)?\s*(?:of|is)?\s*\d+", re.IGNORECASE),
    re.compile(r"\b(?:rest )?breaks?\s*\d+|\bor (?:less|more)\b", re.IGNORECASE),
]
WORD_PIECES = [
    " ", "\n", ".", "-", "_", "(", "3", "10", "3s", "max", "MAX", "maximum", "Max of", "by", "BY",
    "by 3s", "RPE", "rpe", "to", "at", "of", "T", "C 5", "L4", "STG", "stgs", "goal", "Goals",
    "target", "targets", "ſ", "\u212a", "ı", "İ", "é", "x", "total", "Total ", "possible",
    "possible score", "of", "is", "rest ", "breaks", "Break", "or", "less", "more", "ormore",
]  # fmt: skip


def test_a_pattern_led_by_a_word_boundary_and_fixed_letters_becomes_word_led() -> None:
    assert all(isinstance(word_first(pattern), Led) for pattern in WORD_FIRST)
    for kept in (r"\b(?:\d\s+)?possible", r"serial \d+", r"\bmax|x\d", r"\b\d+", r"\b(?:-)?x"):
        assert word_first(re.compile(kept)).pattern == kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=40).map("".join))
def test_word_first_finds_what_finditer_finds(text: str) -> None:
    for pattern in WORD_FIRST:
        found = word_first(pattern)
        assert isinstance(found, Led)
        lowered.cache_clear()
        assert [(m.span(), m.groups()) for m in found.scan(text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ]
