"""`chartdesk watch` as a real subprocess: kill -9 in the middle of a batch and restart, a
clean SIGTERM, two drafters on one folder, the log lines, and an unreadable file."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.intake.conftest import WatchProcess, configure, drafts, note_bytes, wait_until_sync

StartWatch = Callable[..., WatchProcess]
DRAFT_SECONDS = 60.0  # a draft that never finishes within a test


def drop(root: Path, start: int, count: int) -> list[str]:
    names = []
    for index in range(start, start + count):
        name = f"note-{index:03d}.txt"
        (root / "inbox" / name).write_bytes(note_bytes(index))
        names.append(f"inbox/{name}")
    return names


def ready_count(root: Path) -> int:
    db = sqlite3.connect(f"file:{root / '.chartdesk' / 'state.db'}?mode=ro", uri=True, timeout=30)
    try:
        return int(db.execute("SELECT COUNT(*) FROM drafts WHERE status = 'ready'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def assert_exactly_one_ready_draft_each(root: Path, notes: list[str]) -> None:
    entries = drafts(root)
    per_note: dict[str, list[str]] = {}
    for entry in entries:
        per_note.setdefault(entry["note"], []).append(entry["status"])
    assert per_note == {note: ["ready"] for note in notes}
    db = sqlite3.connect(root / ".chartdesk" / "state.db")
    try:
        versions = db.execute(
            "SELECT draft_id, COUNT(*) FROM draft_versions GROUP BY draft_id"
        ).fetchall()
        states = db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall()
    finally:
        db.close()
    assert all(count == 1 for _, count in versions) and len(versions) == len(notes)
    assert states == [("done", len(notes))]


def test_kill_9_mid_batch_then_restart_drafts_every_note_exactly_once(
    clinic: Path, watch_processes: StartWatch
) -> None:
    first = watch_processes(clinic, delay=0.4)
    first.wait_for("drafting")
    notes = drop(clinic, 0, 24)
    wait_until_sync(lambda: ready_count(clinic) >= 4)
    first.kill()
    assert ready_count(clinic) < len(notes)
    assert any(entry["status"] == "drafting" for entry in drafts(clinic))
    second = watch_processes(clinic)
    second.wait_for("drafting")
    wait_until_sync(lambda: ready_count(clinic) >= len(notes))
    time.sleep(0.5)
    assert second.terminate() == 0
    assert_exactly_one_ready_draft_each(clinic, notes)


def test_repeated_kills_at_random_moments_during_a_burst(
    clinic: Path, tmp_path: Path, watch_processes: StartWatch
) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    names = []
    for index in range(80):
        (staging / f"burst-{index:03d}.txt").write_bytes(note_bytes(index))
        names.append(f"inbox/burst-{index:03d}.txt")
    chance = random.Random(3)
    process = watch_processes(clinic, delay=0.05)
    process.wait_for("drafting")
    for index in range(80):
        shutil.copyfile(
            staging / f"burst-{index:03d}.txt", clinic / "inbox" / f"burst-{index:03d}.txt"
        )
    for _ in range(3):
        time.sleep(chance.uniform(0.1, 0.6))
        process.kill()
        process = watch_processes(clinic, delay=0.05)
        process.wait_for("drafting")
    wait_until_sync(lambda: ready_count(clinic) >= len(names))
    time.sleep(0.5)
    assert process.terminate() == 0
    assert_exactly_one_ready_draft_each(clinic, names)


def test_a_slow_write_across_a_kill_and_restart_is_one_draft_of_the_whole_note(
    clinic: Path, watch_processes: StartWatch
) -> None:
    data = note_bytes(1)
    first = watch_processes(clinic)
    first.wait_for("drafting")
    with open(clinic / "inbox" / "slow.txt", "wb") as handle:
        handle.write(data[:60])
        handle.flush()
        time.sleep(0.5)
        first.kill()
        second = watch_processes(clinic)
        second.wait_for("drafting")
        for start in range(60, len(data), 100):
            time.sleep(0.6)
            handle.write(data[start : start + 100])
            handle.flush()
        time.sleep(0.6)
        assert drafts(clinic) == []
    wait_until_sync(lambda: ready_count(clinic) >= 1)
    time.sleep(0.5)
    assert second.terminate() == 0
    assert_exactly_one_ready_draft_each(clinic, ["inbox/slow.txt"])


def test_sigterm_stops_cleanly_and_the_next_start_resumes(
    clinic: Path, watch_processes: StartWatch
) -> None:
    configure(clinic, model={"max_concurrency": 2})
    first = watch_processes(clinic, delay=DRAFT_SECONDS, grace=1.0)
    first.wait_for("drafting")
    notes = drop(clinic, 0, 3)
    # Two drafting and the third recorded and queued before the stop (the watcher may take
    # the third note in after the first two start).
    wait_until_sync(
        lambda: sorted(e["status"] for e in drafts(clinic)) == ["drafting", "drafting", "queued"]
    )
    started = time.monotonic()
    assert first.terminate(timeout=DRAFT_SECONDS) == 0
    # It gave the running drafts their grace and did not wait for them to finish. (A bound of
    # a few seconds failed on a busy machine, where starting and ending Python take longer.)
    assert 1.0 <= time.monotonic() - started < DRAFT_SECONDS / 2
    assert any("stopped" in line for line in first.err)
    assert sorted(e["status"] for e in drafts(clinic)) == ["queued"] * 3
    second = watch_processes(clinic)
    second.wait_for("drafting")
    wait_until_sync(lambda: ready_count(clinic) >= 3)
    assert second.terminate() == 0
    assert_exactly_one_ready_draft_each(clinic, notes)


def test_two_drafters_one_waits_and_takes_over_when_the_first_dies(
    clinic: Path, watch_processes: StartWatch
) -> None:
    first = watch_processes(clinic, delay=0.5)
    first.wait_for("drafting")
    second = watch_processes(clinic)
    second.wait_for("waiting")
    assert f"held by pid {first.pid}" in "".join(second.err)
    notes = drop(clinic, 0, 12)
    wait_until_sync(lambda: ready_count(clinic) >= 2)
    assert not any("drafting" in line for line in second.err)
    first.kill()
    killed = time.monotonic()
    second.wait_for("drafting", timeout=30)
    # It polls the lock every second; the bound leaves room for a busy machine and still
    # tells a poll from a takeover that waits for something else (a rescan, a restart).
    assert time.monotonic() - killed < 10
    wait_until_sync(lambda: ready_count(clinic) >= len(notes))
    time.sleep(0.3)
    assert second.terminate() == 0
    assert_exactly_one_ready_draft_each(clinic, notes)


def test_log_has_one_line_per_note_event_and_no_note_text(
    clinic: Path, watch_processes: StartWatch
) -> None:
    process = watch_processes(clinic)
    process.wait_for("drafting")
    (clinic / "inbox" / "good note.txt").write_bytes(note_bytes(1, patient="Zelda Quarterhouse"))
    (clinic / "inbox" / "bad.txt").write_bytes(b"")
    wait_until_sync(
        lambda: sum('"ready"' in line or '"failed"' in line for line in process.out) >= 2
    )
    assert process.terminate() == 0
    records = [json.loads(line) for line in process.out]
    summary = sorted((r["file"], r["status"]) for r in records)
    assert summary == [
        ("inbox/bad.txt", "failed"),
        ("inbox/good note.txt", "queued"),
        ("inbox/good note.txt", "ready"),
    ]
    assert all(isinstance(r["note"], int) for r in records)
    output = "".join(process.out + process.err)
    assert "Zelda" not in output and "knee" not in output


def test_unreadable_file_is_a_failed_entry_and_is_retried_once_readable(
    clinic: Path, watch_processes: StartWatch
) -> None:
    """Root reads every file, so as root the drafter runs without CAP_DAC_OVERRIDE."""
    locked = clinic / "inbox" / "locked.txt"
    locked.write_bytes(note_bytes(1))
    os.chmod(locked, 0o000)
    process = watch_processes(clinic, without_dac_override=os.geteuid() == 0)
    process.wait_for("drafting")
    wait_until_sync(lambda: any('"failed"' in line for line in process.out))
    (entry,) = drafts(clinic)
    assert (entry["status"], entry["reason"]) == (
        "failed",
        "file cannot be read (permission denied)",
    )
    os.chmod(locked, 0o644)
    wait_until_sync(lambda: any('"ready"' in line for line in process.out))
    assert process.terminate() == 0
    assert [e["status"] for e in drafts(clinic) if e["status"] != "failed"] == ["ready"]
    db = sqlite3.connect(clinic / ".chartdesk" / "state.db")
    statuses = db.execute("SELECT status FROM notes ORDER BY id").fetchall()
    db.close()
    assert statuses == [("superseded",), ("ok",)]


@pytest.mark.parametrize("args", [["--clinic", "/nonexistent/clinic"]])
def test_bad_clinic_is_a_one_line_error(args: list[str]) -> None:
    import subprocess

    from tests.intake.conftest import watch_command

    result = subprocess.run([*watch_command(), *args], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
