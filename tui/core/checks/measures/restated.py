"""An earlier value said after today's without naming the measure again, as people speak:
"fingertips to floor is 22 cm, it was 38 at the evaluation", "Oswestry 36%, it was 50 at
evaluation". The number after "it was" belongs to the value read just before it (same kind,
measure and unit) and is its earlier value. Only a timepoint word after the number makes it
one ("it was 50 at evaluation"); "it was 3 times" or "that was 20 minutes" stay unread.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import (
    as_earlier,
    join,
    may_be_earlier,
    side_name,
    sides_named,
    without_sides,
)
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.unit_led import AfterMarks, after_marks

_SUBJECTS = "it|that|this|which|she|he|they"
_TIMEPOINT = (
    r"(?:eval\w*|re-?eval\w*|(?:the[ \t]+)?initial[ \t]+(?:eval\w*|visit|assessment)|IE|SOC"
    r"|start[ \t]+of[ \t]+care|admission|intake|baseline|last[ \t]+(?:visit|session|time|week)"
    r"|(?:previous|prior)[ \t]+(?:visit|session|eval\w*)|progress[ \t]+report)"
)
# How far before the restated value today's value may be (its sentence or the one before).
_REACH = 120


@cache
def _restated() -> Led:
    pattern = re.compile(
        rf"\b(?:{_SUBJECTS})(?:'s)?[ \t]+(?:was|were|had[ \t]+been|measured)[ \t]+"
        r"(?:about[ \t]+|around[ \t]+|approximately[ \t]+|only[ \t]+)?"
        r"(?P<value>\d+(?:\.\d+)?)(?![\d/]|\.\d)"
        r"(?:[ \t]*(?:%|\u00b0|degrees?|cm|mm|kg|lbs?|s|sec|seconds|m|ft|feet|m/s|points?))?"
        rf"[ \t]+(?:at|on|in|during|from)[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?{_TIMEPOINT}\b",
        re.IGNORECASE,
    )
    return led(pattern, _SUBJECTS)


def read_restated(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each "it was N at the evaluation" after a value: that value's earlier value."""
    for found in _restated().finditer(scanner.text):
        start, end = found.span("value")
        if not scanner.free(start, end) or scanner.in_header(start):
            continue
        said_at = scanner.span(found.start(), found.start() + 1)[0]
        reach = scanner.span(max(scanner.sentence_before(found.start()) - _REACH, 0), start)[0]
        before = [
            fact
            for fact in facts
            if reach <= fact.span[0]
            and fact.span[1] <= said_at
            and fact.kind != "service"
            and isinstance(fact.value, int | float)
        ]
        if not before:
            continue
        today = max(before, key=lambda fact: fact.span)
        if "previous" in today.label:
            continue
        value = float(found["value"]) if "." in found["value"] else int(found["value"])
        scanner.emit(
            facts,
            today.kind,
            value,
            (start, end),
            f"{today.label} (previous)",
            unit=today.unit,
            measure=today.measure,
        )


# ", right is 80": the other side said after a sided value, the measure not named again.
_OTHER_SIDE = re.compile(
    r"[,;][ \t]*(?:and[ \t]+)?(?:the[ \t]+|on[ \t]+the[ \t]+)?(?P<side>right|left|R|L|rt|lt)"
    r"(?:[ \t]+side)?[ \t]+(?:is|was|measures|measured)[ \t]+(?:about[ \t]+)?"
    r"(?P<value>\d+(?:\.\d+)?[+-]?)(?![\d/]|\.\d|[ \t]*(?:over|out[ \t]+of|x)\b)",
    re.IGNORECASE,
)
# The same said with no verb, the value ending its clause, as a dictation drops it ("single leg
# stance on the left 12 seconds, right 30.").
_OTHER_SIDE_BARE = re.compile(
    r"[,;][ \t]*(?:and[ \t]+)?(?:the[ \t]+|on[ \t]+the[ \t]+)?(?P<side>right|left)"
    r"(?:[ \t]+side)?[ \t]+(?P<value>\d+(?:\.\d+)?)(?=[ \t]*(?:[.;)]|$))",
    re.IGNORECASE | re.MULTILINE,
)
_SIDES = {"right": "R", "rt": "R", "r": "R", "left": "L", "lt": "L", "l": "L"}
_SIDE_WORD = re.compile(r"\b(?:R|L|right|left|rt|lt)\b", re.IGNORECASE)


