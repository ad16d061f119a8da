"""Rows written value first, the name after a leader: "4/5 ........ L hip abduction MMT [3-/5]",
"3/10 ....... pain on stairs [7/10]", "21 kg … R grip, Jamar position 2 (12 kg)".

The readers of pain, grades and grip look for the name before the value, so such a row's value
is left unread. The row's shape decides: a value that opens its line, a leader, then a name. The
value's form and the name decide the kind together, never one alone: a rating over 10 with a
pain word is a pain rating, a grade over 5 with a muscle, joint or motion a muscle grade, a force
in kg or lb with a grip or pinch word a force. Its side, anatomy and time are the attribution's
(the name after the leader, a bracket of an earlier value). The words are data (legends.toml
value_first_pain, value_first_force); each line is looked at once.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute, row_name
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A value opening its line: a rating over 10, a grade over 5, or a force in kg or lb.
_OPENING = re.compile(
    r"^[ \t]*(?:[-*\u2022>|][ \t]*)?(?:"
    r"(?P<pain>\d{1,2}(?:\.\d)?)[ \t]*/[ \t]*10(?![\d/])"
    r"|(?P<grade>[0-5][+-]?)[ \t]*/[ \t]*5(?![\d/])"
    r"|(?P<force>\d{1,3}(?:\.\d+)?)[ \t]*(?P<unit>kg|lbs?)(?![A-Za-z]))",
    re.MULTILINE,
)


@cache
def _names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = legend_words()
    pain = either(words.get("value_first_pain", ()))
    force = either(words.get("value_first_force", ()))
    return (
        re.compile(rf"(?<![A-Za-z])(?:{pain})(?![A-Za-z])", re.IGNORECASE),
        re.compile(rf"(?<![A-Za-z])(?:{force})(?![A-Za-z])", re.IGNORECASE),
    )


def read_value_first(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each free value of a value-first row whose name says what it is."""
    text = scanner.text
    pain_word, force_word = _names()
    for row in _OPENING.finditer(text):
        kind = next(group for group in ("pain", "grade", "force") if row.group(group))
        start, end = row.span(kind)
        if not (scanner.free(start, row.end()) or _dotted(scanner, start, row.end())):
            continue
        name = row_name(scanner, start, row.end())
        if name is None:
            continue
        words = text[name[0] : name[1]]
        found = attribute(scanner, start, end, after_side=False)
        span = (start, row.end())
        if kind == "pain" and pain_word.search(words):
            named = labels.context_words(words, 4)
            label = named if "pain" in named.lower() else labels.join("pain", named)
            scanner.emit(facts, "pain", to_number(row.group("pain")), span, label + found.previous)
        elif kind == "grade" and (found.joint or found.motion or found.muscle):
            label = labels.join(found.side, found.joint, found.motion, found.muscle)
            scanner.emit(facts, "mmt", row.group("grade"), span, label + found.previous)
        elif kind == "force" and force_word.search(words):
            named = labels.without_sides(labels.context_words(words, 3))
            unit = "kg" if row.group("unit") == "kg" else "lb"
            value = to_number(row.group("force"))
            label = labels.join(found.side, named) + found.previous
            scanner.emit(facts, "strength", value, span, label, unit=unit)


# A dotted leader as the note wrote it: normalising reads it as a colon, and "4/5:" then looks
# like a date opening an entry, which blocks it; the dots say it is a value and its name.
_DOTS = re.compile(r"[ \t]*(?:\.{2,}|\u2026)")


def _dotted(scanner: Scanner, start: int, end: int) -> bool:
    """The value at [start, end) is followed by a dotted leader in the note as written, and no
    reader has taken it."""
    if scanner.claimed(start, end):
        return False
    original_end = scanner.span(start, end)[1]
    return bool(_DOTS.match(scanner.norm.original, original_end))
