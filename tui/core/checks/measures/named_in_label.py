"""A score read with its instrument's name in its label but no measure takes the name the note
gives the same instrument elsewhere: "On the Beery VMI he earned a standard score of 84,
compared with 77 at his evaluation" reads 77 as the Beery VMI's and 84 with the words "Beery VMI
he earned a standard score" only. Both are the Beery VMI's scores; the name must open the label
and be a measure another score of the note already carries, so no word is guessed a name."""

from __future__ import annotations

import dataclasses

from tui.core.checks.facts import Fact
from tui.core.checks.text.scan import Scanner


def name_from_labels(_scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Give an unnamed outcome the note's measure that opens its label, the longest first."""
    names = sorted(
        {f.measure for f in facts if f.kind == "outcome" and f.measure},
        key=len,
        reverse=True,
    )
    if not names:
        return
    for index, fact in enumerate(facts):
        if fact.kind != "outcome" or fact.measure:
            continue
        named = next((name for name in names if _opens(fact.label, name)), None)
        if named is not None:
            facts[index] = dataclasses.replace(fact, measure=named)


def _opens(label: str, name: str) -> bool:
    """The label starts with the name as whole words."""
    if not label.lower().startswith(name.lower()):
        return False
    rest = label[len(name) :]
    return not rest or not (rest[0].isalnum() or rest[0] in "-_")
