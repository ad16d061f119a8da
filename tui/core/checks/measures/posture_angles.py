"""Angles of the body's posture or shape, read as `other` in degrees: "R thoracic Cobb 24°",
"Scoliometer at apex T8 reads 9 deg", "pelvic tilt by inclinometer 14° anterior".

A Cobb angle, a scoliometer's angle of trunk rotation, a pelvic tilt or a trunk inclination is
no joint's motion, so no rom reader takes it as its own; and a brace or an X-ray on the line
makes the setting rules block the number ("X-ray (out of brace): R thoracic Cobb 24°"). This
reader takes each number with a unit of angle after a posture's name (data/units.toml [angles]
`body`) on its line, until the clause ends or a joint's motion is named; the final gate
(unit_gate.py) re-kinds a posture angle another reader took as rom.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.unit_quantities import quantities
from tui.core.checks.tables import units_table
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_REACH = 80
_BREAK = re.compile(r"\.(?=\s)|\n")
# the side a value is for, written after it in its clause ("14° anterior on R")
_SIDE_AFTER = re.compile(
    r"[^,;()\n]{0,30}?\bon[ \t]+(?:the[ \t]+)?(?P<side>R|L|right|left)\b", re.IGNORECASE
)
_SIDE_BEFORE = re.compile(r"(?<![A-Za-z])(R|L|right|left|rt|lt)(?![A-Za-z])", re.IGNORECASE)
_DEGREES = "°"
_MARK = re.compile(r"[,;:(|\n]|(?<![A-Za-z])\d")


@cache
def _names() -> re.Pattern[str]:
    body = units_table().get("angles", {}).get("body", [])
    return re.compile(rf"(?<![A-Za-z])(?:{either(body)})(?![A-Za-z])", re.IGNORECASE)


@cache
def _motions() -> re.Pattern[str]:
    motions = units_table().get("angles", {}).get("motions", [])
    return re.compile(rf"(?<![A-Za-z])(?:{either(motions)})(?![A-Za-z])")


@cache
def _changes() -> re.Pattern[str]:
    changes = units_table().get("angles", {}).get("changes", [])
    return re.compile(rf"(?<![A-Za-z])(?:{either(changes)})(?![A-Za-z])", re.IGNORECASE)


@cache
def _angle() -> re.Pattern[str]:
    unit = next(q.unit.pattern for q in quantities() if q.name == "angle")
    return re.compile(
        rf"(?<![\w.])(?P<value>\d{{1,2}}(?:\.\d)?)[ \t]?(?:{unit})"
        rf"(?![ \t]*(?:[-–]|to)[ \t]*\d)"  # a range ("10-15°") is a target or a setting
    )


def read_posture_angles(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each angle after a posture's name on its line (see the module)."""
    text = scanner.text
    for name in line_scan(_names(), text):
        if scanner.in_header(name.start()) or scanner.in_goal(name.start()):
            continue
        limit = min(len(text), name.end() + _REACH)
        stop = _BREAK.search(text, name.end(), limit)
        end = stop.start() if stop else limit
        motion = _motions().search(text, name.end(), end)
        end = motion.start() if motion else end
        following = _names().search(text, name.end(), end)
        end = following.start() if following else end
        for value in _angle().finditer(text, name.end(), end):
            start, finish = value.span("value")
            if scanner.claimed(start, finish) or scanner.in_goal(start):
                continue
            if _changes().search(text, name.end(), start):
                break
            clause = text[scanner.clause_start(start) : start]
            words = _words(scanner, name, start)
            number = float(value.group("value"))
            scanner.emit(
                facts,
                "other",
                int(number) if number.is_integer() and "." not in value.group("value") else number,
                (start, value.end()),
                labels.join(_side(text, clause, value.end()), words)
                + attribute(scanner, start, value.end()).previous,
                unit=_DEGREES,
            )


def _words(scanner: Scanner, name: re.Match[str], start: int) -> str:
    """The words of the posture's clause up to its next mark ("R thoracic Cobb", "ATR thoracic"
    of "| ATR thoracic (scoliometer) |"), then the value's own clause when it starts after the
    name ("at eval" of "(at eval 9°)")."""
    text = scanner.text
    head_start = scanner.clause_start(name.start())
    while text[head_start - 1 : head_start] == "(" or text[:head_start].endswith("( "):
        head_start = scanner.clause_start(text.rfind("(", 0, head_start))  # "(scoliometer)"
    mark = _MARK.search(text, name.end(), start)
    head = text[head_start : mark.start() if mark else start]
    own_start = scanner.clause_start(start)
    own = text[own_start:start] if own_start > name.end() else ""
    return labels.join(
        labels.without_sides(labels.context_words(head, 5)),
        labels.without_sides(labels.context_words(own, 3)),
    )


def _side(text: str, clause: str, end: int) -> str:
    """The side a value is for: "on R" after it in its clause, else the last side before it."""
    after = _SIDE_AFTER.match(text, end)
    if after:
        return SIDE_NAMES[after.group("side").lower()]
    before = _SIDE_BEFORE.findall(clause)
    return SIDE_NAMES[before[-1].lower()] if before else ""
