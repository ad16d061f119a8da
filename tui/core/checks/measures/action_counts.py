"""Counts of an action the patient did, read as results: "10 quick flicks" after a pelvic floor's
endurance, "(12 heel raises vs 25 R)", "16 pushes R/L, 7.4 s", "Heel walking: 8 steps before
toes drop (was 3)".

A clinician reads the number of times the patient did something until it stopped, or beside
other measures, as a direct measure of the body (`other`, CONVENTIONS: counts that are no named
test's result). The same count written as a dose ("10 quick flicks x 3 sets", "3 x 12 heel
raises", a home program's line) is what the patient is to do, never a result. So a count
right before an action's name (data: measures.toml [action_counts] actions) is read only with
a word of its result around it ("before", "to fatigue", "vs 25 R", "(was 3)") or on a line
another reader already found a measure on (a count listed among measures), and never with a
dose's mark, on a program's line, in a goal or as a change. A count compared after it ("vs 25
R") is the other side's, and an earlier count bracketed after it ("(was 3)") is `previous`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.tolerances import walled
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import measure_words

_MOST = 300
# A multiplier or sets before the count ("3 x 12 heel raises", "2 sets of 10 quick flicks").
# A count after which something else was rated ("2/10 after 60 heel raises") is a provocation.
_DOSE_BEFORE = re.compile(
    r"(?:\bx|\u00d7|\d[ \t]*x|\bsets?[ \t]+of|@|\bafter|\bwith)[ \t]*\Z", re.IGNORECASE
)
# A dose's marks after the action ("10 quick flicks x 3 sets", "heel raises 2x daily").
_DOSE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:x[ \t]*\d|\u00d7|\d+[ \t]*(?:x|sets?|times)\b|sets?\b|each\b|daily\b"
    r"|/[ \t]*d(?:ay)?\b|per[ \t]+(?:day|set|session)|BID\b|TID\b|QID\b|with[ \t]+\d|@)",
    re.IGNORECASE,
)
# The count's side said right after the action ("18 single-leg heel raises on the R").
_SIDE_AFTER = re.compile(r"[ \t]+(?:on[ \t]+(?:the[ \t]+)?)?(R|L|right|left)\b", re.IGNORECASE)
# The other side's count compared right after ("vs 25 R", "versus 24 on the R").
_VERSUS = re.compile(
    rf"[ \t]*(?:vs\.?|versus|compared (?:to|with))[ \t]+(?P<value>{NUM})(?![\d.])"
    r"[ \t]*(?:on[ \t]+(?:the[ \t]+)?)?(?P<side>R|L|right|left|rt|lt)\b",
    re.IGNORECASE,
)
# An earlier count bracketed after ("(was 3)", "(IE 21)", "(eval: 4)").
_EARLIER = re.compile(
    rf"[ \t]*(?:[A-Za-z][^\d\n.;:()]{{0,30}})?\([ \t]*(?:was|prev\w*|previously|IE|eval\w*|"
    rf"initial\w*|last\w*|baseline)[ \t:]*(?P<value>{NUM})[ \t]*\)",
    re.IGNORECASE,
)


# The count's own clause: the words after the last mark of a list before it on its line.
_OWN_CLAUSE = re.compile(r"[^,;:(\n]*\Z")
# A count that opens its own item of a list ("...; 6 reps before fatigue; 10 quick flicks").
_LISTED = re.compile(r"[;,][ \t]*\Z")
# Else the line's key: its words before a bracket, a colon or a number ("Propulsion (10 m)").
_KEY = re.compile(r"[^\d(:;\n]{1,40}")
# A time the counted task took, right after the action ("16 pushes R/L, 7.4 s"): its result too.
_TIME_AFTER = re.compile(
    rf"(?:[ \t]+(?:R/L|L/R|B|bilat\w*))?[ \t]*,[ \t]*(?:in[ \t]+)?(?P<value>{NUM})[ \t]*"
    r"(?P<unit>s|secs?|seconds?)\b(?![ \t]*(?:x|each|hold|rest))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Words:
    counted: re.Pattern[str]
    result_after: re.Pattern[str]
    result_before: re.Pattern[str]
    program: re.Pattern[str]


@cache
def _words() -> _Words:
    listed = measure_words("action_counts").either
    flags = re.IGNORECASE
    return _Words(
        counted=re.compile(
            rf"(?<![\d./:-])(?P<value>\d{{1,3}})(?![\d.])[ \t]+(?P<action>{listed('actions')})\b",
            flags,
        ),
        result_after=re.compile(rf"[^\n.;]{{0,30}}?\b(?:{listed('results_after')})", flags),
        result_before=re.compile(rf"\b(?:{listed('results_before')})\b", flags),
        program=re.compile(rf"\b(?:{listed('programs')})", flags),
    )


def read_action_counts(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each count of an action read as a result (see the module)."""
    text = scanner.text
    for match in line_scan(_words().counted, text):
        start, end = match.span("value")
        if not _takes(scanner, start, end) or int(match.group("value")) > _MOST:
            continue
        line_start, line_end = scanner.line(start)
        if _as_dose(scanner, match, line_start):
            continue
        versus = _VERSUS.match(text, match.end())
        earlier = _EARLIER.match(text, match.end())
        if not (versus or earlier or _said_as_result(scanner, match, line_start, line_end)):
            continue
        action = " ".join(match.group("action").lower().split())
        found = attribute(scanner, start, end)
        side_after = _SIDE_AFTER.match(text, match.end())
        side = labels.side_name(side_after.group(1)) if side_after else found.side
        name = _name(text, line_start, start)
        label = labels.join(side, labels.without_sides(labels.join(name, action)))
        scanner.emit(
            facts, "other", int(match.group("value")), (start, end), label + found.previous
        )
        _read_time_after(scanner, facts, match, label)
        if versus is not None and _takes(scanner, *versus.span("value")):
            other = labels.side_name(versus.group("side"))
            scanner.emit(
                facts,
                "other",
                int(float(versus.group("value"))),
                versus.span("value"),
                labels.join(other, labels.without_sides(labels.join(name, action))),
            )
        if earlier is not None and _takes(scanner, *earlier.span("value")):
            scanner.emit(
                facts,
                "other",
                int(float(earlier.group("value"))),
                earlier.span("value"),
                labels.join(label, labels.PREVIOUS),
            )


