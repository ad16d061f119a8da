"""Normalising note text so one set of patterns reads typed notes and voice transcripts alike.

Voice transcripts spell numbers out ("one hundred ten degrees", "six out of ten") and typed
notes use typographic dashes and minus signs ("4−/5", "0–115°"). `normalize` rewrites both into
plain ASCII digits and hyphens and keeps a map back to the original offsets, so every fact's
span still points into the text the clinician wrote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.checks.layouts.checkboxes import checkbox_pieces
from tui.core.checks.layouts.dated_brackets import dated_bracket_pieces
from tui.core.checks.layouts.dropdowns import dropdown_pieces
from tui.core.checks.layouts.empty_cells import empty_cell_pieces
from tui.core.checks.layouts.export_case import export_case_pieces
from tui.core.checks.layouts.hl7_results import obx_pieces
from tui.core.checks.layouts.joint_lists import joint_list_pieces
from tui.core.checks.layouts.key_paths import key_path_pieces
from tui.core.checks.layouts.keyed import keyed_pieces, snake_key_pieces
from tui.core.checks.layouts.mdtables import Restated, table_pieces
from tui.core.checks.layouts.parent_names import parent_pieces
from tui.core.checks.layouts.percentile_asides import percentile_aside_pieces
from tui.core.checks.layouts.service_records import service_record_pieces
from tui.core.checks.layouts.shared_units import shared_unit_pieces
from tui.core.checks.layouts.side_lists import side_list_pieces
from tui.core.checks.layouts.template_fields import template_field_pieces
from tui.core.checks.text.anchored import search_at
from tui.core.checks.text.languages import translated
from tui.core.checks.text.lexicon import led, words
from tui.core.checks.text.markup import markup_pieces
from tui.core.checks.text.number_words import DECIMAL_DIGITS, TEENS, TENS, UNITS
from tui.core.checks.text.offsets import RunMap, Spans, carried_forward, composed
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.separators import (
    decimal_comma_pieces,
    hyphen_unit_pieces,
    thousands_pieces,
)
from tui.core.checks.text.spoken import corrections, spoken_numbers, spoken_units
from tui.core.checks.text.spoken_codes import spoken_codes
from tui.core.checks.text.spoken_marks import spoken_mark_pieces

# One-for-one character swaps: offsets do not move.
_CHAR_SWAPS = str.maketrans(
    {
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u00d7": "x",  # multiplication sign
        "\u00a0": " ",  # no-break space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2033": '"',  # double prime (inches)
        "\u2032": "'",  # prime
        "\u2192": ",",  # arrows read as "then"
        "\u21d2": ",",
        "\u2794": ",",
        "\u00ba": "\u00b0",  # masculine ordinal written for a degree sign
        "\uff05": "%",
    }
)
# The characters `_CHAR_SWAPS` changes, found with one search: a note holds a few of them, and
# `str.translate` with a table looks up every character of a long note (about 10 times slower).
_SWAPPED = re.compile("[" + re.escape("".join(chr(code) for code in _CHAR_SWAPS)) + "]")

_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = {**UNITS, **TEENS, **TENS, **_SCALES}
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# A dictation wraps its lines anywhere: tens at a line's end and a digit opening the next are
# one number ("over eighty\nfour" is 84, not 80 and a stray 4).
_WRAPPED_UNIT = rf"(?<=ty)[ \t]*\n[ \t]*(?=(?:{'|'.join(UNITS)})\b)"
_RUN = re.compile(
    rf"\b(?:{_WORD})(?:(?:[ \t]+|-|{_WRAPPED_UNIT})(?:and[ \t]+)?(?:{_WORD}))*"
    rf"(?:[ \t]+point(?:[ \t]+(?:{'|'.join(DECIMAL_DIGITS)}))+)?\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z]+")
# A number of a restated row name, as a reader would take it for a value ("3/10", "8", "0-10")
_LABEL_NUMBER = re.compile(r"\d+(?:[./:-]\d+)*")

# Every run of digits, decimals included: what a text "mentions", used as lenient support.
ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original span it came from, and
    the numbers of a table row's name written again (mdtables.Restated), which the readers
    never take as values: `labels` standing alone ("8 min continuous", "3/10"), `named`
    inside a word of the name ("MSWS-12", "2MWT"), which still keys its clause."""

    text: str
    original: str
    offsets: RunMap | None = None
    labels: Spans = ()
    named: Spans = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        if self.offsets is None:
            return start, end
        size = self.offsets.size
        if size == 0:
            return 0, 0
        start = min(max(start, 0), size - 1)
        end = min(max(end, start + 1), size)
        first, last = self.offsets.start_at(start), self.offsets.end_at(end - 1)
        if last > first:
            return first, last
        # a value a table rewrite moved before the cell it is read with ("Ther ex 23 min:
        # 97110" from "| 97110 | 23 |"): the cell the span starts with, the value read
        return first, self.offsets.end_at(start)


