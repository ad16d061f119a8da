"""Review rules asked before an action: may this draft be edited, signed or rejected now?

The store enforces the hard rules (nothing signed is changed); these helpers answer earlier and
in words a clinician understands, so every front end refuses the same things the same way and
the rules are testable without a terminal.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Final

from tui.core.records.store import DraftRow, QueueEntry, fold
from tui.core.skills.registry import Skill

_IN_PROGRESS = ("queued", "drafting")
_CLOSED = ("rejected", "superseded")


def closed_refusal(draft: DraftRow, what: str) -> str | None:
    """The one rule for closed drafts, whatever the action: a rejected draft stays rejected,
    and a superseded one is replaced by a newer draft of the same visit."""
    if draft.status == "rejected":
        return f"Draft {draft.id} was rejected ({draft.reason}); it is closed and cannot be {what}."
    if draft.status == "superseded":
        why = draft.reason or "superseded by a newer draft"
        return f"Draft {draft.id} cannot be {what}: it was {why}; work on that draft instead."
    return None


def identify_refusal(draft: DraftRow) -> str | None:
    """Why the patient and date of this draft's note cannot be set now (None when they can)."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; its patient and date are part of the record."
    return None


def title(draft: DraftRow) -> str:
    """A short name for a draft in its records (signed documents, addenda): patient, Skill id
    and date."""
    patient = draft.patient or "unknown patient"
    document = draft.skill or "no document"
    return f"{patient} · {document}" + (f" · {draft.date}" if draft.date else "")


def shown_title(draft: DraftRow) -> str:
    """The draft's name as the review app shows it: patient, the document as the queue's
    Document column words it ("soap note", not the id "soap_note") and date."""
    patient = draft.patient or "unknown patient"
    document = draft.skill.replace("_", " ") or "no document"
    return f"{patient} · {document}" + (f" · {draft.date}" if draft.date else "")


_ORIGIN_WORDS: Final[dict[str, str]] = {
    "edit": "edited",
    "autosave": "autosaved while editing",
    "restore": "restored",
    "addendum": "addendum",
}


def origin_label(origin: str, backend: str) -> str:
    """Where a version's text came from, in words: a draft of the offline drafter is not
    "model" text (no language model wrote it), and an edit is the clinician's."""
    if origin in ("model", "regenerate"):
        again = "redrafted" if origin == "regenerate" else "drafted"
        if backend in ("offline", ""):
            return f"{again} offline"
        return f"{again} by the {'local ' if backend == 'local' else ''}model"
    return _ORIGIN_WORDS.get(origin, origin)


def edit_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be edited now, or None when it can."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; a signed document is never edited."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is still being drafted; edit it once it is ready."
    if draft.status == "failed":
        return f"Draft {draft.id} failed ({draft.reason or 'no reason given'}); it has no text."
    return closed_refusal(draft, "edited")


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
    return closed_refusal(draft, "signed") or f"Draft {draft.id} cannot be signed."


def reject_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be rejected now, or None when it can."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; a signed document cannot be rejected."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is still being drafted; reject it once it is ready."
    if draft.status == "rejected":
        return f"Draft {draft.id} is already rejected ({draft.reason})."
    return closed_refusal(draft, "rejected")


def clean_reason(reason: str) -> str:
    """A rejection reason as stored: one trimmed line; empty means no reason was given."""
    return " ".join(reason.split())


def addendum_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot get an addendum (only signed documents take one)."""
    if draft.status == "approved":
        return None
    return f"Draft {draft.id} is not signed; edit it instead (an addendum is for signed documents)."


def regenerate_refusal(draft: DraftRow) -> str | None:
    """Why this draft cannot be drafted again now, or None when it can."""
    if draft.status == "approved":
        return f"Draft {draft.id} is signed; it is never redrafted. Add an addendum instead."
    if draft.status in _IN_PROGRESS:
        return f"Draft {draft.id} is already being drafted."
    return closed_refusal(draft, "drafted again")


def draftable_skills(draft: DraftRow, discipline: str, skills: Sequence[Skill]) -> list[Skill]:
    """The Skills a new draft of this draft's note may be made with (the palette's "Draft this
    note with …"): not its own Skill (g drafts again), not the end-of-day billing audit (it
    reads a day, not a note), not a second pass (it drafts from a first pass, never from a
    note), and only Skills of the note's discipline when it has one."""
    second_passes = {skill.next for skill in skills if skill.next}
    return [
        skill
        for skill in skills
        if skill.id != draft.skill
        and skill.kind != "audit"
        and skill.id not in second_passes
        and (not discipline or not skill.disciplines or discipline in skill.disciplines)
    ]


def cancel_refusal(draft: DraftRow) -> str | None:
    """Why there is nothing to cancel on this draft, or None when it is being drafted."""
    if draft.status in _IN_PROGRESS:
        return None
    return f"Draft {draft.id} is {draft.status}; only a draft being drafted can be cancelled."


# Filtering the queue ------------------------------------------------------------------------
# The queue filters in memory over precomputed lower-case text per row, so `/` answers within a
# keystroke even over 10,000 drafts; the status filter uses the words a clinician uses.

STATUS_FILTERS: Final[dict[str, frozenset[str]]] = {
    "all": frozenset(),
    "waiting": frozenset({"ready"}),
    "drafting": frozenset({"queued", "drafting"}),
    "failed": frozenset({"failed"}),
    "approved": frozenset({"approved"}),
    "rejected": frozenset({"rejected"}),
    "superseded": frozenset({"superseded"}),
}


NEEDS_CLINICIAN: Final = frozenset({"ready"})
"""Statuses of drafts waiting for the clinician's review (the flow moves on to them)."""


def next_to_review(listed: Sequence[tuple[int, str]], after: int) -> int | None:
    """The draft the review flow moves to once `after` is done with: the next one down the
    list that waits for review, else the first one above it (the day's earlier notes); None
    when nothing listed waits. `listed` is (draft id, status) in the order shown."""
    ids = [draft_id for draft_id, _status in listed]
    start = ids.index(after) + 1 if after in ids else 0
    for draft_id, status in [*listed[start:], *listed[:start]]:
        if draft_id != after and status in NEEDS_CLINICIAN:
            return draft_id
    return None


def next_status_filter(current: str) -> str:
    names = list(STATUS_FILTERS)
    return names[(names.index(current) + 1) % len(names)] if current in names else "all"


STATUS_WORDS: Final[dict[str, str]] = {"approved": "signed", "superseded": "replaced"}
"""Statuses as the review app says them (the store's and `queue --json`'s names stay)."""


def status_word(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def haystack(draft: DraftRow | QueueEntry) -> str:
    """What `/` searches in one row: patient, document, date and status, by the store's name
    and the app's word for it, case- and accent-free (`fold`, as the store's search)."""
    status = "waiting ready" if draft.status == "ready" else draft.status
    if draft.status in STATUS_WORDS:
        status += " " + STATUS_WORDS[draft.status]
    parts = (draft.patient, draft.skill, draft.skill.replace("_", " "), draft.date, status)
    return fold("\t".join(parts))


def query_terms(query: str) -> tuple[str, ...]:
    return tuple(fold(query).split())


def matches(text: str, terms: tuple[str, ...]) -> bool:
    """Every term of the query appears somewhere in the row's text."""
    return all(term in text for term in terms)


def unified_diff(before: str, after: str, before_label: str, after_label: str) -> list[str]:
    """Line diff of two texts, as `d` shows it (no trailing newlines on the lines)."""
    return list(
        difflib.unified_diff(
            before.splitlines(), after.splitlines(), before_label, after_label, lineterm="", n=2
        )
    )
