"""The other side's angles as a bare pair in a bracket after two of this side's: "Wrist AROM R
ext 68°, flex 60° (full compared with L 70/64)", "R ext 66°, flex 58° (L for comparison 72/70)".

The bracket names only the other side and writes its two values in the order the sentence gave
this side's motions, so each value is that motion on the other side. Read as prose the pair is
a score's shape with no motion after it and is lost. Only a pair after exactly two angles of one
side in the same sentence, each of a motion of its own, is read.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.facts_by_span import FactsBySpan
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.scan import Scanner

_BRACKET_PAIR = re.compile(
    r"\((?P<before>[^()\d\n]{0,30}?)\b(?P<side>R|L|right|left|rt|lt)\b(?P<after>[^()\d\n]{0,24}?)"
    r"(?P<first>\d{1,3})[ \t]*(?:°|deg)?[ \t]*/[ \t]*(?P<second>\d{1,3})[ \t]*(?:°|deg)?[ \t]*\)",
    re.IGNORECASE,
)
_SIDE_WORD = re.compile(r"\b(?:R|L)\b")
_MOST_ANGLE = 180
_PAIR = 2


def read_compared_pairs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each bracketed pair of the other side as the two motions read just before it."""
    text = scanner.text
    by_span = FactsBySpan(facts)  # never changed: the pairs this pass reads are not asked of
    for found in _BRACKET_PAIR.finditer(text):
        spans = [found.span("first"), found.span("second")]
        if not all(scanner.free(*span) for span in spans):
            continue
        if any(int(found.group(name)) > _MOST_ANGLE for name in ("first", "second")):
            continue
        side = SIDE_NAMES[found.group("side").lower()]
        angles = _angles_before(scanner, by_span, found.start())
        if len(angles) != _PAIR or len({fact.label for fact in angles}) != _PAIR:
            continue
        said = {tuple(_SIDE_WORD.findall(fact.label)) for fact in angles}
        if len(said) != 1 or said.pop() not in (("R",), ("L",)) or side in angles[0].label.split():
            continue
        for fact, span in zip(angles, spans, strict=True):
            label = _SIDE_WORD.sub(side, fact.label)
            scanner.emit(facts, "rom", int(text[span[0] : span[1]]), span, label)


def _angles_before(scanner: Scanner, by_span: FactsBySpan, at: int) -> list[Fact]:
    """The readings in the sentence before the bracket, in order; empty when any of them is
    no angle."""
    opening = scanner.span(scanner.sentence_before(at), at)[0]
    closing = scanner.span(at, at + 1)[0]
    before = [fact for fact in by_span.starting(opening, closing) if fact.span[1] <= closing]
    if any(fact.kind != "rom" for fact in before):
        return []
    return before