@dataclass(frozen=True)
class _Spelled:
    start: int
    end: int
    value: str


_DIGIT_WORDS = {**UNITS, "oh": 0}
_DIGIT = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_TWO_DIGITS = rf"(?:{'|'.join(TEENS)}|(?:{'|'.join(TENS)})(?:[ \t-]+(?:{'|'.join(UNITS)}))?)"
_SEP = r"[ \t,-]+"
# Spoken CPT codes: "ninety-seven one ten" (97110), "ninety seven zero one two" (97012),
# "nine seven five three oh" (97530).
_SPOKEN_CODE = re.compile(
    rf"\bninety[ \t-]+seven{_SEP}(?:(?P<d>{_DIGIT}){_SEP}(?P<tt>{_TWO_DIGITS})"
    rf"|(?P<d1>{_DIGIT}){_SEP}(?P<d2>{_DIGIT}){_SEP}(?P<d3>{_DIGIT}))\b"
    rf"|\bnine{_SEP}seven(?P<digits>(?:{_SEP}(?:{_DIGIT})){{3}})\b",
    re.IGNORECASE,
)
# "one thirty over eighty four", "flexion one twenty": hundreds said as a digit and tens, in
# a blood pressure or an angle (elsewhere "one twenty" may be two numbers).
_SPOKEN_HUNDREDS = re.compile(rf"\b(?P<h>one|two)[ \t-]+(?P<tt>{_TWO_DIGITS})\b", re.IGNORECASE)
_PRESSURE_NEXT = re.compile(r"[ \t]+over\b", re.IGNORECASE)
# "twenty twenty-six", "nineteen ninety-eight", "twenty oh nine": a year said as two pairs of
# digits (a count of things said after it, "twenty twenty-foot laps", is two numbers).
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<c>nineteen|twenty)[ \t]+(?P<yy>oh[ \t-]+(?:{'|'.join(UNITS)})|{_TWO_DIGITS})\b"
    r"(?![ \t-]*(?:feet|foot|ft|minutes?|mins?|seconds?|degrees?|reps?|repetitions|times|"
    r"percent|pounds?|meters?|metres?|steps?|laps?|sets?)\b)",
    re.IGNORECASE,
)
_DEGREES_NEXT = re.compile(r"[ \t]+degrees?\b", re.IGNORECASE)
# "two thirty four percent" is two numbers: no angle or pressure is a percentage.
_PERCENT_NEXT = re.compile(r"[ \t]*(?:%|percent\b|per[ \t]+cent\b)", re.IGNORECASE)
_ANGLE_REACH = 30
# "extension minus five": a spoken minus sign before a spelled number.
_SPOKEN_MINUS = re.compile(rf"\bminus[ \t]+(?=(?:{_WORD})\b)", re.IGNORECASE)


