"""Where the offline drafter places a note's lines: one helper for the placement tests."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.drafting.placement import place_items, split_items

SOAP = ("Subjective", "Objective", "Assessment", "Plan", "Billing")
PT_EVAL = (
    "History",
    "Systems Review",
    "Tests and Measures",
    "Evaluation Complexity",
    "Assessment",
    "Goals",
    "Plan of Care",
    "Billing",
)
OT_EVAL = (
    "Occupational Profile",
    "Medical History",
    "Occupational Performance",
    "Client Factors",
    "Performance Skills and Patterns",
    "Evaluation Complexity",
    "Assessment",
    "Goals",
    "Plan of Care",
    "Billing",
)
PROGRESS = (
    "Reporting Period",
    "Subjective",
    "Objective Comparison",
    "Goal Status",
    "Assessment",
    "Plan",
    "Billing",
)
REEVAL = (
    "Reason for Re-evaluation",
    "Interval History",
    "Tests and Measures",
    "Assessment",
    "Goals",
    "Revised Plan of Care",
    "Billing",
)
DISCHARGE = (
    "Episode of Care",
    "Functional Status",
    "Goal Status",
    "Assessment",
    "Reason for Discharge",
    "Home Exercise Program",
    "Recommendations and Follow-up",
)


def where(note: str, snippet: str, sections: Sequence[str] = SOAP) -> list[str]:
    """The sections holding a line of `note` that contains `snippet`."""
    placed = place_items(split_items(note), sections)
    return [section for section, lines in placed.items() if any(snippet in line for line in lines)]
