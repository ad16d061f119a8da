"""Checking a draft against its note: facts the draft dropped, numbers the note does not support.

Omission is the main failure of drafted notes, so every fact extracted from the note must reach
the draft (same kind and value; "0-118°" carries a ROM of 118). In the other direction every
measurement and every number with a unit in the draft must be supported by the note, and a
measurement is supported only by its own fact: the same kind, the same value, and the same side
and motion where both texts name one. A value computed from the note (a change, a percent
change) counts only where the draft says it is a change ("improved 8 points"), so a changed
score that happens to equal some difference of two unrelated values is still caught. Both texts
are read once and indexed, so checking runs in time linear in their length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.measures.counted import fractions, unsupported_counts
from tui.core.checks.measures.results import missing_counts
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.carried import carried_in_draft, none_said
from tui.core.checks.verify.dates_written import dates_in
from tui.core.checks.verify.derived_values import (
    billing_numbers,
    derived_values,
    unsupported_changes,
)
from tui.core.checks.verify.noun_pairs import changed_counts
from tui.core.checks.verify.sentences import says_change
from tui.core.checks.verify.short_dates import day_of_named_month
from tui.core.checks.verify.supported import supported
from tui.core.checks.verify.swaps import swapped_times, swapped_unread, targets_as_today
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import Quantity, quantities
from tui.core.checks.verify.unsupported import (
    a_note_date,
    not_copied,
    unsupported_dates,
    unsupported_named_scores,
    unsupported_quantities,
    unsupported_unlisted,
)


@dataclass(frozen=True)
class Verification:
    """Facts of the note the draft misses, and draft values the note does not support."""

    missing: list[Fact]
    unsupported: list[Fact]

    @property
    def clean(self) -> bool:
        return not self.missing and not self.unsupported

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.unsupported)

    def to_json(self) -> dict[str, Any]:
        return {
            "missing": [fact.to_json() for fact in self.missing],
            "unsupported": [fact.to_json() for fact in self.unsupported],
        }


@lru_cache(maxsize=8)
def _note_index(note_text: str, measures: tuple[str, ...]) -> TextIndex:
    """The note's index, built once for every draft checked against the same note (the sign
    gate checks a document twice, the evaluation a faithful draft, each flawed copy of it and
    an offline draft); the index is read, never changed, by the checks."""
    return TextIndex.read(note_text, measures)


def verify(note_text: str, draft_text: str, measures: Sequence[str] = ()) -> Verification:
    """Compare a draft with the note it was drafted from."""
    note = _note_index(note_text, tuple(measures))
    draft = TextIndex.read(draft_text, measures, guesses=True)
    missing = [fact for fact in note.facts if not carried_in_draft(fact, draft, note_text)]
    missing += [
        fact
        for fact in missing_counts(note_text, normalize(draft_text), note.facts)
        if not none_said(fact, draft)
    ]
    derived = derived_values(note.facts)
    derived["billing"] = billing_numbers(note_text)
    note_days: list[frozenset[tuple[int, int]]] = []
    unsupported = [
        fact
        for fact in draft.facts
        if not (draft.same_guess(fact) and note.same_guess(fact))
        and not a_note_date(fact, draft, note, note_days)
        and not day_of_named_month(draft.text, fact.span)
        and not supported(
            fact, note, derived, changed=says_change(draft.text, fact.span), draft=draft
        )
    ]
    unsupported += swapped_times(draft, note, unsupported)
    unsupported += swapped_unread(draft, note, unsupported)
    unsupported += targets_as_today(draft, note, unsupported)
    unsupported += unsupported_quantities(draft, note, derived)
    unsupported += unsupported_changes(draft, note, derived)
    unsupported += unsupported_dates(draft, note)
    unsupported += unsupported_named_scores(draft, note, derived)
    note_fractions = fractions(note.normalized)
    unsupported += unsupported_counts(normalize(draft_text), note_fractions)
    unsupported += unsupported_unlisted(draft, note, note_fractions, unsupported)
    read = (*draft.facts, *(fact for facts in draft.guessed.values() for fact in facts))
    unsupported += changed_counts(draft.text, read, draft.blocked, note.normalized)
    unsupported = not_copied(unsupported, draft, note)
    unsupported.sort(key=lambda fact: fact.span)
    return Verification(missing=missing, unsupported=unsupported)


__all__ = ["Quantity", "Verification", "dates_in", "quantities", "verify"]
