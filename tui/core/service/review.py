"""Review: what a clinician does to a draft before it is signed (edits, versions, rejection,
regeneration, its header), what the queue shows, and the records of opening and copying."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.errors import ChartdeskError, NoSpace, describe_os_error, is_disk_full
from tui.core.records.store import (
    OPEN_STATUSES,
    Draft,
    QueueEntry,
    StaleVersion,
    StoreError,
    Version,
    iso_day,
    text_sha256,
)
from tui.core.security.audit_log import os_user
from tui.core.service.checking import CheckingService
from tui.core.skills.registry import Skill

if TYPE_CHECKING:
    from tui.core.review.stats import TodayFigures


class SavedUnlogged(ChartdeskError):
    """The version is saved, but the audit log could not record the edit."""

    def __init__(self, version: Version, reason: str) -> None:
        super().__init__(
            f"Saved as version {version.n}, but the audit log could not record it ({reason})"
        )
        self.version = version


@dataclass(frozen=True)
class Poll:
    """What changed since a review session last looked."""

    cursor: int
    drafts: list[Draft]
    counts: dict[str, int] | None


class ReviewService(CheckingService):
    """The queue and every review action short of signing."""

    def draft(self, draft_id: int) -> Draft:
        return self.store.get_draft(draft_id)

    def partial_text(self, draft_id: int) -> str:
        """The text of a draft still being drafted, as its drafter (in any process) last
        checkpointed it, about once a second ("" when none)."""
        return self.store.partial_text(draft_id)

    def drafts(self, status: str | None = None) -> list[Draft]:
        return self.store.list_drafts(status)

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def open_counts(self) -> dict[str, int]:
        """Drafts per open status (queued, drafting, waiting, failed; the others 0): what the
        review app's header shows, cheap however many drafts the clinic has signed."""
        return self.store.counts(OPEN_STATUSES)

    def versions(self, draft_id: int) -> list[Version]:
        return self.store.versions(draft_id)

    def text(self, draft_id: int) -> str:
        version = self.store.latest_version(draft_id)
        return version.text if version else ""

    def latest_version(self, draft_id: int) -> Version | None:
        return self.store.latest_version(draft_id)

    def version(self, draft_id: int, n: int) -> Version | None:
        return self.store.version(draft_id, n)

    def model_version(self, draft_id: int) -> Version | None:
        """The model's latest draft of this document: what the clinician's edits are measured
        against (the first version, unless it was regenerated)."""
        return self.store.model_version(draft_id)

    def change_cursor(self) -> int:
        return self.store.change_cursor()

    def queue_entries(self, limit: int | None = None, since: str = "") -> list[QueueEntry]:
        """The queue's rows: all drafts, or with `since` (ISO day) the open work and the
        drafts of the days since (see `Store.queue_entries`)."""
        return self.store.queue_entries(limit, since)

    def search_drafts(self, terms: tuple[str, ...], before: str) -> list[QueueEntry]:
        """Drafts of notes dated before `before` matching every `/` term (newest 200)."""
        return self.store.search_drafts(terms, before)

    def approval(self, draft_id: int) -> dict[str, Any] | None:
        """Who signed a draft, when, and the signed files (None when not signed)."""
        return self.store.approval(draft_id)

    def poll(self, cursor: int) -> Poll:
        """Drafts changed by any process since `cursor`, the new cursor, and fresh counts when
        anything changed (None otherwise, so an idle poll costs one tiny query)."""
        latest, drafts = self.store.changes_since(cursor)
        return Poll(latest, drafts, self.open_counts() if drafts else None)

    def save_edit(
        self,
        draft_id: int,
        text: str,
        origin: str = "edit",
        clinician: str = "",
        base_n: int | None = None,
        *,
        in_place: bool = False,
    ) -> Version:
        """Save an edit as a new version. With `base_n` (the version the editor opened), an
        edit made on top of a version another session has since replaced is refused, and the
        typed text is kept in ``.chartdesk/unsaved/`` so nothing typed is ever lost.

        `in_place` rewrites version `base_n` instead: the editing session's one working
        version (an autosave), updated until the editor closes or the clinician saves; its
        checks start again."""
        # A version names the clinician who wrote it (the OS account only when the session
        # does not know who is at the keyboard yet).
        author = clinician or os_user()
        try:
            if in_place and base_n is not None:
                version = self.store.replace_working_version(draft_id, base_n, text, origin, author)
            else:
                version = self.store.add_version(draft_id, text, origin, author, base_n)
        except StaleVersion as exc:
            kept = self._keep_unsaved(draft_id, text)
            raise ChartdeskError(
                f"{exc}; your text is kept ({self.relative(kept)}): reopen the draft to see the "
                "other edit, or save again to replace it"
            ) from exc
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        except (sqlite3.Error, OSError) as exc:
            if is_disk_full(exc):
                raise NoSpace("Not saved: the disk is full") from exc
            raise
        try:
            self.audit_log.append(
                "edit", clinician, draft=draft_id, version=version.n, sha256=version.sha256
            )
        except OSError as exc:  # the version is saved; the log's gap is reported, not hidden
            raise SavedUnlogged(version, describe_os_error(exc)) from exc
        return version

    def autosave(
        self,
        draft_id: int,
        text: str,
        clinician: str = "",
        base_n: int | None = None,
        *,
        in_place: bool = False,
    ) -> Version:
        """Keep what was typed as a version (origin ``autosave``); unchanged text is not one.
        With `in_place`, version `base_n` (this session's working version) is updated."""
        return self.save_edit(draft_id, text, "autosave", clinician, base_n, in_place=in_place)

    def _keep_unsaved(self, draft_id: int, text: str) -> Path:
        return self.keep_unsaved(f"draft-{draft_id}", ".md", text)

    def restore_version(self, draft_id: int, n: int, clinician: str = "") -> Version:
        """Make an old version current again, as a new version (history is never rewritten)."""
        old = self.store.version(draft_id, n)
        if old is None:
            raise ChartdeskError(f"draft {draft_id} has no version {n}")
        return self.save_edit(draft_id, old.text, origin="restore", clinician=clinician)

    def reject(self, draft_id: int, reason: str, clinician: str = "") -> None:
        try:
            self.store.reject(draft_id, reason, os_user())
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append(
            "reject", clinician, draft=draft_id, reason_sha256=text_sha256(reason.strip())
        )

    def regenerate(self, draft_id: int, instruction: str = "", clinician: str = "") -> None:
        """Draft again. An instruction the clinic's drafter cannot follow (the offline drafter
        follows none) is refused, so a clinician never waits for a change that cannot come."""
        from tui.core.drafting.select import drafts_offline

        if instruction.strip() and drafts_offline(self.context):
            raise ChartdeskError(
                "the offline drafter cannot follow instructions; the text is unchanged "
                "(edit it with e, or configure a model in context.toml)"
            )
        try:
            self.store.requeue(draft_id, instruction)
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append("regenerate", clinician, draft=draft_id)

    def cancel_draft(self, draft_id: int, clinician: str = "") -> bool:
        """Stop drafting a draft (its pending or running job); True if there was one."""
        cancelled = self.store.cancel_jobs(draft_id)
        if cancelled:
            self.audit_log.append("cancel", clinician, draft=draft_id)
        return cancelled

    def draft_with(self, draft_id: int, skill_id: str, clinician: str = "") -> int:
        """Queue a new draft of the same note with another Skill; returns the new draft's id."""
        draft = self.store.get_draft(draft_id)
        skill = self.clinic.skills.resolve(skill_id)
        if skill is None:
            raise ChartdeskError(f"unknown Skill {skill_id!r}")
        try:
            self.store.note_content(draft.note_id)
        except StoreError as exc:
            raise ChartdeskError(f"draft {draft_id} has no readable note to draft from") from exc
        new_id = self.store.create_draft(draft.note_id, skill.id)
        self.store.set_skill_hash(new_id, skill.sha256)
        self.audit_log.append("draft_with", clinician, draft=new_id, skill=skill.id)
        return new_id

    def identify(self, draft_id: int, fields: dict[str, str], clinician: str = "") -> list[str]:
        """Set the patient, date of service, MRN or DOB of a draft's note from the app (a note
        without a header cannot be signed until patient and date are set). Recorded as an edit:
        each change in the store's header edits, and in the audit log by field name."""
        cleaned = {key: " ".join(value.split()) for key, value in fields.items()}
        if "date" in cleaned and cleaned["date"] and iso_day(cleaned["date"]) == "":
            raise ChartdeskError(f"{cleaned['date']!r} is not a date (YYYY-MM-DD or MM/DD/YYYY)")
        try:
            changed = self.store.set_identity(draft_id, cleaned, os_user())
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        if changed:
            self.audit_log.append("identify", clinician, draft=draft_id, fields=changed)
            note_id = self.store.get_draft(draft_id).note_id
            for other in self.store.drafts_of_note(note_id, statuses=("ready",)):
                self.check_version(other)  # the audit reads the patient's history by name
        return changed

    def skill_list(self) -> list[Skill]:
        return sorted(self.clinic.skills, key=lambda skill: skill.name.lower())

    def queue_json(self, status: str | None = None) -> dict[str, Any]:
        """The `chartdesk queue --json` document (DESIGN.md contract plus cost and backend)."""
        drafts = []
        for draft in self.store.list_drafts(status):
            entry: dict[str, Any] = {
                "id": draft.id,
                "note": draft.note_path,
                "note_version": draft.note_version,
                "patient": draft.patient,
                "skill": draft.skill,
                "status": draft.status,
                "created": draft.created,
                "backend": draft.backend,
                "model": draft.model,
                "server_model": draft.server_model,
                "cost_usd": round(draft.cost_usd, 6),
                "tokens": {
                    "input": draft.input_tokens,
                    "output": draft.output_tokens,
                    "cache_write": draft.cache_write_tokens,
                    "cache_read": draft.cache_read_tokens,
                    "reused": draft.reused_tokens,
                },
                "checks": {
                    "version": draft.checked_n,
                    "checking": draft.checking,
                    "missing": len(draft.checks.get("missing", ())),
                    "unsupported": len(draft.checks.get("unsupported", ())),
                    "findings": [f["code"] for f in draft.checks.get("findings", ())],
                    "handout": [f["code"] for f in draft.checks.get("handout", ())],
                },
            }
            if draft.reason:
                entry["reason"] = draft.reason
            if draft.superseded_by is not None:
                entry["superseded_by"] = draft.superseded_by
            if draft.status == "approved":
                entry["signature"] = self._signature_json(draft.id)
            drafts.append(entry)
        return {"drafts": drafts}

    def _signature_json(self, draft_id: int) -> dict[str, Any]:
        approval = self.store.approval(draft_id) or {}
        cosigned = approval.get("cosigned")
        return {
            "clinician": approval.get("clinician", ""),
            "signed_at": approval.get("signed_at", ""),
            "override": approval.get("override_codes", []),
            "cosign_by": approval.get("cosign_by") or None,
            "cosigned_by": cosigned["clinician"] if cosigned else None,
        }

    def record_open(self, draft_id: int, clinician: str = "") -> None:
        """A clinician read a draft: who, which draft, which text (by hash)."""
        version = self.store.latest_version(draft_id)
        detail: dict[str, object] = {"draft": draft_id}
        if version is not None:
            detail |= {"version": version.n, "sha256": version.sha256}
        self.audit_log.append("open", clinician, **detail)

    def record_copy(self, draft_id: int | None, text: str, clinician: str = "") -> None:
        """Text left the app through the terminal clipboard: record which draft, by hash."""
        detail: dict[str, object] = {"sha256": text_sha256(text)}
        if draft_id is not None:
            detail["draft"] = draft_id
        self.audit_log.append("copy", clinician, **detail)

    def record_lock(
        self, action: str, clinician: str = "", count: int = 0, method: str = ""
    ) -> None:
        """The screen locked, unlocked (with `method`: the PIN or the OS password), or refused
        what was typed (`count` failed attempts so far)."""
        if action not in ("lock", "unlock", "unlock_failed"):
            raise ValueError(action)
        detail: dict[str, object] = {"count": count} if count else {}
        if method:
            detail["method"] = method
        self.audit_log.append(action, clinician, **detail)

    def today(self, day: date) -> TodayFigures:
        from tui.core.review.stats import today_figures  # statistics: not needed to open the queue

        return today_figures(self.store, day)
