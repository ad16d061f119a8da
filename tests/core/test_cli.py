"""The headless contract: JSON on stdout, exit 2 and one line on stderr for bad input."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.conftest import sample_notes
from tui.cli import main
from tui.core.skills.registry import load_registry


def test_init_creates_the_clinic_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "c"), "--json"]) == 0
    root = tmp_path / "c"
    for name in ("context.toml", "skills", "inbox", "approved", "exports", ".chartdesk"):
        assert (root / name).exists(), name
    assert stat.S_IMODE((root / ".chartdesk").stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "approved").stat().st_mode) == 0o700
    assert json.loads(capsys.readouterr().out)["clinic"] == str(root.resolve())
    assert main(["init", str(root)]) == 2
    assert "already a clinic folder" in capsys.readouterr().err


def test_demo_without_opening_drafts_the_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", str(tmp_path / "d"), "--no-open", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["ready"] >= 6 and counts["failed"] == 0
    assert main(["queue", "--clinic", str(tmp_path / "d"), "--json"]) == 0
    drafts = json.loads(capsys.readouterr().out)["drafts"]
    assert {d["patient"] for d in drafts} >= {"Dana Whitfield", "Theo Brandt"}
    assert stat.S_IMODE((tmp_path / "d" / ".chartdesk" / "state.db").stat().st_mode) == 0o600


@pytest.mark.parametrize("path", sample_notes(), ids=lambda p: p.name)
def test_draft_prints_every_section(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    skill = load_registry().get(out["skill"])
    assert skill is not None
    for section in skill.sections:
        assert f"## {section}" in out["text"]
    assert out["backend"] == "offline"
    assert out["checks"].get("missing", []) == []


def test_draft_with_explicit_skill(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(sample_notes()[0]), "--skill", "progress_report"]) == 0
    assert "## " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["draft", "/no/such/note.txt"], "no such note file"),
        (["draft", str(sample_notes()[0]), "--skill", "nope"], "unknown Skill 'nope'"),
        (["queue", "--clinic", "/no/such/clinic"], "no such clinic folder"),
        (["queue", "--status", "sideways"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_skills_check_reports_a_broken_skill(tmp_path: Path) -> None:
    main(["init", str(tmp_path / "c")])
    broken = tmp_path / "c" / "skills" / "my_note.toml"
    broken.write_text('id = "my_note"\nname = "Mine"\ndescription = "x"\ncolour = 3\n')
    result = run("skills", "check", "--clinic", str(tmp_path / "c"))
    assert result.returncode == 2
    assert f"{broken}:4: colour: unknown field" in result.stderr
    listing = run("skills", "list", "--json", "--clinic", str(tmp_path / "c"))
    assert listing.returncode == 0
    assert "soap_note" in {s["id"] for s in json.loads(listing.stdout)["skills"]}


def test_bad_context_stops_start_up_with_exit_2(tmp_path: Path) -> None:
    main(["init", str(tmp_path / "c")])
    context = tmp_path / "c" / "context.toml"
    context.write_text(context.read_text().replace("[lock]", "[lock]\nidle_minuets = 3"))
    for args in (["queue", "--clinic", str(tmp_path / "c")], ["--clinic", str(tmp_path / "c")]):
        result = run(*args)
        assert result.returncode == 2
        assert result.stderr.strip().endswith("lock.idle_minuets: unknown field")
        assert "Traceback" not in result.stderr


def test_units_are_counted_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "97110=8"]) == 0
    out = capsys.readouterr().out
    assert "97110   1 unit\n" in out and "total   1 unit from 8 timed minutes" in out
    assert main(["units", "97110=23", "97140=10"]) == 0
    assert "total   2 units from 33 timed minutes" in capsys.readouterr().out
