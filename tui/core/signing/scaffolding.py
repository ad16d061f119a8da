"""Drafting scaffolding and empty sections: what must not be signed into a record as it is.

The offline drafter once wrote its notice and its list of measurements into the document
itself; drafts made then (and text pasted back by a clinician) still carry them. A signed
record contains only what the clinician accepted, so the sign gate refuses text that still
carries scaffolding, and lists the sections left "[not documented]" for the clinician to see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from tui.core.records.document import MEASUREMENTS_HEADING, NOT_DOCUMENTED

OFFLINE_NOTICE_START: Final = "> Drafted offline"
_HEADING: Final = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# Text a drafter or a transport adds around a document, never part of it.
_SCAFFOLD_LINES: Final = (
    (re.compile(r"^\s*>\s*Drafted offline\b", re.IGNORECASE), "the offline drafter's notice"),
    (re.compile(r"^\s*</?(?:session_notes|previous_pass)>\s*$"), "a prompt tag"),
    (re.compile(r"^\s*Drafting…"), "a drafting progress line"),
)


@dataclass(frozen=True)
class Leftover:
    """One piece of scaffolding or an empty section, and the document line it starts on."""

    what: str
    line: int

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "line": self.line}


def scaffolding(text: str) -> list[Leftover]:
    """Drafting scaffolding still in the text: the offline notice, the machine list of
    measurements, prompt tags."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == MEASUREMENTS_HEADING:
            found.append(Leftover("the offline drafter's list of measurements", number))
            continue
        for pattern, what in _SCAFFOLD_LINES:
            if pattern.search(line):
                found.append(Leftover(what, number))
                break
    return found


def not_documented(text: str) -> list[Leftover]:
    """Sections left as the "[not documented]" placeholder (named by their heading), and any
    placeholder standing among other content."""
    found: list[Leftover] = []
    for heading, start, lines in _sections(text):
        content = [(number, line.strip()) for number, line in lines if line.strip()]
        placeholders = [number for number, line in content if NOT_DOCUMENTED in line]
        if heading and content and len(placeholders) == len(content):
            found.append(Leftover(heading, start))
        else:
            where = f" in {heading}" if heading else ""
            found += [Leftover(f"{NOT_DOCUMENTED}{where}", number) for number in placeholders]
    return found


def _sections(text: str) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(heading, its line, its numbered lines) of each section; text before the first heading
    is a section with no heading."""
    sections: list[tuple[str, int, list[tuple[int, str]]]] = [("", 0, [])]
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADING.match(line)
        if match:
            sections.append((match.group(2), number, []))
        else:
            sections[-1][2].append((number, line))
    return sections
