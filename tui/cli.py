"""The `chartdesk` command: argument parsing and the headless subcommands.

Every subcommand follows the contract of DESIGN.md: ``--json`` for machine output, exit 0 on
success, exit 2 with one line on stderr for bad usage or bad input, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, NoReturn

from tui.commands.output import emit, fail, field, warn
from tui.commands.parsers import register_all
from tui.core.clinic import Clinic, find_clinic, init_clinic
from tui.core.context import load_context
from tui.core.errors import ChartdeskError, describe_os_error
from tui.core.records.store import DRAFT_STATUSES, StoreError
from tui.core.resources import example_context
from tui.core.security.audit_log import os_user
from tui.core.service import ClinicService
from tui.core.skills.registry import load_registry

STATE_DB = ".chartdesk/state.db"


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line, as the headless contract asks."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"chartdesk: {message} (see `{self.prog} --help`)\n")


def cmd_init(args: argparse.Namespace) -> int:
    paths = init_clinic(Path(args.dir))
    examples = load_context(paths.context).examples
    emit(
        args,
        {"clinic": str(paths.root), "examples": examples},
        f"Created clinic folder {paths.root}\n"
        f"Edit {paths.context}: the clinic name, and the clinicians and payers, which are "
        "samples marked `example = true`: replace them with your own (signing refuses a "
        "clinician still marked as an example; `chartdesk skills check` lists what is left). "
        f"Then drop notes in {paths.inbox}.\n"
        f"Set the clinic PIN that unlocks an idle screen: chartdesk pin --clinic {paths.root}\n"
        "(needed where this account's password is locked or shared, as for a clinic login "
        "account; quitting a locked screen needs it too).",
    )
    return 0


DEMO_PIN = "2468"
"""The signing PIN of the demo clinic's other clinicians (a demo has no secrets)."""


def make_demo(root: Path) -> ClinicService:
    """A demo clinic with the sample notes already drafted (offline). The OS account running
    it signs as the demo's physical therapist; the others sign with `DEMO_PIN`."""
    if not (root / "context.toml").exists():
        init_clinic(root)
        _demo_context(root / "context.toml")
    service = ClinicService.open(root)
    from tui.core.security.pin import has_pin, set_pin

    for clinician in service.context.clinicians:
        if clinician.os_user != os_user() and not has_pin(
            service.clinic.paths.state, clinician.key
        ):
            set_pin(service.clinic.paths.state, DEMO_PIN, clinician=clinician.key)
    demo = files("tui.core").joinpath("data", "demo")
    for item in sorted(demo.iterdir(), key=lambda p: p.name):
        target = service.clinic.paths.inbox / item.name
        if not target.exists():
            target.write_bytes(item.read_bytes())
        service.ingest(target)
    from tui.core.intake.pipeline import draft_queued  # the watcher stack: not for the app's start

    draft_queued(service, owner="demo")
    return service


def _demo_context(context: Path) -> None:
    """The demo drafts offline even where ANTHROPIC_API_KEY is set (no BAA covers a demo), and
    its first clinician is whoever runs it, so a new user can sign from the first minute: the
    sample clinicians `init` marks as examples are the demo's own people, unmarked here."""
    import tomlkit

    document = tomlkit.parse(context.read_text(encoding="utf-8"))
    model = document.setdefault("model", tomlkit.table())
    model["provider"] = "offline"
    clinicians = document.get("clinicians") or []
    for index, clinician in enumerate(clinicians):
        if "example" in clinician:
            del clinician["example"]
        if index == 0:
            clinician["os_user"] = os_user()
        elif "os_user" in clinician:
            del clinician["os_user"]
    context.write_text(tomlkit.dumps(document), encoding="utf-8")


def demo_greeting(service: ClinicService) -> str:
    """Who signs in the demo, said once when it opens."""
    own = next((c.clinician for c in service.signer_choices() if not c.needs_pin), None)
    others = [c.signature for c in service.context.clinicians if c != own]
    you = f"You sign as {own.signature} (your OS account)" if own else "Sign with a PIN"
    rest = f"; {', '.join(others)} sign with PIN {DEMO_PIN}" if others else ""
    return f"Demo clinic. {you}{rest}. ? lists the keys."


