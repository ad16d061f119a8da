"""The offline drafter: every Skill section and every measurement of every sample note."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.conftest import sample_notes
from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify
from tui.core.context import load_context
from tui.core.drafting.base import DraftingError
from tui.core.drafting.offline import NOT_DOCUMENTED, OfflineBackend
from tui.core.intake.notes import parse_note_bytes, read_note
from tui.core.prompt import build_prompt
from tui.core.records.store import DraftResult
from tui.core.resources import example_context
from tui.core.signing.scaffolding import scaffolding
from tui.core.skills.registry import load_registry

CTX = load_context(example_context())
REGISTRY = load_registry()


def _skill_for(path: Path) -> str:
    note = read_note(path)
    skill = REGISTRY.resolve(note.skill)
    return skill.id if skill else "soap_note"


def _result(path: Path, skill_id: str) -> DraftResult:
    note = read_note(path)
    skill = REGISTRY.get(skill_id)
    assert skill is not None
    prompt = build_prompt(CTX, skill, note)
    return asyncio.run(OfflineBackend().draft(prompt, lambda _t: None))


def _draft(path: Path, skill_id: str) -> str:
    return _result(path, skill_id).text


@pytest.mark.parametrize("path", sample_notes(), ids=lambda p: p.name)
def test_sample_draft_has_every_section_and_measurement(path: Path) -> None:
    skill_id = _skill_for(path)
    drafted = _result(path, skill_id)
    text = drafted.text
    skill = REGISTRY.get(skill_id)
    assert skill is not None
    for section in skill.sections:
        assert f"## {section}\n" in text
    assert "without a language model" in drafted.aside
    assert scaffolding(text) == [], "the notice and machine lists stay beside the document"
    note = read_note(path)
    result = verify(note.text, text, CTX.measures)
    assert result.missing == [], [f.label for f in result.missing]
    assert result.unsupported == [], [f.label for f in result.unsupported]
    for fact in extract_facts(note.body, CTX.measures):
        assert fact.render() in drafted.aside


@pytest.mark.parametrize("skill", [s.id for s in REGISTRY], ids=str)
def test_every_skill_gives_a_useful_offline_draft(skill: str) -> None:
    path = sample_notes()[0]
    text = _draft(path, skill)
    sections = REGISTRY.get(skill).sections  # type: ignore[union-attr]
    filled = [s for s in sections if f"## {s}\n\n{NOT_DOCUMENTED}" not in text]
    assert filled, f"{skill}: every section empty"


def test_offline_is_deterministic() -> None:
    path = sample_notes()[0]
    assert _draft(path, "soap_note") == _draft(path, "soap_note")


def test_scan_needs_a_model() -> None:
    note = parse_note_bytes(Path("2026-11-06_brandt-theo_scan.png"), b"\x89PNG\r\n\x1a\n")
    skill = REGISTRY.get("soap_note")
    assert skill is not None
    with pytest.raises(DraftingError, match="needs a model to read"):
        asyncio.run(OfflineBackend().draft(build_prompt(CTX, skill, note), lambda _t: None))


def test_the_measurements_found_are_listed_beside_the_document() -> None:
    result = _result(sample_notes()[0], "soap_note")
    assert "Measurements found in the note" in result.aside
    assert "Measurements found in the note" not in result.text
    note = read_note(sample_notes()[0])
    for fact in extract_facts(note.body, CTX.measures):
        assert fact.render() in result.aside


def test_a_handout_carries_the_clinic_phone_under_when_to_call() -> None:
    result = _result(sample_notes()[0], "hep_patient")
    call = result.text.split("## When to call your therapist", 1)[1]
    assert CTX.phone and CTX.phone in call
    assert "Measurements found" not in result.aside, "a handout lists no chart measurements"
