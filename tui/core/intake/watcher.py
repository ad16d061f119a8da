"""Watching the inbox: which note files have arrived and finished being written.

A file is handed on only when nothing is writing it any more. A half-written note drafted now
would be drafted again when the rest lands (as a new version): two drafts for one note. So a
file is taken when one of these says its writes are over:

- a close-after-write event (inotify) with no other handle still open on it;
- a rename into place (``name.tmp`` -> ``name.txt``): renames are atomic, the content is whole;
- its size, mtime and inode unchanged for ``settle_seconds`` (files moved in from elsewhere
  show only a created event; network shares and the polling observer show no close at all),
  and no process on this machine holding it open for writing (``/proc``): a writer may pause
  longer than the window, or have opened the file before this watcher started.

Events come from a watchdog observer thread and are handed to the asyncio loop with
``loop.call_soon_threadsafe``; all bookkeeping then runs on the loop, so it needs no locks.
A plain ``FileSystemEventHandler`` is used on purpose: pattern handlers match a move on its
source path, so ``x.tmp`` -> ``x.txt`` would be dropped.

inotify drops events when its queue overflows and never sees writes made by other machines on
a network share, so the inbox is also rescanned at start-up, every ``rescan_seconds``, and at
once when watchdog reports an overflow.

The watcher never opens a file: it only ``lstat``s paths, so a symlink is reported (for the
intake to refuse) but never followed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

from tui.core.intake.notes import is_note_file

log = logging.getLogger(__name__)

OBSERVERS: Final = ("native", "polling")
# How long a handle may stay open on an unchanging file before the file is taken anyway: inotify
# cannot tell a reader's open from a writer's, and a lost close event must not hold a note back.
OPEN_GRACE_SECONDS: Final = 30.0
POLLING_INTERVAL_SECONDS: Final = 1.0
# How long a rename's source is remembered, to tell "renamed right after writing" from "gone".
MOVED_AWAY_MEMORY_SECONDS: Final = 120.0
# A file found open for writing is looked at again after this long (not every tick).
WRITER_RECHECK_SECONDS: Final = 1.0
# watchdog logs this (at WARNING) when the kernel's inotify queue overflowed and events were lost.
_OVERFLOW_LOGGER: Final = "watchdog.observers.inotify_c"
_OVERFLOW_TEXT: Final = "overflow"


def call_on_loop(loop: asyncio.AbstractEventLoop | None, callback: Callable[[], None]) -> None:
    """Run `callback` on `loop`'s thread: now when already there (or when there is no loop to
    hand it to), else through ``call_soon_threadsafe``. Safe from any thread; a loop that
    closes meanwhile drops the call."""
    if loop is None or loop.is_closed():
        callback()
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        callback()
    else:
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(callback)


# inode, size, mtime, ctime, mode: any write, touch, chmod or replacement changes one of them.
Signature = tuple[int, int, int, int, int]


def signature(path: Path) -> Signature | None:
    """The path's lstat signature, or None when it does not exist (or cannot be seen)."""
    try:
        return _signature(os.lstat(path))
    except OSError:
        return None


def _signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode)


@dataclass
class _Pending:
    """A file seen changing that has not been handed on yet."""

    sig: Signature | None
    since: float  # monotonic time the signature last changed
    complete: bool = False  # closed after writing, or renamed into place, and unchanged since
    recheck_at: float = 0.0  # a writer had it open: look again at this monotonic time
    dev: int = 0


