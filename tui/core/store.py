"""The SQLite store at ``.chartdesk/state.db``: notes, drafts, versions, jobs, approvals.

Several processes share one clinic folder (a drafter and any number of review sessions), so the
database runs in WAL mode with a busy timeout, every write is one short ``BEGIN IMMEDIATE``
transaction, and nothing is ever overwritten: an edit is a new version, a rejection is a row.
The schema carries a version (``PRAGMA user_version``) and is moved forward by `MIGRATIONS`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from tui.core.notes import note_day

DRAFT_STATUSES: Final = ("queued", "drafting", "ready", "failed", "approved", "rejected")
FAILED_NOTE_SKILL: Final = ""

# Each entry moves the schema from version N to N+1. Never edit a released entry; append.
MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        kind TEXT NOT NULL DEFAULT 'text',
        patient TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        visit INTEGER,
        discipline TEXT NOT NULL DEFAULT '',
        payer TEXT NOT NULL DEFAULT '',
        skill TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failed', 'superseded')),
        reason TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX notes_ok_sha ON notes(sha256) WHERE status = 'ok';
    CREATE TABLE note_content (
        note_id INTEGER PRIMARY KEY REFERENCES notes(id),
        media_type TEXT NOT NULL,
        data BLOB NOT NULL
    );
    CREATE INDEX notes_path ON notes(path);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        skill TEXT NOT NULL,
        parent_id INTEGER REFERENCES drafts(id),
        status TEXT NOT NULL CHECK (status IN
            ('queued', 'drafting', 'ready', 'failed', 'approved', 'rejected')),
        reason TEXT NOT NULL DEFAULT '',
        backend TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        skill_sha256 TEXT NOT NULL DEFAULT '',
        request_id TEXT NOT NULL DEFAULT '',
        stop_reason TEXT NOT NULL DEFAULT '',
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        checks_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ready_at TEXT
    );
    CREATE INDEX drafts_status ON drafts(status);
    CREATE INDEX drafts_note ON drafts(note_id);
    CREATE TABLE draft_versions (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        n INTEGER NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        origin TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (draft_id, n)
    );
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        instruction TEXT NOT NULL DEFAULT '',
        partial_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_state ON jobs(state);
    CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL UNIQUE REFERENCES drafts(id),
        version_id INTEGER NOT NULL REFERENCES draft_versions(id),
        clinician TEXT NOT NULL,
        credentials TEXT NOT NULL,
        os_user TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        note_sha256 TEXT NOT NULL,
        files_json TEXT NOT NULL
    );
    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        reason TEXT NOT NULL,
        os_user TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # A change log fed by triggers: review sessions follow other processes by a monotonic
    # integer cursor instead of clock timestamps, which can collide within a millisecond.
    """
    CREATE TABLE draft_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        draft_id INTEGER NOT NULL
    );
    CREATE TRIGGER drafts_inserted AFTER INSERT ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER drafts_updated AFTER UPDATE ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER versions_inserted AFTER INSERT ON draft_versions BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.draft_id);
    END;
    """,
)
SCHEMA_VERSION: Final = len(MIGRATIONS)


class StoreError(Exception):
    """A store operation that cannot be done (e.g. editing an approved draft)."""


class StaleVersion(StoreError):
    """An edit based on a version that is no longer the latest."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DraftRow:
    """One row of the review queue."""

    id: int
    note_id: int
    note_path: str
    note_version: int
    patient: str
    date: str
    skill: str
    status: str
    reason: str
    backend: str
    model: str
    cost_usd: float
    created: str
    checks: Mapping[str, Any]

    @property
    def check_summary(self) -> str:
        return QueueEntry.of(self).check_summary


@dataclass(frozen=True)
class Draft(DraftRow):
    """A draft with its provenance and usage, for the draft view and `queue --json`."""

    parent_id: int | None
    skill_sha256: str
    request_id: str
    stop_reason: str
    input_tokens: int
    output_tokens: int
    cache_write_tokens: int
    cache_read_tokens: int
    note_sha256: str
    note_kind: str
    discipline: str
    payer: str
    visit: int | None
    ready_at: str | None
    note_status: str = "ok"

    @property
    def superseded(self) -> bool:
        """A failed entry whose file was fixed and read again: no longer shown in the queue."""
        return self.note_status == "superseded"


@dataclass(frozen=True)
class Version:
    id: int
    draft_id: int
    n: int
    text: str
    sha256: str
    origin: str
    author: str
    created_at: str


