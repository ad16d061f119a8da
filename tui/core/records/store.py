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

from tui.core.intake.notes import note_day

DRAFT_STATUSES: Final = (
    "queued", "drafting", "ready", "failed", "approved", "rejected", "superseded"
)  # fmt: skip
OPEN_STATUSES: Final = ("queued", "drafting", "ready", "failed")
IDENTITY_FIELDS: Final = ("patient", "date", "mrn", "dob")
"""Drafts that still need the clinician; a newer draft of the same visit supersedes these."""
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
    # The sign gate (issue 11): drafts can be superseded by a newer draft of the same visit,
    # checks belong to each version (`checked_n` says which version the draft's checks
    # describe), scaffolding is kept beside the text (`aside`), notes carry MRN, DOB and indexed
    # patient and day keys, and signatures carry who signed how, overrides and co-signatures.
    # SQLite cannot widen a CHECK constraint in place, so `drafts` is rebuilt (foreign keys are
    # off while migrations run, and checked before they commit).
    """
    CREATE TABLE drafts_v3 (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        skill TEXT NOT NULL,
        parent_id INTEGER REFERENCES drafts(id),
        status TEXT NOT NULL CHECK (status IN ('queued', 'drafting', 'ready', 'failed',
            'approved', 'rejected', 'superseded')),
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
        ready_at TEXT,
        superseded_by INTEGER REFERENCES drafts(id),
        aside TEXT NOT NULL DEFAULT '',
        latest_n INTEGER NOT NULL DEFAULT 0,
        checked_n INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO drafts_v3 (id, note_id, skill, parent_id, status, reason, backend, model,
        skill_sha256, request_id, stop_reason, input_tokens, output_tokens, cache_write_tokens,
        cache_read_tokens, cost_usd, checks_json, created_at, updated_at, ready_at, latest_n,
        checked_n)
    SELECT d.id, d.note_id, d.skill, d.parent_id, d.status, d.reason, d.backend, d.model,
        d.skill_sha256, d.request_id, d.stop_reason, d.input_tokens, d.output_tokens,
        d.cache_write_tokens, d.cache_read_tokens, d.cost_usd, d.checks_json, d.created_at,
        d.updated_at, d.ready_at,
        COALESCE((SELECT MAX(v.n) FROM draft_versions v WHERE v.draft_id = d.id), 0),
        COALESCE((SELECT MAX(v.n) FROM draft_versions v WHERE v.draft_id = d.id
            AND v.origin IN ('model', 'regenerate')), 0)
    FROM drafts d;
    DROP TABLE drafts;
    ALTER TABLE drafts_v3 RENAME TO drafts;
    CREATE INDEX drafts_status ON drafts(status);
    CREATE INDEX drafts_note ON drafts(note_id);
    CREATE TRIGGER drafts_inserted AFTER INSERT ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER drafts_updated AFTER UPDATE ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    ALTER TABLE draft_versions ADD COLUMN checks_json TEXT;
    UPDATE draft_versions SET checks_json = (SELECT d.checks_json FROM drafts d
        WHERE d.id = draft_versions.draft_id AND d.checked_n = draft_versions.n);
    ALTER TABLE notes ADD COLUMN mrn TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN dob TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN patient_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN day TEXT NOT NULL DEFAULT '';
    UPDATE notes SET patient_key = chartdesk_patient(patient),
        day = chartdesk_day(CASE WHEN date != '' THEN date ELSE path END);
    CREATE INDEX notes_patient_day ON notes(patient_key, day);
    CREATE INDEX notes_day ON notes(day);
    CREATE TABLE header_edits (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        field TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL
    );
    ALTER TABLE approvals ADD COLUMN signer_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN auth TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN override_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE approvals ADD COLUMN cosign_by TEXT NOT NULL DEFAULT '';
    CREATE TABLE cosignatures (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL UNIQUE REFERENCES drafts(id),
        clinician TEXT NOT NULL,
        credentials TEXT NOT NULL,
        signer_id TEXT NOT NULL,
        os_user TEXT NOT NULL,
        auth TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        files_json TEXT NOT NULL
    );
    """,
    # Signing as one recoverable transaction (issue 13): a signature is announced (its files
    # and their hashes, and the audit entry it owes) before a file is written, recorded with
    # the approval in one transaction, and done once the audit log has its entry. Whatever a
    # crash interrupts, the next start rolls back or completes it.
    """
    CREATE TABLE signings (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        kind TEXT NOT NULL CHECK (kind IN ('approve', 'addendum', 'cosign')),
        files_json TEXT NOT NULL,
        audit_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('writing', 'recorded', 'done', 'rolled_back')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX signings_open ON signings(state) WHERE state IN ('writing', 'recorded');
    """,
)
SCHEMA_VERSION: Final = len(MIGRATIONS)


