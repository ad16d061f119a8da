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
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.tables import keyed_units, measure_defs
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.sides import SIDE_WORD

# The bracket may end the key or come before its last words ("Pain Score (0-10) at rest: 1").
# The value is a series of numbers joined by slashes: one number, one per label of the key
# ("L/R (lb): 12/40", "(mm): 4/5"), or one reading written in parts ("(mmHg): 128/76").
_KEYED = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?[^\n:()|]*?[A-Za-z][^\n:()|]*?"
    r"([ \t]*\(([^()\n]{1,8})\))(?:[ \t]+[A-Za-z][A-Za-z /-]{0,24}?)?[ \t]*[:=][ \t]*"
    r"(-?\d+(?:\.\d+)?(?:[+-](?!\d))?)(?![\d.])((?:[ \t]*/[ \t]*\d+(?:\.\d+)?(?![\d.]))*)",
    re.MULTILINE,
)
_KEY_END = re.compile(r"\)(?:[ \t]+[A-Za-z][A-Za-z /-]{0,24}?)?[ \t]*[:=]")
_UNIT_IN_BRACKETS = re.compile(r"\(\s*([^()\n]{1,8}?|[^()\n]{1,16}?[,;][^()\n]{1,8}?)\s*\)")
_LISTED = re.compile(r"[ \t]*[,;][ \t]*")
# A scale written after a row's name with its slash and no bracket ("Pain /10", "NPRS / 10"):
# the maximum every value of the row is over, as "Pain (0-10)" says it.
SLASHED_SCALE = re.compile(r"(?<=[A-Za-z)])[ \t]+/[ \t]?(\d{1,3})(?![\w/.])")


def unit_written(text: str) -> str | None:
    """How a value under this key or heading is read (" cm", "°", "/10"), or None; a bracket
    may name the instrument with the unit ("Strength (HHD, kg)": " kg")."""
    for bracket in _UNIT_IN_BRACKETS.finditer(text):
        for part in _LISTED.split(bracket.group(1)):
            unit = keyed_units().get(_plain(part))
            if unit is not None:
                return unit
    return None


def slashed_scale(name: str) -> str | None:
    """The unit a row's name gives its values by ending on its scale after a slash ("Pain
    /10": "/10"), or None. Only a row's own name: a caption's "(degrees; MMT /5)" names the
    scale of one kind of row among others."""
    slashed = SLASHED_SCALE.search(name)
    return keyed_units().get(f"/{slashed.group(1)}") if slashed is not None else None


def named_beside_unit(bracket: str) -> str:
    """The words a bracket writes beside its unit ("HHD" of "(HHD, kg)"): the instrument the
    values were measured with, which a key keeps when the unit leaves it."""
    inside = bracket.strip().removeprefix("(").removesuffix(")")
    parts = _LISTED.split(inside)
    if len(parts) < 2:
        return ""
    return " ".join(p.strip() for p in parts if p.strip() and keyed_units().get(_plain(p)) is None)


# A heading or a row's name an export writes as a key: "L_cm", "volume_mL", "upper_arm".
_SNAKE_WORD = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")


def snake_words(text: str) -> tuple[str, str | None]:
    """A heading or row name written as an export's snake-case key, as words without its unit
    part ("L_cm": "L"), and how its values are read (" cm"); as written, with no unit, when it
    is not such a key. The first part is never the unit ("cm_from_styloid" names a landmark)."""
    if not _SNAKE_WORD.fullmatch(text.strip()):
        return text, None
    parts = text.strip().split("_")
    for at in range(len(parts) - 1, 0, -1):
        unit = keyed_units().get(parts[at].lower())
        if unit is not None:
            return " ".join(parts[:at] + parts[at + 1 :]), unit
        unit = _scale_range(parts, at)
        if unit is not None:  # "pain_during_0_10": the scale's two ends are one unit part
            return " ".join(parts[: at - 1] + parts[at + 1 :]), unit
    return " ".join(parts), None


