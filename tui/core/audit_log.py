"""The append-only, hash-chained audit log: who did what to which draft, never note text.

Each line is a JSON object carrying the sha256 of the previous line, so any change, deletion or
reordering breaks the chain and `verify` reports the first line where it breaks.
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.core.store import now

GENESIS = "0" * 64
_ALLOWED_DETAIL = frozenset(
    {
        "draft",
        "note_sha256",
        "sha256",
        "version",
        "skill",
        "clinician",
        "reason_sha256",
        "files",
        "backend",
        "count",
        "method",
        "target",
        "json_sha256",
        "fhir_sha256",
        "auth",
        "cosign_by",
        "override",
        "fields",
        "signing",
        "recovered",
    }
)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    problem: str = ""
    line: int = 0


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


class AuditLog:
    """Appends entries under an exclusive file lock so several sessions keep one chain."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, action: str, clinician: str = "", **detail: object) -> None:
        unknown = set(detail) - _ALLOWED_DETAIL
        if unknown:
            raise ValueError(f"audit detail keys not allowed (no free text): {sorted(unknown)}")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            previous = _last_hash(fd)
            entry: dict[str, object] = {
                "at": now(),
                "user": os_user(),
                "clinician": clinician,
                "action": action,
            }
            entry |= {key: detail[key] for key in sorted(detail)}
            entry["prev"] = previous
            line = json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n"
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def verify(self) -> ChainReport:
        """Walk the chain; the first broken link names its line."""
        if not self.path.exists():
            return ChainReport(True, 0)
        previous = GENESIS
        count = 0
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    entry: object = json.loads(raw.decode("utf-8"))
                except (ValueError, RecursionError):  # bad JSON, not UTF-8, absurd nesting
                    return ChainReport(False, count, "line is not valid JSON", number)
                if not isinstance(entry, Mapping):
                    return ChainReport(False, count, "line is not a JSON object", number)
                if entry.get("prev") != previous:
                    return ChainReport(
                        False, count, "chain broken: entry changed, removed or reordered", number
                    )
                previous = hashlib.sha256(raw.rstrip(b"\n")).hexdigest()
                count += 1
        return ChainReport(True, count)


def _last_hash(fd: int) -> str:
    size = os.lseek(fd, 0, os.SEEK_END)
    if size == 0:
        return GENESIS
    chunk = 4096
    data = b""
    position = size
    while position > 0:
        step = min(chunk, position)
        position -= step
        data = os.pread(fd, step, position) + data
        lines = data.rstrip(b"\n").split(b"\n")
        if len(lines) > 1 or position == 0:
            return hashlib.sha256(lines[-1]).hexdigest()
    return GENESIS
