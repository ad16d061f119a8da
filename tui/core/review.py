"""Review rules asked before an action: may this draft be edited, signed or rejected now?

The store enforces the hard rules (nothing signed is changed); these helpers answer earlier and
in words a clinician understands, so every front end refuses the same things the same way and
the rules are testable without a terminal.
"""

from __future__ import annotations

from tui.core.store import DraftRow

_IN_PROGRESS = ("queued", "drafting")


def title(draft: DraftRow) -> str:
    """A short human name for a draft: patient, document and date."""
    patient = draft.patient or "unknown patient"
    document = draft.skill or "no document"
    return f"{patient} · {document}" + (f" · {draft.date}" if draft.date else "")


def edit_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be edited now, or None when it can."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; a signed document is never edited."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is still being drafted; edit it once it is ready."
    if draft.status == "failed":
        return f"Draft {draft.id} failed ({draft.reason or 'no reason given'}); it has no text."
    if draft.status == "rejected":
        return f"Draft {draft.id} was rejected ({draft.reason}); it is closed."
    return None


def approve_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be signed now, or None when it can (only ready drafts)."""
    if draft.status == "ready":
        return None
    if draft.status == "approved":
        return f"Draft {draft.id} is already signed."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is still being drafted; sign it once it is ready."
    if draft.status == "failed":
        return f"Draft {draft.id} failed ({draft.reason or 'no reason given'}); nothing to sign."
    return f"Draft {draft.id} was rejected ({draft.reason}); it cannot be signed."


def reject_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be rejected now, or None when it can."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; a signed document cannot be rejected."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is still being drafted; reject it once it is ready."
    if draft.status == "rejected":
        return f"Draft {draft.id} is already rejected ({draft.reason})."
    return None


def clean_reason(reason: str) -> str:
    """A rejection reason as stored: one trimmed line; empty means no reason was given."""
    return " ".join(reason.split())
