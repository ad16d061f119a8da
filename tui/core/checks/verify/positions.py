"""A joint and motion named on a value's line besides the one its label took.

A measurement taken in a position names a second joint: "Ankle DF (knee ext) L 12°", "Hip ER
sitting (hip flexed 90°)", "shoulder ER at 90° abduction". A reader may take the position's
joint or motion for the label ("L knee extension"), and the draft that writes "ankle
dorsiflexion with the knee extended, left 12°" then seems to name another motion. Two readings
of one value are one fact when the joint and motion of one are both named on the other's line
before its value; the sides must still agree, so a value given to the other side is caught.
"""

from __future__ import annotations

from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.verify.lines import line_at


def named_before(text: str, fact: Fact) -> frozenset[tuple[str, str]]:
    """The (part, name) pairs for joints and motions named on the fact's line before it."""
    line, start = line_at(text, fact.span[0])
    return _named(line[: max(0, fact.span[0] - start)])


@lru_cache(maxsize=1024)
def _named(stretch: str) -> frozenset[tuple[str, str]]:
    return frozenset(
        (part, name.lower())
        for _, part, name in labels.mentions(stretch)
        if part in ("joint", "motion")
    )


def named_on_line(fact: Fact, text: str, other: Fact) -> bool:
    """True when the joint and the motion of `other`'s label (those it names) are both named
    on `fact`'s line in `text` before the value."""
    parts = labels.parts_of(other.label)
    wanted = {
        (part, name.lower())
        for part, name in (("joint", parts.joint), ("motion", parts.motion))
        if name
    }
    return bool(wanted) and wanted <= named_before(text, fact)
