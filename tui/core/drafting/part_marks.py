"""Marks that number or letter a note's parts, taken off so the part's own label shows.

An outline numbers its parts ("1. DATA", " 1.1 Subjective: ...", "  1.4.1 Ther ex 20 min"): the
number orders them and says nothing of where a line belongs, while the label after it ("1.1
Subjective:", "2.3 Client report:") says as much as it does unnumbered. A number is taken off
only where a known label follows it, so a line opened by a value ("1.5 kg ankle weights",
"2.5 cm wound") keeps it.

A handoff in SBAR (and notes like it) writes each part's letter beside its name ("S -
SITUATION", "R - RECOMMENDATION", "A: Assessment"): the name is the part's heading, standing
alone on its line. A letter before a word that does not start with it ("L - shoulder
subluxation") or that names no part ("S - supervision") is no such heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# "1.1 ", "2.3.1 ", "4.1) ": two levels or more (a single "1." is a bullet, read elsewhere)
_OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+[.)]?[ \t]+(?=[A-Za-z])")
# a label and its mark, as a line writes it ("Client report:", "Subjective -")
_LABEL_AHEAD = re.compile(r"([A-Za-z][A-Za-z /&'\-]{0,40}?)[ \t]*(?::|[ \t]-[ \t]|$)")
# "S - SITUATION", "R \u2013 Recommendation", "B: Background": a letter, a mark, a name
# that starts with the letter, nothing after it but a colon
_LETTER_AND_NAME = re.compile(
    r"^(?P<letter>[A-Za-z])[ \t]*(?:-{1,2}|[\u2013\u2014:=.)>])[ \t]*"
    r"(?P<name>(?P=letter)[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,3})[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)


def unnumbered(line: str, names_topic: Callable[[str], str]) -> str:
    """The line without its outline number when a known label follows the number."""
    numbered = _OUTLINE_NUMBER.match(line)
    if numbered is None:
        return line
    rest = line[numbered.end() :]
    label = _LABEL_AHEAD.match(rest)
    return rest if label is not None and names_topic(label.group(1)) else line


def named_heading(line: str, is_label: Callable[[str], bool]) -> str:
    """A part's letter and name ("S - SITUATION") as the name's heading ("SITUATION:"); any
    other line as it is."""
    found = _LETTER_AND_NAME.match(line)
    if found is None or not is_label(found.group("name")):
        return line
    return f"{found.group('name')}:"
