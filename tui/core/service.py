"""ClinicService: the one door through which the CLI and the review app reach the domain.

It ties the clinic folder, the store, the Skill registry, the drafting backends, the checks and
the audit log together, so the UI never touches SQLite or files itself.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.audit_log import AuditLog, os_user
from tui.core.checks.audit import AuditRules, audit_note
from tui.core.checks.readability import readability
from tui.core.checks.verify import verify
from tui.core.clinic import Clinic, ensure_private_dir, write_private
from tui.core.context import Clinician
from tui.core.drafting.base import Backend, DraftingError
from tui.core.drafting.offline import OfflineBackend
from tui.core.errors import ChartdeskError
from tui.core.notes import Note, NoteError, parse_note_bytes, read_note, sha256_bytes
from tui.core.prompt import Prompt, build_prompt
from tui.core.skills import Skill
from tui.core.store import Draft, DraftResult, Job, Store, StoreError, Version, text_sha256

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file: a new draft, a duplicate, or a failure with its reason."""

    path: str
    status: str  # drafted | duplicate | failed
    note_id: int | None = None
    draft_id: int | None = None
    reason: str = ""


class ClinicService:
    """Domain operations for one clinic folder."""

    def __init__(self, clinic: Clinic, store: Store, backend: Backend | None = None) -> None:
        self.clinic = clinic
        self.store = store
        self.backend: Backend = backend or OfflineBackend()
        self.audit_log = AuditLog(clinic.paths.audit_log)

    @classmethod
    def open(cls, root: Path, backend: Backend | None = None) -> ClinicService:
        clinic = Clinic.open(root)
        return cls(clinic, Store(clinic.paths.db), backend)

    def close(self) -> None:
        self.store.close()

    @property
    def context(self) -> Any:
        return self.clinic.context

    # Intake -------------------------------------------------------------------------------------

    def relative(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.clinic.paths.root))
        except ValueError:
            return str(path)

    def ingest(self, path: Path, skill_id: str = "") -> IngestResult:
        """Read a note, record it once (by content hash), plan its Skill and queue a draft."""
        rel = self.relative(path)
        try:
            note = read_note(path, self.context.intake.max_bytes)
        except NoteError as exc:
            return self._failed(path, rel, str(exc))
        return self.ingest_note(note, rel, skill_id)

    def ingest_note(self, note: Note, rel: str, skill_id: str = "") -> IngestResult:
        existing = self.store.note_by_sha(note.sha256)
        if existing is not None:
            return IngestResult(rel, "duplicate", existing)
        try:
            skill = self.plan_skill(note, rel, skill_id)
        except ChartdeskError as exc:
            return self._failed_note(note, rel, str(exc))
        meta = _note_meta(note) | {"skill": skill.id}
        note_id, created = self.store.add_note(rel, note.sha256, meta, note.data, note.media_type)
        if not created:
            return IngestResult(rel, "duplicate", note_id)
        draft_id = self.store.create_draft(note_id, skill.id)
        self.store.set_skill_hash(draft_id, skill.sha256)
        return IngestResult(rel, "drafted", note_id, draft_id)

    def _failed(self, path: Path, rel: str, reason: str) -> IngestResult:
        try:
            digest = sha256_bytes(path.read_bytes()) if path.is_file() else ""
        except OSError:
            digest = ""
        note_id = self.store.add_failed_note(rel, digest, reason, {"kind": "text"})
        return IngestResult(rel, "failed", note_id, reason=reason)

    def _failed_note(self, note: Note, rel: str, reason: str) -> IngestResult:
        note_id = self.store.add_failed_note(rel, note.sha256, reason, _note_meta(note))
        return IngestResult(rel, "failed", note_id, reason=reason)

    def plan_skill(self, note: Note, rel: str = "", skill_id: str = "") -> Skill:
        """Which Skill drafts this note: explicit choice, header, inbox subfolder, file name,
        then the clinic's default for the discipline."""
        registry = self.clinic.skills
        folder = _inbox_folder(rel)
        for name, origin in ((skill_id, "--skill"), (note.skill, "the note's Skill"),
                             (folder, "the inbox folder")):  # fmt: skip
            if not name:
                continue
            skill = registry.resolve(name)
            if skill is not None:
                return skill
            if origin != "the note's Skill" or _explicit_header(note):
                raise ChartdeskError(f"unknown Skill {name!r} (from {origin})")
        default = registry.get(self.context.default_skill(note.discipline or "PT"))
        if default is None:
            raise ChartdeskError("no Skill for this note and the clinic default did not load")
        return default

    # Drafting -----------------------------------------------------------------------------------

    def prompt_for(self, draft: Draft, instruction: str = "") -> Prompt:
        """Rebuild the exact prompt for a draft from the stored note bytes."""
        skill = self.clinic.skills.get(draft.skill)
        if skill is None:
            raise DraftingError(f"Skill {draft.skill!r} is not loaded (fix it with `skills check`)")
        note = self.stored_note(draft.note_id)
        previous = ""
        if draft.parent_id is not None:
            parent = self.store.latest_version(draft.parent_id)
            previous = parent.text if parent else ""
        return build_prompt(self.context, skill, note, previous, instruction)

    def stored_note(self, note_id: int) -> Note:
        media_type, data = self.store.note_content(note_id)
        path = Path(self.store.note_path(note_id))
        try:
            return parse_note_bytes(path, data)
        except NoteError as exc:
            raise DraftingError(str(exc)) from exc

    async def run_job(
        self, job: Job, backend: Backend | None = None, on_text: Callable[[str], None] | None = None
    ) -> Draft:
        """Draft one claimed job through `backend`, check the result and store it once."""
        draft = self.store.get_draft(job.draft_id)
        chosen = backend or self.backend
        try:
            prompt = self.prompt_for(draft, job.instruction)
            self.store.set_skill_hash(draft.id, prompt.skill.sha256)
            result = await chosen.draft(prompt, on_text or (lambda _text: None))
        except DraftingError as exc:
            self.store.fail_job(job, str(exc))
            return self.store.get_draft(job.draft_id)
        checks = self.check(prompt, result)
        self.store.finish_job(job, result, checks)
        return self.store.get_draft(job.draft_id)

    def run_pending(self, backend: Backend | None = None, owner: str = "cli") -> int:
        """Draft every queued job, one at a time (the `draft` and `demo` commands)."""
        done = 0
        while (job := self.store.claim_job(owner)) is not None:
            asyncio.run(self.run_job(job, backend))
            done += 1
        return done

    def check(self, prompt: Prompt, result: DraftResult) -> dict[str, Any]:
        """Verify a finished draft against its note, audit billable notes, grade handouts."""
        skill, note = prompt.skill, prompt.note
        checks: dict[str, Any] = {}
        source = prompt.previous or note.body
        measures = self.context.measures
        if skill.verify and note.kind == "text":
            checks |= verify(source, result.text, measures).to_json()
        if skill.audit and note.kind == "text":
            report = audit_note(note, AuditRules.from_context(self.context))
            checks["findings"] = [f.to_json() for f in report.findings]
        if skill.max_grade:
            grade = readability(result.text, self.context.plain_language)
            checks["readability"] = grade.to_json()
        return checks

    # Review -------------------------------------------------------------------------------------

    def draft(self, draft_id: int) -> Draft:
        return self.store.get_draft(draft_id)

    def drafts(self, status: str | None = None) -> list[Draft]:
        return self.store.list_drafts(status)

    def changed_since(self, stamp: str) -> list[Draft]:
        """Drafts updated after `stamp` (see `last_change`): how a session follows the drafter."""
        return self.store.drafts_since(stamp)

    def last_change(self) -> str:
        return self.store.last_change()

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def versions(self, draft_id: int) -> list[Version]:
        return self.store.versions(draft_id)

    def source_note(self, draft_id: int) -> Note:
        """The note a draft was made from, as received (not as the inbox file is now)."""
        return self.stored_note(self.store.get_draft(draft_id).note_id)

    def text(self, draft_id: int) -> str:
        version = self.store.latest_version(draft_id)
        return version.text if version else ""

    def save_edit(self, draft_id: int, text: str, origin: str = "edit", clinician: str = "") -> Version:
        try:
            version = self.store.add_version(draft_id, text, origin, os_user())
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append(
            "edit", clinician, draft=draft_id, version=version.n, sha256=version.sha256
        )
        return version

    def reject(self, draft_id: int, reason: str, clinician: str = "") -> None:
        try:
            self.store.reject(draft_id, reason, os_user())
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append(
            "reject", clinician, draft=draft_id, reason_sha256=text_sha256(reason.strip())
        )

    def regenerate(self, draft_id: int, instruction: str = "", clinician: str = "") -> None:
        try:
            self.store.requeue(draft_id, instruction)
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append("regenerate", clinician, draft=draft_id)

    def approve(self, draft_id: int, clinician: Clinician) -> list[Path]:
        """Sign the latest version: write the signed files atomically, read-only, then record."""
        draft = self.store.get_draft(draft_id)
        version = self.store.latest_version(draft_id)
        if draft.status != "ready" or version is None:
            raise ChartdeskError(f"draft {draft_id} is {draft.status}; only a ready draft can be signed")
        signed_at = datetime.now(UTC).isoformat(timespec="seconds")
        folder = self.clinic.paths.approved / (draft.date or signed_at[:10])
        ensure_private_dir(folder)
        stem = f"{_slug(draft.patient) or 'patient'}-{draft.skill}-{draft.id}"
        signature = f"{clinician.name}, {clinician.credentials}"
        document = _signed_markdown(version.text, signature, signed_at)
        record = {
            "draft_id": draft.id,
            "patient": draft.patient,
            "date": draft.date,
            "skill": draft.skill,
            "text": document,
            "sha256": text_sha256(document),
            "draft_version": version.n,
            "draft_version_sha256": version.sha256,
            "clinician": clinician.name,
            "credentials": clinician.credentials,
            "os_user": os_user(),
            "signed_at": signed_at,
            "source_note": draft.note_path,
            "source_note_sha256": draft.note_sha256,
            "backend": draft.backend,
            "model": draft.model,
        }
        md_path = folder / f"{stem}.md"
        json_path = folder / f"{stem}.json"
        if md_path.exists():
            raise ChartdeskError(f"{md_path.name} already exists; signed documents are never replaced")
        write_private(md_path, document.encode("utf-8"), read_only=True)
        write_private(json_path, json.dumps(record, indent=2).encode("utf-8"), read_only=True)
        files = [self.relative(md_path), self.relative(json_path)]
        try:
            self.store.approve(draft_id, version, clinician.name, clinician.credentials, os_user(),
                               signed_at, draft.note_sha256, files)  # fmt: skip
        except StoreError as exc:
            raise ChartdeskError(str(exc)) from exc
        self.audit_log.append("approve", clinician.name, draft=draft_id,
                              sha256=record["sha256"], files=files)  # fmt: skip
        return [md_path, json_path]

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
                "cost_usd": round(draft.cost_usd, 6),
                "tokens": {
                    "input": draft.input_tokens,
                    "output": draft.output_tokens,
                    "cache_write": draft.cache_write_tokens,
                    "cache_read": draft.cache_read_tokens,
                },
                "checks": {
                    "missing": len(draft.checks.get("missing", ())),
                    "unsupported": len(draft.checks.get("unsupported", ())),
                    "findings": [f["code"] for f in draft.checks.get("findings", ())],
                },
            }
            if draft.reason:
                entry["reason"] = draft.reason
            drafts.append(entry)
        return {"drafts": drafts}


def _signed_markdown(text: str, signature: str, signed_at: str) -> str:
    return f"{text.rstrip()}\n\n---\nElectronically signed by {signature} on {signed_at}.\n"


def _slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-")


def _note_meta(note: Note) -> dict[str, Any]:
    return {
        "kind": note.kind,
        "patient": note.patient,
        "date": note.date,
        "visit": note.visit,
        "discipline": note.discipline,
        "payer": note.payer,
        "skill": note.skill,
    }


def _inbox_folder(rel: str) -> str:
    parts = Path(rel).parts
    if len(parts) >= 3 and parts[0] == "inbox":
        return parts[-2]
    return ""


def _explicit_header(note: Note) -> bool:
    """True when the Skill came from the note's own header rather than its file name."""
    stem_skill = note.path.stem.rsplit("_", 1)[-1].lower() if "_" in note.path.stem else ""
    return bool(note.skill) and note.skill != stem_skill
