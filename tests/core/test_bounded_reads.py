"""Every command that reads a file keeps the inbox's size limit and reads regular files only.

`chartdesk extract /dev/zero` used to read without limit (gigabytes in seconds). Each case runs
the real command in its own process with its address space capped, so a command that reads
without limit dies of MemoryError (a traceback, exit 1) instead of eating the machine, and the
test fails on that rather than on a timing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_cli_errors import assert_one_line_error
from tui.core.clinic import init_clinic

MEMORY_CAP = 1024 * 1024 * 1024  # far above what a 2 MB note needs, far below a runaway read
BIG = 3 * 1024 * 1024  # over the default 2 MB limit


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHARTDESK_CLINIC"}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        preexec_fn=_capped,
    )


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text("Patient: Test Person\nDate: 2026-11-02\n\nS: knee pain 4/10 after stairs\n")
    return path


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    path.write_bytes(b"knee flexion 110 deg\n" * (BIG // 21 + 1))
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _commands(target: str, note: Path) -> list[list[str]]:
    return [
        ["extract", target],
        ["readability", target],
        ["verify", target, str(note)],
        ["verify", str(note), target],
        ["audit", target],
        ["draft", target],
    ]


@pytest.mark.parametrize("index", range(6))
def test_dev_zero_fails_fast_with_one_line(note: Path, index: int) -> None:
    command = _commands("/dev/zero", note)[index]
    assert_one_line_error(run(*command), "/dev/zero", "not a regular file")


@pytest.mark.parametrize("index", range(6))
def test_a_symlink_to_dev_zero_fails_the_same_way(note: Path, tmp_path: Path, index: int) -> None:
    link = tmp_path / "innocent.txt"
    link.symlink_to("/dev/zero")
    command = _commands(str(link), note)[index]
    assert_one_line_error(run(*command), "innocent.txt")


@pytest.mark.parametrize("index", range(6))
def test_a_named_pipe_is_refused_without_waiting(note: Path, fifo: Path, index: int) -> None:
    command = _commands(str(fifo), note)[index]
    assert_one_line_error(run(*command), "pipe.txt", "not a regular file")


@pytest.mark.parametrize("index", range(6))
def test_a_file_over_the_limit_is_refused(note: Path, big: Path, index: int) -> None:
    command = _commands(str(big), note)[index]
    assert_one_line_error(run(*command), "big.txt", "over the 2.0 MB limit")


def test_a_clinic_limit_applies_to_commands_with_a_clinic(tmp_path: Path) -> None:
    paths = init_clinic(tmp_path / "clinic")
    context = paths.context.read_text().replace("max_file_mb = 2", "max_file_mb = 1", 1)
    paths.context.write_text(context)
    assert "max_file_mb = 1" in paths.context.read_text()
    note = tmp_path / "long.txt"
    note.write_bytes(b"Patient: Test Person\n" + b"S: knee pain 4/10 after stairs\n" * 50_000)

    result = run("audit", str(note), "--clinic", str(paths.root))
    assert_one_line_error(result, "long.txt", "over the 1.0 MB limit")


def test_context_toml_linked_to_dev_zero_is_refused(tmp_path: Path) -> None:
    paths = init_clinic(tmp_path / "clinic")
    paths.context.unlink()
    paths.context.symlink_to("/dev/zero")

    assert_one_line_error(run("queue", "--clinic", str(paths.root)), "context.toml")
    check = run("skills", "check", "--clinic", str(paths.root))
    assert check.returncode == 2 and "Traceback" not in check.stderr
    assert "context.toml:1: file: not a regular file" in check.stderr


def test_a_skill_file_linked_to_dev_zero_is_skipped_with_its_reason(tmp_path: Path) -> None:
    paths = init_clinic(tmp_path / "clinic")
    (paths.skills / "evil.toml").symlink_to("/dev/zero")

    result = run("skills", "check", "--clinic", str(paths.root))

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "evil.toml" in result.stderr and "not a regular file" in result.stderr


def test_an_api_key_file_linked_to_dev_zero_is_refused(note: Path, tmp_path: Path) -> None:
    paths = init_clinic(tmp_path / "clinic")
    (paths.root / "key").symlink_to("/dev/zero")
    context = paths.context.read_text()
    context = context.replace("[model]", '[model]\napi_key_file = "key"', 1)
    context = context.replace('provider = "auto"', 'provider = "anthropic"')
    paths.context.write_text(context.replace("baa_signed = false", "baa_signed = true"))
    assert 'api_key_file = "key"' in paths.context.read_text()

    assert_one_line_error(run("draft", str(note), "--clinic", str(paths.root)), "api_key_file")
