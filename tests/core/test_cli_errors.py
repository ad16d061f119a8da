"""Failures a command meets on disk are one line on stderr and exit 2, never a traceback.

Each case runs the real command in a subprocess (`python -m tui.cli`), as a script would.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tui.core.clinic import ClinicPaths, init_clinic
from tui.core.security.audit_log import AuditLog


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2, exactly one line on stderr starting with `chartdesk:`, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chartdesk: "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def clinic(tmp_path: Path) -> ClinicPaths:
    """A clinic folder whose state.db exists (a first command created it)."""
    paths = init_clinic(tmp_path / "clinic")
    result = run("queue", "--clinic", str(paths.root))
    assert result.returncode == 0, result.stderr
    assert paths.db.is_file()
    return paths


def test_init_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")

    line = assert_one_line_error(run("init", str(tmp_path / "afile" / "sub")))
    assert "cannot create the clinic folder" in line and "Not a directory" in line


def test_state_db_from_a_newer_chartdesk_is_one_line(clinic: ClinicPaths) -> None:
    with sqlite3.connect(clinic.db) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()

    assert_one_line_error(run("queue", "--clinic", str(clinic.root)), "newer than this chartdesk")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_state_db_is_one_line(clinic: ClinicPaths, damage: str) -> None:
    for extra in (clinic.db.with_name("state.db-wal"), clinic.db.with_name("state.db-shm")):
        extra.unlink(missing_ok=True)
    data = clinic.db.read_bytes()
    clinic.db.write_bytes(b"this is not sqlite\n" * 50 if damage == "garbage" else data[:4096])

    assert_one_line_error(
        run("queue", "--clinic", str(clinic.root)),
        ".chartdesk/state.db is not a readable chartdesk database: ",
    )


def test_generic_os_error_is_one_line(clinic: ClinicPaths) -> None:
    clinic.audit_log.unlink(missing_ok=True)
    clinic.audit_log.mkdir()  # reading it raises IsADirectoryError

    assert_one_line_error(
        run("audit-log", "verify", "--clinic", str(clinic.root)), "Is a directory"
    )


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (b"5\n", "line is not a JSON object"),
        (b'["prev"]\n', "line is not a JSON object"),
        (b"\xc3\x28\xff\n", "line is not valid JSON"),
        (b"[" * 100_000 + b"\n", "line is not valid JSON"),
    ],
    ids=["number", "list", "not-utf8", "deep-nesting"],
)
def test_audit_log_with_a_non_object_line_is_a_broken_chain(
    clinic: ClinicPaths, bad: bytes, problem: str
) -> None:
    AuditLog(clinic.audit_log).append("open", "")
    before = len(clinic.audit_log.read_bytes().splitlines())
    with clinic.audit_log.open("ab") as handle:
        handle.write(bad)

    result = run("audit-log", "verify", "--json", "--clinic", str(clinic.root))

    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["ok"], report["line"], report["problem"]) == (False, before + 1, problem)
    assert report["entries"] == before

    text = run("audit-log", "verify", "--clinic", str(clinic.root))
    assert text.returncode == 1 and "Traceback" not in text.stderr
    assert f"BROKEN at line {before + 1}: {problem}" in text.stdout
