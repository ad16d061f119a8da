"""tui.core.review.rules: which drafts may be edited, signed or rejected (no Textual needed)."""

from __future__ import annotations

from dataclasses import replace

from tui.core.records.store import DraftRow
from tui.core.review.rules import approve_refusal, clean_reason, edit_refusal, reject_refusal

READY = DraftRow(
    id=7, note_id=1, note_path="inbox/n.txt", note_version=1, patient="Sam Doe",
    date="2026-11-09", skill="soap_note", status="ready", reason="", backend="offline",
    model="", cost_usd=0.0, created="", checks={},
)  # fmt: skip


def test_only_ready_drafts_are_edited_or_signed() -> None:
    assert edit_refusal(READY) is None
    assert approve_refusal(READY) is None
    for status in ("queued", "drafting", "failed", "approved", "rejected"):
        other = replace(READY, status=status, reason="why")
        assert edit_refusal(other), status
        assert approve_refusal(other), status


def test_signed_drafts_are_never_rejected() -> None:
    assert reject_refusal(READY) is None
    assert reject_refusal(replace(READY, status="failed")) is None
    assert "signed" in (reject_refusal(replace(READY, status="approved")) or "")


def test_reasons_are_one_trimmed_line() -> None:
    assert clean_reason("  wrong\n patient ") == "wrong patient"
    assert clean_reason(" \n ") == ""
