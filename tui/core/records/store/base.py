"""The database itself: one connection per thread, short write transactions, migrations, and
the file's identity (a state.db replaced under a running process is noticed)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import urllib.parse
import weakref
from collections.abc import Iterator
from pathlib import Path

from tui.core.records.store.rows import StoreError, StoreReplaced, fold, iso_day, patient_key
from tui.core.records.store.schema import MIGRATIONS, SCHEMA_VERSION, statements


class _ThreadConnection:
    """One thread's connection, held by that thread's `threading.local` slot only: when the
    thread ends the slot is dropped and the connection closed. The drafter runs each check on
    a thread of its own, and a connection kept past its thread held its page cache (about
    1 MB) for the life of the process."""

    __slots__ = ("__weakref__", "conn", "owner")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.owner = weakref.ref(threading.current_thread())
        weakref.finalize(self, _close_quietly, conn)

    def closable_by(self, thread: threading.Thread) -> bool:
        """Whether `thread` may close this connection now: its own, or its thread's ended.
        Closing a connection while another thread runs a query on it crashes the process."""
        owner = self.owner()
        return owner is None or owner is thread or not owner.is_alive()


class Database:
    """Thread-safe access to one clinic's state.db (one connection per live thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._held: weakref.WeakSet[_ThreadConnection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._retired: list[threading.local] = []
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
        held: _ThreadConnection | None = getattr(self._local, "held", None)
        if held is None:
            conn = self._connect()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            _register_functions(conn)
            held = _ThreadConnection(conn)
            self._local.held = held
            with self._lock:
                self._held.add(held)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
        return held.conn

    @property
    def open_connections(self) -> int:
        """How many connections are open now: one per live thread that used the store."""
        with self._lock:
            return len(self._held)

    def _connect(self) -> sqlite3.Connection:
        """A new connection to the file this store opened, never to a fresh empty one: SQLite
        would create a missing file silently, so a thread that connects after state.db was
        deleted would write where nobody reads (mode=rw refuses to create it)."""
        self.check_file()
        uri = f"file:{urllib.parse.quote(str(self.path))}?mode=rw"
        try:
            return sqlite3.connect(
                uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False
            )
        except sqlite3.OperationalError:
            self.check_file()
            raise

    def close(self) -> None:
        """Close this thread's connection and those of ended threads. A live thread's (a
        background batch still measuring notes as the app quits) stays with that thread's slot
        and is closed when the thread ends: never under a query it is running."""
        me = threading.current_thread()
        with self._lock:
            busy = False
            for held in list(self._held):
                if held.closable_by(me):
                    held.conn.close()
                else:
                    busy = True
            self._held.clear()
            if busy:
                self._retired.append(self._local)
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
        conn.execute("PRAGMA foreign_keys=OFF")
        try:
            with self.write():
                version = self.schema_version()
                self._refuse_newer(version)
                for index in range(version, SCHEMA_VERSION):
                    for statement in statements(MIGRATIONS[index]):
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


def _close_quietly(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        conn.close()


def _register_functions(conn: sqlite3.Connection) -> None:
    """The Python functions the migrations and queries call (on every connection)."""
    from tui.core.outcomes.matching import name_key  # only a migration needs it

    conn.create_function("chartdesk_day", 1, iso_day, deterministic=True)
    conn.create_function("chartdesk_patient", 1, patient_key, deterministic=True)
    conn.create_function("chartdesk_fold", 1, fold, deterministic=True)
    conn.create_function("chartdesk_name", 1, name_key, deterministic=True)
    conn.create_function("chartdesk_header", 2, _header_field, deterministic=True)


def _header_field(data: bytes | None, field: str) -> str:
    """One header field of a stored text note ("" for a scan or a note without it)."""
    from tui.core.intake.notes import header_fields

    if not data:
        return ""
    text = bytes(data[:4096]).decode("utf-8", "replace")
    return header_fields(text, frozenset({field})).get(field, "")
