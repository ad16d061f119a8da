"""The lower-cased copy of a text that word searches run on (same length)."""

from __future__ import annotations

import re
from functools import lru_cache

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# The only other letters a case-insensitive pattern takes for an ASCII letter ("ſets" is "sets"
# to `re.IGNORECASE`): written as that letter, so a search of the copy misses no match.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """The text with A-Z in lower case, the four non-ASCII letters that match an ASCII letter
    ignoring case written as it, and every other character kept (same length). ASCII
    stretches are lowered by `str.lower`, which for ASCII changes only A-Z: several times
    faster than a translation table once a note holds one non-ASCII character ("°")."""
    if text.isascii():
        return text.lower()
    pieces: list[str] = []
    at = 0
    for other in _NON_ASCII.finditer(text):
        pieces += (text[at : other.start()].lower(), other.group().translate(_FOLDS))
        at = other.end()
    pieces.append(text[at:].lower())
    return "".join(pieces)
