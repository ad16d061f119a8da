"""Muscle grades by myotome: "Myotomes: C5 5, C6 4, C7 3" grades the key muscle of each spinal
level, as a spinal-cord-injury or radiculopathy exam lists them. The level's digit is no value
and the bare grade after it is a muscle grade (`mmt`), though no muscle, joint or motion is
written: the sentence names the myotomes (measures.toml [myotomes] context). Without such a
word a level and a number ("L4 radiculopathy, C5 6 mm") are left to the other readers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

# A level, an optional side and mark, the grade (maybe over 5), and where it ends.
_GRADE = r"(?P<grade>[0-5](?:[+-](?![\d]))?)(?:[ \t]*/[ \t]*5)?"
_ITEM_END = r"(?=[ \t]*(?:[,;)]|\.(?!\d)|$|(?:" + SIDE_WORD + r"|bilat\w*)\b))"


@dataclass(frozen=True)
class _Words:
    context: re.Pattern[str]
    item: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("myotomes")
    context = re.compile(rf"\b(?:{either(data.get('context', ()))})\b", re.IGNORECASE)
    item = re.compile(
        rf"(?<![\w/.-])(?P<level>{either(data.get('levels', ()))})(?![\w-])[ \t]*"
        rf"(?:\((?P<side>{SIDE_WORD})\)|(?P<bare>{SIDE_WORD}))?[ \t]*[:=]?[ \t]*"
        + _GRADE
        + _ITEM_END,
        re.MULTILINE,
    )
    return _Words(context=context, item=item)


def read_myotomes(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each level's grade in a sentence (or under a heading line) about myotomes."""
    words = _words()
    text = scanner.text
    for found in words.item.finditer(text):
        span = found.span("grade")
        if scanner.claimed(*span) or scanner.in_goal(span[0]):
            continue
        if not _about_myotomes(scanner, found.start(), words.context):
            continue
        side = found.group("side") or found.group("bare") or _sentence_side(scanner, found.start())
        level = f"{found.group('level').upper()} myotome"
        scanner.emit(
            facts, "mmt", found.group("grade"), (span[0], found.end()), labels.join(side, level)
        )
        other = _OTHER_SIDE.match(text, found.end())
        if side and other and not scanner.claimed(*other.span("grade")):
            label = labels.join(other.group("side"), level)
            scanner.emit(
                facts, "mmt", other.group("grade"), (other.start("grade"), other.end()), label
            )


# The other side's grade after the first ("C5 R 5 L 4", "C6 R 4, L 3").
_OTHER_SIDE = re.compile(
    rf"[ \t]*[,/]?[ \t]*(?P<side>{SIDE_WORD})[ \t]*[:=]?[ \t]*" + _GRADE + _ITEM_END, re.MULTILINE
)


# A side as a whole word, in any case.
_SIDE = re.compile(rf"(?<![\w/-]){SIDE_WORD}(?![\w/-])", re.IGNORECASE)


def _sentence_side(scanner: Scanner, start: int) -> str:
    """The side the run's sentence names before its first level ("Upper-limb myotomes, right:
    C5 5, C6 4", "Left key muscles - C5 4"): every level of the run is that side's."""
    sides = list(_SIDE.finditer(scanner.text, scanner.sentence_before(start), start))
    return labels.side_name(sides[-1].group()) if sides else ""


def _about_myotomes(scanner: Scanner, start: int, context: re.Pattern[str]) -> bool:
    """The level's sentence names myotomes or key muscles, or the heading line over it does
    ("Myotomes (R / L):" over "C5 5 / 5")."""
    if context.search(scanner.text, scanner.sentence_before(start), start):
        return True
    line_start = scanner.line(start)[0]
    if line_start == 0:
        return False
    low = max(0, line_start - _HEADING_REACH)
    heading_start = scanner.text.rfind("\n", low, line_start - 1) + 1 or low
    return bool(context.search(scanner.text, heading_start, line_start))


# The longest heading line looked at over a run: a heading is short, and a long line of prose
# above is never searched whole for each level.
_HEADING_REACH = 120
