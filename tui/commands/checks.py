"""Headless check commands: `extract`, `verify`, `units`, `audit`, `readability`.

Shapes follow DESIGN.md's headless contract. Bad input raises ChartdeskError with one line;
the CLI prints it and exits 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tui.core.checks.audit import AuditRules, NoteAudit, audit_note
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.readability import readability
from tui.core.checks.units import RULES, allocate_units, parse_minutes_args
from tui.core.checks.verify import verify
from tui.core.errors import ChartdeskError
from tui.core.notes import NoteError, decode_text, read_note


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the check subcommands to the CLI."""
    extract = _command(subparsers, "extract", "list the facts found in a note", cmd_extract)
    extract.add_argument("note", help="note file")
    check = _command(subparsers, "verify", "check a draft against its note", cmd_verify)
    check.add_argument("note", help="note file")
    check.add_argument("draft", help="draft file")
    units = _command(subparsers, "units", "timed units for CODE=MINUTES items", cmd_units)
    units.add_argument("items", nargs="+", metavar="CODE=MIN", help="e.g. 97110=33 97140=7")
    units.add_argument("--rule", choices=RULES, default="cms", help="timed-unit rule")
    audit = _command(subparsers, "audit", "billing and documentation audit of notes", cmd_audit)
    audit.add_argument("notes", nargs="+", metavar="NOTE", help="note files")
    audit.add_argument("--clinic", help="clinic folder (payer rules from its context.toml)")
    grade = _command(subparsers, "readability", "reading grade and jargon of a text", cmd_read)
    grade.add_argument("file", help="text file")


def _command(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    func: Any,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=func)
    return parser


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, indent=2) if getattr(args, "json", False) else text)


def read_text(path_text: str) -> str:
    """A text file as the checks read it (UTF-8, newlines normalised); errors are one line."""
    path = Path(path_text)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ChartdeskError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ChartdeskError(f"{path}: is a folder, not a file") from exc
    except OSError as exc:
        raise ChartdeskError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text, _warnings = decode_text(data)
    except NoteError as exc:
        raise ChartdeskError(f"{path}: {exc}") from exc
    return text


def cmd_extract(args: argparse.Namespace) -> int:
    facts = extract_facts(read_text(args.note))
    data = {"facts": [fact.to_json() for fact in facts]}
    _emit(args, data, _facts_table(facts) or "No facts found.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    result = verify(read_text(args.note), read_text(args.draft))
    lines = []
    if result.missing:
        lines += ["Missing from the draft:", _facts_table(result.missing)]
    if result.unsupported:
        lines += ["Not supported by the note:", _facts_table(result.unsupported)]
    _emit(
        args, result.to_json(), "\n".join(lines) or "Draft carries every fact; nothing unsupported."
    )
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    result = allocate_units(parse_minutes_args(args.items), args.rule)
    rows = [
        f"{code:<7} {units} unit{'s' if units != 1 else ''}" for code, units in result.units.items()
    ]
    rows.append(
        f"total   {result.total_units} units from {result.total_timed_minutes} timed "
        f"minutes ({args.rule})"
    )
    for tie in result.ties:
        rows.append(
            f"tie: {tie.units} unit(s) may go to any of {', '.join(tie.codes)} "
            f"({tie.remaining} min left each)"
        )
    _emit(args, result.to_json(), "\n".join(rows))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    rules = _clinic_rules(args.clinic)
    audits = []
    for path_text in args.notes:
        try:
            note = read_note(Path(path_text))
        except NoteError as exc:
            raise ChartdeskError(f"{path_text}: {exc}") from exc
        audits.append(audit_note(note, rules))
    data = {"notes": [audit.to_json() for audit in audits]}
    _emit(args, data, "\n\n".join(_audit_text(audit) for audit in audits))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    result = readability(text)
    lines = [f"Flesch-Kincaid grade {result.grade}"]
    lines += [f"  {item['term']} -> {item['suggest']}" for item in result.jargon]
    if result.hard_sentences:
        lines.append("Hardest sentences:")
        lines += [f"  {sentence}" for sentence in result.hard_sentences]
    _emit(args, result.to_json(), "\n".join(lines))
    return 0


def _clinic_rules(clinic: str | None) -> AuditRules:
    """The payer rules of the clinic (--clinic, $CHARTDESK_CLINIC, or the current folder);
    the built-in defaults when no clinic is given or found."""
    from tui.core.clinic import find_clinic
    from tui.core.context import load_context

    try:
        root = find_clinic(clinic)
    except ChartdeskError:
        return AuditRules()
    return AuditRules.from_context(load_context(root / "context.toml"))


def _facts_table(facts: list[Fact]) -> str:
    rows = []
    for fact in facts:
        unit = f" {fact.unit}" if fact.unit else ""
        extra = fact.measure or fact.cpt or ""
        rows.append(f"  {fact.kind:<8} {fact.value!s:>7}{unit:<5} {extra:<10} {fact.label}")
    return "\n".join(rows)


def _audit_text(audit: NoteAudit) -> str:
    head = f"{audit.file} — {audit.patient or 'unknown patient'}"
    if audit.timed_minutes is not None:
        head += (
            f": {audit.timed_minutes} timed min, {audit.units_allowed} units allowed, "
            f"{audit.units_billed} billed"
        )
    lines = [head]
    lines += [f"  {f.severity.upper():<7} {f.code}: {f.message}" for f in audit.findings]
    if not audit.findings:
        lines.append("  no findings")
    return "\n".join(lines)
