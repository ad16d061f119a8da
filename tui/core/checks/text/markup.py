"""Markup left in a pasted note read as the text it displays: HTML tags and entities, RTF
control words and escapes, a print's dot leaders and a pasted JSON export's lines.

An EHR's HTML or RTF export pasted as text keeps its markup ("R knee flex 95&deg;<br>",
"<td>6MWT</td><td>392 m</td>", "38{\\'b0}\\par"): a degree sign written as an entity is lost to
the readers, a table cell boundary is no boundary and a tag's attributes ("border=1") look like
values. Each piece of markup is rewritten as what it stands for: an entity as its character, a
line-breaking tag or an RTF paragraph as a line end, a table row as a pipe row (so the table
readers see its cells), other tags and control words as nothing. A note with no markup is
returned untouched; the search starts only at "<", "&", "{" or "\\" characters.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Mapping

from tui.core.checks.layouts.corrections import retracted_pieces, struck_pieces
from tui.core.checks.layouts.decimal_commas import unitless_decimal_pieces
from tui.core.checks.layouts.html_spans import heading_columns, spanned_columns, under_headings
from tui.core.checks.layouts.json_lines import json_line_pieces
from tui.core.checks.layouts.ocr_slips import broken_line_pieces, ocr_digit_pieces
from tui.core.checks.layouts.page_furniture import furniture_spans
from tui.core.checks.layouts.pair_rows import pair_row_pieces
from tui.core.checks.layouts.position_brackets import position_bracket_pieces
from tui.core.checks.layouts.quoted_scalars import quoted_scalar_pieces
from tui.core.checks.layouts.side_pairs import side_pair_pieces
from tui.core.checks.layouts.slash_loads import headed_run_pieces, slash_load_pieces
from tui.core.checks.layouts.stacked_fields import stacked_field_pieces
from tui.core.checks.layouts.time_pairs import time_pair_pieces
from tui.core.checks.layouts.value_first import value_first_pieces
from tui.core.checks.layouts.xml_elements import xml_element_pieces
from tui.core.checks.tables import markup_lists
from tui.core.checks.text.pieces import Piece

# A tag ("<br>", "</td>", '<table border="1">'), an entity ("&deg;", "&#176;", "&#xB0;"), an RTF
# hex escape ("\'b0"), an RTF control word with its optional number and one space ("\par ",
# "\fs22"), an RTF group brace, or a font table group, which holds no note text.
_MARKUP = re.compile(
    r"<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]*)\b[^<>\n]{0,200}?/?>"
    r"|&(?P<entity>#\d{1,6}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\'(?P<hex>[0-9A-Fa-f]{2})"
    r"|\{\\(?:fonttbl|colortbl|stylesheet|\*)[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}"
    r"|\\(?P<word>[a-z]{1,32})(?P<number>-?\d{1,10})?[ ]?"
    r"|(?P<brace>[{}])"
)
_TRIGGERS = ("<", "&", "\\", "{", "}")
_RTF = re.compile(r"\{\\rtf\d")


def _data() -> Mapping[str, frozenset[str]]:
    """markup.toml's lists (tags, control words), parsed once for this and the XML reader."""
    return markup_lists()


def markup_pieces(text: str) -> list[Piece]:
    """Rewrites for every piece of markup in `text`: none for a note without any. What the note
    struck through or a correction took back goes first, and no other rewrite reaches into it;
    a row written value first is turned round next (layouts/value_first.py), before its dots
    are read as a leader."""
    taken_back = _taken_back(text)
    xml = _outside(taken_back, xml_element_pieces(text))  # an XML export's elements as lines
    reordered = _outside(taken_back + xml, value_first_pieces(text))
    pieces = sorted(
        taken_back
        + xml
        + reordered
        + _outside(
            sorted(taken_back + xml + reordered, key=lambda piece: (piece.start, piece.end)),
            _outside_export(xml, _tag_pieces(text))
            + _leader_pieces(text)
            + _pair_mark_pieces(text)
            + _flow_mapping_pieces(text)
            + pair_row_pieces(text)
            + side_pair_pieces(text)
            + _slash_loads_and_time_pairs(text)
            + position_bracket_pieces(text)
            + json_line_pieces(text, _data()["json_bound_keys"])
            + unitless_decimal_pieces(text)
            + stacked_field_pieces(text)
            + quoted_scalar_pieces(text),
        ),
        key=lambda piece: (piece.start, piece.end),
    )
    return sorted(pieces + _outside(pieces, _ocr_pieces(text)), key=lambda p: (p.start, p.end))


