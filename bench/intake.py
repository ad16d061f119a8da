"""Intake benchmark: `chartdesk watch` on a fresh clinic with the offline backend.

1. Latency: 200 notes written one at a time (open, write, close in the inbox); for each, the
   time from the start of the write to the draft's ``ready_at`` in the store (so it includes
   the write-settle logic, ingest, drafting, checks and the store commit). p50 and p95.
2. Burst: 500 different notes copied into the inbox at once by one ``cp``, with a fresh
   drafter process; time until every one is ready, drafts produced, duplicates (drafts beyond
   one per note) and lost notes (no ready draft), and the drafter's peak RSS (``VmHWM``).

Targets (2-core machine): p95 <= 1.0 s; burst <= 30 s with 500 drafts, 0 duplicates, 0 lost;
peak RSS <= 150 MB.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench.common import BenchResult, Row

TITLE = "Intake: note written -> draft ready (offline backend, `chartdesk watch`)"
LATENCY_NOTES = 200
BURST_NOTES = 500
TARGET_P95_S = 1.0
TARGET_BURST_S = 30.0
TARGET_RSS_MB = 150.0
REPO = Path(__file__).resolve().parents[1]
SAMPLES = [REPO.parent / "shared" / "samples" / "notes", REPO / "tui" / "core" / "data" / "demo"]
_FIRST = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea")
_LAST = ("Moreau", "Nakata", "Osei", "Park", "Quinn", "Rossi", "Silva", "Tan", "Ueda", "Vance")


def run() -> BenchResult:
    root = Path(tempfile.mkdtemp(prefix="chartdesk-bench-"))
    try:
        clinic = root / "clinic"
        subprocess.run(_chartdesk("init", str(clinic)), check=True, capture_output=True)
        notes = _notes(LATENCY_NOTES + BURST_NOTES)
        latencies = _latency(clinic, notes[:LATENCY_NOTES])
        burst = _burst(clinic, root / "staging", notes[LATENCY_NOTES:])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    p50 = statistics.median(latencies)
    p95 = _percentile(latencies, 95)
    figures = {
        "latency_notes": len(latencies),
        "latency_p50_s": round(p50, 3),
        "latency_p95_s": round(p95, 3),
        "latency_max_s": round(max(latencies), 3),
        **burst,
        "targets": {
            "latency_p95_s": TARGET_P95_S,
            "burst_seconds": TARGET_BURST_S,
            "peak_rss_mb": TARGET_RSS_MB,
        },
    }
    rows = [
        Row("latency p50 (200 notes, one at a time)", f"{p50:.3f} s"),
        Row("latency p95", f"{p95:.3f} s", f"<= {TARGET_P95_S} s", p95 <= TARGET_P95_S),
        Row(
            "burst of 500: time until all ready",
            f"{burst['burst_seconds']:.1f} s",
            f"<= {TARGET_BURST_S:.0f} s",
            burst["burst_seconds"] <= TARGET_BURST_S,
        ),
        Row(
            "burst: drafts produced",
            str(burst["burst_drafts"]),
            str(BURST_NOTES),
            burst["burst_drafts"] == BURST_NOTES,
        ),
        Row(
            "burst: duplicates", str(burst["burst_duplicates"]), "0", not burst["burst_duplicates"]
        ),
        Row("burst: lost", str(burst["burst_lost"]), "0", not burst["burst_lost"]),
        Row(
            "drafter peak RSS during the burst",
            f"{burst['peak_rss_mb']:.1f} MB",
            f"<= {TARGET_RSS_MB:.0f} MB",
            burst["peak_rss_mb"] <= TARGET_RSS_MB,
        ),
    ]
    return BenchResult(figures, rows)


# Phases --------------------------------------------------------------------------------------


def _latency(clinic: Path, notes: list[bytes]) -> list[float]:
    latencies = []
    with _drafter(clinic), _db(clinic) as db:
        for index, data in enumerate(notes):
            rel = f"inbox/lat-{index:03d}.txt"
            started = time.time()
            with open(clinic / rel, "wb") as handle:
                handle.write(data)
            ready_at = _wait_ready(db, rel, timeout=30)
            latencies.append(ready_at - started)
    return latencies


def _burst(clinic: Path, staging: Path, notes: list[bytes]) -> dict[str, float | int]:
    staging.mkdir()
    names = []
    for index, data in enumerate(notes):
        name = f"burst-{index:03d}.txt"
        (staging / name).write_bytes(data)
        names.append(name)
    with _drafter(clinic) as process, _db(clinic) as db:
        started = time.time()
        cp = shutil.which("cp")
        if cp:
            subprocess.run(
                [cp, *[str(staging / n) for n in names], str(clinic / "inbox")], check=True
            )
        else:
            for name in names:
                shutil.copyfile(staging / name, clinic / "inbox" / name)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _ready_count(db, "inbox/burst-") < len(names):
            time.sleep(0.05)
        peak_rss_mb = _peak_rss_mb(process.pid)
        rows = db.execute(
            "SELECT n.path, d.status, d.ready_at FROM drafts d JOIN notes n ON n.id = d.note_id"
            " WHERE n.path LIKE 'inbox/burst-%'"
        ).fetchall()
    per_note: dict[str, int] = {}
    ready_times = []
    for path, status, ready_at in rows:
        per_note[path] = per_note.get(path, 0) + 1
        if status == "ready" and ready_at:
            ready_times.append(_epoch(ready_at))
    ready_paths = {path for path, status, _ in rows if status == "ready"}
    return {
        "burst_notes": len(names),
        "burst_seconds": round((max(ready_times) - started) if ready_times else float("inf"), 2),
        "burst_drafts": len(ready_paths),
        "burst_duplicates": sum(count - 1 for count in per_note.values()),
        "burst_lost": sum(1 for name in names if f"inbox/{name}" not in ready_paths),
        "peak_rss_mb": round(peak_rss_mb, 1),
    }


# Helpers -------------------------------------------------------------------------------------


def _chartdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def _watch_command(clinic: Path) -> list[str]:
    """`chartdesk watch`, or the module itself until the CLI registers the subcommand."""
    probe = subprocess.run(_chartdesk("watch", "--help"), capture_output=True, cwd=REPO)
    if probe.returncode == 0:
        return _chartdesk("watch", "--clinic", str(clinic))
    return [sys.executable, "-m", "tui.commands.watch", "--clinic", str(clinic)]


class _drafter:
    """A `chartdesk watch` subprocess, up and drafting inside the block, stopped after it."""

    def __init__(self, clinic: Path) -> None:
        self.clinic = clinic
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("CHARTDESK_TEST_DRAFT_DELAY", None)
        self.process = subprocess.Popen(
            _watch_command(self.clinic),
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert self.process.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline().decode()
            if "drafting" in line:
                return self.process
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError("chartdesk watch did not start drafting")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _db:
    """A read-only connection to the clinic's store."""

    def __init__(self, clinic: Path) -> None:
        self.path = clinic / ".chartdesk" / "state.db"
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> sqlite3.Connection:
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        return self.conn

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None:
            self.conn.close()


