"""Values whose unit is written in their key, not after them: "R shoulder flexion AROM (deg):
135", "Therapeutic exercise (min): 24", "Pain with activity (0-10): 4", "QuickDASH (0-100): 31.8".

A flowsheet export writes every line this way. Each such line is rewritten for reading as the
clinician means it ("R shoulder flexion AROM: 135°"): the bracket leaves the key and the unit
follows the value, so the key's scale ("0-100") is never read as a value and the value is read
with its unit. The rewrites are pieces mapped back to the characters they came from, as for
Markdown tables (`mdtables`).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import keyed_units, measure_defs
from tui.core.checks.text.pieces import Piece

# The bracket may end the key or come before its last words ("Pain Score (0-10) at rest: 1").
_KEYED = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?[^\n:()|]*?[A-Za-z][^\n:()|]*?"
    r"([ \t]*\(([^()\n]{1,8})\))(?:[ \t]+[A-Za-z][A-Za-z /-]{0,24}?)?[ \t]*[:=][ \t]*"
    r"(-?\d+(?:\.\d+)?(?:[+-](?!\d))?)(?![\d.])",
    re.MULTILINE,
)
_KEY_END = re.compile(r"\)(?:[ \t]+[A-Za-z][A-Za-z /-]{0,24}?)?[ \t]*[:=]")
# More values after the first, one per label of the key ("L/R (lb): 12/40", "(mm): 4/5").
_MORE_VALUES = re.compile(r"(?:[ \t]*/[ \t]*\d+(?:\.\d+)?(?![\d.]))+")
_UNIT_IN_BRACKETS = re.compile(r"\(\s*([^()\n]{1,8}?|[^()\n]{1,16}?[,;][^()\n]{1,8}?)\s*\)")
_LISTED = re.compile(r"[ \t]*[,;][ \t]*")


def unit_written(text: str) -> str | None:
    """How a value under this key or heading is read (" cm", "°", "/10"), or None; a bracket
    may name the instrument with the unit ("Strength (HHD, kg)": " kg")."""
    for bracket in _UNIT_IN_BRACKETS.finditer(text):
        for part in _LISTED.split(bracket.group(1)):
            unit = keyed_units().get(_plain(part))
            if unit is not None:
                return unit
    return None


def keyed_pieces(text: str) -> list[Piece]:
    """Rewrites for every "key (unit): value" line of the text."""
    pieces: list[Piece] = []
    line_start = -1
    for key_end in _KEY_END.finditer(text):
        start = text.rfind("\n", 0, key_end.start()) + 1
        if start == line_start:
            continue
        line_start = start
        match = _KEYED.match(text, start)
        if match is None:
            pieces += _listed_values(text, start)
            continue
        unit = keyed_units().get(_plain(match.group(2)))
        if unit is None:
            continue
        bracket_start, bracket_end = match.span(1)
        pieces.append(Piece(bracket_start, bracket_end, "", bracket_start, bracket_end))
        value_end = match.end(3)
        listed = _MORE_VALUES.match(text, value_end)
        if listed is not None and not unit.startswith("/"):
            value_end = listed.end()  # "Jamar L/R (lb): 12/40": the unit follows the pair
        pieces.append(Piece(value_end, value_end, unit, match.start(2), match.end(2)))
    return pieces


# A flowsheet or form export writes its keys in snake case ("cx_rot_r_deg: 70",
# "97140_manual_min: 14", "timed_total_min: 24"), often under a dotted group ("vitals.spo2_pct=96",
# "obj.tug_s_prev=41.0"): the underscores and dots are spaces, and a unit that ends the key
# follows the value; a unit before a last word of time ("_s_prev") follows it too, the time kept.
_SNAKE_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?"
    r"([A-Za-z0-9]+(?:_[A-Za-z0-9]+)+|[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)*\.[a-z0-9]+(?:_[a-z0-9]+)*)"
    r"[ \t]*[:=][ \t]*(-?\d+(?:\.\d+)?(?![\d.]))?",
    re.MULTILINE,
)
_KEY_TIMES = frozenset({"prev", "previous", "prior", "eval", "ie", "soc", "baseline", "initial"})


def snake_key_pieces(text: str) -> list[Piece]:
    """Rewrites for every "snake_case_key: value" line of the text."""
    pieces: list[Piece] = []
    for match in _SNAKE_KEY.finditer(text):
        key_start, key_end = match.span(1)
        key = match.group(1)
        words = re.split(r"[_.]", key)
        unit_at = len(words) - 1
        if len(words) > 2 and words[-1].lower() in _KEY_TIMES:
            unit_at -= 1  # "tug_s_prev": the unit before the time
        unit = keyed_units().get(words[unit_at].lower()) if match.group(2) else None
        unit_start = key_start + sum(len(word) + 1 for word in words[:unit_at]) - 1
        unit_end = unit_start + 1 + len(words[unit_at])
        pieces += [
            Piece(at, at + 1, " ", at, at + 1)
            for at in range(key_start, key_end)
            if text[at] in "_." and not (unit is not None and unit_start <= at < unit_end)
        ]
        pieces += _named_as_written(key_start, words, unit_at if unit is not None else -1)
        if unit is not None:
            pieces.append(Piece(unit_start, unit_end, "", unit_start, unit_end))
            value_end = match.end(2)
            pieces.append(Piece(value_end, value_end, unit, match.start(2), value_end))
    return pieces


def _named_as_written(key_start: int, words: list[str], unit_at: int) -> list[Piece]:
    """A key's word that is an instrument matched only in its own case ("tug" in
    "obj.tug_s=28.4"), written in that case: the key is lower case by the export's habit."""
    found = []
    at = key_start
    for index, word in enumerate(words):
        written = _exact_case_names().get(word.lower())
        if written is not None and index != unit_at and word != written:
            found.append(Piece(at, at + len(word), written, at, at + len(word)))
        at += len(word) + 1
    return found


