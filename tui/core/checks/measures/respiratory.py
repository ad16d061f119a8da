"""Respiratory measures of the patient in a machine's units: "MIP -52 cmH2O", "MEP 71 cmH2O",
"Peak cough flow 240 L/min", "Sitting FVC 2.31 L", "| Inspiratory press. | -38 cmH2O |".

A value in cmH2O or L/min is otherwise a setting (a ventilator's PEEP, an oxygen flow:
measures.toml [not_measurements.settings] device_units), so those numbers are blocked before
any reader sees them. Under the name of a respiratory measure, with nothing but a qualifier
between ("sitting", "best of 3", a table's bar), the same unit is a pressure, flow or volume the
patient produced (kind "other", CONVENTIONS.md). A bound between the name and the value ("PCF
under 270 L/min", "MIP weaker than -60 cmH2O") makes it a cut-off; a goal, a header line or a
clause of the plan holds no reading, nor does a load set as a share of the measure ("IMT at
50% MIP = 30 cmH2O") or a trainer's setting ("MIP trainer resistance 25 cmH2O"). The names,
units and bounds are data (measures.toml [respiratory]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.others import not_yet_done
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# Between the name and its value: words, a bracket, a table's bar, never a number or a clause's
# end (a bound among the words is checked after the match).
_GAP = r"(?P<gap>[^\d\n;.,+\u2212-]{0,30}?)"
# A share of the measure right before its name: the value is a load set from it ("IMT at 50%
# MIP = 30 cmH2O", "30% of MIP, 15 cmH2O"), not the patient's measure.
_SHARE_BEFORE = re.compile(r"%[ \t]*(?:of[ \t]+)?(?:the[ \t]+|his[ \t]+|her[ \t]+)?\Z")
_VALUE = r"(?<![\w.])(?P<value>[-\u2212]?\d{1,4}(?:\.\d{1,2})?)"


@dataclass(frozen=True)
class _Words:
    named: Led
    peaked: Led
    bounds: re.Pattern[str]
    units: dict[str, str]
    posture: re.Pattern[str]
    earlier: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("respiratory")
    names = [str(name) for name in data.get("names", ())]
    units = {str(k): str(v) for k, v in data.get("units", {}).items()}
    written = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    unit = rf"[ \t]*(?P<unit>{written})(?![A-Za-z0-9])"
    return _Words(
        named=led(
            re.compile(rf"\b(?P<name>{either(names)})(?![\w-]){_GAP}{_VALUE}{unit}", re.I),
            *names,
        ),
        peaked=led(
            re.compile(
                rf"\b(?P<name>{either(names)})(?![\w-])(?P<gap>[^\n;()]{{0,40}}?)"
                rf"\b(?:{either(data.get('peaks', ()))})[ \t]*:?[ \t]*{_VALUE}{unit}",
                re.I,
            ),
            *names,
        ),
        bounds=re.compile(rf"(?<!\w)(?:{either(data.get('bounds', ()))})(?!\w)", re.I),
        units={k.lower().replace(" ", ""): v for k, v in units.items()},
        # after a value, its unit and a bracket at most: a clause naming only another posture
        posture=re.compile(
            r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*[;,][ \t]*(?:and[ \t]+)?"
            rf"(?P<posture>{either(data.get('postures', ()))})[ \t]*:?[ \t]*{_VALUE}{unit}",
            re.I,
        ),
        # a bracket right after the value opening with an earlier value ("IS 1250 mL (yest
        # 1000 mL; pred 2500)"): words without a number, the value and its unit
        earlier=re.compile(
            rf"(?:[ \t]+(?:{either(data.get('now', ()))}))?"
            rf"[ \t]*\((?P<words>[^()\n\d;]{{1,25}}?)[ \t]*{_VALUE}{unit}",
            re.I,
        ),
    )


def read_respiratory(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each respiratory measure with its unit right after its name (see the module)."""
    words = _words()
    text = scanner.text
    for match in (*words.named.finditer(text), *words.peaked.finditer(text)):
        start, end = match.span("value")
        if words.bounds.search(match.group("gap")) or _SHARE_BEFORE.search(
            text, scanner.line(match.start())[0], match.start()
        ):
            continue
        if not _readable(scanner, start, end):
            continue
        unit = words.units.get(match.group("unit").lower().replace(" ", ""), match.group("unit"))
        found = attribute(scanner, start, end, after_side=False)
        label = labels.join(found.side, match.group("name")) + found.previous
        value = to_number(match.group("value").replace("\u2212", "-"))
        scanner.emit(facts, "other", value, (start, match.end("unit")), label, unit=unit)
        _read_posture(scanner, facts, match, label)
        _read_earlier(scanner, facts, match)


def _read_posture(scanner: Scanner, facts: list[Fact], match: re.Match[str], label: str) -> None:
    """The same measure taken in another posture, written on after the first with its own
    value and unit ("FVC sitting 2.41 L (68% predicted); supine 1.92 L"): the name is not
    repeated, and the unit "L" after the second value is litres, never the left side."""
    words = _words()
    other = words.posture.match(scanner.text, match.end("unit"))
    if other is None:
        return
    start, end = other.span("value")
    if not _readable(scanner, start, end):
        return
    unit = words.units.get(other.group("unit").lower().replace(" ", ""), other.group("unit"))
    name = labels.join(match.group("name"), other.group("posture"))
    value = to_number(other.group("value").replace("\u2212", "-"))
    previous = " (previous)" if label.endswith("(previous)") else ""
    scanner.emit(facts, "other", value, (start, other.end("unit")), name + previous, unit=unit)


def _read_earlier(scanner: Scanner, facts: list[Fact], match: re.Match[str]) -> None:
    """An earlier reading of the same measure bracketed right after today's ("IS 1250 mL
    (yest 1000 mL; pred 2500)", "MIP -52 cmH2O (eval -38 cmH2O)"): read only where the
    bracket's words name an earlier time, so a norm or a goal ("(pred 2500 mL)", "(goal 1500
    mL)") stays no reading."""
    words = _words()
    earlier = words.earlier.match(scanner.text, match.end("unit"))
    if earlier is None or words.bounds.search(earlier.group("words")):
        return
    start, end = earlier.span("value")
    if not _readable(scanner, start, end):
        return
    if not attribute(scanner, start, end, after_side=False).prior:
        return
    unit = words.units.get(earlier.group("unit").lower().replace(" ", ""), earlier.group("unit"))
    value = to_number(earlier.group("value").replace("\u2212", "-"))
    label = f"{match.group('name')} (previous)"
    scanner.emit(facts, "other", value, (start, earlier.end("unit")), label, unit=unit)


def _readable(scanner: Scanner, start: int, end: int) -> bool:
    """A value no reader took, outside the header, the goals and a clause of the plan; a
    setting's block is no bar, since the name says the patient produced it."""
    return not (
        scanner.claimed(start, end)
        or scanner.in_header(start)
        or scanner.in_goal(start)
        or not_yet_done(scanner, start, end)
    )
