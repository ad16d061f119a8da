"""A heading that shows how its rows are written says which bracket holds the earlier value.

"Section GG today (was at eval):" over "GG0170D sit to stand .... 04 (03)", "ROM now [IE]:" over
"knee flex 120 [95]": a word of this visit, then a bracket that names an earlier time, is the
pattern of every row under it. A value alone in such a bracket right after another value is the
earlier one, whichever reader took it. The heading is looked for on the value's line and the
lines of its block above (up to a blank line), so each fact costs a few lines at most. The
words are data (legends.toml earlier and later).

A legend may say the same in words that name the bracket: "Tests and measures (last re-eval
10/22 in brackets):" over "TUG 11.9 s [10.8 s]", "values in parentheses are from the initial
eval", "[ ] = prior visit". Its earlier word must name a time (legends.toml earlier and
earlier_reports), and nothing between it and the bracket's name may say the bracket holds
today's value, a norm, a goal or the other side ("(uninvolved R in brackets)", "today's in
brackets"): those brackets hold no earlier value (legends.toml square_brackets,
round_brackets, bracket_not_earlier, bracket_links).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labelled_earlier import mark_earlier_where
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner

# A legend heads a list of tests: a dozen rows or more under it (up to a blank line).
_LINES_BACK = 16
# Blank lines a Markdown heading may stand above its rows (its own, a table's header rows).
_BLANKS_UNDER_HEADING = 4
_UNIT = r"(?:[ \t]*(?:°|%|/[ \t]*\d+|[A-Za-z]{1,5}(?![A-Za-z])))?"
_BRACKETED_VALUE = rf"[-+]?\d+(?:\.\d+)?[-+]?{_UNIT}"
# Before the value: another value, maybe words of how it was taken, then the bracket the value
# opens ("04 (", "120° [", "2/10 after gardening ["), maybe the earlier values of the ratings
# before it in a list ("0/10, 2/10 [6/10, "). Looked for in the 80 characters before the value.
_OPENED_AFTER_VALUE = re.compile(
    rf"\d{_UNIT}(?:[ \t]+[^()\[\]\n]{{0,40}}?)?[ \t]*([(\[])"
    rf"(?:[ \t]*{_BRACKETED_VALUE}[ \t]*,)*[ \t]*$"
)
_LOOK_BACK = 80
# The value itself, its unit and the bracket's end ("03)", "95°]", "3+/5]"), maybe after the
# next values of its list and a remark of how it was taken ("[14.6 s with RW]", "[6/10, 8/10]").
# A muscle grade may carry its plus or minus ("[3+/5]").
_CLOSED = re.compile(
    rf"{_BRACKETED_VALUE}(?:[ \t]*,[ \t]*{_BRACKETED_VALUE})*"
    rf"(?:[ \t]+(?:with|w/|using|on|in|without|no)\b[^()\[\]\n\d]{{0,30}})?[ \t]*([)\]])"
)
_OPENERS = {"(": ")", "[": "]"}


@cache
def _heading() -> re.Pattern[str]:
    words = legend_words()
    later, earlier = either(words["later"]), either(words["earlier"])
    return re.compile(
        rf"(?<![\w-])(?:{later})[ \t]*([(\[])[ \t]*(?:was[ \t]+)?(?:(?:at|@|on)[ \t]+)?"
        rf"(?:the[ \t]+)?(?:{earlier})(?![\w-])[^()\[\]\n]{{0,20}}[)\]]",
        re.IGNORECASE,
    )


@cache
def _named_legends() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For each kind of bracket, a legend that names it and an earlier time: the earlier word
    then "in brackets" (group "between" is checked apart), or the bracket's name then the
    earlier word."""
    words = legend_words()
    earlier = either((*words["earlier"], *words.get("earlier_reports", ())))
    links = either(words.get("bracket_links", ()))
    found = []
    for bracket, key in (("[", "square_brackets"), ("(", "round_brackets")):
        names = either(words.get(key, ()))
        found.append(
            (
                bracket,
                re.compile(
                    rf"(?<![\w-])(?:{earlier})(?![\w-])(?P<between>[^\n]{{0,50}}?)"
                    rf"(?<![\w-])(?:in|within|inside|shown[ \t]+in|given[ \t]+in)[ \t]+"
                    rf"(?:the[ \t]+)?(?:{names})(?![\w-])"
                    rf"|(?<![\w-])(?:{names})(?:[ \t]*(?:{links})(?![\w-]))*[ \t]*"
                    rf"(?:{earlier})(?![\w-])",
                    re.IGNORECASE,
                ),
            )
        )
    return tuple(found)


@cache
def _not_earlier() -> re.Pattern[str]:
    words = legend_words()
    return whole_words((*words.get("bracket_not_earlier", ()), *words["target"]))


def _names_earlier(text: str, start: int, stop: int, bracket: str) -> bool:
    """Between `start` and `stop` a legend names this kind of bracket as the earlier value's."""
    for kind, pattern in _named_legends():
        if kind != bracket:
            continue
        for match in pattern.finditer(text, start, stop):
            between = match.group("between")
            if between is None or not _not_earlier().search(between):
                return True
    return False


def mark_bracket_headings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value in a bracket after another value under a heading that
    says such brackets hold the earlier values."""
    mark_earlier_where(scanner, facts, earlier_bracket)


def earlier_bracket(scanner: Scanner, start: int) -> bool:
    """The value at normalised `start` stands alone in a bracket after another value, under a
    legend that says such brackets hold the earlier values (a reader may ask while it reads,
    where a table's restated row maps back to the note in no order a search can follow)."""
    text = scanner.text
    line_start, line_end = scanner.line(start)
    opened = _OPENED_AFTER_VALUE.search(text, max(line_start, start - _LOOK_BACK), start)
    closed = _CLOSED.match(text, start, line_end)
    if opened is None or closed is None or _OPENERS[opened.group(1)] != closed.group(1):
        return False
    return _declared(text, line_start, start, opened.group(1))


def _declared(text: str, line_start: int, start: int, bracket: str) -> bool:
    """The value's line before it, or a line of its block above, holds a heading whose
    bracket of this kind names an earlier time."""
    position, stop = line_start, start
    for _ in range(_LINES_BACK + 1):
        if any(m.group(1) == bracket for m in _heading().finditer(text, position, stop)):
            return True
        if _names_earlier(text, position, stop, bracket):
            return True
        if position <= 0:
            return False
        above = text.rfind("\n", 0, position - 1) + 1
        if not text[above : position - 1].strip():
            return _headed(text, above, bracket)
        position, stop = above, position - 1
    return False


def _headed(text: str, blank: int, bracket: str) -> bool:
    """Above the blank line at `blank`, past a few more (a table's header rows read as blank),
    a Markdown heading whose legend names this kind of bracket as the earlier value's: a
    heading governs its section across the blank lines under it."""
    position = blank
    for _ in range(_BLANKS_UNDER_HEADING):
        if position <= 0:
            return False
        above = text.rfind("\n", 0, position - 1) + 1
        line = text[above : position - 1].strip()
        if line:
            return line.startswith("#") and _legend_in(text, above, position - 1, bracket)
        position = above
    return False


def _legend_in(text: str, start: int, stop: int, bracket: str) -> bool:
    """The line between `start` and `stop` holds a legend naming this bracket as earlier."""
    if any(m.group(1) == bracket for m in _heading().finditer(text, start, stop)):
        return True
    return _names_earlier(text, start, stop, bracket)
