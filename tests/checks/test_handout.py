"""What must never reach a patient: the handout checks (issue 11)."""

from __future__ import annotations

import pytest

from tui.core.checks.handouts import handout
from tui.core.checks.handouts.handout import check_handout, shorthand_terms
from tui.core.checks.handouts.readability import readability

PHONE = "(555) 010-4477"
CLEAN = f"""# Your home exercises
**For:** Ann Test · **Date:** 2026-11-02

## Your Exercises
- Lie on your back. Tighten the muscle on the front of your thigh. Hold for 5 seconds.
- Do this 10 times, twice a day.

## When to call your therapist
- Your pain gets worse and does not settle within a day.
- Call the clinic at {PHONE}. Go to the ER if you have chest pain.
"""


def codes(text: str, phone: str = PHONE) -> list[str]:
    return [finding.code for finding in check_handout(text, phone=phone)]


def test_a_plain_handout_has_no_findings() -> None:
    assert check_handout(CLEAN, phone=PHONE) == []


@pytest.mark.parametrize(
    ("line", "code", "term"),
    [
        ("- Billed: 97530 x2", handout.CODE, "97530"),
        ("- Billed: 97530 x2", handout.BILLING, "- Billed"),
        ("- Code G0283 was used today", handout.CODE, "G0283"),
        ("- Diagnosis M17.11 noted", handout.CODE, "M17.11"),
        ("- 2 timed units today", handout.BILLING, "2 timed units"),
        ("- Pt demonstrates improved tolerance to activity", handout.CHART_LANGUAGE, "Pt"),
        ("- Continued skilled care is needed", handout.CHART_LANGUAGE, "skilled"),
        ("- ankle DF AROM 12 deg", handout.SHORTHAND, "DF"),
        ("- ankle DF AROM 12 deg", handout.SHORTHAND, "AROM"),
        ("- ankle DF AROM 12 deg", handout.SHORTHAND, "deg"),
        ("- supine SLR with quad set, 3x10, maintaining TKE", handout.SHORTHAND, "3x10"),
        ("- supine SLR with quad set, 3x10, maintaining TKE", handout.SHORTHAND, "TKE"),
        ("- supine SLR with quad set, 3x10, maintaining TKE", handout.JARGON, "supine"),
        ("- Progress to SAQ with 2# cuff weight", handout.SHORTHAND, "2#"),
        ("- Ice 15 min bid", handout.SHORTHAND, "bid"),
        ("- calf stretch 3x30s", handout.SHORTHAND, "3x30s"),
        ("- heel slides x10", handout.SHORTHAND, "x10"),
        ("- WBAT with the walker", handout.SHORTHAND, "WBAT"),
        ("- Use the FWW at home", handout.SHORTHAND, "FWW"),
        ("- knee flexion to 95°", handout.SHORTHAND, "95°"),
    ],
)
def test_what_a_patient_must_not_get_is_found(line: str, code: str, term: str) -> None:
    text = CLEAN.replace("## When to call", f"{line}\n\n## When to call")
    found = [f for f in check_handout(text, phone=PHONE) if f.code == code]
    assert [f.term for f in found if f.term == term] == [term], [f.term for f in found]
    assert all(f.line == 8 for f in found if f.term == term), "the line it stands on"


def test_a_clinician_only_section_is_found() -> None:
    text = CLEAN.replace(
        "## When to call", "## Assessment\n- Good rehab potential.\n\n## When to call"
    )
    assert handout.SECTION in codes(text)


def test_when_to_call_must_give_the_clinic_phone() -> None:
    assert handout.NO_PHONE in codes(CLEAN.replace(PHONE, "the clinic"))
    assert handout.NO_PHONE in codes(CLEAN, phone=""), "no phone in context.toml is a finding"
    assert handout.NO_PHONE in codes(CLEAN.split("## When to call")[0])
    assert handout.NO_PHONE not in codes(CLEAN.replace(PHONE, "555.010.4477"))


def test_phrases_patients_use_are_not_shorthand() -> None:
    assert shorthand_terms("Go to the ER, call 911, or see your MD. OK?") == []


def test_readability_counts_abbreviations_as_jargon_even_at_a_low_grade() -> None:
    text = "supine SLR with quad set, 3x10, maintaining TKE. Progress to SAQ with 2# cuff weight"
    result = readability(text)
    terms = {item["term"] for item in result.jargon}
    assert {"supine", "SLR", "3x10", "TKE", "SAQ", "2#"} <= terms
    assert all(item["suggest"] for item in result.jargon)
