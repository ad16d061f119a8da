"""Values paired with the times they were measured by "respectively".

"5xSTS 17.9 and 12.2 s at the initial evaluation and today respectively" gives the evaluation's
17.9 s and today's 12.2 s; "TUG 11.4 s and 16.8 s, today and at eval respectively" the other
way round; "At eval and today, Berg was 41 and 49, respectively" names the times first. Each
value of the list takes the time at its place, whatever a reader read near it ("at the initial
evaluation" right after 12.2 is the list's, not the 12.2's). Read only when the two lists are
as long as each other, every time names this visit or an earlier one (measures.toml
[attribution] current and before_name, legends.toml ordinals with dated_events) and nothing but
units and joining words stands between the values. Each "respectively" looks back over its own
sentence only, so the pass is linear.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import PREVIOUS, as_earlier
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.respectively import RESPECTIVELY, in_order, list_items
from tui.core.checks.text.scan import Scanner

# How far back from "respectively" its sentence is read.
_REACH = 200
# A sentence's end on a line: a full stop, a question or exclamation mark or a semicolon before
# a space (a decimal point has a digit after it).
_SENTENCE_END = re.compile(r"[.;!?](?=[ \t])")
# One time: a preposition and article at most, then one to three words ("at the initial
# evaluation", "this visit", "today").
_TIME = (
    r"(?:(?:at|on|in|during|from|by)[ \t]+)?(?:(?:the|her|his|their)[ \t]+)?"
    r"[A-Za-z][\w'/-]*(?:[ \t]+[A-Za-z][\w'/-]*){0,2}"
)
_JOIN = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|then[ \t]+)?|[ \t]+(?:and|then|&|vs\.?|versus)[ \t]+)"
_JOIN_SPLIT = re.compile(_JOIN, re.IGNORECASE)
# The times right before "respectively", in a bracket or not ("(today and baseline, ").
_TIMES_LAST = re.compile(
    rf"(?<![\w'/-])({_TIME}(?:{_JOIN}{_TIME})+)[ \t]*,?[ \t]*\Z", re.IGNORECASE
)
# The times opening the sentence, before the values ("At eval and today, ").
_TIMES_FIRST = re.compile(
    rf"[ \t\-*\u2022>(]*(?:[A-Z][A-Za-z]{{0,11}}:[ \t]+)?({_TIME}(?:{_JOIN}{_TIME})+)[ \t]*,",
    re.IGNORECASE,
)
# Between two values of the list: a unit, then a comma or "and" ("17.9 and 12.2 s", "88°, 114°").
_BETWEEN = re.compile(rf"[ \t]*(?:[A-Za-z%°]{{1,4}}\.?)?{_JOIN}(?:(?:to|at)[ \t]+)?", re.IGNORECASE)
# After the last value, before the times or "respectively": its unit, a comma or a bracket.
_TAIL = re.compile(r"[ \t]*(?:[A-Za-z%°]{1,4}\.?)?[ \t]*[,(]?[ \t]*\Z", re.IGNORECASE)


# A value as written where its fact starts: a number, a grade's sign or a score's maximum
# ("15", "4/5", "3+", "-4"). A fact's span may hold more ("15 and 12 s" read as a range).
_NUMBER = re.compile(r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?|[+-](?!\d))?")


def _number_end(text: str, start: int) -> int:
    """Where the value starting at `start` ends."""
    found = _NUMBER.match(text, start)
    return found.end() if found else start


@dataclass(frozen=True)
class _Cues:
    current: re.Pattern[str]
    earlier: re.Pattern[str]


@cache
def _cues() -> _Cues:
    words = attribution_words()
    legend = legend_words()
    edge, tail = r"(?<![\w-])", r"(?![A-Za-z0-9])"
    ordinals, events = either(legend.get("ordinals", ())), either(legend.get("dated_events", ()))
    ordinal = rf"(?:{ordinals})[ \t]+(?:{events})"
    return _Cues(
        current=re.compile(rf"{edge}(?:{either(words.get('current', ()))}){tail}", re.IGNORECASE),
        earlier=re.compile(
            rf"{edge}(?:{either(words.get('before_name', ()))}|{ordinal}){tail}", re.IGNORECASE
        ),
    )


def _earlier(time: str) -> bool | None:
    """True for an earlier time, False for this visit, None when the words name neither (a
    side, a joint or a condition: "R and L", "sitting and standing")."""
    cues = _cues()
    if cues.current.search(time):
        return False
    return True if cues.earlier.search(time) else None


def _times(text: str, start: int, end: int) -> tuple[list[bool], int] | None:
    """Each time of the list at [start, end), earlier or not, and where the first one starts;
    words before the first time that name none are left out ("deg, first visit and this visit"
    starts at "first"); None when fewer than two times remain or one of them names no time."""
    parts = [
        (low, _earlier(text[low:high])) for low, high in list_items(_JOIN_SPLIT, text, start, end)
    ]
    while parts and parts[0][1] is None:
        parts.pop(0)
    if len(parts) < 2 or any(earlier is None for _, earlier in parts):
        return None
    return [bool(earlier) for _, earlier in parts], parts[0][0]


def mark_respective_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label each value of a list paired with a list of times by "respectively" with its time."""
    # the note as written: the facts' spans are its offsets, and a rewrite that gives a shared
    # unit to each value ("15.1 and 12.3 s") leaves no place in the rewritten text for the first
    text = scanner.norm.original
    words = list(line_scan(RESPECTIVELY, text))
    if not words:
        return
    placed = sorted(
        (fact.span[0], index) for index, fact in enumerate(facts) if fact.kind != "service"
    )
    for word in words:
        origin = _sentence_start(text, word.start())
        low = bisect.bisect_left(placed, (origin, -1))
        high = bisect.bisect_left(placed, (word.start(), -1))
        before = placed[low:high]
        paired = _paired(text, facts, before, origin, word.start())
        for index, earlier in paired:
            facts[index] = _timed(facts[index], earlier)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts on its line, looked for at most `_REACH` back."""
    line_start = text.rfind("\n", max(0, at - _REACH), at) + 1 or max(0, at - _REACH)
    ends = [found.end() for found in _SENTENCE_END.finditer(text, line_start, at)]
    return ends[-1] if ends else line_start


def _paired(
    text: str,
    facts: Sequence[Fact],
    before: list[tuple[int, int]],
    origin: int,
    at: int,
) -> list[tuple[int, bool]]:
    """The facts of the list and whether each is an earlier value, or nothing when the sentence
    before `at` ("respectively") holds no pair of lists."""
    last = _TIMES_LAST.search(text, origin, at)
    if last is not None:
        found = _times(text, *last.span(1))
        times, values_end = found if found is not None else (None, at)
    else:
        first = _TIMES_FIRST.match(text, origin, at)
        if first is None:
            return []
        found = _times(text, *first.span(1))
        times, values_end = (found[0], at) if found is not None else (None, at)
        before = [(start, index) for start, index in before if start >= first.end()]
    if times is None or len(before) < len(times):
        return []
    listed = before[-len(times) :]
    ends = [_number_end(text, start) for start, _ in listed]
    gaps = zip(ends[:-1], (start for start, _ in listed[1:]), strict=True)
    if not all(_BETWEEN.fullmatch(text, end, start) for end, start in gaps):
        return []
    if _TAIL.fullmatch(text, ends[-1], values_end) is None:
        return []
    return [(index, earlier) for (_, index), earlier in in_order(listed, times)]


def _timed(fact: Fact, earlier: bool) -> Fact:
    """The fact labelled with its time: "(previous)" added for an earlier one, dropped for
    today's."""
    if earlier:
        return fact if PREVIOUS in fact.label else as_earlier(fact)
    return dataclasses.replace(fact, label=fact.label.replace(PREVIOUS, "").strip())
