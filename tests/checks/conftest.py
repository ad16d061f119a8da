"""Helpers for the checks tests: sample notes, expected results, synthetic notes and drafts."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.conftest import sample_notes
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.intake.notes import Note, parse_note_text, sha256_bytes

DATA = Path(__file__).resolve().parent / "data"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["notes"]
SAMPLES = {path.name: path for path in sample_notes()}
SYNTHETIC = DATA / "notes"
DRAFTS = DATA / "drafts"


def sample_text(name: str) -> str:
    return SAMPLES[name].read_text(encoding="utf-8")


def synthetic_text(name: str) -> str:
    return (SYNTHETIC / name).read_text(encoding="utf-8")


def note_from_text(text: str, name: str = "2026-12-31_test-pat_soap.txt") -> Note:
    """A Note parsed from text, as read_note would give it."""
    return parse_note_text(Path(name), text, sha256_bytes(text.encode()))


def matches(fact: Fact, expected: Mapping[str, Any]) -> bool:
    """True when the fact has the expected kind and value (and measure, unit, cpt, minutes)."""
    if fact.kind != expected["kind"]:
        return False
    value = expected.get("value")
    if value is not None and not _same(fact.value, value):
        return False
    for key in ("measure", "unit", "cpt", "minutes"):
        if key in expected and getattr(fact, key) != expected[key]:
            return False
    return True


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    assert isinstance(a, int | float) and isinstance(b, int | float)
    return abs(float(a) - float(b)) < 1e-9


def found(facts: list[Fact], expected: Mapping[str, Any]) -> bool:
    return any(matches(fact, expected) for fact in facts)


def facts_in(text: str, kind: str | None = None) -> list[Fact]:
    """The facts read from a text, of one kind when given."""
    return [fact for fact in extract_facts(text) if kind is None or fact.kind == kind]


def labels_of(text: str, kind: str) -> dict[float, str]:
    """Each number of `kind` read from a text -> its label."""
    return {
        float(fact.value): fact.label
        for fact in facts_in(text, kind)
        if isinstance(fact.value, int | float)
    }


def one_fact(text: str, kind: str, value: object) -> Fact:
    """The one fact of a kind and value read from a text (the test fails on none or two)."""
    found = [fact for fact in facts_in(text, kind) if fact.value == value]
    assert len(found) == 1, (value, [(f.kind, f.value, f.label) for f in facts_in(text)])
    return found[0]


_TWO_UNITS = re.compile(
    r"(\d+)\s*(?:min|mins|minutes?|m)\.?,?\s*(?:and\s+)?(\d+)\s*(?:s|secs?|seconds?)", re.I
)


def in_two_units(span: str, value: object) -> bool:
    """A time written in two units ("2 min 40 s"), read as its seconds (tests/eval/CONVENTIONS.md):
    a span that holds no digit of its value."""
    found = _TWO_UNITS.search(span)
    return found is not None and int(found.group(1)) * 60 + int(found.group(2)) == value
