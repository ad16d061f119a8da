"""The end-of-day billing audit: every note of one day, audited with its patient's history.

Claims go out in a batch at the end of the day, so the clinician checks the day's notes
together: each note of the day (the latest version of each file) is audited with the payer's
rules and the patient's episode from the store, findings are grouped by patient, and the same
report is written as Markdown to ``exports/audit-YYYY-MM-DD.md`` for the billing office.

The report carries patient names and findings, never note text; it is written atomically with
mode 0600 and its export is recorded in the audit log by hash. A model review, when the privacy
gate allows one, only replaces the three heuristic findings (`checks.model_review`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tui.core.checks.billing.audit import (
    ERROR,
    INFO,
    WARNING,
    AuditRules,
    Finding,
    NoteAudit,
    audit_note,
)
from tui.core.checks.billing.model_review import (
    REVIEW_SKILL,
    REVIEWED_CODES,
    ReviewResult,
    review_audits,
    reviewer_name,
)
from tui.core.clinic import write_private
from tui.core.drafting.base import Backend, DraftingError
from tui.core.errors import ChartdeskError
from tui.core.intake.notes import Note
from tui.core.records.store import DayNote, OpenDraft, patient_key
from tui.core.security.terminal_text import visible

if TYPE_CHECKING:
    from tui.core.service import ClinicService

SEVERITY_ORDER: Final = (ERROR, WARNING, INFO)
UNKNOWN_PATIENT: Final = "(unknown patient)"
_PLURALS: Final = {ERROR: "errors", WARNING: "warnings", INFO: "info"}


@dataclass(frozen=True)
class AuditedNote:
    """One note of the day: its audit, or why it was not audited, and the draft to open."""

    note_id: int
    draft_id: int | None
    file: str
    patient: str
    skill: str
    audit: NoteAudit | None = None
    skipped: str = ""
    review: str = ""  # "" no review asked; "model" reviewed; otherwise why not
    note: Note | None = field(default=None, compare=False, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return list(self.audit.findings) if self.audit else []

    def to_json(self) -> dict[str, Any]:
        """The `audit NOTE --json` entry of this note, plus where it lives in the store."""
        entry: dict[str, Any] = {"file": self.file, "patient": self.patient}
        if self.audit is not None:
            entry |= self.audit.to_json() | {"file": self.file}
        else:
            entry |= {"findings": [], "skipped": self.skipped}
        entry |= {"note_id": self.note_id, "draft_id": self.draft_id, "skill": self.skill}
        if self.review:
            entry["review"] = self.review
        return entry


@dataclass(frozen=True)
class PatientAudit:
    """The day's notes of one patient."""

    patient: str
    notes: tuple[AuditedNote, ...]

    @property
    def findings(self) -> list[Finding]:
        return [finding for item in self.notes for finding in item.findings]


@dataclass(frozen=True)
class DayAudit:
    """The audit of one day, note by note; `review` says how the heuristics were judged."""

    day: date
    clinic: str
    notes: tuple[AuditedNote, ...]
    review: str = ""
    cost_usd: float = 0.0
    open_work: tuple[OpenDraft, ...] = ()
    """Drafts of the day still waiting for the clinician (superseded ones included until the
    draft that replaced them is closed): a day with open work is not a finished day."""

    @property
    def patients(self) -> list[PatientAudit]:
        """Notes grouped by patient (names matched as the store matches them), by name."""
        groups: dict[str, list[AuditedNote]] = {}
        names: dict[str, str] = {}
        for item in self.notes:
            key = patient_key(item.patient) or f"#{item.note_id}"
            groups.setdefault(key, []).append(item)
            names.setdefault(key, item.patient or UNKNOWN_PATIENT)
        ordered = sorted(groups, key=lambda key: (names[key].casefold(), key))
        return [PatientAudit(names[key], tuple(groups[key])) for key in ordered]

    def counts(self) -> dict[str, int]:
        """Findings by severity, every severity present (0 when none)."""
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for item in self.notes:
            for finding in item.findings:
                counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "clinic": self.clinic,
            "review": self.review or None,
            "cost_usd": round(self.cost_usd, 6),
            "counts": self.counts(),
            "notes": [item.to_json() for item in self.notes],
            "open": [
                {
                    "draft": item.draft_id,
                    "patient": item.patient,
                    "skill": item.skill,
                    "status": item.status,
                    "superseded_by": item.superseded_by,
                    "message": item.description,
                }
                for item in self.open_work
            ],
            "patients": [
                {
                    "patient": group.patient,
                    "files": [item.file for item in group.notes],
                    "findings": len(group.findings),
                }
                for group in self.patients
            ],
        }


