"""A bare "Total N" with no minutes unit: the session's minutes only when what it totals is.

"Total" alone names no quantity; a clinician reads it as the sum of whatever the lines before
it list. Under a list of services' minutes ("Ther ex 20 min / Manual 10 min / Total 30") it is
the session's total; at the foot of a score table ("Total   6   0   1   0   0   4") or after
a score's items ("prone 8, supine 8, sitting 4, standing 2; total 22, 10th percentile") it is
the instrument's. So a bare unitless total yields to any total keyed as time or written with
minutes ("Total treatment time 50 min", "Timed 20 min, total 20 min"), and standing alone it is
read only when minutes or a service are written just before it and no further numbers follow it
on its line (a table's row of column totals). The words are data (billing.toml [bare_totals]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import service_matcher

# the key a bare total is written with: "Total", "Total:", "total =", nothing else
_BARE_KEY = re.compile(r"\s*total[\s:=|\-]*", re.IGNORECASE)
_MINUTES = re.compile(r"\d[ \t]*(?:min(?:ute)?s?\b|mins\b|')", re.IGNORECASE)
# more numbers after the value, set apart by spaces or rules only: a row of column totals
# ("Total  6  0  1  0", "| Total | 6 | 0 |"), not a sentence going on ("total 38. Billed ...")
_ROW_GOES_ON = re.compile(r"[ \t|]+\d")


@cache
def _score_after() -> re.Pattern[str]:
    """Words after the value that say it is a score ("total 22, 10th percentile", "total 41
    points"): billing.toml [bare_totals] score_words."""
    words = [str(word) for word in billing_section("bare_totals").get("score_words", ())]
    return re.compile(
        rf"[ \t,;(]*(?:\d{{1,3}}(?:st|nd|rd|th)[ \t]+)?(?:{either(words)})\b", re.IGNORECASE
    )


def _lines_before() -> int:
    return int(billing_section("bare_totals").get("lines_before", 3))


def is_bare(text: str, key_start: int, value_start: int, end: int) -> bool:
    """True when a total's key is a bare "total" and its value has no minutes unit."""
    return bool(_BARE_KEY.fullmatch(text, key_start, value_start)) and not _MINUTES.search(
        text, value_start, end
    )


def minutes_total(text: str, key_start: int, value_end: int) -> bool:
    """True when a bare unitless total reads as the session's minutes: no score words and no
    further numbers after it on its line, and minutes or a service named in its line or the
    few lines above it."""
    line_end = text.find("\n", value_end)
    line_end = len(text) if line_end < 0 else line_end
    if _ROW_GOES_ON.match(text, value_end, line_end) or _score_after().match(text, value_end):
        return False
    start = key_start
    for _ in range(_lines_before() + 1):
        start = text.rfind("\n", 0, max(start - 1, 0)) if start > 0 else -1
        if start < 0:
            start = 0
            break
    before = text[start:key_start]
    return (
        bool(_MINUTES.search(before))
        or _timed_key().search(before) is not None
        or service_matcher().pattern.search(before) is not None
    )


@cache
def _timed_key() -> re.Pattern[str]:
    """A timed total keyed before the bare one ("Timed min 40 · Total 40"): billing.toml
    [bare_totals] timed_keys."""
    keys = [str(key) for key in billing_section("bare_totals").get("timed_keys", ())]
    return re.compile(rf"\b(?:{either(keys)})\b", re.IGNORECASE)
