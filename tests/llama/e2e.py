"""`make e2e-llama`: chartdesk against a real llama.cpp llama-server (not part of `make test`).

The server is built from source and its model taken from the package registry
(`build_server.sh`), started on 127.0.0.1 with its default settings, and chartdesk runs against
it exactly as a clinic would: `chartdesk watch` drafts the notes dropped in the inbox of a new
clinic whose context.toml only names the server and the model (everything else as shipped,
`max_concurrency = 4` included). This process reads the store as a review session does.

1. Three notes dropped at once: all drafted, or failed only for the model's own length limit
   (SmolLM2-135M rambles to max_tokens), never for the server's context.
2. A PNG scan: fails at once (one attempt) in the server's words, with what to do.
3. The server killed mid-stream (text already streaming, read from the store by this process)
   and restarted: the draft says it was interrupted mid-draft, is retried, and finishes.
4. A note too large for the server's context: refused before anything is generated.
5. The server restarted with ``-c 2048``: an ordinary note is refused with the context to use.

It prints what the clinician sees for each, the figures (seconds per draft, tokens per second)
and exits 1 when a check fails. Run: ``python -m tests.llama --server BIN --model GGUF``.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEMO_NOTES = REPO / "tui" / "core" / "data" / "demo"
THREE = (
    "2026-11-02_whitfield-dana_soap.txt",
    "2026-11-03_okafor-james_soap.txt",
    "2026-11-06_nakamura-ken_soap.txt",
)
KILLED = "2026-11-04_reyes-marisol_soap.txt"
MODEL_ID = "smollm2"
DRAFT_MINUTES = 30.0
LENGTH_LIMIT = "cut off at the length limit"
TIMING = re.compile(r"(prompt eval|eval) time =\s*([\d.]+) ms /\s*(\d+) tokens")
# A 1x1 PNG, as a scanner would drop it.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class Failed(Exception):
    """A check did not hold."""


@dataclass
class Server:
    """One llama-server process on 127.0.0.1, its output kept in `log`."""

    binary: Path
    model: Path
    port: int
    log: Path
    extra: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra: str) -> None:
        self.extra = extra
        out = self.log.open("ab")
        command = [str(self.binary), "-m", str(self.model), "--host", "127.0.0.1"]
        command += ["--port", str(self.port), *extra]
        self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        out.close()
        wait(lambda: self._healthy(), 180, "llama-server to load its model")

    def _healthy(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise Failed(f"llama-server exited ({self.process.returncode}); see {self.log}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            connection.request("GET", "/health")
            return connection.getresponse().status == 200
        except OSError:
            return False

    def props(self) -> dict[str, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("GET", "/props")
        data: dict[str, Any] = json.loads(connection.getresponse().read())
        return data

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def timings(self) -> list[tuple[str, float, int]]:
        """The server's own timings: (phase, milliseconds, tokens) per finished request."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [(m[1], float(m[2]), int(m[3])) for m in TIMING.finditer(text)]


