"""A side written once after a sentence's values names them all: "Forearm pronation 80° /
supination 72°, both R.", "Wrist: rad dev 16, uln dev 27 - all right side."

The side stands after the last value, with a word saying it is every value's ("both", "all",
"each"), and ends its sentence. Each value of the sentence with no side of its own takes it;
a value's own side always wins. Each tail is read once and the values before it are found by
a binary search over the facts' starts, so the pass is linear in the note's length.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.text.scan import Scanner

_SIDED_KINDS = frozenset({"rom", "mmt", "strength", "girth"})
# ("all right" alone at a sentence's end is the word "alright", no side: "flexion 120, all right.")
# Tried from a run of spaces' start only (the leftmost match starts there anyway): tried inside
# it too, a long run cost cubic time.
# (each run of blanks taken whole: what follows it is no blank, so giving blanks back to the
# other run finds nothing new, and a long run of blanks is walked once)
_TAIL = re.compile(
    r"(?<![ \t])[ \t]*+[,;\-\u2013\u2014]?[ \t]*+(?!all[ \t]+right[ \t]*(?:[.)]|$))"
    r"(?:both|all|each)(?:[ \t]+(?:on[ \t]+the|are|is|were))?"
    r"[ \t]+(right|left|rt|lt|R|L)(?:[ \t]+side)?[ \t]*(?=[.)]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def mark_side_tails(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Give each value of a sentence that ends with a side said of them all that side."""
    text = scanner.text
    tails = list(_TAIL.finditer(text))
    if not tails:
        return
    placed = sorted(
        (start, index)
        for index, fact in enumerate(facts)
        if fact.kind in _SIDED_KINDS and (start := normalised(scanner, fact.span[0])) is not None
    )
    for tail in tails:
        side = labels.side_name(tail.group(1))
        sentence = scanner.sentence_before(tail.start())
        low = bisect.bisect_left(placed, (sentence, -1))
        high = bisect.bisect_left(placed, (tail.start(), -1))
        for _, index in placed[low:high]:
            fact = facts[index]
            if not labels.parts_of(fact.label).side:
                facts[index] = dataclasses.replace(fact, label=labels.join(side, fact.label))
