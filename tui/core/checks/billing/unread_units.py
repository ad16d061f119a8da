"""Billing lines whose units cannot be given to their codes, so the audit says the billing could
not be read instead of counting one unit a code: a count left blank ("97110 x ?", "97140 x__",
"units: TBD" is read elsewhere), units written once after several codes ("97110 / 97140 /
units 3"), and a billing line that names services but counts none ("Billed: ther ex, manual").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BLANK_COUNT = re.compile(
    r"[ \t]*(?:x|\u00d7|#|units?[ \t]*[:=]?)[ \t]*(?:\?+|_+|TBD\b|tbd\b|\.{2,}|--?(?![\d\w])"
    r"|(?=[,;)]|$))",
    re.IGNORECASE | re.MULTILINE,
)
_COUNTED = re.compile(
    r"(?<![\w.])\d{1,2}\s*(?:units?|u)\b|\bunits?\b\s*[:=]?\s*\d{1,2}(?![\d.])", re.IGNORECASE
)
# A lone digit after a code, closing its item ("Billed: 97110 2, 97140 1"): the code's units.
# The code's name (bracketed or not) and dot leaders may stand between ("97112 neuro re-ed
# ........ 2", "97110 (TE) .... 2").
BARE_COUNT = re.compile(
    r"(?:[ \t]+\(?[A-Za-z][A-Za-z '/-]{0,40}?\)?)?(?:[ \t]*\.{2,})?"
    r"[ \t]+(\d)(?![\d.:/])[ \t]*(?=[,;/+&]|$)",
    re.MULTILINE,
)


def blank_count(text: str, after: int, end: int) -> bool:
    """True when the count right after a code is left blank ("x ?", "x__", "units: --")."""
    return _BLANK_COUNT.match(text, after, end) is not None


def units_outside(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when the region counts units that no code's charge holds ("97110 / 97140 / units 3":
    one count for several codes)."""
    held = list(spans)
    return any(
        not any(s <= found.start() < e for s, e in held)
        for found in _COUNTED.finditer(text, start, end)
    )
