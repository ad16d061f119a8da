"""A range of blood pressures read over a period: "BP controlled, 128-142/76-88 this week",
"Home log: BP 122-136/74-82".

CONVENTIONS: a blood pressure is one value written as the note writes it, so a range of
systolic over a range of diastolic pressures is one reading, "128-142/76-88". Read as a pair,
its inner ends ("142/76") make a pressure nobody measured. A range is read only in a sentence
that names blood pressure, with every end a plausible pressure and each range rising.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.text.anchored import Anchored
from tui.core.checks.text.lexicon import Led, word_first
from tui.core.checks.text.scan import Scanner

_NAME: re.Pattern[str] | Led | Anchored = word_first(
    re.compile(r"\b(?:BP|blood pressures?)\b", re.IGNORECASE)
)
_RANGE = re.compile(
    r"(?<![\d/.])(\d{2,3})[ \t]*[-\u2013][ \t]*(\d{2,3})[ \t]*/[ \t]*"
    r"(\d{2,3})[ \t]*[-\u2013][ \t]*(\d{2,3})(?![\d/]|\.\d)"
)
_SYSTOLIC = range(70, 251)
_DIASTOLIC = range(30, 151)


def read_pressure_ranges(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each range of pressures in a sentence about blood pressure (see the module)."""
    text = scanner.text
    if "/" not in text:
        return
    for name in _NAME.finditer(text):
        end = scanner.sentence_after(name.end())
        for match in _RANGE.finditer(text, name.end(), end):
            low, high, low_d, high_d = (int(group) for group in match.groups())
            if not (low < high and low_d < high_d and low_d < low):
                continue
            if not all(v in _SYSTOLIC for v in (low, high)) or not all(
                v in _DIASTOLIC for v in (low_d, high_d)
            ):
                continue
            if not scanner.free(match.start(), match.end()):
                # a target range ("BP 110-120/70-80 target"): claimed, so no reader splits it
                scanner.claim(match.start(), match.end())
                continue
            value = f"{low}-{high}/{low_d}-{high_d}"
            scanner.emit(facts, "other", value, match.span(), "blood pressure range", unit="mmHg")
