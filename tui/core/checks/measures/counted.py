"""Counts of things out of a whole: "5/8 shapes traced", "6/10 trials", "4/10 sites felt R,
6/10 L".

Extraction never reads them (they are not pain, a rating or a grade, and the scanner blocks
them), but a count the draft changes is a changed fact: verification compares each count the
draft writes with the fractions the note writes (`unsupported_counts`).
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import context_words
from tui.core.checks.text.lexicon import NUM, counted_fractions
from tui.core.checks.text.numbers import Normalized, to_number

# One count of a counted stretch, and any fraction at all ("5/8", "5 of 8", "5 out of 8").
_FRACTION = re.compile(rf"(?<![\d.])({NUM})\s*(?:/|of|out of)\s*({NUM})(?![\d.]\d)", re.IGNORECASE)
_NOUN = re.compile(r"\s+([A-Za-z]+)")


def fractions(text: str) -> frozenset[tuple[float, float]]:
    """Every count and its whole written in a (normalised) text, counted things named or not:
    the note's "tracing 5/8" backs a draft's "5/8 shapes"."""
    return frozenset(
        (float(found.group(1)), float(found.group(2))) for found in _FRACTION.finditer(text)
    )


def unsupported_counts(draft: Normalized, note: frozenset[tuple[float, float]]) -> list[Fact]:
    """Counts of things in the draft ("6/8 shapes") whose count and whole the note never writes
    (`fractions` of the note), as facts of kind "other" with the whole as the unit."""
    text = draft.text
    found = []
    for stretch in counted_fractions().finditer(text):
        first = _FRACTION.match(text, stretch.start())
        noun = _NOUN.match(text, first.end()) if first else None
        for count in _FRACTION.finditer(text, stretch.start(), stretch.end()):
            value, whole = float(count.group(1)), float(count.group(2))
            if (value, whole) in note:
                continue
            before = re.split(r"[.;\n]", text[max(0, count.start() - 60) : count.start()])[-1]
            what = noun.group(1).lower() if noun else ""
            found.append(
                Fact(
                    kind="other",
                    value=to_number(count.group(1)),
                    unit=f"/{count.group(2)}",
                    label=f"{context_words(before, 4)} {what} (not in the note)".strip(),
                    span=draft.span(*count.span()),
                )
            )
    return found