@dataclass(frozen=True)
class Job:
    id: int
    draft_id: int
    state: str
    attempts: int
    instruction: str
    partial_text: str


@dataclass(frozen=True)
class DraftResult:
    """What a backend produced, recorded on the draft."""

    text: str
    backend: str
    model: str = ""
    request_id: str = ""
    stop_reason: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cache_write_tokens: int = 0
    cache_read_tokens: int = 0
    cost_usd: float = 0.0


_DRAFT_SELECT: Final = """
    SELECT d.id, d.note_id, n.path, n.version, n.patient, n.date, d.skill, d.status, d.reason,
           d.backend, d.model, d.cost_usd, d.created_at, d.checks_json,
           d.parent_id, d.skill_sha256, d.request_id, d.stop_reason, d.input_tokens,
           d.output_tokens, d.cache_write_tokens, d.cache_read_tokens, n.sha256, n.kind,
           n.discipline, n.payer, n.visit, d.ready_at, n.status
    FROM drafts d JOIN notes n ON n.id = d.note_id
"""
# A failed note replaced by a fixed version of the same file leaves the queue.
_VISIBLE: Final = "n.status != 'superseded'"


class Store:
    """Thread-safe access to one clinic's state.db (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._create()
        self.migrate()

    def _create(self) -> None:
        if not self.path.exists():
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
            os.close(fd)
        os.chmod(self.path, 0o600)

    @property
    def db(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; BEGIN IMMEDIATE takes the write lock up front."""
        conn = self.db
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def migrate(self) -> int:
        """Apply any migrations this file has not seen; returns the schema version."""
        with self.write() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"state.db is schema version {version}, newer than this chartdesk "
                    f"({SCHEMA_VERSION}); upgrade chartdesk"
                )
            for index in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[index]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {index + 1}")
        return SCHEMA_VERSION

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # Notes -----------------------------------------------------------------------------------

    def note_by_sha(self, sha256: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM notes WHERE sha256 = ? AND status = 'ok'", (sha256,)
        ).fetchone()
        return int(row[0]) if row else None

    def add_note(
        self,
        path: str,
        sha256: str,
        meta: Mapping[str, Any],
        content: bytes,
        media_type: str,
        draft_skill: str = "",
        skill_sha256: str = "",
    ) -> tuple[int, bool]:
        """Record a readable note and keep its bytes, so a draft never depends on the file
        staying in the inbox; returns (id, created). Same content is never added twice.

        With `draft_skill`, the note's draft and job are queued in the same transaction, so no
        process can ever see the note without its draft (and queue a second one).
        """
        with self.write() as conn:
            row = conn.execute(
                "SELECT id FROM notes WHERE sha256 = ? AND status = 'ok'", (sha256,)
            ).fetchone()
            if row:
                return int(row[0]), False
            version = self._next_note_version(conn, path)
            conn.execute(
                "UPDATE notes SET status = 'superseded' WHERE path = ? AND status = 'failed'",
                (path,),
            )
            _touch_superseded(conn, path)
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, version, kind, patient, date, visit, discipline,"
                " payer, skill, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    path,
                    sha256,
                    version,
                    meta.get("kind", "text"),
                    meta.get("patient", ""),
                    meta.get("date", ""),
                    meta.get("visit"),
                    meta.get("discipline", ""),
                    meta.get("payer", ""),
                    meta.get("skill", ""),
                    now(),
                ),
            )
            note_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO note_content (note_id, media_type, data) VALUES (?,?,?)",
                (note_id, media_type, content),
            )
            if draft_skill:
                draft_id = _insert_draft(conn, note_id, draft_skill, None, "")
                conn.execute(
                    "UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (skill_sha256, draft_id)
                )
            return note_id, True

    def draft_of_note(self, note_id: int) -> int | None:
        row = self.db.execute(
            "SELECT MIN(id) FROM drafts WHERE note_id = ? AND parent_id IS NULL", (note_id,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def notes_without_drafts(self) -> list[tuple[int, str]]:
        """Readable notes with no draft (recorded by a release before drafts were queued in
        the same transaction): (note id, planned Skill)."""
        rows = self.db.execute(
            "SELECT n.id, n.skill FROM notes n WHERE n.status = 'ok'"
            " AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.note_id = n.id) ORDER BY n.id"
        ).fetchall()
        return [(int(note_id), str(skill)) for note_id, skill in rows]

    def note_content(self, note_id: int) -> tuple[str, bytes]:
        """The note's bytes as received, and their media type."""
        row = self.db.execute(
            "SELECT media_type, data FROM note_content WHERE note_id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no content kept for note {note_id}")
        return str(row[0]), bytes(row[1])

    def _next_note_version(self, conn: sqlite3.Connection, path: str) -> int:
        row = conn.execute(
            "SELECT MAX(version) FROM notes WHERE path = ? AND status != 'failed'", (path,)
        ).fetchone()
        return int(row[0] or 0) + 1

    def add_failed_note(self, path: str, sha256: str, reason: str, meta: Mapping[str, Any]) -> int:
        """Record an unreadable note as a failed draft the clinician sees, once per content."""
        with self.write() as conn:
            row = conn.execute(
                "SELECT id FROM notes WHERE path = ? AND sha256 = ? AND status = 'failed'",
                (path, sha256),
            ).fetchone()
            if row:
                return int(row[0])
            conn.execute(
                "UPDATE notes SET status = 'superseded' WHERE path = ? AND status = 'failed'",
                (path,),
            )
            _touch_superseded(conn, path)
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, kind, patient, date, status, reason,"
                " received_at) VALUES (?,?,?,?,?,'failed',?,?)",
                (
                    path,
                    sha256,
                    meta.get("kind", "text"),
                    meta.get("patient", ""),
                    meta.get("date", ""),
                    reason,
                    now(),
                ),
            )
            note_id = int(cursor.lastrowid or 0)
            stamp = now()
            conn.execute(
                "INSERT INTO drafts (note_id, skill, status, reason, created_at, updated_at)"
                " VALUES (?,?,'failed',?,?,?)",
                (note_id, meta.get("skill", FAILED_NOTE_SKILL), reason, stamp, stamp),
            )
            return note_id

    def note_path(self, note_id: int) -> str:
        row = self.db.execute("SELECT path FROM notes WHERE id = ?", (note_id,)).fetchone()
        if not row:
            raise StoreError(f"no note {note_id}")
        return str(row[0])

    # Drafts and jobs ---------------------------------------------------------------------------

    def create_draft(
        self, note_id: int, skill: str, parent_id: int | None = None, instruction: str = ""
    ) -> int:
        """A queued draft and its pending job, created together."""
        with self.write() as conn:
            return _insert_draft(conn, note_id, skill, parent_id, instruction)

    def requeue(self, draft_id: int, instruction: str = "") -> int:
        """Queue a failed, ready or rejected draft to be drafted again (a new job)."""
        stamp = now()
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("an approved draft cannot be regenerated; add an addendum")
            if conn.execute(
                "SELECT 1 FROM jobs WHERE draft_id = ? AND state IN ('pending', 'running')",
                (draft_id,),
            ).fetchone():
                raise StoreError("this draft is already being drafted")
            conn.execute(
                "UPDATE drafts SET status = 'queued', reason = '', updated_at = ? WHERE id = ?",
                (stamp, draft_id),
            )
            cursor = conn.execute(
                "INSERT INTO jobs (draft_id, state, instruction, created_at, updated_at)"
                " VALUES (?,'pending',?,?,?)",
                (draft_id, instruction, stamp, stamp),
            )
            return int(cursor.lastrowid or 0)

    def claim_job(self, owner: str) -> Job | None:
        """Take the oldest runnable pending job; the draft moves to 'drafting' atomically."""
        stamp = now()
        with self.write() as conn:
            row = conn.execute(
                "SELECT id, draft_id, state, attempts, instruction, partial_text FROM jobs"
                " WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT 1",
                (stamp,),
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE jobs SET state = 'running', owner = ?, attempts = attempts + 1,"
                " updated_at = ? WHERE id = ?",
                (owner, stamp, row[0]),
            )
            conn.execute(
                "UPDATE drafts SET status = 'drafting', updated_at = ? WHERE id = ?",
                (stamp, row[1]),
            )
        return Job(row[0], row[1], "running", row[3] + 1, row[4], row[5])

    def checkpoint(self, job_id: int, partial_text: str) -> None:
        """Save streamed text so far; a crash loses at most what came after this."""
        with self.write() as conn:
            conn.execute(
                "UPDATE jobs SET partial_text = ?, updated_at = ?"
                " WHERE id = ? AND state = 'running'",
                (partial_text, now(), job_id),
            )

    def finish_job(
        self,
        job: Job,
        result: DraftResult,
        checks: Mapping[str, Any],
        skill_sha256: str = "",
    ) -> int | None:
        """Store the draft text as a new version and mark it ready, exactly once per job.

        `skill_sha256` names the Skill version that wrote this text; it is recorded with the
        text, in the same transaction."""
        stamp = now()
        with self.write() as conn:
            state = conn.execute("SELECT state FROM jobs WHERE id = ?", (job.id,)).fetchone()
            if state is None or state[0] != "running":
                return None
            if skill_sha256:
                conn.execute(
                    "UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (skill_sha256, job.draft_id)
                )
            conn.execute(
                "UPDATE jobs SET state = 'done', partial_text = '', updated_at = ? WHERE id = ?",
                (stamp, job.id),
            )
            version_id = self._insert_version(
                conn, job.draft_id, result.text, "regenerate" if job.instruction else "model", ""
            )
            _add_usage(conn, job.draft_id, result)
            conn.execute(
                "UPDATE drafts SET status = 'ready', reason = '', request_id = ?, stop_reason = ?,"
                " backend = ?, model = ?, checks_json = ?, updated_at = ?, ready_at = ?"
                " WHERE id = ?",
                (
                    result.request_id,
                    result.stop_reason,
                    result.backend,
                    result.model,
                    json.dumps(checks),
                    stamp,
                    stamp,
                    job.draft_id,
                ),
            )
            return version_id

    def set_skill_hash(self, draft_id: int, sha256: str) -> None:
        with self.write() as conn:
            conn.execute("UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (sha256, draft_id))

    def fail_job(
        self,
        job: Job,
        reason: str,
        retry_at: str | None = None,
        usage: DraftResult | None = None,
    ) -> None:
        """Fail a job; with `retry_at` it goes back to pending for a later attempt.

        Only a job still running is touched: one cancelled (and perhaps re-queued) meanwhile
        keeps its state, so a late failure can never queue a second drafting of the draft.
        `usage` carries the tokens and cost of a model answer that was billed but unusable
        (cut off, refused), so the day's cost stays true.
        """
        stamp = now()
        retrying = bool(retry_at)
        with self.write() as conn:
            if usage is not None:
                _add_usage(conn, job.draft_id, usage)
            changed = conn.execute(
                "UPDATE jobs SET state = ?, not_before = ?, error = ?, owner = '', updated_at = ?"
                " WHERE id = ? AND state = 'running'",
                ("pending" if retrying else "failed", retry_at or "", reason, stamp, job.id),
            ).rowcount
            if not changed:
                return
            conn.execute(
                "UPDATE drafts SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                (
                    "queued" if retrying else "failed",
                    f"retrying: {reason}" if retrying else reason,
                    stamp,
                    job.draft_id,
                ),
            )

    def cancel_jobs(self, draft_id: int, reason: str = "cancelled by clinician") -> bool:
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET state = 'cancelled', error = ?, updated_at = ?"
                " WHERE draft_id = ? AND state IN ('pending', 'running')",
                (reason, stamp, draft_id),
            )
            if cursor.rowcount:
                has_text = conn.execute(
                    "SELECT 1 FROM draft_versions WHERE draft_id = ?", (draft_id,)
                ).fetchone()
                conn.execute(
                    "UPDATE drafts SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                    ("ready" if has_text else "failed", reason, stamp, draft_id),
                )
            return bool(cursor.rowcount)

    def job_state(self, job_id: int) -> str:
        row = self.db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return str(row[0]) if row else ""

    def recover_jobs(self) -> int:
        """Put jobs left running by a dead drafter back in the queue (call holding the lock)."""
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET state = 'pending', owner = '', updated_at = ?"
                " WHERE state = 'running'",
                (stamp,),
            )
            conn.execute(
                "UPDATE drafts SET status = 'queued', updated_at = ? WHERE status = 'drafting'",
                (stamp,),
            )
            return cursor.rowcount

    def list_drafts(self, status: str | None = None, limit: int | None = None) -> list[Draft]:
        sql = _DRAFT_SELECT + f" WHERE {_VISIBLE}"
        args: list[Any] = []
        if status:
            sql += " AND d.status = ?"
            args.append(status)
        sql += " ORDER BY d.id"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [_draft(row) for row in self.db.execute(sql, args)]

    def get_draft(self, draft_id: int) -> Draft:
        row = self.db.execute(_DRAFT_SELECT + " WHERE d.id = ?", (draft_id,)).fetchone()
        if row is None:
            raise StoreError(f"no draft {draft_id}")
        return _draft(row)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(DRAFT_STATUSES, 0)
        for status, count in self.db.execute(
            "SELECT d.status, COUNT(*) FROM drafts d JOIN notes n ON n.id = d.note_id"
            f" WHERE {_VISIBLE} GROUP BY d.status"
        ):
            counts[status] = count
        return counts

    def change_cursor(self) -> int:
        """The position of the latest change; pass it to `changes_since` to follow changes."""
        row = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM draft_changes").fetchone()
        return int(row[0])

    def changes_since(self, cursor: int) -> tuple[int, list[Draft]]:
        """Drafts changed after `cursor` (by any process), and the new cursor."""
        conn = self.db
        conn.execute("BEGIN")
        try:
            latest = int(
                conn.execute("SELECT COALESCE(MAX(id), 0) FROM draft_changes").fetchone()[0]
            )
            if latest <= cursor:
                return latest, []
            rows = conn.execute(
                _DRAFT_SELECT + " WHERE d.id IN (SELECT draft_id FROM draft_changes"
                " WHERE id > ? AND id <= ?) ORDER BY d.id",
                (cursor, latest),
            ).fetchall()
            return latest, [_draft(row) for row in rows]
        finally:
            conn.execute("COMMIT")

    def prune_changes(self, keep: int = 100_000) -> None:
        """Keep the change log small; sessions further behind than `keep` reload everything."""
        with self.write() as conn:
            conn.execute(
                "DELETE FROM draft_changes WHERE id <= (SELECT MAX(id) FROM draft_changes) - ?",
                (keep,),
            )

    # Versions ---------------------------------------------------------------------------------

    def versions(self, draft_id: int) -> list[Version]:
        rows = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? ORDER BY n",
            (draft_id,),
        )
        return [Version(*row) for row in rows]

    def latest_version(self, draft_id: int) -> Version | None:
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
        return Version(*row) if row else None

    def add_version(
        self, draft_id: int, text: str, origin: str, author: str, base_n: int | None = None
    ) -> Version:
        """Save text as a new version; unchanged text is not a new version.

        `base_n` is the version the editor started from: if another session saved a newer one
        meanwhile, StaleVersion is raised instead of silently burying that session's edit.
        """
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved" and origin != "addendum":
                raise StoreError("this draft is signed; it can only get an addendum")
            latest = conn.execute(
                "SELECT sha256, n FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (draft_id,),
            ).fetchone()
            if base_n is not None and latest is not None and latest[1] != base_n:
                if latest[0] == text_sha256(text):
                    base_n = None
                else:
                    raise StaleVersion(
                        f"another session saved version {latest[1]} while you edited version "
                        f"{base_n}"
                    )
            if latest is None or latest[0] != text_sha256(text):
                self._insert_version(conn, draft_id, text, origin, author)
                conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (now(), draft_id))
        version = self.latest_version(draft_id)
        assert version is not None
        return version

    def _insert_version(
        self, conn: sqlite3.Connection, draft_id: int, text: str, origin: str, author: str
    ) -> int:
        row = conn.execute(
            "SELECT COALESCE(MAX(n), 0) FROM draft_versions WHERE draft_id = ?", (draft_id,)
        ).fetchone()
        cursor = conn.execute(
            "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, author, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (draft_id, int(row[0]) + 1, text, text_sha256(text), origin, author, now()),
        )
        return int(cursor.lastrowid or 0)

    # Sign-off ---------------------------------------------------------------------------------

    def approve(
        self,
        draft_id: int,
        version: Version,
        clinician: str,
        credentials: str,
        os_user: str,
        signed_at: str,
        note_sha256: str,
        files: Sequence[str],
        document_sha256: str = "",
    ) -> None:
        """Record a signature on exactly the version the clinician saw.

        `document_sha256` is the hash of the signed document as written (text plus signature
        line); addenda cite it, so it must name a file that exists.
        """
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None or status[0] != "ready":
                raise StoreError("only a ready draft can be approved")
            latest = conn.execute(
                "SELECT id FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (draft_id,),
            ).fetchone()
            if latest is None or latest[0] != version.id:
                raise StoreError("the draft changed in another session; review it again to sign")
            conn.execute(
                "INSERT INTO approvals (draft_id, version_id, clinician, credentials, os_user,"
                " signed_at, sha256, note_sha256, files_json) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    draft_id,
                    version.id,
                    clinician,
                    credentials,
                    os_user,
                    signed_at,
                    document_sha256 or version.sha256,
                    note_sha256,
                    json.dumps(list(files)),
                ),
            )
            conn.execute(
                "UPDATE drafts SET status = 'approved', updated_at = ? WHERE id = ?",
                (now(), draft_id),
            )

    def approval(self, draft_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT clinician, credentials, os_user, signed_at, sha256, note_sha256, files_json,"
            " version_id FROM approvals WHERE draft_id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("clinician", "credentials", "os_user", "signed_at", "sha256", "note_sha256")
        result: dict[str, Any] = dict(zip(keys, row[:6], strict=True))
        result["files"] = json.loads(row[6])
        result["version_id"] = row[7]
        return result

    def signed_documents(self) -> dict[int, str]:
        """Every signature: draft id -> sha256 of the signed document (read only; the audit
        log's verification compares its approve entries with these)."""
        rows = self.db.execute("SELECT draft_id, sha256 FROM approvals ORDER BY draft_id")
        return {int(draft_id): str(sha256) for draft_id, sha256 in rows}

    def reject(self, draft_id: int, reason: str, os_user: str) -> None:
        if not reason.strip():
            raise StoreError("a rejection needs a reason")
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("a signed draft cannot be rejected")
            stamp = now()
            conn.execute(
                "INSERT INTO rejections (draft_id, reason, os_user, at) VALUES (?,?,?,?)",
                (draft_id, reason.strip(), os_user, stamp),
            )
            conn.execute(
                "UPDATE drafts SET status = 'rejected', reason = ?, updated_at = ? WHERE id = ?",
                (reason.strip(), stamp, draft_id),
            )

    # Review session queries (issue 6) ------------------------------------------------------

    def version(self, draft_id: int, n: int) -> Version | None:
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? AND n = ?",
            (draft_id, n),
        ).fetchone()
        return Version(*row) if row else None

    def model_version(self, draft_id: int, up_to_id: int | None = None) -> Version | None:
        """The latest text the model drafted (not an edit), optionally not after a version."""
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? AND origin IN ('model', 'regenerate') AND id <= ?"
            " ORDER BY n DESC LIMIT 1",
            (draft_id, up_to_id if up_to_id is not None else 2**62),
        ).fetchone()
        return Version(*row) if row else None

    def drafted_between(self, start: str, end: str) -> tuple[int, float, int]:
        """Drafts that became ready in [start, end): how many, their cost and tokens."""
        row = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(cost_usd), 0), COALESCE(SUM(input_tokens +"
            " output_tokens + cache_write_tokens + cache_read_tokens), 0) FROM drafts"
            " WHERE ready_at >= ? AND ready_at < ?",
            (start, end),
        ).fetchone()
        return int(row[0]), float(row[1]), int(row[2])

    def queue_entries(self, limit: int | None = None) -> list[QueueEntry]:
        """Drafts as the queue lists them, in arrival order (the first `limit`, or all): one
        lean query (check counts come from SQLite's JSON functions), so 10,000 drafts load in
        milliseconds."""
        rows = self.db.execute(
            "SELECT d.id, n.patient, n.date, d.skill, d.status, d.cost_usd,"
            " json_array_length(d.checks_json, '$.missing'),"
            " json_array_length(d.checks_json, '$.unsupported'),"
            " json_array_length(d.checks_json, '$.findings'),"
            " d.checks_json NOT IN ('', '{}'),"
            " json_extract(d.checks_json, '$.readability.grade'),"
            " json_extract(d.checks_json, '$.readability.max_grade')"
            f" FROM drafts d JOIN notes n ON n.id = d.note_id WHERE {_VISIBLE} ORDER BY d.id"
            " LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [
            QueueEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or 0, r[7] or 0, r[8] or 0,
                       bool(r[9]), float(r[10] or 0), float(r[11] or 0))
            for r in rows
        ]  # fmt: skip

    def signed_between(self, start: str, end: str) -> list[Signing]:
        """Signatures in [start, end) with the drafted and the signed text of each."""
        rows = self.db.execute(
            "SELECT a.draft_id, d.ready_at, a.signed_at, v.text, (SELECT m.text FROM"
            " draft_versions m WHERE m.draft_id = a.draft_id AND m.origin IN ('model',"
            " 'regenerate') AND m.id <= a.version_id ORDER BY m.n DESC LIMIT 1)"
            " FROM approvals a JOIN drafts d ON d.id = a.draft_id"
            " JOIN draft_versions v ON v.id = a.version_id"
            " WHERE a.signed_at >= ? AND a.signed_at < ? ORDER BY a.id",
            (start, end),
        )
        return [Signing(int(r[0]), r[1] or "", str(r[2]), str(r[3]), r[4] or "") for r in rows]

    # Episode history and the day's notes (issue 5) -------------------------------------------

    def patient_notes(self, patient: str, until: str = "") -> list[PatientNote]:
        """The readable notes of one patient dated on or before `until` (an ISO day; "" for
        all), oldest first: what the audit needs to know of the episode (reports, evaluations,
        certification). Names match in any case, accent or word order ("Whitfield, Dana" is
        "Dana Whitfield"). Each row carries the start of a text note, so the caller reads its
        header (MRN, discipline, certification date) without loading whole notes or scans."""
        key = patient_key(patient)
        if not key:
            return []
        conn = self.db
        _register_functions(conn)
        rows = conn.execute(
            "SELECT n.id, n.path, n.sha256, chartdesk_day(n.date) AS day, n.visit, n.skill,"
            " n.discipline, CASE WHEN c.media_type LIKE 'text/%' THEN substr(c.data, 1, ?)"
            " ELSE NULL END"
            " FROM notes n LEFT JOIN note_content c ON c.note_id = n.id"
            " WHERE n.status = 'ok' AND chartdesk_patient(n.patient) = ?"
            " AND day != '' AND (? = '' OR day <= ?) ORDER BY day, n.visit, n.id",
            (_HEAD_BYTES, key, until, until),
        ).fetchall()
        return [
            PatientNote(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5]), str(r[6]),
                        _head_text(r[7]))
            for r in rows
        ]  # fmt: skip

    def notes_on(self, day: str) -> list[DayNote]:
        """The notes dated `day` (ISO): the latest version of each readable file, and the
        unreadable ones still waiting for a fix (the billing office must hear of those too),
        in arrival order, each with the draft a reviewer opens for it: its first pass in the
        planned Skill, else its oldest draft."""
        conn = self.db
        _register_functions(conn)
        rows = conn.execute(
            "SELECT n.id, n.path, n.patient, n.skill, n.kind, (SELECT d.id FROM drafts d"
            " WHERE d.note_id = n.id ORDER BY d.parent_id IS NOT NULL, d.skill != (SELECT"
            " s.skill FROM notes s WHERE s.id = d.note_id), d.id LIMIT 1), n.status, n.reason"
            f" FROM notes n WHERE {_NOTE_DAY} = ? AND (n.status = 'failed'"
            " OR (n.status = 'ok' AND n.version = (SELECT MAX(m.version) FROM notes m"
            " WHERE m.path = n.path AND m.status = 'ok'))) ORDER BY n.id",
            (day,),
        ).fetchall()
        return [
            DayNote(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], str(r[6]),
                    str(r[7]))
            for r in rows
        ]  # fmt: skip

    def note_days(self) -> list[str]:
        """The ISO days that have notes, oldest first (the audit steps through them)."""
        conn = self.db
        _register_functions(conn)
        rows = conn.execute(
            f"SELECT DISTINCT {_NOTE_DAY} AS day FROM notes n WHERE n.status IN ('ok', 'failed')"
            " AND day != '' ORDER BY day"
        )
        return [str(row[0]) for row in rows]


