"""A pattern tried only at its anchors finds exactly what the plain `finditer` finds: the same
spans and groups, leftmost first, never overlapping (issue 12, speed). Checked for every
anchored "not a measurement" pattern on random and adversarial text and on the eval notes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import compared_texts
from tui.core.checks.text.anchored import Anchored, anchored, number_then
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.scan import _non_measurement_patterns

ANCHORED = [p for p in _non_measurement_patterns() if isinstance(p, Anchored)]

# Pieces of the text the anchors and the patterns around them are made of, and their traps:
# a run of blanks before an anchor, an anchor inside a word, upper case, non-ASCII neighbours.
PIECES = [
    *"0123456789",
    "12", "4.5", "2027", "07", " ", "  ", "\t", "\n", "-", "/", ".", ":", ",", ";", "(", ")",
    "[", "x", "X", "°", "F", "C", "%", "mm", "Hg", "mmHg", '"', "'", "''", "inch", "y", "y/o",
    "yo", "-year-old", "years old", "yr old", "gr", "Grade", "III", "pos", "Position", "#", "<",
    ">", "≥", "≤", "=", "T", "L", "S", "c", "cm", "in", "finger", "above", "of", "out of", "sets",
    "reps", "times", "x10", "falls", "near falls", "trials", "Fahrenheit", "celsius", "degrees ",
    "incline", "cuff", "biofeedback", "wk", "week", "day", "word", "am", "p.m.", "Ä", "İ", "ı",
    "ſ", "\u212a", "ſets", "poſ", "a",
]  # fmt: skip


def plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def fast(pattern: Anchored, text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    lowered.cache_clear()
    return [(m.span(), m.groups()) for m in pattern.scan(text)]


def test_the_not_measurement_patterns_are_anchored() -> None:
    assert len(ANCHORED) >= 20


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_plain_matches(text: str) -> None:
    for pattern in ANCHORED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "3x10 x10 10x 2 x 30s x 5 xx3 3xx",
        "1234567 x 3",
        "12 12 12 12 x",
        "98.6 °F, 37 °C, 99 degrees Fahrenheit, 40 Celsius",
        "T10-L2 C5 - 6 S1-S2 t4-t5 L4-5",
        "2027-06-30 1/2/2027 12.5.27 1-2-2027 3/4/05/06",
        "(5/18: 49/80) \n 6/14: 13/28",
        ">90 ≥ 45 >= 80% <45/56 =>3 ->5",
        "grade III, gr. 2, Grade 4/5, upgrade 3",
        "pos 2, position #3, repos 4",
        "25-word list, 30-min sessions, 3-4 days, 4.5-inch",
        "6\" step, 4 inches, 8 '', 12 inch",
        "a 67 y/o, 70 yo, 45 years old, 3-year-old, 80 yr old, 12 y.o.",
        "10 cm above the patella, 2 finger breadths below, 3 in from",
        "2/10 trials, 4 of 10 sites felt R, 6/10 L; 3 out of 5 pegs",
        "3 falls in 6 mo, 2 near falls, 1 near-fall",
        "BFR cuff 180 mmHg, 30-40 mmHg compression, 22 mm Hg of biofeedback",
        "10% incline, 50 % of 1RM, 20%BWS",
        "plateaued at 95-100°, 100 - 120 deg, 30-90°",
        "3 sets of 10, 10 reps, 2 times a week, 2x/wk, 3 times, 3 /wk, 2/day",
        "0" * 30 + " " * 30 + "x",
        "3 ſets of 10, 4 S, 2 ſeries, poſ 3, 5 \u212am, 4 İnch, 6 ınch",
        "\n\n\n" + "9 \n" * 20 + "x 1",
    ],
)
def test_adversarial_text_gives_the_plain_matches(text: str) -> None:
    for pattern in ANCHORED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


# CPU-bound: about 9 s on an idle 2-core machine, over 120 s (the suite's default limit) when
# eight processes share the cores; the limit is for hangs, not for a busy machine.
@pytest.mark.timeout(900)
def test_the_eval_notes_give_the_plain_matches() -> None:
    texts = compared_texts()  # a fixed sample of every set (its docstring says why)
    long_text = "\n\n".join(texts)  # past the length whose matches are remembered
    for pattern in ANCHORED:
        want = plain(pattern.pattern, long_text)
        assert [(m.span(), m.groups()) for m in pattern.finditer(long_text)] == want
        for text in texts:
            assert fast(pattern, text) == plain(pattern.pattern, text)


def test_an_anchor_at_the_start_or_after_its_number() -> None:
    at_start = anchored(re.compile(r"x\d+"), "x")
    assert [m.group() for m in at_start.scan("x1 ax2 X3 x4")] == ["x1", "x2", "x4"]
    after = number_then(re.compile(r"\d+\s*%"), "%")
    assert [m.group() for m in after.scan("5 % 10% a%  7\t%")] == ["5 %", "10%", "7\t%"]