def _outside_export(xml: list[Piece], pieces: list[Piece]) -> list[Piece]:
    """The HTML pieces of a note outside the XML export it holds: the export's own tags are its
    elements (layouts/xml_elements.py), but a web page's tags before or after it are still
    markup ("<b>Grip</b> R 22 kg" above a pasted export)."""
    if not xml:
        return pieces
    first, last = xml[0].start, max(piece.end for piece in xml)
    return [piece for piece in pieces if piece.end <= first or piece.start >= last]


def _ocr_pieces(text: str) -> list[Piece]:
    """The digits an OCR reading took for letters, and the line breaks that part a value from
    its name (layouts/ocr_slips.py), judged on the text with those digits read."""
    digits = ocr_digit_pieces(text)
    read = text
    if digits:
        chars = list(text)
        for piece in digits:
            chars[piece.start] = piece.value
        read = "".join(chars)
    return sorted(digits + broken_line_pieces(text, read), key=lambda p: (p.start, p.end))


def _slash_loads_and_time_pairs(text: str) -> list[Piece]:
    """The time pairs' words, and the slash loads' units on lines no time pair rewrote: a row
    under "(today / eval)" written "30 / 25 kg" is one time pair, and its unit is written after
    its first value once."""
    timed = time_pair_pieces(text)
    lines = {text.rfind("\n", 0, piece.start) for piece in timed}
    loads = [
        p
        for p in slash_load_pieces(text) + headed_run_pieces(text)
        if text.rfind("\n", 0, p.start) not in lines
    ]
    return timed + loads


def _taken_back(text: str) -> list[Piece]:
    """A paged export's furniture at its page breaks, the struck spans, and the values a
    correction retracts outside them: none of them is read."""
    furniture = [Piece(start, end, "", start, end) for start, end in furniture_spans(text)]
    struck = _outside(furniture, struck_pieces(text, _data()["struck_tags"]))
    gone = sorted(furniture + struck, key=lambda piece: (piece.start, piece.end))
    return gone + _outside(gone, retracted_pieces(text, struck))


def _outside(spans: list[Piece], pieces: list[Piece]) -> list[Piece]:
    """The pieces that touch none of the spans (both lists few; spans in text order)."""
    if not spans:
        return pieces
    starts = [span.start for span in spans]
    kept = []
    for piece in pieces:
        at = bisect_right(starts, piece.end) - 1
        near = spans[max(0, at - 1) : at + 1]
        if not any(span.start < piece.end and piece.start < span.end for span in near):
            kept.append(piece)
    return kept


def _pair_mark_pieces(text: str) -> list[Piece]:
    """A key and its value parted by a template's mark ("Pads/day :: 3"): the mark, with the
    spaces before it, is a colon. A mark inside a word ("std::vector") is text."""
    pieces: list[Piece] = []
    for mark in _data()["pair_marks"]:
        at = text.find(mark)
        while at >= 0:
            end = at + len(mark)
            start = at
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            keyed = start < at and start > 0 and text[start - 1] not in "\n:"
            if keyed and (end == len(text) or text[end] in " \t\r\n"):
                pieces.append(Piece(start, end, ":", start, end))
            at = text.find(mark, end)
    return pieces


# A YAML export's record written on its key's line ("hr: {rest: 76, peak: 132}"): an unquoted
# key, its colon, then braces closing the line around "field: value" pairs.
_FLOW_KEY = re.compile(r"(?:^|\n)[ \t]*(?:[-*][ \t]+)?[A-Za-z][\w .()/-]{0,60}?:[ \t]*\Z")
_FLOW_BODY = re.compile(r"\{(?P<body>[^{}\n]*?\b\w+:[ \t][^{}\n]*)\}[ \t\r]*\Z")


def _flow_mapping_pieces(text: str) -> list[Piece]:
    """A record of a YAML export written as a flow mapping on its key's line: its braces are
    layout, left out, so its fields read as a line of keys ("hr: rest: 76, peak: 132") and
    the readers of vital signs and keyed values meet no brace between a name and its value. An
    RTF document's braces are its groups (`_tag_pieces`)."""
    if _RTF.search(text):
        return []
    pieces: list[Piece] = []
    at = text.find("{")
    while at >= 0:
        # one record a line: the line's first brace only, so a line is read once
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        body = _FLOW_BODY.match(text, at, line_end)
        keyed = _FLOW_KEY.search(text, max(0, line_start - 1), at)
        if body is not None and keyed is not None:
            close = body.end("body")
            pieces += [
                Piece(at, at + 1, "", at, at + 1),
                Piece(close, close + 1, "", close, close + 1),
                *_fields_keyed(text, keyed, at, close),
            ]
        at = text.find("{", line_end)
    return pieces


