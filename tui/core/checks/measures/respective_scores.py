"""Scores paired with their instruments by "respectively": "Berg and TUG were 41 and 14.2 s
respectively" gives Berg 41 and TUG 14.2 s, not TUG 41.

Read only when every name of the list is an instrument (a listed one, or a name shaped like an
acronym) and the list of names is as long as the list of values: "R and L grip 22 and 18 kg
respectively" names sides, not instruments, and is left to the readers of sides. Each value is
read by the ordinary reader of scores under its own instrument, so units and maxima are kept.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.named_timepoints import earlier_before_name
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.names import ACRONYM, resolve, score_kinds
from tui.core.checks.tables import measure_defs
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.respectively import RESPECTIVELY, in_order, list_items
from tui.core.checks.text.scan import Scanner

# One value with what may follow it: a maximum, a percent or a unit of time, speed or distance.
_VALUE = (
    rf"{NUM}(?:[ \t]*/[ \t]*\d{{1,3}}|[ \t]*%|[ \t]*(?:s|secs?|seconds|m/s|m|ft|pts?|points)\b)?"
)
_JOIN = r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
# The values, two or more, right before "respectively" ("41 and 14.2 s respectively",
# "48/56, 9.8 s, and 14 s, respectively"), looked for only within reach of the word.
_VALUES = re.compile(rf"(?<![\w./])({_VALUE}(?:{_JOIN}{_VALUE})+)[ \t]*,?[ \t]*\Z", re.IGNORECASE)
_ONE_VALUE = re.compile(_VALUE, re.IGNORECASE)
# What joins the names to their values: a verb of being or scoring, or a colon.
_LINK = re.compile(
    r"[ \t]*(?:(?:were|was|are|is|scored|measured|came[ \t]+in[ \t]+at|at|of)[ \t]+|[:=][ \t]*)\Z",
    re.IGNORECASE,
)
# A bracket of as many values right after them, said at another time ("(eval 58 and 52.3)").
_BRACKET = re.compile(
    rf"[ \t]*\((?:[A-Za-z][\w/'-]*[ \t]+){{1,3}}({_VALUE}(?:{_JOIN}{_VALUE})+)[ \t]*\)",
    re.IGNORECASE,
)
# As many values after them, said as where they came from ("44 and 13, respectively, from 40
# and 16", "respectively, up from 38 and 15 s"): earlier scores, paired the same way.
_FROM = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:down|up|improved|changed|improving)[ \t]+)?"
    rf"(?:from|previously|prev(?:iously)?[ \t]+was)[ \t]+({_VALUE}(?:{_JOIN}{_VALUE})+)"
    r"(?![\w/.])",
    re.IGNORECASE,
)
_NAME = r"[A-Za-z0-9][\w'-]*(?:[ \t]+[A-Za-z0-9][\w'-]*){0,3}"
# The names, straight before the values or their link ("LEFS and ODI 52 and 30").
_NAMES = re.compile(rf"({_NAME}(?:{_JOIN}{_NAME})+)[ \t]*\Z")
_NAME_SPLIT = re.compile(_JOIN)
_REACH = 120


def read_respective(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Scores listed after as many instruments, paired in order by "respectively"."""
    text = scanner.text
    for word in line_scan(RESPECTIVELY, text):
        line_start, _ = scanner.line(word.start())
        values = _VALUES.search(text, max(line_start, word.start() - _REACH), word.start())
        if values is None:
            continue
        before = max(line_start, values.start() - _REACH)
        link = _LINK.search(text, before, values.start())
        names = _NAMES.search(text, before, link.start() if link else values.start())
        if names is None:
            continue
        items = list_items(_NAME_SPLIT, text, *names.span(1))
        written = [_instrument(text[start:end]) for start, end in items]
        spans = [m.span() for m in _ONE_VALUE.finditer(text, *values.span(1))]
        pairs = in_order(written, spans)
        if not pairs or not all(written):
            continue
        if not all(scanner.free(start, start + 1) for start, _ in spans):
            continue
        for name, (start, end) in pairs:
            read_scores(scanner, facts, measure_named(name), start, end)
        _read_bracket(scanner, facts, written, word.end())


def _read_bracket(scanner: Scanner, facts: list[Fact], written: list[str], at: int) -> None:
    """The bracket of as many values after "respectively", paired the same way: earlier scores
    where its words name an earlier time; else no instrument's score is guessed (blocked). The
    values a "from" leads to after it are earlier scores."""
    bracket = _BRACKET.match(scanner.text, at)
    said_from = _FROM.match(scanner.text, at) if bracket is None else None
    found = bracket or said_from
    if found is None:
        return
    spans = [m.span() for m in _ONE_VALUE.finditer(scanner.text, *found.span(1))]
    pairs = in_order(written, spans)
    if not pairs or not all(scanner.free(*span) for span in spans):
        return
    earlier = said_from is not None or earlier_before_name(scanner, spans[0][0])
    for name, (start, end) in pairs:
        if earlier:
            read_scores(scanner, facts, measure_named(name), start, end, earlier=True)
        else:
            scanner.block(start, end)


def _instrument(words: str) -> str:
    """The instrument a listed name is, from its last words ("the FGA" is FGA, "DGI scores" is
    DGI): a listed instrument, or an acronym; "" when it is neither ("R", "grip")."""
    kept = [w for w in words.split() if w.casefold() not in score_kinds()]
    listed = {measure.name for measure in measure_defs()}
    for first in range(len(kept)):
        name = " ".join(kept[first:])
        if resolve(name) in listed:
            return resolve(name)
    last = kept[-1] if kept else ""
    found = ACRONYM.fullmatch(last)
    return last if found is not None and sum(ch.isupper() for ch in last) >= 2 else ""
