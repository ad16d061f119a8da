"""Digits an OCR reading of handwriting took for letters ("1O2 deg", "3/l0", "l4.2 s", "2S min"),
and values the page's line break parted from their names ("PROM flex" over "l08.").

A scanned note keeps every slip of the character reader: read as written, "4-1O2 deg" holds a 4
and a 1, "Pain 3/1O" no rating and "TUG l4.2 s" no time, so most values on those lines are lost
and a wrong one may be read. A letter is read as the digit it stands for (data/markup.toml
[ocr]) only inside a token that is otherwise a number and says so by its shape: a unit after it,
a slash or a range joining it to another number, or three digits of its own. A word ("Oct",
"lb", "ROM"), a code or level ("O2", "L1", "I10", "G0283") and a token of letters alone ("Ill")
are never read so. One character stands for one, so offsets do not move.

A handwritten page breaks its lines where the paper ends, not where a reading ends: "L shoulder
flexion" on one line, "110 deg" on the next. The two lines are one reading only when the first
ends on the name of what is measured (a motion, a joint, a muscle or a named test) with no
value after it, and the next opens with a value standing alone (a unit or punctuation after
it) that carries its unit, or any such value in a note the reader marked with slips: a heading
("Goals:"), a numbered list ("1. ...") or a line naming a dose ("2 sets of 10", "15, 20 reps
each") is left as written.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.measures import labels
from tui.core.checks.text.lexicon import measure_matcher
from tui.core.checks.text.pieces import Piece


@dataclass(frozen=True)
class _Slips:
    """The letters an OCR reading puts for digits, and the units that mark a measured value."""

    letters: dict[str, str]
    leading: frozenset[str]
    token: re.Pattern[str]
    unit_after: re.Pattern[str]
    closing_unit_after: re.Pattern[str]
    dose: re.Pattern[str]


@cache
def _slips() -> _Slips:
    text = files("tui.core").joinpath("data", "markup.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["ocr"]
    letters = {str(key): str(value) for key, value in data["letters"].items()}
    chars = re.escape("".join(letters))
    # a run of digits, slip letters and points, standing on its own (a dose's "x" may lead it:
    # "2xl0"), with a slip letter in it
    token = re.compile(
        rf"(?:(?<![A-Za-z0-9.])|(?<=\dx))(?=[0-9.]*[{chars}])[0-9{chars}][0-9{chars}.]*"
        rf"(?![A-Za-z0-9])"
    )
    return _Slips(
        letters=letters,
        leading=frozenset(str(item) for item in data["leading"]),
        token=token,
        unit_after=_units(data["units"]),
        closing_unit_after=_units(data["closing_units"]),
        dose=re.compile(
            rf"(?<![A-Za-z0-9])(?:{'|'.join(str(word) for word in data['dose_words'])})"
            r"(?![A-Za-z])",
            re.IGNORECASE,
        ),
    )


def _units(units: list[str]) -> re.Pattern[str]:
    spelled = "|".join(re.escape(str(unit)) for unit in sorted(units, key=len, reverse=True))
    return re.compile(rf"[ \t]*(?:{spelled})(?![A-Za-z0-9])")


def ocr_digit_pieces(text: str) -> list[Piece]:
    """A digit for each letter an OCR reading put inside a number; none in a note without one."""
    slips = _slips()
    pieces: list[Piece] = []
    for match in slips.token.finditer(text):
        written = match.group().rstrip(".")
        start = match.start()
        end = start + len(written)
        read = _read(text, written, end, slips)
        if read is None:
            continue
        pieces += [
            Piece(start + at, start + at + 1, digit, start + at, start + at + 1)
            for at, (was, digit) in enumerate(zip(written, read, strict=True))
            if was != digit
        ]
    return pieces


def _read(text: str, written: str, end: int, slips: _Slips) -> str | None:
    """The number the token stands for, or None when a letter in it may be a letter."""
    follows = _after_number(text, end - len(written))
    if not any(ch.isdigit() for ch in written) and not follows:
        return None
    unit = slips.unit_after.match(text, end) is not None
    closing = slips.closing_unit_after.match(text, end) is not None
    last = len(written) - 1
    for at, ch in enumerate(written):
        if ch not in slips.letters:
            continue
        if at == 0 and not follows and not _may_lead(written, unit, slips):
            return None
        if at == last and at > 0 and ch != "O" and not (closing or _scored(text, end)):
            return None
    read = "".join(slips.letters.get(ch, ch) for ch in written)
    if not re.fullmatch(r"\d+(?:\.\d+)?", read):
        return None
    return (
        read if unit or follows or _joined(text, end - len(written), end) or _long(read) else None
    )


def _after_number(text: str, start: int) -> bool:
    """A scale's maximum or a dose's count right after a number ("2/lO", "4-/S", "3xlO"): a
    token of slip letters alone is read there only."""
    return re.search(r"\d[+-]?/$|\dx$", text[max(0, start - 3) : start]) is not None


def _scored(text: str, end: int) -> bool:
    """A maximum after a slash follows the token ("4l/56"): a score, not a litre per minute."""
    return re.match(r"/\d", text[end : end + 2]) is not None


def _may_lead(written: str, unit: bool, slips: _Slips) -> bool:
    """A letter opening the token: "l" before two digits, a decimal, a zero or a unit ("l08",
    "l4.2", "l0", "l5 min"; a single "l4" may be a level); "O" before a point ("O.74"); "I"
    before a unit only (an ICD code "I10" has none)."""
    first, rest = written[0], written[1:]
    if first not in slips.leading:
        return False
    if first == "O":
        return rest.startswith(".")
    if first == "I":
        return unit
    return unit or "." in rest or len(rest) >= 2 or rest[:1] in ("0", "O")


def _joined(text: str, start: int, end: int) -> bool:
    """A slash, a range's hyphen or a dose's "x" joins the token to another number."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return bool(re.search(r"[0-9O][/-]$|\dx$", before) or re.match(r"[/-][0-9Ol]", after))


