"""Numbers that look like measurements of the patient and are not: a drug's dose ("IVIG 0.4
g/kg/day"), a shoe's drop ("new shoes (12 mm drop)"), where cues are laid ("tape lines 55 cm"),
a course's length ("hallway loop 42 ft"), an analogue scale's line ("10 cm VAS"), an exercise's
intensity ("5x45 s at 70%"), a perometer's segment ("wrist to 40 cm") and the difference
between two sides ("edema 3.5 cm vs R").

Each is read by the words right around the value, as a clinician reads it: the thing named
before it in its clause (no number, no clause end and no word of travel between: "loop walked
180 ft" is walked), or the words right after its unit ("12 mm drop", "2.5 cm greater than the R
knee"). The words are data (data/not_measured.toml), one rule per trap; each rule is searched
only where its unit stands, so a note without one costs one scan. A matched value is blocked,
so no reader takes it, and a reading of it is dropped after the readers (only readings of the
rule's kinds, when it names them: a row of an instrument's items rated "6/10" is no pain, though
it may be the item's score).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

_DATA = Path(__file__).resolve().parents[2] / "data" / "not_measured.toml"
# Between a thing and its value: a clause's end or an equals sign makes the value another's.
_GAP_CHAR = r"[^\d\n.,;:=|]"
# A value or a range, led by its digit (the character before it is checked apart: a look-behind
# first would keep the search from skipping to the digits).
_VALUE = rf"{NUM}(?:[ \t]*(?:-|to)[ \t]*{NUM})?"
_JOINED = frozenset("0123456789./")
# How far back from a value its thing is looked for (never past its line's start).
_REACH = 120


@dataclass(frozen=True)
class _Rule:
    """One trap's shape: the value with its unit, the words before it (searched back from the
    value, on its line) or after it, and the words gating its line or its note."""

    trap: str
    value: re.Pattern[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    line_has: re.Pattern[str] | None
    note_has: re.Pattern[str] | None
    blocks: bool
    unitless: bool
    kinds: frozenset[str]


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _words(fragments: tuple[str, ...]) -> str:
    return rf"(?<![A-Za-z])(?:{either(fragments)})(?![A-Za-z])"


def _gated(fragments: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(_words(fragments), re.IGNORECASE) if fragments else None


def _rule(entry: dict[str, Any], named: dict[str, tuple[str, ...]]) -> _Rule:
    """One rule of not_measured.toml compiled: its value (with the units that make it the rule's
    kind of number), the words before it (within `gap` characters, never across a stop word)
    or after it, and the words its line or note must hold; the data stays in TOML so a new
    kind of non-measure is a table entry, not code."""
    units = _strs(entry.get("units"))
    unit = rf"[ \t]*-?[ \t]*(?:{either(units)})(?![A-Za-z/])" if units else ""
    values = _strs(entry.get("values"))
    value = rf"(?:{either(values)})" if values else _VALUE
    stops = tuple(word for key in _strs(entry.get("stop")) for word in named.get(key, ()))
    step = rf"(?:(?!{_words(stops)}){_GAP_CHAR})" if stops else _GAP_CHAR
    if entry.get("lists"):
        step = _through_values(rf"{value}{unit}", step)
    before, after = _strs(entry.get("before")), _strs(entry.get("after"))
    flags = re.IGNORECASE
    return _Rule(
        trap=str(entry.get("trap", "")),
        value=re.compile(rf"{value}{unit}", flags),
        before=(
            re.compile(rf"(?:{_words(before)}){step}{{0,{int(entry.get('gap', 0))}}}\Z", flags)
            if before
            else None
        ),
        after=re.compile(rf"[ \t]*[-(]?[ \t]*(?:{either(after)})", flags) if after else None,
        line_has=_gated(_strs(entry.get("line_has"))),
        note_has=_gated(_strs(entry.get("note_has"))),
        blocks=bool(entry.get("block", True)),
        unitless=not units,
        kinds=frozenset(_strs(entry.get("kinds"))),
    )


def _through_values(value: str, step: str) -> str:
    """A step of the gap that may also be an earlier value of the list, so the words before the
    list reach its later values ("treatment thresholds 20% / 3%", "gap 18° today (was 27°)").
    The joiners between (" / ", " -> ", " and ") are steps like any other word: the value takes
    only a comma right after it, which no step takes, so no stretch of text can be read two
    ways (two ways per value would make a failed search exponential in the list's length)."""
    return rf"(?:{step}|(?<![\d.]){value}(?:[ \t]*,)?)"


class _Lines:
    """A note's line starts, and per gate and line the first match of the gate on the line:
    found once, so asking each value on a long line whether its gate stands before it costs
    no search back to the line's start per value (quadratic in the line's length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self._first: dict[tuple[int, int], re.Match[str] | None] = {}

    def start(self, at: int) -> int:
        """Where the line holding `at` starts."""
        return self._starts[bisect_right(self._starts, at) - 1]

    def has_before(self, gate: re.Pattern[str], at: int) -> bool:
        """Whether `gate` matches between the line's start and `at`: its first match on the
        line ends by `at`. Only a first match that runs across `at` is searched again, cut
        at `at` as the value's own search would."""
        line_start = self.start(at)
        key = (id(gate), line_start)
        if key not in self._first:
            line_end = self.text.find("\n", line_start)
            self._first[key] = gate.search(
                self.text, line_start, len(self.text) if line_end < 0 else line_end
            )
        first = self._first[key]
        if first is None or first.start() >= at:
            return False
        return first.end() <= at or gate.search(self.text, line_start, at) is not None


def _taken(rule: _Rule, lines: _Lines, start: int, end: int) -> bool:
    """Whether the rule's words stand around the value at `start`-`end`."""
    text = lines.text
    if start and text[start - 1] in _JOINED:
        return False
    if rule.line_has is not None and not lines.has_before(rule.line_has, start):
        return False
    if rule.before is None and rule.after is None:
        return True
    if rule.after is not None and rule.after.match(text, end):
        return True
    window = text.rfind("\n", max(0, start - _REACH), start) + 1 or max(0, start - _REACH)
    return rule.before is not None and rule.before.search(text, window, start) is not None


@cache
def _rules() -> tuple[_Rule, ...]:
    data = _data()
    named = {str(key): _strs(value) for key, value in data.get("words", {}).items()}
    return tuple(_rule(entry, named) for entry in data.get("rules", []))


@cache
def _candidates() -> re.Pattern[str]:
    """Every value with a unit some rule names, found in one scan of a note: each rule is then
    tried only where such a value stands. The unit is looked at, not taken, so a unit holding
    digits ("1.5 / 10 cm": "/ 10") never hides the value that starts inside it ("10 cm")."""
    units = {unit for entry in _data().get("rules", []) for unit in _strs(entry.get("units"))}
    return re.compile(
        rf"{_VALUE}(?=[ \t]*-?[ \t]*(?:{either(sorted(units))})(?![A-Za-z/]))", re.IGNORECASE
    )


@lru_cache(maxsize=64)
def _found(text: str) -> tuple[tuple[_Rule, tuple[int, int]], ...]:
    """Each value a rule says is no measurement, with the rule that says so."""
    starts = [match.start() for match in _candidates().finditer(text)]
    lines = _Lines(text)
    found: list[tuple[_Rule, tuple[int, int]]] = []
    for rule in _rules():
        if rule.note_has is not None and not rule.note_has.search(text):
            continue
        if rule.unitless:
            matches = list(rule.value.finditer(text))
        else:
            matches = [m for m in (rule.value.match(text, at) for at in starts) if m]
        found.extend(
            (rule, match.span()) for match in matches if _taken(rule, lines, *match.span())
        )
    return tuple(found)


def not_measured_spans(text: str) -> tuple[tuple[str, tuple[int, int], bool], ...]:
    """Each value the rules say is no measurement: its trap's name, its span, and whether the
    scanner blocks it (a scale's length is left visible: "VAS (100 mm line)" tells the readers
    of its marks their unit)."""
    return tuple((rule.trap, span, rule.blocks) for rule, span in _found(text))


def block_not_measured(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block every value the rules say is no measurement (see the module)."""
    for _trap, (start, end), blocks in not_measured_spans(scanner.text):
        if blocks:
            scanner.block(start, end)


def drop_not_measured(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Drop a reading of a value the rules say is no measurement: a few readers take numbers
    the scanner blocked (a count of repetitions is blocked as a dose and read by a test's
    name), so the block alone does not keep "chair_stand_norm_reps: 12" out. A rule that names
    its kinds drops only those ("Mobility (room & toilet) 6/10" is no pain, and may be a score)."""
    spans = [(scanner.span(*span), rule.kinds) for rule, span in _found(scanner.text)]
    if not spans:
        return
    every = _Reach([span for span, kinds in spans if not kinds])
    named = {
        kind: _Reach([span for span, kinds in spans if kind in kinds])
        for kind in {kind for _, kinds in spans for kind in kinds}
    }
    facts[:] = [
        fact
        for fact in facts
        if fact.kind == "service"
        or not (
            every.overlaps(*fact.span)
            or (fact.kind in named and named[fact.kind].overlaps(*fact.span))
        )
    ]


class _Reach:
    """Spans asked whether any of them overlaps a fact's, by bisection: the furthest end of the
    spans starting before the fact's end is past its start exactly when one overlaps it (a
    note's facts times its values would make dropping quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._furthest = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)
        return before > 0 and self._furthest[before - 1] > start