def _insert_draft(
    conn: sqlite3.Connection, note_id: int, skill: str, parent_id: int | None, instruction: str
) -> int:
    stamp = now()
    cursor = conn.execute(
        "INSERT INTO drafts (note_id, skill, parent_id, status, created_at, updated_at)"
        " VALUES (?,?,?,'queued',?,?)",
        (note_id, skill, parent_id, stamp, stamp),
    )
    draft_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO jobs (draft_id, state, instruction, created_at, updated_at)"
        " VALUES (?,'pending',?,?,?)",
        (draft_id, instruction, stamp, stamp),
    )
    return draft_id


def _touch_superseded(conn: sqlite3.Connection, path: str) -> None:
    """Mark drafts of just-superseded notes as changed, so open sessions drop them."""
    conn.execute(
        "UPDATE drafts SET updated_at = ? WHERE note_id IN"
        " (SELECT id FROM notes WHERE path = ? AND status = 'superseded')",
        (now(), path),
    )


def _add_usage(conn: sqlite3.Connection, draft_id: int, usage: DraftResult) -> None:
    conn.execute(
        "UPDATE drafts SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,"
        " cache_write_tokens = cache_write_tokens + ?, cache_read_tokens = cache_read_tokens + ?,"
        " cost_usd = cost_usd + ?, model = CASE WHEN ? != '' THEN ? ELSE model END,"
        " backend = CASE WHEN ? != '' THEN ? ELSE backend END WHERE id = ?",
        (
            usage.input_tokens,
            usage.output_tokens,
            usage.cache_write_tokens,
            usage.cache_read_tokens,
            usage.cost_usd,
            usage.model,
            usage.model,
            usage.backend,
            usage.backend,
            draft_id,
        ),
    )


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (trigger bodies hold semicolons)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def _draft(row: Sequence[Any]) -> Draft:
    return Draft(
        id=row[0],
        note_id=row[1],
        note_path=row[2],
        note_version=row[3],
        patient=row[4],
        date=row[5],
        skill=row[6],
        status=row[7],
        reason=row[8],
        backend=row[9],
        model=row[10],
        cost_usd=row[11],
        created=row[12],
        checks=json.loads(row[13] or "{}"),
        parent_id=row[14],
        skill_sha256=row[15],
        request_id=row[16],
        stop_reason=row[17],
        input_tokens=row[18],
        output_tokens=row[19],
        cache_write_tokens=row[20],
        cache_read_tokens=row[21],
        note_sha256=row[22],
        note_kind=row[23],
        discipline=row[24],
        payer=row[25],
        visit=row[26],
        ready_at=row[27],
        note_status=row[28],
    )