def _long(read: str) -> bool:
    """Three digits or more: no word or code of this shape has a slip letter in it."""
    return sum(ch.isdigit() for ch in read) >= 3


# A line ending on words (no value, no closing punctuation), and the value opening the next:
# a number (a range or a score over its maximum), its unit, then punctuation or the line's end.
_LAST_CLAUSE = re.compile(r"(?:^|[,;:(.])(?P<clause>[^,;:(.\d\n]*[A-Za-z])[ \t]*\r?$", re.MULTILINE)
_OPENING_VALUE = re.compile(
    r"[ \t]*(?P<bullet>[-*\u2022][ \t]+)?"
    r"(?P<value>-?\d+(?:\.\d+)?(?:[ \t]*[-/][ \t]*\d+(?:\.\d+)?)?)"
    r"(?P<unit>[ \t]*(?:°|deg|degrees|%|s|sec|secs|seconds|cm|mm|m|kg|lbs?|m/s|bpm))?"
    r"(?P<after>[ \t]*(?:[,;(]|\.[ \t]*\r?$|\r?$))",
    re.MULTILINE,
)
_LAST_WORDS = 3


def broken_line_pieces(text: str, read: str) -> list[Piece]:
    """A blank for each line break that parts a value from its name; `read` is the text with
    the OCR slips read (one character for one, so its offsets are the text's). Only a value
    with its unit is joined, or any value in a note the OCR reading marked with slips; never a
    line that goes on to name a dose."""
    scanned = read != text
    pieces: list[Piece] = []
    at = read.find("\n")
    while at >= 0:
        following = _OPENING_VALUE.match(read, at + 1)
        if (
            following is not None
            and (scanned or following.group("unit"))
            and not _dosed(read, following.end())
            and _ends_on_name(read, at, following.group("bullet"))
        ):
            stop = following.start("value")
            pieces.append(Piece(at, stop, " ", at, stop))
        at = read.find("\n", at + 1)
    return pieces


def _dosed(read: str, start: int) -> bool:
    """The rest of the line from `start` names a dose ("15, 20 reps each"): its numbers are
    counts of what was done, not a reading of the name above."""
    end = read.find("\n", start)
    return _slips().dose.search(read, start, len(read) if end < 0 else end) is not None


def _indent(read: str, start: int) -> int:
    """How many blanks open the line starting at `start`."""
    at = start
    while at < len(read) and read[at] in " \t":
        at += 1
    return at - start


def _ends_on_name(read: str, at: int, bullet: str | None) -> bool:
    """The line ending at `at` ends on what is measured, with no value after it. A value
    opening a list item continues the item before it only when that item opens with the same
    mark ("- PROM flex" over "- 108."): each line of a list broken where the page ended."""
    start = read.rfind("\n", 0, at) + 1
    if bullet is not None and not read.startswith(bullet.strip(), start + _indent(read, start)):
        return False
    clause = _LAST_CLAUSE.search(read, start, at)
    if clause is None:
        return False
    words = clause.group("clause").split()
    parts = labels.parts_of(" ".join(words))
    if parts.motion or parts.joint or parts.muscle:
        return True
    matcher = measure_matcher(())
    return any(
        matcher.measure(" ".join(words[-count:])) is not None
        for count in range(1, min(_LAST_WORDS, len(words)) + 1)
    )