def build_day_audit(service: ClinicService, day: date) -> DayAudit:
    """Audit every note dated `day` (offline: rules and heuristics, no model)."""
    rules = AuditRules.from_context(service.context)
    notes = tuple(
        audit_day_note(service, row, rules) for row in service.store.notes_on(day.isoformat())
    )
    open_work = tuple(service.store.open_drafts_on(day.isoformat()))
    return DayAudit(day=day, clinic=service.context.name, notes=notes, open_work=open_work)


def audit_day_note(service: ClinicService, row: DayNote, rules: AuditRules) -> AuditedNote:
    """One note of the day, audited from its stored text with the patient's history."""
    base = AuditedNote(row.note_id, row.draft_id, Path(row.path).name, row.patient, row.skill)
    if row.status == "failed":
        return replace(base, skipped=f"the note could not be read ({row.reason})")
    try:
        note = service.stored_note(row.note_id)
    except DraftingError as exc:
        return replace(base, skipped=f"the note cannot be read ({exc})")
    if note.kind != "text":
        return replace(base, skipped=f"{note.kind} note; the audit reads typed notes only")
    audit = audit_note(note, rules, service.patient_history(note, row.skill))
    skill = service.clinic.skills.get(row.skill)
    if not audit.billed and not (skill is not None and skill.audit):
        return replace(base, skipped="nothing billed")
    return replace(base, patient=note.patient or row.patient, audit=audit, note=note)


async def review_day_audit(service: ClinicService, audit: DayAudit, backend: Backend) -> DayAudit:
    """Have the model review the heuristic findings of every audited note of the day."""
    items = [item for item in audit.notes if item.audit is not None and item.note is not None]
    pairs = [(item.audit, item.note) for item in items if item.audit and item.note]
    results = await review_notes(service, pairs, backend)
    reviewed = {
        item.note_id: replace(
            item,
            audit=result.apply(pair[0]),
            review="model" if result.reviewed else result.reason,
        )
        for item, pair, result in zip(items, pairs, results, strict=True)
    }
    notes = tuple(reviewed.get(item.note_id, item) for item in audit.notes)
    cost = sum(result.usage.cost_usd for result in results if result.usage is not None)
    return replace(
        audit, notes=notes, review=f"reviewed by {reviewer_name(backend)}", cost_usd=cost
    )


async def review_notes(
    service: ClinicService, pairs: Sequence[tuple[NoteAudit, Note]], backend: Backend
) -> list[ReviewResult]:
    """Model reviews of audited notes, each note sent recorded in the audit log (its hash and
    the backend): a review is the one time note text leaves without becoming a draft."""
    skill = service.clinic.skills.get(REVIEW_SKILL)
    results = await review_audits(pairs, service.context, skill, backend)
    for (_audit, note), result in zip(pairs, results, strict=True):
        if result.sent:
            service.audit_log.append(
                "model_review", "", note_sha256=note.sha256, backend=backend.name
            )
    return results


def not_reviewed(audit: DayAudit, reason: str) -> DayAudit:
    """The audit with the reason no model reviewed its heuristic findings."""
    return replace(audit, review=f"not reviewed by a model: {reason}")


# -- the Markdown report -------------------------------------------------------------------


def render_markdown(audit: DayAudit, generated: str = "") -> str:
    """The report as the billing office reads it: a summary, then each patient's notes."""
    lines = [f"# Billing audit {audit.day.isoformat()}", "", _inline(audit.clinic), ""]
    lines += [_summary(audit), ""]
    if not audit.notes:
        lines += ["No notes are dated this day.", ""]
    for group in audit.patients:
        lines += [f"## {_inline(group.patient)}", ""]
        for item in group.notes:
            lines += _note_lines(item)
    if audit.open_work:
        lines += ["## Open work", ""]
        lines += [
            f"- {_inline(item.patient) or UNKNOWN_PATIENT}, {_inline(item.skill)}: "
            f"{_inline(item.description)}."
            for item in audit.open_work
        ]
        lines.append("")
    lines.append(_footer(audit, generated))
    return "\n".join(lines).rstrip() + "\n"


def _summary(audit: DayAudit) -> str:
    counts = audit.counts()
    found = ", ".join(f"{counts[s]} {_PLURALS[s] if counts[s] != 1 else s}" for s in SEVERITY_ORDER)
    notes = len(audit.notes)
    patients = len(audit.patients)
    opened = len(audit.open_work)
    still = f" {opened} draft{'s' if opened != 1 else ''} still open." if opened else ""
    return (
        f"{notes} note{'s' if notes != 1 else ''} of {patients} "
        f"patient{'s' if patients != 1 else ''}: {found}.{still}"
    )


