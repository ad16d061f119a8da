"""What every part of the clinic service stands on: the clinic folder, its store and its audit
log, paths as recorded, and text kept aside when it cannot be saved where it belongs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.clinic import Clinic, ClinicPaths, ensure_private_dir, write_private
from tui.core.drafting.base import Backend
from tui.core.errors import ChartdeskError
from tui.core.records.store import (
    Store,
    is_empty_store,
)
from tui.core.security.audit_log import AuditLog
from tui.core.signing.journal import SigningJournal


class ServiceBase:
    """The clinic folder, the store, the audit log and the signing journal of one clinic."""

    def __init__(self, clinic: Clinic, store: Store, backend: Backend | None = None) -> None:
        self.clinic = clinic
        self.store = store
        self._backend = backend
        self.audit_log = AuditLog(clinic.paths.audit_log)
        paths = clinic.paths
        self.journal = SigningJournal(store, paths.root, paths.state, self.audit_log)

    @property
    def backend(self) -> Backend:
        """The backend used when none is passed: the offline drafter unless one was given."""
        if self._backend is None:
            from tui.core.drafting.offline import OfflineBackend

            self._backend = OfflineBackend()
        return self._backend

    def close(self) -> None:
        self.store.close()

    def check_store(self) -> None:
        """Raise StoreReplaced if state.db was deleted or replaced under this process."""
        self.store.check_file()

    @property
    def context(self) -> Any:
        return self.clinic.context

    def relative(self, path: Path) -> str:
        """The path as recorded: relative to the clinic (``inbox/...`` even when the inbox is a
        symlink to a share), without following the file itself, and always storable text."""
        paths = self.clinic.paths
        full = path.parent.resolve() / path.name
        rel = full
        for base, prefix in ((paths.inbox.resolve(), Path("inbox")), (paths.root, Path())):
            if full.is_relative_to(base):
                rel = prefix / full.relative_to(base)
                break
        return _storable(str(rel))

    def keep_unsaved(self, name: str, suffix: str, text: str) -> Path:
        """Keep text that could not be saved where it belongs (``.chartdesk/unsaved/``, private),
        under a name that never replaces an earlier one."""
        folder = self.clinic.paths.state / "unsaved"
        ensure_private_dir(folder)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        path = folder / f"{name}-{stamp}{suffix}"
        write_private(path, text.encode("utf-8"))
        return path


def refuse_lost_store(paths: ClinicPaths) -> None:
    """Never start a new, empty store beside records made with another: draft ids would
    restart ("draft 1" in the audit log would name two documents) and signed visits could be
    signed again. A clinic with signed documents or an audit log needs its state.db back."""
    if not is_empty_store(paths.db):
        return
    signed = _signed_records(paths.approved)
    logged = paths.audit_log.is_file() and paths.audit_log.stat().st_size > 0
    found = [f"approved/ holds {signed} signed record(s)"] if signed else []
    found += ["the audit log has entries"] if logged else []
    if not found:
        return
    state = "empty" if paths.db.exists() else "missing"
    raise ChartdeskError(
        f"{paths.db} is {state}, but {' and '.join(found)}: chartdesk will not start a new "
        "store beside them. Restore .chartdesk/state.db (and its -wal file) from your backup; "
        "to start a new clinic instead, move approved/ and .chartdesk/audit.log out first"
    )


def _signed_records(approved: Path) -> int:
    """How many signed records (their .json files) lie in approved/."""
    if not approved.is_dir():
        return 0
    return sum(1 for path in approved.rglob("*.json") if not path.name.endswith(".fhir.json"))


def _storable(text: str) -> str:
    """File names are bytes on Linux; undecodable bytes become backslash escapes so the name
    can be stored and shown (SQLite text must be valid UTF-8)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
