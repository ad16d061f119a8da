"""Scales named by a lower-case letter before an acronym, with their long and spoken names.

A note says "modified Vancouver 7/13" and its draft "mVSS 7/13"; a dictation says "modified MRC
dyspnea scale, grade 2" and the draft "mMRC grade 2": one instrument each time. Each reading has
a twin that must not be read: a grade of a technique, a disease's stage or class, a test's
numbered condition, a facility before a fraction, litres of oxygen after a walk.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.names import resolve
from tui.core.checks.verify.verify import verify


def measured(text: str, measure: str) -> list[object]:
    return [
        fact.value
        for fact in extract_facts(text)
        if fact.kind == "outcome" and fact.measure == measure
    ]


def outcomes(text: str) -> list[tuple[str | None, object]]:
    return [(fact.measure, fact.value) for fact in extract_facts(text) if fact.kind == "outcome"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("modified Vancouver", "mVSS"),
        ("Modified Vancouver Scar Scale", "mVSS"),
        ("modified Medical Research Council dyspnoea scale", "mMRC"),
        ("Modified Balance Error Scoring System", "mBESS"),
        ("Modified Clinical Test of Sensory Interaction on Balance", "mCTSIB"),
        ("International Hip Outcome Tool-12", "iHOT-12"),
        ("iHOT12", "iHOT-12"),
    ],
)
def test_a_long_name_resolves_to_its_short_one(written: str, name: str) -> None:
    assert resolve(written) == name


def test_the_scale_without_its_modifier_is_another_instrument() -> None:
    assert resolve("Vancouver Scar Scale") != "mVSS"
    assert resolve("MRC sum score") != "mMRC"


def test_a_graded_scale_reads_its_grade_and_the_earlier_one() -> None:
    text = "O: On the modified MRC dyspnea scale he is a grade 2, he was a grade 3 at IE.\n"
    facts = [f for f in extract_facts(text) if f.measure == "mMRC"]
    assert [(f.value, "previous" in f.label) for f in facts] == [(2, False), (3, True)]


def test_a_grade_of_a_technique_is_no_score() -> None:
    assert outcomes("Tx: grade 3 PA glides L4-5, 3 x 30 s.\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "Hx: COPD, GOLD stage 3 per pulmonology.\n",
        "Imaging: R hip KL 2 with joint-space narrowing.\n",
        "Cardiology letter: NYHA class II.\n",
    ],
)
def test_a_disease_stage_is_no_score_and_no_measurement(line: str) -> None:
    assert extract_facts(line) == []


def test_a_score_beside_a_disease_stage_is_still_read() -> None:
    assert measured("COPD GOLD 3. CAT 18/40 (was 24/40).\n", "CAT") == [18, 24]


def test_a_condition_of_a_test_is_no_total_and_the_total_is() -> None:
    text = "mCTSIB -- condition 4: 11 s, stepped out.\nmCTSIB total 101/120 (IE 78/120).\n"
    assert measured(text, "mCTSIB") == [101, 78]


def test_a_numbered_trial_is_no_score_but_its_time_is() -> None:
    # a trial's time inside a test is `other` in seconds (CONVENTIONS.md), never the score
    facts = extract_facts("T25FW trial 2: 8.8 s\n")
    assert [(f.kind, f.value, f.unit) for f in facts] == [("other", 8.8, "s")]


def test_a_facility_before_a_fraction_names_no_instrument() -> None:
    assert outcomes("UEMS see flowsheet. IRF admit 14/50.\n") == []
    assert measured("Lawton IADL 4/8 today.\n", "Lawton IADL") == [4]


def test_litres_of_oxygen_after_a_walk_are_no_distance() -> None:
    assert measured("6MWT 310 m on 2 litres, SpO2 nadir 88%.\n", "6MWT") == [310]


NOTE = "O: Scar rating modified Vancouver seven out of thirteen. Grip 26 kg.\n"


def test_a_drafts_short_name_is_backed_by_the_notes_long_one() -> None:
    assert verify(NOTE, "Scar: mVSS 7/13. Grip 26 kg.\n").clean


def test_a_changed_score_under_the_short_name_is_still_caught() -> None:
    result = verify(NOTE, "Scar: mVSS 5/13. Grip 26 kg.\n")
    assert [fact.value for fact in result.unsupported] == [5]


@pytest.mark.parametrize(
    ("line", "measure", "values"),
    [
        ("Trail Making Test B            142 s      > 180 s = refer\n", "Trail Making B", [142]),
        ("Cognition: TMT-B 98 s (cut-off 180 s).\n", "Trail Making B", [98]),
        ("Trail Making Test part A 41 s.\n", "Trail Making A", [41]),
        ("Four Square Step Test 16.8 s\n", "Four Square Step Test", [16.8]),
        ("  PFDI 20 today 88 (IE 142)\n", "PFDI-20", [88, 142]),
    ],
)
def test_a_written_out_or_numbered_name_is_the_listed_instrument(
    line: str, measure: str, values: list[object]
) -> None:
    assert measured(line, measure) == values


def test_a_cut_off_after_a_written_out_name_is_no_score() -> None:
    assert measured("Trails B 142 s (cut-off 180 s).\n", "Trail Making B") == [142]


def test_the_item_count_of_a_numbered_form_is_no_score() -> None:
    assert 20 not in measured("PFDI 20 today 88 (IE 142)\n", "PFDI-20")


@pytest.mark.parametrize(
    "line",
    ["Plan: on-road assessment 4/15 in dual-brake car.\n", "Road test booked 4/15.\n"],
)
def test_a_month_and_day_after_an_event_is_no_score(line: str) -> None:
    assert outcomes(line) == []


def test_a_fraction_after_an_unlisted_assessment_is_still_its_score() -> None:
    assert measured("Sensory assessment total 8/12 today.\n", "Sensory assessment") == [8]


def test_another_version_of_a_listed_test_keeps_its_own_name() -> None:
    assert measured("Screen: Oral Trails B 71 s.\n", "Trail Making B") == []
    assert measured("Screen: Trails B 71 s.\n", "Trail Making B") == [71]


def test_a_tests_norms_in_a_bracket_are_no_score_and_the_score_after_is() -> None:
    text = "  Beery VMI (mean 100 / SD 15): standard score 84 (14th percentile)\n"
    assert measured(text, "Beery VMI") == [84]


def test_a_bracket_without_norms_still_holds_the_earlier_score() -> None:
    assert measured("Berg 45/56 (was 38/56).\n", "Berg") == [45, 38]


def test_a_month_and_day_after_a_visit_is_no_score_of_the_test_before() -> None:
    text = "Plan: cane indoors when POMA >= 22; next visit 3/28.\nTinetti today 9/28.\n"
    assert measured(text, "Tinetti") == [9]


@pytest.mark.parametrize(
    ("line", "measure", "earlier"),
    [
        ("T25FW trial 1 10.1 s, trial 2 9.5 s, mean 9.8 s (IE mean 12.4 s).\n", "T25FW", 12.4),
        ("  - T25FW 9.8 s (mean of 2 trials; 11.2 s on 12/15/27).\n", "T25FW", 11.2),
    ],
)
def test_a_patients_own_mean_in_a_bracket_is_still_a_score(
    line: str, measure: str, earlier: float
) -> None:
    assert earlier in measured(line, measure)
