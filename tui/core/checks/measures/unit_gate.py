"""The last gate on every reader's joint angles, forces and girths: the unit decides.

Each reader judges a number by the words before it, and a few took a force for an angle ("ER
18.6 vs 19.9 kg": the kg after the pair is the unit of both) or a spine's shape for a joint's
motion ("R thoracic Cobb 24°", "Scoliometer ATR: thoracic 7°"). Whatever reader took it, a
reading whose unit (its own, or the one it shares with its pair) is of a quantity its kind cannot
carry (data/units.toml) is re-kinded when the unit says what it is, else refused:

- an angle read where a force is written becomes the force when the unit can only be a measured
  force (lbf, N) or its line names a force measurement (dynamometry, HHD, strength); a kg or lb
  with no such word may be an exercise's load, and the reading is refused;
- any other contradiction (an angle in cm or s, a girth in kg) is refused;
- an angle after a posture's name on its line (Cobb, scoliometer, pelvic tilt) with no joint
  motion named between is `other` in degrees; after an equipment's (incline board, tilt table,
  head of bed) it is refused: a setting, no reading of the patient.

A refused reading is listed as unclassified, never a fact, as refused_readings.py does.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.column_units import column_quantity
from tui.core.checks.measures.forces import set_or_dosed
from tui.core.checks.measures.unit_quantities import quantity_of, unit_at
from tui.core.checks.tables import str_list, units_table
from tui.core.checks.text.alternation import either
from tui.core.checks.text.barriers import never_read
from tui.core.checks.text.per_reading import reading, remembered

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
# a sentence's or clause's end between a posture's name and a number: the number is another's
_BREAK = re.compile(r"\.(?=\s)|\n")
_DEGREES = "°"
_DIGITS = "0123456789"


@dataclass(frozen=True)
class _Rules:
    judged: frozenset[str]
    measured_force: re.Pattern[str]
    force_words: re.Pattern[str]
    unit_names: tuple[tuple[re.Pattern[str], str], ...]
    body: re.Pattern[str]
    settings: re.Pattern[str]
    motions: re.Pattern[str]


def _words(fragments: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A table's words joined to no letter either side ("ROM" not in "from")."""
    return re.compile(rf"(?<![A-Za-z])(?:{either(fragments)})(?![A-Za-z])", flags)


@cache
def _rules() -> _Rules:
    """The gate's words from units.toml [gate] and [angles], compiled once."""
    table = units_table()
    gate = table.get("gate", {})
    angles = table.get("angles", {})
    names = gate.get("unit_names", {})
    return _Rules(
        judged=frozenset(str_list(gate.get("judged"))),
        measured_force=re.compile(rf"(?:{either(str_list(gate.get('measured_force_units')))})"),
        force_words=_words(str_list(gate.get("force_words"))),
        unit_names=tuple(
            (re.compile(either(str_list(spellings))), name) for name, spellings in names.items()
        ),
        body=_words(str_list(angles.get("body"))),
        settings=_words(str_list(angles.get("settings"))),
        # case matters for the short ones ("ER", "IR"): written as the table writes them,
        # the long ones in any case
        motions=re.compile(
            rf"(?<![A-Za-z])(?:{either(str_list(angles.get('motions')))})(?![A-Za-z])"
            rf"|(?i:(?<![A-Za-z])(?:{either(_long(str_list(angles.get('motions'))))})(?![A-Za-z]))"
        ),
    )


def _long(fragments: tuple[str, ...]) -> tuple[str, ...]:
    """The fragments long enough to be matched in any case: a short one ("ER") written in
    lower case is another word ("er")."""
    return tuple(fragment for fragment in fragments if len(fragment) > 4)


def unit_gated(facts: Sequence[Fact], text: str) -> tuple[list[Fact], list[Fact]]:
    """The facts kept (some re-kinded) and the facts refused, each in the order given."""
    kept: list[Fact] = []
    gone: list[Fact] = []
    with reading():  # each line's names found once for all its numbers (_names_before)
        for fact in facts:
            judged = _judged(fact, text)
            if judged is None:
                gone.append(fact)
            else:
                kept.append(judged)
    return kept, gone