def cmd_demo(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    service = make_demo(root)
    if args.no_open:
        counts = service.store.counts()
        emit(
            args,
            {"clinic": str(service.clinic.paths.root), "counts": counts},
            f"Demo clinic ready at {service.clinic.paths.root}: {counts['ready']} drafts ready",
        )
        return 0
    return _run_app(service, args, greeting=demo_greeting(service))


def cmd_app(args: argparse.Namespace) -> int:
    root = find_clinic(args.clinic)
    service = ClinicService.open(root)
    return _run_app(service, args)


def _run_app(service: ClinicService, args: argparse.Namespace, greeting: str = "") -> int:
    from tui.ui.app import run_app

    mouse = False if getattr(args, "no_mouse", False) else None
    return run_app(service, mouse=mouse, greeting=greeting)


def cmd_draft(args: argparse.Namespace) -> int:
    note_path = Path(args.note)
    if not note_path.exists() and not note_path.is_symlink():
        raise ChartdeskError(f"{note_path}: no such note file")
    with _draft_service(args) as service:
        from tui.core.drafting.select import select_backend

        backend = select_backend(service.context)
        skill, result, checks = asyncio.run(
            service.draft_file(note_path, args.skill or "", backend)
        )
    data = {
        "note": str(note_path),
        "skill": skill.id,
        "backend": result.backend,
        "model": result.model,
        "server_model": result.server_model,
        "tokens": {
            "input": result.input_tokens,
            "output": result.output_tokens,
            "cache_write": result.cache_write_tokens,
            "cache_read": result.cache_read_tokens,
            "reused": result.reused_tokens,
        },
        "cost_usd": round(result.cost_usd, 6),
        "text": result.text,
        "aside": result.aside,
        "checks": checks,
    }
    emit(args, data, result.text)
    if result.aside and not args.json:
        warn(result.aside)  # beside the document, never inside it
    return 0


@contextlib.contextmanager
def _draft_service(args: argparse.Namespace) -> Iterator[ClinicService]:
    """The clinic's service, or a throwaway one on the example context when no clinic is set."""
    if args.clinic or os.environ.get("CHARTDESK_CLINIC"):
        service = ClinicService.open(find_clinic(args.clinic))
        try:
            yield service
        finally:
            service.close()
        return
    with tempfile.TemporaryDirectory(prefix="chartdesk-draft-") as scratch:
        init_clinic(Path(scratch))
        service = ClinicService.open(Path(scratch))
        try:
            yield service
        finally:
            service.close()


def cmd_queue(args: argparse.Namespace) -> int:
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        data = service.queue_json(args.status)
    finally:
        service.close()
    rows = [
        f"{d['id']:>5}  {d['status']:<9} {field(d['skill'] or '-'):<22} "
        f"{field(d['patient'] or '-'):<22} {field(d['note'])}"
        + (f"  ({field(d['reason'])})" if d.get("reason") else "")
        for d in data["drafts"]
    ]
    emit(args, data, "\n".join(rows) or "The queue is empty.")
    return 0


def cmd_skills_new(args: argparse.Namespace) -> int:
    if not args.id or not args.from_skill:
        raise ChartdeskError("usage: chartdesk skills new ID --from SKILL [--clinic DIR]")
    clinic = Clinic.open(find_clinic(args.clinic))
    from tui.core.skills.files import new_skill

    path = new_skill(clinic.paths.skills, clinic.skills, args.id, args.from_skill)
    emit(
        args,
        {"skill": args.id, "path": str(path)},
        f"Created {path}; edit it, then run `chartdesk skills check`.",
    )
    return 0


def cmd_skills(args: argparse.Namespace) -> int:
    if args.action == "new":
        return cmd_skills_new(args)
    clinic_dir = (
        find_clinic(args.clinic)
        if (args.clinic or bool(os.environ.get("CHARTDESK_CLINIC")))
        else None
    )
    skills_dir = clinic_dir / "skills" if clinic_dir else None
    registry = load_registry(skills_dir)
    problems = [str(p) for p in registry.problems]
    examples: list[str] = []
    if args.action == "check":
        context_path = clinic_dir / "context.toml" if clinic_dir else example_context()
        context_problems, examples = _check_context(context_path)
        problems[:0] = context_problems
    listing = [
        {
            "id": s.id,
            "name": s.name,
            "kind": s.kind,
            "disciplines": list(s.disciplines),
            "aliases": list(s.aliases),
            "next": s.next,
            "source": s.source,
            "overrides_builtin": s.overrides_builtin,
            "path": str(s.path),
            "sha256": s.sha256,
        }
        for s in registry
    ]
    if args.action == "list":
        text = "\n".join(
            f"{s['id']:<30} {s['kind']:<11} {'/'.join(s['disciplines']):<6} {field(s['source'])}"
            + (" (overrides built-in)" if s["overrides_builtin"] else "")
            for s in listing
        )
        emit(args, {"skills": listing, "problems": problems}, text)
        for problem in problems:
            warn(problem)
        return 0
    status = "ok" if not problems else "problems"
    text = "\n".join(problems) if problems else f"{len(listing)} Skills OK; context.toml OK"
    if examples:
        text += (
            "\nStill examples from `chartdesk init` (replace them, then remove "
            f"`example = true`): {', '.join(examples)}"
        )
    if args.json:
        data = {"status": status, "skills": len(listing), "problems": problems,
                "examples": examples}  # fmt: skip
        emit(args, data, text)
    elif problems:
        warn(text)
    else:
        emit(args, {}, text)
    return 2 if problems else 0


def _check_context(path: Path) -> tuple[list[str], list[str]]:
    """All of context.toml as `skills check` sees it: every schema problem, the ``[ui]`` table
    as the app applies it (remapped keys, theme), and what is still an example of `init`."""
    from tui.core.context import context_problems
    from tui.core.tomlschema import key_lines

    try:
        load_context(path)  # the file's own checks: readable, size, syntax
    except ChartdeskError as exc:
        source = path.read_text(encoding="utf-8") if path.is_file() else ""
        found = [str(p) for p in context_problems(path, source)] if source else []
        return found or [str(exc)], []
    from tui.ui.settings import ui_problems  # the app's rules for [ui]; not needed until here

    source = path.read_text(encoding="utf-8")
    context = load_context(path)
    found = [str(p) for p in ui_problems(context.ui, path, key_lines(source))]
    return found, context.examples


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="chartdesk",
        description="Draft, check and sign PT/OT documentation from session notes.",
    )
    parser.add_argument("--clinic", help="clinic folder (default: $CHARTDESK_CLINIC or .)")
    parser.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def command(
        name: str, help_text: str, func: Any, clinic: bool = True
    ) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
        if clinic:
            cmd.add_argument("--clinic", help="clinic folder")
        cmd.set_defaults(func=func)
        return cmd

    init = command("init", "create a clinic folder", cmd_init, clinic=False)
    init.add_argument("dir")
    demo = command(
        "demo", "create a demo clinic with drafted sample notes and open it", cmd_demo, clinic=False
    )
    demo.add_argument("dir", nargs="?", default="demo-clinic")
    demo.add_argument("--no-open", action="store_true", help="create the demo clinic and exit")
    demo.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    draft = command("draft", "draft one note and print it", cmd_draft)
    draft.add_argument("note")
    draft.add_argument("--skill", help="Skill id or alias (default: planned from the note)")
    queue = command("queue", "list the drafts", cmd_queue)
    queue.add_argument("--status", choices=DRAFT_STATUSES)
    skills = command("skills", "list or check Skills", cmd_skills)
    skills.add_argument("action", choices=("list", "check", "new"))
    skills.add_argument("id", nargs="?", help="for `new`: the new Skill's id")
    skills.add_argument("--from", dest="from_skill", help="for `new`: the Skill to copy")
    register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except ChartdeskError as exc:
        return fail(str(exc), exc.exit_code)
    except StoreError as exc:  # e.g. a state.db written by a newer chartdesk
        return fail(str(exc))
    except sqlite3.OperationalError as exc:  # locked, read-only, cannot open, disk I/O
        return fail(f"{STATE_DB} cannot be used: {exc}")
    except sqlite3.DatabaseError as exc:  # not a database, or a corrupt one
        return fail(f"{STATE_DB} is not a readable chartdesk database: {exc}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return fail(describe_os_error(exc))


if __name__ == "__main__":
    raise SystemExit(main())
