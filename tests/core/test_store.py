"""The SQLite store: migrations from an empty file, versions never overwritten, exactly-once jobs,
and several processes sharing one file."""

from __future__ import annotations

import gc
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.core.records.store import SCHEMA_VERSION, DraftResult, Store, StoreError


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "state.db")


def _note(store: Store, sha: str = "a" * 64, path: str = "inbox/n.txt") -> int:
    note_id, created = store.add_note(
        path, sha, {"patient": "Ann Test", "date": "2026-11-02"}, b"pain 3/10", "text/plain"
    )
    assert created
    return note_id


def test_migrates_an_empty_file_to_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    path.touch()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
    assert {"notes", "drafts", "draft_versions", "jobs", "approvals", "rejections"} <= tables
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    Store(tmp_path / "state.db").close()
    store = Store(tmp_path / "state.db")
    assert store.migrate() == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this chartdesk"):
        Store(path)


def test_same_content_is_one_note(store: Store) -> None:
    first = _note(store)
    again, created = store.add_note("inbox/copy.txt", "a" * 64, {}, b"", "text/plain")
    assert (again, created) == (first, False)


def test_changed_file_with_same_name_is_a_new_version(store: Store) -> None:
    _note(store, "a" * 64)
    second = _note(store, "b" * 64)
    drafts_path_versions = store.db.execute("SELECT version FROM notes WHERE id = ?", (second,))
    assert drafts_path_versions.fetchone()[0] == 2