def _special_pieces(text: str) -> list[_Spelled]:
    """Spoken codes and spoken hundreds, which plain number parsing would split apart."""
    pieces = []
    for match in led(_SPOKEN_CODE, "ninety|nine").finditer(text):
        if match.group("digits"):
            digits = [
                _DIGIT_WORDS[w.lower()] for w in re.findall(r"[a-z]+", match.group("digits"), re.I)
            ]
            value = "97" + "".join(str(d) for d in digits)
        elif match.group("tt"):
            value = (
                f"97{_DIGIT_WORDS[match.group('d').lower()]}{_two_digits(match.group('tt')):02d}"
            )
        else:
            value = "97" + "".join(
                str(_DIGIT_WORDS[match.group(g).lower()]) for g in ("d1", "d2", "d3")
            )
        pieces.append(_Spelled(match.start(), match.end(), value))
    pieces += [_Spelled(start, end, code) for start, end, code in spoken_codes(text)]
    for match in led(_SPOKEN_HUNDREDS, "one|two").finditer(text):
        if _PERCENT_NEXT.match(text, match.end()) or not (
            _PRESSURE_NEXT.match(text, match.end()) or _angle_said(text, match.start(), match.end())
        ):
            continue
        hundreds = 100 * UNITS[match.group("h").lower()]
        pieces.append(
            _Spelled(match.start(), match.end(), str(hundreds + _two_digits(match.group("tt"))))
        )
    for match in led(_SPOKEN_YEAR, "nineteen|twenty").finditer(text):
        century = 1900 if match.group("c").lower() == "nineteen" else 2000
        pieces.append(
            _Spelled(match.start(), match.end(), str(century + _two_digits(match.group("yy"))))
        )
    pieces += [
        _Spelled(m.start(), m.end(), "-") for m in led(_SPOKEN_MINUS, "minus").finditer(text)
    ]
    pieces += [_Spelled(s.start, s.end, s.value) for s in spoken_numbers(text)]
    kept: list[_Spelled] = []
    for piece in sorted(pieces, key=lambda piece: (piece.start, -piece.end)):
        if not kept or piece.start >= kept[-1].end:
            kept.append(piece)
    return kept


def _angle_said(text: str, start: int, end: int) -> bool:
    """A range-of-motion word shortly before, in the same clause, or "degrees" after."""
    if _DEGREES_NEXT.match(text, end):
        return True
    before = re.split(r"[,.;:\n]", text[max(0, start - _ANGLE_REACH) : start])[-1]
    return bool(words().rom_any.search(before))


def _two_digits(words: str) -> int:
    """The value of two digits said as words ("thirty four", "oh nine": the oh is a zero)."""
    return sum(_NUMBER_WORDS.get(w.lower(), 0) for w in re.findall(r"[A-Za-z]+", words))


_BOLD = re.compile(r"\*\*")
# "0→140°", "8→95°": an arrow from a small start to a large angle is a range of motion, not a
# change (an arrow elsewhere reads as "then"). One character for one: offsets do not move.
_ARROW_RANGE = re.compile(
    r"(?<![\d.])((?:[0-2]?\d|30)[ \t]*)[\u2192\u21d2\u2794]"
    r"(?=[ \t]*(?:[6-9]\d|1\d\d)[ \t]*(?:°|deg))"
)
_ARROWS = ("\u2192", "\u21d2", "\u2794")


_ARROW = re.compile("[\u2192\u21d2\u2794]")


def _arrow_ranges(text: str) -> str:
    """Ranges written with an arrow ("0→120°") written with a hyphen; a text with no arrow
    (most notes) is not searched at every position for one, and a text with arrows only at
    the digits and blanks before each (`_ARROW_RANGE.sub(r"\1-", text)`, the same result)."""
    if not any(arrow in text for arrow in _ARROWS):
        return text
    pieces: list[str] = []
    at = 0
    for match in search_at(_ARROW_RANGE, text, _arrow_starts(text)):
        pieces += (text[at : match.start()], match.group(1), "-")
        at = match.end()
    pieces.append(text[at:])
    return "".join(pieces)


def _arrow_starts(text: str) -> list[int]:
    """Every digit of the run of digits and blanks right before an arrow, ascending: where an
    arrow range can start."""
    starts: list[int] = []
    floor = 0
    for arrow in _ARROW.finditer(text):
        at = arrow.start() - 1
        run = []
        while at >= floor and (text[at] in " \t" or text[at].isdecimal()):
            if text[at].isdecimal():
                run.append(at)
            at -= 1
        starts += reversed(run)
        floor = arrow.start()
    return starts