class StoreError(Exception):
    """A store operation that cannot be done (e.g. editing an approved draft)."""


class StoreReplaced(StoreError):
    """The database file changed under a running process (deleted, emptied, replaced)."""


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
    superseded_by: int | None = None
    aside: str = ""
    latest_n: int = 0
    checked_n: int = 0
    mrn: str = ""
    dob: str = ""

    @property
    def superseded(self) -> bool:
        """A failed entry whose file was fixed and read again: no longer shown in the queue."""
        return self.note_status == "superseded"

    @property
    def checking(self) -> bool:
        """True while the latest version's checks are not yet stored (the checks shown
        describe an older version, or none)."""
        return self.checked_n < self.latest_n


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
    aside: str = ""
    """What the drafter says beside the document, never inside it (the offline drafter's
    notice and the measurements it found): shown around the draft, never signed."""


_DRAFT_SELECT: Final = """
    SELECT d.id, d.note_id, n.path, n.version, n.patient, n.date, d.skill, d.status, d.reason,
           d.backend, d.model, d.cost_usd, d.created_at, d.checks_json,
           d.parent_id, d.skill_sha256, d.request_id, d.stop_reason, d.input_tokens,
           d.output_tokens, d.cache_write_tokens, d.cache_read_tokens, n.sha256, n.kind,
           n.discipline, n.payer, n.visit, d.ready_at, n.status, d.superseded_by, d.aside,
           d.latest_n, d.checked_n, n.mrn, n.dob
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
        self.identity = _file_identity(path)
        self.migrate()

    def _create(self) -> None:
        if not self.path.exists():
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
            os.close(fd)
        os.chmod(self.path, 0o600)

    def check_file(self) -> None:
        """Raise StoreReplaced if state.db was deleted or replaced since this store opened it:
        writes would go to a file nobody reads, and ids would restart."""
        if _file_identity(self.path) != self.identity:
            raise StoreReplaced(
                f"{self.path.name} was deleted or replaced while chartdesk ran; stopped so "
                "nothing is written to a file nobody reads. Restore it from a backup, then start "
                "chartdesk again"
            )

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
        """Apply any migrations this file has not seen; returns the schema version.

        Foreign keys are off while a migration rebuilds a table (SQLite's documented way to
        change a constraint) and every reference is checked before the migration commits."""
        conn = self.db
        if self.schema_version() >= SCHEMA_VERSION:
            self._refuse_newer(self.schema_version())
            return SCHEMA_VERSION
        _register_functions(conn)
        conn.execute("PRAGMA foreign_keys=OFF")
        try:
            with self.write():
                version = self.schema_version()
                self._refuse_newer(version)
                for index in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[index]):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {index + 1}")
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration left {len(broken)} broken references")
        finally:
            conn.execute("PRAGMA foreign_keys=ON")
        return SCHEMA_VERSION

    @staticmethod
    def _refuse_newer(version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"state.db is schema version {version}, newer than this chartdesk "
                f"({SCHEMA_VERSION}); upgrade chartdesk"
            )

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
            patient, date = meta.get("patient", ""), meta.get("date", "")
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, version, kind, patient, date, visit, discipline,"
                " payer, skill, received_at, mrn, dob, patient_key, day)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    path,
                    sha256,
                    version,
                    meta.get("kind", "text"),
                    patient,
                    date,
                    meta.get("visit"),
                    meta.get("discipline", ""),
                    meta.get("payer", ""),
                    meta.get("skill", ""),
                    now(),
                    meta.get("mrn", ""),
                    meta.get("dob", ""),
                    patient_key(patient),
                    iso_day(date or path),
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
                _supersede_older(conn, draft_id)
            return note_id, True

    def draft_of_note(self, note_id: int) -> int | None:
        row = self.db.execute(
            "SELECT MIN(id) FROM drafts WHERE note_id = ? AND parent_id IS NULL", (note_id,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def drafts_of_note(self, note_id: int, statuses: Sequence[str] = DRAFT_STATUSES) -> list[int]:
        """The drafts made from one note, in the given states."""
        rows = self.db.execute(
            "SELECT id FROM drafts WHERE note_id = ? AND status IN"
            " (SELECT value FROM json_each(?)) ORDER BY id",
            (note_id, json.dumps(list(statuses))),
        )
        return [int(row[0]) for row in rows]

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
            patient, date = meta.get("patient", ""), meta.get("date", "")
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, kind, patient, date, status, reason,"
                " received_at, patient_key, day) VALUES (?,?,?,?,?,'failed',?,?,?,?)",
                (
                    path,
                    sha256,
                    meta.get("kind", "text"),
                    patient,
                    date,
                    reason,
                    now(),
                    patient_key(patient),
                    iso_day(date or path),
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
        """A queued draft and its pending job, created together. A first pass supersedes the
        open drafts of the same visit and document."""
        with self.write() as conn:
            draft_id = _insert_draft(conn, note_id, skill, parent_id, instruction)
            if parent_id is None:
                _supersede_older(conn, draft_id)
            return draft_id

    def requeue(self, draft_id: int, instruction: str = "") -> int:
        """Queue a failed, ready or rejected draft to be drafted again (a new job)."""
        stamp = now()
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("an approved draft cannot be regenerated; add an addendum")
            if status[0] in ("rejected", "superseded"):
                raise StoreError(f"a {status[0]} draft is closed; it is not drafted again")
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
            latest = conn.execute(
                "SELECT id, sha256 FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (job.draft_id,),
            ).fetchone()
            if latest is not None and latest[1] == text_sha256(result.text):
                version_id = int(latest[0])  # drafted again word for word: no new version
            else:
                origin = "regenerate" if latest is not None else "model"
                version_id = self._insert_version(
                    conn, job.draft_id, result.text, origin, "", checks
                )
            _add_usage(conn, job.draft_id, result)
            conn.execute(
                "UPDATE drafts SET status = 'ready', reason = '', request_id = ?, stop_reason = ?,"
                " backend = ?, model = ?, aside = ?, updated_at = ?, ready_at = ? WHERE id = ?",
                (
                    result.request_id,
                    result.stop_reason,
                    result.backend,
                    result.model,
                    result.aside,
                    stamp,
                    stamp,
                    job.draft_id,
                ),
            )
            return version_id

    def set_checks(self, draft_id: int, n: int, checks: Mapping[str, Any]) -> bool:
        """Store the checks of version `n`; they become the draft's checks if `n` is still
        its latest version. Returns False when a newer version has come meanwhile."""
        encoded = json.dumps(checks)
        with self.write() as conn:
            conn.execute(
                "UPDATE draft_versions SET checks_json = ? WHERE draft_id = ? AND n = ?",
                (encoded, draft_id, n),
            )
            changed = conn.execute(
                "UPDATE drafts SET checks_json = ?, checked_n = ? WHERE id = ? AND latest_n = ?",
                (encoded, n, draft_id, n),
            ).rowcount
        return bool(changed)

    def version_checks(self, draft_id: int, n: int) -> dict[str, Any] | None:
        """The stored checks of one version (None: not checked yet)."""
        row = self.db.execute(
            "SELECT checks_json FROM draft_versions WHERE draft_id = ? AND n = ?", (draft_id, n)
        ).fetchone()
        return None if row is None or row[0] is None else dict(json.loads(row[0]))

    def unchecked_drafts(self, limit: int = 100) -> list[int]:
        """Open drafts whose latest version has no stored checks yet (an edit whose checks a
        closed session never finished)."""
        rows = self.db.execute(
            "SELECT id FROM drafts WHERE checked_n < latest_n AND status IN ('ready', 'failed')"
            " ORDER BY id LIMIT ?",
            (limit,),
        )
        return [int(row[0]) for row in rows]

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
        self,
        draft_id: int,
        text: str,
        origin: str,
        author: str,
        base_n: int | None = None,
        signing: int | None = None,
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
            _record_signing(conn, signing)
        version = self.latest_version(draft_id)
        assert version is not None
        return version

    def _insert_version(
        self,
        conn: sqlite3.Connection,
        draft_id: int,
        text: str,
        origin: str,
        author: str,
        checks: Mapping[str, Any] | None = None,
    ) -> int:
        """A new version; with `checks` it is stored checked (the drafter checks before it
        stores), else its checks are pending until `set_checks`."""
        row = conn.execute(
            "SELECT COALESCE(MAX(n), 0) FROM draft_versions WHERE draft_id = ?", (draft_id,)
        ).fetchone()
        n = int(row[0]) + 1
        cursor = conn.execute(
            "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, author, created_at,"
            " checks_json) VALUES (?,?,?,?,?,?,?,?)",
            (
                draft_id,
                n,
                text,
                text_sha256(text),
                origin,
                author,
                now(),
                None if checks is None else json.dumps(checks),
            ),
        )
        conn.execute(
            "UPDATE drafts SET latest_n = ?, checked_n = CASE WHEN ? THEN ? ELSE checked_n END,"
            " checks_json = CASE WHEN ? THEN ? ELSE checks_json END WHERE id = ?",
            (n, checks is not None, n, checks is not None, json.dumps(checks or {}), draft_id),
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
        *,
        signer_id: str = "",
        auth: str = "",
        override_reason: str = "",
        override_codes: Sequence[str] = (),
        cosign_by: str = "",
        signing: int | None = None,
        next_skill: str = "",
    ) -> int | None:
        """Record a signature on exactly the version the clinician saw; returns the id of the
        second pass it starts (`next_skill`), created in the same transaction.

        `document_sha256` is the hash of the signed document as written (text plus signature
        line); addenda cite it, so it must name a file that exists. `override_reason` is the
        clinician's reason to sign over the open `override_codes`; `cosign_by` names the
        supervisor whose co-signature the document still needs; `signing` is the signing
        transaction this records (see `begin_signing`).
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
                " signed_at, sha256, note_sha256, files_json, signer_id, auth, override_reason,"
                " override_json, cosign_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    signer_id,
                    auth,
                    override_reason,
                    json.dumps(list(override_codes)),
                    cosign_by,
                ),
            )
            conn.execute(
                "UPDATE drafts SET status = 'approved', updated_at = ? WHERE id = ?",
                (now(), draft_id),
            )
            _record_signing(conn, signing)
            if not next_skill:
                return None
            note_id = conn.execute(
                "SELECT note_id FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()[0]
            return _insert_draft(conn, int(note_id), next_skill, draft_id, "")

    def approval(self, draft_id: int) -> dict[str, Any] | None:
        """Who signed a draft and how, with its co-signature (``cosigned``) once made."""
        row = self.db.execute(
            "SELECT clinician, credentials, os_user, signed_at, sha256, note_sha256, files_json,"
            " version_id, signer_id, auth, override_reason, override_json, cosign_by"
            " FROM approvals WHERE draft_id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("clinician", "credentials", "os_user", "signed_at", "sha256", "note_sha256")
        result: dict[str, Any] = dict(zip(keys, row[:6], strict=True))
        result["files"] = json.loads(row[6])
        result["version_id"] = row[7]
        result |= {"signer_id": row[8], "auth": row[9], "override_reason": row[10]}
        result |= {"override_codes": json.loads(row[11] or "[]"), "cosign_by": row[12]}
        result["cosigned"] = self.cosignature(draft_id)
        return result

    def cosign(
        self,
        draft_id: int,
        clinician: str,
        credentials: str,
        signer_id: str,
        os_user: str,
        auth: str,
        signed_at: str,
        sha256: str,
        files: Sequence[str],
        signing: int | None = None,
    ) -> None:
        """Record the supervisor's co-signature of a signed draft (once)."""
        with self.write() as conn:
            row = conn.execute(
                "SELECT cosign_by FROM approvals WHERE draft_id = ?", (draft_id,)
            ).fetchone()
            if row is None or not row[0]:
                raise StoreError("this document needs no co-signature")
            if row[0] != signer_id:
                raise StoreError(f"only {row[0]} co-signs this document")
            if conn.execute(
                "SELECT 1 FROM cosignatures WHERE draft_id = ?", (draft_id,)
            ).fetchone():
                raise StoreError("this document is already co-signed")
            conn.execute(
                "INSERT INTO cosignatures (draft_id, clinician, credentials, signer_id, os_user,"
                " auth, signed_at, sha256, files_json) VALUES (?,?,?,?,?,?,?,?,?)",
                (draft_id, clinician, credentials, signer_id, os_user, auth, signed_at, sha256,
                 json.dumps(list(files))),
            )  # fmt: skip
            conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (now(), draft_id))
            _record_signing(conn, signing)

    def cosignature(self, draft_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT clinician, credentials, signer_id, os_user, auth, signed_at, sha256,"
            " files_json FROM cosignatures WHERE draft_id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("clinician", "credentials", "signer_id", "os_user", "auth", "signed_at", "sha256")
        return dict(zip(keys, row[:7], strict=True)) | {"files": json.loads(row[7])}

    def awaiting_cosignature(self) -> list[tuple[int, str]]:
        """Signed drafts still waiting for their supervisor: (draft id, supervisor id)."""
        rows = self.db.execute(
            "SELECT a.draft_id, a.cosign_by FROM approvals a WHERE a.cosign_by != ''"
            " AND NOT EXISTS (SELECT 1 FROM cosignatures c WHERE c.draft_id = a.draft_id)"
            " ORDER BY a.draft_id"
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    # Signing transactions ---------------------------------------------------------------------

    def begin_signing(
        self, draft_id: int, kind: str, files: Sequence[Mapping[str, str]], audit: Mapping[str, Any]
    ) -> int:
        """Announce a signature before its files are written: which files (path, sha256) and
        the audit entry it owes. Returns the signing's id."""
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "INSERT INTO signings (draft_id, kind, files_json, audit_json, state, created_at,"
                " updated_at) VALUES (?,?,?,?,'writing',?,?)",
                (draft_id, kind, json.dumps(list(files)), json.dumps(audit), stamp, stamp),
            )
            return int(cursor.lastrowid or 0)

    def end_signing(self, signing: int, state: str) -> None:
        """Mark a signing done (its audit entry written) or rolled back (its files removed)."""
        with self.write() as conn:
            conn.execute(
                "UPDATE signings SET state = ?, updated_at = ? WHERE id = ?",
                (state, now(), signing),
            )

    def open_signings(self) -> list[SigningIntent]:
        """Signings a crash left half done: still writing files, or recorded without their
        audit entry."""
        rows = self.db.execute(
            "SELECT id, draft_id, kind, files_json, audit_json, state FROM signings"
            " WHERE state IN ('writing', 'recorded') ORDER BY id"
        )
        return [
            SigningIntent(
                int(r[0]), int(r[1]), str(r[2]), json.loads(r[3]), json.loads(r[4]), str(r[5])
            )
            for r in rows
        ]

    def signed_same_visit(self, draft_id: int) -> list[int]:
        """Signed first-pass drafts of the same visit as this one: of the same note file, or
        the same patient, day and document (unless the notes give different visit numbers)."""
        row = self.db.execute(
            "SELECT n.path, n.patient_key, n.day, n.visit, d.skill FROM drafts d"
            " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return []
        path, key, day, visit, skill = row
        rows = self.db.execute(
            "SELECT d.id FROM drafts d JOIN notes n ON n.id = d.note_id"
            " WHERE d.id != ? AND d.parent_id IS NULL AND d.status = 'approved'"
            " AND (n.path = ? OR (? != '' AND ? != '' AND n.patient_key = ? AND n.day = ?"
            " AND d.skill = ? AND NOT (? IS NOT NULL AND n.visit IS NOT NULL AND n.visit != ?)))"
            " ORDER BY d.id",
            (draft_id, path, key, day, key, day, skill, visit, visit),
        )
        return [int(r[0]) for r in rows]

    def set_identity(self, draft_id: int, fields: Mapping[str, str], author: str) -> list[str]:
        """Set who and when a draft's note is about (patient, date, mrn, dob), on the note row
        its drafts share, each change kept in ``header_edits``; returns the fields changed.
        A note with a signed draft keeps the identity it was signed with."""
        unknown = set(fields) - set(IDENTITY_FIELDS)
        if unknown:
            raise StoreError(f"not a header field: {', '.join(sorted(unknown))}")
        with self.write() as conn:
            row = conn.execute(
                "SELECT n.id, n.patient, n.date, n.mrn, n.dob, n.path FROM drafts d"
                " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
                (draft_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no draft {draft_id}")
            note_id, path = int(row[0]), str(row[5])
            if conn.execute(
                "SELECT 1 FROM drafts WHERE note_id = ? AND status = 'approved'", (note_id,)
            ).fetchone():
                raise StoreError("a draft of this note is signed; its header is part of the record")
            current = dict(zip(IDENTITY_FIELDS, row[1:5], strict=True))
            changed = [k for k in IDENTITY_FIELDS if k in fields and fields[k] != current[k]]
            stamp = now()
            for key in changed:
                # `key` is one of IDENTITY_FIELDS (checked above), never text from outside.
                conn.execute(f"UPDATE notes SET {key} = ? WHERE id = ?", (fields[key], note_id))
                conn.execute(
                    "INSERT INTO header_edits (note_id, draft_id, field, old, new, author, at)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (note_id, draft_id, key, current[key], fields[key], author, stamp),
                )
            if changed:
                patient, date = conn.execute(
                    "SELECT patient, date FROM notes WHERE id = ?", (note_id,)
                ).fetchone()
                conn.execute(
                    "UPDATE notes SET patient_key = ?, day = ? WHERE id = ?",
                    (patient_key(patient), iso_day(date or path), note_id),
                )
                conn.execute("UPDATE drafts SET updated_at = ? WHERE note_id = ?", (stamp, note_id))
            return changed

    def note_identity(self, note_id: int) -> dict[str, str]:
        """The note's patient, date, MRN and DOB as recorded (header edits included)."""
        row = self.db.execute(
            "SELECT patient, date, mrn, dob FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no note {note_id}")
        return dict(zip(IDENTITY_FIELDS, (str(v) for v in row), strict=True))

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
            " json_extract(d.checks_json, '$.readability.max_grade'),"
            " json_array_length(d.checks_json, '$.handout'),"
            " d.checked_n < d.latest_n,"
            " json_array_length(d.checks_json, '$.scaffolding'),"
            " json_array_length(d.checks_json, '$.not_documented')"
            f" FROM drafts d JOIN notes n ON n.id = d.note_id WHERE {_VISIBLE} ORDER BY d.id"
            " LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [
            QueueEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or 0, r[7] or 0, r[8] or 0,
                       bool(r[9]), float(r[10] or 0), float(r[11] or 0), r[12] or 0, bool(r[13]),
                       r[14] or 0, r[15] or 0)
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
        rows = self.db.execute(
            "SELECT n.id, n.path, n.sha256, n.day, n.visit, n.skill,"
            " n.discipline, CASE WHEN c.media_type LIKE 'text/%' THEN substr(c.data, 1, ?)"
            " ELSE NULL END"
            " FROM notes n LEFT JOIN note_content c ON c.note_id = n.id"
            " WHERE n.patient_key = ? AND n.status = 'ok' AND n.day != ''"
            " AND (? = '' OR n.day <= ?) ORDER BY n.day, n.visit, n.id",
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
        rows = self.db.execute(
            "SELECT n.id, n.path, n.patient, n.skill, n.kind, (SELECT d.id FROM drafts d"
            " WHERE d.note_id = n.id ORDER BY d.parent_id IS NOT NULL, d.skill != (SELECT"
            " s.skill FROM notes s WHERE s.id = d.note_id), d.id LIMIT 1), n.status, n.reason"
            " FROM notes n WHERE n.day = ? AND (n.status = 'failed'"
            " OR (n.status = 'ok' AND n.version = (SELECT MAX(m.version) FROM notes m"
            " WHERE m.path = n.path AND m.status = 'ok'))) ORDER BY n.id",
            (day,),
        ).fetchall()
        return [
            DayNote(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], str(r[6]),
                    str(r[7]))
            for r in rows
        ]  # fmt: skip

    def open_drafts_on(self, day: str) -> list[OpenDraft]:
        """The drafts of notes dated `day` that still need the clinician: waiting, drafting or
        failed, and superseded ones whose replacement is not yet signed or rejected (a stale
        draft is open work until the visit it stood for is closed)."""
        rows = self.db.execute(
            "SELECT d.id, n.patient, d.skill, d.status, d.superseded_by, d.reason"
            " FROM drafts d JOIN notes n ON n.id = d.note_id"
            " LEFT JOIN drafts r ON r.id = d.superseded_by"
            " WHERE n.day = ? AND n.status = 'ok'"
            " AND (d.status IN ('queued', 'drafting', 'ready', 'failed')"
            "  OR (d.status = 'superseded' AND r.status NOT IN ('approved', 'rejected')))"
            " ORDER BY d.id",
            (day,),
        )
        return [
            OpenDraft(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5])) for r in rows
        ]

    def note_days(self) -> list[str]:
        """The ISO days that have notes, oldest first (the audit steps through them)."""
        rows = self.db.execute(
            "SELECT DISTINCT n.day FROM notes n WHERE n.status IN ('ok', 'failed')"
            " AND n.day != '' ORDER BY n.day"
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


_SAME_VISIT: Final = """
    SELECT d.id, n.path = :path AND n.version < :version
    FROM drafts d JOIN notes n ON n.id = d.note_id
    WHERE d.id != :draft AND d.parent_id IS NULL AND n.status = 'ok'
      AND d.status IN ('queued', 'drafting', 'ready', 'failed')
      AND ((n.path = :path AND n.version < :version)
        OR (:key != '' AND :day != '' AND n.patient_key = :key AND n.day = :day
            AND d.skill = :skill
            AND NOT (:visit IS NOT NULL AND n.visit IS NOT NULL AND n.visit != :visit)))
"""


def _supersede_older(conn: sqlite3.Connection, draft_id: int) -> list[int]:
    """Close the open drafts this new draft replaces: every draft of an earlier version of the
    same note file, and the same patient's draft of the same document on the same day (unless
    the notes give different visit numbers: two visits on one day are two documents). Their
    pending jobs are cancelled, so a stale draft can never be signed beside the new one."""
    row = conn.execute(
        "SELECT n.path, n.version, n.patient_key, n.day, n.visit, d.skill FROM drafts d"
        " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
        (draft_id,),
    ).fetchone()
    if row is None:
        return []
    keys = ("path", "version", "key", "day", "visit", "skill")
    found = conn.execute(_SAME_VISIT, dict(zip(keys, row, strict=True)) | {"draft": draft_id})
    replaced = {int(old): bool(corrected) for old, corrected in found.fetchall()}
    children = conn.execute(
        "SELECT id FROM drafts WHERE parent_id IN (SELECT value FROM json_each(?))"
        " AND status IN ('queued', 'drafting', 'ready', 'failed')",
        (json.dumps(list(replaced)),),
    ).fetchall()
    for (child,) in children:
        replaced.setdefault(int(child), False)
    stamp = now()
    for old, corrected in replaced.items():
        why = "from the corrected note" if corrected else "for the same patient, day and document"
        conn.execute(
            "UPDATE jobs SET state = 'cancelled', error = 'superseded', updated_at = ?"
            " WHERE draft_id = ? AND state IN ('pending', 'running')",
            (stamp, old),
        )
        conn.execute(
            "UPDATE drafts SET status = 'superseded', superseded_by = ?, reason = ?,"
            " updated_at = ? WHERE id = ?",
            (draft_id, f"replaced by draft {draft_id} {why}", stamp, old),
        )
    return list(replaced)


def _file_identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode: another file at the same path is another database."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def is_empty_store(path: Path) -> bool:
    """True when there is no database at `path`, or only an empty file (no schema yet)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _record_signing(conn: sqlite3.Connection, signing: int | None) -> None:
    """A signing transaction's record is in the store (in the caller's transaction)."""
    if signing is not None:
        conn.execute(
            "UPDATE signings SET state = 'recorded', updated_at = ? WHERE id = ?",
            (now(), signing),
        )


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
        superseded_by=row[29],
        aside=row[30],
        latest_n=row[31],
        checked_n=row[32],
        mrn=row[33],
        dob=row[34],
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
class SigningIntent:
    """A signature in progress, as announced before its files were written."""

    id: int
    draft_id: int
    kind: str
    files: list[dict[str, str]]
    audit: dict[str, Any]
    state: str


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
    handout: int = 0
    checking: bool = False
    scaffolding: int = 0
    not_documented: int = 0

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
            len(checks.get("handout", ())),
            isinstance(draft, Draft) and draft.checking,
            len(checks.get("scaffolding", ())),
            len(checks.get("not_documented", ())),
        )

    @property
    def check_summary(self) -> str:
        """ "" unchecked, "checking…" while the text on screen is being checked, "clean" only
        when nothing at all is open (the sign gate's items), or e.g. "no patient, 1 audit"."""
        if self.checking:
            return "checking…"
        if not self.checked:
            return ""
        parts = []
        if not self.patient.strip():
            parts.append("no patient")
        if not iso_day(self.date):
            parts.append("no date")
        if self.scaffolding:
            parts.append("scaffolding")
        if self.missing:
            parts.append(f"{self.missing} missing")
        if self.unsupported:
            parts.append(f"{self.unsupported} unsupported")
        if self.findings:
            parts.append(f"{self.findings} audit")
        if self.handout:
            parts.append(f"{self.handout} not for patients")
        if self.max_grade and self.grade > self.max_grade:
            parts.append(f"grade {self.grade:g} > {self.max_grade:g}")
        if self.not_documented:
            parts.append(f"{self.not_documented} not doc")
        return ", ".join(parts) or "clean"


# -- episode history and day queries (issue 5) -------------------------------------------------

_HEAD_BYTES: Final = 4096
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
class OpenDraft:
    """A draft of the day still waiting for the clinician (the day audit's open work)."""

    draft_id: int
    patient: str
    skill: str
    status: str
    superseded_by: int | None
    reason: str

    @property
    def description(self) -> str:
        if self.status == "superseded":
            return (
                f"draft {self.draft_id} was {self.reason or 'superseded'}, which is not signed yet"
            )
        what = {"ready": "waits for a signature", "failed": "failed"}.get(
            self.status, "is being drafted"
        )
        return f"draft {self.draft_id} {what}"


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
