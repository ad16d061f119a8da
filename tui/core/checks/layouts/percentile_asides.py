"""Percentiles written as asides after a score: "Gross Motor Index 79, 8th percentile [initial
68, 2nd percentile]", "Standard score 84, 14th %ile (eval 76, 5th %ile)".

A test battery's print gives each score with its percentile rank. The rank restates the score
(CONVENTIONS files percentiles as optional at most, and an ordinal is never a value), but
written after a comma it stands between the score and the earlier score bracketed after it, so
the bracket no longer reads as that score's earlier value. A clinician reads past the rank: the
aside (its comma, its ordinal and the word) is written over by spaces, the bracketed form
"(8th percentile)" already being read around. Words are data (columns.toml
[percentile_asides]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.columns import data_table
from tui.core.checks.text.alternation import either
from tui.core.checks.text.pieces import Piece


@cache
def _aside() -> re.Pattern[str]:
    words = either(str(word) for word in data_table("percentile_asides").get("words", []))
    return re.compile(
        rf"(?<=\d)[ \t]*,[ \t]*\d{{1,2}}(?:st|nd|rd|th)[ \t]+(?:{words})(?![\w-])", re.IGNORECASE
    )


def percentile_aside_pieces(text: str) -> list[Piece]:
    """Pieces writing each percentile aside after a score as spaces (see the module)."""
    if "%ile" not in text and "entile" not in text and "pctl" not in text.lower():
        return []
    return [
        Piece(m.start(), m.end(), " " * (m.end() - m.start()), m.start(), m.end())
        for m in _aside().finditer(text)
    ]
