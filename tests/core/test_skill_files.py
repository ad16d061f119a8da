"""New clinic Skills from built-ins, and saves that only ever write valid files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.errors import ChartdeskError
from tui.core.skills.files import SkillInvalid, new_skill, save_skill_text
from tui.core.skills.registry import load_registry


def test_new_skill_copies_a_builtin_with_comments(clinic_dir: Path) -> None:
    registry = load_registry(clinic_dir / "skills")
    path = new_skill(clinic_dir / "skills", registry, "knee_soap", "soap_note")
    text = path.read_text()
    assert 'id = "knee_soap"' in text
    reloaded = load_registry(clinic_dir / "skills")
    skill = reloaded.get("knee_soap")
    assert skill is not None and skill.source == "clinic"
    assert reloaded.problems == []
    builtin = reloaded.get("soap_note")
    assert builtin is not None and builtin.source == "builtin"


def test_copy_with_same_id_overrides_builtin(clinic_dir: Path) -> None:
    registry = load_registry(clinic_dir / "skills")
    new_skill(clinic_dir / "skills", registry, "soap_note", "soap_note")
    skill = load_registry(clinic_dir / "skills").get("soap_note")
    assert skill is not None and skill.overrides_builtin


@pytest.mark.parametrize(
    ("new_id", "source", "message"),
    [("Bad-Id", "soap_note", "invalid Skill id"), ("mine", "nope", "unknown Skill")],
)
def test_new_skill_refusals(clinic_dir: Path, new_id: str, source: str, message: str) -> None:
    with pytest.raises(ChartdeskError, match=message):
        new_skill(clinic_dir / "skills", load_registry(), new_id, source)


def test_invalid_text_is_never_saved(tmp_path: Path) -> None:
    target = tmp_path / "skills" / "mine.toml"
    with pytest.raises(SkillInvalid) as info:
        save_skill_text(target, 'id = "mine"\nname = 3\n')
    assert not target.exists()
    assert info.value.problems


def test_skills_new_command(clinic_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["skills", "new", "my_eval", "--from", "pt_initial_eval", "--clinic", str(clinic_dir)]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["skill"] == "my_eval"
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err


def test_a_running_service_drafts_with_a_skill_saved_after_it_started(clinic_dir: Path) -> None:
    from tui.core.service import ClinicService

    service = ClinicService.open(clinic_dir)
    path = new_skill(clinic_dir / "skills", service.clinic.skills, "soap_note", "soap_note")
    before = service.clinic.fresh_skills().get("soap_note")
    assert before is not None and before.source == "clinic"
    text = path.read_text().replace('name = "', 'name = "Edited ', 1)
    save_skill_text(path, text, service.clinic.skills)
    after = service.clinic.fresh_skills().get("soap_note")
    assert after is not None and after.name.startswith("Edited ")
    assert after.sha256 != before.sha256