@lru_cache(maxsize=16)
def normalize(text: str, languages: bool = True) -> Normalized:
    """Tables as sentences, typographic characters as ASCII, spelled-out numbers as digits,
    and (with `languages`) words of another language as English (languages.py).

    Each step keeps a map back to the text before it, and the maps are composed, so a span of
    the normalised text always points into the text the clinician wrote.
    """
    # markup first, so a pasted HTML table is a table to the layout readers
    unmarked, markup_map = _rewrite(text, markup_pieces(text))
    layout = _without_overlaps(_layout_pieces(unmarked))
    first, layout_map = _rewrite(unmarked, layout)
    first_map = _chained(markup_map, layout_map)
    # words of another language the note is written in, as English (languages.py)
    # (not for a draft written from the note, which keeps the clinician's language)
    english, english_map = _rewrite(first, translated(first) if languages else [])
    swapped = _char_swapped(_arrow_ranges(english))
    spelled = _merge(
        _special_pieces(swapped),
        [p for run in led(_RUN, _WORD).finditer(swapped) for p in _parse_run(run)],
    )
    words = [Piece(p.start, p.end, p.value, p.start, p.end) for p in spelled]
    digits, second_map = _rewrite(swapped, words)
    # punctuation said aloud as marks, what the speaker took back goes, then units said in
    # full are written short
    marked, marks_map = _rewrite(digits, spoken_mark_pieces(digits))
    corrected, third_map = _rewrite(marked, corrections(marked))
    final, fourth_map = _rewrite(corrected, spoken_units(corrected))
    offsets = first_map
    for later in (english_map, second_map, marks_map, third_map, fourth_map):
        offsets = _chained(offsets, later)
    labels, named = _restated(layout)
    for later in (english_map, second_map, marks_map, third_map, fourth_map):
        labels, named = carried_forward(labels, later), carried_forward(named, later)
    return Normalized(text=final, original=text, offsets=offsets, labels=labels, named=named)


def _char_swapped(text: str) -> str:
    """`text.translate(_CHAR_SWAPS)`: each typographic character as its ASCII one."""
    return _SWAPPED.sub(lambda found: _CHAR_SWAPS[ord(found.group())], text)


def _restated(pieces: list[Piece]) -> tuple[Spans, Spans]:
    """Where the numbers of the restated row names (`Restated` pieces) stand in the text the
    ordered, non-overlapping `pieces` write (each piece moves what follows by its length
    change): those standing alone, then those inside a word of the name."""
    alone: list[tuple[int, int]] = []
    named: list[tuple[int, int]] = []
    shift = 0
    for piece in pieces:
        if isinstance(piece, Restated):
            at = piece.start + shift
            for number in _LABEL_NUMBER.finditer(piece.value):
                found = named if _in_word(piece.value, number) else alone
                found.append((at + number.start(), at + number.end()))
        shift += len(piece.value) - (piece.end - piece.start)
    return tuple(alone), tuple(named)


def _in_word(text: str, number: re.Match[str]) -> bool:
    """A number written as part of a word: a letter right after it ("2MWT", "5xSTS") or right
    before it, a hyphen between ("T25FW", "MSWS-12")."""
    before = text[max(0, number.start() - 2) : number.start()]
    after = text[number.end() : number.end() + 1]
    return after.isalpha() or before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalpha())


def _layout_pieces(text: str) -> list[Piece]:
    """Tables as sentences, units moved out of keys, thousands run together, bold marks gone."""
    parents = parent_pieces(text)
    return (
        table_pieces(text)
        + keyed_pieces(text)
        + snake_key_pieces(text)
        + obx_pieces(text)
        + thousands_pieces(text)
        + decimal_comma_pieces(text)
        + hyphen_unit_pieces(text)
        + checkbox_pieces(text)
        + template_field_pieces(text)
        + dropdown_pieces(text)
        + parents
        + key_path_pieces(text, frozenset(piece.start for piece in parents))
        + shared_unit_pieces(text)
        + side_list_pieces(text)
        + joint_list_pieces(text)
        + dated_bracket_pieces(text)
        + empty_cell_pieces(text)
        + percentile_aside_pieces(text)
        + service_record_pieces(text)
        + export_case_pieces(text)
        + [Piece(m.start(), m.end(), "", m.start(), m.end()) for m in _BOLD.finditer(text)]
    )


def _without_overlaps(pieces: list[Piece]) -> list[Piece]:
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (p.start, p.end)):
        if kept and piece.start < kept[-1].end:
            continue
        kept.append(piece)
    return kept


