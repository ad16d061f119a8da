"""Girth rows measured at a landmark's offset: "10 cm above olecranon: R 24.5 L 22.0",
"8 cm   21.8 / 19.6" under a "Circumference L / R (cm)" header, "4 cm below MTP 29.5 | 8 cm
28.0 (last wk 30.5 / 28.0)".

The offset says where the tape was, so it is the row's label and never a girth (also when a
table's row names it and a time comes before the values: "circumference 0 cm (wrist): (R eval)
18.9 cm"); each value
after it is a girth, with the side written before it or the side of its column in the header,
and a value in a bracket is an earlier one. The reader works only inside the region a girth
word opened (see others.read_regions), so a distance walked or a tape position without values
is never read here. The direction words are data (measures.toml [girth_rows]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import earlier_row
from tui.core.checks.layouts.girth_words import GIRTH_WORDS as GIRTH_WORDS  # read by others
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

_SIDE = SIDE_WORD
# A girth value: a decimal, or a whole number of two or three digits.
_GIRTH = r"(?:\d{1,3}\.\d+|\d{2,3})"
_VALUE = re.compile(
    rf"[ \t]*(?:[/|,;&][ \t]*|and[ \t]+|vs\.?[ \t]+)?(?:(?P<side>{_SIDE})\b[ \t]*:?[ \t]*)?"
    rf"(?P<num>{_GIRTH})(?!\d|\.\d|[ \t]*(?:mL|ml|L\b(?![ \t]*\d)|cc\b|%))"
    rf"(?:[ \t]*(?P<unit>cm|mm)\b)?",
    re.IGNORECASE,
)
# A bracket after a row's values holds earlier values: "(last wk 30.5 / 28.5)", "[34.0 / 38.0]".
_OPEN = re.compile(
    rf"[ \t]*[(\[][ \t]*[A-Za-z .:]{{0,30}}?(?=(?:{_SIDE}\b[ \t]*:?[ \t]*)?\d)", re.IGNORECASE
)
_CLOSE = re.compile(r"[ \t]*[)\]]")
# A row named by a numbered skin marker, its landmark in a bracket after it ("M3 (10 cm prox)",
# "#2", "Pt 4 (wrist)"): the marker names where the tape was, so its numbers are no girths.
_MARKER = r"(?:[A-Za-z]{1,3}[ \t]?#?\d{1,2}|#\d{1,2})(?![\d.])(?:[ \t]*\([^()\n]{1,30}\))?"
# The name of a row: a numbered marker, or a landmark in words ("MTP", "wrist crease"), with
# its tape position after a comma or in a bracket after it ("calf, 30 cm from floor", "wrist
# (0 cm)"), which is where, never a girth.
_ROW_NAME = (
    rf"(?:{_MARKER}|[A-Za-z][A-Za-z .]{{0,30}}?"
    rf"(?:,[ \t]*\d{{1,2}}(?:\.\d)?[ \t]*cm[ \t]+[A-Za-z][A-Za-z ]{{0,30}}?)?"
    rf"(?:[ \t]*\([^()\n]{{1,30}}\))?)"
)
# A landmark named at the start of a row (or after a colon, semicolon or bar), then a pair.
_LANDMARK_PAIR = re.compile(
    rf"(?:^|(?<=[:;|]))[ \t]*(?:[-*\u2022][ \t]+)?(?!{_SIDE}\b)"
    rf"(?P<landmark>{_ROW_NAME})"
    rf"[ \t]*:?[ \t]+(?=(?:{_SIDE}\b[ \t]*:?[ \t]*)?{_GIRTH}(?!\d|\.\d)[ \t]*(?:cm\b)?[ \t]*[/|])",
    re.IGNORECASE | re.MULTILINE,
)
# A landmark's abbreviation and a sign before a tape position ("IT+5 cm", "MTP - 8 cm", "GT+6cm"):
# the position is measured from that landmark, so the whole is the row's name.
_SIGNED = (
    rf"(?<![\w.+-])(?!{_SIDE}\b)(?P<landmark_from>(?-i:[A-Z]{{1,5}}))"
    r"[ \t]*(?P<sign>[+\-\u2212])[ \t]*"
)
_COLUMNS = re.compile(rf"\b({_SIDE})[ \t]*[/|][ \t]*({_SIDE})\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Rows:
    offset: re.Pattern[str]
    spacing: re.Pattern[str]
    spacing_after: re.Pattern[str]
    listed: re.Pattern[str]
    position: re.Pattern[str]


@cache
def _rows() -> _Rows:
    data = measures_section("girth_rows")
    words = "|".join(re.escape(str(w)) for w in data.get("directions", []))
    spacing = "|".join(re.escape(str(w)) for w in data.get("spacing", []))
    after = "|".join(re.escape(str(w)) for w in data.get("spacing_after", []))
    return _Rows(
        offset=re.compile(
            # the offset, after its landmark's abbreviation and a sign ("IT+5 cm", "PT-4 cm"),
            # then a direction and its landmark, or the values straight away
            rf"(?:@[ \t]*)?(?:{_SIGNED})?"
            rf"(?<![\w.])(?<!\d-)(?P<offset>\d{{1,2}}(?:\.\d)?)[ \t]*cm(?:[ \t]+cm)?\b"
            rf"(?P<mark>[ \t]+(?:{words})\b[^\d\n:|;()\[\]/,]{{0,40}}?)?[ \t]*:?[ \t]*"
            rf"(?=(?:{_SIDE}\b[ \t]*:?[ \t]*)?{_GIRTH}(?!\d|\.\d))",
            re.IGNORECASE,
        ),
        spacing=re.compile(rf"\b(?:{spacing})[ \t]+(\d{{1,2}}(?:\.\d)?[ \t]*cm)\b", re.IGNORECASE),
        spacing_after=re.compile(
            rf"(?<![\w.])(\d{{1,2}}(?:\.\d)?[ \t]*cm)[ \t]+(?:{after})\b", re.IGNORECASE
        ),
        # a table row named by its tape position, its values after a time or a side in brackets
        # ("circumference 0 cm (wrist): (R eval) 18.9 cm", "circumference Level 8 cm: ...", a
        # segment "volume 4-8 cm: R 241 mL"):
        # at most one heading word before the position, a landmark after it, then a colon and
        # a time or a side ("calf girth 38 cm: down from 40" is a girth)
        # offsets listed before their landmark ("girths 10 cm and 20 cm above patella")
        listed=re.compile(
            rf"(?<![\w.])(\d{{1,2}}(?:\.\d)?[ \t]*cm)(?=(?:[ \t]*(?:,|and|&|or)[ \t]*"
            rf"\d{{1,2}}(?:\.\d)?[ \t]*cm){{1,4}}[ \t]+(?:{words})\b)",
            re.IGNORECASE,
        ),
        position=re.compile(
            rf"[ \t]+(?:[A-Za-z]+[ \t]+)?"
            rf"(?P<offset>(?:\d{{1,2}}(?:\.\d)?[ \t]*-[ \t]*)?\d{{1,2}}(?:\.\d)?[ \t]*cm)\b"
            rf"(?:[ \t]+(?:{words})\b[^\d\n:|;()\[\]/,]{{0,40}}?)?"
            rf"(?:[ \t]*\([A-Za-z .]{{1,30}}\))?[ \t]*:(?=[ \t]*(?:\(|{_SIDE}\b))",
            re.IGNORECASE,
        ),
    )


def read_rows(scanner: Scanner, facts: list[Fact], name: str, start: int, end: int) -> int:
    """Girths in the landmark rows between `start` and `end` (a girth word's region, `name`
    the word); returns the region's end, past the table lines a header heads."""
    text = scanner.text
    if position := _rows().position.match(text, start, end):
        scanner.block(*position.span("offset"))  # where the tape was: the row's name
    first_row = _rows().offset.search(text, start, end)
    columns = _COLUMNS.search(
        text, scanner.sentence_before(start), first_row.start() if first_row else end
    )
    for spacing in (_rows().spacing, _rows().spacing_after, _rows().listed):
        for interval in spacing.finditer(text, start, end):
            scanner.block(*interval.span(1))  # "every 4 cm": the tape's spacing, not a girth
    end = _with_table_lines(text, end)
    order = [labels.side_name(columns.group(g)) for g in (1, 2)] if columns else []
    pos = start
    offsets: set[str] = set()
    places: list[str] = []  # today's rows' positions, in order, for a row of earlier values
    while (row := _next_row(text, pos, end)) is not None:
        earlier: list[str] = []
        if row.groupdict().get("offset"):
            scanner.block(row.start("offset"), row.end())
            where = f"at {_signed(row)}{row.group('offset')} cm{(row.group('mark') or '').rstrip()}"
            offsets.add(row.group("offset"))
            places.append(where)
        else:
            scanner.block(*row.span("landmark"))  # the row's name, a marker's number with it
            where = f"at {row.group('landmark').strip()}"
            offsets.update(IN_NAME.findall(row.group("landmark")))
            earlier = places if earlier_row().match(row.group("landmark")) else []
        pos = max(_values(scanner, facts, (name, where, order), row.end(), end, earlier), row.end())
    if len(offsets) > 1:
        block_positions(scanner, offsets, (start, end))
    if len(places) > 1:
        _earlier_after(scanner, facts, (name, places), end)
    return end


