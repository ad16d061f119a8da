"""Blocks of a note copied from an earlier one: every value in them is an earlier value.

Copy-forward notes carry the last visit's measurements under a marker line ("Carried forward
from 8/12:", "*** previous note text copied forward - edit below ***", "Last visit:"), and a
reader of the sentence alone cannot tell them from today's. A marker line holds no value of its
own (dates aside) and ends with a colon or a banner; the block under it is its deeper-indented
(or ">"-quoted) lines, or, when the lines are not indented, every line up to a blank line, an
end marker ("*** end copied text ***"), a line that says it is this visit's ("Today:") or a
section heading. The marker and end words are data (measures.toml [attribution] carried_opener,
carried_end); markers are found through their first words once per note, and each block is read
line by line, so a long note is still read in linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led

# At most this many lines under a marker belong to its block (a marker never swallows a note).
_MOST_LINES = 40
# Dates a marker may carry ("from 8/12", "27-Sep-27", "09/13/2027", "Sept 27"): not values.
_DATES = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{1,2}-[A-Za-z]{3,9}-\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\b|\b\d{4}\b"
)
_DIGIT = re.compile(r"\d")
# Where a marker line ends: a colon, or a banner of stars, equals signs or dashes ("Last
# session's numbers --", "Prior visit \u2014").
_MARKER_END = re.compile(r"(?::|\*+|={2,}|-{2,}|(?<=[ \t])-|[\u2013\u2014]|#+)[ \t]*$")
# A marker line written wholly in square brackets ("[Copied from note of 01/21 - no changes]").
_BRACKETED = re.compile(r"[ \t]*\[[^\[\]\n]*\][ \t]*$")
# Indentation and quote marks before a line's words (">> carried forward", "  | ROM").
_LEAD = re.compile(r"[ \t>|]*")
# A section heading ends a flat block ("OBJECTIVE:", "A:", "Assessment -").
_HEADING = re.compile(
    r"[ \t]*(?:[A-Z][A-Z /&]{1,30}|[SOAP]|Subjective|Objective|Assessment|Plan|Interventions"
    r"|Treatment|Tx)[ \t]*(?::|\)|[ \t]-[ \t])"
)


@dataclass(frozen=True)
class _Cues:
    opener: Led
    end: re.Pattern[str]


@cache
def _cues() -> _Cues:
    words = attribution_words()
    openers = words.get("carried_opener", ())
    since = "".join(f"(?<!{word} )" for word in words.get("period_start", ()))
    alternatives = either(openers)
    firsts = sorted({re.split(r"[^a-z]", fragment.lower(), maxsplit=1)[0] for fragment in openers})
    pattern = re.compile(rf"(?<![\w-]){since}(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)
    ends = "|".join(f"(?:{fragment})" for fragment in (*words.get("carried_end", ()),))
    current = "|".join(f"(?:{fragment})" for fragment in words.get("current", ()))
    end = re.compile(
        rf"[ \t>|*=#\[-]*(?:{ends or '(?!x)x'}|(?:{current or '(?!x)x'})[ \t]*"
        r"(?::|-{2,}|[ \t]-(?![ \t]*[-+~]?\d)|[\u2013\u2014]))(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return _Cues(opener=led(pattern, *(word for word in firsts if word)), end=end)


def carried(text: str, pos: int) -> bool:
    """True when `pos` lies in a block copied from an earlier note. A bracket on a row naming
    which of its values were carried ("(PF/inv/ev carried from 04/03)") is read with the facts,
    by the names it lists (measures/carried_names.py)."""
    starts, ends = _blocks(text)
    index = bisect.bisect_right(starts, pos) - 1
    return index >= 0 and pos < ends[index]


@lru_cache(maxsize=8)
def _blocks(text: str) -> tuple[list[int], list[int]]:
    """Each copied block as parallel lists of starts and ends, in order."""
    starts: list[int] = []
    ends: list[int] = []
    for marker in _cues().opener.finditer(text):
        line_start = text.rfind("\n", 0, marker.start()) + 1
        if starts and line_start < ends[-1]:
            continue  # a marker inside a block already found
        line_end = _line_end(text, marker.start())
        if not _is_marker(text[marker.end() : line_end]) and not _bracketed(
            text, line_start, marker.end(), line_end
        ):
            continue
        end = _block_end(text, line_start, line_end)
        if end > line_end:
            starts.append(line_end)
            ends.append(end)
    return starts, ends


def _is_marker(rest: str) -> bool:
    """The rest of a marker line holds no value (dates aside) and ends the line as a label."""
    return bool(_MARKER_END.search(rest)) and not _DIGIT.search(_DATES.sub(" ", rest))


def _bracketed(text: str, line_start: int, marker_end: int, line_end: int) -> bool:
    """The marker line is one square bracket holding no value, dates aside: a banner."""
    rest = text[marker_end:line_end]
    return bool(_BRACKETED.fullmatch(text, line_start, line_end)) and not _DIGIT.search(
        _DATES.sub(" ", rest)
    )


def _block_end(text: str, line_start: int, line_end: int) -> int:
    """Where the block under the marker line ending at `line_end` ends."""
    depth = _lead(text, line_start)
    position = line_end + 1
    deeper: bool | None = None
    end = line_end
    for _ in range(_MOST_LINES):
        if position >= len(text):
            break
        next_end = _line_end(text, position)
        line = text[position:next_end]
        if not line.strip() or _cues().end.match(line):
            break
        lead = _lead(text, position)
        indented = lead > depth
        if deeper is None:
            deeper = indented
        if deeper and not indented:
            break
        if not deeper and _HEADING.match(line):
            break
        end = next_end
        position = next_end + 1
    return end


def _lead(text: str, position: int) -> int:
    found = _LEAD.match(text, position)
    return len(found.group().expandtabs(4)) if found else 0


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
