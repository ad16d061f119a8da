"""ClinicService: the one door through which the CLI and the review app reach the domain.

It ties the clinic folder, the store, the Skill registry, the drafting backends, the checks and
the audit log together, so the UI never touches SQLite or files itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.clinic import Clinic, ClinicPaths, ensure_private_dir, write_private
from tui.core.context import Clinician
from tui.core.drafting.base import Backend, DraftingError
from tui.core.errors import ChartdeskError, NoSpace, describe_os_error, is_disk_full
from tui.core.intake.notes import (
    VANISHED,
    Note,
    NoteError,
    NoteVanished,
    parse_note_bytes,
    read_note,
)
from tui.core.prompt import Prompt, build_prompt
from tui.core.records.document import document_body, with_lines
from tui.core.records.store import (
    Draft,
    DraftResult,
    QueueEntry,
    StaleVersion,
    Store,
    StoreError,
    Version,
    is_empty_store,
    iso_day,
    text_sha256,
)
from tui.core.security.audit_log import AuditLog, os_user
from tui.core.signing.desk import SigningDesk
from tui.core.signing.gate import (
    REFUSAL,
    Gate,
    GateItem,
    Identity,
    build_gate,
)
from tui.core.signing.journal import Recovery, SigningJournal
from tui.core.signing.records import slug
from tui.core.signing.signers import (
    Choice,
    Signer,
    SigningRefused,
    authenticate,
    choices,
    discipline_refusal,
    document_discipline,
)
from tui.core.skills.registry import Skill

if TYPE_CHECKING:
    from tui.core.checks.audit import PatientHistory
    from tui.core.review.stats import TodayFigures

_SLUG = re.compile(r"[^a-z0-9]+")


class SavedUnlogged(ChartdeskError):
    """The version is saved, but the audit log could not record the edit."""

    def __init__(self, version: Version, reason: str) -> None:
        super().__init__(
            f"Saved as version {version.n}, but the audit log could not record it ({reason})"
        )
        self.version = version


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file: a new draft, a duplicate, or a failure with its reason."""

    path: str
    status: str  # drafted | duplicate | failed (| vanished, only when asked not to record it)
    note_id: int | None = None
    draft_id: int | None = None
    reason: str = ""