def _judged(fact: Fact, text: str) -> Fact | None:
    """The fact as its unit says it is, or None when the unit says it is no such reading."""
    rules = _rules()
    if fact.kind not in rules.judged or not isinstance(fact.value, int | float):
        return fact
    number = _number_of(fact, text)
    if number is None:
        return fact
    start, end = number
    written = unit_at(text, end)
    unit = written[0] if written else fact.unit
    quantity = quantity_of(unit)
    if quantity is None:  # a bare value in a table: its column's header says the quantity
        quantity, unit = column_quantity(text, start, end)
    if fact.kind == "rom" and (quantity is None or quantity.name == "angle"):
        return _posture(fact, text, start)
    if quantity is None or fact.kind in quantity.kinds:
        return fact
    if (
        fact.kind == "rom"
        and quantity.name == "force"
        and unit
        and _measured(text, start, unit)
        and not set_or_dosed(text, start, end)  # "knee ext machine set at 60 Nm, 3x10"
    ):
        return dataclasses.replace(fact, kind="strength", unit=_unit_name(unit))
    return None


def _posture(fact: Fact, text: str, start: int) -> Fact | None:
    """An angle after a posture's name is `other`, labelled by the name and not by the motion
    a rom reader guessed ("thoracic flexion" for a scoliometer's "forward bend: thoracic 7°");
    after an equipment's, no reading."""
    rules = _rules()
    line_start = text.rfind("\n", 0, start) + 1
    last: tuple[re.Match[str], bool] | None = None
    for pattern, is_setting in ((rules.body, False), (rules.settings, True)):
        for match in _names_before(pattern, text, line_start, start):
            if last is None or match.end() > last[0].end():
                last = (match, is_setting)
    if last is None:
        return fact
    name, is_setting = last
    between = text[name.end() : start]
    if _BREAK.search(between) or rules.motions.search(between):
        return fact
    if is_setting:  # a setting's clause ends at a comma ("Supine on wedge 30 deg, SLR 70 deg")
        return fact if "," in between else None
    kept = rules.motions.sub(" ", fact.label)
    own = name.group() if name.group().lower() not in kept.lower() else ""
    label = " ".join(f"{own} {kept}".split())
    return dataclasses.replace(fact, kind="other", unit=_DEGREES, label=label)


def _names_before(
    pattern: re.Pattern[str], text: str, line_start: int, start: int
) -> Sequence[re.Match[str]]:
    """`pattern.finditer(text, line_start, start)` before a number at `start`, from the line's
    matches found once per reading (each number of a long line searched its line's start:
    quadratic). When the pattern can never read the number's first character (a name is
    letters and spaces, never a digit: text/barriers.py), every attempt before it fails or ends
    there whatever follows, so the line's matches before it are the same; else, or when a match
    of the line reaches it, the line's start is searched afresh."""
    if text[start : start + 1] not in never_read(pattern, _DIGITS):
        return tuple(pattern.finditer(text, line_start, start))
    line_end = text.find("\n", start)
    found = remembered(
        ("unit_gate.names", pattern, text, line_start),
        lambda: tuple(pattern.finditer(text, line_start, len(text) if line_end < 0 else line_end)),
    )
    index = bisect.bisect_left(found, start, key=lambda match: match.start())
    if index and found[index - 1].end() >= start:
        return tuple(pattern.finditer(text, line_start, start))
    return found[:index]


def _measured(text: str, start: int, unit: str) -> bool:
    """True when a force unit can only be a measured force, or the reading's line (or the
    heading line it follows) names a force measurement."""
    rules = _rules()
    if rules.measured_force.fullmatch(unit):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if rules.force_words.search(line):
        return True
    heading_end = line_start - 1
    heading_start = text.rfind("\n", 0, max(0, heading_end)) + 1
    heading = text[heading_start : max(heading_start, heading_end)].rstrip()
    return heading.endswith(":") and bool(rules.force_words.search(heading))


def _unit_name(unit: str) -> str:
    for pattern, name in _rules().unit_names:
        if pattern.fullmatch(unit):
            return name
    return unit


def _number_of(fact: Fact, text: str) -> tuple[int, int] | None:
    """The span of the fact's number: the last number in its span equal to its value (a
    reading's span may hold its name too), else None."""
    start, end = fact.span
    if not 0 <= start < end <= len(text):
        return None
    found = None
    for match in _NUMBER.finditer(text, start, end):
        try:
            if abs(float(match.group()) - abs(float(fact.value))) < 1e-9:
                found = match.span()
        except ValueError:
            continue
    return found
