"""Headless check commands: `extract`, `verify`, `units`, `audit`, `readability`.

Shapes follow DESIGN.md's headless contract. Bad input raises ChartdeskError with one line;
the CLI prints it and exits 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tui.commands.output import emit, field
from tui.core.checks.billing.audit import ERROR, AuditRules, Finding, NoteAudit, audit_note
from tui.core.checks.billing.model_review import review_backend, reviewer_name
from tui.core.checks.billing.units import allocate_units, parse_minutes_args
from tui.core.checks.extract import extract_facts, extract_unclassified
from tui.core.checks.handouts.readability import readability
from tui.core.checks.verify.verify import verify
from tui.core.clinic import ClinicPaths, find_clinic
from tui.core.context import load_context
from tui.core.errors import ChartdeskError
from tui.core.intake.notes import Note, NoteError, decode_text, read_note
from tui.core.records.document import with_lines
from tui.core.review.day_audit import (
    DayAudit,
    build_day_audit,
    export_day_audit,
    not_reviewed,
    parse_day,
    render_markdown,
    review_day_audit,
    review_notes,
)
from tui.core.security.bounded_read import DEFAULT_MAX_BYTES, FileRefused, read_bounded
from tui.core.service import ClinicService


def read_text(path_text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A text file as the checks read it (UTF-8, newlines normalised), within the inbox's size
    limit and only from a regular file; errors are one line."""
    path = Path(path_text)
    try:
        data = read_bounded(path, max_bytes)
    except FileNotFoundError as exc:
        raise ChartdeskError(f"{path}: no such file") from exc
    except FileRefused as exc:
        raise ChartdeskError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise ChartdeskError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text, _warnings = decode_text(data)
    except NoteError as exc:
        raise ChartdeskError(f"{path}: {exc}") from exc
    return text


def cmd_extract(args: argparse.Namespace) -> int:
    note = read_text(args.note)
    data = {
        "facts": with_lines([fact.to_json() for fact in extract_facts(note)], note),
        "unclassified": [number.to_json() for number in extract_unclassified(note)],
    }
    emit(args, data, _facts_table(data["facts"]) or "No facts found.")
    return 0


EXIT_FOUND = 1
"""`verify` and `audit` exit 1 when they find something, so a script can gate on them."""


def cmd_verify(args: argparse.Namespace) -> int:
    note, draft = read_text(args.note), read_text(args.draft)
    result = verify(note, draft)
    data = {
        "missing": with_lines([f.to_json() for f in result.missing], note),
        "unsupported": with_lines([f.to_json() for f in result.unsupported], draft),
    }
    lines = []
    if result.missing:
        lines += ["Missing from the draft (note line):", _facts_table(data["missing"])]
    if result.unsupported:
        lines += ["Not supported by the note (draft line):", _facts_table(data["unsupported"])]
    emit(args, data, "\n".join(lines) or "Draft carries every fact; nothing unsupported.")
    return EXIT_FOUND if result.missing or result.unsupported else 0


def plural(count: int, word: str) -> str:
    """ "1 unit", "2 units": counts printed for people read as English."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def cmd_units(args: argparse.Namespace) -> int:
    result = allocate_units(parse_minutes_args(args.items), args.rule)
    rows = [f"{code:<7} {plural(units, 'unit')}" for code, units in result.units.items()]
    rows.append(
        f"total   {plural(result.total_units, 'unit')} from "
        f"{plural(result.total_timed_minutes, 'timed minute')} ({args.rule})"
    )
    for tie in result.ties:
        rows.append(
            f"tie: {plural(tie.units, 'unit')} may go to any of {', '.join(tie.codes)} "
            f"({tie.remaining} min left each)"
        )
    emit(args, result.to_json(), "\n".join(rows))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    if args.day:
        return _audit_day(args)
    if not args.notes:
        raise ChartdeskError("audit needs NOTE files, or --day YYYY-MM-DD with a clinic")
    if args.export:
        raise ChartdeskError("--export writes the day's report: use it with --day YYYY-MM-DD")
    with _optional_clinic(args.clinic) as (rules, service, max_bytes):
        notes = [_read_audit_note(path_text, max_bytes) for path_text in args.notes]
        audits, how = _audit_files(rules, service, notes, model=args.model)
    data: dict[str, Any] = {"notes": [audit.to_json() for audit in audits]}
    text = "\n\n".join(_audit_text(audit) for audit in audits)
    if how:
        data["review"] = how
        text += f"\n\nHeuristics: {how}"
    emit(args, data, text)
    return _audit_exit(finding for audit in audits for finding in audit.findings)


def _audit_exit(findings: Iterable[Finding]) -> int:
    return EXIT_FOUND if any(finding.severity == ERROR for finding in findings) else 0


def _audit_files(
    rules: AuditRules, service: ClinicService | None, notes: list[Note], *, model: bool
) -> tuple[list[NoteAudit], str]:
    """Audit note files, each with its patient's history when there is a clinic store, then
    have the model review the heuristic findings if asked."""
    if service is None:
        if model:
            raise ChartdeskError(
                "--model needs a clinic (--clinic DIR): its context.toml decides whether a "
                "model may read notes"
            )
        return [audit_note(note, rules) for note in notes], ""
    audits = [audit_note(note, rules, service.patient_history(note)) for note in notes]
    for note, audit in zip(notes, audits, strict=True):
        audit.findings.extend(service.episode_findings(note))  # goals, reassessment, progress
    return _review_notes(service, notes, audits) if model else (audits, "")


def _read_audit_note(path_text: str, max_bytes: int) -> Note:
    path = Path(path_text)
    if not path.exists() and not path.is_symlink():
        raise ChartdeskError(f"{path_text}: no such file")
    try:
        return read_note(path, max_bytes)
    except NoteError as exc:
        raise ChartdeskError(f"{path_text}: {exc}") from exc


def _review_notes(
    service: ClinicService, notes: list[Note], audits: list[NoteAudit]
) -> tuple[list[NoteAudit], str]:
    """The audits after a model review of their heuristic findings, and how they were judged
    (unchanged, with the reason, when the privacy gate allows no model)."""
    choice = review_backend(service.context)
    if choice.backend is None:
        return audits, f"not reviewed by a model: {choice.reason}"
    pairs = list(zip(audits, notes, strict=True))
    results = asyncio.run(review_notes(service, pairs, choice.backend))
    reasons = sorted({result.reason for result in results if not result.reviewed})
    how = f"reviewed by {reviewer_name(choice.backend)}"
    if reasons:
        how += f"; not reviewed: {'; '.join(reasons)}"
    return [r.apply(a) for r, a in zip(results, audits, strict=True)], how


def _audit_day(args: argparse.Namespace) -> int:
    """`audit --day`: every note of the day from the clinic's store, grouped by patient."""
    if args.notes:
        raise ChartdeskError("give NOTE files or --day, not both")
    day = parse_day(args.day)
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        audit = build_day_audit(service, day)
        if args.model:
            audit = _review_day(service, audit)
        path = export_day_audit(service, audit) if args.export else None
    finally:
        service.close()
    data = audit.to_json()
    text = render_markdown(audit)
    if path is not None:
        data["export"] = str(path)
        text += f"\nExported to {path}"
    emit(args, data, text.rstrip("\n"))
    return _audit_exit(finding for item in audit.notes for finding in item.findings)


