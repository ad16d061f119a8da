"""The built-in Skill library: every file in skills/ against the Skill schema, by hand.

These tests read the TOML files directly (no dependency on the loader in
tui/core/skills/registry.py), so a broken built-in Skill is caught even if the loader changes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

SKILLS_DIR = Path(__file__).parents[1] / "skills"

EXPECTED_IDS = {
    "soap_note",
    "pt_initial_eval",
    "ot_initial_eval",
    "progress_report",
    "re_evaluation",
    "discharge_summary",
    "prior_auth_letter",
    "hep_clinical",
    "hep_patient",
    "billing_audit",
    "occupational_profile",
    "adl_assessment",
    "sensory_processing_report",
    "iep_goals",
    "handwriting_report",
    "assistive_tech_justification",
    "home_modification",
}

REQUIRED_TOP = {"id", "name", "description", "disciplines", "kind", "sections", "prompt"}
ALLOWED_TOP = REQUIRED_TOP | {"aliases", "max_tokens", "next", "checks", "audience", "signers"}
ALLOWED_PROMPT = {"system", "instructions"}
ALLOWED_CHECKS = {"verify", "audit", "max_grade"}
KINDS = {"note", "evaluation", "progress", "letter", "hep", "audit", "report"}
DISCIPLINES = {"PT", "OT"}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ALIAS_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

SYSTEM_PLACEHOLDERS = {
    "clinic.name",
    "clinic.context",
    "clinic.note_format",
    "clinic.terminology",
    "clinic.measures",
    "skill.name",
    "skill.sections",
}
INSTRUCTION_PLACEHOLDERS = SYSTEM_PLACEHOLDERS | {
    "patient.name",
    "patient.mrn",
    "patient.dob",
    "patient.date",
    "patient.visit",
    "patient.last_progress_report",
    "patient.discipline",
    "patient.payer",
    "patient.diagnosis",
    "patient.grade",
    "patient.setting",
    "payer.requirements",
    "previous.output",
    "instruction",
}
BILLABLE = {"soap_note", "pt_initial_eval", "ot_initial_eval", "re_evaluation", "progress_report"}
INVENT_RE = re.compile(r"\bnever invent\b[^.]*\bmeasurement", re.IGNORECASE)


def _load_all() -> dict[str, dict[str, Any]]:
    return {path.stem: tomllib.loads(path.read_text("utf-8")) for path in _skill_files()}


def _skill_files() -> list[Path]:
    return sorted(SKILLS_DIR.glob("*.toml"))


def _placeholders(text: str) -> list[str]:
    return PLACEHOLDER_RE.findall(text)


LIBRARY = _load_all()


def test_library_holds_exactly_the_built_in_skills() -> None:
    assert set(LIBRARY) == EXPECTED_IDS
    assert not [p.name for p in SKILLS_DIR.iterdir() if p.suffix != ".toml"]


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_schema(stem: str) -> None:
    skill = LIBRARY[stem]
    assert set(skill) >= REQUIRED_TOP, REQUIRED_TOP - set(skill)
    assert set(skill) <= ALLOWED_TOP, set(skill) - ALLOWED_TOP

    assert isinstance(skill["id"], str) and ID_RE.match(skill["id"])
    assert skill["id"] == stem
    for key in ("name", "description"):
        assert isinstance(skill[key], str) and skill[key].strip()
    # one sentence
    assert skill["description"].strip().endswith(".")
    assert skill["description"].count(". ") == 0

    disciplines = skill["disciplines"]
    assert isinstance(disciplines, list) and disciplines
    assert set(disciplines) <= DISCIPLINES and len(set(disciplines)) == len(disciplines)

    assert skill["kind"] in KINDS

    sections = skill["sections"]
    assert isinstance(sections, list) and sections
    assert all(isinstance(s, str) and s.strip() == s and s for s in sections)
    assert len(set(sections)) == len(sections)

    aliases = skill.get("aliases", [])
    assert isinstance(aliases, list)
    assert all(isinstance(a, str) and ALIAS_RE.match(a) for a in aliases), aliases

    max_tokens = skill.get("max_tokens", 2000)
    assert type(max_tokens) is int and 256 <= max_tokens <= 16000

    assert isinstance(skill.get("next", ""), str)

    prompt = skill["prompt"]
    assert isinstance(prompt, dict) and set(prompt) == ALLOWED_PROMPT
    assert all(isinstance(prompt[k], str) and prompt[k].strip() for k in ALLOWED_PROMPT)

    checks = skill.get("checks", {})
    assert isinstance(checks, dict) and set(checks) <= ALLOWED_CHECKS
    assert type(checks.get("verify", True)) is bool
    assert type(checks.get("audit", False)) is bool
    max_grade = checks.get("max_grade", 0)
    assert type(max_grade) in (int, float) and max_grade >= 0


def test_aliases_are_unique_and_never_another_skills_id() -> None:
    owner: dict[str, str] = {}
    for sid, skill in LIBRARY.items():
        for alias in skill.get("aliases", []):
            assert alias not in owner, f"{alias!r} is used by {owner[alias]} and {sid}"
            assert alias not in LIBRARY or alias == sid, f"{sid}: alias {alias!r} is a Skill id"
            owner[alias] = sid


def test_aliases_stay_unique_when_hyphens_and_underscores_are_the_same() -> None:
    # the loader resolves `ot-eval` and `ot_eval` as one name
    def normal(name: str) -> str:
        return name.strip().lower().replace("-", "_").replace(" ", "_")

    owner = {normal(sid): sid for sid in LIBRARY}
    for sid, skill in LIBRARY.items():
        for alias in skill.get("aliases", []):
            key = normal(alias)
            assert owner.setdefault(key, sid) == sid, f"{sid}: {alias!r} also names {owner[key]}"


def test_chains_point_at_existing_skills_without_loops() -> None:
    for sid, skill in LIBRARY.items():
        seen = [sid]
        nxt = skill.get("next", "")
        while nxt:
            assert nxt in LIBRARY, f"{sid}: next {nxt!r} is not a Skill"
            assert nxt not in seen, f"chain loops: {' -> '.join([*seen, nxt])}"
            seen.append(nxt)
            nxt = LIBRARY[nxt].get("next", "")
    assert LIBRARY["hep_clinical"]["next"] == "hep_patient"
    chained = {sid for sid, s in LIBRARY.items() if s.get("next")}
    assert chained == {"hep_clinical"}


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_placeholders(stem: str) -> None:
    prompt = LIBRARY[stem]["prompt"]
    for field, allowed in (
        ("system", SYSTEM_PLACEHOLDERS),
        ("instructions", INSTRUCTION_PLACEHOLDERS),
    ):
        text = prompt[field]
        names = _placeholders(text)
        assert set(names) <= allowed, f"{stem}.prompt.{field}: {set(names) - allowed}"
        # every brace pair is a well-formed placeholder
        stripped = PLACEHOLDER_RE.sub("", text)
        assert "{{" not in stripped and "}}" not in stripped, f"{stem}.prompt.{field}"
    # the system block is prompt-cached: nothing that varies per note
    system_names = _placeholders(prompt["system"])
    assert not [n for n in system_names if n.split(".")[0] in {"patient", "payer", "previous"}]
    assert "instruction" not in system_names
    # the sections and the clinic context reach the model; the clinician's instruction is
    # included exactly once, in the instructions
    assert "skill.sections" in system_names
    assert {"clinic.name", "clinic.context"} <= set(system_names)
    assert _placeholders(prompt["instructions"]).count("instruction") == 1


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_prompts_forbid_invention_and_mark_gaps(stem: str) -> None:
    prompt = LIBRARY[stem]["prompt"]
    text = prompt["system"] + "\n" + prompt["instructions"]
    assert "[not documented]" in text
    assert INVENT_RE.search(prompt["system"]), f"{stem}: system must forbid inventing measurements"


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_prompt_sizes(stem: str) -> None:
    prompt = LIBRARY[stem]["prompt"]
    assert 150 <= len(prompt["system"].split()) <= 450
    assert 100 <= len(prompt["instructions"].split()) <= 300


@pytest.mark.parametrize("stem", sorted(LIBRARY))
def test_prompt_describes_every_section(stem: str) -> None:
    skill = LIBRARY[stem]
    text = skill["prompt"]["system"] + skill["prompt"]["instructions"]
    for section in skill["sections"]:
        assert f"- {section}:" in text, f"{stem}: section {section!r} not described"


def test_billing_flags() -> None:
    for sid, skill in LIBRARY.items():
        audit = skill.get("checks", {}).get("audit", False)
        if sid in BILLABLE:
            assert audit, sid
            assert "Billing" in skill["sections"], sid
        elif sid != "billing_audit":
            assert not audit, sid


def test_hep_patient() -> None:
    skill = LIBRARY["hep_patient"]
    assert skill["checks"]["max_grade"] == 6
    assert skill["checks"]["verify"] is False
    assert skill["sections"][-1] == "When to call your therapist"
    prompt = skill["prompt"]
    assert "When to call your therapist" in prompt["system"] + prompt["instructions"]
    assert "previous.output" in _placeholders(prompt["instructions"])
    assert "**bold**" in prompt["system"]
    for others in (s for sid, s in LIBRARY.items() if sid != "hep_patient"):
        assert others.get("checks", {}).get("max_grade", 0) == 0


def test_billing_audit_reports_findings_only() -> None:
    skill = LIBRARY["billing_audit"]
    system = skill["prompt"]["system"]
    assert skill["kind"] == "audit"
    assert "never rewrite" in system
    for code in ("UNITS_OVER_BILLED", "TIMED_MINUTES_MISSING", "SKILLED_JUSTIFICATION_MISSING"):
        assert code in system


def test_known_aliases() -> None:
    expected = {
        "soap_note": {"soap", "daily", "daily_note", "tx"},
        "ot_initial_eval": {"ot-eval", "ot_eval", "oteval"},
        "pt_initial_eval": {"pt-eval", "eval", "initial_eval"},
        "handwriting_report": {"handwriting"},
    }
    for sid, aliases in expected.items():
        assert aliases <= set(LIBRARY[sid]["aliases"]), sid


def test_sample_note_suffixes_pick_their_skill() -> None:
    owner = {a: sid for sid, s in LIBRARY.items() for a in [sid, *s.get("aliases", [])]}
    assert owner["soap"] == "soap_note"
    assert owner["ot-eval"] == "ot_initial_eval"
    assert owner["handwriting"] == "handwriting_report"
