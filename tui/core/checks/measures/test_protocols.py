"""How a test was given, written in a bracket between its name and its score: "TUG-cog
(counting backward by 3 from 80) 16.8 s", "6MWT (2 standing rests) 310 m", "5xSTS (17 in
chair, arms crossed) 14.2 s". The numbers in such a bracket are the protocol's (a starting
number, a step, a count of rests, a chair height), never the test's score nor an earlier one
("from 80" is no earlier value). A bracket that opens with a timepoint or a side ("Berg (IE
38) 45", "Grip (L 30 kg) 22 kg") is a value of its own and is left to the attribution rules.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# Right after the name, a bracket holding words and a number, then the score.
_PROTOCOL = re.compile(
    r"[ \t]*\(((?=[^()\n]*[A-Za-z]{2})(?=[^()\n]*\d)[^()\n]{1,60})\)(?=[ \t]*[:=]?[ \t]*-?\d)"
)
# The bracket's first words, after a number that opens it and a preposition ("38 at IE": "IE").
_LEAD = re.compile(
    r"[ \t]*(?:-?\d+(?:\.\d+)?[ \t]*(?:[A-Za-z%°/]{1,3}\b\.?)?[ \t]*)?(?:(?:at|on|@|in)[ \t]+)?"
    r"([A-Za-z][\w/'-]*(?:[ \t]+[A-Za-z][\w/'-]*)?)"
)


@cache
def _value_openers() -> re.Pattern[str]:
    """Words that open a bracket holding a value of its own: timepoints, sides, this visit."""
    words = attribution_words()
    fragments = [
        *words.get("prior_before", ()),
        *words.get("current", ()),
        *words.get("side_after", ()),
        *words.get("timepoint", ()),
    ]
    body = either(fragments)
    return re.compile(rf"(?:{body})(?![A-Za-z0-9])", re.IGNORECASE)


def protocol_end(scanner: Scanner, name_end: int) -> int | None:
    """Where a protocol bracket written right after a test's name ends, or None."""
    found = _PROTOCOL.match(scanner.text, name_end)
    if found is None:
        return None
    lead = _LEAD.match(found.group(1))
    if lead is not None and _value_openers().match(lead.group(1)):
        return None
    return found.end()
