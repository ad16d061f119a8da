"""A printed form's line of several fields ("Insurer: Medicare        Reporting period: 05-01 to
16-02"): a field whose key names a part of the document is a statement of that part.

A form sets its fields side by side, parted by a column of spaces. Most fields on such a line
belong together (the patient's name, the date, the payer), but a key that names one of the
document's parts ("Reporting period", "Plan", "Homebound reason") opens a statement of that part,
which the line's first key would otherwise carry into its own section. Such a line is parted
before that key; a line whose first words are no field ("Flexion 95      Abduction 70") is left
as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# A field opening the line: its key (words parted by a space or two, never by a column of spaces:
# "NPRS    Today: 4" opens with a name, not a field), a colon, then its value.
_FIRST_FIELD = re.compile(r"^[ \t]*[A-Za-z](?:[A-Za-z0-9/&().'-]| (?!  )){0,30}:[ \t]*\S")
# A later field after a column of spaces (three or more, or a tab): its key and colon.
_LATER_FIELD = re.compile(r"(?:[ \t]{3,}|\t)(?P<key>[A-Za-z][A-Za-z /&'-]{1,30}?)[ \t]*:[ \t]*\S")


def fields_apart(lines: Iterable[str], part_of: Callable[[str], str]) -> list[str]:
    """The lines with each form line parted before every later field whose key names a part of
    the document (`part_of` gives the part a key names, or "")."""
    parted: list[str] = []
    for line in lines:
        if not _FIRST_FIELD.match(line):
            parted.append(line)
            continue
        start = 0
        for field in _LATER_FIELD.finditer(line):
            if part_of(field.group("key")):
                parted.append(line[start : field.start()].rstrip())
                start = field.start("key")
        parted.append(line[start:] if start else line)
    return parted