def _scale_range(parts: list[str], at: int) -> str | None:
    """The unit of a scale's range written as two parts of a snake key ("0", "10" of
    "pain_0_10": "/10"), ending at part `at`; never the key's first part."""
    if at < 2 or not (parts[at - 1].isdecimal() and parts[at].isdecimal()):
        return None
    return keyed_units().get(f"{parts[at - 1]}-{parts[at]}")


def snake_unit_in(text: str) -> str | None:
    """The unit a snake-case key among the words of `text` writes ("volume_mL": " mL")."""
    for word in text.split():
        unit = snake_words(word)[1] if "_" in word else None
        if unit is not None:
            return unit
    return None


def snake_name_pieces(start: int, text: str) -> list[Piece]:
    """A row's name written as a snake-case key, as words: each underscore a space, its unit
    part left out (each value of the row is written with it)."""
    if not _SNAKE_WORD.fullmatch(text):
        return []
    words, unit = snake_words(text)
    if unit is None:
        return [
            Piece(start + at, start + at + 1, " ", start + at, start + at + 1)
            for at, char in enumerate(text)
            if char == "_"
        ]
    return [Piece(start, start + len(text), words, start, start + len(text))]


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
        if _SIDE_AFTER.match(text, match.end(4)):
            listed = _listed_values(text, start)
            if len(listed) > 1:  # each side's value with the unit, not the first alone
                pieces += listed
                continue
        bracket_start, bracket_end = match.span(1)
        pieces.append(Piece(bracket_start, bracket_end, "", bracket_start, bracket_end))
        # the unit follows the whole series ("12/40 lb", "128/76 mmHg"); a scale's whole
        # ("/10") is the first number's
        value_end = match.end(3) if unit.startswith("/") else match.end(4)
        if match.group(4) and unit.strip() in _load_units() and not _legend(text, start, match):
            # "(lb): 58/61/60": trials of a load, each value in the unit
            bracket_start, bracket_end = match.span(1)
            pieces.append(Piece(bracket_start, bracket_end, "", bracket_start, bracket_end))
            pieces += slashed_trials(text, (match.start(3), match.end(4)), unit)
            continue
        run = _RUN_AFTER.match(text, value_end)
        if run is not None and not unit.startswith("/"):
            # "(lb) R: 22, 31, 35": the unit after the run's last value, read as one list
            bracket_start, bracket_end = match.span(1)
            pieces.append(Piece(bracket_start, bracket_end, "", bracket_start, bracket_end))
            last = text.rfind(" ", 0, run.end()) + 1
            pieces.append(Piece(run.end(), run.end(), unit, last, run.end()))
            continue
        pieces.append(Piece(value_end, value_end, unit, match.start(2), match.end(2)))
    return pieces


# A flowsheet or form export writes its keys in snake case ("cx_rot_r_deg: 70",
# "97140_manual_min: 14", "timed_total_min: 24"), maybe under a dotted namespace
# ("obj.tug_s_prev=41.0", "vitals.spo2_pct=96"), maybe with a side or a time after a last dot
# ("objective.knee_to_wall_cm.L: 9.5"): the underscores and dots are spaces, and a unit
# in the key (its last unit word, which a timepoint may follow) follows the value.
# An export may instead write each part of a dotted key in CamelCase ("Subjective.PainCurrent",
# "Objective.JawOpening.Active", "Billing.TotalTimedMinutes"): the dots are spaces and each
# capital that starts a word after a small letter starts a word of its own.
_SNAKE_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?"
    r"((?:[A-Za-z][A-Za-z0-9]*\.)*[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?:\.[A-Za-z][A-Za-z0-9]*)*"
    r"|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)[ \t]*[:=][ \t]*"
    r"(-?\d+(?:\.\d+)?(?![\d.]))?",
    re.MULTILINE,
)
_KEY_PART = re.compile(r"[A-Za-z0-9]+")
# a word of a CamelCase part: "Pain", "Current"; an acronym before a word ("ROMFlexion": "ROM")
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z][a-z0-9]*|[0-9]+")


