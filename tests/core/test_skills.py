"""Skill loading: the built-in library, clinic overrides, and located validation errors."""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.resources import builtin_skills_dir
from tui.core.skills.registry import load_registry, parse_skill

BUILTIN = builtin_skills_dir()
SOAP = (BUILTIN / "soap_note.toml").read_text(encoding="utf-8")


def test_builtin_library_loads_clean() -> None:
    registry = load_registry()
    assert [str(p) for p in registry.problems] == []
    for skill_id in (
        "soap_note",
        "pt_initial_eval",
        "ot_initial_eval",
        "progress_report",
        "hep_clinical",
        "hep_patient",
        "billing_audit",
    ):
        assert registry.get(skill_id) is not None, skill_id


def test_aliases_resolve() -> None:
    registry = load_registry()
    soap = registry.resolve("soap")
    assert soap is not None and soap.id == "soap_note"
    eval_skill = registry.resolve("ot-eval")
    assert eval_skill is not None and eval_skill.id == "ot_initial_eval"
    assert registry.resolve("no_such_thing") is None


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _problems(text: str, name: str = "soap_note.toml") -> list[str]:
    skill, problems = parse_skill(Path("skills") / name, text)
    assert skill is None
    return [str(p) for p in problems]


def test_unknown_field_is_located() -> None:
    text = SOAP.replace("kind = ", 'colour = "blue"\nkind = ', 1)
    assert _problems(text) == [
        f"skills/soap_note.toml:{_line(text, 'colour')}: colour: unknown field"
    ]


def test_wrong_type_is_located() -> None:
    text = _set_max_tokens('"lots"')
    problems = _problems(text)
    assert problems[0].startswith(f"skills/soap_note.toml:{_line(text, 'max_tokens')}: max_tokens:")


def _set_max_tokens(value: str) -> str:
    if re.search(r"(?m)^max_tokens = ", SOAP):
        return re.sub(r"(?m)^max_tokens = .*$", f"max_tokens = {value}", SOAP)
    return SOAP.replace("kind = ", f"max_tokens = {value}\nkind = ", 1)


def _prepend_to(key: str, extra: str) -> str:
    """Insert a line at the top of a prompt string, whatever quoting the file uses."""
    return re.sub(rf"(?m)^({key} = )(\"\"\"|\'\'\')\n?", rf"\1\2\n{extra}\n", SOAP, count=1)


def test_max_tokens_out_of_range() -> None:
    text = _set_max_tokens("999999")
    assert any("max_tokens: must be between" in p for p in _problems(text))


def test_missing_required_field() -> None:
    text = re.sub(r'(?m)^name = ".*"\n', "", SOAP, count=1)
    assert any(p.endswith("missing required field 'name'") for p in _problems(text))


def test_unknown_placeholder_points_at_its_line() -> None:
    text = _prepend_to("instructions", "See {{ patient.shoe_size }}.")
    problems = _problems(text)
    assert problems == [
        f"skills/soap_note.toml:{_line(text, 'shoe_size')}: prompt.instructions: "
        "unknown placeholder {{ patient.shoe_size }}"
    ]


def test_patient_data_in_cached_system_prompt_is_refused() -> None:
    text = _prepend_to("system", "Patient {{ patient.name }}.")
    problems = _problems(text)
    assert "varies per note" in problems[0]


def test_syntax_error_is_located() -> None:
    text = SOAP.replace("kind = ", "kind == ", 1)
    problems = _problems(text)
    assert problems[0].startswith(f"skills/soap_note.toml:{_line(text, 'kind ==')}: syntax:")


def test_id_must_match_file_name() -> None:
    assert any("must match the file name" in p for p in _problems(SOAP, "other.toml"))


def test_bad_skill_is_skipped_and_the_rest_load(tmp_path: Path) -> None:
    clinic = tmp_path / "skills"
    _write(clinic, "broken.toml", 'id = "broken"\nname = \n')
    registry = load_registry(clinic)
    assert registry.get("soap_note") is not None
    assert len(registry.problems) == 1
    assert registry.problems[0].file.endswith("broken.toml")


def test_clinic_skill_overrides_builtin(tmp_path: Path) -> None:
    clinic = tmp_path / "skills"
    _write(clinic, "soap_note.toml", SOAP.replace('name = "', 'name = "Clinic ', 1))
    skill = load_registry(clinic).get("soap_note")
    assert skill is not None
    assert skill.source == "clinic" and skill.overrides_builtin
    assert skill.name.startswith("Clinic ")


def test_chain_loops_and_missing_targets_are_reported(tmp_path: Path) -> None:
    clinic = tmp_path / "skills"
    first = SOAP.replace('id = "soap_note"', 'id = "loop_a"').replace("aliases", "x_aliases")
    first = re.sub(r"(?m)^x_aliases = .*\n", "", first)
    first = re.sub(r'(?m)^next = ".*"\n', "", first)
    _write(clinic, "loop_a.toml", first.replace("kind = ", 'next = "loop_b"\nkind = ', 1))
    second = first.replace('id = "loop_a"', 'id = "loop_b"')
    _write(clinic, "loop_b.toml", second.replace("kind = ", 'next = "loop_a"\nkind = ', 1))
    third = first.replace('id = "loop_a"', 'id = "dangling"')
    _write(clinic, "dangling.toml", third.replace("kind = ", 'next = "nowhere"\nkind = ', 1))
    registry = load_registry(clinic)
    messages = [str(p) for p in registry.problems]
    assert any("loop_a.toml" in m and "chain loops" in m for m in messages)
    assert any("dangling.toml" in m and "unknown Skill 'nowhere'" in m for m in messages)
    assert registry.get("loop_a") is None and registry.get("dangling") is None
    assert registry.get("soap_note") is not None


def test_huge_file_is_refused(tmp_path: Path) -> None:
    clinic = tmp_path / "skills"
    _write(clinic, "huge.toml", "# " + "x" * 300_000)
    registry = load_registry(clinic)
    assert any("too large" in str(p) for p in registry.problems)


def test_skill_hash_changes_with_content(tmp_path: Path) -> None:
    one, _ = parse_skill(Path("soap_note.toml"), SOAP)
    two, _ = parse_skill(Path("soap_note.toml"), SOAP + "\n# edited\n")
    assert one is not None and two is not None
    assert one.sha256 != two.sha256