def _note_lines(item: AuditedNote) -> list[str]:
    draft = f", draft {item.draft_id}" if item.draft_id is not None else ""
    lines = [f"### {_inline(item.file)} ({_inline(item.skill) or 'no Skill'}{draft})", ""]
    if item.audit is None:
        return [*lines, f"Not audited: {item.skipped}.", ""]
    lines += [_units_line(item.audit), ""]
    if item.review and item.review != "model":
        lines += [f"Heuristic findings not reviewed by a model: {_inline(item.review)}.", ""]
    if not item.findings:
        return [*lines, "No findings.", ""]
    lines += [_finding_line(finding) for finding in sorted(item.findings, key=_severity_rank)]
    return [*lines, ""]


def _units_line(audit: NoteAudit) -> str:
    billed = ", ".join(f"{code} x{units}" for code, units in sorted(audit.billed.items()))
    if not billed and any(f.code == "BILLING_UNREADABLE" for f in audit.findings):
        billed = "could not be read"
    minutes = "not documented" if audit.timed_minutes is None else f"{audit.timed_minutes}"
    allowed = "–" if audit.units_allowed is None else str(audit.units_allowed)
    return (
        f"Billed: {billed or 'nothing'} · timed minutes: {minutes} · timed units allowed: "
        f"{allowed}, billed: {audit.units_billed} · rule: {audit.rule}"
    )


def _finding_line(finding: Finding) -> str:
    origin = finding_origin(finding)
    mark = f" *({origin})*" if origin != "billing rules" else ""
    return f"- **{finding.severity.upper()}** `{finding.code}`: {_inline(finding.message)}{mark}"


def finding_origin(finding: Finding) -> str:
    """Who says so: the billing rules, the offline keyword check, or the model review, so a
    reader weighs a judgement call differently from arithmetic."""
    if finding.source == "model":
        return "model review"
    return "keyword check" if finding.code in REVIEWED_CODES else "billing rules"


def _footer(audit: DayAudit, generated: str) -> str:
    how = audit.review or (
        "skilled care, functional baseline and plan-versus-goals findings come from keyword "
        "heuristics (no model review was run)"
    )
    stamp = generated or datetime.now(UTC).isoformat(timespec="seconds")
    cost = f" Model review cost ${audit.cost_usd:.4f}." if audit.cost_usd else ""
    return f"---\n\nGenerated by chartdesk {stamp}. Heuristics: {how}.{cost}"


def _severity_rank(finding: Finding) -> int:
    order = {severity: rank for rank, severity in enumerate(SEVERITY_ORDER)}
    return order.get(finding.severity, len(order))


def _inline(text: str) -> str:
    """One line of Markdown text: names and messages are data, never structure (nor terminal
    control: the report is read with `cat` as often as in an editor)."""
    return visible(" ".join((text or "").split())).replace("|", "\\|")


# -- export and days -----------------------------------------------------------------------


def export_day_audit(service: ClinicService, audit: DayAudit, clinician: str = "") -> Path:
    """Write the report to ``exports/audit-YYYY-MM-DD.md`` (atomic, 0600), replacing an
    earlier export of the same day, and record the export in the audit log by hash."""
    folder = service.clinic.paths.exports
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"audit-{audit.day.isoformat()}.md"
        data = render_markdown(audit).encode("utf-8")
        write_private(path, data)
    except OSError as exc:
        raise ChartdeskError(f"cannot write the audit report: {exc.strerror or exc}") from exc
    service.audit_log.append(
        "export_audit",
        clinician,
        sha256=hashlib.sha256(data).hexdigest(),
        files=[service.relative(path)],
    )
    return path


def audit_days(service: ClinicService) -> list[date]:
    """The days that have notes, oldest first."""
    return [date.fromisoformat(day) for day in service.store.note_days()]


def default_day(days: Sequence[date], today: date) -> date:
    """Today when it has notes, else the latest day with notes, else today."""
    if today in days or not days:
        return today
    return max(days)


def step_day(days: Iterable[date], current: date, step: int) -> date | None:
    """The nearest day with notes before (step < 0) or after (step > 0) `current`."""
    if step < 0:
        return max((day for day in days if day < current), default=None)
    return min((day for day in days if day > current), default=None)


def parse_day(text: str) -> date:
    """A YYYY-MM-DD day from the command line; anything else is a one-line error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ChartdeskError(f"--day {text!r}: expected a date as YYYY-MM-DD") from exc