def snake_key_pieces(text: str) -> list[Piece]:
    """Rewrites for every "snake_case_key: value" or "Dotted.CamelKey: value" line, and for
    every line that runs several "key=value" pairs together."""
    pieces, runs = _run_pieces(text)
    for match in _SNAKE_KEY.finditer(text):
        if text.rfind("\n", 0, match.start() + 1) + 1 in runs:
            continue
        value = match.span(2) if match.group(2) else None
        pieces += _key_pieces(text, match.span(1), value)
    return sorted(pieces, key=lambda piece: (piece.start, piece.end))


def _key_pieces(text: str, key: tuple[int, int], value: tuple[int, int] | None) -> list[Piece]:
    """One key written as words, its unit word (if any) moved after its numeric value."""
    key_start, key_end = key
    parts = _key_parts(text, key_start, key_end)
    found = _unit_part(text, parts) if value is not None else None
    # the unit word leaves the key with the separator before it
    cut = (found[0] - (text[found[0] - 1] in "_."), found[1]) if found else (key_end, key_end)
    pieces = [
        Piece(at, at + 1, " ", at, at + 1)
        for at in range(key_start, key_end)
        if text[at] in "_." and not cut[0] <= at < cut[1]
    ]
    # a CamelCase word that follows another word of its part is written apart from it
    pieces += [
        Piece(start, start, " ", start, start)
        for start, _ in parts
        if start > key_start and text[start - 1] not in "_." and not cut[0] <= start < cut[1]
    ]
    pieces += _named_parts(text, parts)
    if found is not None and value is not None:
        pieces.append(Piece(cut[0], cut[1], "", cut[0], cut[1]))
        pieces.append(Piece(value[1], value[1], found[2], value[0], value[1]))
    return pieces


# A log line that runs "key=value" pairs together ("pre: HR=68 BP=118/72 wt_kg=81.4"): each
# pair is a clause of its own (a comma between pairs), and a snake-case key is written as words
# with its unit after its value, as on a line of its own.
_PAIR = re.compile(
    r"(?<![^\s,;])([A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*)=(?:(-?\d+(?:\.\d+)?)(?![\d.])\S*|[^\s=]+)"
    r"(?=[\s,;]|$)"
)
_MIN_PAIRS = 2


def _run_pieces(text: str) -> tuple[list[Piece], set[int]]:
    """Rewrites for the lines that run key=value pairs together, and where those lines start;
    only lines holding an "=" are looked at."""
    pieces: list[Piece] = []
    runs: set[int] = set()
    at = text.find("=")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        pairs = list(_PAIR.finditer(text, start, end))
        if len(pairs) >= _MIN_PAIRS:
            runs.add(start)
            for before, pair in zip([None, *pairs], pairs, strict=False):
                if before is not None and not text[before.end() : pair.start()].strip(" \t"):
                    gap = (before.end(), pair.start())
                    pieces.append(Piece(gap[0], gap[1], ", ", gap[0], gap[1]))
                value = pair.span(2) if pair.group(2) else None
                if re.search(r"[._]", pair.group(1)):
                    pieces += _key_pieces(text, pair.span(1), value)
        at = text.find("=", end)
    return pieces, runs


def _key_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the key's words are: its parts between dots and underscores, and a CamelCase
    part's words when the key is written without underscores."""
    words = _KEY_PART if "_" in text[start:end] else _CAMEL_PART
    return [part.span() for part in words.finditer(text, start, end)]


def _named_parts(text: str, parts: list[tuple[int, int]]) -> list[Piece]:
    """A key's word that is an instrument's name known only in its own case ("tug" in
    "obj.tug_s": a key is in lower case by the export's habit), written in that case."""
    pieces = []
    for start, end in parts:
        name = _exact_names().get(text[start:end].lower())
        if name is not None and name != text[start:end]:
            pieces.append(Piece(start, end, name, start, end))
    return pieces


@cache
def _exact_names() -> dict[str, str]:
    """Instrument names matched only as written (instruments.toml exact_case), by lower case."""
    return {
        alias.lower(): alias
        for measure in measure_defs()
        for alias in measure.exact_case
        if _KEY_PART.fullmatch(alias)
    }


