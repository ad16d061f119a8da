"""A table's caption: the line right above it naming what its values measure and their unit.

A flowsheet prints "CIRCUMFERENTIAL MEASURES (cm), tape every 4 cm" over a grid of bare numbers
whose headings are only sides and times ("Level | L arm | R arm | L eval"): the caption is what
makes 24.6 a girth in centimetres. Only a caption that writes a unit in brackets (a keyed unit
of measures.toml) is read, and only its first words (before a comma or the bracket) name the
measure; a section label ("O:") is left out. A Markdown heading is a caption even across the
blank line Markdown writes after it, and so is a line ending in a colon ("Edema, tape measures
(cm):", a blank line, the table) or a line saying a tape took the values ("Circumferential
measurements, tape, every 4 cm from the ulnar styloid."). A caption ending in a colon (or a
heading, or a tape's line) that names a measure of columns.toml [captions] without a unit gives
the rows that measure's word only. A unit may be
the last item of a longer bracket ("Girth (tape from the medial malleolus, cm)"), and a caption
whose first words name no measure gives the measure it names further on ("Figure-8 and tape
girths R / L (cm)" measures girths). A caption that says the values were taken with a tape is
marked, so a table whose rows are tape positions reads them as circumferences (mdtables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.layouts.columns import caption_measure, caption_singular, caption_tape
from tui.core.checks.layouts.keyed import unit_written
from tui.core.checks.tables import keyed_units

_MAX_WORDS = 3
_SECTION = re.compile(r"^[ \t]*[A-Za-z]{1,12}[ \t]*:[ \t]*")
_WORDS = re.compile(r"^[A-Za-z][A-Za-z -]*")
_ACRONYM = re.compile(r"[A-Z]{2,3}")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_SECTION_HEADING = re.compile(r"^[ \t]{0,3}#{1,2}[ \t]+")
# The last item of a bracket listing more than a unit: "(tape from the ulnar styloid, cm)",
# "(goniometry, active, in degrees)"; or of a caption listing it without a bracket
# ("Goniometry, active, degrees").
_LAST_ITEM = re.compile(r"[,;][ \t]*(?:in[ \t]+)?([^,;()\n]{1,8}?)[ \t]*(?:\)|:?[ \t]*$)")
# The first item of such a bracket: "(cm, limb length 88 cm)".
_FIRST_ITEM = re.compile(r"\([ \t]*([^,;()\n]{1,8}?)[ \t]*[,;][^()\n]*\)")


@dataclass(frozen=True)
class Caption:
    """The measure a caption names (its first words) and the unit it gives bare values."""

    words: str
    unit: str
    taped: bool = False  # the caption says a tape measured the values


def caption_start(text: str, table_start: int) -> int | None:
    """Where the caption of a table starting at `table_start` begins (its line, or a Markdown
    heading's line above the blank line after it), when the table has one."""
    if caption(text, table_start) is None:
        return None
    start = text.rfind("\n", 0, table_start - 1) + 1
    if not text[start : table_start - 1].strip():
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def plain_caption(block: str) -> str:
    """A table written with its caption (from `caption_start`), a caption written as a section's
    heading ("## Girth (tape, cm)", a blank line, the table) as a plain line right above the
    table: a draft placing the table would otherwise start a section of its own there. A
    smaller heading ("### Grip (kg)") stays as written."""
    first, _, rest = block.partition("\n")
    if not _SECTION_HEADING.match(first):
        return block
    return f"{_SECTION_HEADING.sub('', first, count=1).strip()}\n{rest.lstrip(chr(10))}"


def caption(text: str, table_start: int) -> Caption | None:
    """The caption on the line right above a table starting at `table_start`, if any."""
    if table_start < 2 or text[table_start - 1] != "\n":
        return None
    start = text.rfind("\n", 0, table_start - 1) + 1
    line = text[start : table_start - 1]
    if not line.strip() and start >= 2:
        # a Markdown heading is parted from its table by a blank line ("## HHD (kg)", "", table)
        above = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
        opens = _HEADING.match(above) or above.rstrip().endswith(":") or _taped(above)
        line = above if opens else line
    heading = bool(_HEADING.match(line))
    line = _HEADING.sub("", line, count=1)
    if not line.strip() or "|" in line or "\t" in line:
        return None
    unit = unit_written(line) or _listed_unit(line)
    if not unit or not unit.strip():
        taped = _taped(line)
        if not (heading or line.rstrip().endswith(":") or taped):
            return None
        return _measure_named(line) or (Caption("", "", True) if taped else None)
    body = _SECTION.sub("", line, count=1)
    found = _WORDS.match(body.split(",")[0].split("(")[0].strip())
    if found is None:
        return None
    words = found.group().strip(" -").split()
    if not words or len(words) > _MAX_WORDS:
        return None
    # in lower case (acronyms kept): a caption is a description, not an instrument's name
    named = " ".join(word if _ACRONYM.fullmatch(word) else _singular(word) for word in words)
    measure = caption_measure().search(line)
    if measure is not None and not caption_measure().search(named):
        named = _singular(measure.group())
    return Caption(named, unit, bool(caption_tape().search(line)))


def _taped(line: str) -> bool:
    """A line saying a tape took the values ("Circumferential measurements, tape, every 4 cm
    from the ulnar styloid.", "Tape measurements repeated at 10 cm intervals"): it describes the
    table under it, a blank line between or not, as a heading does. It names no measure of its
    own unless it writes one; a table of tape positions under it holds circumferences
    (mdtables)."""
    return caption_tape().search(line) is not None


def _listed_unit(line: str) -> str | None:
    """A unit listed last or first in a bracket that says more ("(tape every 4 cm, cm)", "(cm,
    limb length 88 cm)")."""
    for item in (*_LAST_ITEM.finditer(line), *_FIRST_ITEM.finditer(line)):
        unit = keyed_units().get(item.group(1).strip().lower())
        if unit is not None and unit.strip():
            return unit
    return None


def _singular(word: str) -> str:
    """A measure's word as the readers know it ("girths" is "girth")."""
    return caption_singular().get(word.lower(), word.lower())


def _measure_named(line: str) -> Caption | None:
    """A caption with no unit that names a measure (columns.toml [captions]): its word opens
    each row, and the values keep the units their cells or headings give them."""
    found = caption_measure().search(line)
    return (
        Caption(_singular(found.group()), "", bool(caption_tape().search(line))) if found else None
    )
