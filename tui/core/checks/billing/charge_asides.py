"""Minutes inside the bracket written after a charge ("97112 x1 (balance circuit on foam, 16
min)", "97110 x2 (30 min, bands and bike)"): the code's time when they close the bracket or
open a clause of it. Minutes in the middle of a list in the bracket ("97110 x1 (UBE 6 min, band
rows)") are that exercise's dose, never the code's time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MINUTES = r"(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b|')"
# A bracket right after the charge's units whose words end with the minutes ("(..., 16 min)").
_CLOSING = re.compile(rf"[ \t]*\(([^()\n]{{0,80}}?)[,;:\-\u2013 \t]*{_MINUTES}[ \t.]*\)", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:]")
_CLOSES = re.compile(rf"{_MINUTES}[ \t.]*\)", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")


def closing_minutes(
    text: str, at: int, dosed: Callable[[str], bool]
) -> tuple[int, int, int] | None:
    """Minutes closing the bracket that opens at `at`, with where they are written, when the
    last clause before them in the bracket doses nothing ("(6MWT and exercise testing, 20 min)";
    never "(recumbent bike 8 min)")."""
    found = _CLOSING.match(text, at)
    if found is None:
        return None
    if dosed(_CLAUSE_BREAK.split(text[found.start(1) : found.start(2)])[-1]):
        return None
    return int(found.group(2)), found.start(2), found.end()


def dose_in_bracket(text: str, start: int, minutes_at: int) -> bool:
    """True when minutes at `minutes_at` sit inside a bracket opened after `start`, after words
    of their clause, and the bracket goes on after them ("(UBE 6 min, band rows)"): a dose."""
    opened = text.rfind("(", start, minutes_at)
    if opened < 0 or ")" in text[opened:minutes_at]:
        return False
    clause = _CLAUSE_BREAK.split(text[opened + 1 : minutes_at])[-1]
    if not _LETTER.search(clause):
        return False  # "(20 min, ...)" or "(..., 20 min)": the minutes open their clause
    return _CLOSES.match(text, minutes_at) is None
