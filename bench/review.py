"""Review app benchmark: `chartdesk` on a clinic with 10,000 drafts, driven in a real terminal.

The installed `chartdesk` runs in a pseudo-terminal (100x30, TERM=xterm-256color). The harness
answers Textual's query for synchronized output, so every frame the app paints arrives between
``ESC[?2026h`` and ``ESC[?2026l`` and a frame's end is an exact timestamp. Figures:

1. Ready: from spawning the process to the end of the first frame that shows the queue (the
   first patient's name and the footer), against a minimal Textual app measured the same way in
   the same run (best of 3 each, so a cold disk cache does not decide it).
2. Cursor: 200 presses of `j`; per press, from writing the key to the end of the last frame it
   caused within 60 ms of quiet (the cursor row; the draft pane follows once the cursor rests,
   PREVIEW_REST_SECONDS later). Median and p95. Then 30 presses each followed by a rest: from
   the key to the last frame it caused within 300 ms of quiet, the draft pane showing the draft
   under the cursor. Median.
3. Filter: `/`, then a query typed one key at a time over all 10,000 rows and erased again;
   per key, the time to the first frame (the app filters while handling the key, so that
   frame already shows the filtered queue) and to the last frame the key caused.
4. Memory: the app's peak RSS (VmHWM) at the end.

Targets (2-core machine): ready <= 1.0 s and <= 2x the minimal app; cursor median <= 12 ms and
p95 <= 20 ms; the draft pane shown <= 150 ms after a press; filter <= 100 ms per key; RSS <= 200
MB.
"""

from __future__ import annotations

import compileall
import json
import math
import os
import pty
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import BenchResult, Row

TITLE = "Review app: 10,000 drafts in a real terminal (pty, 100x30)"
DRAFTS = 10_000
PRESSES = 200
RESTING_PRESSES = 30
FILTER_QUERY = "soap 11-0"
TARGET_READY_S = 1.0
TARGET_READY_RATIO = 2.0
TARGET_CURSOR_MS = 12.0
TARGET_CURSOR_P95_MS = 20.0
TARGET_PANE_MS = 150.0
TARGET_FILTER_MS = 100.0
TARGET_RSS_MB = 200.0
REPO = Path(__file__).resolve().parents[1]
CHARTDESK = Path(sys.executable).with_name("chartdesk")
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
QUIET_S = 0.06
RESTED_S = 0.3
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("minimal ready")
        yield Footer()