@cache
def _exact_case_names() -> dict[str, str]:
    """Instrument names matched only as written (instruments.toml exact_case), by lower case."""
    return {
        name.lower(): name
        for measure in measure_defs()
        for name in measure.exact_case
        if name.isalnum()
    }


# An export's dotted keys in camel case ("Objective.MouthOpening.Max: 38 mm",
# "Subjective.PainNow: 3/10"): two or more segments of letters (a segment of digits, a code,
# is left to the billing's readers), then a colon and a value.
_DOTTED_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+)[ \t]*:[ \t]*(?=\S)",
    re.MULTILINE,
)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[A-Z][a-z])")


def dotted_key_pieces(text: str) -> list[Piece]:
    """Rewrites for every dotted camel-case key of an export: its dots and the joins of its
    words become spaces ("Objective Mouth Opening Max: 38 mm"), so the key names its value in
    words the readers know."""
    if "." not in text:
        return []
    pieces: list[Piece] = []
    for match in _DOTTED_KEY.finditer(text):
        key_start = match.start(1)
        key = match.group(1)
        pieces += [
            Piece(key_start + at, key_start + at + 1, " ", key_start + at, key_start + at + 1)
            for at, char in enumerate(key)
            if char == "."
        ]
        pieces += [
            Piece(key_start + at, key_start + at, " ", key_start + at, key_start + at)
            for segment in _segments(key)
            for at in segment
        ]
    return pieces


def _segments(key: str) -> list[list[int]]:
    """Where spaces go inside each segment of a key: between glued words."""
    found = []
    offset = 0
    for segment in key.split("."):
        found.append([offset + m.start() for m in _GLUED.finditer(segment) if m.start() > 0])
        offset += len(segment) + 1
    return found


# "Grip strength (lb) = R 72, L 68", "Cervical ROM (degrees) = flexion 40 / extension 35": a
# key's unit over a list of named values, each value read with it.
_LISTED_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?[^\n:()|=]*?[A-Za-z][^\n:()|=]*?"
    r"([ \t]*\(([^()\n]{1,8})\))[ \t]*[:=]",
    re.MULTILINE,
)
_LISTED_VALUE = re.compile(r"(?<![\w.\-/])\d+(?:\.\d+)?(?![\d.]|°|%|/\d|[ \t]*(?:°|%|[A-Za-z]))")


def _listed_values(text: str, start: int) -> list[Piece]:
    found = _LISTED_KEY.match(text, start)
    if found is None:
        return []
    unit = keyed_units().get(_plain(found.group(2)))
    if not unit:
        return []
    line_end = text.find("\n", found.end())
    line_end = len(text) if line_end < 0 else line_end
    values = list(_LISTED_VALUE.finditer(text, found.end(), line_end))
    if not values:
        return []
    return [Piece(v.end(), v.end(), unit, v.start(), v.end()) for v in values]


def _plain(unit: str) -> str:
    return re.sub(r"\s+", "", unit).lower()
