"""A score written before its instrument's name ("3.1 JFLS-20 global (IE 4.6)", "- 52/80 LEFS",
"scored 41 on the ODI"): the number opens its line or clause, or follows "scored", and only its
whole, its unit and "on the" stand between it and the name. A number inside a phrase ("week 6
LEFS 52") opens nothing, and one whose name a plural noun follows counts those things ("3 ODI
items skipped"): neither is a score of the name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.measure_names import spelled
from tui.core.checks.verify.verify_words import either, listed

_BULLETS = ("-", "*", "\u2022")
_CLAUSE_ENDS = ",;(:"
# "scored 41 on the ODI", "scores a 3.1": the verbs are data (verify.toml [scored]).
_SCORED = re.compile(rf"\b(?:{either(listed('scored', 'verbs'))})(?:[ \t]+an?)?\Z", re.IGNORECASE)
_TO_NAME = re.compile(
    r"(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)?(?:[ \t]*(?:%|points?|pts?)(?![A-Za-z]))?"
    r"[ \t]+(?:(?:on|in)[ \t]+(?:the[ \t]+)?)?",
    re.IGNORECASE,
)
# A plural noun right after the name: the number counts those things.
_COUNTED_AFTER = re.compile(r"[ \t]+[A-Za-z]+(?<![iu]s)(?<!ss)s\b")
# How far before the number its opening is looked for.
_REACH = 20


def written_before_name(text: str, starts: Iterable[int], measure: str) -> bool:
    """True when a number starting at one of `starts` is written as a score before `measure`'s
    name, opening its line or clause."""
    name = spelled(measure)
    for start in starts:
        line_start = text.rfind("\n", 0, start) + 1
        reach = max(line_start, start - _REACH)
        before = text[reach:start].rstrip(" \t")
        opens = (
            (reach == line_start and (not before or before in _BULLETS))
            or (bool(before) and before[-1] in _CLAUSE_ENDS)
            or bool(_SCORED.search(before))
        )
        number = ANY_NUMBER.match(text, start)
        if not opens or number is None:
            continue
        gap = _TO_NAME.match(text, number.end())
        named = None if gap is None else name.match(text, gap.end())
        if named is not None and not _COUNTED_AFTER.match(text, named.end()):
            return True
    return False