def _fields_keyed(text: str, keyed: re.Match[str], start: int, end: int) -> list[Piece]:
    """Each field after a record's first written after the record's key, as its own line
    would ("hr: {seated: 82, after_walk: 104}" reads "hr: seated: 82, hr after_walk: 104"): a
    field names the moment or side of the key's value, never a measure of its own."""
    written = keyed.group().lstrip(" \t\n-*")
    key = written.rstrip(" \t:")
    key_start = keyed.end() - len(written)
    return [
        Piece(field.start(1), field.start(1), f"{key} ", key_start, key_start + len(key))
        for field in _NEXT_FIELD.finditer(text, start, end)
    ]


_NEXT_FIELD = re.compile(r",[ \t]*([A-Za-z]\w*:[ \t])")


# A print's dot leader between a row's name and its value ("Pain ........ 4/10", "MLD 25 min
# ......... 97140"): four dots or more, a colon once the dots are gone; an ellipsis ("...") is
# prose. A leader the print already closes with a colon ("Pain now......: 4/10"), or one before
# a bare count ("97112 neuro re-ed ..... 2", units that the billing reads as written), or on a
# charge line that opens with its code, is left.
_LEADER = re.compile(r"[ \t]*\.{4,}[ \t.]*")
_LEADER_DOTS = "...."
_BARE_COUNT = re.compile(r"\d{1,2}[ \t]*$")
# A value's shape, to find a row of the same print whose words ran over its leader
# ("Remedial exercises 8 min (wand, ball squeezes x20) 97110" under "...... 97140" rows).
# A billing code in a print's code column, and a time in minutes in the row's words.
_CODE = re.compile(r"(?:9\d{4}|G\d{4})")
_MINUTES = re.compile(r"(?<![\w.])\d{1,3}[ \t]*(?:min(?:ute)?s?|mins)\b", re.IGNORECASE)
# A charge line that opens with its code ("97165 OT eval x1 ....... 40 min"), read by the
# billing as written
_CHARGE_LINE = re.compile(r"[ \t]*(?:[-*][ \t]*)?(?:\(?[xX ]\)[ \t]*)?(?:9\d{4}|G\d{4})\b")
_LAST_WORD = re.compile(r"(?<=[A-Za-z)\]])[ \t]+(\d{4,6})[ \t]*$")


def _leader_pieces(text: str) -> list[Piece]:
    """Rewrites for every dot leader that stands between words and a value on its line, and for
    a row of the same print whose words overran its leader."""
    pieces: list[Piece] = []
    led: list[tuple[int, int, str]] = []  # each leader row: its line, and its value's shape
    at = text.find(_LEADER_DOTS)
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] in " \t.":
            start -= 1
        match = _LEADER.match(text, start)
        end = match.end() if match else at + len(_LEADER_DOTS)
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        value = text[end:line_end]
        named = start > 0 and text[start - 1] not in "\n:"
        if match and named and value.strip() and value[:1] not in ":=":
            line_start = text.rfind("\n", 0, start) + 1
            charge = bool(_CHARGE_LINE.match(text, line_start, start))
            if not _BARE_COUNT.fullmatch(value) and not charge:
                code = (end, end + len(value.rstrip()))
                moved = _code_by_minutes(text, line_start, start, code)
                if moved is not None:  # None: several times before one code, left as written
                    pieces += moved or [Piece(start, end, ": ", start, end)]
            led.append((line_start, line_end, _shape(value)))
        at = text.find(_LEADER_DOTS, end)
    return pieces + _overrun_rows(text, led)


def _code_by_minutes(
    text: str, row_start: int, value_start: int, code: tuple[int, int]
) -> list[Piece] | None:
    """A services print's row ("MLD 25 min (neck, axilla) ........ 97140"): the code in its
    column is written beside the row's one time ("MLD 25 min (97140) (neck, axilla)"), where a
    service's code is read; nothing when the value is no code or the row has no time, and None
    (the row left as written) when it has several times."""
    if not _CODE.fullmatch(text[code[0] : code[1]]):
        return []
    times = list(_MINUTES.finditer(text, row_start, value_start))
    if len(times) > 1:
        return None
    if not times:
        return []
    after = times[0].end()
    return [
        Piece(after, after, f" ({text[code[0] : code[1]]})", code[0], code[1]),
        Piece(value_start, code[1], "", value_start, code[1]),
    ]


def _shape(value: str) -> str:
    """ "97140" as "ddddd": the shape a value of a print's column takes."""
    return re.sub(r"\d", "d", value.strip())


