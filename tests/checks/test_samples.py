"""The six sample notes against ../shared/samples/expected.json (copied into data/)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checks.conftest import EXPECTED, SAMPLES, found, in_two_units, sample_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.units import valid_allocations
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.intake.notes import read_note

NAMES = sorted(EXPECTED)


def test_every_sample_is_available() -> None:
    assert set(NAMES) <= set(SAMPLES)


@pytest.mark.parametrize("name", NAMES)
def test_expected_facts_are_found(name: str) -> None:
    facts = extract_facts(sample_text(name))
    missed = [e for e in EXPECTED[name]["facts"] if not found(facts, e)]
    assert missed == []


def test_fact_recall_on_the_samples_is_complete() -> None:
    total = hits = 0
    for name in NAMES:
        facts = extract_facts(sample_text(name))
        for expected in EXPECTED[name]["facts"]:
            total += 1
            hits += found(facts, expected)
    assert total == 51
    assert hits / total == 1.0


@pytest.mark.parametrize("name", NAMES)
def test_spans_point_at_their_values(name: str) -> None:
    text = sample_text(name)
    for fact in extract_facts(text):
        start, end = fact.span
        assert 0 <= start < end <= len(text)
        written = text[start:end]
        if fact.kind == "service":
            assert str(fact.minutes) in written or "minutes" in written
        elif fact.kind == "mmt":
            assert str(fact.value)[0] in written
        elif in_two_units(written, fact.value):
            continue  # "2 min 40 s" is 160 s (tests/eval/CONVENTIONS.md)
        elif not any(ch.isalpha() for ch in written.split()[0]):
            assert str(fact.value).rstrip("0").rstrip(".") in written


@pytest.mark.parametrize("name", [n for n in NAMES if "total_timed_minutes" in EXPECTED[n]])
def test_billing_summary(name: str) -> None:
    expected = EXPECTED[name]
    billing = extract_billing(sample_text(name))
    assert billing.total_timed_minutes == expected["total_timed_minutes"]
    assert billing.total_treatment_minutes == expected["total_treatment_minutes"]
    assert dict(billing.billed) == expected["billed"]


@pytest.mark.parametrize("name", [n for n in NAMES if "units_valid" in EXPECTED[n]])
def test_units_allowed_and_valid_allocations(name: str) -> None:
    expected = EXPECTED[name]
    billing = extract_billing(sample_text(name))
    allocations = valid_allocations(billing.timed_minutes_by_code)
    assert sorted(map(_nonzero, allocations), key=str) == sorted(
        map(_nonzero, expected["units_valid"]), key=str
    )
    assert all(sum(a.values()) == expected["units_allowed"] for a in allocations)


def _nonzero(allocation: dict[str, Any]) -> dict[str, Any]:
    return {code: units for code, units in allocation.items() if units}


@pytest.mark.parametrize("name", NAMES)
def test_audit_findings_are_exactly_the_expected_ones(name: str) -> None:
    audit = audit_note(read_note(SAMPLES[name]))
    assert [f.code for f in audit.findings] == EXPECTED[name]["findings"]
    assert audit.patient == EXPECTED[name]["patient"]
    assert dict(audit.billed) == EXPECTED[name]["billed"]
    if "units_allowed" in EXPECTED[name]:
        assert audit.units_allowed == EXPECTED[name]["units_allowed"]


def test_nakamura_exercise_doses_are_not_services_or_facts() -> None:
    text = sample_text("2026-11-06_nakamura-ken_soap.txt")
    assert extract_facts(text) == []
    billing = extract_billing(text)
    assert billing.services == ()
    assert billing.total_timed_minutes is None


def test_header_numbers_are_never_facts() -> None:
    text = sample_text("2026-11-02_whitfield-dana_soap.txt")
    header_end = text.index("- pt reports")
    assert all(fact.span[0] >= header_end for fact in extract_facts(text))