def _unit_part(text: str, parts: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """Where the key's unit word is (its start and end) and how the value is read: the last
    part naming a unit, never the first."""
    for start, end in reversed(parts[1:]):
        unit = keyed_units().get(text[start:end].lower())
        if unit is not None:
            return start, end, unit
    return None


# "Grip strength (lb) = R 72, L 68", "Cervical ROM (degrees) = flexion 40 / extension 35": a
# key's unit over a list of named values, each value read with it.
_LISTED_KEY = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?[^\n:()|=]*?[A-Za-z][^\n:()|=]*?"
    r"([ \t]*\(([^()\n]{1,8})\))[ \t]*[:=]",
    re.MULTILINE,
)
# (a number glued to a word by a hyphen is part of a name: "3-jaw chuck R 7.0")
# (a side word may follow a value: "Grip (kg): 38 L, 44 R")
_LISTED_VALUE = re.compile(
    r"(?<![\w.\-/])\d+(?:\.\d+)?"
    rf"(?![\d.]|°|%|/\d|-[A-Za-z]|[ \t]*(?:°|%|(?!{SIDE_WORD}\b)[A-Za-z]))"
)


@cache
def _load_units() -> frozenset[str]:
    """The units of a load whose trials a slash parts (data/columns.toml [slash_loads])."""
    data = tomllib.loads(files("tui.core.data").joinpath("columns.toml").read_text("utf-8"))
    return frozenset(str(unit) for unit in data.get("slash_loads", {}).get("units", ()))


_SLASH = re.compile(r"[ \t]*/[ \t]*")
# Sides parted by a slash in a key ("L/R", "R / L"): a legend of its values.
_SIDE_LEGEND = re.compile(rf"(?<![\w/]){SIDE_WORD}[ \t]*/[ \t]*{SIDE_WORD}(?![\w/])", re.I)
_SLASHED_SERIES = re.compile(
    r"(?<![\w./])\d{1,3}(?:\.\d+)?(?:[ \t]*/[ \t]*\d{1,3}(?:\.\d+)?)+(?![\w./%°])"
)
# Bare values after a key's first value, each after a comma ("Grip (lb) R: 22, 31, 35, 30"):
# one run of the key's values, its unit after the last as a run is written ("22, 31, 35 lb").
_RUN_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*\d+(?:\.\d+)?(?![\d.%°/]|[ \t]*[A-Za-z]))+(?=[ \t]*(?:[.;]|$))", re.M
)
# A side written after a key's first value ("Grip (kg): 38 L, 44 R"): a list of sided values.
_SIDE_AFTER = re.compile(rf"[ \t]*{SIDE_WORD}\b")


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
    trials: list[Piece] = []
    if unit.strip() in _load_units() and not _SIDE_LEGEND.search(text, start, found.end()):
        for series in _SLASHED_SERIES.finditer(text, found.end(), line_end):
            trials += slashed_trials(text, series.span(), unit)
    if not values and not trials:
        return []
    return trials + [Piece(v.end(), v.end(), unit, v.start(), v.end()) for v in values]


def _legend(text: str, start: int, match: re.Match[str]) -> bool:
    """The key names a side for each value of its series ("Jamar Pos 1 L/R (lb): 12/40"): the
    values are one per side, the legend readers' (measures/listed_values.py), no trials."""
    return _SIDE_LEGEND.search(text, start, match.start(3)) is not None


def slashed_trials(text: str, span: tuple[int, int], unit: str) -> list[Piece]:
    """A series of a load's trials parted by slashes ("L 58/61/60" under "(lb)") written as the
    run it is ("L 58, 61, 60 lb"): each slash a comma, the unit after the last value, so the
    side before the first holds for every trial (measures/listed_values.py)."""
    pieces = [
        Piece(slash.start(), slash.end(), ", ", slash.start(), slash.end())
        for slash in _SLASH.finditer(text, *span)
    ]
    last = text.rfind("/", *span) + 1
    return [*pieces, Piece(span[1], span[1], unit, last, span[1])]


def _plain(unit: str) -> str:
    return re.sub(r"\s+", "", unit).lower()