class ClinicService:
    """Domain operations for one clinic folder."""

    def __init__(self, clinic: Clinic, store: Store, backend: Backend | None = None) -> None:
        self.clinic = clinic
        self.store = store
        self._backend = backend
        self.audit_log = AuditLog(clinic.paths.audit_log)
        paths = clinic.paths
        self.journal = SigningJournal(store, paths.root, paths.state, self.audit_log)
        self.signing = SigningDesk(self)

    @property
    def backend(self) -> Backend:
        """The backend used when none is passed: the offline drafter unless one was given."""
        if self._backend is None:
            from tui.core.drafting.offline import OfflineBackend

            self._backend = OfflineBackend()
        return self._backend

    @classmethod
    def open(cls, root: Path, backend: Backend | None = None) -> ClinicService:
        """Open a clinic; signatures a crash left half done are completed or rolled back."""
        clinic = Clinic.open(root)
        refuse_lost_store(clinic.paths)
        service = cls(clinic, Store(clinic.paths.db), backend)
        service.recover_signings()
        return service

    def close(self) -> None:
        self.store.close()

    def check_store(self) -> None:
        """Raise StoreReplaced if state.db was deleted or replaced under this process."""
        self.store.check_file()

    @property
    def context(self) -> Any:
        return self.clinic.context

    # Intake -------------------------------------------------------------------------------------

    def relative(self, path: Path) -> str:
        """The path as recorded: relative to the clinic (``inbox/...`` even when the inbox is a
        symlink to a share), without following the file itself, and always storable text."""
        paths = self.clinic.paths
        full = path.parent.resolve() / path.name
        rel = full
        for base, prefix in ((paths.inbox.resolve(), Path("inbox")), (paths.root, Path())):
            if full.is_relative_to(base):
                rel = prefix / full.relative_to(base)
                break
        return _storable(str(rel))

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
        """Which Skill drafts this note: explicit choice, header, inbox subfolder, file name,
        then the clinic's default for the discipline."""
        registry = self.clinic.skills
        folder = _inbox_folder(rel)
        for name, origin in (
            (skill_id, "--skill"),
            (note.skill, "the note's Skill"),
            (folder, "the inbox folder"),
        ):
            if not name:
                continue
            skill = registry.resolve(name)
            if skill is not None:
                return skill
            if origin == "the note's Skill" and _explicit_header(note):
                # Header text is note text: never repeated in a reason (reasons reach logs).
                raise ChartdeskError(
                    "unknown Skill: the note's Skill: header names no Skill of this clinic "
                    "(see `chartdesk skills list`)"
                )
            if origin != "the note's Skill":
                raise ChartdeskError(f"unknown Skill {name!r} (from {origin})")
        default = registry.get(self.context.default_skill(note.discipline or "PT"))
        if default is None:
            raise ChartdeskError("no Skill for this note and the clinic default did not load")
        return default

    # Drafting -----------------------------------------------------------------------------------

    def prompt_for(self, draft: Draft, instruction: str = "") -> Prompt:
        """Rebuild the exact prompt for a draft from the stored note bytes."""
        skill = self.clinic.fresh_skills().get(draft.skill)
        if skill is None:
            raise DraftingError(f"Skill {draft.skill!r} is not loaded (fix it with `skills check`)")
        note = self.stored_note(draft.note_id)
        previous = self._approved_text(draft.parent_id) if draft.parent_id is not None else ""
        return build_prompt(self.context, skill, note, previous, instruction)

    def _approved_text(self, draft_id: int) -> str:
        """The signed text of a first pass (its latest version if it was never signed)."""
        approval = self.store.approval(draft_id)
        versions = self.store.versions(draft_id)
        for version in versions:
            if approval and version.id == approval["version_id"]:
                return version.text
        return versions[-1].text if versions else ""

    def stored_note(self, note_id: int) -> Note:
        """The note as received, with the patient, date, MRN and DOB a clinician has set since
        (a note's header is corrected in the app, never in its file)."""
        _media_type, data = self.store.note_content(note_id)
        path = Path(self.store.note_path(note_id))
        try:
            note = parse_note_bytes(path, data)
        except NoteError as exc:
            raise DraftingError(str(exc)) from exc
        recorded = self.store.note_identity(note_id)
        return replace(
            note,
            patient=recorded["patient"] or note.patient,
            date=recorded["date"] or note.date,
            mrn=recorded["mrn"] or note.mrn,
            dob=recorded["dob"] or note.dob,
        )

    async def draft_file(
        self, path: Path, skill_id: str = "", backend: Backend | None = None
    ) -> tuple[Skill, DraftResult, dict[str, Any]]:
        """Draft one note file without queueing it (`chartdesk draft`)."""
        try:
            note = read_note(path, self.context.intake.max_bytes)
        except NoteError as exc:
            raise ChartdeskError(f"{path}: {exc}") from exc
        skill = self.plan_skill(note, "", skill_id)
        prompt = build_prompt(self.context, skill, note)
        try:
            result = await (backend or self.backend).draft(prompt, lambda _text: None)
        except DraftingError as exc:
            raise ChartdeskError(f"{path}: {exc}") from exc
        return skill, result, self.check(prompt, result)

    def check(self, prompt: Prompt, result: DraftResult) -> dict[str, Any]:
        """The checks of a finished draft (see `check_document`)."""
        return self.check_document(prompt.skill, prompt.note, prompt.previous, result.text)

    def check_document(self, skill: Skill, note: Note, previous: str, text: str) -> dict[str, Any]:
        """Everything the sign gate needs to know about one text of a document: facts of the
        note it misses and values it carries that the note does not support (each with its
        line), the audit of billable notes, the handout checks of patient-facing documents,
        drafting scaffolding and sections left "[not documented]"."""
        # The checks load their clinical tables on first use, so the review app opens without
        # paying for them (about 0.1 s).
        from tui.core.checks.audit import AuditRules, audit_note
        from tui.core.checks.handout import check_handout
        from tui.core.checks.readability import readability
        from tui.core.checks.verify import verify
        from tui.core.signing.scaffolding import not_documented, scaffolding

        checks: dict[str, Any] = {}
        source = previous or note.text
        measures = self.context.measures
        if skill.verify and note.kind == "text":
            found = verify(source, text, measures).to_json()
            checks["missing"] = with_lines(found["missing"], source)
            checks["unsupported"] = with_lines(found["unsupported"], text)
        if skill.audit and note.kind == "text":
            history = self.patient_history(note, skill.id)
            report = audit_note(note, AuditRules.from_context(self.context), history)
            checks["findings"] = [f.to_json() for f in report.findings]
        if skill.max_grade:
            grade = readability(document_body(text), self.context.plain_language)
            checks["readability"] = grade.to_json() | {"max_grade": skill.max_grade}
        if skill.patient_facing:
            handout = check_handout(
                text, phone=self.context.phone, swaps=self.context.plain_language
            )
            checks["handout"] = [item.to_json() for item in handout]
        checks["scaffolding"] = [item.to_json() for item in scaffolding(text)]
        checks["not_documented"] = [item.to_json() for item in not_documented(text)]
        return checks

    def patient_history(self, note: Note, skill_id: str = "") -> PatientHistory:
        """The patient's episode as the store knows it (last report, plan-of-care date), so
        the audit sees reports made on earlier visits, not only what this note's header says."""
        from tui.core.checks.history import patient_history

        kinds = {skill.id: skill.kind for skill in self.clinic.skills}
        return patient_history(self.store, note, kinds, skill_id)

    # Review -------------------------------------------------------------------------------------

    def draft(self, draft_id: int) -> Draft:
        return self.store.get_draft(draft_id)

    def drafts(self, status: str | None = None) -> list[Draft]:
        return self.store.list_drafts(status)

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

    def save_edit(
        self,
        draft_id: int,
        text: str,
        origin: str = "edit",
        clinician: str = "",
        base_n: int | None = None,
    ) -> Version:
        """Save an edit as a new version. With `base_n` (the version the editor opened), an
        edit made on top of a version another session has since replaced is refused, and the
        typed text is kept in ``.chartdesk/unsaved/`` so nothing typed is ever lost."""
        try:
            version = self.store.add_version(draft_id, text, origin, os_user(), base_n)
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

    def _keep_unsaved(self, draft_id: int, text: str) -> Path:
        return self.keep_unsaved(f"draft-{draft_id}", ".md", text)

    def keep_unsaved(self, name: str, suffix: str, text: str) -> Path:
        """Keep text that could not be saved where it belongs (``.chartdesk/unsaved/``, private),
        under a name that never replaces an earlier one."""
        folder = self.clinic.paths.state / "unsaved"
        ensure_private_dir(folder)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        path = folder / f"{name}-{stamp}{suffix}"
        write_private(path, text.encode("utf-8"))
        return path

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

    # Checks of each version and the sign gate (issue 11) -------------------------------------

    def check_version(self, draft_id: int, n: int | None = None) -> dict[str, Any]:
        """Check one version (the latest by default) against its note and store the result:
        every saved text is checked, so what the screen shows as checked is what is signed."""
        draft = self.store.get_draft(draft_id)
        version = self.store.version(draft_id, n) if n else self.store.latest_version(draft_id)
        if version is None:
            raise ChartdeskError(f"draft {draft_id} has no text to check")
        skill = self.clinic.fresh_skills().get(draft.skill)
        if skill is None:
            checks: dict[str, Any] = {
                "unavailable": f"the Skill {draft.skill!r} is not loaded (`skills check`)"
            }
        else:
            note = self.stored_note(draft.note_id)
            previous = self._approved_text(draft.parent_id) if draft.parent_id else ""
            checks = self.check_document(skill, note, previous, version.text)
        self.store.set_checks(draft_id, version.n, checks)
        return checks

    def check_pending(self, limit: int = 20) -> int:
        """Check the open drafts whose latest text has no checks yet (a session that saved an
        edit and closed before checking it); returns how many were checked."""
        pending = self.store.unchecked_drafts(limit)
        for draft_id in pending:
            self.check_version(draft_id)
        return len(pending)

    def gate(self, draft_id: int) -> Gate:
        """Everything open on the latest version of a draft, sorted by what signing over it
        takes (see `tui.core.signing.gate`); checks it first if its checks are pending."""
        draft = self.store.get_draft(draft_id)
        version = self.store.latest_version(draft_id)
        if version is None:
            raise ChartdeskError(f"draft {draft_id} has no text to sign")
        checks = self.store.version_checks(draft_id, version.n)
        if checks is None:
            checks = self.check_version(draft_id, version.n)
        unavailable = checks.get("unavailable")
        gate = build_gate(
            draft_id,
            version.n,
            version.sha256,
            checks,
            Identity(draft.patient, draft.date),
            self.store.signed_same_visit(draft_id) if draft.parent_id is None else (),
        )
        if unavailable:
            blocked = GateItem(REFUSAL, "CHECKS_UNAVAILABLE", f"Cannot check: {unavailable}.")
            gate = replace(gate, items=(blocked, *gate.items))
        return gate

    def open_items(self, draft: Draft, version: Version | None) -> Gate | None:
        """What the draft pane lists for the version on screen, from the checks stored for the
        draft (never checking on the UI thread: a draft still being checked says so)."""
        if version is None or draft.status in ("approved", "queued", "drafting"):
            return None
        return build_gate(
            draft.id,
            version.n,
            version.sha256,
            draft.checks,
            Identity(draft.patient, draft.date),
            self.store.signed_same_visit(draft.id) if draft.parent_id is None else (),
        )

    def signature_line(self, draft_id: int) -> str:
        """Who signed a draft and when, and the co-signature it has or awaits ("" unsigned)."""
        approval = self.store.approval(draft_id)
        if approval is None:
            return ""
        when = str(approval["signed_at"]).replace("T", " ")
        line = f"Signed by {approval['clinician']}, {approval['credentials']} on {when}"
        cosigned = approval["cosigned"]
        if cosigned is not None:
            line += f"; co-signed by {cosigned['clinician']}, {cosigned['credentials']}"
        elif approval["cosign_by"]:
            supervisor = self.context.clinician(approval["cosign_by"])
            who = supervisor.signature if supervisor else approval["cosign_by"]
            line += f"; awaiting co-signature by {who} (a)"
        if approval["override_codes"]:
            line += f"; signed over {', '.join(approval['override_codes'])}"
        return line

    # Who signs ----------------------------------------------------------------------------------

    def signer_choices(self) -> list[Choice]:
        """The clinicians who could sign in this session, this OS account's own first."""
        return choices(self.context, self.clinic.paths.state, os_user())

    def authenticate(self, clinician_key: str, pin: str | None = None) -> Signer:
        """Establish who signs (the account's own clinician, or a clinician with their PIN);
        a refusal is recorded in the audit log (who was named, never what was typed)."""
        try:
            return authenticate(
                self.context, self.clinic.paths.state, clinician_key, pin, os_user()
            )
        except SigningRefused:
            self.audit_log.append("sign_refused", clinician_key)
            raise

    def sign_refusal(self, draft: Draft, signer: Clinician) -> str | None:
        """Why this clinician may not sign this draft (discipline), or None."""
        skill = self.clinic.skills.get(draft.skill)
        disciplines = skill.disciplines if skill else ()
        discipline = document_discipline(draft.discipline, disciplines)
        return discipline_refusal(signer, discipline, skill.signers if skill else ())

    # Signing (tui.core.signing.desk) -------------------------------------------------------------

    def approve(
        self, draft_id: int, signer: Signer, expected_sha256: str | None = None, reason: str = ""
    ) -> list[Path]:
        """Sign the latest version: its files written read-only to approved/, recorded, and
        logged, as one recoverable transaction.

        `expected_sha256` is the text the clinician read; if another session saved a newer
        version meanwhile, nothing is signed. The sign gate is asked again here, on the exact
        version: a refusal stops the signature, and open ERROR findings, unsupported values
        and handout findings need `reason`, which is kept with the signature.
        """
        return self.signing.approve(draft_id, signer, expected_sha256, reason)

    def cosign(self, draft_id: int, signer: Signer) -> list[Path]:
        """The supervisor's co-signature of an assistant's signed document: a new signed
        record (the whole document, both signatures) beside the original, which is never
        touched; only the clinician named by `cosign_by` can make it."""
        return self.signing.cosign(draft_id, signer)

    def add_addendum(self, draft_id: int, text: str, signer: Signer) -> list[Path]:
        """Sign an addendum to a signed document: a new version (origin ``addendum``) and new
        signed files beside the original, which is never touched."""
        return self.signing.add_addendum(draft_id, text, signer)

    def recover_signings(self) -> Recovery:
        """Roll back or complete the signatures a crash left half done (run at every open)."""
        return self.journal.recover()

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

    # Review session (issue 6) -------------------------------------------------------------------
    # What the review app needs beyond the queue: following other processes by the store's
    # change cursor, autosave and versions, the FHIR copy of every signature, addenda to signed
    # documents, handout export, and the audit records of opening, copying and locking.

    def change_cursor(self) -> int:
        return self.store.change_cursor()

    def queue_entries(self, limit: int | None = None) -> list[QueueEntry]:
        return self.store.queue_entries(limit)

    def latest_version(self, draft_id: int) -> Version | None:
        return self.store.latest_version(draft_id)

    def approval(self, draft_id: int) -> dict[str, Any] | None:
        """Who signed a draft, when, and the signed files (None when not signed)."""
        return self.store.approval(draft_id)

    def poll(self, cursor: int) -> Poll:
        """Drafts changed by any process since `cursor`, the new cursor, and fresh counts when
        anything changed (None otherwise, so an idle poll costs one tiny query)."""
        latest, drafts = self.store.changes_since(cursor)
        return Poll(latest, drafts, self.store.counts() if drafts else None)

    def record_open(self, draft_id: int, clinician: str = "") -> None:
        """A clinician read a draft: who, which draft, which text (by hash)."""
        version = self.store.latest_version(draft_id)
        detail: dict[str, object] = {"draft": draft_id}
        if version is not None:
            detail |= {"version": version.n, "sha256": version.sha256}
        self.audit_log.append("open", clinician, **detail)

    def autosave(
        self, draft_id: int, text: str, clinician: str = "", base_n: int | None = None
    ) -> Version:
        """Keep what was typed as a version (origin ``autosave``); unchanged text is not one."""
        return self.save_edit(draft_id, text, "autosave", clinician, base_n)

    def version(self, draft_id: int, n: int) -> Version | None:
        return self.store.version(draft_id, n)

    def model_version(self, draft_id: int) -> Version | None:
        """The model's latest draft of this document: what the clinician's edits are measured
        against (the first version, unless it was regenerated)."""
        return self.store.model_version(draft_id)

    def restore_version(self, draft_id: int, n: int, clinician: str = "") -> Version:
        """Make an old version current again, as a new version (history is never rewritten)."""
        old = self.store.version(draft_id, n)
        if old is None:
            raise ChartdeskError(f"draft {draft_id} has no version {n}")
        return self.save_edit(draft_id, old.text, origin="restore", clinician=clinician)

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

    def skill_list(self) -> list[Skill]:
        return sorted(self.clinic.skills, key=lambda skill: skill.name.lower())

    def signed_version(self, draft_id: int) -> Version | None:
        """The version a clinician signed (None for a draft that is not signed)."""
        approval = self.store.approval(draft_id)
        if approval is None:
            return None
        for version in self.store.versions(draft_id):
            if version.id == approval["version_id"]:
                return version
        return None

    def addenda(self, draft_id: int) -> list[Version]:
        return [v for v in self.store.versions(draft_id) if v.origin == "addendum"]

    def _addendum_draft_path(self, draft_id: int) -> Path:
        return self.clinic.paths.state / "addenda" / f"{draft_id}.md"

    def save_addendum_draft(self, draft_id: int, text: str) -> None:
        """Keep an unsigned addendum while it is typed (private, under .chartdesk/): an
        addendum is not a version until it is signed, but a dropped connection must not lose it."""
        path = self._addendum_draft_path(draft_id)
        ensure_private_dir(path.parent)
        write_private(path, text.encode("utf-8"))

    def addendum_draft(self, draft_id: int) -> str:
        try:
            return self._addendum_draft_path(draft_id).read_text(encoding="utf-8")
        except OSError:
            return ""

    def discard_addendum_draft(self, draft_id: int) -> None:
        self._addendum_draft_path(draft_id).unlink(missing_ok=True)

    def is_patient_facing(self, draft: Draft) -> bool:
        """Handouts: home exercise programmes and any Skill graded for plain language."""
        skill = self.clinic.skills.get(draft.skill)
        return skill is not None and (skill.kind == "hep" or skill.max_grade > 0)

    def export_handout(self, draft_id: int, clinician: str = "", paper: str = "auto") -> Path:
        """Write a signed patient-facing document as printable HTML to exports/."""
        from tui.core.records.export import PAPERS, Handout, handout_html

        draft = self.store.get_draft(draft_id)
        if not self.is_patient_facing(draft):
            raise ChartdeskError(f"{draft.skill} is not a patient handout; nothing to export")
        signed = self.signed_version(draft_id)
        approval = self.store.approval(draft_id)
        if signed is None or approval is None:
            raise ChartdeskError("only a signed handout is exported; sign it first")
        if paper not in PAPERS:
            raise ChartdeskError(f"paper must be one of {', '.join(PAPERS)}")
        skill = self.clinic.skills.get(draft.skill)
        page = handout_html(
            Handout(
                title=skill.name if skill else draft.skill,
                clinic=self.context.name,
                patient=draft.patient,
                date=draft.date,
                markdown=signed.text,
                signature=f"{approval['clinician']}, {approval['credentials']}",
            ),
            paper,
        )
        folder = self.clinic.paths.exports / (iso_day(draft.date) or approval["signed_at"][:10])
        ensure_private_dir(folder)
        path = folder / f"{slug(draft.patient) or 'patient'}-{draft.skill}-{draft.id}.html"
        data = page.encode("utf-8")
        write_private(path, data)
        self.audit_log.append("export", clinician, draft=draft_id, sha256=_sha256(data))
        return path

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