def test_every_save_is_a_new_version(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("t")
    assert job is not None
    store.finish_job(job, DraftResult(text="first", backend="offline"), {})
    store.add_version(draft, "second", "edit", "alex")
    store.add_version(draft, "second", "edit", "alex")  # unchanged text: no new version
    store.add_version(draft, "third", "edit", "alex")
    texts = [(v.n, v.text, v.origin) for v in store.versions(draft)]
    assert texts == [(1, "first", "model"), (2, "second", "edit"), (3, "third", "edit")]


def test_job_finishes_exactly_once(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("t")
    assert job is not None and store.claim_job("t") is None
    result = DraftResult(text="done", backend="offline")
    assert store.finish_job(job, result, {}) is not None
    assert store.finish_job(job, result, {}) is None
    assert len(store.versions(draft)) == 1
    assert store.get_draft(draft).status == "ready"


def test_recover_puts_running_jobs_back(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("dead-process")
    assert job is not None
    store.checkpoint(job.id, "partial text")
    assert store.get_draft(draft).status == "drafting"
    assert store.recover_jobs() == 1
    assert store.get_draft(draft).status == "queued"
    again = store.claim_job("new")
    assert again is not None and again.partial_text == "partial text"


def test_transient_failure_retries_later(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("t")
    assert job is not None
    store.fail_job(job, "overloaded", retry_at="9999-01-01")
    assert store.get_draft(draft).status == "queued"
    assert store.claim_job("t") is None  # not before its retry time


def test_approved_draft_refuses_edits_but_takes_addenda(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("t")
    assert job is not None
    store.finish_job(job, DraftResult(text="note", backend="offline"), {})
    version = store.latest_version(draft)
    assert version is not None
    store.approve(
        draft,
        version,
        "Alex Rivera",
        "PT, DPT",
        "alex",
        "2026-11-02T10:00:00",
        "a" * 64,
        ["approved/x.md"],
    )
    with pytest.raises(StoreError, match="signed"):
        store.add_version(draft, "changed", "edit", "alex")
    with pytest.raises(StoreError):
        store.reject(draft, "late", "alex")
    store.add_version(draft, "note\n\nAddendum: ...", "addendum", "alex")
    approval = store.approval(draft)
    assert approval is not None and approval["sha256"] == version.sha256


def test_reject_needs_a_reason(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    with pytest.raises(StoreError, match="reason"):
        store.reject(draft, "  ", "alex")
    store.reject(draft, "wrong patient", "alex")
    assert store.get_draft(draft).reason == "wrong patient"


def test_failed_note_is_a_failed_draft_once(store: Store) -> None:
    store.add_failed_note("inbox/junk.txt", "c" * 64, "file looks binary", {})
    store.add_failed_note("inbox/junk.txt", "c" * 64, "file looks binary", {})
    failed = store.list_drafts("failed")
    assert [(d.note_path, d.reason) for d in failed] == [("inbox/junk.txt", "file looks binary")]


_WRITER = """
import sys
from pathlib import Path
from tui.core.records.store import Store
store = Store(Path(sys.argv[1]))
for i in range(40):
    name = f"{sys.argv[2]}-{i}"
    note, _ = store.add_note(f"inbox/{name}.txt", name, {}, b"x", "text/plain")
    store.create_draft(note, "soap_note")
"""


def test_several_processes_write_one_file(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    Store(path).close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name], env=env)
        for name in ("a", "b", "c")
    ]
    assert [proc.wait(timeout=60) for proc in procs] == [0, 0, 0]
    assert Store(path).counts()["queued"] == 120


def test_change_cursor_follows_every_write(store: Store) -> None:
    start = store.change_cursor()
    draft = store.create_draft(_note(store), "soap_note")
    cursor, changed = store.changes_since(start)
    assert [d.id for d in changed] == [draft] and cursor > start
    assert store.changes_since(cursor) == (cursor, [])
    job = store.claim_job("t")
    assert job is not None
    store.finish_job(job, DraftResult(text="x", backend="offline"), {})
    cursor2, changed = store.changes_since(cursor)
    assert [d.status for d in changed] == ["ready"] and cursor2 > cursor
    store.prune_changes(keep=1)
    assert store.change_cursor() == cursor2


def test_change_cursor_sees_other_processes(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    reader, writer = Store(path), Store(path)
    cursor = reader.change_cursor()
    writer.create_draft(_note(writer), "soap_note")
    assert len(reader.changes_since(cursor)[1]) == 1


def test_a_late_failure_of_a_cancelled_job_changes_nothing(store: Store) -> None:
    draft = store.create_draft(_note(store), "soap_note")
    job = store.claim_job("t")
    assert job is not None
    store.cancel_jobs(draft)
    store.requeue(draft)
    store.fail_job(job, "overloaded", retry_at="2000-01-01")
    pending = store.db.execute(
        "SELECT COUNT(*) FROM jobs WHERE draft_id = ? AND state = 'pending'", (draft,)
    ).fetchone()[0]
    assert pending == 1
    assert store.get_draft(draft).status == "queued"


def test_closing_never_closes_a_connection_another_thread_is_using(tmp_path: Path) -> None:
    """A background batch measuring notes as the app quits once crashed the process: the main
    thread closed the batch thread's connection under its query. Now that connection closes
    when its thread ends, and the closing thread's own closes at once."""
    store = Store(tmp_path / "state.db")
    mine = store.db
    used, closed, finished = threading.Event(), threading.Event(), threading.Event()
    held: list[sqlite3.Connection] = []
    results: list[int] = []

    def batch() -> None:
        conn = store.db
        held.append(conn)
        results.append(conn.execute("SELECT 1").fetchone()[0])
        used.set()
        closed.wait(timeout=60)
        results.append(conn.execute("SELECT 2").fetchone()[0])  # after close: still open
        finished.set()

    worker = threading.Thread(target=batch)
    worker.start()
    assert used.wait(timeout=60)
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        mine.execute("SELECT 1")  # this thread's: closed at once
    closed.set()
    assert finished.wait(timeout=60)
    worker.join(timeout=60)
    assert results == [1, 2]
    gc.collect()
    with pytest.raises(sqlite3.ProgrammingError):
        held[0].execute("SELECT 1")  # the worker's: closed once its thread ended