# A bracket of earlier girths on the lines after a table, opened by a date or an earlier visit
# and a colon: "(02/26: 49.5 / 47.5 / 44.0 / 39.0)".
_EARLIER_LIST = re.compile(
    rf"[(\[][ \t]*(?P<when>[^():\n\[\]]{{1,20}}):[ \t]*"
    rf"(?P<values>{_GIRTH}(?:[ \t]*[/,;][ \t]*{_GIRTH}){{1,8}})[ \t]*(?:cm)?[ \t]*[)\]]",
    re.IGNORECASE,
)
_A_GIRTH = re.compile(_GIRTH)
# How many lines after a girth table a bracket of its earlier values may stand.
_EARLIER_LINES = 2


def _earlier_after(
    scanner: Scanner, facts: list[Fact], table: tuple[str, list[str]], end: int
) -> None:
    """Earlier girths in a bracket on the line or two after a table, one value per row of
    today's: the bracket names when they were taken, so each is its row's earlier girth."""
    name, places = table
    text = scanner.text
    stop = end
    for _ in range(_EARLIER_LINES):
        stop = text.find("\n", stop + 1)
        if stop < 0:
            stop = len(text)
            break
    for listed in _EARLIER_LIST.finditer(text, end, stop):
        if not earlier_row().match(listed.group("when")):
            continue
        values = list(_A_GIRTH.finditer(text, *listed.span("values")))
        if len(values) != len(places):
            continue
        for value, where in zip(values, places, strict=True):
            if scanner.free(*value.span()):
                label = f"{labels.join('', name, where)} {labels.PREVIOUS}"
                number = to_number(value.group())
                scanner.emit(facts, "girth", number, value.span(), label, unit="cm")


