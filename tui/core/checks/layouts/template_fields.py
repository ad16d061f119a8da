"""A templated EHR note's fields, filled in brackets: "Rating [2]/10 at rest", "Berg Balance
Scale: [38]/56", "97116 Gait training ..... [15] min", "L knee AROM: [5]-[96] deg".

A clinician reads the template's brackets as the boxes the values were typed into and reads
"Rating 2/10", "[15] min" as fifteen minutes; the readers meet a bracket between a name and its
number and read nothing. In a note holding several such fields (data/exports.toml
[template_fields] min_fields) each field's brackets are left out, its content read as written.
A bracket right after a value ("Berg 44/56 [41/56]", "TUG 11.9 s [24.3 s]") is a legend's
earlier value, no field, and is left as it is; so are check boxes ("[X]", "[ ]"), fields left
blank ("[  ] min": nothing was typed, so nothing is read) and a bracketed line standing alone
(a heading such as "[Treatment Encounter Note]"). Each bracket is looked at once: linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.dropdowns import arrow_marks
from tui.core.checks.layouts.export_words import export_table
from tui.core.checks.text.pieces import Piece

# A field: brackets around up to 60 characters of one line, no bracket inside.
_FIELD = re.compile(r"\[(?P<content>[^\[\]\n]{1,60})\]")
# A check box's content, ticked or not, or a field left blank.
_NOT_FILLED = re.compile(r"[ \t_.xX\u2713\u2714*]*")
# A field left blank ("[    ]", "[ __ ]", "[   /   ]"): wider than a check box's one blank.
_BLANK = re.compile(r"[ \t_./]{2,}")
# The text before a legend's bracket ends on a value: a number maybe with its unit.
_AFTER_VALUE = re.compile(
    r"(?:^|[\s(:])[<>~]?-?\d[\d.,/+-]*(?:[ \t]*(?:%|\u00b0|[A-Za-z]{1,5}))?[ \t]*\Z"
)
# How far back a legend's value is looked for: the text just before the bracket.
_REACH = 24


@cache
def _min_fields() -> int:
    return int(export_table("template_fields").get("min_fields", 3))


def template_field_pieces(text: str) -> list[Piece]:
    """Pieces leaving out the brackets of every filled field of a templated note; none when
    the note holds fewer fields, filled or left blank, than a template does."""
    if "[" not in text:
        return []
    found = list(_FIELD.finditer(text))
    fields = [field for field in found if _filled(text, field)]
    if len(fields) + sum(1 for field in found if _BLANK.fullmatch(field["content"])) < (
        _min_fields()
    ):
        return []
    pieces: list[Piece] = []
    for field in fields:
        # a field padded with blanks ("[ 3 ] /10") is read as typed: "3 /10"
        content = field["content"]
        first = field.start() + 1 + len(content) - len(content.lstrip())
        closed = field.end() - 1 - (len(content) - len(content.rstrip()))
        pieces.append(Piece(field.start(), first, "", field.start(), first))
        pieces.append(Piece(closed, field.end(), "", closed, field.end()))
    return pieces


def _filled(text: str, found: re.Match[str]) -> bool:
    """A bracket holding what was typed into a field: not a check box, not blank, not a
    legend's earlier value after a value, not a line of its own."""
    if _NOT_FILLED.fullmatch(found["content"]):
        return False
    if any(mark in found["content"] for mark in arrow_marks()):
        return False  # a drop-down: layouts/dropdowns.py writes it as the value it holds
    if _line_edge(text, found.start(), -1) and _line_edge(text, found.end(), 1):
        return False
    before = text[max(0, found.start() - _REACH) : found.start()].rsplit("\n", 1)[-1]
    return _AFTER_VALUE.search(before) is None


def _line_edge(text: str, at: int, step: int) -> bool:
    """Only blanks between `at` and the line's start (step -1) or end (step 1): looked at over
    the blanks alone, so a long line is not walked once per field."""
    at = at - 1 if step < 0 else at
    while 0 <= at < len(text) and text[at] in " \t\r":
        at += step
    return not 0 <= at < len(text) or text[at] == "\n"