@dataclass
class Watch:
    """`chartdesk watch --json` on the clinic, its output collected line by line."""

    root: Path
    lines: list[str] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        chartdesk = Path(sys.executable).parent / "chartdesk"
        self.process = subprocess.Popen(
            [str(chartdesk), "watch", "--clinic", str(self.root), "--json", "--grace", "5"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._collect, daemon=True).start()
        wait(lambda: any("drafting: this process" in line for line in self.lines), 60, "watch")

    def _collect(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(60)


class Clinic:
    """The clinic folder, read as a review session reads it (never written but by intake)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inbox = root / "inbox"

    def drop(self, name: str, data: bytes) -> None:
        """Put a note in the inbox whole (written beside it, then renamed in)."""
        staging = self.root / "exports" / name
        staging.write_bytes(data)
        staging.rename(self.inbox / name)

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        db = sqlite3.connect(f"file:{self.root / '.chartdesk' / 'state.db'}?mode=ro", uri=True)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def draft_of(self, name: str) -> tuple[Any, ...] | None:
        rows = self.query(
            "SELECT d.id, d.status, d.reason, d.model, d.server_model, d.input_tokens,"
            " d.output_tokens, d.reused_tokens, d.cost_usd FROM drafts d JOIN notes n"
            " ON n.id = d.note_id WHERE n.path = ? ORDER BY d.id DESC LIMIT 1",
            f"inbox/{name}",
        )
        return rows[0] if rows else None

    def status(self, name: str) -> str:
        row = self.draft_of(name)
        return str(row[1]) if row else ""

    def reason(self, name: str) -> str:
        row = self.draft_of(name)
        return str(row[2]) if row else ""

    def attempts(self, draft_id: int) -> list[tuple[Any, ...]]:
        return self.query(
            "SELECT attempt, outcome, input_tokens, output_tokens, reused_tokens, started_at,"
            " ended_at FROM draft_attempts WHERE draft_id = ? ORDER BY id",
            draft_id,
        )

    def partial(self, draft_id: int) -> str:
        rows = self.query(
            "SELECT partial_text FROM jobs WHERE draft_id = ? AND state = 'running'", draft_id
        )
        return str(rows[0][0]) if rows else ""


@dataclass
class Report:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    drafts: list[dict[str, Any]] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append((name, ok, detail))
        print(f"  [{'ok' if ok else 'FAILED'}] {name}" + (f": {detail}" if detail else ""))

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.checks)


def wait(predicate: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise Failed(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.25)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def settled(clinic: Clinic, names: tuple[str, ...]) -> Callable[[], bool]:
    return lambda: all(clinic.status(n) in ("ready", "failed") for n in names)


def seconds(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def record(clinic: Clinic, report: Report, name: str) -> None:
    """The figures of a settled draft: its final attempt's time and tokens."""
    row = clinic.draft_of(name)
    assert row is not None
    last = clinic.attempts(row[0])[-1]
    took = seconds(last[5], last[6])
    report.drafts.append(
        {
            "note": name,
            "status": row[1],
            "attempts": len(clinic.attempts(row[0])),
            "seconds": round(took, 1),
            "prompt_tokens": last[2] + last[4],
            "reused_tokens": last[4],
            "output_tokens": last[3],
            "output_per_second": round(last[3] / took, 1) if took else 0.0,
        }
    )


# The scenarios ---------------------------------------------------------------------------------


def three_at_once(clinic: Clinic, report: Report) -> None:
    print("\n1. Three notes dropped at once, default settings")
    for name in THREE:
        clinic.drop(name, (DEMO_NOTES / name).read_bytes())
    wait(settled(clinic, THREE), DRAFT_MINUTES * 60, "the three drafts")
    for name in THREE:
        status, reason = clinic.status(name), clinic.reason(name)
        print(f"     {name}: {status}" + (f" ({reason})" if reason else ""))
        record(clinic, report, name)
        report.check(
            f"{name} drafted, or failed only for the model's own length limit",
            status == "ready" or LENGTH_LIMIT in reason,
        )
        row = clinic.draft_of(name)
        assert row is not None
        outcomes = [a[1] for a in clinic.attempts(row[0])]
        report.check(
            f"{name} in one attempt (nothing overflowed)", len(outcomes) == 1, str(outcomes)
        )


def png_scan(clinic: Clinic, report: Report) -> None:
    print("\n2. A PNG scan for a text-only model")
    name = "2026-11-05_garcia-luis_soap.png"
    started = time.monotonic()
    clinic.drop(name, PNG)
    wait(settled(clinic, (name,)), 120, "the scan's draft")
    took = time.monotonic() - started
    reason = clinic.reason(name)
    print(f"     {name}: {clinic.status(name)} ({reason})")
    row = clinic.draft_of(name)
    assert row is not None
    report.check("the scan failed", clinic.status(name) == "failed")
    report.check("in the server's words", "image input is not supported" in reason, reason)
    report.check("with what to do", "--mmproj" in reason and "offline" in reason)
    report.check("at once: one attempt", len(clinic.attempts(row[0])) == 1, f"{took:.1f} s")


def killed_mid_stream(clinic: Clinic, server: Server, report: Report) -> None:
    print("\n3. The server killed mid-stream, then restarted")
    clinic.drop(KILLED, (DEMO_NOTES / KILLED).read_bytes())
    wait(lambda: clinic.draft_of(KILLED) is not None, 60, "the note's draft")
    row = clinic.draft_of(KILLED)
    assert row is not None
    draft_id = row[0]
    seen: list[str] = []

    def growing() -> bool:
        seen.append(clinic.partial(draft_id))
        return len({text for text in seen if text}) >= 2

    wait(growing, DRAFT_MINUTES * 60, "streamed text in the store")
    report.check(
        "its growing text is readable from another process", True, f"{len(seen[-1])} chars"
    )
    server.kill()
    print("     killed llama-server (SIGKILL)")
    wait(lambda: "Interrupted mid-draft" in clinic.reason(KILLED), 120, "the interruption")
    reason = clinic.reason(KILLED)
    print(f"     {KILLED}: {clinic.status(KILLED)} ({reason})")
    report.check(
        "reported as interrupted mid-draft, to be retried", reason.startswith("retrying: ")
    )
    server.start()
    print("     restarted llama-server")
    wait(settled(clinic, (KILLED,)), DRAFT_MINUTES * 60, "the retried draft")
    status, final = clinic.status(KILLED), clinic.reason(KILLED)
    print(f"     {KILLED}: {status}" + (f" ({final})" if final else ""))
    attempts = clinic.attempts(draft_id)
    report.check("drafted after the restart", status == "ready" or LENGTH_LIMIT in final)
    first = attempts[0]
    report.check(
        "the interrupted attempt is recorded with its usage",
        first[1] == "retrying" and first[2] + first[4] > 0 and first[3] > 0,
        f"{first[2] + first[4]} prompt tokens, {first[3]} generated before the kill",
    )
    record(clinic, report, KILLED)


def too_large(clinic: Clinic, server: Server, report: Report, context: int) -> None:
    print(f"\n4. A note too large for the server's {context:,}-token context")
    name = "2026-11-07_long-note_soap.txt"
    lines = [
        "Patient: Long Note\nDate: 2026-11-07\nVisit: 3\nDiscipline: PT\nPayer: Aetna\n",
        "S: Pt reports R knee pain 3/10 after stairs.",
    ]
    lines += [
        f"O: set {i}: step-ups {8 + i % 5} reps at {4 + i % 3} inch box, cueing for knee "
        f"alignment, HR {88 + i % 17} bpm, RPE {11 + i % 4}/20, rest {30 + i % 4 * 15} s."
        for i in range(context // 25)
    ]
    before = len(server.timings())
    started = time.monotonic()
    clinic.drop(name, "\n".join(lines).encode())
    wait(settled(clinic, (name,)), 300, "the long note's draft")
    took = time.monotonic() - started
    reason = clinic.reason(name)
    print(f"     {name}: {clinic.status(name)} ({reason})")
    report.check(
        "refused", clinic.status(name) == "failed" and reason.startswith("This note needs")
    )
    report.check("saying what to do", "start it with -c" in reason, f"{took:.1f} s")
    report.check("before anything was generated", len(server.timings()) == before)


def small_context(clinic: Clinic, server: Server, report: Report) -> None:
    print("\n5. The server restarted with -c 2048")
    server.stop()
    server.start("-c", "2048")
    name = "2026-11-08_whitfield-dana_soap.txt"
    before = len(server.timings())
    text = (DEMO_NOTES / THREE[0]).read_text().replace("2026-11-02", "2026-11-08")
    clinic.drop(name, text.encode())
    wait(settled(clinic, (name,)), 300, "the note's draft")
    reason = clinic.reason(name)
    print(f"     {name}: {clinic.status(name)} ({reason})")
    report.check(
        "refused with the context to use",
        clinic.status(name) == "failed" and "start it with -c 4096" in reason,
    )
    report.check("before anything was generated", len(server.timings()) == before)


# Running it -------------------------------------------------------------------------------------


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="chartdesk-e2e-llama-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"\nkept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def make_clinic(root: Path, url: str) -> Clinic:
    chartdesk = Path(sys.executable).parent / "chartdesk"
    subprocess.run([str(chartdesk), "init", str(root)], check=True, capture_output=True)
    context = root / "context.toml"
    text = context.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^provider = "auto"', 'provider = "anthropic"', text, count=1)
    text = re.sub(r'(?m)^model = "[^"]*"', f'model = "{MODEL_ID}"', text, count=1)
    text = re.sub(r'(?m)^base_url = ""', f'base_url = "{url}"', text, count=1)
    context.write_text(text, encoding="utf-8")
    return Clinic(root)


def figures(report: Report, server: Server) -> None:
    print("\nFigures (this machine; the final attempt of each draft)")
    print(
        f"  {'note':<40} {'status':<7} {'s':>7} {'prompt':>7} {'reused':>7} {'out':>6} {'out/s':>6}"
    )
    for d in report.drafts:
        print(
            f"  {d['note']:<40} {d['status']:<7} {d['seconds']:>7} {d['prompt_tokens']:>7} "
            f"{d['reused_tokens']:>7} {d['output_tokens']:>6} {d['output_per_second']:>6}"
        )
    phases: dict[str, list[tuple[float, int]]] = {}
    for phase, ms, tokens in server.timings():
        phases.setdefault(phase, []).append((ms, tokens))
    for phase, runs in phases.items():
        ms = sum(m for m, _ in runs)
        tokens = sum(t for _, t in runs)
        rate = tokens / ms * 1000 if ms else 0.0
        label = "prompt processing" if phase == "prompt eval" else "generation"
        print(f"  server {label}: {tokens} tokens in {ms / 1000:.1f} s = {rate:.1f} tokens/s")


def run(binary: Path, model: Path, keep: bool) -> int:
    report = Report()
    with workspace(keep) as folder:
        server = Server(binary, model, free_port(), folder / "llama-server.log")
        server.start()
        props = server.props()
        context = int(props["default_generation_settings"]["n_ctx"])
        print(
            f"llama-server {props.get('build_info', '')} on {server.url}: "
            f"{props['total_slots']} slots, n_ctx {context}, vision "
            f"{props.get('modalities', {}).get('vision')}"
        )
        clinic = make_clinic(folder / "clinic", server.url)
        watch = Watch(clinic.root)
        try:
            watch.start()
            three_at_once(clinic, report)
            png_scan(clinic, report)
            killed_mid_stream(clinic, server, report)
            too_large(clinic, server, report, context)
            small_context(clinic, server, report)
        except Failed as exc:
            report.check("the run completed", False, str(exc))
        finally:
            watch.stop()
            server.stop()
        print("\nchartdesk watch said:")
        for line in watch.lines:
            print(f"  {line}")
        figures(report, server)
    failed = [name for name, ok, _ in report.checks if not ok]
    print(f"\n{len(report.checks) - len(failed)} of {len(report.checks)} checks passed")
    return 0 if not failed else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.llama")
    parser.add_argument("--server", type=Path, required=True, help="the llama-server binary")
    parser.add_argument("--model", type=Path, required=True, help="the GGUF model file")
    parser.add_argument("--keep", action="store_true", help="keep the clinic and server log")
    args = parser.parse_args(argv)
    return run(args.server, args.model, args.keep)