class InboxWatcher:
    """Reports each note file under `inbox` once its writes have finished, and again after it
    changes (a new signature); `on_file` receives the path on the event loop's thread.

    A path that vanishes before it settled is reported too (the intake records why it could not
    be read); a path moved away inside the inbox is not, its new name is.
    """

    def __init__(
        self,
        inbox: Path,
        on_file: Callable[[Path], None],
        *,
        settle_seconds: float = 0.3,
        rescan_seconds: float = 60.0,
        observer: str = "native",
        open_grace_seconds: float = OPEN_GRACE_SECONDS,
        polling_interval: float = POLLING_INTERVAL_SECONDS,
    ) -> None:
        if observer not in OBSERVERS:
            raise ValueError(f"observer must be one of {OBSERVERS}, not {observer!r}")
        self.inbox = inbox.resolve()
        self.on_file = on_file
        self.settle_seconds = settle_seconds
        self.rescan_seconds = rescan_seconds
        self.observer_kind = observer
        self.open_grace_seconds = open_grace_seconds
        self.polling_interval = polling_interval
        self._pending: dict[Path, _Pending] = {}
        self._taken: dict[Path, Signature | None] = {}
        self._open: dict[Path, int] = {}
        self._moved_away: dict[Path, float] = {}  # recent renames' sources -> when
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = asyncio.Event()
        self._rescan_now = asyncio.Event()
        self._kick = asyncio.Event()
        self._observer: BaseObserver | None = None
        self.rescans = 0
        self.reported = 0

    # Public ------------------------------------------------------------------------------------

    @property
    def pending_count(self) -> int:
        """Files seen but not yet settled (for the status line's "waiting")."""
        return len(self._pending)

    async def run(self) -> None:
        """Watch until `stop()`: observer thread, start-up rescan, settling, periodic rescans."""
        self._loop = asyncio.get_running_loop()
        self.inbox.mkdir(mode=0o700, parents=True, exist_ok=True)
        overflow = _OverflowHook(self.request_rescan)
        logging.getLogger(_OVERFLOW_LOGGER).addHandler(overflow)
        self._observer = self._start_observer()
        try:
            await self._rescan()
            await self._main_loop()
        finally:
            logging.getLogger(_OVERFLOW_LOGGER).removeHandler(overflow)
            observer, self._observer = self._observer, None
            if observer is not None:
                observer.stop()
                await asyncio.to_thread(observer.join, 5)

    def stop(self) -> None:
        """Stop watching; safe to call from any thread."""
        call_on_loop(self._loop, self._stop.set)

    def request_rescan(self) -> None:
        """Walk the inbox again soon (after an overflow, or when asked); any thread."""
        call_on_loop(self._loop, self._rescan_now.set)

    def moved_away(self, path: Path) -> bool:
        """True if `path` was renamed away lately: its note lives on under another name (or
        outside the inbox), so its absence is not a vanished note."""
        return path in self._moved_away

    def forget(self, path: Path) -> None:
        """Offer `path` again at the next rescan (its intake failed for a reason of ours)."""

        def drop() -> None:
            self._taken.pop(path, None)

        call_on_loop(self._loop, drop)

    # Observer thread -> loop -----------------------------------------------------------------

    def _start_observer(self) -> BaseObserver:
        """The configured observer; polling if inotify cannot start (e.g. the per-user watch
        limit is used up), since a slower inbox beats a deaf one."""
        if self.observer_kind == "native":
            try:
                return self._started(_native_observer())
            except OSError as exc:
                log.warning("native file watching failed (%s); polling the inbox instead", exc)
                self.observer_kind = "polling"
        # lstat, not stat: the polling snapshot must not follow symlinks out of the inbox.
        return self._started(
            PollingObserverVFS(os.lstat, os.scandir, polling_interval=self.polling_interval)
        )

    def _started(self, observer: BaseObserver) -> BaseObserver:
        observer.schedule(_Handler(self), str(self.inbox), recursive=True)
        observer.daemon = True
        observer.start()
        return observer

    def _revive_observer(self) -> None:
        """An observer stops for good when the inbox folder is deleted or replaced; recreate
        the folder if needed and watch it again (called at each rescan)."""
        observer = self._observer
        if observer is not None and _watching(observer) and self.inbox.is_dir():
            return
        log.warning("the inbox watch stopped (folder removed or replaced); watching it again")
        if observer is not None:
            observer.stop()
        self.inbox.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._observer = self._start_observer()

    def _post(self, kind: str, src: str, dest: str, is_dir: bool) -> None:
        """Called on the observer thread: hand the event to the loop, nothing else."""
        loop = self._loop
        if loop is None:
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(self._on_event, kind, src, dest, is_dir)

    # Loop side -------------------------------------------------------------------------------

    def _on_event(self, kind: str, src: str, dest: str, is_dir: bool) -> None:
        if self._stop.is_set():
            return
        if is_dir:
            if kind in ("created", "moved"):
                # watchdog reports the content of a directory moved or copied in, but a rescan
                # of that folder costs little and covers files written before its watch existed.
                self.request_rescan()
            return
        source = Path(src)
        if kind == "opened":
            if self._wanted(source):
                self._open[source] = self._open.get(source, 0) + 1
            return
        if kind in ("closed", "closed_no_write"):
            count = self._open.pop(source, 0) - 1
            if count > 0:
                self._open[source] = count
            if kind == "closed":
                self._touch(source, complete=True)
            elif source in self._pending:
                self._check(source, time.monotonic())
            return
        if kind == "moved":
            # Either end may be unknown ("" in full-events mode): moved in from outside the
            # inbox, or away to a place no watch covers. A move away is not a vanished note.
            opened = self._open.pop(source, 0) if src else 0
            if src:
                self._pending.pop(source, None)
                self._taken.pop(source, None)
                self._moved_away[source] = time.monotonic()
            if dest:
                target = Path(dest)
                if opened:
                    self._open[target] = opened
                self._touch(target, complete=True)
            return
        if kind == "deleted":
            self._open.pop(source, None)
            if source in self._pending:
                self._touch(source)
            else:
                self._taken.pop(source, None)
            return
        self._touch(source)  # created, modified, attrib

    def _wanted(self, path: Path) -> bool:
        """A note file inside the inbox, not in a hidden folder (sync tools, trash, editors)."""
        try:
            relative = path.relative_to(self.inbox)
        except ValueError:
            return False
        if any(part.startswith(".") for part in relative.parts[:-1]):
            return False
        return is_note_file(path)

    def _touch(self, path: Path, *, complete: bool = False) -> None:
        """Something happened to `path`: (re)start its settling unless it is unchanged."""
        if not self._wanted(path):
            return
        sig = signature(path)
        if sig is not None:
            self._moved_away.pop(path, None)  # a new file under a name renamed away before
        entry = self._pending.get(path)
        now = time.monotonic()
        if entry is None:
            if path in self._taken and self._taken[path] == sig:
                return  # our own read, or a touch that changed nothing
            entry = _Pending(sig, now, complete, dev=_device(path))
            self._pending[path] = entry
            self._kick.set()
        elif entry.sig != sig:
            entry.sig, entry.since, entry.complete = sig, now, complete
        elif complete:
            entry.complete = True
        if complete:
            self._check(path, now)

    def _check(self, path: Path, now: float) -> bool:
        """Hand `path` on if its writes are over; True if it settled only by the steady rule
        (then the caller must first make sure no process still has it open for writing)."""
        entry = self._pending.get(path)
        if entry is None:
            return False
        sig = signature(path)
        if sig != entry.sig:
            entry.sig, entry.since, entry.complete = sig, now, False
            return False
        steady = now - entry.since
        is_link = sig is not None and stat.S_ISLNK(sig[4])
        if sig is not None and stat.S_ISDIR(sig[4]):
            del self._pending[path]
            return False
        if self._open.get(path, 0) > 0 and not is_link:
            if steady >= self.open_grace_seconds:
                self._take(path, sig)
            return False
        if sig is not None and (entry.complete or is_link):
            self._take(path, sig)
            return False
        if steady < self.settle_seconds or now < entry.recheck_at:
            return False  # a vanished file waits too: a safe-save may put it back at once
        if sig is None:
            self._take(path, sig)
            return False
        return True

    def _take(self, path: Path, sig: Signature | None) -> None:
        del self._pending[path]
        self._taken[path] = sig
        self.reported += 1
        try:
            self.on_file(path)
        except Exception:  # a consumer's bug must not stop the watcher
            log.exception("intake callback failed for %s", path.name)

    async def _settle_steady(self, paths: list[Path]) -> None:
        """Take files whose size and mtime held still, unless a process here still has one
        open for writing (a writer pausing longer than the settle window, or one that began
        before this watcher started and so was never seen opening it)."""
        keys = {}
        for path in paths:
            entry = self._pending.get(path)
            if entry is not None and entry.sig is not None:
                keys[path] = (entry.dev, entry.sig[0])
        writing = await asyncio.to_thread(open_for_writing, set(keys.values()))
        now = time.monotonic()
        for path, key in keys.items():
            entry = self._pending.get(path)
            if entry is None:
                continue
            if key in writing:
                entry.recheck_at = now + WRITER_RECHECK_SECONDS
            elif signature(path) == entry.sig:
                self._take(path, entry.sig)

    async def _main_loop(self) -> None:
        next_rescan = time.monotonic() + self.rescan_seconds
        tick = min(0.1, max(0.02, self.settle_seconds / 3))
        while not self._stop.is_set():
            now = time.monotonic()
            if self._rescan_now.is_set() or now >= next_rescan:
                self._rescan_now.clear()
                await self._rescan()
                next_rescan = time.monotonic() + self.rescan_seconds
                continue
            steady = [path for path in list(self._pending) if self._check(path, now)]
            if steady:
                await self._settle_steady(steady)
            if self._pending:
                await self._sleep(tick)
            else:
                self._kick.clear()
                await self._sleep(max(0.0, next_rescan - now), self._kick)

    async def _sleep(self, seconds: float, wake: asyncio.Event | None = None) -> None:
        """Sleep, waking early for stop, a rescan request or `wake`."""
        events = [self._stop, self._rescan_now] + ([wake] if wake else [])
        waiters = [asyncio.ensure_future(event.wait()) for event in events]
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _rescan(self) -> None:
        """Walk the inbox (in a thread) and settle every file that changed since it was taken."""
        self.rescans += 1
        try:
            self._revive_observer()
        except OSError:
            log.exception("cannot watch the inbox; relying on rescans")
        found = await asyncio.to_thread(lambda: dict(_walk(self.inbox)))
        now = time.monotonic()
        for path, sig in found.items():
            if path in self._pending or self._taken.get(path) == sig:
                continue
            if not self._wanted(path):
                continue
            self._pending[path] = _Pending(sig, now, dev=_device(path))
        for path in [p for p in self._taken if p not in found]:
            del self._taken[path]
        horizon = now - MOVED_AWAY_MEMORY_SECONDS
        for path in [p for p, when in self._moved_away.items() if when < horizon]:
            del self._moved_away[path]


