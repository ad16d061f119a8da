"""`chartdesk watch --clinic DIR [--json]`: the drafter alone, for a service manager.

It waits for the clinic's drafter lock (another drafter may hold it; it takes over within about
a second of that process dying), then watches the inbox and drafts until SIGTERM or SIGINT,
when running jobs get a few seconds to finish and the rest are checkpointed and resumed by the
next drafter. It logs one line per note event to stdout (note id, file name, status, reason;
never note text) and its own state to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from tui.commands.output import fail
from tui.commands.parsers import register_watch
from tui.core.background import use_background_executor
from tui.core.clinic import find_clinic
from tui.core.drafting.delayed import delayed_from_env
from tui.core.drafting.select import select_backend
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import Pipeline, PipelineEvent
from tui.core.logs import configure as configure_logging
from tui.core.security.terminal_text import visible
from tui.core.service import ClinicService

STOP_THREADS_SECONDS = 2.0
_STATUS_OF_INGEST = {"drafted": "queued", "duplicate": "duplicate", "failed": "failed"}


def cmd_watch(args: argparse.Namespace) -> int:
    configure_logging(sys.stderr)
    service = ClinicService.open(find_clinic(args.clinic))
    try:
        backend = delayed_from_env(select_backend(service.context))
        owner = f"watch:{socket.gethostname()}:{os.getpid()}"
        pipeline = Pipeline(service, backend, owner, stop_grace_seconds=max(0.0, args.grace))
        pipeline.subscribe(NoteLog(sys.stdout, sys.stderr, json_lines=bool(args.json)))
        print(
            f"chartdesk watch: clinic {visible(str(service.clinic.paths.root))}, "
            f"backend {backend.name}, "
            f"at most {pipeline.concurrency} at a time, pid {os.getpid()}",
            file=sys.stderr,
            flush=True,
        )
        asyncio.run(_run(pipeline))
    finally:
        service.close()
    return 0


async def _run(pipeline: Pipeline) -> None:
    use_background_executor(STOP_THREADS_SECONDS)  # a stuck check must not outlive SIGTERM
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, pipeline.stop)
    await pipeline.run()


class NoteLog:
    """Turns pipeline events into log lines: a note's arrival and its draft's outcome."""

    def __init__(self, out: TextIO, err: TextIO, *, json_lines: bool = False) -> None:
        self.out = out
        self.err = err
        self.json_lines = json_lines

    def __call__(self, event: PipelineEvent) -> None:
        if event.kind == "role":
            self._role(event)
        elif event.kind == "delivery":
            self._delivery(event)
        elif event.kind == "note" and event.status != "unchanged":
            self._line(event, _STATUS_OF_INGEST.get(event.status, event.status))
        elif event.kind == "draft" and event.source == "drafter":
            if event.status in ("ready", "failed"):
                self._line(event, event.status)
            elif event.status == "queued" and event.reason:
                self._line(event, "retrying")

    def _line(self, event: PipelineEvent, status: str) -> None:
        if self.json_lines:
            record: dict[str, Any] = {
                "time": _now(),
                "note": event.note_id,
                "draft": event.draft_id,
                "file": event.path,
                "status": status,
            }
            if event.reason:
                record["reason"] = event.reason
            print(json.dumps(record, ensure_ascii=True), file=self.out, flush=True)
            return
        parts = [_now(), f"note {event.note_id}", visible(event.path), status]
        if event.draft_id is not None:
            parts.append(f"draft {event.draft_id}")
        if event.reason:
            parts.append(f"({visible(event.reason)})")
        print("  ".join(parts), file=self.out, flush=True)

    def _delivery(self, event: PipelineEvent) -> None:
        """A delivery from the outbox: draft, destination, state, reason (no note text)."""
        if self.json_lines:
            record: dict[str, Any] = {
                "time": _now(),
                "draft": event.draft_id,
                "destination": event.destination,
                "delivery": event.status,
            }
            if event.reason:
                record["reason"] = event.reason
            print(json.dumps(record, ensure_ascii=True), file=self.out, flush=True)
            return
        destination = f"to {visible(event.destination)}"
        parts = [_now(), f"draft {event.draft_id}", destination, event.status]
        if event.reason:
            parts.append(f"({visible(event.reason)})")
        print("  ".join(parts), file=self.out, flush=True)

    def _role(self, event: PipelineEvent) -> None:
        message = {
            "waiting": "waiting: another drafter holds the lock"
            + (f" ({event.reason})" if event.reason else "")
            + "; taking over when it stops",
            "drafter": "drafting: this process holds the drafter lock",
            "stopped": "stopped",
        }.get(event.status)
        if message:
            print(f"chartdesk watch: {message}", file=self.err, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m tui.commands.watch`: the same command outside the main CLI."""
    parser = argparse.ArgumentParser(prog="chartdesk watch")
    sub = parser.add_subparsers(dest="command")
    register_watch(sub)
    args = parser.parse_args(["watch", *(sys.argv[1:] if argv is None else argv)])
    try:
        result: int = args.func(args)
    except ChartdeskError as exc:
        return fail(str(exc), exc.exit_code)
    return result


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


if __name__ == "__main__":
    raise SystemExit(main())