def _wait_ready(db: sqlite3.Connection, rel: str, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = db.execute(
            "SELECT d.ready_at FROM drafts d JOIN notes n ON n.id = d.note_id"
            " WHERE n.path = ? AND d.status = 'ready'",
            (rel,),
        ).fetchone()
        if row and row[0]:
            return _epoch(row[0])
        time.sleep(0.005)
    raise RuntimeError(f"{rel} was not drafted within {timeout} s")


def _ready_count(db: sqlite3.Connection, prefix: str) -> int:
    row = db.execute(
        "SELECT COUNT(*) FROM drafts d JOIN notes n ON n.id = d.note_id"
        " WHERE n.path LIKE ? AND d.status = 'ready'",
        (prefix + "%",),
    ).fetchone()
    return int(row[0])


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else float("nan")


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(percent / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def _notes(count: int) -> list[bytes]:
    """`count` different realistic notes: the sample notes with new patients and details."""
    templates = _templates()
    return [_vary(templates[i % len(templates)], i) for i in range(count)]


def _templates() -> list[str]:
    for folder in SAMPLES:
        if folder.is_dir():
            found = sorted(
                p for p in folder.iterdir() if p.suffix == ".txt" and p.name[:4].isdigit()
            )
            if found:
                return [p.read_text(encoding="utf-8") for p in found]
    raise RuntimeError("no sample notes found")


def _vary(template: str, index: int) -> bytes:
    name = f"{_FIRST[index % len(_FIRST)]} {_LAST[index // len(_FIRST) % len(_LAST)]}{index}"
    text = re.sub(r"(?m)^(Patient|Student):.*$", rf"\1: {name}", template, count=1)
    text = re.sub(r"(?m)^MRN:.*$", f"MRN: {900000 + index}", text, count=1)
    text = re.sub(r"(?m)^Visit:.*$", f"Visit: {2 + index % 9}", text, count=1)
    return (text.rstrip() + f"\nSession reference {index}.\n").encode("utf-8")
