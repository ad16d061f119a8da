"""Scores of instruments no list names, known by their shape (round 19, the OUTCOME class):
a written-out name glossed by its acronym, a version in the name, an earlier score in a
bracket after the score, domain lines under an instrument's heading, a total after the items
and subtests after a standard score; each with the near miss that must not be read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact


def _outcomes(text: str) -> dict[float, str]:
    return labels_of(text, "outcome")


@pytest.mark.parametrize(
    ("text", "measure", "value"),
    [
        ("Freezing of gait questionnaire (FOG-Q) 11/24", "FOG-Q", 11),
        ("Central Sensitization Inventory (CSI) 44/100", "CSI", 44),
        ("Fear-Avoidance Components Scale (FACS) 38/100", "FACS", 38),
        ("Work Ability Index (WAI) 31", "WAI", 31),
        ("Vestibular Activities and Participation measure (VAP) 1.8", "VAP", 1.8),
        ("Sense of Balance Questionnaire (SBQ): 14", "SBQ", 14),
    ],
)
def test_a_glossed_name_scores_under_its_acronym(text: str, measure: str, value: float) -> None:
    assert one_fact(text, "outcome", value).measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "Total knee arthroplasty (TKA) 6 weeks ago.",
        "Home Exercise Program (HEP) 2x/day.",
        "Intensive Care Unit (ICU) stay 5 days.",
        "Seen in Physical Therapy Department (PTD) 2 today.",
    ],
)
def test_a_gloss_of_no_instrument_gives_no_score(text: str) -> None:
    assert not facts_in(text, "outcome")


@pytest.mark.parametrize(
    ("text", "version", "score"),
    [
        ("Hemophilia Joint Health Score (HJHS 2.1), item totals: HJHS total 12/124", 2.1, 12),
        ("Stroke Impact Scale 3.0 hand domain 45.", 3.0, 45),
        ("SIS version 3 mobility 62", 3, 62),
    ],
)
def test_a_version_is_no_score(text: str, version: float, score: float) -> None:
    found = _outcomes(text)
    assert float(version) not in found and float(score) in found


@pytest.mark.parametrize(
    ("text", "value"),
    [("VAP 1.8 (eval 2.6)", 1.8), ("QuickDASH 2.3 today", 2.3), ("LYMQOL arm: function 1.9", 1.9)],
)
def test_a_score_with_one_decimal_stays_a_score(text: str, value: float) -> None:
    assert value in _outcomes(text)


@pytest.mark.parametrize(
    ("text", "now", "earlier"),
    [
        ("HJHS total 12/124 (2099 visit: 9/124)", 12, 9),
        ("Perme ICU Mobility Score 17/32 (first PT day: 8/32).", 17, 8),
        ("Fugl-Meyer UE motor 38/66 (FM-UE at PR 02/26: 33/66)", 38, 33),
        ("Functional Gait Assessment (FGA) 19/30 (eval 02/11: 14/30)", 19, 14),
    ],
)
def test_a_bracket_naming_a_time_gives_the_earlier_score(text: str, now: int, earlier: int) -> None:
    found = _outcomes(text)
    assert "previous" not in found[now] and "previous" in found[earlier]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trunk Control Test 61/100 (goal by d/c: 87/100).", 87),
        ("Berg 41/56 (cut-off: 45/56)", 45),
    ],
)
def test_a_bracket_naming_a_target_or_norm_gives_no_score(text: str, value: int) -> None:
    assert float(value) not in _outcomes(text)


def test_domain_lines_under_an_instrument_heading_are_its_scores() -> None:
    text = (
        "ASQ-3 (8-month questionnaire, scored for corrected age):\n"
        "  Communication 45 (cutoff 33.06) - above\n"
        "  Gross motor 20 (cutoff 30.61) - below\n"
    )
    found = _outcomes(text)
    assert found[45] == "ASQ-3 Communication" and found[20] == "ASQ-3 Gross motor"
    assert 33.06 not in found and 30.61 not in found


def test_a_proper_name_with_its_edition_heads_its_domains() -> None:
    found = _outcomes("Bayley-4 scaled scores:\n  Cognitive 9\n  Receptive communication 7\n")
    assert found == {9.0: "Bayley-4 Cognitive", 7.0: "Bayley-4 Receptive communication"}


@pytest.mark.parametrize(
    "text",
    [
        "Equipment:\n  Walker 2\n  Stander 1\n",
        "Meds:\n  Gabapentin 300\n  Tylenol 500\n",
        "Exercise Log:\n  Bridges 10\n  Clams 15\n",
        "MMT:\n  Quad 4\n  Hams 4\n",
    ],
)
def test_a_heading_that_names_no_instrument_gives_no_scores(text: str) -> None:
    assert not facts_in(text, "outcome")


def test_a_total_after_the_items_is_the_instruments_score() -> None:
    text = "Alberta Infant Motor Scale: prone 8, supine 8, sitting 4, standing 2; total 22."
    assert _outcomes(text)[22] == "Alberta Infant Motor Scale"


@pytest.mark.parametrize(
    "text",
    ["Berg: sitting 4, standing 3; total 31 min.", "Ther ex: clams 2x10, bridges 3x10; total 31"],
)
def test_a_total_of_minutes_or_exercises_is_no_score(text: str) -> None:
    assert 31.0 not in _outcomes(text)


def test_subtests_after_a_standard_score_are_the_batterys() -> None:
    text = (
        "Beery VMI standard score 82 (initial 74); visual perception supplemental 91; "
        "motor coordination 77"
    )
    found = _outcomes(text)
    assert "previous" in found[74]
    assert found[91].endswith("visual perception supplemental")
    assert found[77].endswith("motor coordination")


def test_a_list_after_a_score_of_no_kind_is_left_alone() -> None:
    assert 110.0 not in _outcomes("Berg 41/56; flexion 110")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Freezing of Gait Questionnaire 11/24.", 11),
        ("Today the Sense of Coherence Scale 58/91", 58),
        ("Fear of Falling Questionnaire: 12", 12),
    ],
)
def test_a_name_joined_by_of_is_read_whole(text: str, value: int) -> None:
    fact = one_fact(text, "outcome", value)
    assert fact.measure is not None and " of " in fact.measure
    assert not fact.measure.startswith("Today")


@pytest.mark.parametrize(
    "text", ["Range of motion test 90 deg", "Quality of Life Scale 3 times weekly"]
)
def test_a_sentence_with_of_is_no_instruments_name(text: str) -> None:
    assert not facts_in(text, "outcome")


@pytest.mark.parametrize(
    "text",
    [
        "L index finger, active (passive):\n  MCP  0-75 (0-85)\n  PIP  -15-70 (0-95)\n",
        "FIM:\n Bed/chair transfer    3   5\n Walk                  2   4\n",
    ],
)
def test_a_body_heading_or_a_grid_of_columns_gives_no_domain_scores(text: str) -> None:
    assert not facts_in(text, "outcome")