def _as_dose(scanner: Scanner, match: re.Match[str], line_start: int) -> bool:
    """Whether the count is what the patient is to do: behind a wall of a program or a goal, a
    multiplier or sets around it, or on a line of a home program."""
    text = scanner.text
    start = match.start("value")
    return (
        walled(scanner, start)
        or _DOSE_BEFORE.search(text, max(line_start, start - 12), start) is not None
        or _DOSE_AFTER.match(text, match.end()) is not None
        or _words().program.search(text, line_start, start) is not None
    )


def _said_as_result(scanner: Scanner, match: re.Match[str], line_start: int, line_end: int) -> bool:
    """Whether words of a result stand around the count ("before", "to fatigue"), or it opens an
    item of a list on a line another reader found a measure on."""
    text = scanner.text
    start = match.start("value")
    words = _words()
    return (
        words.result_after.match(text, match.end()) is not None
        or words.result_before.search(text, line_start, start) is not None
        or (
            _LISTED.search(text, line_start, start) is not None
            and scanner.claimed(line_start, line_end)
        )
    )


def _name(text: str, line_start: int, start: int) -> str:
    """What the count is of, besides its action: the words of its own clause, else the line's
    key ("Propulsion (10 m): 16 pushes")."""
    own = _OWN_CLAUSE.search(text, line_start, start)
    key = _KEY.match(text, line_start, start)
    return labels.context_words(text[own.start() if own else line_start : start], 4) or (
        labels.context_words(key.group(), 3) if key else ""
    )


def _read_time_after(scanner: Scanner, facts: list[Fact], match: re.Match[str], label: str) -> None:
    """The time the counted task took, written right after it ("16 pushes R/L, 7.4 s")."""
    took = _TIME_AFTER.match(scanner.text, match.end())
    if took is None or not _takes(scanner, *took.span("value")):
        return
    written = took.group("value")
    scanner.emit(
        facts,
        "other",
        float(written) if "." in written else int(written),
        (took.start("value"), took.end("unit")),
        labels.join(label, "time"),
        unit="s",
    )


def _takes(scanner: Scanner, start: int, end: int) -> bool:
    """A count no fact holds, outside the header and the goals: the dose rules block counts
    with an action's noun, and the words around it decide (as measures/tested_reps.py does)."""
    return not (scanner.claimed(start, end) or scanner.in_header(start) or scanner.in_goal(start))
