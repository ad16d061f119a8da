"""The argument parsers of the subcommand groups kept in their own modules.

Each subcommand's function is named, not imported (`Command`): building the parser must not
import the checks' clinical tables or the drafter, because `chartdesk` with no subcommand opens
the review app and its start-up time is part of the app's speed target (bench/review.py).
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from typing import Any

from tui.core.checks import UNIT_RULES


@dataclass(frozen=True)
class Command:
    """A subcommand's function, imported from `module` when the subcommand runs."""

    module: str
    name: str

    def __call__(self, args: argparse.Namespace) -> int:
        return int(getattr(importlib.import_module(self.module), self.name)(args))


def _add(sub: Any, name: str, help_text: str, func: Command) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(func=func)
    return parser


def register_checks(sub: Any) -> None:
    """`extract`, `verify`, `units`, `audit`, `readability` (tui.commands.checks)."""

    def command(name: str, help_text: str, func: str) -> argparse.ArgumentParser:
        parser = _add(sub, name, help_text, Command("tui.commands.checks", func))
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        return parser

    extract = command("extract", "list the facts found in a note", "cmd_extract")
    extract.add_argument("note", help="note file")
    check = command("verify", "check a draft against its note", "cmd_verify")
    check.add_argument("note", help="note file")
    check.add_argument("draft", help="draft file")
    units = command("units", "timed units for CODE=MINUTES items", "cmd_units")
    units.add_argument("items", nargs="+", metavar="CODE=MIN", help="e.g. 97110=33 97140=7")
    units.add_argument("--rule", choices=UNIT_RULES, default="cms", help="timed-unit rule")
    audit = command("audit", "billing and documentation audit of notes", "cmd_audit")
    audit.add_argument("notes", nargs="*", metavar="NOTE", help="note files (or use --day)")
    audit.add_argument(
        "--clinic", help="clinic folder (payer rules from its context.toml, history from its store)"
    )
    audit.add_argument(
        "--day", metavar="YYYY-MM-DD", help="audit every note of this day in the clinic's store"
    )
    audit.add_argument(
        "--export", action="store_true", help="with --day: write exports/audit-YYYY-MM-DD.md"
    )
    audit.add_argument(
        "--model",
        action="store_true",
        help="have the clinic's model review the heuristic findings (if its privacy gate allows)",
    )
    grade = command("readability", "reading grade and jargon of a text", "cmd_read")
    grade.add_argument("file", help="text file")


def register_review(sub: Any) -> None:
    """`pin` and `audit-log` (tui.commands.review)."""
    pin = _add(sub, "pin", "set the clinic PIN (unlocks an idle screen) or a clinician's "
               "signing PIN", Command("tui.commands.review", "cmd_pin"))  # fmt: skip
    pin.add_argument("--clinic", help="clinic folder")
    pin.add_argument(
        "--clinician",
        metavar="ID",
        help="set this clinician's signing PIN (context.toml id) instead of the clinic PIN",
    )
    pin.add_argument("--json", action="store_true", help="machine-readable output")
    pin.add_argument("--clear", action="store_true", help="remove the clinic PIN")
    pin.add_argument(
        "--stdin", action="store_true", help="read the PIN from the first line of standard input"
    )
    audit_log = _add(sub, "audit-log", "check the audit log's hash chain",
                     Command("tui.commands.review", "cmd_audit_log"))  # fmt: skip
    audit_log.add_argument("action", choices=("verify",))
    audit_log.add_argument("--clinic", help="clinic folder")
    audit_log.add_argument("--json", action="store_true", help="machine-readable output")


def register_watch(sub: Any) -> None:
    """`watch` (tui.commands.watch)."""
    watch = _add(sub, "watch", "run the drafter with no UI (for a service manager)",
                 Command("tui.commands.watch", "cmd_watch"))  # fmt: skip
    watch.add_argument("--json", action="store_true", help="one JSON object per log line")
    watch.add_argument("--clinic", help="clinic folder")
    watch.add_argument(
        "--grace",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="on SIGTERM, how long running drafts may finish before they are checkpointed "
        "and left for the next start (default 5)",
    )


def register_push(sub: Any) -> None:
    """`push` (tui.commands.push)."""
    push = _add(sub, "push", "deliver signed documents waiting in the outbox (or list them)",
                Command("tui.commands.push", "cmd_push"))  # fmt: skip
    push.add_argument("--json", action="store_true", help="machine-readable output")
    push.add_argument("--clinic", help="clinic folder")
    push.add_argument(
        "--status", action="store_true", help="list waiting and failed deliveries; send nothing"
    )
    push.add_argument(
        "--retry",
        type=int,
        metavar="DRAFT",
        help="put this signed draft's failed deliveries back in the queue, then deliver",
    )


def register_outcomes(sub: Any) -> None:
    """`episode` and `outcomes` (tui.commands.outcomes)."""
    episode = _add(sub, "episode", "a patient's episodes of care: measures, change, MCID, goals",
                   Command("tui.commands.outcomes", "cmd_episode"))  # fmt: skip
    episode.add_argument("patient", help="the patient's name (any order) or MRN")
    episode.add_argument("--clinic", help="clinic folder")
    episode.add_argument("--json", action="store_true", help="machine-readable output")
    confirm = episode.add_mutually_exclusive_group()
    confirm.add_argument(
        "--same", nargs=2, metavar="ID", help="confirm two identities are one patient"
    )
    confirm.add_argument("--different", nargs=2, metavar="ID", help="confirm they are two patients")
    confirm.add_argument(
        "--undo", nargs=2, metavar="ID", help="forget the answer on two identities (asked again)"
    )
    measures = _add(sub, "measures", "notes whose measures are not recorded yet (--backfill)",
                    Command("tui.commands.outcomes", "cmd_measures"))  # fmt: skip
    measures.add_argument("--clinic", help="clinic folder")
    measures.add_argument("--json", action="store_true", help="machine-readable output")
    measures.add_argument(
        "--backfill", action="store_true", help="measure them now (the drafter does it anyway)"
    )
    measures.add_argument("--limit", type=int, metavar="N", help="measure at most N notes")
    outcomes = _add(sub, "outcomes", "the clinic's outcomes of the episodes discharged in a period",
                    Command("tui.commands.outcomes", "cmd_outcomes"))  # fmt: skip
    outcomes.add_argument("--from", dest="from_day", required=True, metavar="DATE")
    outcomes.add_argument("--to", dest="to_day", required=True, metavar="DATE")
    outcomes.add_argument("--clinic", help="clinic folder")
    form = outcomes.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="machine-readable output")
    form.add_argument("--csv", action="store_true", help="one CSV row per group")


def register_all(sub: Any) -> None:
    register_checks(sub)
    register_outcomes(sub)
    register_review(sub)
    register_watch(sub)
    register_push(sub)
