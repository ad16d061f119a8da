"""A note that says where its next progress report falls (checks.billing.report_due)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.checks.billing.report_due import stated_report_visit
from tui.core.intake.notes import parse_note_text


@pytest.mark.parametrize(
    ("text", "visit", "due"),
    [
        ("Plan: 2x/week; progress report due at visit 10. Goal: 0.6 m/s.", 9, 10),
        ("P - cont 2x/wk; PR due next visit.", 9, 10),
        ("Progress note due this visit.", 10, 10),
        ("progress note due visit 18.", 11, 18),
        ("PN due at tx day 12", 10, 12),
    ],
)
def test_the_named_visit(text: str, visit: int, due: int) -> None:
    assert stated_report_visit(text, visit) == due


@pytest.mark.parametrize(
    "text",
    [
        "Next IEP progress report due 3/2028.",
        "Next IEP progress report due next visit.",
        "progress report due next wk",
        "progress report was due at visit 10",
        "PR due 03/15/2034",
        "progress report due at visit 4",  # already past: says nothing of this period
        "PR 12 reps due next visit",
        "Pain report: pain due to next visit",
        "Progress report completed at visit 10.",
    ],
)
def test_twins_name_no_visit(text: str) -> None:
    assert stated_report_visit(text, 9) is None


def _audit(head: str, plan: str) -> list[str]:
    text = (
        f"{head}\n\nS: pt reports less fatigue.\nO: gait 0.45 m/s.\nA: improving.\nP: {plan}\n"
        "97112 NMR 20 min, 97116 gait 18 min. Total timed 38 min.\nBilled: 97112 x2, 97116 x1\n"
    )
    note = parse_note_text(Path("n.txt"), text, "x")
    return [f.code for f in audit_note(note, AuditRules()).findings if "PROGRESS" in f.code]


def test_the_plan_sets_the_period() -> None:
    head = "NEURO PT - TREATMENT NOTE\nI. T, 67 y/o F. Visit #9. Medicare B."
    assert _audit(head, "progress report due at visit 10.") == ["PROGRESS_REPORT_SOON"]
    assert _audit(head, "PR due this visit.") == ["PROGRESS_REPORT_DUE"]
    assert _audit(head, "progress report due at visit 14.") == []


def test_twin_a_note_headed_as_the_report_owes_none() -> None:
    head = "PT Progress Note / Daily\nMedicare Part B | Visit 10 | Last progress report: visit 1"
    assert _audit(head, "cont 2x/wk") == []
