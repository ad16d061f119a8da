"""The append-only audit log: who did what to which draft, by ids and hashes, never note text.

It is tamper-evident in three ways, so that neither a changed entry nor a missing one passes:

- **A keyed chain.** Each entry carries its line number ``n``, the MAC of the entry before it
  (``prev``) and its own ``mac``: an HMAC-SHA256 of the entry under a key kept outside the
  clinic folder (`key_dir`, mode 0600). Rewriting an entry, even with every later link
  recomputed, needs that key; a removed or inserted line breaks ``n`` and ``prev``.
- **Anchors.** After each append the entry count and the newest MAC are written beside the key
  (one anchor per log and clinic folder). A log cut short, emptied, deleted or replaced by
  another chain no longer reaches its anchor, and `verify` names the entries that are missing.
- **The store.** `verify` takes the signatures the store holds: every one must have its
  ``approve`` entry, and every ``approve`` entry its signature.

Every append writes whole lines under an exclusive lock: all bytes or none (a short write is
cut back), then fsync. A line left incomplete by a crash is reported by `verify` as a warning
and, at the next append, moved to ``.chartdesk/audit.torn`` and recorded by its hash, so it
never glues onto the next entry nor breaks the log for good. A log written before keying
(entries without ``mac``, linked by sha256) is still verified as such, and the first keyed
entry continues its chain.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import getpass
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tui.core.errors import ChartdeskError
from tui.core.records.store import now
from tui.core.security.bounded_read import FileRefused, read_bounded

GENESIS: Final = "0" * 64
KEY_DIR_ENV: Final = "CHARTDESK_AUDIT_KEYS"
TORN_FILE: Final = "audit.torn"
START: Final = "log_start"
TORN: Final = "torn_tail"
_CHUNK: Final = 4096
_STRUCTURE: Final = frozenset(
    {"at", "user", "clinician", "action", "log", "n", "prev", "mac", "previous_log"}
)
_ALLOWED_DETAIL: Final = frozenset(
    {
        "draft",
        "note_sha256",
        "sha256",
        "version",
        "skill",
        "clinician",
        "reason_sha256",
        "files",  # Skill files and reports only: never a signed document (its name is a patient)
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
        "pdf_sha256",
        "delivery",  # the outbox: delivery id, destination id (from context.toml) and state
        "destination",
        "state",
    }
)


class AuditKeyError(ChartdeskError):
    """The audit key cannot be kept where it must be (outside the clinic folder)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the log; `line` 0 is the file as a whole."""

    line: int
    text: str


@dataclass(frozen=True)
class ChainReport:
    """What `verify` found: `ok` when no problem; warnings never make it broken."""

    ok: bool
    entries: int
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    keyed: int = 0
    approvals: int | None = None

    @property
    def problem(self) -> str:
        return self.problems[0].text if self.problems else ""

    @property
    def line(self) -> int:
        return self.problems[0].line if self.problems else 0


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def key_dir() -> Path:
    """Where audit keys and anchors live: ``$CHARTDESK_AUDIT_KEYS``, else the user's config
    folder (``$XDG_CONFIG_HOME/chartdesk/audit-keys``, ``~/.config/...``)."""
    configured = os.environ.get(KEY_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if not base:
        try:
            base = str(Path.home() / ".config")
        except RuntimeError as exc:
            raise AuditKeyError(
                f"no home folder to keep the audit key in; set {KEY_DIR_ENV} to a private folder"
            ) from exc
    return Path(base) / "chartdesk" / "audit-keys"


@dataclass
class _Tail:
    """The end of the log file: where its last complete line ends, that line, and any bytes
    after it (an incomplete line)."""

    end: int
    last: bytes | None
    fragment: bytes


@dataclass
class _Walk:
    """What verifying the lines found, for the anchor and store checks that follow."""

    problems: list[Problem] = field(default_factory=list)
    entries: int = 0
    keyed: int = 0
    macs: dict[int, str] = field(default_factory=dict)
    last_of_log: dict[str, int] = field(default_factory=dict)
    approved: dict[int, tuple[int, str]] = field(default_factory=dict)


class AuditLog:
    """Appends entries under an exclusive file lock so several sessions keep one chain."""

    def __init__(self, path: Path, keys: Path | None = None) -> None:
        self.path = path
        self._keys_dir = keys
        self._keys: dict[str, bytes] = {}

    @property
    def keys(self) -> Path:
        """The key folder; refused inside the clinic folder, where whoever could rewrite the
        log could also recompute its MACs."""
        folder = self._keys_dir or key_dir()
        clinic = self.path.resolve().parent.parent
        if folder.resolve().is_relative_to(clinic):
            raise AuditKeyError(
                f"the audit key folder {folder} is inside the clinic folder; keep it outside "
                f"({KEY_DIR_ENV})"
            )
        return folder

    # Appending -----------------------------------------------------------------------------

    def append(self, action: str, clinician: str = "", **detail: object) -> None:
        unknown = set(detail) - _ALLOWED_DETAIL
        if unknown:
            raise ValueError(f"audit detail keys not allowed (no free text): {sorted(unknown)}")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            tail = _read_tail(fd)
            pending: list[tuple[str, str, dict[str, object]]] = []
            if tail.fragment:
                self._keep_torn(tail.fragment)
                os.ftruncate(fd, tail.end)
                os.fsync(fd)
                torn = {"count": len(tail.fragment), "sha256": _sha256(tail.fragment)}
                pending.append((TORN, "", torn))
            pending.append((action, clinician, dict(detail)))
            log, key, n, prev, start = self._position(fd, tail)
            if start is not None:
                pending.insert(0, (START, "", {}))
            lines: list[str] = []
            for entry_action, who, extra in pending:
                entry: dict[str, object] = {"at": now(), "user": os_user()}
                entry |= {"clinician": who, "action": entry_action}
                entry |= {name: extra[name] for name in sorted(extra)}
                if entry_action == START and start:
                    entry["previous_log"] = start
                entry |= {"log": log, "n": n, "prev": prev}
                prev = entry["mac"] = _mac(key, entry)
                lines.append(_canonical(entry) + "\n")
                n += 1
            _write_whole(fd, "".join(lines).encode("ascii"), tail.end)
            self._write_anchor(log, n - 1, prev)
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _position(self, fd: int, tail: _Tail) -> tuple[str, bytes, int, str, str | None]:
        """Where the next entry goes: its log id and key, number and ``prev``, and whether a
        new keyed segment starts first (None: no; "": a new log; an id: the log whose key is
        gone, which the new segment follows)."""
        last = _parse(tail.last) if tail.last is not None else None
        if isinstance(last, Mapping) and isinstance(last.get("mac"), str):
            log, number = str(last.get("log", "")), last.get("n")
            key = self._key(log)
            if key is not None and isinstance(number, int):
                return log, key, number + 1, str(last["mac"]), None
            new_log, new_key = self._new_key()
            count = number if isinstance(number, int) else _count_lines(fd, tail.end)
            return new_log, new_key, count + 1, str(last["mac"]), log
        new_log, new_key = self._new_key()
        if tail.last is None:
            return new_log, new_key, 1, GENESIS, ""
        return new_log, new_key, _count_lines(fd, tail.end) + 1, _sha256(tail.last), ""

    def _keep_torn(self, fragment: bytes) -> None:
        """Save an incomplete last line before it is cut off, so nothing is thrown away."""
        path = self.path.with_name(TORN_FILE)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            _write_whole(fd, fragment + b"\n", os.fstat(fd).st_size)
        finally:
            os.close(fd)

    # Keys and anchors ------------------------------------------------------------------------

    def _key(self, log: str) -> bytes | None:
        if log not in self._keys:
            try:
                text = read_bounded(self.keys / f"{_safe_id(log)}.key", 256).decode("ascii")
                self._keys[log] = bytes.fromhex(text.strip())
            except (OSError, FileRefused, ValueError):
                return None
        return self._keys[log]

    def _new_key(self) -> tuple[str, bytes]:
        folder = self.keys
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
            log, key = secrets.token_hex(8), secrets.token_bytes(32)
            _write_new(folder / f"{log}.key", key.hex().encode("ascii"))
        except OSError as exc:
            raise AuditKeyError(
                f"cannot keep the audit key in {folder} ({exc.strerror or exc}); set "
                f"{KEY_DIR_ENV} to a private folder outside the clinic"
            ) from exc
        self._keys[log] = key
        return log, key

    def _anchor_path(self, log: str) -> Path:
        return self.keys / f"{_safe_id(log)}-{self._path_id()}.anchor"

    def _path_id(self) -> str:
        return _sha256(str(self.path.resolve()).encode("utf-8"))[:16]

    def _write_anchor(self, log: str, n: int, mac: str) -> None:
        """Record the head beside the key. A failure here is not the action's failure (the
        entry is written): `verify` reports an anchor that lags behind the log."""
        anchor = {"log": log, "n": n, "mac": mac, "at": now(), "path": str(self.path.resolve())}
        path = self._anchor_path(log)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                _write_whole(fd, json.dumps(anchor).encode("utf-8"), 0)
            finally:
                os.close(fd)
            os.replace(tmp, path)

    def _anchors(self) -> Iterator[dict[str, Any]]:
        """The anchors recorded for this clinic folder's log (any log id)."""
        try:
            found = sorted(self.keys.glob(f"*-{self._path_id()}.anchor"))
        except OSError:
            return
        for path in found:
            with contextlib.suppress(OSError, FileRefused, ValueError):
                anchor = json.loads(read_bounded(path, 4096))
                if isinstance(anchor, dict) and anchor.get("path") == str(self.path.resolve()):
                    yield anchor

    # Verifying -------------------------------------------------------------------------------

    def has_entry(self, action: str, **fields: object) -> bool:
        """True when the log holds an entry of `action` with these fields: signing recovery
        asks whether a signature's entry was written before the crash, so none is written
        twice."""
        try:
            lines = self.path.read_bytes().splitlines()
        except FileNotFoundError:
            return False
        for raw in reversed(lines):
            entry = _parse(raw)
            if (
                isinstance(entry, Mapping)
                and entry.get("action") == action
                and all(entry.get(key) == value for key, value in fields.items())
            ):
                return True
        return False

    def verify(self, approvals: Mapping[int, str] | None = None) -> ChainReport:
        """Walk the chain, compare it with its anchors and, given `approvals` (the store's
        signatures: draft id -> document sha256), with the store; name every problem."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            data = b""
        lines = data.split(b"\n")
        fragment = lines.pop()
        walk = self._walk(lines)
        warnings: list[str] = []
        if not data and not self.path.exists():
            warnings.append("there is no audit log file")
        if walk.entries and walk.keyed < walk.entries:
            warnings.append(
                f"{walk.entries - walk.keyed} entries are from before keyed logging: linked by "
                "sha256 only, which anyone can recompute"
            )
        anchored = self._check_anchors(walk, len(lines), warnings)
        if fragment and not anchored.get(len(lines) + 1):
            warnings.append(
                f"line {len(lines) + 1} is incomplete ({len(fragment)} bytes, no line end): a "
                f"write that never finished; the next entry moves it to {TORN_FILE}"
            )
        if approvals is not None:
            _check_store(walk, approvals)
        return ChainReport(
            ok=not walk.problems,
            entries=walk.entries,
            problems=tuple(walk.problems),
            warnings=tuple(warnings),
            keyed=walk.keyed,
            approvals=None if approvals is None else len(approvals),
        )

    def _walk(self, lines: list[bytes]) -> _Walk:
        walk = _Walk()
        link, log, key, keyed = GENESIS, "", None, False
        for number, raw in enumerate(lines, start=1):
            entry = _parse(raw)
            if isinstance(entry, str):
                walk.problems.append(Problem(number, entry))
                link = _sha256(raw)
                continue
            walk.entries += 1
            mac = entry.get("mac")
            if isinstance(mac, str):
                keyed = True
                walk.keyed += 1
                if entry.get("action") == START or not log:  # a segment starts (or its
                    log = str(entry.get("log", ""))  # first line is gone: go on from here)
                    key = self._key(log)
                    if key is None:
                        walk.problems.append(Problem(number, self._missing_key(log)))
                problem = _keyed_problem(entry, number, link, log, key)
                walk.macs[number] = mac
                walk.last_of_log[log] = number
                link = mac
            else:
                problem = "" if entry.get("prev") == link else _BROKEN
                if keyed:
                    problem = "entry without a MAC among keyed entries: inserted"
                link = _sha256(raw)
            if problem:
                walk.problems.append(Problem(number, problem))
            if entry.get("action") == "approve" and isinstance(entry.get("draft"), int):
                draft = int(entry["draft"])
                if draft in walk.approved:
                    walk.problems.append(
                        Problem(number, f"a second approve entry for draft {draft}")
                    )
                else:
                    walk.approved[draft] = (number, str(entry.get("sha256", "")))
        return walk

    def _missing_key(self, log: str) -> str:
        return (
            f"the key of log {log} is not in {self.keys}: its entries cannot be checked "
            f"(restore the key file {log}.key there)"
        )

    def _check_anchors(self, walk: _Walk, complete: int, warnings: list[str]) -> dict[int, bool]:
        """Each anchor of this clinic's log must still be reached by the file; returns the
        line numbers anchors vouch for (a torn line there was complete once)."""
        vouched: dict[int, bool] = {}
        last_log = next(reversed(walk.last_of_log), None) if walk.last_of_log else None
        for anchor in self._anchors():
            log, n, at = str(anchor.get("log")), anchor.get("n"), anchor.get("at", "?")
            if not isinstance(n, int):
                continue
            vouched[n] = True
            if log not in walk.last_of_log:
                gone = (
                    f"the audit log {log} of this clinic ({n} entries, the last written {at}) is "
                    "not in this file: it was deleted, emptied or replaced"
                )
                walk.problems.append(Problem(0, gone))
            elif n > complete:
                cut = (
                    f"the log ends at entry {complete} but held {n} entries at {at}: entries "
                    f"{complete + 1}–{n} are missing (cut off)"
                )
                walk.problems.append(Problem(complete + 1, cut))
            elif walk.macs.get(n) != anchor.get("mac"):
                walk.problems.append(
                    Problem(n, f"entry {n} is not the one written at {at}: rewritten")
                )
            elif log == last_log and n < walk.last_of_log[log]:
                warnings.append(
                    f"the anchor records {n} entries, the log has {walk.last_of_log[log]}: the "
                    "last appends could not update it"
                )
        return vouched


_BROKEN: Final = "chain broken: entry changed, removed or reordered"


def _keyed_problem(
    entry: Mapping[str, Any], number: int, link: str, log: str, key: bytes | None
) -> str:
    """The first thing wrong with one keyed entry ("" when nothing is)."""
    n = entry.get("n")
    if entry.get("log") != log:
        return "an entry of another log: inserted"
    if n != number:
        if isinstance(n, int) and n > number:
            return f"this is entry {n}: entries {number}–{n - 1} before it are missing"
        return f"this is entry {n} again at line {number}: inserted or repeated"
    if entry.get("prev") != link:
        return _BROKEN
    if key is not None and not hmac.compare_digest(str(entry.get("mac")), _mac(key, entry)):
        return "entry changed: its MAC does not match (rewritten)"
    return ""


def _check_store(walk: _Walk, approvals: Mapping[int, str]) -> None:
    for draft, sha256 in sorted(approvals.items()):
        seen = walk.approved.get(draft)
        if seen is None:
            unlogged = f"draft {draft} is signed in the store but the log has no approve entry"
            walk.problems.append(Problem(0, unlogged))
        elif seen[1] != sha256:
            other = f"the approve entry of draft {draft} names another document than the store's"
            walk.problems.append(Problem(seen[0], other))
    for draft, (line, _sha) in sorted(walk.approved.items()):
        if draft not in approvals:
            walk.problems.append(
                Problem(line, f"approve entry for draft {draft}, which the store has not signed")
            )


def _parse(raw: bytes) -> Mapping[str, Any] | str:
    """The entry on one line, or why it is not one."""
    try:
        entry: object = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # bad JSON, not UTF-8, absurd nesting
        return "line is not valid JSON"
    if not isinstance(entry, Mapping):
        return "line is not a JSON object"
    return entry


def _canonical(entry: Mapping[str, object]) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _mac(key: bytes, entry: Mapping[str, object]) -> str:
    body = {name: value for name, value in entry.items() if name != "mac"}
    return hmac.new(key, _canonical(body).encode("ascii"), hashlib.sha256).hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe_id(log: str) -> str:
    """A log id as a file name: hex only (an id read from a tampered log names no path)."""
    return "".join(ch for ch in log if ch in "0123456789abcdef")[:32] or "none"


def _read_tail(fd: int) -> _Tail:
    size = os.fstat(fd).st_size
    data = b""
    position = size
    while position > 0:
        step = min(_CHUNK, position)
        position -= step
        data = os.pread(fd, step, position) + data
        end = data.rfind(b"\n")
        if end == -1:
            continue
        start = data.rfind(b"\n", 0, end)
        if start != -1 or position == 0:
            return _Tail(position + end + 1, data[start + 1 : end], data[end + 1 :])
    return _Tail(0, None, data)


def _count_lines(fd: int, end: int) -> int:
    count, position = 0, 0
    while position < end:
        chunk = os.pread(fd, min(1 << 20, end - position), position)
        if not chunk:
            break
        count += chunk.count(b"\n")
        position += len(chunk)
    return count


def _write_whole(fd: int, data: bytes, start: int) -> None:
    """Write every byte of `data` and fsync, or cut the file back to `start` and raise: a
    short write (a full disk) never leaves part of a line behind."""
    written = 0
    try:
        while written < len(data):
            count = os.write(fd, data[written:])
            if count <= 0:
                raise OSError(errno.EIO, "nothing written")
            written += count
        os.fsync(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, start)
            os.fsync(fd)
        raise


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (0600) with `data`, durably; never replaces a file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write_whole(fd, data, 0)
    finally:
        os.close(fd)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
