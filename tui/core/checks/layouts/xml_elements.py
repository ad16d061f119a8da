"""An EHR's XML export pasted into a note, read as the lines a clinician reads in it.

An export writes a reading as an element whose path and attributes say what it measures:
'<ROM joint="knee" side="L" motion="flexion" value="112" unit="deg" previous="104"/>' is the
left knee's flexion, 112 degrees, 104 at an earlier visit; '<Charge cpt="97110"
minutes="24" units="2">' a service with its minutes and units billed; '<Score>41</Score>' beside
'<Name>Berg</Name>' the Berg's score. Read as prose the attributes run together and the
schema's numbers (a version, an NPI, a norm) look like values. Each element is written as a
note's line ("ROM knee L flexion: 112°, previous 104°", "97110 Therapeutic exercise: 24 min,
units: 2", "Berg: 41/56"): attributes and child elements are the record's fields, sorted by
what their keys name (data/exports.toml [xml]); a reference value (norm, goal, cut-off) and a
field of no reading (an identifier, a count of steps) are left out. A leaf's text stays where it
is, its tags written as its name and its unit. Exports are often not well-formed, so the tags
are read with a tolerant pattern, not a parser: an unclosed element is a container, a stray
closing tag nothing. Namespaces' prefixes and CDATA's markers are left out; comments and
processing instructions are nothing. One pass over the tags: linear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from tui.core.checks.layouts.export_words import export_words
from tui.core.checks.tables import keyed_units, markup_lists
from tui.core.checks.text.pieces import Piece

_TAG = re.compile(
    r"<!--.{0,4000}?-->|<\?.{0,400}?\?>|<!DOCTYPE[^>]{0,400}>|<!\[CDATA\[|\]\]>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]{0,60})"
    r"(?P<attrs>(?:[^<>\"']|\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'){0,600}?)(?P<self>/)?>",
    re.DOTALL,
)
_ATTR = re.compile(
    r"(?P<key>[A-Za-z_][\w.:-]*)[ \t]*=[ \t]*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'"
    r"|(?P<bare>[^\s\"'>/]+))"
)
# A reading: a number, a grade, a fraction or a blood pressure, maybe with a short unit.
_READING = re.compile(
    r"[<>~]?-?\d+(?:\.\d+)?(?:[+-](?!\d))?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?(?:[+-](?!\d))?)*"
    r"(?:[ \t]*(?:%|\u00b0|[A-Za-z]{1,5}(?:/[A-Za-z]{1,3})?))?"
)
_BILLING_CODE = re.compile(r"(?:\d{5}|[A-Z]\d{4})")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+[A-Za-z]*")
_CDATA_OPEN = "<![CDATA["
_CDATA_CLOSE = "]]>"
# Where a leaf's own text stands in the record written for it: its tags are what is around.
_SLOT = "\0"


@dataclass
class _Frame:
    """An element opened and not yet closed: its name, fields, where its tag is, and where
    the pieces of what it holds begin in the one list of pieces (`mark`): they stand there
    until it closes, and are dropped when it is read as one record. Kept in one list, not
    handed up a list a level, a piece is moved never, so a deep export costs no more per
    element."""

    name: str
    attrs: list[tuple[str, str]]
    start: int
    end: int
    mark: int
    unit: str | None  # the unit its readings are in: its own unit field's, or its parent's
    leaves: list[tuple[str, str]] = field(default_factory=list)
    children: int = 0


class _Open(list[_Frame]):
    """The elements open, innermost last, with how many of each name: a closing tag with no
    element of its name open is known as stray at once (a search of every open element per
    stray tag would make a note of unclosed elements and stray tags quadratic)."""

    def __init__(self, latest: int | None = None) -> None:
        super().__init__()
        self._named: Counter[str] = Counter()
        self.latest = latest  # the export's latest visit by number (`_latest_visit`)

    def open(self, frame: _Frame) -> None:
        self.append(frame)
        self._named[frame.name] += 1

    def close_last(self) -> _Frame:
        frame = self.pop()
        self._named[frame.name] -= 1
        return frame

    def holds(self, name: str) -> bool:
        return self._named[name] > 0


@cache
def _words(name: str) -> tuple[str, ...]:
    return export_words("xml", name)


@cache
def _reference_words() -> frozenset[str]:
    return frozenset(export_words("reference_keys", "words"))


@cache
def _html_tags() -> frozenset[str]:
    """The HTML tags markup.toml lists (its `*_tags` lists): an export holds names of none."""
    return frozenset(
        tag for key, tags in markup_lists().items() if key.endswith("_tags") for tag in tags
    )


def xml_element_pieces(text: str) -> list[Piece]:
    """Pieces writing every element of a pasted XML export as a note's line; none for a text
    that holds no such export (HTML is markup.py's)."""
    if "<" not in text or not _is_export(text):
        return []
    out: list[Piece] = []
    stack = _Open(_latest_visit(text))
    for tag in _TAG.finditer(text):
        _read_tag(text, tag, stack, out)
    while stack:  # elements never closed: containers
        _flush(stack.pop(), stack, out, [])
    # the pieces stand in the order they were settled; each has a span of its own
    return sorted(out, key=lambda piece: (piece.start, piece.end))


def _is_export(text: str) -> bool:
    """An XML declaration, or three tags or more of names no HTML tag has, each closing an
    element, closing itself or holding an attribute, and more of them than of HTML's (a
    pasted web page is markup.py's; a heading in chevrons, "<<PLAN>>", is no tag)."""
    if "<?xml" in text:
        return True
    html = _html_tags() | set(_words("html_names"))
    names = [
        _local(tag["name"]).lower()
        for tag in _TAG.finditer(text)
        if tag["name"] and (tag["close"] or tag["self"] or "=" in tag["attrs"])
    ]
    others = sum(1 for name in names if name not in html)
    return others >= 3 and others > len(names) - others


def _local(name: str) -> str:
    """A name without its namespace's prefix ("hl7:Observation": "Observation")."""
    return name.rsplit(":", 1)[-1]


def _read_tag(text: str, tag: re.Match[str], stack: _Open, out: list[Piece]) -> None:
    """One tag, comment or marker: an opening tag opens a frame, a closing tag closes its
    frame, an element closing itself is a record of its attributes."""
    start, end = tag.span()
    gone = Piece(start, end, "", start, end)
    if tag["name"] is None:
        out.append(gone)  # a comment, a declaration, CDATA's markers
        return
    name = _local(tag["name"])
    if tag["close"]:
        if not stack.holds(name):
            out.append(gone)
            return
        while stack[-1].name != name:
            _flush(stack.close_last(), stack, out, [])
        _close(text, stack.close_last(), stack, out, gone)
        return
    attrs = _earlier_visits(_attributes(tag["attrs"]), stack.latest)
    if stack:
        stack[-1].children += 1
    if tag["self"]:
        line = _record(name, attrs, None, stack)
        out.append(Piece(start, end, line, start, end))
        return
    own = next((value for key, value in attrs if _kind(key, value) == "unit"), None)
    unit = own if own is not None else _inherited(stack)
    stack.open(_Frame(name, attrs, start, end, len(out), unit))


def _numbered_visit(key: str, value: str) -> int | None:
    """The number of the visit a timepoint field names ('visit="6"'), or None."""
    if value.isdecimal() and _key_phrase(key) in _words("timepoint_keys"):
        return int(value)
    return None


def _latest_visit(text: str) -> int | None:
    """The latest visit an export's elements name by number ('<measure visit="1">' and
    '<measure visit="6">': visit 6), or None when they name fewer than two visits."""
    numbers = {
        number
        for tag in _TAG.finditer(text)
        for key, value in _attributes(tag["attrs"] or "")
        if (number := _numbered_visit(key, value)) is not None
    }
    return max(numbers) if len(numbers) > 1 else None


def _earlier_visits(attrs: list[tuple[str, str]], latest: int | None) -> list[tuple[str, str]]:
    """An element of a visit numbered before the export's latest ('visit="1"' beside
    'visit="6"') was read at that earlier visit: its field is written as "previous", so the
    reading is one (CONVENTIONS.md); the latest visit's readings are today's."""
    if latest is None:
        return attrs
    return [
        (key, "previous")
        if (n := _numbered_visit(key, value)) is not None and n < latest
        else (key, value)
        for key, value in attrs
    ]


def _attributes(written: str) -> list[tuple[str, str]]:
    """An element's attributes, namespace declarations left out."""
    found = []
    for attr in _ATTR.finditer(written):
        key = attr["key"]
        if key.startswith("xmlns") or ":" in key:
            continue
        value = attr["dq"] if attr["dq"] is not None else attr["sq"] or attr["bare"] or ""
        found.append((key, value.strip()))
    return found


def _close(text: str, frame: _Frame, stack: list[_Frame], out: list[Piece], tag: Piece) -> None:
    """An element closed: a leaf is written as its name and its text; an element holding only
    leaves, one of them a reading, as one record; any other as its children."""
    if not frame.children:
        inner = text[frame.end : tag.start].replace(_CDATA_OPEN, "").replace(_CDATA_CLOSE, "")
        if stack:
            stack[-1].leaves.append((frame.name, inner.strip()))
        head, tail = _leaf(frame.name, frame.attrs, inner.strip(), stack)
        out.append(Piece(frame.start, frame.end, head, frame.start, frame.end))
        out.append(Piece(tag.start, tag.end, tail, tag.start, tag.end))
        return
    merged = _merged(frame, stack)
    if merged is not None:
        del out[frame.mark :]  # its children's pieces: the record writes them
        out.append(Piece(frame.start, tag.end, merged, frame.start, tag.end))
        return
    _flush(frame, stack, out, [tag])


def _flush(frame: _Frame, stack: list[_Frame], out: list[Piece], closing: list[Piece]) -> None:
    """A container: its opening tag written as a record of its attributes, its children as
    they are, its closing tag nothing."""
    line = _record(frame.name, frame.attrs, None, stack)
    out.append(Piece(frame.start, frame.end, line, frame.start, frame.end))
    out += closing


def _merged(frame: _Frame, stack: list[_Frame]) -> str | None:
    """An element whose children are leaves naming a reading ("<Name>Berg</Name><Score>41
    </Score><Max>56</Max>") or a charge ("<Code>97110</Code><Minutes>26</Minutes>"), written as
    one record; None when no child is a reading or a code, or a child holds elements of its
    own."""
    if not frame.leaves or len(frame.leaves) != frame.children:
        return None
    fields = [*frame.attrs, *frame.leaves]
    if not any(_kind(key, value) in ("value", "code") for key, value in frame.leaves):
        return None
    return _record(frame.name, fields, None, stack)


def _leaf(
    name: str, attrs: list[tuple[str, str]], inner: str, stack: list[_Frame]
) -> tuple[str, str]:
    """A leaf's opening and closing tags as words: its name before its text, its unit and
    earlier values after a reading; a leaf of prose keeps only its text after its name."""
    if _READING.fullmatch(inner):
        line = _record(name, [*attrs, ("value", _SLOT)], None, stack)
        if _SLOT in line:
            head, tail = line.split(_SLOT, 1)
            return head, tail
        return "", ""
    if _key_words(name) & set(_words("prose_tags")):
        return "", ""
    return f"{_display(name)}: " if inner else "", ""


def _key_words(key: str) -> set[str]:
    return {word.lower() for word in _CAMEL.findall(key)}


def _key_phrase(key: str) -> str:
    return " ".join(word.lower() for word in _CAMEL.findall(key))


def _display(key: str) -> str:
    """A tag or key as words ("OutcomeMeasure": "Outcome Measure", "ROM": "ROM")."""
    return " ".join(_CAMEL.findall(key)) or key


def _kind(key: str, value: str) -> str:
    """What a field holds, by its key's words and its value's shape."""
    if value == _SLOT:
        return "value"
    phrase, words = _key_phrase(key), _key_words(key)
    reading = bool(_READING.fullmatch(value))
    if words & _reference_words():
        return "reference"
    when = _timepoint(value) if phrase in _words("timepoint_keys") and not reading else ""
    if when:
        return when
    if phrase in export_words("service_records", "code_keys") and _BILLING_CODE.fullmatch(value):
        return "code"
    if phrase in export_words("service_records", "minute_keys") and value.isdecimal():
        return "minutes"
    if phrase in _words("count_keys") and value.isdecimal():
        return "units"
    if phrase in _words("unit_keys") and not reading:
        return "unit"
    if phrase in _words("bound_keys") and reading:
        return "bound"
    if words & set(_words("earlier_words")):
        return "earlier" if reading and "date" not in words else "none"
    if phrase in _words("value_keys") and reading:
        return "value"
    if phrase in _words("name_keys") and not reading:
        return "name"
    if phrase in _words("header_keys"):
        return "header"
    if value and not value[0].isdigit() and len(value) <= 40 and not reading:
        return "descriptor"
    return "none"


def _timepoint(value: str) -> str:
    """What a field saying when a reading was taken makes of it: "taken earlier" for an
    earlier visit ("previous", "initial evaluation"), "aimed" for a goal or a norm ("goal");
    "" for any other ("current", "worst past week"), which is read as any other field."""
    said = _key_words(value) | {word.lower() for word in value.split()}
    if said & set(_words("earlier_times")):
        return "taken earlier"
    if said & _reference_words():
        return "aimed"
    return ""


def _record(name: str, fields: list[tuple[str, str]], unit: str | None, stack: list[_Frame]) -> str:
    """An element's fields as a note's line: a service, a reading, or the element's header
    fields; nothing when it holds none, nor for a reading a field says is a goal or a norm
    (a reading a field says was taken at an earlier visit is written "(previous)")."""
    sorted_fields: dict[str, list[str]] = {}
    for key, value in fields:
        sorted_fields.setdefault(_kind(key, value), []).append(value)
    if "aimed" in sorted_fields:
        return ""
    codes = sorted_fields.get("code", [])
    if len(codes) == 1:
        return _service(codes[0], fields, sorted_fields)
    values = sorted_fields.get("value", [])
    if len(values) != 1:
        header = [f"{_key_phrase(k)} {v}" for k, v in fields if _kind(k, v) == "header"]
        return f"{_display(name)}: {', '.join(header)}" if header else ""
    words = _key_words(name)
    named = [*sorted_fields.get("name", []), *sorted_fields.get("descriptor", [])]
    own = [] if named and words & set(_words("generic_tags")) else [_display(name)]
    if not named and words <= set(export_words("key_paths", "child_words")):
        own = [*_parents(stack), *own]
    unit = unit or next(iter(sorted_fields.get("unit", [])), None) or _inherited(stack)
    written = _with_unit(values[0], sorted_fields.get("bound", []), unit)
    earlier = [f", previous {_with_unit(v, [], unit)}" for v in sorted_fields.get("earlier", [])]
    when = " (previous)" if "taken earlier" in sorted_fields else ""
    return f"{' '.join([*own, *named])}{when}: {written}{''.join(earlier)}"


def _service(code: str, fields: list[tuple[str, str]], sorted_fields: dict[str, list[str]]) -> str:
    """A charge: its code, its description, its minutes and the units billed."""
    described = " ".join(sorted_fields.get("descriptor", []) + sorted_fields.get("name", []))
    line = f"{code} {described}".rstrip()
    minutes = sorted_fields.get("minutes", [])
    if len(minutes) == 1:
        line += f": {minutes[0]} min"
    units = sorted_fields.get("units", [])
    if len(units) == 1:
        line += f", units: {units[0]}"
    return line


def _with_unit(value: str, bounds: list[str], unit: str | None) -> str:
    """A value with its scale's maximum ("3/10") or its unit ("112°", "42.5 cm")."""
    if value == _SLOT:
        return value + (f"/{bounds[0]}" if bounds else _unit_text(unit))
    if bounds and "/" not in value:
        return f"{value}/{bounds[0]}"
    if unit is None or not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return value
    return value + _unit_text(unit)


def _unit_text(unit: str | None) -> str:
    if not unit:
        return ""
    return keyed_units().get(unit.lower(), f" {unit}")


def _parents(stack: list[_Frame]) -> list[str]:
    """The nearest ancestor's name, when it names a measure and not a part of the export."""
    sections = set(export_words("key_paths", "section_words"))
    for frame in reversed(stack):
        if _key_phrase(frame.name) in sections:
            continue
        named = [v for k, v in frame.attrs if _kind(k, v) == "name"]
        return [_display(frame.name), *named]
    return []


def _inherited(stack: list[_Frame]) -> str | None:
    """A unit an ancestor's attribute gives all its readings ('<Grip unit="kg">'): the nearest
    one's, which each frame kept as it opened (a walk up the open elements per reading would
    make a deep export quadratic)."""
    return stack[-1].unit if stack else None