class _Handler(FileSystemEventHandler):
    """Forwards every raw event (moves included) to the watcher's loop."""

    def __init__(self, watcher: InboxWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        dest = os.fsdecode(event.dest_path) if event.dest_path else ""
        self.watcher._post(event.event_type, os.fsdecode(event.src_path), dest, event.is_directory)


class _OverflowHook(logging.Handler):
    """Turns watchdog's "inotify queue overflowed" warning into an immediate rescan."""

    def __init__(self, rescan: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self.rescan = rescan

    def emit(self, record: logging.LogRecord) -> None:
        if _OVERFLOW_TEXT in record.getMessage().lower():
            self.rescan()


def _device(path: Path) -> int:
    try:
        return os.lstat(path).st_dev
    except OSError:
        return 0


def open_for_writing(files: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of `files` (device, inode) some process has open for writing, from /proc.

    Only processes this user may inspect are seen (on Linux; elsewhere nothing is), which
    covers a clinician's own editor or copy; writers on other machines show no open at all.
    """
    found: set[tuple[int, int]] = set()
    if not files:
        return found
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return found
    for pid in pids:
        folder = f"/proc/{pid}/fd"
        try:
            descriptors = os.listdir(folder)
        except OSError:
            continue
        for fd in descriptors:
            try:
                info = os.stat(f"{folder}/{fd}")
            except OSError:
                continue
            key = (info.st_dev, info.st_ino)
            if key in files and key not in found and _writable(pid, fd):
                found.add(key)
    return found


def _writable(pid: str, fd: str) -> bool:
    try:
        with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("flags:"):
                    return (int(line.split()[1], 8) & os.O_ACCMODE) in (os.O_WRONLY, os.O_RDWR)
    except (OSError, ValueError, IndexError):
        return False
    return False


def _watching(observer: BaseObserver) -> bool:
    """The observer thread and every emitter thread (one per watched folder) still run."""
    return observer.is_alive() and all(emitter.is_alive() for emitter in observer.emitters)


def _native_observer() -> BaseObserver:
    """inotify with full move events where available: an unpaired rename is reported as a move
    with one end unknown rather than as a delete (which would look like a vanished note)."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux: the platform's own observer
        return Observer()
    return InotifyObserver(generate_full_events=True)


def _walk(root: Path) -> Iterator[tuple[Path, Signature]]:
    """Every non-directory entry below `root`, by lstat; symlinked folders are not entered."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            path = Path(entry.path)
            if stat.S_ISDIR(info.st_mode):
                if not entry.name.startswith("."):
                    stack.append(path)
                continue
            yield (
                path,
                (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode),
            )
