"""A count of zero a draft writes as a word ("0 falls since visit 3" drafted "No falls since
visit 3"). The note's fact is carried when the draft says one of the zero words (data/verify.toml)
right before a word of the fact's label; any other count is still a number the draft must write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from tui.core.checks.text.alternation import either
from tui.core.checks.verify.verify_words import verify_data

# Words allowed between the zero word and the label's word ("no further falls").
_BETWEEN = 2


@cache
def _zero_words() -> tuple[str, ...]:
    data = verify_data()
    return tuple(str(word) for word in data.get("zero", {}).get("words", []))


@lru_cache(maxsize=256)
def _pattern(label_words: frozenset[str]) -> re.Pattern[str]:
    zero = either(re.escape(word) for word in _zero_words())
    named = "|".join(re.escape(word) for word in sorted(label_words))
    return re.compile(
        rf"\b(?:{zero})\s+(?:[A-Za-z'-]+\s+){{0,{_BETWEEN}}}?(?:{named})\b", re.IGNORECASE
    )


def said_as_none(label_words: Iterable[str], text: str) -> bool:
    """True when `text` says none of the thing the label names ("no falls", "zero falls")."""
    words = frozenset(label_words)
    return bool(words) and _said(words, text)


@lru_cache(maxsize=64)
def _said(words: frozenset[str], text: str) -> bool:
    """Read once a text and label however many counts of that thing the note writes."""
    return _pattern(words).search(text) is not None
