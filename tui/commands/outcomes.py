"""`chartdesk episode PATIENT` and `chartdesk outcomes --from DATE --to DATE` (issue 17).

`episode` prints a patient's episodes of care (found by name or MRN; ambiguous matches are
listed with the ids that confirm them, `--same A B` or `--different A B`, and a recorded
answer is undone with `--undo A B`; the patient screen does the same with s, d and u).
`outcomes` reports the episodes discharged in a period: the share reaching the MCID on their
primary measure, visits per episode and change per visit, for the clinic and by clinician,
region, diagnosis.
"""

from __future__ import annotations

import argparse
import re
from datetime import date

from tui.commands.output import emit
from tui.core.clinic import find_clinic
from tui.core.errors import ChartdeskError
from tui.core.intake.notes import note_day
from tui.core.security.audit_log import os_user
from tui.core.service import ClinicService


def cmd_episode(args: argparse.Namespace) -> int:
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        pair = args.same or args.different or args.undo
        if pair:
            a, b = pair
            if not all(re.fullmatch(r"[0-9a-f]{8}", key) for key in (a, b)) or a == b:
                raise ChartdeskError(
                    "--same, --different and --undo take two identity ids as "
                    "`chartdesk episode` lists them (8 characters, 0-9 a-f)"
                )
            if args.undo:
                service.forget_identities(a, b, os_user())
            else:
                service.confirm_identities(a, b, bool(args.same), os_user())
        found = service.patient_episodes(args.patient)
    finally:
        service.close()
    from tui.core.outcomes.timeline import timeline_text

    data = {"patients": [item.to_json() for item in found]}
    parts = []
    for item in found:
        parts.append(f"Patient: {item.patient.label}")
        parts += [timeline_text(episode) for episode in item.episodes]
        for amb in item.ambiguities:
            parts.append(
                f"To confirm ({amb.reason}): {amb.a.describe()} [{amb.a.key}] and "
                f"{amb.b.describe()} [{amb.b.key}]: chartdesk episode {args.patient!r} "
                f"--same {amb.a.key} {amb.b.key} (or --different)"
            )
        for answer in item.answered:
            verdict = "same patient" if answer.same else "different patients"
            parts.append(
                f"Answered ({answer.author}, {answer.at[:10]}): {answer.a_shown} [{answer.a}] "
                f"and {answer.b_shown} [{answer.b}] are {verdict}: undo with "
                f"chartdesk episode {args.patient!r} --undo {answer.a} {answer.b}"
            )
    emit(args, data, "\n\n".join(parts))
    return 0


def cmd_measures(args: argparse.Namespace) -> int:
    """How many notes have no measures recorded; with --backfill, measure them (at most
    --limit) first. Stopped part way, the next run (or the drafter) carries on."""
    if args.limit is not None and args.limit < 1:
        raise ChartdeskError(f"--limit {args.limit} is not a number of notes (1 or more)")
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        measured = service.backfill_measures(args.limit) if args.backfill else 0
        left = service.measures_backlog()
    finally:
        service.close()
    text = f"{measured} notes measured, {left} left" if args.backfill else f"{left} to measure"
    emit(args, {"measured": measured, "left": left}, text)
    return 0


def cmd_outcomes(args: argparse.Namespace) -> int:
    first, last = _day(args.from_day, "--from"), _day(args.to_day, "--to")
    if first > last:
        raise ChartdeskError(f"--from {first} is after --to {last}")
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        episodes = service.discharged_episodes(first, last)
    finally:
        service.close()
    from tui.core.outcomes.report import groups_csv, outcome_groups

    groups = outcome_groups(episodes)
    if args.csv:
        print(groups_csv(groups), end="")
        return 0
    data = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "groups": [group.to_json() for group in groups],
    }
    lines = [f"Episodes discharged {first} to {last}"]
    for group in groups:
        share = "-" if group.share is None else f"{group.share:.0%}"
        per_visit = ", ".join(f"{k} {v:+g}" for k, v in group.change_per_visit.items()) or "-"
        lines.append(
            f"{group.grouping:<10} {group.name[:28]:<28} {group.episodes:>4} episodes  "
            f"MCID {group.reached}/{group.judged} ({share})  "
            f"{group.visits_per_episode or 0:g} visits/episode  change/visit: {per_visit}"
        )
    emit(args, data, "\n".join(lines))
    return 0


def _day(text: str, option: str) -> date:
    day = note_day(text)
    if day is None or len(text.strip()) > 10:
        raise ChartdeskError(f"{option} {text!r} is not a date (YYYY-MM-DD)")
    return day
