"""Billing lines read only in part: the audit says so instead of judging half a line.

A line that counts some of its codes and leaves others bare ("97110 x2, 97140"), names a
service it bills without units next to counted codes ("97110 x2 + manual therapy"), or sends
its units to another document ("97140 + 97110 (see flowsheet)", "units on the charge slip")
cannot be read whole; its codes are named so the documentation rules that need no units (each
timed code has minutes, the totals are stated) still apply. The pointer words are data
(billing.toml [units_elsewhere]).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache

from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either


@cache
def _pointer() -> re.Pattern[str]:
    section = billing_section("units_elsewhere")
    verbs = either(str(word) for word in section.get("verbs", []))
    places = either(str(word) for word in section.get("places", []))
    pending = either(str(word) for word in section.get("pending", []))
    return re.compile(
        rf"(?<![\w])(?:(?:{verbs})[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){{0,2}}?(?:{places})"
        rf"|(?:{pending}))(?![\w])",
        re.IGNORECASE,
    )


def units_pointed_elsewhere(text: str, start: int, end: int) -> bool:
    """True when the billing region sends its units to another document or leaves them open
    ("see flowsheet", "as on the charge slip", "TBD")."""
    return _pointer().search(text, start, end) is not None


def partly_counted(
    charges: Iterable[tuple[str, bool]],
    counted_elsewhere: Collection[str],
    untimed: Collection[str],
) -> bool:
    """True when a line counts some codes and leaves a timed (or unknown) code bare that no
    other billing line counts: an untimed code is one unit by nature, so it may stand bare."""
    charges = list(charges)
    if not any(counted for _, counted in charges):
        return False
    return any(
        not counted and code not in counted_elsewhere and code not in untimed
        for code, counted in charges
    )
