"""A service name whose code a word just before it changes ("attended HVPC e-stim" is attended
electrical stimulation, 97032, where "e-stim" alone reads as the unattended 97014).

The words and the codes are data (billing.toml [qualified_names]): each entry names the code a
name reads as, the words that qualify it, and the code the qualified name is. A qualifying word
counts when it stands right before the name or one word before it ("attended HVPC e-stim"), never
further ("attended the session with e-stim" says who came, not how the e-stim was given).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import billing_section

# How far before a name its qualifier may stand: the word and one more word at most.
_LOOK_BACK = 40


@cache
def _qualifiers() -> dict[str, tuple[re.Pattern[str], str]]:
    found = {}
    for code, spec in billing_section("qualified_names").items():
        words = "|".join(re.escape(str(word)) for word in spec.get("words", []))
        if not words:
            continue
        pattern = re.compile(rf"(?<![\w-])(?:{words})\b(?:[ \t]+[\w/-]+)?[ \t]+$", re.IGNORECASE)
        found[str(code)] = (pattern, str(spec["code"]))
    return found


def qualified_code(text: str, start: int, code: str) -> str:
    """The code of the name at `start` read as `code`, after any qualifier written before it."""
    qualifier = _qualifiers().get(code)
    if qualifier is None:
        return code
    pattern, qualified = qualifier
    return qualified if pattern.search(text, max(0, start - _LOOK_BACK), start) else code
