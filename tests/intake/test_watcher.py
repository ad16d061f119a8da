"""InboxWatcher on real folders with real watchdog observers: every way a file arrives is
reported exactly once, only after its writes finished; nothing else is reported."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.intake.conftest import note_bytes, wait_until
from tui.core.intake.watcher import InboxWatcher

SETTLE = 0.2


class Seen:
    """What the watcher reported: path -> (times reported, file size when reported)."""

    def __init__(self) -> None:
        self.calls: list[tuple[Path, int]] = []

    def __call__(self, path: Path) -> None:
        self.calls.append(
            (path, path.lstat().st_size if path.exists() or path.is_symlink() else -1)
        )

    def names(self) -> list[str]:
        return sorted(path.name for path, _ in self.calls)

    def size_of(self, name: str) -> int:
        sizes = [size for path, size in self.calls if path.name == name]
        assert len(sizes) == 1, f"{name} reported {len(sizes)} times"
        return sizes[0]


@contextlib.asynccontextmanager
async def watching(inbox: Path, observer: str = "native", **options: float) -> AsyncIterator[Seen]:
    seen = Seen()
    watcher = InboxWatcher(inbox, seen, settle_seconds=SETTLE, observer=observer,
                           polling_interval=0.2, **options)  # fmt: skip
    task = asyncio.create_task(watcher.run())
    await wait_until(lambda: watcher.rescans > 0)
    await asyncio.sleep(0.1)
    try:
        yield seen
    finally:
        watcher.stop()
        await asyncio.wait_for(task, 10)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("observer", ["native", "polling"])
async def test_written_in_place(inbox: Path, observer: str) -> None:
    async with watching(inbox, observer) as seen:
        (inbox / "a.txt").write_bytes(note_bytes(1))
        await wait_until(lambda: seen.names() == ["a.txt"])
        await asyncio.sleep(SETTLE * 3)
    assert seen.names() == ["a.txt"]


async def test_slow_writer_is_taken_only_after_close(inbox: Path) -> None:
    """Pauses longer than the settle window while the file is open do not make it 'done'."""
    data = note_bytes(2)
    async with watching(inbox) as seen:
        with open(inbox / "slow.txt", "wb") as handle:
            for start in range(0, len(data), 40):
                handle.write(data[start : start + 40])
                handle.flush()
                await asyncio.sleep(SETTLE * 1.5)
            assert seen.calls == []
        await wait_until(lambda: len(seen.calls) == 1)
        await asyncio.sleep(SETTLE * 2)
    assert seen.size_of("slow.txt") == len(data)


@pytest.mark.parametrize("observer", ["native", "polling"])
async def test_writer_that_began_before_the_watcher_is_waited_for(
    inbox: Path, observer: str
) -> None:
    """No open event was ever seen (the drafter restarted mid-write, or polling sees none):
    the file is still held back while a process has it open for writing."""
    data = note_bytes(4)
    handle = open(inbox / "long.txt", "wb")  # noqa: SIM115 - held open across the watcher start
    try:
        handle.write(data[:40])
        handle.flush()
        async with watching(inbox, observer) as seen:
            for start in range(40, len(data), 80):
                await asyncio.sleep(SETTLE * 2.5)
                assert seen.calls == []
                handle.write(data[start : start + 80])
                handle.flush()
            await asyncio.sleep(SETTLE * 2.5)
            assert seen.calls == []
            handle.close()
            await wait_until(lambda: len(seen.calls) == 1)
    finally:
        handle.close()
    assert seen.size_of("long.txt") == len(data)


async def test_tmp_then_rename_is_reported_under_its_final_name(inbox: Path) -> None:
    async with watching(inbox) as seen:
        for index in range(20):
            tmp = inbox / f"n{index}.txt.tmp"
            tmp.write_bytes(note_bytes(index))
            os.rename(tmp, inbox / f"n{index}.txt")
        await wait_until(lambda: len(seen.calls) == 20)
        await asyncio.sleep(SETTLE * 2)
    assert seen.names() == sorted(f"n{i}.txt" for i in range(20))


async def test_rename_of_a_hidden_temp_file(inbox: Path) -> None:
    """rsync and editors write `.name.XXXX` and rename it over the note."""
    async with watching(inbox) as seen:
        (inbox / ".note.txt.a8F3").write_bytes(note_bytes(3))
        os.rename(inbox / ".note.txt.a8F3", inbox / "note.txt")
        await wait_until(lambda: seen.names() == ["note.txt"])


@pytest.mark.parametrize("observer", ["native", "polling"])
async def test_moved_in_from_outside(inbox: Path, tmp_path: Path, observer: str) -> None:
    """A move from outside the inbox shows only a created event: taken once steady."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for index in range(5):
        (outside / f"m{index}.txt").write_bytes(note_bytes(index))
    async with watching(inbox, observer) as seen:
        for index in range(5):
            os.rename(outside / f"m{index}.txt", inbox / f"m{index}.txt")
        await wait_until(lambda: len(seen.calls) == 5)
        await asyncio.sleep(SETTLE * 2)
    assert seen.names() == sorted(f"m{i}.txt" for i in range(5))