def _overrun_rows(text: str, led: list[tuple[int, int, str]]) -> list[Piece]:
    """The line right after a leader row that ends in a value of the leader rows' shape, after
    words and no leader: its value opens with a colon as theirs do."""
    pieces: list[Piece] = []
    rows = {start for start, _, _ in led}
    for _, line_end, shape in led:
        start = line_end + 1
        if start >= len(text) or start in rows:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = _LAST_WORD.search(text, start, end)
        if found and _shape(found.group(1)) == shape and _LEADER_DOTS not in text[start:end]:
            moved = _code_by_minutes(text, start, found.start(), found.span(1))
            if moved is not None:
                pieces += moved or [
                    Piece(found.start(), found.start(1), ": ", found.start(), found.start(1))
                ]
    return pieces


def _tag_pieces(text: str) -> list[Piece]:
    """Rewrites for every HTML tag, entity or RTF control of the text."""
    if not any(trigger in text for trigger in _TRIGGERS):
        return []
    rtf = bool(_RTF.search(text))
    pieces: list[Piece] = []
    end = 0
    for start in _trigger_positions(text, _TRIGGERS if rtf else _TRIGGERS[:2]):
        if start < end:
            continue
        match = _MARKUP.match(text, start)
        if match is None:
            continue
        value = _value(text, match, rtf)
        if value is not None:
            end = _part_end(text, match)
            pieces.append(Piece(match.start(), end, value, match.start(), end))
    return pieces


def _part_end(text: str, match: re.Match[str]) -> int:
    """Where a piece of markup ends: a table part's tag takes the blanks after it along."""
    tag = match.group("tag")
    if tag is None or tag.lower() not in _data()["part_tags"]:
        return match.end()
    end = match.end()
    while end < len(text) and text[end] in " \t\r\n":
        end += 1
    return end


def _trigger_positions(text: str, triggers: tuple[str, ...]) -> list[int]:
    """Where each trigger character is, found by `str.find` (a regular expression tried at
    every position of a long note costs more than the rest of normalising)."""
    found: list[int] = []
    for trigger in triggers:
        at = text.find(trigger)
        while at >= 0:
            found.append(at)
            at = text.find(trigger, at + 1)
    return sorted(found)


def _value(text: str, match: re.Match[str], rtf: bool) -> str | None:
    """What a piece of markup displays, or None when it is text after all ("<3 reps", "S&C")."""
    if match.group("tag"):
        return _tag(text, match)
    if match.group("entity"):
        shown = html.unescape(match.group())
        return None if shown == match.group() else shown
    if not rtf:
        return None
    if match.group("hex"):
        return bytes([int(match.group("hex"), 16)]).decode("cp1252", errors="replace")
    word = match.group("word")
    if word is None:
        return ""  # a brace, or a font or colour table
    if word in _data()["rtf_line"]:
        return "" if text.startswith("\n", match.end()) else "\n"
    if word in _data()["rtf_tab"]:
        return "\t"
    if word in _data()["rtf_bullet"]:
        return "-"
    return ""


def _tag(text: str, match: re.Match[str]) -> str | None:
    """A table cell opens a pipe cell, a row's end closes the row with a pipe and a line end,
    a block tag ends a line (unless the line ends there already), an inline tag is nothing; a
    name that is no HTML tag ("<5 reps") is text."""
    name = match.group("tag").lower()
    closing = bool(match.group("close"))
    data = _data()
    if name in data["cell_tags"]:
        # a merged cell ("colspan=2") is followed by the empty cells it spans
        return " " + "| " * (spanned_columns(text, match.start()) - 1) if closing else "| "
    if name in data["row_tags"]:
        if not closing:
            return ""
        heads = _header_cells(text, match.start())
        rule = "\n|" + "---|" * heads if heads else ""
        return "|" + rule + _line_end(text, match.end())
    if name in data["list_tags"] and not closing:
        return _line_start(text, match.start()) + "- "
    if name in data["block_tags"] or name in data["list_tags"]:
        return (
            _line_end(text, match.end())
            if closing or name == "br"
            else _line_start(text, match.start())
        )
    if name in data["inline_tags"] or name in data["part_tags"]:
        return ""
    return None


def _header_cells(text: str, end: int) -> int:
    """How many heading cells the row closing at ``end`` holds when all its cells are headings
    (``<th>``), else 0: such a row is the table's header, and a pipe table needs the rule
    under it for its columns ("Today", "Initial 12/02") to head the values below."""
    start = max(text.rfind("<tr", 0, end), text.rfind("<TR", 0, end))
    row = text[start:end] if start >= 0 else ""
    if start >= 0 and under_headings(text, start):
        return 0  # a second row of headings: the first row's rule heads both
    return heading_columns(row)


def _line_end(text: str, end: int) -> str:
    """A line end after a closing tag, unless the line ends there already."""
    return "" if text.startswith(("\n", "\r"), end) or end == len(text) else "\n"


def _line_start(text: str, start: int) -> str:
    """A line end before an opening tag, unless a line starts there already."""
    return "" if start == 0 or text[start - 1] == "\n" else "\n"
