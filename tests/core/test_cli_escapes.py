"""Headless commands never print a control sequence from a note, a file name or a draft.

Each command runs in its own process on a clinic whose patient names, note bodies and file
names carry OSC 52, OSC 0/2, OSC 8, ``ESC [2J``, a C1 CSI and a bidi override (tests/hostile.py),
and one file name holds a newline. Text output shows them as visible stand-ins and keeps one
entry per line; JSON output escapes them (and still round-trips the exact names).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.hostile import NOTES, OSC52, TITLE, hostile_clinic, hostile_note_files
from tui.core.records.store import Store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_clinic(tmp_path_factory.mktemp("hostile") / "clinic")


def assert_harmless(result: subprocess.CompletedProcess[str]) -> None:
    """Nothing a terminal would act on: chartdesk's own output has no control characters
    but newlines and tabs, so any is the note's."""
    for stream in (result.stdout, result.stderr):
        controls = {ch for ch in stream if (ord(ch) < 32 and ch not in "\n\t") or ch == "\x7f"}
        controls |= {ch for ch in stream if 0x80 <= ord(ch) <= 0x9F or ch == "\u202e"}
        assert not controls, (sorted(controls), stream[:400])


def test_queue_shows_names_visibly_one_draft_per_line(hostile: Path) -> None:
    result = run_cli("queue", "--clinic", str(hostile))

    assert result.returncode == 0, result.stderr
    assert_harmless(result)
    lines = result.stdout.splitlines()
    assert len(lines) == len(NOTES), lines
    assert "Dana␛]52;c;UFdORUQ=␇ Whit␛]2;PWNED-TITLE2␛\\field␛[2J" in result.stdout
    assert "oka␊for-james" in result.stdout


def test_queue_json_escapes_and_round_trips_the_exact_names(hostile: Path) -> None:
    result = run_cli("queue", "--json", "--clinic", str(hostile))

    assert result.returncode == 0, result.stderr
    assert_harmless(result)
    drafts = json.loads(result.stdout)["drafts"]
    assert {d["note"] for d in drafts} == {f"inbox/{name}" for name in NOTES}
    assert any(d["patient"].startswith(f"Dana{OSC52}") for d in drafts)


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_the_day_audit_and_its_export_show_no_escape(hostile: Path, json_flag: list[str]) -> None:
    result = run_cli(
        "audit", "--day", "2026-11-02", "--export", "--clinic", str(hostile), *json_flag
    )

    assert result.returncode in (0, 1), result.stderr  # 1: the day has ERROR findings
    assert_harmless(result)
    exported = (hostile / "exports" / "audit-2026-11-02.md").read_text(encoding="utf-8")
    assert "\x1b" not in exported and "\x07" not in exported
    assert "Dana␛]52" in exported


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "{note}"],
        ["audit", "{note}", "--json"],
        ["draft", "{note}"],
        ["draft", "{note}", "--json"],
        ["extract", "{note}"],
        ["verify", "{note}", "{note}"],
        ["readability", "{note}"],
    ],
)
@pytest.mark.parametrize("which", [0, 1])
def test_commands_on_hostile_note_files(hostile: Path, command: list[str], which: int) -> None:
    note = hostile_note_files(hostile)[which]
    args = [part.replace("{note}", str(note)) for part in command]
    result = (
        run_cli(*args, "--clinic", str(hostile))
        if args[0] in ("audit", "draft")
        else (run_cli(*args))
    )

    assert result.returncode in (0, 1), result.stderr
    assert_harmless(result)


def test_a_failing_file_name_is_shown_visibly_on_stderr(tmp_path: Path) -> None:
    missing = tmp_path / f"gone{TITLE}\nname.txt"

    result = run_cli("extract", str(missing))

    assert result.returncode == 2
    assert_harmless(result)
    assert len(result.stderr.splitlines()) == 1
    assert "gone␛]0;PWNED-TITLE␇ name.txt" in result.stderr  # one line: the newline folded


def test_skill_problems_name_hostile_files_visibly(hostile: Path, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    for item in ("context.toml", "skills"):
        source = hostile / item
        target = clinic / item
        if source.is_dir():
            target.mkdir()
        else:
            target.write_bytes(source.read_bytes())
    (clinic / "skills" / f"bad{TITLE}.toml").write_text('id = "bad"\n', encoding="utf-8")

    for action in ("list", "check"):
        result = run_cli("skills", action, "--clinic", str(clinic))
        assert_harmless(result)
        assert "bad␛]0;PWNED-TITLE␇.toml" in result.stderr


def test_the_store_keeps_the_exact_names(hostile: Path) -> None:
    """Showing names visibly never changes what is recorded."""
    store = Store(hostile / ".chartdesk" / "state.db")
    try:
        assert {d.note_path for d in store.list_drafts()} == {f"inbox/{n}" for n in NOTES}
    finally:
        store.close()