def read_other_side(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each ", right is 80" (or ", right 30." ending its clause) after a value of the other
    side: that measure on this side."""
    heard = [*_OTHER_SIDE.finditer(scanner.text), *_OTHER_SIDE_BARE.finditer(scanner.text)]
    for found in sorted(heard, key=lambda match: match.start()):
        start, end = found.span("value")
        if not scanner.free(start, end) or scanner.in_header(start):
            continue
        said_at = scanner.span(found.start(), found.start() + 1)[0]
        clause = scanner.span(scanner.sentence_before(found.start()), found.start() + 1)[0]
        before = [f for f in facts if clause <= f.span[0] and f.span[1] <= said_at]
        if not before:
            continue
        today = max(before, key=lambda fact: fact.span)
        side = _SIDES[found["side"].lower()]
        said = _SIDE_WORD.findall(today.label)
        if today.kind == "service" or not said or _SIDES[said[0].lower()] == side:
            continue
        raw = found["value"]
        if today.kind == "mmt":
            value: int | float | str = raw
        elif raw[-1] in "+-":
            continue
        else:
            value = float(raw) if "." in raw else int(raw)
        label = _SIDE_WORD.sub(side, today.label)
        scanner.emit(
            facts, today.kind, value, (start, end), label, unit=today.unit, measure=today.measure
        )


# A sentence that opens with an earlier-measurement word and goes straight to its value ("ODI
# 24%. Previous 36%.", "QuickDASH 27.3. Previously 45.5.", "Grip R 21 kg. Initial: 12 kg."): the
# value restates the measure of the sentence before, at an earlier visit. A clause after a comma
# does the same ("Grip R 31 kg, last visit 27", "Berg 48/56; 2 weeks ago 43", "6MWT 402 m, at
# visit 4 350 m", dictated "26 mmHg comma last time 22"), and so does a bracket ("Pain 3/10
# (last visit 7)", "(was 8)"), restating the value just before it.
# The value and its unit, ending its clause ("Previous 2 sessions missed." restates nothing; "last
# visit 9 days ago" says when that visit was).
_EARLIER_OPENING = (
    r"(?:^|(?<=[.;][ \t])|(?<=\n)|(?P<comma>(?<=,[ \t])|(?<=\bcomma[ \t])|(?<=\()))"
    r"[ \t\-*\u2022>]*"
    r"(?:(?P<side_first>R|L|rt|lt|right|left)[ \t]+(?=was\b))?"
    r"(?:(?:{moved})[ \t]*(?=from\b))?"
    r"(?:{prior}|was|(?:\d+|an?)[ \t]+(?:days?|wks?|weeks?|mos?|months?)[ \t]+ago"
    r"|(?:at|on|in)[ \t]+(?:visit|session|wk|week)[ \t]*#?[ \t]*\d{{1,2}})"
    r"(?:[ \t]*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\))?"  # its day: "Prior (1/27): 38.0 cm"
    r"(?:[ \t]+(?P<side>R|L|rt|lt|right|left)(?![\w.]))?"  # its side: "Last visit R 15 kg"
    r"(?:[ \t]+(?:value|score|result|reading))?[ \t]*[:=]?[ \t]*(?:was[ \t]+)?"
    r"(?P<value>\d+(?:\.\d+)?)(?![\d/]|\.\d)[ \t]*"
    r"(?P<unit>%|(?!(?:at|on)[ \t]|(?:{prior})(?![A-Za-z]))[A-Za-z/]{{1,4}}(?![A-Za-z]))?"
    r"(?:[ \t]*(?<=[ \t])(?:(?:at|on)[ \t]+)?(?:the[ \t]+)?(?:{prior})(?![A-Za-z]))?"
    r"(?=[ \t]*(?:[.,;()\[\]]|$|(?:comma|period|semicolon)(?![A-Za-z])))"
)
# How far before the restating sentence the value it restates may end.
_RESTATED_REACH = 120
# A unit as written after a value -> as a fact holds it.
_UNITS = {"%": "%", "kg": "kg", "lb": "lb", "lbs": "lb", "s": "s", "sec": "s", "cm": "cm",
          "mm": "mm", "m": "m", "ft": "ft", "bpm": "bpm", "m/s": "m/s", "/10": "/10"}  # fmt: skip


@cache
def _earlier_opening() -> re.Pattern[str]:
    words = attribution_words()
    prior = either(words.get("prior_before", ()))
    moved = either(words.get("moved_before_from", ()))
    return re.compile(
        _EARLIER_OPENING.format(prior=prior, moved=moved), re.IGNORECASE | re.MULTILINE
    )


@cache
def _opened() -> AfterMarks:
    """`_earlier_opening` tried only where it may open: at a line's start, after a stop, a
    semicolon or a comma and a blank, after "comma" said and a blank, after a bracket."""
    return after_marks(_earlier_opening(), r"\n|[.;,][ \t]|\bcomma[ \t]|\(")


def mark_restated_earlier(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A value in a sentence opened by an earlier word, read with no name of its own ("other")
    or not read at all, becomes the earlier value of the measure read just before that
    sentence when the two have the same unit: "Previous 36%" after "ODI 24%." is the ODI's."""
    ordered = sorted(
        (fact for fact in facts if fact.kind != "service" and may_be_earlier(fact)),
        key=lambda fact: fact.span[1],
    )
    ends = [fact.span[1] for fact in ordered]
    at_start = {fact.span[0]: index for index, fact in enumerate(facts)}
    for found in _opened().finditer(scanner.text):
        start, end = found.span("value")
        if scanner.sentence_before(start) > found.start() or scanner.in_header(start):
            continue
        said_at = scanner.span(found.start(), found.start() + 1)[0]
        low = bisect.bisect_left(ends, said_at - _RESTATED_REACH)
        high = bisect.bisect_right(ends, said_at)
        if low >= high:
            continue
        restated = ordered[high - 1]
        if isinstance(restated.value, str) and "/" in restated.value:
            continue  # "BP 130/80 (up from 120 prior)": one number is half a pressure, no reading
        if found["comma"] is not None and not _restates(scanner, found, restated, said_at):
            continue
        if found["comma"] is None and _unread_between(scanner, restated, found.start()):
            continue
        written = (found["unit"] or "").lower()
        if written and written not in _UNITS:
            continue  # "(was 2x/wk)", "(IE 6 wks)": no value of the measure
        unit = _UNITS[written] if written else restated.unit
        if restated.unit != unit or float(found["value"]) > _maximum(restated):
            continue
        said_side = found["side"] or found["side_first"]
        if said_side and not sides_named(restated.label):
            continue  # a side restated after a measure that has none
        label = (
            join(side_name(said_side), without_sides(restated.label))
            if said_side
            else _side_said(scanner.text, found.start(), restated.label)
        )
        span = scanner.span(start, end)
        index = at_start.get(span[0])
        if index is not None and _same_measure(facts[index], restated):
            facts[index] = as_earlier(facts[index])  # "6MWT 402 m, at visit 4 350 m"
        elif index is not None and facts[index].kind == "other" and facts[index].unit == unit:
            facts[index] = as_earlier(
                dataclasses.replace(
                    facts[index],
                    kind=restated.kind,
                    measure=restated.measure,
                    label=restated.label,
                )
            )
        elif index is None and scanner.free(start, end):
            value = float(found["value"]) if "." in found["value"] else int(found["value"])
            scanner.emit(
                facts,
                restated.kind,
                value,
                (start, found.end() if found["unit"] else end),
                f"{label} (previous)",
                unit=restated.unit,
                measure=restated.measure,
            )


# The words said since the last value or clause mark before a restating bracket.
_SINCE_VALUE = re.compile(r"[\d;,.]")
_SIDE_REACH = 40


def _side_said(text: str, at: int, label: str) -> str:
    """The restated label, with the side the words right before the bracket name when they
    name one other than the label's: "Grip R 20 kg left weaker (was 18)" restates the left's
    grip, not the right's."""
    lead = _SINCE_VALUE.split(text[max(0, at - _SIDE_REACH) : at])[-1]
    named = sides_named(lead)
    if len(named) != 1:
        return label
    side = next(iter(named))
    if side in sides_named(label):
        return label
    return join(side, without_sides(label))


# Between the restated value and a bracket that restates it: its unit, and the circumstance it
# was rated in, in a few words with no number or clause mark ("3/10 (was 8)", "3/10 on stairs
# (down from 6)"), or after a comma the other side it restates ("R 31 kg, left weaker (was 9)").
_ADJACENT = re.compile(
    r"[ \t]*(?:[A-Za-z%\u00b0/]{1,8}\.?[ \t]*)?(?:[A-Za-z][\w'-]*[ \t]+){0,3}\([ \t]*",
    re.IGNORECASE,
)
# The same after a comma and the other side, for a value that has a side.
_ADJACENT_SIDE = re.compile(
    r"[ \t]*(?:[A-Za-z%\u00b0/]{1,8}\.?[ \t]*)?,[ \t]*(?=(?:R|L|rt|lt|right|left)\b)"
    r"(?:[A-Za-z][\w'-]*[ \t]+){1,4}\([ \t]*",
    re.IGNORECASE,
)


def _restates(scanner: Scanner, found: re.Match[str], restated: Fact, said_at: int) -> bool:
    """A bracket restates only the value right before it, or its circumstance ("NDI 18 today,
    desk work 2 h (intake: 30)" restates nothing); a clause after a comma, a value of its own
    sentence ("24 mmHg, held 10 s x 10, last time 22")."""
    if scanner.text[found.start() - 1 : found.start()] == "(":
        original = scanner.norm.original
        return bool(
            _ADJACENT.fullmatch(original, restated.span[1], said_at)
            or (
                sides_named(restated.label)
                and _ADJACENT_SIDE.fullmatch(original, restated.span[1], said_at)
            )
        )
    sentence = scanner.span(scanner.sentence_before(found.start()), found.start() + 1)[0]
    return restated.span[0] >= sentence


def _unread_between(scanner: Scanner, restated: Fact, said: int) -> bool:
    """A number no reader took stands between the value and a sentence that restates it, in the
    sentence before it ("Quad 4+. 11 stands. Last time 8."): the earlier value is that number's,
    a measure the readers did not know, never the value read further back. (A clause after a
    comma restates a value of its own sentence: "24 mmHg, held 10 s x 10, last time 22".)"""
    begin = scanner.sentence_before(max(0, scanner.sentence_before(said) - 1))
    for token in scanner.tokens(begin, said):
        start, end = token.span()
        if scanner.free(start, end) and scanner.span(start, end)[0] >= restated.span[1]:
            return True
    return False


def _same_measure(fact: Fact, restated: Fact) -> bool:
    """The value was read already as the same measure as the one it restates, as today's."""
    return (
        fact.kind == restated.kind
        and fact.measure == restated.measure
        and fact.unit == restated.unit
        and fact.kind != "other"
        and may_be_earlier(fact)
    )


def _maximum(fact: Fact) -> float:
    """The largest value the restated fact's scale allows: its maximum ("/10", "/56"), 10 for a
    pain rating, 5 for a muscle grade, else no limit."""
    if fact.unit and fact.unit.startswith("/") and fact.unit[1:].isdigit():
        return float(fact.unit[1:])
    return {"pain": 10.0, "mmt": 5.0}.get(fact.kind, float("inf"))
