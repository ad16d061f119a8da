"""A number-then-unit pattern tried only at the numbers before its unit (text/unit_led.py)
finds exactly what the plain `finditer` finds: the same spans and groups, leftmost first, never
overlapping, in any script's digits and blanks; and the positions it tries grow with the units
of the text, never with its length (issue 12, speed)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.eval.corpus import cases
from tui.core.checks.billing import services
from tui.core.checks.measures import durations, others, restated
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.numbers import normalize
from tui.core.checks.text.unit_led import AfterMarks, UnitLed, unit_led

# The readers' patterns with the units they are searched from (as in their readers).
READ = [
    (others._RATE, "wpm|words|steps|spm"),
    (others._PERCENT, "%|percent"),
    (others._DISTANCE, r"ft|feet|m\b|meters|metres|yards|yds"),
    (others._LENGTH, "cm|mm"),
    (others._PRESSURE_READING, "mm"),
    (others._MICROVOLTS, "[\u00b5\u03bc]v|uv"),
    (others._COMPARED, rf"(?:{others._UNIT})\b[ \t]*[(\[]"),
    (others._SAID_EARLIER, rf"(?:{others._UNIT})\b[ \t]*[,;]"),
    (durations._TWO_UNITS, durations._MINUTES_THEN_SECONDS),
    (services._MINUTES_THEN_CODE, "min|'"),
]

PIECES = [
    *"0123456789",
    "12", "4.5", "07", "1/", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u0663", "\u0665\u0660",
    "-", "/", ".", ":", ",", ";", "(", ")", "[", "]", "%", "percent", "Percent", "cm", "mm", "Hg",
    "mm Hg", "m", "M", "meters", "ft", "feet", "yds", "yards", "wpm", "words per minute",
    "steps/min", "spm", "uV", "\u00b5V", "\u03bcV", "s", "sec", "min", "mins", "minutes", "and ",
    "was ", "prev", "reps", "97110", "CPT", "'", "a", "x", "\u017f", "\u212a", "Prior ", "comma ",
    "COMMA", ". ", "; ", ", ", ",\t", "(", "- ", "\u2022", "2 wks ago", "at visit 3", "an ",
]  # fmt: skip


def plain(pattern: object, text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    assert isinstance(pattern, re.Pattern)
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def fast(pattern: object, text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    assert isinstance(pattern, UnitLed | AfterMarks)
    lowered.cache_clear()
    return [(m.span(), m.groups()) for m in pattern.scan(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_gives_the_plain_matches(text: str) -> None:
    for pattern, units in READ:
        assert fast(unit_led(pattern, units), text) == plain(pattern, text), pattern.pattern
    assert fast(restated._opened(), text) == plain(restated._earlier_opening(), text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "%",
        "5 % 5% 5 percent 5\u00a0% 5.5.5 % \u0663\u0665 %",
        "12 cm 12cm 3 mm Hg 3mmHg 120 mm Hg 1.2.3 cm 4 mm",
        "150 ft 150 feet 10 m 10 meters 10 metres 10 m/s 10 min 3 yds",
        "9 wpm, 96 steps/min, 100 spm, 40 words per minute",
        "3.1 \u00b5V 21 uV 4 \u03bcV 5 UV",
        "18 s (initial 9 s), 45 min [15 min], 35 min, was 10 min",
        "4 min 30 s, 2 min, 05 sec, 1 min and 40 seconds, 2m 30s, 8 min 05 s/",
        "12 min - 97116, 26 min; CPT 97110, 15' (97140)",
        "0" * 30 + " " * 30 + "%",
        "\n\n" + "9 \n" * 20 + "cm",
        "ODI 24%. Previous 36%; was 40 %, comma prior 3 kg (was 2 s)\nPrior (1/27): 38.0 cm",
        "Prior 5.,\tprev 4; - was 3 / COMMA was 2 lb, 2 wks ago 7 ft.",
    ],
)
def test_adversarial_text_gives_the_plain_matches(text: str) -> None:
    for pattern, units in READ:
        assert fast(unit_led(pattern, units), text) == plain(pattern, text), pattern.pattern
    assert fast(restated._opened(), text) == plain(restated._earlier_opening(), text)


def test_the_eval_notes_give_the_plain_matches() -> None:
    """A third of the corpus as one long text (its matches remembered), and some notes one by
    one, as written and as normalised (what the readers search); every development split's
    notes were compared so when the searches were written."""
    written = [case.text for case in cases("corpus")]
    long_text = "\n\n".join(written[:300])
    texts = [*written[:150], *(normalize(text).text for text in written[:150])]
    searched = [(unit_led(pattern, units), pattern) for pattern, units in READ]
    searched.append((restated._opened(), restated._earlier_opening()))
    for led, pattern in searched:
        assert [(m.span(), m.groups()) for m in led.finditer(long_text)] == plain(
            pattern, long_text
        )
        for text in texts:
            assert fast(led, text) == plain(pattern, text)


def test_the_positions_tried_grow_with_the_units_not_the_text() -> None:
    """Bare numbers are never tried; only the digits of the number before a unit are, so four
    times the text is four times the tries (a search of every position would be far more)."""
    led = unit_led(others._PERCENT, "%|percent")
    assert led.starts(lowered("12 34.5 67 " * 1000)) == []
    once = "pain 3, 40 % of range, 12 34 56 78 90\n"
    tried = len(led.starts(lowered(once * 100)))
    assert tried == 200  # the two digits of "40", once a line
    assert len(led.starts(lowered(once * 400))) == 4 * tried
