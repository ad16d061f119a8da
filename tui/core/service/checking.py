"""Drafting and checking: the prompt of a draft, the checks of every version of its text, and
the sign gate those checks feed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.drafting.base import Backend, DraftingError
from tui.core.errors import ChartdeskError
from tui.core.intake.notes import (
    Note,
    NoteError,
    parse_note_bytes,
    read_note,
)
from tui.core.prompt import Prompt, build_prompt
from tui.core.records.document import document_body, with_lines
from tui.core.records.store import (
    Draft,
    DraftResult,
    Version,
)
from tui.core.service.intake import IntakeService
from tui.core.signing.gate import (
    REFUSAL,
    Gate,
    GateItem,
    Identity,
    build_gate,
)
from tui.core.skills.registry import Skill

if TYPE_CHECKING:
    from tui.core.checks.billing.audit import PatientHistory


class CheckingService(IntakeService):
    """Prompts, checks of each version, and the sign gate."""

    def prompt_for(self, draft: Draft, instruction: str = "") -> Prompt:
        """Rebuild the exact prompt for a draft from the stored note bytes."""
        skill = self.clinic.fresh_skills().get(draft.skill)
        if skill is None:
            raise DraftingError(f"Skill {draft.skill!r} is not loaded (fix it with `skills check`)")
        note = self.stored_note(draft.note_id)
        previous = self._approved_text(draft.parent_id) if draft.parent_id is not None else ""
        timeline = self.episode_timeline(skill, note)
        return build_prompt(self.context, skill, note, previous, instruction, timeline)

    def episode_timeline(self, skill: Skill, note: Note) -> str:
        """The patient's episode of care as a report receives it after the note ("" here:
        the outcomes layer knows episodes)."""
        return ""

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

    def source_note(self, draft_id: int) -> Note:
        """The note a draft was made from, as received (not as the inbox file is now)."""
        return self.stored_note(self.store.get_draft(draft_id).note_id)

    async def draft_file(
        self, path: Path, skill_id: str = "", backend: Backend | None = None
    ) -> tuple[Skill, DraftResult, dict[str, Any]]:
        """Draft one note file without queueing it (`chartdesk draft`)."""
        try:
            note = read_note(path, self.context.intake.max_bytes)
        except NoteError as exc:
            raise ChartdeskError(f"{path}: {exc}") from exc
        # The clinic's Skill rule, inbox folder included when the file lies in the inbox.
        skill = self.plan_skill(note, self.relative(path), skill_id)
        prompt = build_prompt(
            self.context, skill, note, timeline=self.episode_timeline(skill, note)
        )
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
        from tui.core.checks.billing.audit import AuditRules, audit_note
        from tui.core.checks.handouts.handout import check_handout
        from tui.core.checks.handouts.readability import readability
        from tui.core.checks.verify.verify import verify
        from tui.core.signing.scaffolding import not_documented, scaffolding

        checks: dict[str, Any] = {}
        source = previous or note.text
        measures = self.context.measures
        if skill.verify and note.kind == "text":
            found = verify(source, text, measures).to_json()
            checks["missing"] = with_lines(found["missing"], source)
            timeline = "" if previous else self.episode_timeline(skill, note)
            if timeline:  # a report may state the values of earlier visits the store holds
                found = verify(f"{source}\n\n{timeline}", text, measures).to_json()
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
        from tui.core.checks.billing.history import patient_history

        kinds = {skill.id: skill.kind for skill in self.clinic.skills}
        return patient_history(self.store, note, kinds, skill_id)

    def check_version(
        self, draft_id: int, n: int | None = None, *, version: Version | None = None
    ) -> dict[str, Any]:
        """Check one version (the latest by default, or exactly the `version` text given)
        against its note and store the result: every saved text is checked, so what the
        screen shows as checked is what is signed. The result is stored only if the version
        still holds the text that was checked (a working version may be rewritten meanwhile)."""
        draft = self.store.get_draft(draft_id)
        if version is None:
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
        self.store.set_checks(draft_id, version.n, checks, version.sha256)
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
        checks = self.store.version_checks(draft_id, version.n, version.sha256)
        if checks is None:
            checks = self.check_version(draft_id, version=version)
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
