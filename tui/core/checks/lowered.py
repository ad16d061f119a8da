"""The lower-cased copy of a text that word searches run on (same length, ASCII only)."""

from __future__ import annotations

import re
from functools import lru_cache

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """The text with A-Z in lower case and every other character kept (same length). ASCII
    stretches are lowered by `str.lower`, which for ASCII changes only A-Z: several times
    faster than a translation table once a note holds one non-ASCII character ("°")."""
    if text.isascii():
        return text.lower()
    pieces: list[str] = []
    at = 0
    for other in _NON_ASCII.finditer(text):
        pieces += (text[at : other.start()].lower(), other.group())
        at = other.end()
    pieces.append(text[at:].lower())
    return "".join(pieces)