def _signed(row: re.Match[str]) -> str:
    """The landmark and sign a row's offset is measured from ("IT+"), or nothing."""
    landmark = row.groupdict().get("landmark_from")
    return f"{landmark}{row.group('sign')}" if landmark else ""


# A tape position written in a row's name ("wrist (0 cm)").
IN_NAME = re.compile(r"(?<![\w.])(\d{1,2}(?:\.\d)?)[ \t]*cm\b", re.IGNORECASE)
# A length in centimetres, and the rest of its clause.
_CM = re.compile(r"(?<![\w.])(\d{1,2}(?:\.\d)?)[ \t]*cm\b(?P<rest>[^.;\n]*)", re.IGNORECASE)


def block_positions(scanner: Scanner, offsets: set[str], table: tuple[int, int]) -> None:
    """The table's tape positions named again in the lines after it ("re-measure at the 0, 15
    and 30 cm marks") with no girth after them on their clause: positions, never lengths
    measured. Only the few lines after the table are looked at, so a note of many tables is
    still read in linear time."""
    text = scanner.text
    end = table[1]
    for _ in range(_LINES_AFTER):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    for length in _CM.finditer(text, table[1], end):
        if length.group(1) in offsets and not _MEASURED.search(length.group("rest")):
            scanner.block(*length.span(1))


# How many lines after a girth table its positions may be named again.
_LINES_AFTER = 8


# A girth after a position: a number right after it, or a decimal or a length in cm on its clause.
# (the blanks taken whole: no colon or digit is a blank, so giving some back finds nothing new)
_MEASURED = re.compile(r"^[ \t]*+:?[ \t]*+\d|\d\.\d|\d[ \t]*cm\b", re.IGNORECASE)