@dataclass(frozen=True)
class Signing:
    """One signature, for the day's figures: when the draft was ready and signed, and texts."""

    draft_id: int
    ready_at: str
    signed_at: str
    signed_text: str
    drafted_text: str


@dataclass(frozen=True)
class QueueEntry:
    """One queue row: what the review queue shows and filters on, nothing more."""

    id: int
    patient: str
    date: str
    skill: str
    status: str
    cost_usd: float
    missing: int
    unsupported: int
    findings: int
    checked: bool
    grade: float = 0.0
    max_grade: float = 0.0

    @classmethod
    def of(cls, draft: DraftRow) -> QueueEntry:
        checks = draft.checks
        grade = checks.get("readability") or {}
        return cls(
            draft.id,
            draft.patient,
            draft.date,
            draft.skill,
            draft.status,
            draft.cost_usd,
            len(checks.get("missing", ())),
            len(checks.get("unsupported", ())),
            len(checks.get("findings", ())),
            bool(checks),
            float(grade.get("grade", 0)),
            float(grade.get("max_grade", 0)),
        )

    @property
    def check_summary(self) -> str:
        """ "" unchecked, "clean", or e.g. "2 missing, 1 audit, grade 8.1 > 6"."""
        if not self.checked:
            return ""
        parts = []
        if self.missing:
            parts.append(f"{self.missing} missing")
        if self.unsupported:
            parts.append(f"{self.unsupported} unsupported")
        if self.findings:
            parts.append(f"{self.findings} audit")
        if self.max_grade and self.grade > self.max_grade:
            parts.append(f"grade {self.grade:g} > {self.max_grade:g}")
        return ", ".join(parts) or "clean"


