"""The whole clinic folder is private to its owner, whatever the umask.

Every folder chartdesk creates is 0700 and context.toml is 0600; notes copied into the inbox
keep their own modes (chartdesk never modifies a source note), and the private folders above
them make them unreachable for anyone else. A clinic made by an older chartdesk (0755 folders)
is tightened the next time it is opened. The "anyone else" checks run a real process as
another user (nobody), so they need root; the mode checks run everywhere.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO_NOTES
from tui.core.clinic import ClinicPaths, init_clinic

NOBODY = 65534
FOLDERS = ("", "skills", "inbox", "exports", "approved", ".chartdesk")


def run_with_umask(umask: int, *args: str) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        os.umask(umask)

    env = {k: v for k, v in os.environ.items() if k != "CHARTDESK_CLINIC"}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=set_umask,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def as_nobody(action: Callable[[], object]) -> int:
    """Run `action` in a child process as user nobody: 0 if it succeeded, 13 if refused
    (EACCES), 1 for anything else."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            action()
            code = 0
        except PermissionError:
            code = 13
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="switching users needs root")


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder anyone may enter (pytest's own temporary folders are private to their user,
    which would keep nobody out whatever chartdesk did)."""
    with tempfile.TemporaryDirectory(prefix="chartdesk-perm-", dir="/tmp") as name:
        os.chmod(name, 0o755)
        yield Path(name)


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_init_makes_every_folder_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    root = tmp_path / "clinic"
    result = run_with_umask(umask, "init", str(root))
    assert result.returncode == 0, result.stderr

    for name in FOLDERS:
        assert mode(root / name) == 0o700, (name, oct(mode(root / name)))
    assert mode(root / "context.toml") == 0o600


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_signed_exported_and_unsaved_folders_are_private_too(tmp_path: Path, umask: int) -> None:
    root = tmp_path / "clinic"
    assert run_with_umask(umask, "demo", str(root), "--no-open").returncode == 0
    audit = run_with_umask(umask, "audit", "--day", "2026-11-02", "--export", "--clinic", str(root))
    assert audit.returncode == 0, audit.stderr

    created = [p for p in root.rglob("*") if p.is_dir()]
    assert {p.name for p in created} >= {"inbox", "exports", ".chartdesk", "approved"}
    for folder in [root, *created]:
        assert mode(folder) == 0o700, (folder, oct(mode(folder)))
    for file in (root / "exports").iterdir():
        assert mode(file) == 0o600, file


def test_an_older_clinic_with_open_folders_is_tightened_when_opened(tmp_path: Path) -> None:
    paths = init_clinic(tmp_path / "clinic")
    for name in FOLDERS:
        os.chmod(paths.root / name, 0o755)
    os.chmod(paths.context, 0o644)

    result = run_with_umask(0o022, "queue", "--clinic", str(paths.root))

    assert result.returncode == 0, result.stderr
    for name in FOLDERS:
        assert mode(paths.root / name) == 0o700, name
    assert mode(paths.context) == 0o600


def test_an_inbox_that_links_to_a_share_is_left_to_the_share(tmp_path: Path) -> None:
    """A symlinked inbox (a scanner's network share) keeps the share's own modes."""
    share = tmp_path / "share"
    share.mkdir(mode=0o775)
    os.chmod(share, 0o775)
    paths = init_clinic(tmp_path / "clinic")
    paths.inbox.rmdir()
    paths.inbox.symlink_to(share)

    assert run_with_umask(0o022, "queue", "--clinic", str(paths.root)).returncode == 0
    assert mode(share) == 0o775


@needs_root
@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_notes_copied_in_keep_their_modes_but_nobody_else_can_reach_them(
    open_folder: Path, umask: int
) -> None:
    root = open_folder / "clinic"
    assert run_with_umask(umask, "init", str(root)).returncode == 0
    paths = ClinicPaths(root)
    note = paths.inbox / "2026-11-02_whitfield-dana_soap.txt"
    shutil.copyfile(DEMO_NOTES / note.name, note)
    os.chmod(note, 0o666)
    before = note.read_bytes()
    assert run_with_umask(umask, "queue", "--clinic", str(root)).returncode == 0
    drafted = run_with_umask(umask, "draft", str(note), "--clinic", str(root))
    assert drafted.returncode == 0, drafted.stderr

    assert mode(note) == 0o666 and note.read_bytes() == before, "the source note is untouched"
    assert as_nobody(lambda: os.listdir(open_folder)) == 0, "nobody can reach the folder above"
    assert as_nobody(note.read_bytes) == 13
    assert as_nobody(lambda: os.listdir(paths.inbox)) == 13
    assert as_nobody(lambda: os.listdir(root)) == 13
    assert as_nobody(paths.db.read_bytes) == 13
