"""Numbers written with a thousands separator ("2,845 mL", "1,020 g", "walks 2,500 steps") as one
number, so no reader takes the digits after the comma for a value of their own.

Only a comma followed by exactly three digits joins: "1,2" (a list of items) and "3,4" (a pair
of vertebrae or fingers) have fewer, and a run like "100,120,140" (a list of readings) has a
leading group of three digits and is left as written.

A decimal comma, as notes from much of Europe and South America write it ("grip 24,5 kg",
"gait 0,92 m/s", "temp 37,2 °C"), is read as a decimal point only where a unit follows right
after and one or two digits follow the comma: "C5,6" and "items 1,2" have no unit, and "1,250
ft" is a thousands separator.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.text.alternation import either
from tui.core.checks.text.pieces import Piece

# "(?<![\d.,])\d{1,2}(?:,\d{3})+(?![\d,]|\.\d)" with the check before the number moved after its
# first digit, so the engine skips straight to digits: the same matches, faster on a long note.
_THOUSANDS = re.compile(r"\d(?<![\d.,]\d)\d?(?:,\d{3})+(?![\d,]|\.\d)")


# (a unit right after: "24,5 kg", "0,92 m/s", "37,2 °C", "12,5 s", "4,5 cm")
_DECIMAL_COMMA = re.compile(
    r"(?<![\w.,])(\d{1,3}),(\d{1,2})(?![\d,])(?=[ \t]*(?:°|%|"
    r"(?:kg|g|lbs?|cm|mm|m/s|km/h|m|km|s|sec|secs|seconds|min|ml|mL|L|mmHg|mph|ft|in|bpm)\b))"
)


def decimal_comma_pieces(text: str) -> list[Piece]:
    """One piece per number written with a decimal comma before its unit, the comma a point."""
    if "," not in text:
        return []
    return [
        Piece(m.start(), m.end(), f"{m.group(1)}.{m.group(2)}", m.start(), m.end())
        for m in _DECIMAL_COMMA.finditer(text)
    ]


def thousands_pieces(text: str) -> list[Piece]:
    """One piece per number with separators, its digits run together."""
    if "," not in text:
        return []
    return [
        Piece(m.start(), m.end(), m.group().replace(",", ""), m.start(), m.end())
        for m in _THOUSANDS.finditer(text)
    ]


def hyphen_unit_pieces(text: str) -> list[Piece]:
    """One piece per hyphen joining a number to its unit ("2-line loss"), a space instead."""
    if "-" not in text:
        return []
    return [
        Piece(m.start(), m.end(), " ", m.start(), m.end()) for m in _hyphen_unit().finditer(text)
    ]


@cache
def _hyphen_unit() -> re.Pattern[str]:
    data = tomllib.loads(files("tui.core").joinpath("data", "markup.toml").read_text("utf-8"))
    return re.compile(rf"(?<=\d)-(?=(?:{either(data.get('hyphen_units', []))})\b)", re.I)