async def test_folder_moved_in_with_notes(inbox: Path, tmp_path: Path) -> None:
    batch = tmp_path / "soap_note"
    batch.mkdir()
    for index in range(10):
        (batch / f"f{index}.txt").write_bytes(note_bytes(index))
    async with watching(inbox) as seen:
        os.rename(batch, inbox / "soap_note")
        await wait_until(lambda: len(seen.calls) == 10)
        await asyncio.sleep(SETTLE * 2)
    assert {path.parent.name for path, _ in seen.calls} == {"soap_note"}
    assert len(seen.calls) == 10


@pytest.mark.parametrize("observer", ["native", "polling"])
async def test_batch_of_hundreds_copied_in(inbox: Path, tmp_path: Path, observer: str) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    for index in range(300):
        (staging / f"b{index:03d}.txt").write_bytes(note_bytes(index))
    async with watching(inbox, observer) as seen:
        for index in range(300):
            shutil.copyfile(staging / f"b{index:03d}.txt", inbox / f"b{index:03d}.txt")
        await wait_until(lambda: len(seen.calls) >= 300)
        await asyncio.sleep(SETTLE * 2)
    assert seen.names() == sorted(f"b{i:03d}.txt" for i in range(300))
    assert all(size > 0 for _, size in seen.calls)


async def test_files_present_at_start_are_found_by_the_startup_rescan(inbox: Path) -> None:
    (inbox / "sub").mkdir()
    (inbox / "early.txt").write_bytes(note_bytes(1))
    (inbox / "sub" / "deep.md").write_bytes(note_bytes(2))
    async with watching(inbox) as seen:
        await wait_until(lambda: len(seen.calls) == 2)
    assert seen.names() == ["deep.md", "early.txt"]


async def test_periodic_rescan_catches_changes_inotify_never_reports(
    inbox: Path, tmp_path: Path
) -> None:
    """A write through a hard link in another folder raises no event on the inbox's watch (the
    same blindness as an overflowed queue or a write from another machine)."""
    (inbox / "linked.txt").write_bytes(note_bytes(1))
    os.link(inbox / "linked.txt", tmp_path / "alias.txt")
    async with watching(inbox, rescan_seconds=1.0) as seen:
        await wait_until(lambda: len(seen.calls) == 1)
        with open(tmp_path / "alias.txt", "ab") as handle:
            handle.write(b"Added later: pain 2/10 at discharge.\n")
        await wait_until(lambda: len(seen.calls) == 2)
    assert seen.names() == ["linked.txt", "linked.txt"]


async def test_inotify_overflow_triggers_an_immediate_rescan(inbox: Path, tmp_path: Path) -> None:
    (inbox / "linked.txt").write_bytes(note_bytes(1))
    os.link(inbox / "linked.txt", tmp_path / "alias.txt")
    async with watching(inbox, rescan_seconds=3600) as seen:
        await wait_until(lambda: len(seen.calls) == 1)
        with open(tmp_path / "alias.txt", "ab") as handle:
            handle.write(b"Added later.\n")
        await asyncio.sleep(SETTLE * 2)
        assert len(seen.calls) == 1
        # What watchdog's inotify reader logs when the kernel queue overflowed.
        logging.getLogger("watchdog.observers.inotify_c").warning(
            "Inotify queue overflowed; filesystem events were lost"
        )
        await wait_until(lambda: len(seen.calls) == 2)


