"""A printed form's fields as the clinician filled them in: what was left blank or unticked says
nothing, so the draft says nothing of it.

A facility template keeps its blanks and boxes whether or not they were used: "Pain: ___/10",
"BP ___/___", "[ ] denies pain", "[ ] 2 lb wrist weights issued for HEP". Copied into a draft,
a blank is text the clinician must delete, and an unticked option reads as a statement the
note never made (the patient did not deny pain; the weights were not issued). So a field whose
value is a blank goes, an unticked box goes with the option it offers, a ticked box leaves its
option as the statement, and a line left with nothing but its label goes whole. A row of
numbered boxes is a scale the checks read as its ticked value ("[ ]2 [x]3 [ ]4"): left as
written.
"""

from __future__ import annotations

import re

from tui.core.checks.layouts.checkboxes import BOX, NUMBERED_BOX, ROW_ITEMS, is_ticked

# Where an option ends on a line of several boxes: the next column (two spaces, a tab, a pipe).
_COLUMN = re.compile(r"[ \t]{2,}|\t|[ \t]*\|[ \t]*|[ \t]*;[ \t]*")
# A blank left to fill in: a run of underscores that is no emphasis ("___/10", "__ min").
_BLANK = re.compile(r"(?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])")
# What is left of a line once its blanks and unticked options are gone that still says nothing:
# a label alone ("Assessment:", "Vitals:"), a bullet, marks.
_ONLY_LABEL = re.compile(r"[-*\u2022]?[ \t]*(?:[A-Za-z][\w /&()'-]{0,40}[:=])?[ \t:;,.|-]*")


def filled_in(text: str) -> str:
    """The note with each form line as filled in; lines with no blank and no box as written."""
    lines = []
    for line in text.split("\n"):
        if not _BLANK.search(line) and not BOX.search(line):
            lines.append(line)
            continue
        kept = _without_blanks(_ticked(line))
        if kept is not None:
            lines.append(kept)
    return "\n".join(lines)


def _ticked(line: str) -> str:
    """A line's boxes as what was ticked: an unticked box and its option gone, a ticked box's
    options kept without their boxes and parted by commas ("PMH: DM2, HTN"); a scale of
    numbered boxes as written."""
    if sum(1 for _ in NUMBERED_BOX.finditer(line)) >= ROW_ITEMS:
        return line
    boxes = list(BOX.finditer(line))
    if not boxes:
        return line
    several = len(boxes) > 1
    prefix = _as_label(line[: boxes[0].start()])
    said: list[str] = [prefix] if prefix else []
    chosen: list[str] = []
    for index, box in enumerate(boxes):
        end = boxes[index + 1].start() if index + 1 < len(boxes) else len(line)
        option = line[box.end() : end]
        column = _COLUMN.search(option) if several else None
        words, rest = (
            (option[: column.start()], option[column.start() :]) if column else (option, "")
        )
        if is_ticked(box):
            chosen.append(words.strip())
        if rest.strip():
            said.append(", ".join(option for option in chosen if option) + rest)
            chosen = []
    said.append(", ".join(option for option in chosen if option))
    return _joined([part for part in said if part.strip()])


# A form's field name standing alone in its column before the boxes ("PAIN    [X] Yes"): a label.
_COLUMN_LABEL = re.compile(r"[ \t]*[A-Za-z][A-Za-z /&'-]{0,30}?(?=(?:[ \t]{2,}|\t)[ \t]*$)")


def _as_label(prefix: str) -> str:
    """What stands before a line's first box, a field name set apart by a column gap given
    its colon ("PAIN    [X] Yes  Intensity (0-10): 5" is "PAIN: Yes ..."), so the option
    reads as the field's value and not as a clause of its own."""
    label = _COLUMN_LABEL.match(prefix)
    return label.group() + ":" if label is not None else prefix.rstrip()


def _joined(parts: list[str]) -> str:
    """The parts of a line left, the first a label or a value the options follow."""
    if not parts:
        return ""
    head, *rest = parts
    mark = " " if head.endswith(":") or not rest else "; "
    return (head + mark + " ".join(rest)).rstrip() if rest else head


def _without_blanks(line: str) -> str | None:
    """A line without its fields left blank ("Location: ________", "HR ___"); None when the
    line says nothing once they are gone."""
    if not line.strip():
        return None
    if not _BLANK.search(line):
        return None if _ONLY_LABEL.fullmatch(line.strip()) else line
    fields = _COLUMN.split(line)
    kept = [field for field in fields if field.strip() and not _BLANK.search(field)]
    # fields a form parted by semicolons stay parted so ("Current 3; Worst past week 6")
    said = ("; " if ";" in line else "  ").join(kept).rstrip()
    if not said.strip() or _ONLY_LABEL.fullmatch(said.strip()):
        return None
    return said