Minimal().run()
"""
_FIRST = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea")
_LAST = ("Moreau", "Nakata", "Osei", "Park", "Quinn", "Rossi", "Silva", "Tan", "Ueda", "Vance")
_SKILLS = ("soap_note", "progress_report", "ot_initial_eval", "hep_clinical", "discharge_summary")


@dataclass
class Terminal:
    """A process in a pty; reads its output and timestamps the end of every frame."""

    argv: list[str]
    env: dict[str, str]
    cols: int = 100
    rows: int = 30
    pid: int = 0
    fd: int = -1
    output: bytearray = field(default_factory=bytearray)
    frame_ends: list[float] = field(default_factory=list)

    def start(self) -> float:
        started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            os.execve(self.argv[0], self.argv, self.env)
        self.pid, self.fd = pid, fd
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        return started

    def pump(self, timeout: float) -> bool:
        """Read what is available within `timeout`; False at end of output."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        now = time.perf_counter()
        if SYNC_QUERY in data:
            os.write(self.fd, SYNC_REPLY)
        start = len(self.output)
        self.output += data
        search_from = max(0, start - len(SYNC_END))
        while (index := self.output.find(SYNC_END, search_from)) != -1:
            self.frame_ends.append(now)
            search_from = index + len(SYNC_END)
        return True

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> float:
        """Time of the end of the first frame after which `needle` has been output."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if needle in self.output and self.frame_ends:
                return self.frame_ends[-1]
            if not self.pump(0.01):
                break
        raise TimeoutError(f"{needle!r} never appeared")

    def settle(self, quiet: float = QUIET_S) -> None:
        """Read until the app has been quiet for `quiet` seconds."""
        last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            count = len(self.frame_ends)
            self.pump(0.01)
            if len(self.frame_ends) != count:
                last = time.perf_counter()

    def key_latency(
        self, key: bytes, answer: bytes = b"", quiet: float = QUIET_S
    ) -> tuple[float, float]:
        """Seconds from writing `key` to the end of the frame whose output contains `answer`
        (the first frame when no answer is given) and to the end of the last frame it caused
        before `quiet` seconds passed without one."""
        self.settle(RESTED_S if quiet > QUIET_S else QUIET_S)
        before, start = len(self.frame_ends), len(self.output)
        sent = time.perf_counter()
        os.write(self.fd, key)
        deadline = sent + 5.0
        answered = float("nan")
        while time.perf_counter() < deadline:
            self.pump(0.005)
            if len(self.frame_ends) > before and (not answer or answer in self.output[start:]):
                answered = self.frame_ends[-1] - sent
                break
        self.settle(quiet)
        last = self.frame_ends[-1] - sent if len(self.frame_ends) > before else float("nan")
        return answered, last

    def peak_rss_mb(self) -> float:
        status = Path(f"/proc/{self.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGTERM)
                for _ in range(100):
                    finished, _ = os.waitpid(self.pid, os.WNOHANG)
                    if finished:
                        break
                    self.pump(0.02)
                else:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def make_clinic(root: Path, drafts: int = DRAFTS) -> Path:
    """A demo clinic plus `drafts` ready drafts (notes, drafts and versions written in bulk)."""
    clinic = root / "clinic"
    subprocess.run(
        [str(CHARTDESK), "demo", str(clinic), "--no-open"], check=True, capture_output=True
    )
    add_drafts(clinic, drafts)
    return clinic


def add_drafts(clinic: Path, drafts: int) -> None:
    """Add `drafts` ready drafts (synthetic patients, the demo's first text) in one transaction:
    what 10,000 drafts cost to store is not what this benchmark measures."""
    db = sqlite3.connect(clinic / ".chartdesk" / "state.db")
    text = db.execute("SELECT text FROM draft_versions ORDER BY id LIMIT 1").fetchone()[0]
    stamp = "2026-11-06T09:00:00.000+00:00"
    with db:
        for index in range(drafts):
            patient = f"{_FIRST[index % 12]} {_LAST[(index // 12) % 10]}-{index}"
            date = f"2026-11-{1 + index % 28:02d}"
            skill = _SKILLS[index % len(_SKILLS)]
            sha = f"{index:064x}"
            note_id = db.execute(
                "INSERT INTO notes (path, sha256, patient, date, discipline, skill, received_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (f"inbox/bench-{index}.txt", sha, patient, date, "PT", skill, stamp),
            ).lastrowid
            checks = json.dumps({"missing": [], "unsupported": [], "findings": []})
            draft_id = db.execute(
                "INSERT INTO drafts (note_id, skill, status, backend, checks_json, cost_usd,"
                " created_at, updated_at, ready_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (note_id, skill, "ready", "offline", checks, 0.0123, stamp, stamp, stamp),
            ).lastrowid
            db.execute(
                "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, created_at)"
                " VALUES (?,?,?,?,?,?)",
                (draft_id, 1, text, sha, "model", stamp),
            )
    db.close()


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "SSH_"))}
    env.update(TERM="xterm-256color", COLORTERM="", LANG="C.UTF-8", COLUMNS="100", LINES="30")
    return env


def _ready(argv: list[str], needle: bytes) -> float:
    terminal = Terminal(argv, _env())
    started = terminal.start()
    try:
        return terminal.wait_for(needle) - started
    finally:
        terminal.stop()


def run() -> BenchResult:
    # Both apps start from compiled bytecode, as installed apps do: pip compiled Textual when it
    # installed it, but this editable checkout's .pyc files may be stale, and with
    # PYTHONDONTWRITEBYTECODE=1 (common in containers) Python would never write them.
    compileall.compile_dir(REPO / "tui", quiet=1)
    root = Path(tempfile.mkdtemp(prefix="chartdesk-bench-review-"))
    try:
        clinic = make_clinic(root)
        minimal = root / "minimal.py"
        minimal.write_text(MINIMAL_APP)
        app_argv = [str(CHARTDESK), "--clinic", str(clinic), "--no-mouse"]
        minimal_argv = [sys.executable, str(minimal)]
        ready_app = min(_ready(app_argv, b"keys") for _ in range(3))
        ready_minimal = min(_ready(minimal_argv, b"minimal ready") for _ in range(3))

        terminal = Terminal(app_argv, _env())
        terminal.start()
        try:
            terminal.wait_for(b"keys")
            cursor = [terminal.key_latency(b"j")[1] for _ in range(PRESSES)]
            pane = [terminal.key_latency(b"j", quiet=RESTED_S)[1] for _ in range(RESTING_PRESSES)]
            terminal.key_latency(b"/")
            filtering = [terminal.key_latency(ch.encode()) for ch in FILTER_QUERY]
            filtering += [terminal.key_latency(b"\x7f") for _ in FILTER_QUERY]
            rss = terminal.peak_rss_mb()
        finally:
            terminal.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    cursor_ms = [c * 1000 for c in cursor]
    missed = sum(1 for answer, _last in filtering if math.isnan(answer))
    filter_ms = [answer * 1000 if not math.isnan(answer) else 5000.0 for answer, _ in filtering]
    filter_last_ms = [last * 1000 for _answer, last in filtering if not math.isnan(last)]
    ratio = ready_app / ready_minimal
    pane_ms = statistics.median(p * 1000 for p in pane)
    cursor_median = statistics.median(cursor_ms)
    cursor_p95 = sorted(cursor_ms)[int(len(cursor_ms) * 0.95) - 1]
    filter_median = statistics.median(filter_ms)
    filter_max = max(filter_ms)
    filter_last_max = max(filter_last_ms)
    figures = {
        "drafts": DRAFTS,
        "ready_s": round(ready_app, 3),
        "ready_minimal_textual_s": round(ready_minimal, 3),
        "ready_ratio": round(ratio, 2),
        "cursor_median_ms": round(cursor_median, 1),
        "cursor_p95_ms": round(cursor_p95, 1),
        "draft_pane_after_press_median_ms": round(pane_ms, 1),
        "filter_median_ms": round(filter_median, 1),
        "filter_max_ms": round(filter_max, 1),
        "filter_last_frame_max_ms": round(filter_last_max, 1),
        "filter_keys_without_answer": missed,
        "peak_rss_mb": round(rss, 1),
        "targets": {
            "ready_s": TARGET_READY_S,
            "ready_ratio": TARGET_READY_RATIO,
            "cursor_median_ms": TARGET_CURSOR_MS,
            "cursor_p95_ms": TARGET_CURSOR_P95_MS,
            "draft_pane_ms": TARGET_PANE_MS,
            "filter_ms": TARGET_FILTER_MS,
            "peak_rss_mb": TARGET_RSS_MB,
        },
    }
    rows = [
        Row("ready for input (10,000 drafts)", f"{ready_app:.3f} s", f"<= {TARGET_READY_S} s",
            ready_app <= TARGET_READY_S),
        Row("minimal Textual app, same run", f"{ready_minimal:.3f} s"),
        Row("ready / minimal", f"{ratio:.2f}x", f"<= {TARGET_READY_RATIO}x",
            ratio <= TARGET_READY_RATIO),
        Row(f"cursor j, median of {PRESSES}", f"{cursor_median:.1f} ms",
            f"<= {TARGET_CURSOR_MS:.0f} ms", cursor_median <= TARGET_CURSOR_MS),
        Row("cursor j, p95", f"{cursor_p95:.1f} ms", f"<= {TARGET_CURSOR_P95_MS:.0f} ms",
            cursor_p95 <= TARGET_CURSOR_P95_MS),
        Row(f"draft pane shows the draft, j then rest, median of {RESTING_PRESSES}",
            f"{pane_ms:.1f} ms", f"<= {TARGET_PANE_MS:.0f} ms", pane_ms <= TARGET_PANE_MS),
        Row(f"/ filter: queue answers, per key over {DRAFTS:,} (median)",
            f"{filter_median:.1f} ms"),
        Row("/ filter: queue answers (max)", f"{filter_max:.1f} ms",
            f"<= {TARGET_FILTER_MS:.0f} ms", filter_max <= TARGET_FILTER_MS),
        Row("/ filter: last frame settled (max)", f"{filter_last_max:.1f} ms"),
        Row("peak RSS", f"{rss:.0f} MB", f"<= {TARGET_RSS_MB:.0f} MB", rss <= TARGET_RSS_MB),
    ]  # fmt: skip
    return BenchResult(figures, rows)
