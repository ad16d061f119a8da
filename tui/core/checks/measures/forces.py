"""Forces and torques the patient produced, read as strength in their own unit: "Ext peak
torque: right 141 Nm, left 172 Nm", "Hip abduction R 142 N | L 188 N", "knee ext R 21.4 kgf",
"elbow flex L 18 lbf".

Only a force or a torque is written in these units, so the unit decides the kind: the number is
never a joint's angle (a dynamometry row names the joint and its motion) nor a length. A bare
"N" after a small number is a grade's letter ("5 N" is Normal). A force set on a machine
("torque limit set at 60 Nm", "cable column set at 40 N") or dosed with sets after it ("40 N,
3x12") is an exercise's dose, never a measurement. Units and words are data (measures.toml
[forces]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# Sets and repetitions after the force make it a dose ("40 N, 3x12", "60 Nm x 10").
_DOSED = re.compile(r"[ \t]*,?[ \t]*(?:\d+[ \t]*x[ \t]*\d+|x[ \t]*\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    force: re.Pattern[str]
    units: dict[str, str]
    settings: re.Pattern[str]
    least_newtons: float


@cache
def written_units() -> str:
    """The force units as notes write them (measures.toml [forces] units), longest first, as
    one alternation: "lbf" is tried before "lb", "kgf" before "kg"."""
    units = [str(written) for written in measures_section("forces").get("units", {})]
    return "|".join(re.escape(unit) for unit in sorted(units, key=len, reverse=True))


@cache
def _words() -> _Words:
    data = measures_section("forces")
    units = {str(written): str(unit) for written, unit in data.get("units", {}).items()}
    written = written_units()
    return _Words(
        # the unit case-sensitively: "nm" and "n" are no force
        force=re.compile(rf"(?<![\w.~/])(\d{{1,4}}(?:\.\d+)?)[ \t]*({written})(?![\w/-])"),
        units=units,
        settings=re.compile(rf"\b(?:{either(data.get('settings', ()))})\b", re.IGNORECASE),
        least_newtons=float(data.get("least_newtons", 10)),
    )


def read_forces(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free force or torque outside the header and the goals that no setting names."""
    words = _words()
    text = scanner.text
    for match in words.force.finditer(text):
        start = match.start(1)
        if not scanner.free(start, match.end()) or _not_measured(scanner, match, words):
            continue
        unit = words.units[match.group(2)]
        value = to_number(match.group(1))
        if unit == "N" and match.group(2) == "N" and value < words.least_newtons:
            continue
        label = _label(scanner, start, match.end())
        scanner.emit(facts, "strength", value, (start, match.end()), label, unit=unit)


def _not_measured(scanner: Scanner, match: re.Match[str], words: _Words) -> bool:
    """A force in the header, a goal, after a setting's word in its clause, or dosed."""
    start = match.start()
    if scanner.in_header(start) or scanner.in_goal(start):
        return True
    if _DOSED.match(scanner.text, match.end()):
        return True
    return bool(words.settings.search(scanner.text, scanner.clause_start(start), start))


# A force's unit written after its number, up to a comma or a space.
_UNIT_AFTER = re.compile(r"[ \t]*[^\s,;]+")
# Where a clause starts: after its mark or the line's start.
_CLAUSE_MARK = re.compile(r"[,;.\n]")


def set_or_dosed(text: str, start: int, end: int) -> bool:
    """A force at [start, end) (its number) that a setting's word names in its clause ("knee
    ext machine set at 60 Nm") or that sets or repetitions follow ("60 N·m, 3x10"): an
    exercise's dose, no measurement (for a reading another reader took as an angle)."""
    marks = list(_CLAUSE_MARK.finditer(text, max(0, start - 80), start))
    opening = marks[-1].end() if marks else max(0, start - 80)
    if _words().settings.search(text, opening, start):
        return True
    unit = _UNIT_AFTER.match(text, end)
    return _DOSED.match(text, unit.end() if unit else end) is not None


def _label(scanner: Scanner, start: int, end: int) -> str:
    """The side and the words naming what was tested: those of the force's clause, or of its
    sentence when the clause holds only a side ("Ext peak torque: right 141 Nm, left 172 Nm")."""
    text = scanner.text
    described = ""
    for opening in (scanner.clause_start(start), scanner.sentence_before(start)):
        words = labels.context_words(_unit_words().sub(" ", text[opening:start]), 6)
        described = labels.without_sides(words)
        if described:
            break
    found = attribute(scanner, start, end)
    return (labels.join(found.side, described) or "force") + found.previous


@cache
def _unit_words() -> re.Pattern[str]:
    """The units of forces said before this one are no words of its name ("R 142 N | L 188 N",
    "42 N·m R, 55 N·m L"): every written unit of measures.toml [forces]."""
    return re.compile(rf"(?<![A-Za-z])(?:{written_units()}|vs)(?![A-Za-z])")