def _next_row(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The first row after `pos`: one at an offset, or one at a landmark named with a pair of
    values ("MTP 21.0 | 19.4", "wrist  16.8 / 15.9")."""
    found = [m for m in (_offset_row(text, pos, end), _LANDMARK_PAIR.search(text, pos, end)) if m]
    return min(found, key=lambda m: m.start()) if found else None


# A side right before a length: "R 24 cm L 22 cm" (also the shared unit lent to "R 24 L 22 cm")
# is one side's girth then the other's, no tape position.
_SIDE_BEFORE = re.compile(rf"(?<![\w/]){_SIDE}[ \t]*:?[ \t]*\Z", re.IGNORECASE)


def _offset_row(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The first row at an offset after `pos`; a length with a side right before it and no
    direction after it is a side's girth, not an offset."""
    while (row := _rows().offset.search(text, pos, end)) is not None:
        start = row.start("offset")
        if row.group("mark") or not _SIDE_BEFORE.search(text, max(0, start - 8), start):
            return row
        pos = row.end("offset")
    return None


_HEADER_TAIL = 80


def _with_table_lines(text: str, end: int) -> int:
    """A header ending in a colon heads the rows on the lines after it, indented or bulleted,
    whether a row names its landmark by an offset or by name ("wrist  16.8 / 15.9"); a line of
    column names without numbers may stand between the header and its first row ("point  L  R")."""
    if not text[max(0, end - _HEADER_TAIL) : end].rstrip().endswith(":"):
        return end
    while end and text[end - 1] in " \t\n":  # a region may end past the header's own newline
        end -= 1
    pattern = _rows().offset
    line, heading = end, end
    while (newline := text.find("\n", line)) >= 0:
        line_end = text.find("\n", newline + 1)
        line_end = len(text) if line_end < 0 else line_end
        first = _ROW_START.match(text, newline + 1, line_end)
        start = first.end() if first else newline + 1
        if pattern.match(text, start, line_end) or _NAMED_ROW.match(text, start, line_end):
            end = line_end
        elif line != heading or _DIGIT.search(text, start, line_end):
            break
        line = line_end
    return end


_DIGIT = re.compile(r"\d")


_ROW_START = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?")
_NAMED_ROW = re.compile(
    rf"{_ROW_NAME}[ \t]*:?[ \t]+(?:{_SIDE}\b[ \t]*:?[ \t]*)?{_GIRTH}(?!\d|\.\d)[ \t]*(?:cm\b)?"
    rf"[ \t]*(?:[/|,]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _values(
    scanner: Scanner,
    facts: list[Fact],
    row: tuple[str, str, list[str]],
    pos: int,
    end: int,
    earlier: list[str],
) -> int:
    """The values of one row, then those of a bracket after it: earlier values when its words
    say so or when it holds bare values ("[34.0 / 38.0]"), the other side's when it names one
    ("(R 27.6 cm)"). A row named by an earlier visit holds the earlier values at the positions
    in `earlier`, one each."""
    name, where, order = row
    text = scanner.text
    offset = _rows().offset
    bracket: re.Match[str] | None = None
    index = 0
    while pos < end:
        if offset.match(text, pos) or offset.match(text, _skip_marks(text, pos)):
            break
        opened = _OPEN.match(text, pos, end) if bracket is None else None
        if opened:
            bracket, index, pos = opened, 0, opened.end()
            continue
        if bracket and (closed := _CLOSE.match(text, pos, end)):
            return closed.end()
        value = _VALUE.match(text, pos, end)
        if value is None or not scanner.free(*value.span("num")):
            break
        found = attribute(scanner, value.start("num"), value.end())
        side = labels.side_name(value.group("side")) if value.group("side") else ""
        if not side and index < len(order):
            side = order[index]
        previous = found.previous
        if bracket and not previous and not side and not _WORDS.search(bracket.group()):
            previous = " (previous)"
        if earlier:
            previous = " (previous)"
        place = earlier[index] if index < len(earlier) else where
        unit = (value.group("unit") or "cm").lower()
        label = labels.join(side or found.side, name, place) + previous
        scanner.emit(
            facts, "girth", to_number(value.group("num")), value.span("num"), label, unit=unit
        )
        index += 1
        pos = value.end()
    return pos


_WORDS = re.compile(r"[A-Za-z]{2,}")


def _skip_marks(text: str, pos: int) -> int:
    """Past the separator between two rows on one line ("29.5 | 8 cm 28.0")."""
    while pos < len(text) and text[pos] in " \t|;,":
        pos += 1
    return pos
