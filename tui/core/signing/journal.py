"""Signing as one recoverable transaction: the store, the signed files and the audit log agree
after any crash.

A signature takes three writes that no single transaction covers: read-only files in
``approved/``, the approval in SQLite, and an entry in the audit log. Each signing is therefore
journaled in the store first (`Store.begin_signing`: its files, their hashes and the audit entry
it owes), and moves through three states:

- ``writing``: files are being written. Killed here, the files are not a record: the next start
  removes those whose bytes are exactly the announced ones (and any temp link), and the draft
  can be signed again.
- ``recorded``: the approval is committed (in the same transaction as this state). Killed here,
  the audit entry may be missing: the next start writes it, marked ``recovered``, unless the log
  already holds the signing's entry.
- ``done``: the audit log has its entry.

Signings hold an exclusive lock on ``.chartdesk/signing.lock`` for their few milliseconds, and
recovery runs only when it can take that lock, so it never touches a signing in progress in
another session; the OS drops the lock of a process that dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tui.core.clinic import ensure_private_dir, write_private
from tui.core.errors import ChartdeskError
from tui.core.records.store import SigningIntent, Store
from tui.core.security.audit_log import AuditLog
from tui.core.signing.records import SignedFile

LOCK_NAME: Final = "signing.lock"


@dataclass(frozen=True)
class AuditEntry:
    """The audit log entry a signing owes, written once its record is in the store."""

    action: str
    clinician: str
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "clinician": self.clinician, "detail": self.detail}


@dataclass(frozen=True)
class Recovery:
    """What a start found half done: signings rolled back and audit entries written late."""

    rolled_back: tuple[int, ...] = ()
    completed: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rolled_back or self.completed)


class AuditNotWritten(ChartdeskError):
    """The signature stands (it is recorded); its audit entry is written on the next start."""


class SigningJournal:
    """Runs signings as journaled transactions and recovers the ones a crash interrupted."""

    def __init__(self, store: Store, root: Path, state: Path, audit_log: AuditLog) -> None:
        self.store = store
        self.root = root
        self.lock_path = state / LOCK_NAME
        self.audit_log = audit_log

    @contextlib.contextmanager
    def lock(self, *, blocking: bool = True) -> Iterator[bool]:
        """Hold the signing lock; with `blocking` False, yield False at once if it is held."""
        ensure_private_dir(self.lock_path.parent)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def sign(
        self,
        draft_id: int,
        kind: str,
        files: Sequence[SignedFile],
        record: Callable[[int], None],
        audit: AuditEntry,
        deliveries: Sequence[Mapping[str, Any]] = (),
    ) -> list[Path]:
        """Write `files` (read-only, never replacing one), then `record(signing_id)` in the
        store (which queues `deliveries` in the same transaction), then the audit entry. A
        failure before the record leaves nothing behind; a failure of the audit log after it
        raises AuditNotWritten (the signature stands)."""
        announced = [{"path": self._relative(f.path), "sha256": f.sha256} for f in files]
        with self.lock():
            signing = self.store.begin_signing(
                draft_id, kind, announced, audit.to_json(), deliveries
            )
            written: list[Path] = []
            try:
                for item in files:
                    ensure_private_dir(item.path.parent)
                    write_private(item.path, item.data, read_only=True, exclusive=True)
                    written.append(item.path)
                record(signing)
            except BaseException as exc:
                for path in written:
                    path.unlink(missing_ok=True)
                with contextlib.suppress(Exception):
                    self.store.end_signing(signing, "rolled_back")
                if isinstance(exc, FileExistsError):
                    name = Path(exc.filename2 or exc.filename or "").name
                    raise ChartdeskError(
                        f"{name} already exists; signed documents are never replaced"
                    ) from exc
                raise
            self._write_audit(signing, audit)
        return written

    def _write_audit(self, signing: int, audit: AuditEntry, recovered: bool = False) -> None:
        detail = audit.detail | {"signing": signing} | ({"recovered": True} if recovered else {})
        try:
            self.audit_log.append(audit.action, audit.clinician, **detail)
        except OSError as exc:
            raise AuditNotWritten(
                f"signed, but the audit log could not be written ({exc.strerror or exc}); "
                "it is written when chartdesk next starts"
            ) from exc
        self.store.end_signing(signing, "done")

    def recover(self) -> Recovery:
        """Roll back or complete the signings a crash interrupted (skipped while another
        session signs: it holds the lock)."""
        with self.lock(blocking=False) as held:
            if not held:
                return Recovery()
            rolled_back: list[int] = []
            completed: list[int] = []
            for intent in self.store.open_signings():
                if intent.state == "writing":
                    self._roll_back(intent)
                    rolled_back.append(intent.id)
                else:
                    audit = intent.audit
                    if self.audit_log.has_entry(audit["action"], signing=intent.id):
                        self.store.end_signing(intent.id, "done")  # killed after its entry
                        continue
                    entry = AuditEntry(audit["action"], audit["clinician"], audit["detail"])
                    self._write_audit(intent.id, entry, recovered=True)
                    completed.append(intent.id)
            return Recovery(tuple(rolled_back), tuple(completed))

    def _roll_back(self, intent: SigningIntent) -> None:
        """Remove what a signing wrote before it was recorded: only files whose bytes are the
        announced ones (never another signature's file), and the temp links it left."""
        for item in intent.files:
            path = self.root / item["path"]
            if _sha256_of(path) == item["sha256"]:
                path.unlink(missing_ok=True)
            for leftover in path.parent.glob(f".{path.name}.*.tmp"):
                leftover.unlink(missing_ok=True)
        self.store.end_signing(intent.id, "rolled_back")

    def _relative(self, path: Path) -> str:
        return str(path.relative_to(self.root))


def _sha256_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