async def test_unchanged_file_touched_or_read_is_not_reported_again(inbox: Path) -> None:
    async with watching(inbox) as seen:
        (inbox / "a.txt").write_bytes(note_bytes(1))
        await wait_until(lambda: len(seen.calls) == 1)
        (inbox / "a.txt").read_bytes()
        await asyncio.sleep(SETTLE * 3)
        assert len(seen.calls) == 1
        with open(inbox / "a.txt", "ab") as handle:
            handle.write(b"Addendum: tolerated well.\n")
        await wait_until(lambda: len(seen.calls) == 2)
    assert seen.names() == ["a.txt", "a.txt"]


async def test_names_with_spaces_unicode_and_shell_characters(inbox: Path) -> None:
    names = ["with space.txt", "ünïcødé-名前.md", "$(rm -rf ~); `x` 'q' \"d\" & | ;.txt",
             "-leading-dash.txt", "new\nline.txt"]  # fmt: skip
    async with watching(inbox) as seen:
        for index, name in enumerate(names):
            (inbox / name).write_bytes(note_bytes(index))
        await wait_until(lambda: len(seen.calls) == len(names))
    assert seen.names() == sorted(names)


async def test_other_files_are_ignored(inbox: Path) -> None:
    async with watching(inbox) as seen:
        for name in ("a.exe", "b.tmp", ".hidden.txt", "c.txt~", "~$d.docx", "e.txt.swp", "f"):
            (inbox / name).write_bytes(b"whatever")
        (inbox / ".sync").mkdir()
        (inbox / ".sync" / "inside.txt").write_bytes(note_bytes(1))
        (inbox / "folder.txt").mkdir()
        await asyncio.sleep(SETTLE * 4)
    assert seen.calls == []


async def test_symlink_is_reported_without_being_followed(inbox: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(note_bytes(1))
    async with watching(inbox) as seen:
        os.symlink(secret, inbox / "link.txt")
        await wait_until(lambda: len(seen.calls) == 1)
    path, size = seen.calls[0]
    assert path.is_symlink() and size == len(str(secret))


async def test_file_that_vanishes_before_it_settles_is_reported(inbox: Path) -> None:
    """The intake records it as failed ("vanished"), so it is never silently dropped."""
    async with watching(inbox) as seen:
        with open(inbox / "brief.txt", "wb") as handle:
            handle.write(note_bytes(1))
            handle.flush()
            await asyncio.sleep(0.05)
            os.unlink(inbox / "brief.txt")
        await wait_until(lambda: len(seen.calls) == 1)
    assert seen.calls[0][1] == -1


async def test_moved_away_inside_the_inbox_reports_only_the_new_name(inbox: Path) -> None:
    async with watching(inbox) as seen:
        with open(inbox / "first.txt", "wb") as handle:
            handle.write(note_bytes(1))
            handle.flush()
            (inbox / "soap_note").mkdir()
            os.rename(inbox / "first.txt", inbox / "soap_note" / "first.txt")
        await wait_until(lambda: len(seen.calls) >= 1)
        await asyncio.sleep(SETTLE * 3)
    assert [(p.parent.name, p.name) for p, _ in seen.calls] == [("soap_note", "first.txt")]


async def test_inbox_removed_and_recreated_is_watched_again(
    inbox: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with watching(inbox, rescan_seconds=0.5) as seen:
        shutil.rmtree(inbox)
        await asyncio.sleep(0.8)
        inbox.mkdir(exist_ok=True)
        await asyncio.sleep(0.8)
        (inbox / "after.txt").write_bytes(note_bytes(1))
        await wait_until(lambda: seen.names() == ["after.txt"])
    assert "watching it again" in caplog.text


async def test_stop_is_prompt(inbox: Path) -> None:
    async with watching(inbox):
        started = time.monotonic()
    assert time.monotonic() - started < 3