def _rewrite(text: str, pieces: list[Piece]) -> tuple[str, RunMap | None]:
    """Apply ordered, non-overlapping pieces; None for the map when nothing changed."""
    if not pieces:
        return text, None
    out: list[str] = []
    offsets = RunMap()
    pos = 0
    for piece in pieces:
        out.append(text[pos : piece.start])
        offsets.copied(pos, piece.start - pos)
        out.append(piece.value)
        offsets.replaced(piece.src_start, max(piece.src_end, piece.src_start + 1), len(piece.value))
        pos = max(pos, piece.end)
    out.append(text[pos:])
    offsets.copied(pos, len(text) - pos)
    return "".join(out), offsets


def _chained(outer: RunMap | None, inner: RunMap | None) -> RunMap | None:
    """Positions mapped through `inner` (newest text -> middle) then `outer` (middle ->
    original), as one map."""
    if outer is None or inner is None:
        return outer or inner
    return composed(outer, inner)


def _merge(special: list[_Spelled], plain: list[_Spelled]) -> list[_Spelled]:
    """Plain numbers outside the special pieces, with the special pieces, in text order."""
    if not special:
        return plain
    # the special pieces do not overlap, so the last one starting before a plain number's end
    # is the only one that can reach into it
    starts = [s.start for s in special]
    kept = [p for p in plain if not _overlaps(special, bisect.bisect_left(starts, p.end) - 1, p)]
    return sorted(special + kept, key=lambda piece: piece.start)


def _overlaps(special: list[_Spelled], index: int, piece: _Spelled) -> bool:
    return index >= 0 and piece.start < special[index].end


def _parse_run(run: re.Match[str]) -> list[_Spelled]:
    """Split a run of number words into numbers ("thirty four" -> 34, "six seven" -> 6, 7)."""
    words = [
        (m.group().lower(), run.start() + m.start(), run.start() + m.end())
        for m in _TOKEN.finditer(run.group())
    ]
    numbers: list[_Spelled] = []
    current: list[tuple[str, int, int]] = []
    decimals: list[tuple[str, int, int]] = []
    in_decimals = False
    joined = False  # an "and" right before this word
    for word in words:
        name = word[0]
        if name == "and":
            joined = True
            continue
        if name == "point":
            in_decimals = bool(current)
            continue
        if in_decimals:
            decimals.append(word)
            continue
        if current and not _continues_after(current, name, joined=joined):
            numbers.append(_spelled(current, []))
            current = []
        current.append(word)
        joined = False
    if current:
        numbers.append(_spelled(current, decimals))
    return numbers


def _continues_after(words: list[tuple[str, int, int]], name: str, *, joined: bool) -> bool:
    """`_continues`, where an "and" between joins only after a scale ("one hundred and ten"):
    "between seventy and one hundred ten degrees" is 70 and 110, never 7110."""
    if joined and words[-1][0] not in _SCALES:
        return False
    return _continues(words, name)


def _continues(words: list[tuple[str, int, int]], name: str) -> bool:
    """True when `name` extends the number spelled by `words` ("thirty" + "four")."""
    last = words[-1][0]
    if name == "hundred" and any(w[0] in _SCALES for w in words):
        return False
    if name in _SCALES:
        return last not in _SCALES or _SCALES[name] > _SCALES[last]
    if last in _SCALES:
        return True
    if name in UNITS:
        return last in TENS
    return False


def _words_value(names: list[str]) -> int:
    total = 0
    current = 0
    for name in names:
        if name == "hundred":
            current = max(current, 1) * 100
        elif name == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            current += _NUMBER_WORDS[name]
    return total + current


def _spelled(words: list[tuple[str, int, int]], decimals: list[tuple[str, int, int]]) -> _Spelled:
    value = str(_words_value([w[0] for w in words]))
    end = words[-1][2]
    if decimals:
        value += "." + "".join(str(DECIMAL_DIGITS[w[0]]) for w in decimals)
        end = decimals[-1][2]
    return _Spelled(start=words[0][1], end=end, value=value)


def to_number(token: str) -> int | float:
    """A numeric token as int when it has no decimals, else float ("45.0" stays 45.0)."""
    return float(token) if "." in token else int(token)


def numbers_in(text: str) -> list[int | float]:
    """Every plain number written in a text (after normalising), in order."""
    return [to_number(m.group()) for m in ANY_NUMBER.finditer(normalize(text).text)]
