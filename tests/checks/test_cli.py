"""The headless check commands: JSON shapes of the contract, one-line errors, exit codes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checks.conftest import DRAFTS, EXPECTED, SAMPLES, SYNTHETIC
from tui.cli import main
from tui.commands.parsers import register_checks

WHITFIELD = SAMPLES["2026-11-02_whitfield-dana_soap.txt"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> dict:  # type: ignore[type-arg]
    """Run with --json and check the exit code (1: verify or audit found something)."""
    exit_code, out, err = run(capsys, *argv, "--json")
    assert exit_code == code, err
    data: dict = json.loads(out)  # type: ignore[type-arg]
    return data


def test_register_adds_every_command_with_a_func() -> None:
    parser = argparse.ArgumentParser()
    register_checks(parser.add_subparsers(dest="command"))
    for argv in (
        ["extract", "n.txt"],
        ["verify", "n.txt", "d.md"],
        ["units", "97110=33", "--rule", "per_code"],
        ["audit", "a.txt", "b.txt", "--clinic", "x"],
        ["readability", "f.md", "--json"],
    ):
        args = parser.parse_args(argv)
        assert callable(args.func)


def test_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "extract", str(WHITFIELD))
    text = WHITFIELD.read_text(encoding="utf-8")
    assert {"kind": "outcome", "value": 38, "measure": "LEFS"}.items() <= data["facts"][11].items()
    for fact in data["facts"]:
        allowed = {"kind", "value", "unit", "measure", "cpt", "minutes", "label", "span", "line"}
        assert set(fact) <= allowed
        start, end = fact["span"]
        assert 0 <= start < end <= len(text)
        assert text.splitlines()[fact["line"] - 1] in text[text.rfind("\n", 0, start) + 1 :]
    services = [f for f in data["facts"] if f["kind"] == "service"]
    assert [(f["cpt"], f["minutes"]) for f in services] == [
        ("97110", 26),
        ("97116", 12),
        ("97010", 10),
    ]


def test_extract_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(WHITFIELD))
    assert code == 0 and "LEFS" in out and "R quadriceps" in out


def test_verify_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "verify", str(WHITFIELD), str(DRAFTS / "whitfield_faithful.md"))
    assert data == {"missing": [], "unsupported": []}


def test_verify_flawed_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = (DRAFTS / "whitfield_faithful.md").read_text(encoding="utf-8")
    flawed = tmp_path / "flawed.md"
    flawed.write_text(draft.replace("LEFS 38/80", "LEFS 41/80"), encoding="utf-8")
    data = run_json(capsys, "verify", str(WHITFIELD), str(flawed), code=1)
    assert [(f["kind"], f["value"]) for f in data["missing"]] == [("outcome", 38)]
    assert [(f["kind"], f["value"]) for f in data["unsupported"]] == [("outcome", 41)]
    note_lines = WHITFIELD.read_text(encoding="utf-8").splitlines()
    assert "LEFS 38/80" in note_lines[data["missing"][0]["line"] - 1]
    assert "LEFS 41/80" in flawed.read_text().splitlines()[data["unsupported"][0]["line"] - 1]
    code, out, _ = run(capsys, "verify", str(WHITFIELD), str(flawed))
    assert code == 1 and "Missing from the draft" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["97110=33", "97140=7"], {"97110": 2, "97140": 1}),
        (["97110=10", "97116=10", "--rule", "per_code"], {"97110": 1, "97116": 1}),
        (["97110=26", "97116=12", "97010=10"], {"97110": 2, "97116": 1, "97010": 1}),
    ],
)
def test_units_json(capsys: pytest.CaptureFixture[str], argv: list[str], expected: dict) -> None:  # type: ignore[type-arg]
    data = run_json(capsys, "units", *argv)
    assert data["units"] == expected
    assert {"rule", "total_timed_minutes", "total_units", "units"} <= set(data)


def test_units_text_reports_a_tie(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "units", "97112=20", "97110=20")
    assert code == 0 and "tie" in out and "97110, 97112" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["units", "99999=10"],
        ["units", "97110=-5"],
        ["units", "97110=ten"],
        ["units", "97110"],
        ["extract", "/no/such/note.txt"],
        ["verify", "/no/such/note.txt", "/no/such/draft.md"],
        ["audit", "/no/such/note.txt"],
        ["readability", "/no/such/file.md"],
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("chartdesk: ")


def test_binary_and_folder_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert run(capsys, "extract", str(binary))[0] == 2
    assert run(capsys, "readability", str(tmp_path))[0] == 2
    latin = tmp_path / "latin.txt"
    latin.write_bytes("pain 4/10 caf\xe9".encode("latin-1"))
    assert run(capsys, "extract", str(latin))[0] == 2


def test_audit_json_matches_expected(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(SAMPLES[name]) for name in sorted(EXPECTED)]
    data = run_json(capsys, "audit", *paths, code=1)
    assert len(data["notes"]) == len(paths)
    for entry in data["notes"]:
        expected = EXPECTED[entry["file"]]
        assert entry["patient"] == expected["patient"]
        assert [f["code"] for f in entry["findings"]] == expected["findings"]
        assert {"file", "patient", "timed_minutes", "units_allowed", "units_billed"} <= set(entry)
        for finding in entry["findings"]:
            assert {"code", "severity", "message"} <= set(finding)


def test_audit_with_a_clinic_uses_its_payer_rules(
    capsys: pytest.CaptureFixture[str], clinic_dir: Path
) -> None:
    context = clinic_dir / "context.toml"
    context.write_text(
        context.read_text(encoding="utf-8") + '\n[payers."Cigna"]\ntimed_rule = "per_code"\n',
        encoding="utf-8",
    )
    kim = str(SYNTHETIC / "2026-12-11_kim-joon_soap.txt")
    findings = run_json(capsys, "audit", kim, code=1)["notes"][0]["findings"]
    assert findings[0]["code"] == "UNITS_OVER_BILLED"
    data = run_json(capsys, "audit", kim, "--clinic", str(clinic_dir))
    assert data["notes"][0]["findings"] == []


def test_audit_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", str(SAMPLES["2026-11-03_okafor-james_soap.txt"]))
    assert code == 1 and "UNITS_OVER_BILLED" in out
    assert "3 timed units billed" in out, "each finding in words, not only its code"


def test_audit_text_says_when_the_billing_could_not_be_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = tmp_path / "2027-08-02_quill-ada_soap.txt"
    note.write_text(
        "Patient: Ada Quill\nDate: 2027-08-02\nPayer: Medicare\n\nPain 5/10. Ther ex 38 min.\n"
        "Timed 38 min; total 38 min.\nCharges:\n  97110/97140 x3\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "audit", str(note))
    head = out.splitlines()[0]
    assert code == 1 and "units not checked, billing not read" in head
    assert "None" not in out and '("97110/97140 x3")' in out


def test_readability_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    handout = tmp_path / "hep.md"
    handout.write_text("Lie supine. Tighten your quadriceps. Hold 5 seconds.", encoding="utf-8")
    data = run_json(capsys, "readability", str(handout))
    assert isinstance(data["grade"], float)
    assert {"term": "supine", "suggest": "lying on your back"} in data["jargon"]


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("\u202e\ufeff 97110=x ---\n" * 50, encoding="utf-8")
    for argv in (["extract", str(junk), "--json"], ["units", "97110=1e9"], ["audit", str(junk)]):
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *argv], capture_output=True, text=True, timeout=60
        )
        assert "Traceback" not in done.stderr
        assert done.returncode in (0, 1, 2)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["verify", str(WHITFIELD), str(DRAFTS / "whitfield_faithful.md")], 0),
        (["audit", str(WHITFIELD)], 0),
        (["audit", str(SAMPLES["2026-11-03_okafor-james_soap.txt"])], 1),
        (["verify", str(WHITFIELD), "/no/such/draft.md"], 2),
        (["audit", "/no/such/note.txt"], 2),
    ],
    ids=["verify-clean", "audit-clean", "audit-error", "verify-bad-input", "audit-bad-input"],
)
def test_verify_and_audit_gate_a_script_by_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> None:
    """0 clean, 1 something found (a missing or unsupported value; an ERROR finding), 2 bad
    input: a script can sign off on a draft only when the checks pass."""
    assert run(capsys, *argv)[0] == code


def test_an_audit_with_warnings_only_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = tmp_path / "2026-11-20_pike-ada_soap.txt"
    note.write_text(
        "Patient: Ada Pike\nDate: 2026-11-20\nPayer: Medicare\n\n"
        "Ther ex 24 min: bridges, clams. Total timed minutes 24. Total treatment time 24 min.\n"
        "Billed: 97110 x2\n",
        encoding="utf-8",
    )
    data = run_json(capsys, "audit", str(note))
    severities = {f["severity"] for f in data["notes"][0]["findings"]}
    assert severities and "error" not in severities, severities


def test_extract_lists_numbers_it_cannot_classify(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A number with no meaning the rules know is listed, never guessed into a fact."""
    note = tmp_path / "note.txt"
    note.write_text("- pain 3/10\n- recumbent bike 6', level 4 then 17 more\n", encoding="utf-8")
    data = run_json(capsys, "extract", str(note))
    assert [(f["kind"], f["value"]) for f in data["facts"]] == [("pain", 3)]
    unclassified = {item["value"]: item for item in data["unclassified"]}
    assert 17 in unclassified
    start, end = unclassified[17]["span"]
    assert note.read_text(encoding="utf-8")[start:end] == "17"
    assert "17 more" in unclassified[17]["context"]
