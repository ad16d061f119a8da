"""The digit a digit-by-digit reading is of ("Semmes-Weinstein R: thumb 2.83, index 3.61").

A monofilament or two-point test is written as a list of digits, each followed by its reading.
Each reading is the digit's written nearest before it in its own clause, never the digit of
the clause before (the thumb's 2.83 is not the index's). The side the list opens with still
names every reading. The digit words are data (label_shapes.toml [digit_names]).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.text.alternation import either

_DATA = files("tui.core") / "data" / "label_shapes.toml"
# Where a reading's own clause opens: after a comma, a semicolon, a colon or the value before.
_CLAUSE_MARK = re.compile(r"[,;:(]|\d(?:\.\d+)?[ \t]")


@cache
def _digits() -> tuple[re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8")).get("digit_names", {})
    names = {str(word).lower(): str(name) for word, name in data.items()}
    words = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        rf"(?<![A-Za-z0-9-])(?:{either(map(re.escape, words))})(?![A-Za-z0-9-])", re.I
    )
    return pattern, names


def digit_before(text: str, floor: int, start: int) -> str:
    """The digit named in the clause that ends at the value starting at `start` (no further
    back than `floor`), or ""."""
    opening = floor
    for mark in _CLAUSE_MARK.finditer(text, floor, start):
        opening = mark.end()
    pattern, names = _digits()
    found = list(pattern.finditer(text, opening, start))
    return names[found[-1].group().lower()] if found else ""
