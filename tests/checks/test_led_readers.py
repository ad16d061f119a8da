"""The readers' word-led patterns (vital signs, lags, grip and girth keywords) find exactly what
`finditer` finds (issue 12, speed): the same spans and groups on random and adversarial text,
short (searched) and long (looked up in the text's index of words)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checks.measures import others
from tui.core.checks.text.lexicon import Led

LED = [
    others._BLOOD_PRESSURE,
    others._heart_rate(),
    others._beside_word(),
    others._BP_WORD,
    others._RPE,
    others._LAG,
    *(region.keyword for region in others._REGIONS),
]

PIECES = [
    *"0123456789", "120", "80", " ", "  ", "\t", "\n", "/", ":", "=", ",", ".", "-", "(", ")",
    "°", "%", "BP", "bp", "blood pressure", "over", "mmHg", "HR", "heart rate", "pulse", "bpm",
    "RPE", "rpe", "of", "vitals", "orthostatics", "quad", "Quadriceps", "extensor", "knee", "PIP",
    "DIP", "finger", "extension", "lag", "R", "left", "(SLR)", "at the end of", "grip", "pinch",
    "lateral", "key", "tip-to-tip", "3-point", "2 point", "3 jaw chuck", "palmar", "tripod",
    "dynamometer", "HHD", "Jamar", "edema", "girth", "circ", "figure-8", "figure of 8",
    "volume", "SLS", "single leg stance", "tandem", "semi-tandem", "Romberg", "was", "x", "_",
    "İ", "ı", "ſ", "\u212a", "é", "a", "Kg",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _found(pattern: re.Pattern[str], matches: object) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_each_reader_pattern_is_word_led() -> None:
    assert all(isinstance(pattern, Led) for pattern in LED)


@pytest.mark.parametrize("index", range(len(LED)))
@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_word_led_search_finds_what_finditer_finds(index: int, text: str) -> None:
    led = LED[index]
    assert isinstance(led, Led)
    assert _found(led.pattern, led.scan(text)) == _found(led.pattern, led.pattern.finditer(text))


def test_a_long_text_looked_up_by_its_words_finds_the_same() -> None:
    text = " ".join(
        f"BP {120 + i % 9}/80, HR {70 + i % 7}; quad lag {i % 9}°; 3-point pinch {i % 20} lb;"
        f" R{i}Jamar {i}kg; edema circ {30 + i % 5} cm; SLS {i % 30} s; RPE {i % 10}/10 vitals"
        for i in range(300)
    )
    assert len(text) > 20_000
    for _ in range(4):  # the words are indexed after the first searches of a text
        for led in LED:
            assert isinstance(led, Led)
            assert _found(led.pattern, led.scan(text)) == _found(
                led.pattern, led.pattern.finditer(text)
            )
