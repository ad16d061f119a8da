"""Headless commands of the review session: `chartdesk pin` and `chartdesk audit-log verify`.

`pin` sets the clinic PIN that unlocks an idle review screen (stored only as an scrypt hash).
`audit-log verify` walks the keyed chain of ``.chartdesk/audit.log``, compares it with its
anchors and with the signatures in the store, and names every entry changed, removed, missing
or unaccounted for: exit 0 when intact, 1 when broken.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from tui.commands.output import emit
from tui.core.clinic import ClinicPaths, find_clinic
from tui.core.context import load_context
from tui.core.errors import ChartdeskError
from tui.core.records.store import Store
from tui.core.security.audit_log import AuditLog, ChainReport, os_user
from tui.core.security.pin import check_pin, clear_pin, has_pin, pin_problem, set_pin

EXIT_BROKEN = 1


def _paths(args: argparse.Namespace) -> ClinicPaths:
    paths = ClinicPaths(find_clinic(args.clinic).resolve())
    if not paths.context.is_file():
        raise ChartdeskError(f"{paths.root}: not a clinic folder (no context.toml)")
    return paths


def _read_pin(args: argparse.Namespace, what: str = "clinic PIN") -> str:
    if args.stdin or not sys.stdin.isatty():
        pin = sys.stdin.readline().rstrip("\r\n")
    else:
        pin = getpass.getpass(f"New {what}: ")
        if pin != getpass.getpass("Repeat the PIN: "):
            raise ChartdeskError("the two PINs differ; nothing changed")
    problem = pin_problem(pin)
    if problem:
        raise ChartdeskError(problem)
    return pin


def cmd_pin(args: argparse.Namespace) -> int:
    paths = _paths(args)
    log = AuditLog(paths.audit_log)
    if args.clinician:
        return _signing_pin(args, paths, log)
    if args.clear:
        removed = clear_pin(paths.state)
        if removed:
            log.append("pin_cleared")
        text = "Clinic PIN removed." if removed else "No clinic PIN was set."
        emit(args, {"pin": "cleared" if removed else "none"}, text)
        return 0
    pin = _read_pin(args)
    paths.state.mkdir(mode=0o700, parents=True, exist_ok=True)
    set_pin(paths.state, pin)
    log.append("pin_set")
    emit(
        args,
        {"pin": "set", "kdf": "scrypt"},
        "Clinic PIN set. It unlocks an idle review screen; only its scrypt hash is stored.",
    )
    return 0


def _signing_pin(args: argparse.Namespace, paths: ClinicPaths, log: AuditLog) -> int:
    """Set (or clear) a clinician's signing PIN. Replacing or clearing one takes the current
    PIN, unless chartdesk runs as that clinician's own OS account: otherwise anyone at a
    shared account could reset a colleague's PIN and sign as them."""
    ctx = load_context(paths.context)
    clinician = ctx.clinician(args.clinician)
    if clinician is None:
        known = ", ".join(c.key for c in ctx.clinicians) or "none listed"
        raise ChartdeskError(f"no clinician {args.clinician!r} in context.toml ({known})")
    key = clinician.key
    if has_pin(paths.state, key) and clinician.os_user != os_user():
        current = _read_current(args, clinician.name)
        if not check_pin(paths.state, current, key):
            log.append("signing_pin_refused", clinician.name)
            raise ChartdeskError(f"wrong current signing PIN for {clinician.name}; nothing changed")
    if args.clear:
        removed = clear_pin(paths.state, key)
        if removed:
            log.append("signing_pin_cleared", clinician.name)
        text = f"Signing PIN of {clinician.name} removed." if removed else "No PIN was set."
        emit(args, {"pin": "cleared" if removed else "none", "clinician": key}, text)
        return 0
    pin = _read_pin(args, f"signing PIN for {clinician.name}")
    set_pin(paths.state, pin, clinician=key)
    log.append("signing_pin_set", clinician.name)
    emit(
        args,
        {"pin": "set", "clinician": key, "kdf": "scrypt"},
        f"Signing PIN of {clinician.signature} set; only its scrypt hash is stored. On this "
        "account, signing as them takes this PIN.",
    )
    return 0


def _read_current(args: argparse.Namespace, name: str) -> str:
    if args.stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(f"Current signing PIN for {name}: ")


def cmd_audit_log(args: argparse.Namespace) -> int:
    paths = _paths(args)
    approvals = _signatures(paths)
    report = AuditLog(paths.audit_log).verify(approvals)
    data = {
        "ok": report.ok,
        "entries": report.entries,
        "keyed": report.keyed,
        "problem": report.problem,
        "line": report.line,
        "problems": [{"line": p.line, "problem": p.text} for p in report.problems],
        "warnings": list(report.warnings),
        "signatures": report.approvals,
        "path": str(paths.audit_log),
    }
    emit(args, data, _report_text(report, paths))
    return 0 if report.ok else EXIT_BROKEN


def _signatures(paths: ClinicPaths) -> dict[int, str] | None:
    """The store's signatures, to check against the log (None when there is no store)."""
    if not paths.db.is_file():
        return None
    store = Store(paths.db)
    try:
        return store.signed_documents()
    finally:
        store.close()


def _report_text(report: ChainReport, paths: ClinicPaths) -> str:
    if report.ok:
        store = (
            f", {report.approvals} signatures match the store"
            if report.approvals is not None
            else ", no store to compare"
        )
        lines = [
            f"audit log intact: {report.entries} entries, chain verified{store} ({paths.audit_log})"
        ]
    else:
        first = report.problems[0]
        where = f" at line {first.line}" if first.line else ""
        lines = [f"audit log BROKEN{where}: {first.text} ({paths.audit_log})"]
        lines += [
            f"  line {p.line}: {p.text}" if p.line else f"  {p.text}" for p in report.problems[1:]
        ]
    lines += [f"  warning: {warning}" for warning in report.warnings]
    return "\n".join(lines)
