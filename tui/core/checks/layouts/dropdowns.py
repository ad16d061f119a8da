"""Fields of an EHR form printed with their boxes: a drop-down ("Pain now: [ 3 ▼]/10", "flex
[ 118 ▾]°", or without its box, "Pain level (select): 7 ▼") and a box of figures ("97110
[ 23 ]").

The form's value is what the box holds: a clinician reads "[ 3 ▼]/10" as "3/10". Each filled box
is written as its value alone, where the box wrote it, so a printed table's column still
holds it; a drop-down closes up to a unit after it ("3/10"), a box of figures keeps its width
so the columns after it stay put. An empty box ("[   ▼]", "[    ]") stays as it is and gives no
value. A box of figures needs a space inside each bracket, so a footnote mark or a citation
("[1]") is no field. The marks are data (markup.toml [dropdowns]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import markup_section, str_list
from tui.core.checks.text.pieces import Piece


@cache
def arrow_marks() -> str:
    """The marks that close a drop-down field; such a field is this module's to read."""
    return "".join(str_list(markup_section("dropdowns").get("arrows")))


@cache
def _field() -> re.Pattern[str]:
    arrows = re.escape(arrow_marks())
    # a drop-down: "[", its value, an arrow mark, "]"; a box of figures: "[ 23 ]", spaces in it;
    # a drop-down printed without its box, a number and the arrow ("Pain level (select): 7 ▼")
    return re.compile(
        rf"\[[ \t]*(?P<chosen>[^\[\]\n{arrows}]*?[^\s\[\]{arrows}])[ \t]*[{arrows}][ \t]*\]"
        r"|\[[ \t]+(?P<figures>\d+(?:\.\d+)?)[ \t]+\]"
        rf"|(?<![\w.\[])(?P<bare>\d{{1,4}}(?:\.\d+)?)[ \t]*[{arrows}](?![ \t]*\])"
    )


def dropdown_pieces(text: str) -> list[Piece]:
    """Pieces writing each filled drop-down or box of figures as the value it holds."""
    if not _signs(text):
        return []
    pieces: list[Piece] = []
    for field in _field().finditer(text):
        group = next(
            name for name in ("chosen", "figures", "bare") if field.group(name) is not None
        )
        value = field.group(group)
        start, end = field.span(group)
        written = " " * (start - field.start()) + value
        if group == "figures":  # a table's cell: its width kept, so the columns after stay put
            written = written.ljust(field.end() - field.start())
        pieces.append(Piece(field.start(), field.end(), written, start, end))
    return pieces


def _signs(text: str) -> bool:
    """A form's boxes are in the text: an arrow mark or a bracket with a space inside."""
    return any(arrow in text for arrow in arrow_marks()) or "[ " in text
