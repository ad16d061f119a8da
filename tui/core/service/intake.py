"""Intake: a note file becomes a recorded note and a queued draft (or one failed entry with its
reason), with its Skill chosen by one rule."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.errors import ChartdeskError
from tui.core.intake.notes import (
    VANISHED,
    Note,
    NoteError,
    NoteVanished,
    read_note,
)
from tui.core.service.base import ServiceBase
from tui.core.skills.billed_documents import billed_document
from tui.core.skills.registry import Skill, SkillRegistry


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file: a new draft, a duplicate, or a failure with its reason."""

    path: str
    status: str  # drafted | duplicate | failed (| vanished, only when asked not to record it)
    note_id: int | None = None
    draft_id: int | None = None
    reason: str = ""


UNKNOWN_SKILL = "unknown Skill"
"""How the reason of a note failed for a Skill the clinic lacks begins."""


class IntakeService(ServiceBase):
    """Reading, recording and planning notes."""

    _intake_registry: SkillRegistry | None = None

    def ingest(
        self, path: Path, skill_id: str = "", *, record_vanished: bool = True
    ) -> IngestResult:
        """Read a note, record it once (by content hash), plan its Skill and queue a draft.

        Never raises for a bad file: each becomes one failed entry with its reason (recorded
        once per path and content, superseded when the file is fixed). With `record_vanished`
        False a file gone before it was read is reported (status ``vanished``) but not
        recorded: the watcher may know it was only renamed."""
        rel = self.relative(path)
        refused = self._refused_link(path)
        if refused:
            return self._failed(rel, refused)
        try:
            note = read_note(path, self.context.intake.max_bytes)
        except NoteVanished as exc:
            if not record_vanished:
                return IngestResult(rel, "vanished", reason=str(exc))
            return self._failed(rel, str(exc))
        except NoteError as exc:
            return self._failed(rel, str(exc), exc.sha256)
        return self.ingest_note(note, rel, skill_id)

    def record_vanished(self, path: Path) -> IngestResult:
        """Record a file that was gone before it could be read (one failed entry)."""
        return self._failed(self.relative(path), VANISHED)

    def ingest_note(self, note: Note, rel: str, skill_id: str = "") -> IngestResult:
        existing = self.store.note_by_sha(note.sha256)
        if existing is not None:
            return IngestResult(rel, "duplicate", existing)
        try:
            skill = self.plan_skill(note, rel, skill_id)
        except ChartdeskError as exc:
            return self._failed_note(note, rel, str(exc))
        meta = _note_meta(note) | {"skill": skill.id}
        note_id, created = self.store.add_note(
            rel, note.sha256, meta, note.data, note.media_type, skill.id, skill.sha256
        )
        if not created:
            return IngestResult(rel, "duplicate", note_id)
        return IngestResult(rel, "drafted", note_id, self.store.draft_of_note(note_id))

    def queue_orphan_notes(self) -> int:
        """Queue a draft for each recorded note that has none (notes recorded before a note and
        its draft were stored in one transaction); the drafter runs it at start-up, holding the
        lock. Returns how many drafts it queued."""
        orphans = self.store.notes_without_drafts()
        for note_id, skill_id in orphans:
            self.store.create_draft(note_id, skill_id)
        return len(orphans)

    def _refused_link(self, path: Path) -> str:
        """Why a symlink in the inbox is refused ("" for a real file). Links are never read
        through, so a link cannot make chartdesk read a file from outside the clinic."""
        if not path.is_symlink():
            return ""
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(self.clinic.paths.root):
            return "symlink to a file outside the clinic folder: refused, never followed"
        return "symlink: refused, never followed; put the note file itself in the inbox"

    def _failed(self, rel: str, reason: str, digest: str = "") -> IngestResult:
        note_id = self.store.add_failed_note(rel, digest, reason, {"kind": "text"})
        return IngestResult(rel, "failed", note_id, reason=reason)

    def _failed_note(self, note: Note, rel: str, reason: str) -> IngestResult:
        note_id = self.store.add_failed_note(rel, note.sha256, reason, _note_meta(note))
        return IngestResult(rel, "failed", note_id, reason=reason)

    def plan_skill(self, note: Note, rel: str = "", skill_id: str = "") -> Skill:
        """Which Skill drafts this note, by one rule wherever a note is drafted (`watch`, the
        app's drafter, `chartdesk draft`), first match wins:

        1. ``--skill`` (or the app's "Draft this note with …");
        2. the note's own ``Skill:`` header (or front matter): what the clinician wrote;
        3. the inbox subfolder it was dropped in (``inbox/peds_soap/``): where they put it;
        4. the file name's ``_suffix`` (``..._soap.txt``), often made by a scanner or an app;
        5. the evaluation the note bills (97162 drafts a PT initial evaluation, 97168 an OT
           re-evaluation; data/documents.toml), when the clinic has that Skill;
        6. the clinic's default for the note's discipline (``[defaults] skill``).

        A header or a folder that names no Skill is a failed note with the reason (the
        clinician asked for something the clinic does not have); a file-name suffix that names
        none is not a request and falls through to the default. The clinic's Skills are read
        again when a file in skills/ changed, so a Skill added to a running `watch` is used
        for the next note."""
        registry = self.clinic.fresh_skills()
        header = note.skill if note.skill_from == "header" else ""
        from_name = note.skill if note.skill_from == "file name" else ""
        for name, origin in (
            (skill_id, "--skill"),
            (header, "the note's Skill: header"),
            (_inbox_folder(rel), "the inbox folder"),
            (from_name, ""),
        ):
            if not name:
                continue
            skill = registry.resolve(name)
            if skill is not None:
                return skill
            if origin == "the note's Skill: header":
                # Header text is note text: never repeated in a reason (reasons reach logs).
                raise ChartdeskError(
                    "unknown Skill: the note's Skill: header names no Skill of this clinic "
                    "(see `chartdesk skills list`)"
                )
            if origin:
                raise ChartdeskError(f"unknown Skill {name!r} (from {origin})")
        billed = registry.resolve(billed_document(note.body) or "")
        if billed is not None:
            return billed
        default = registry.get(self.context.default_skill(note.discipline or "PT"))
        if default is None:
            raise ChartdeskError("no Skill for this note and the clinic default did not load")
        return default

    def notes_for_new_skills(self) -> list[Path]:
        """The files of failed notes that named a Skill the clinic did not have, once the
        clinic's Skills have changed since the last call (a Skill added or fixed in skills/):
        read again, they may now be drafted, without restarting `watch`. Empty (and cheap: one
        look at skills/) while the Skills are unchanged."""
        registry = self.clinic.fresh_skills()
        if self._intake_registry is None or registry is self._intake_registry:
            self._intake_registry = registry
            return []
        self._intake_registry = registry
        root = self.clinic.paths.root
        return [
            root / path
            for path in self.store.failed_note_paths(UNKNOWN_SKILL)
            if (root / path).is_file()
        ]


def _note_meta(note: Note) -> dict[str, Any]:
    return {
        "kind": note.kind,
        "patient": note.patient,
        "date": note.date,
        "visit": note.visit,
        "discipline": note.discipline,
        "payer": note.payer,
        "skill": note.skill,
        "mrn": note.mrn,
        "dob": note.dob,
        "diagnosis": note.diagnosis,
        "clinician": note.clinician,
    }


def _inbox_folder(rel: str) -> str:
    parts = Path(rel).parts
    if len(parts) >= 3 and parts[0] == "inbox":
        return parts[-2]
    return ""
