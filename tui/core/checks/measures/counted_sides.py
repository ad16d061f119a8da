"""Repetitions of a test movement counted on each side: "single-leg heel raises R 20, L 27",
"calf raise L 6 reps R 22", "Heel rises on the step: left 9 reps; right 23", "22 single-leg
heel raises L vs 30 R".

A heel or calf raise counted to fatigue is a direct measure of the body in repetitions
(CONVENTIONS.md), and notes write its two counts with their sides and often without the word
"reps" (read_sided in others.py needs the unit on both). Two counts with two different sides
right after the movement's name (or each before its side, after the name) are the result; the
same count on both sides is a dose unless the sentence says it was tested, and a count with a
dose's mark after it ("L 2x12", "R 15 each", "L 10 @ 2 lb"), in a sentence that opens a
programme or a goal, or a number the dose rules blocked, is never read. Words are data
(measures.toml [counted_sides]); one regular expression per form, each searched from the
movement's name (led), so the text is scanned once per form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_MOST = 150
# After a count: a dose's marks or another unit make it no count of repetitions.
_NOT_A_COUNT = re.compile(
    r"[ \t]*(?:x\b|x?[ \t]*\d|\u00d7|sets?\b|each\b|ea\b|per\b|@|/[ \t]*\d|lbs?\b|kg\b|#|"
    r"s\b|secs?\b|seconds?\b|min\b|\u00b0|deg|%|cm\b|mm\b|in\b|inch|ft\b|m\b|-[ \t]*\d)",
    re.IGNORECASE,
)
_REPS = r"(?:[ \t]*(?:reps?|repetitions)\b)?"
# A bracket of words and a setting between the movement and its counts ("(metronome 1 Hz)").
_HOW_BRACKET = r"\((?![^()\n]*\d[ \t]*[x\u00d7/:-])[^()\n\d]{0,30}\d[^()\n]{0,20}\)"


@dataclass(frozen=True)
class _Words:
    sided: Led
    counted_first: Led
    program: re.Pattern[str]
    tested: re.Pattern[str]
    earlier: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("counted_sides")
    names = [str(name) for name in data.get("names", ())]
    name = either(names)
    side = either([str(s) for s in data.get("sides", ())])
    between = either([str(b) for b in data.get("between", ())])
    gap = rf"[ \t]*(?:{between})?[ \t]*"
    return _Words(
        # "heel raises R 20, L 27", "Heel rises on the step: left 9 reps; right 23"
        sided=led(
            re.compile(
                # the gap may hold a bracket of how it was done ("relevé to fatigue
                # (metronome 1 Hz): R 26, L 19"), never one of a dose or a date ("(3x15)",
                # "(01/12)")
                rf"\b(?P<name>{name})\b(?P<gap>(?:[^\d\n.;:(]|{_HOW_BRACKET}){{0,40}}?[ \t:(]+)?"
                rf"(?<![\w-])(?P<s1>{side})\b[ \t]*:?[ \t]*(?P<v1>\d{{1,3}})(?!\d|\.\d)"
                rf"(?P<u1>{_REPS})"
                rf"{gap}(?<![\w-])(?P<s2>{side})\b[ \t]*:?[ \t]*(?P<v2>\d{{1,3}})(?!\d|\.\d)"
                rf"(?P<u2>{_REPS})",
                re.IGNORECASE,
            ),
            *names,
        ),
        # "22 single-leg heel raises L vs 30 R": each count before its side
        counted_first=led(
            re.compile(
                rf"(?<![\d./])(?P<v1>\d{{1,3}})[ \t]+"
                rf"(?P<u1>(?:reps?|repetitions)[ \t]+(?:of[ \t]+)?)?"
                rf"(?P<name>{name})[ \t]+(?:on[ \t]+the[ \t]+)?(?P<s1>{side})\b{gap}"
                rf"(?P<v2>\d{{1,3}})(?!\d|\.\d)(?P<u2>{_REPS})[ \t]*(?:on[ \t]+the[ \t]+)?"
                rf"(?P<s2>{side})\b",
                re.IGNORECASE,
            ),
            r"\d",
        ),
        program=re.compile(rf"\b(?:{either(data.get('programs', ()))})\b", re.IGNORECASE),
        tested=re.compile(rf"\b(?:{either(data.get('tested', ()))})\b", re.IGNORECASE),
        earlier=re.compile(
            rf"[ \t,]*(?:{either(data.get('earlier_after', ()))})(?![\w/])", re.IGNORECASE
        ),
    )


def read_counted_sides(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Two counts of a test movement, one for each side (see the module's docstring)."""
    words = _words()
    for form in (words.sided, words.counted_first):
        for match in form.finditer(scanner.text):
            _read(scanner, facts, match, words)


def _read(scanner: Scanner, facts: list[Fact], match: re.Match[str], words: _Words) -> None:
    text = scanner.text
    sides = [labels.side_name(match.group(g)) for g in ("s1", "s2")]
    if sides[0] == sides[1] or sides[0] not in ("R", "L") or sides[1] not in ("R", "L"):
        return
    spans = [match.span("v1"), match.span("v2")]
    if scanner.in_header(match.start()) or not all(
        _open(scanner, span, bool(match.group(unit)))
        for span, unit in zip(spans, ("u1", "u2"), strict=True)
    ):
        return
    values = [int(text[start:end]) for start, end in spans]
    if max(values) > _MOST:
        return
    # the first count's dose mark is searched after its own digits ("L 2x12, R 2x12")
    if _NOT_A_COUNT.match(text, spans[0][1]) or _NOT_A_COUNT.match(text, match.end()):
        return
    sentence = text[scanner.sentence_before(match.start()) : match.start()]
    if words.program.search(sentence):
        return
    if values[0] == values[1] and not words.tested.search(sentence + match.group()):
        return  # "heel raises R 15, L 15": the same dose for each side
    name = " ".join(match.group("name").lower().replace("-", " ").split())
    # a day or an earlier visit right after the pair dates both ("R 10 L 14 on 3/2; today ...")
    if words.earlier.match(text, match.end()):
        name = labels.join(name, labels.PREVIOUS)
    for side, span, value in zip(sides, spans, values, strict=True):
        scanner.emit(facts, "other", value, span, labels.join(side, name), unit="reps")


def _open(scanner: Scanner, span: tuple[int, int], reps: bool) -> bool:
    """The count is no other reader's; a count written with "reps" the dose rules blocked (they
    block every "N reps") is still the test's when its side and its other side's count say so."""
    return scanner.free(*span) or (reps and not scanner.claimed(*span))