def _review_day(service: ClinicService, audit: DayAudit) -> DayAudit:
    choice = review_backend(service.context)
    if choice.backend is None:
        return not_reviewed(audit, choice.reason)
    return asyncio.run(review_day_audit(service, audit, choice.backend))


def cmd_read(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    result = readability(text)
    lines = [f"Flesch-Kincaid grade {result.grade}"]
    lines += [f"  {field(item['term'])} -> {field(item['suggest'])}" for item in result.jargon]
    if result.hard_sentences:
        lines.append("Hardest sentences:")
        lines += [f"  {field(sentence)}" for sentence in result.hard_sentences]
    emit(args, result.to_json(), "\n".join(lines))
    return 0


@contextlib.contextmanager
def _optional_clinic(
    clinic: str | None,
) -> Iterator[tuple[AuditRules, ClinicService | None, int]]:
    """The clinic's payer rules, its inbox size limit and, for patient history, its service:
    from --clinic, else $CHARTDESK_CLINIC or the current folder; the built-in rules and limit
    when there is no clinic.

    A clinic found implicitly is used for its store only when it already has one, so auditing
    files never creates a clinic's state as a side effect.
    """
    try:
        root = find_clinic(clinic)
    except ChartdeskError:
        yield AuditRules(), None, DEFAULT_MAX_BYTES
        return
    if not clinic and not ClinicPaths(root.resolve()).db.exists():
        context = load_context(root / "context.toml")
        yield AuditRules.from_context(context), None, context.intake.max_bytes
        return
    service = ClinicService.open(root)
    try:
        yield AuditRules.from_context(service.context), service, service.context.intake.max_bytes
    finally:
        service.close()


def _facts_table(facts: list[dict[str, Any]]) -> str:
    rows = []
    for fact in facts:
        unit = f" {fact['unit']}" if fact.get("unit") else ""
        extra = fact.get("measure") or fact.get("cpt") or ""
        line = f"{fact['line']:>4}" if fact.get("line") else "    "
        value = field(fact.get("value", ""))
        label = field(fact.get("label", ""))
        rows.append(f"  {line} {fact['kind']:<8} {value:>7}{unit:<5} {extra:<10} {label}")
    return "\n".join(rows)


def _audit_text(audit: NoteAudit) -> str:
    head = f"{field(audit.file)} — {field(audit.patient or 'unknown patient')}"
    if audit.timed_minutes is not None:
        allowed = (
            "units not checked"
            if audit.units_allowed is None
            else f"{plural(audit.units_allowed, 'unit')} allowed"
        )
        unread = any(finding.code == "BILLING_UNREADABLE" for finding in audit.findings)
        billed = (
            "billing not read" if unread and not audit.billed else f"{audit.units_billed} billed"
        )
        head += f": {audit.timed_minutes} timed min, {allowed}, {billed}"
    lines = [head]
    for finding in audit.findings:
        where = f" (note line {finding.line})" if finding.line else ""
        lines.append(
            f"  {finding.severity.upper():<7} {field(finding.message)}{where} [{finding.code}]"
        )
    if not audit.findings:
        lines.append("  no findings")
    return "\n".join(lines)
