"""`chartdesk push [--status | --retry DRAFT] [--clinic DIR] [--json]`: deliver the outbox, or
list it.

`push` delivers every delivery waiting in the outbox now, whatever its backoff (for cron or a
manual retry; the drafter's worker keeps the backoff), and prints each outcome. `push --status`
lists the deliveries still waiting or failed without sending anything; `push --retry DRAFT` first
puts that draft's failed deliveries back in the queue (a retry from cron or a shell, as `D` does
in the app). Exit 0 when nothing
failed, 1 when a delivery failed (or, for `--status`, when one is listed as failed), 2 on bad
input. Lines carry ids, states and reasons, never note text.
"""

from __future__ import annotations

import argparse
import os
import socket
from typing import Any

from tui.commands.output import emit, field
from tui.core.clinic import find_clinic
from tui.core.service import ClinicService


def cmd_push(args: argparse.Namespace) -> int:
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        if args.status:
            return _status(service, args)
        if args.retry is not None:
            service.retry_delivery(args.retry)
        return _push(service, args)
    finally:
        service.close()


def _push(service: ClinicService, args: argparse.Namespace) -> int:
    owner = f"push:{socket.gethostname()}:{os.getpid()}"
    outcomes = service.deliver_due(owner, everything=True)
    rows = [outcome.to_json() for outcome in outcomes]
    text = "\n".join(_line(row) for row in rows) or "Nothing waits in the outbox."
    emit(args, {"deliveries": rows}, text)
    return 1 if any(row["state"] != "sent" for row in rows) else 0


def _status(service: ClinicService, args: argparse.Namespace) -> int:
    rows = [d.to_json() for d in service.deliveries(("waiting", "failed"))]
    text = "\n".join(_line(row) for row in rows) or "Nothing waits or failed."
    emit(args, {"deliveries": rows}, text)
    return 1 if any(row["state"] == "failed" for row in rows) else 0


def _line(row: dict[str, Any]) -> str:
    parts = [f"draft {row['draft']:>5}", f"{field(row['destination']):<16}", f"{row['state']:<8}"]
    if row["remote_id"]:
        parts.append(field(row["remote_id"]))
    if row["reason"]:
        parts.append(f"({field(row['reason'])})")
    return "  ".join(parts)
