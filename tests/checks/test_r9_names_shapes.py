"""An instrument's name by its shape and its one short name, and its score over its maximum.

A note writes "Vancouver Scar Scale 8/13" and the sets file VSS 8; "Trails B", "TMT-B" and
"Trail Making, part B" are Trail Making B; a slashed or edition-year name ("FACT/GOG-Ntx",
"DCDQ'07") is one name. Each reading has a twin that must not be read: a plan's cycle or visit
number, a bracketed range or age band, a sentence's words before a fraction, a joint's test, a
body measurement by a named method.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.names import resolve


def outcomes(text: str) -> list[tuple[str | None, object]]:
    return [(fact.measure, fact.value) for fact in extract_facts(text) if fact.kind == "outcome"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Vancouver Scar Scale", "VSS"),
        ("modified Vancouver Scar Scale", "mVSS"),
        ("Trails B", "Trail Making B"),
        ("TMT-B", "Trail Making B"),
        ("Trail Making, part A", "Trail Making A"),
        ("GOG-Ntx", "FACT/GOG-Ntx"),
        ("DCDQ'07", "DCDQ"),
        ("Keele STarT Back", "STarT Back"),
        ("Wheelchair Skills Test Questionnaire", "WST-Q"),
        ("Spinal Cord Independence Measure", "SCIM III"),
        ("Muscle Function Scale", "MFS"),
        ("Mini Cog", "Mini-Cog"),
    ],
)
def test_long_and_versioned_names_resolve_to_the_short_one(written: str, name: str) -> None:
    assert resolve(written) == name


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Scar: Vancouver Scar Scale 8/13 today.\n", [("VSS", 8)]),
        ("FACT-G 71/108. FACT/GOG-Ntx 31/44.\n", [("FACT-G", 71), ("FACT/GOG-Ntx", 31)]),
        ("O: PROMIS/PF-10a T-score 41.\n", [("PROMIS/PF-10a", 41)]),
        ("* PDCQ'09 (parent): 38/75, suspect.\n", [("PDCQ'09", 38)]),
        ("Cognition: Mini-Cog 4/5.\n", [("Mini-Cog", 4)]),
        ("Trunk Control Scale 18/21 today.\n", [("Trunk Control Scale", 18)]),
        ("Screen: L Test 28.4 s.\n", [("L Test", 28.4)]),
    ],
)
def test_a_name_by_its_shape_takes_its_score_not_its_maximum(
    note: str, expected: list[tuple[str, object]]
) -> None:
    assert outcomes(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Plan: recheck FACT/GOG-Ntx after cycle 12.\n",
        "Plan: repeat the PDI at visit 10.\n",
        "MABC-2, age band 2 (7-10 y):\n",
        "Head control (Muscle Function Scale, 0-5) to be scored next week.\n",
        "Letters formed correctly 17/24 = 71%.\n",
    ],
)
def test_a_cycle_a_visit_a_band_a_range_or_a_phrase_is_no_score(note: str) -> None:
    assert outcomes(note) == []


def test_a_slash_between_single_letters_is_no_name() -> None:
    assert outcomes("VOMS (H/D/N/F): baseline 1/0/0/1.\n") == []


def test_a_score_at_the_last_visit_is_still_a_score() -> None:
    facts = [
        f
        for f in extract_facts("30-sec chair stand: 7 (arms crossed), last visit 5.\n")
        if f.measure
    ]
    assert [(f.value, "previous" in f.label) for f in facts] == [(7, False), (5, True)]


def test_scores_over_the_instrument_s_maximum_chain_through_a_risk_band() -> None:
    facts = extract_facts("Keele STarT Back 5/9 at eval -> medium risk; 3/9 today -> low.\n")
    read = [(f.value, "previous" in f.label) for f in facts if f.measure == "STarT Back"]
    assert read == [(5, True), (3, False)]


def test_sides_label_each_score_of_a_side_scored_scale() -> None:
    facts = extract_facts("MFS (Muscle Function Scale, 0-5): R 3, L 2.\n")
    read = [(f.value, f.label) for f in facts if f.kind == "outcome"]
    assert read == [(3, "MFS R"), (2, "MFS L")]


def test_a_joint_s_motion_test_stays_a_range_of_motion() -> None:
    facts = extract_facts("Cervical flexion-rotation test R 30 deg, L 42 deg.\n")
    assert [(f.kind, f.value) for f in facts] == [("rom", 30), ("rom", 42)]


@pytest.mark.parametrize("note", ["CVAI 6.4% today.\n", "LVD 16.8 %.\n", "LSI 92%.\n"])
def test_a_body_measured_by_a_named_method_is_no_outcome(note: str) -> None:
    facts = extract_facts(note)
    assert [f.kind for f in facts] == ["other"]
