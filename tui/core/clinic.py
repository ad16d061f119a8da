"""The clinic folder on disk: its paths, `init`, private file modes, and the drafter lock.

The whole clinic folder is private to the OS user running chartdesk, whatever the umask: the
folder itself and every folder chartdesk makes in it are 0700, and the files it writes 0600.
Source notes in ``inbox/`` are never modified, moved or deleted, so a note copied in keeps its
own mode; the private folders above it are what keep everyone else out. A clinic made before
this rule (0755 folders) is tightened whenever it is opened; a folder that is a symlink (an
inbox on a scanner's share) is left to whoever manages its target.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.core.context import ClinicContext, load_context
from tui.core.errors import ChartdeskError, describe_os_error
from tui.core.records.store import Store
from tui.core.resources import example_context
from tui.core.security.audit_log import AuditLog
from tui.core.skills.registry import SkillRegistry, load_registry

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class ClinicPaths:
    """Named paths of one clinic folder."""

    root: Path

    @property
    def context(self) -> Path:
        return self.root / "context.toml"

    @property
    def skills(self) -> Path:
        return self.root / "skills"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def approved(self) -> Path:
        return self.root / "approved"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def state(self) -> Path:
        return self.root / ".chartdesk"

    @property
    def db(self) -> Path:
        return self.state / "state.db"

    @property
    def audit_log(self) -> Path:
        return self.state / "audit.log"

    @property
    def drafter_lock(self) -> Path:
        return self.state / "drafter.lock"

    @property
    def folders(self) -> tuple[Path, ...]:
        """The clinic folder and the folders chartdesk makes in it, outermost first."""
        return (self.root, self.skills, self.inbox, self.exports, self.approved, self.state)


def init_clinic(root: Path, *, exist_ok: bool = False) -> ClinicPaths:
    """Create a clinic folder with the example context; never overwrites an existing one."""
    paths = ClinicPaths(root.resolve())
    if paths.context.exists() and not exist_ok:
        raise ChartdeskError(f"{paths.root} is already a clinic folder (context.toml exists)")
    if root.exists() and not root.is_dir():
        raise ChartdeskError(f"{root} exists and is not a folder")
    try:
        for folder in paths.folders:
            ensure_private_dir(folder)
        if not paths.context.exists():
            write_private(paths.context, example_context().read_bytes())
        if not paths.db.exists():
            Store(paths.db).close()  # from day one: a store missing later was lost, not new
        if not paths.audit_log.exists():
            AuditLog(paths.audit_log).append("init")  # the log, its key and anchor, from day one
    except OSError as exc:
        raise ChartdeskError(
            f"cannot create the clinic folder {root}: {describe_os_error(exc)}"
        ) from exc
    return paths


def ensure_private_dir(path: Path) -> None:
    """Make `path` (and missing parents) a folder only its owner can enter, whatever the
    umask; a symlink's target is not chmod-ed (it belongs to whoever set the link up)."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if not path.is_symlink():
        os.chmod(path, PRIVATE_DIR)


def tighten(paths: ClinicPaths) -> None:
    """Take group and other access away from the clinic's folders and context.toml (a clinic
    made by an older chartdesk, or by hand). Best effort: a folder owned by someone else or
    on a read-only mount is left as it is, and opening the clinic goes on."""
    for path, private in [*((folder, PRIVATE_DIR) for folder in paths.folders),
                          (paths.context, PRIVATE_FILE)]:  # fmt: skip
        try:
            info = path.lstat()
            if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                os.chmod(path, stat.S_IMODE(info.st_mode) & private)
        except OSError:
            continue


def write_private(
    path: Path, data: bytes, *, read_only: bool = False, exclusive: bool = False
) -> None:
    """Write a file atomically (temp file, fsync, rename) with mode 0600 (0400 if read_only).

    With `exclusive`, the file is published with a hard link, which fails with FileExistsError
    if the path exists: two sessions signing at once can never replace each other's file.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if read_only:
            os.chmod(tmp, 0o400)
        if exclusive:
            os.link(tmp, path)
            tmp.unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@dataclass
class Clinic:
    """An opened clinic: its paths, validated context and Skill registry."""

    paths: ClinicPaths
    context: ClinicContext
    skills: SkillRegistry

    @classmethod
    def open(cls, root: Path) -> Clinic:
        """Open a clinic folder; a bad context.toml raises ConfigError (exit 2)."""
        paths = ClinicPaths(root.resolve())
        if not paths.root.is_dir():
            raise ChartdeskError(
                f"{root}: no such clinic folder (create one with `chartdesk init`)"
            )
        context = load_context(paths.context)
        tighten(paths)
        ensure_private_dir(paths.state)
        ensure_private_dir(paths.approved)
        clinic = cls(paths, context, load_registry(paths.skills))
        clinic._skills_seen = skill_files_state(paths.skills)
        return clinic

    _skills_seen: tuple[tuple[str, int, int], ...] = ()

    def reload_skills(self) -> SkillRegistry:
        self._skills_seen = skill_files_state(self.paths.skills)
        self.skills = load_registry(self.paths.skills)
        return self.skills

    def fresh_skills(self) -> SkillRegistry:
        """The registry, reloaded first if a clinic Skill file was saved since it was read
        (by this process's editor or another one): a draft started after a save uses it."""
        if skill_files_state(self.paths.skills) != self._skills_seen:
            self.reload_skills()
        return self.skills


def skill_files_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each clinic Skill file: cheap to compare per job."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return ()
    state = []
    for entry in entries:
        if entry.name.endswith(".toml"):
            with contextlib.suppress(OSError):
                info = entry.stat()
                state.append((entry.name, info.st_size, info.st_mtime_ns))
    return tuple(state)


def find_clinic(explicit: str | None) -> Path:
    """The clinic folder: --clinic, then $CHARTDESK_CLINIC, then the current folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("CHARTDESK_CLINIC")
    if env:
        return Path(env).expanduser()
    if Path("context.toml").is_file():
        return Path.cwd()
    raise ChartdeskError(
        "no clinic folder: pass --clinic DIR, set CHARTDESK_CLINIC, or run inside a clinic folder"
    )


class DrafterLock:
    """An OS file lock electing the one process that drafts for a clinic folder.

    flock is released by the kernel when the holder dies, so a crashed drafter never leaves a
    stale lock; another process takes over on its next attempt.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @contextlib.contextmanager
    def holding(self) -> Iterator[bool]:
        acquired = self.try_acquire()
        try:
            yield acquired
        finally:
            if acquired:
                self.release()
