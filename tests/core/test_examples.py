"""`init` marks the sample clinicians and payers as examples to replace; a clinician still marked
never signs; `skills check` checks all of context.toml, [ui] included, and lists the examples;
the demo clinic signs out of the box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli, sample_notes, signer
from tui.cli import make_demo
from tui.core.clinic import init_clinic
from tui.core.context import load_context
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService


def test_init_marks_the_samples_and_says_so(tmp_path: Path) -> None:
    done = run_cli("init", str(tmp_path / "clinic"), "--json")
    assert done.returncode == 0, done.stderr
    examples = json.loads(done.stdout)["examples"]
    assert "clinician Alex Rivera" in examples and "payer Medicare" in examples
    context = load_context(tmp_path / "clinic" / "context.toml")
    assert all(c.example for c in context.clinicians)
    assert all(p.example for p in context.payers.values())
    text = run_cli("init", str(tmp_path / "other")).stdout
    assert "example = true" in text and "signing refuses" in text


def test_a_sample_clinician_never_signs(tmp_path: Path) -> None:
    service = ClinicService.open(init_clinic(tmp_path / "clinic").root)
    note = service.clinic.paths.inbox / sample_notes()[0].name
    note.write_bytes(sample_notes()[0].read_bytes())
    draft_id = service.ingest(note).draft_id or 0
    draft_queued(service)
    who = signer(service)
    assert "sample clinician" in (service.sign_refusal(service.draft(draft_id), who.clinician)
                                  or "")  # fmt: skip
    with pytest.raises(ChartdeskError, match="sample clinician from `chartdesk init`"):
        service.approve(draft_id, who, reason="billing reviewed")
    assert service.draft(draft_id).status == "ready"


def test_the_demo_clinic_signs_out_of_the_box(tmp_path: Path) -> None:
    service = make_demo(tmp_path / "demo")
    assert not any(c.example for c in service.context.clinicians)
    draft_id = service.drafts("ready")[0].id
    files = service.approve(draft_id, signer(service), reason="billing reviewed")
    assert files and service.draft(draft_id).status == "approved"


def test_skills_check_checks_the_ui_table_and_lists_examples(tmp_path: Path) -> None:
    root = init_clinic(tmp_path / "clinic").root
    context = root / "context.toml"
    text = context.read_text().replace("[ui]\n", '[ui]\ntheme = "no-such-theme"\n', 1)
    context.write_text(text + '\n[ui.keys]\napprove = "ctrl+s"\nfrobnicate = "x"\nedit = "E"\n')
    done = run_cli("skills", "check", "--clinic", str(root), "--json")
    assert done.returncode == 2
    report = json.loads(done.stdout)
    problems = "\n".join(report["problems"])
    assert "ui.keys.approve: ctrl+s may not reach the app" in problems
    assert "ui.keys.frobnicate: no such action" in problems
    assert "ui.theme: 'no-such-theme' is not a known theme" in problems
    assert "ui.keys.edit" not in problems, "a good remap is no problem"
    lines = context.read_text().splitlines()
    located = next(p for p in report["problems"] if "ui.keys.approve" in p)
    assert lines[int(located.split(":")[1]) - 1].startswith("approve = ")
    assert "clinician Alex Rivera" in report["examples"]
