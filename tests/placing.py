"""Where the offline drafter places a note's lines: one helper for the placement tests."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.drafting.placement import place_items, split_items

SOAP = ("Subjective", "Objective", "Assessment", "Plan", "Billing")


def where(note: str, snippet: str, sections: Sequence[str] = SOAP) -> list[str]:
    """The sections holding a line of `note` that contains `snippet`."""
    placed = place_items(split_items(note), sections)
    return [section for section, lines in placed.items() if any(snippet in line for line in lines)]