# -- episode history and day queries (issue 5) -------------------------------------------------

_HEAD_BYTES: Final = 4096
# A note's day: its header or file-name date; an unreadable note has only its path to go by.
_NOTE_DAY: Final = "chartdesk_day(CASE WHEN n.date != '' THEN n.date ELSE n.path END)"
_NAME_WORD: Final = re.compile(r"[^\W_]+")


def iso_day(text: str) -> str:
    """A note's date as an ISO day, "" when it names none (see `note_day`)."""
    day = note_day(text)
    return day.isoformat() if day else ""


def patient_key(name: str) -> str:
    """A patient name reduced to its words, case- and accent-free and sorted, so the header's
    "Whitfield, Dana" and the file name's "Dana Whitfield" are one patient."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(ch)
    )
    return " ".join(sorted(_NAME_WORD.findall(plain.casefold())))


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("chartdesk_day", 1, iso_day, deterministic=True)
    conn.create_function("chartdesk_patient", 1, patient_key, deterministic=True)


def _head_text(data: bytes | None) -> str:
    return bytes(data).decode("utf-8", "replace") if data else ""


@dataclass(frozen=True)
class PatientNote:
    """One recorded note of a patient, as the episode history reads it."""

    note_id: int
    path: str
    sha256: str
    day: str
    visit: int | None
    skill: str
    discipline: str
    head: str  # the first bytes of a text note (its header); "" for scans


@dataclass(frozen=True)
class DayNote:
    """One note of a day, for the end-of-day audit, with the draft to open for it."""

    note_id: int
    path: str
    patient: str
    skill: str
    kind: str
    draft_id: int | None
    status: str = "ok"  # ok | failed (unreadable: `reason` says why)
    reason: str = ""
