"""A number-first pattern tried only at the number starts before its telling word finds exactly
what the plain `finditer` finds (issue 12, speed): on random and adversarial text built from
its words, units, glued and spaced forms, and on the eval notes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import compared_texts
from tui.core.checks.measures import results
from tui.core.checks.text.anchored import number_starts
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.number_led import NumberLed, fixed_starts, number_led
from tui.core.checks.text.scan import _non_measurement_patterns

NUMBER_LED = [
    *(p for p in _non_measurement_patterns() if isinstance(p, NumberLed)),
    *(p for p in (results._events(), results._reps()) if isinstance(p, NumberLed)),
]

PIECES = [
    *"0123456789",
    "12", "4.5", "07", " ", "  ", "\t", "\n", "-", "/", ".", ",", ";", "(", ")", ":", "°", "%",
    "+", '"', "'", "deg", "degrees", "cm", "mm", "m", "in", "ft", "lbs", "s", "min", "x",
    "needed", "goal", "Target", "for return", "or less", "or more", "and above", "at minimum",
    "minimum", "per protocol", "per hip precautions", "per wk", "a week", "per MD", "falls",
    "near falls", "rest breaks", "standing rests", "episodes", "verbal cues", "min cues",
    "prompts", "box", "step", "heel raise", "foam", "more", "additional", "weeks", "days",
    "hrs", "HRS", "Hr", "mos", "visits", "sessions", "ſessions", "K", "é", "a", "per", "reps",
    "Rep", "repetitions", "x", "@", "of",
]  # fmt: skip


def plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def fast(pattern: NumberLed, text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    lowered.cache_clear()
    number_starts.cache_clear()
    return [(m.span(), m.groups()) for m in pattern.scan(text)]


def test_the_number_first_patterns_with_telling_words_are_number_led() -> None:
    assert len(NUMBER_LED) >= 9


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_plain_matches(text: str) -> None:
    for pattern in NUMBER_LED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3 falls in 6 mo, 2 near-falls, 4 rest breaks, 2 standing rests, 1 fall",
        "90needed 90° needed, 120 deg goal, 3.5 cm for return, 40%target",
        "pain 2/10 or less, 140°+ 5/10 or lower 80% and above 30 at minimum 2 minimum",
        "limited to 90° per hip precautions, 10% per wk, 3 a week, 5 per MD 4 per orthopedics",
        '15 cm box, 20 cm pool step, 1 cm heel raise, 4 in foam pad, 6" step',
        "2 verbal cues, 3 min cues, 1 max tactile cues, 4 reminders, 5prompts",
        "6 wks, 2 more weeks, 4 days ago, 80 HR, 3 hrs, 2-3 mos, 2 additional visits",
        "1 2 3 4 5 6 7 8 9 10 11 goal 12.5.6 needed 7\n\n8 \n falls",
        "12 34 - 56 / 78 ° % + needed; 9 (10) needed",
        "3 ſessions, 4 \u212a needed, 5 é needed, 6 wéeks",
    ],
)
def test_adversarial_text_gives_the_plain_matches(text: str) -> None:
    for pattern in NUMBER_LED:
        assert fast(pattern, text) == plain(pattern.pattern, text), pattern.pattern.pattern


def test_the_eval_notes_give_the_plain_matches() -> None:
    texts = compared_texts()  # a fixed sample of every set (its docstring says why)
    long_text = "\n\n".join(texts)  # past the length whose matches are remembered
    for pattern in NUMBER_LED:
        assert [(m.span(), m.groups()) for m in pattern.finditer(long_text)] == plain(
            pattern.pattern, long_text
        )
        for text in texts:
            assert fast(pattern, text) == plain(pattern.pattern, text)


def test_fixed_starts_of_words_groups_and_optional_openings() -> None:
    assert fixed_starts("(?:falls?)|(?:near[- ]falls?)") == ("fall", "near")
    assert fixed_starts("or (?:less|more)|at minimum") == ("or less", "or more", "at minimum")
    assert fixed_starts("(?:rest )?breaks?") == ("rest ", "break")
    assert fixed_starts("(?:°|%)\\s*\\+") == ("°", "%")
    assert fixed_starts("per (?:hip )?precautions?") == ("per ",)
    assert fixed_starts("MD\\w*") == ("md",)
    assert fixed_starts("(?-i:[Hh]rs?)|days?") is None
    assert fixed_starts("\\d+ reps") is None


def test_a_pattern_without_fixed_words_stays_plain() -> None:
    pattern = re.compile(r"(?<![\d.])\d+\s*(?:[A-Z]\w+)")
    assert number_led(pattern) is pattern
    digits = re.compile(r"\d+ x")
    assert number_led(digits, "\\d") is digits
    led = number_led(re.compile(r"(?<![\d.])\d+\s*(?:cues?)\b", re.IGNORECASE), "cues?")
    assert isinstance(led, NumberLed)
    found = [m.group() for m in led.scan("2 Cues, 3cue, a4 cues, 5 cueing")]
    assert found == ["2 Cues", "3cue", "4 cues"]