@dataclass(frozen=True)
class Poll:
    """What changed since a review session last looked."""

    cursor: int
    drafts: list[Draft]
    counts: dict[str, int] | None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refuse_lost_store(paths: ClinicPaths) -> None:
    """Never start a new, empty store beside records made with another: draft ids would
    restart ("draft 1" in the audit log would name two documents) and signed visits could be
    signed again. A clinic with signed documents or an audit log needs its state.db back."""
    if not is_empty_store(paths.db):
        return
    signed = _signed_records(paths.approved)
    logged = paths.audit_log.is_file() and paths.audit_log.stat().st_size > 0
    found = [f"approved/ holds {signed} signed record(s)"] if signed else []
    found += ["the audit log has entries"] if logged else []
    if not found:
        return
    state = "empty" if paths.db.exists() else "missing"
    raise ChartdeskError(
        f"{paths.db} is {state}, but {' and '.join(found)}: chartdesk will not start a new "
        "store beside them. Restore .chartdesk/state.db (and its -wal file) from your backup; "
        "to start a new clinic instead, move approved/ and .chartdesk/audit.log out first"
    )


def _signed_records(approved: Path) -> int:
    """How many signed records (their .json files) lie in approved/."""
    if not approved.is_dir():
        return 0
    return sum(1 for path in approved.rglob("*.json") if not path.name.endswith(".fhir.json"))


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
    }


def _storable(text: str) -> str:
    """File names are bytes on Linux; undecodable bytes become backslash escapes so the name
    can be stored and shown (SQLite text must be valid UTF-8)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _inbox_folder(rel: str) -> str:
    parts = Path(rel).parts
    if len(parts) >= 3 and parts[0] == "inbox":
        return parts[-2]
    return ""


def _explicit_header(note: Note) -> bool:
    """True when the Skill came from the note's own header rather than its file name."""
    stem_skill = note.path.stem.rsplit("_", 1)[-1].lower() if "_" in note.path.stem else ""
    return bool(note.skill) and note.skill != stem_skill
