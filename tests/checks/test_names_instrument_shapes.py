"""What is an instrument, decided from the shape of its name and its context, not a list.

Each reading has a twin that must not be read: a name with a roman-numeral version, an item
count or a score word keeps them ("SCIM III", "JFLS-20", "Perme score"); a day counter, a
machine, a setting, a place or a date before a number is no instrument ("DOL 41", "UBE 6'",
"PEEP 8", "IEP meeting 5/6", "Re-tested 2/14"); a 0-10 rating after an instrument's name is
its score, not pain, unless a pain word stands between.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def outcomes(text: str) -> list[tuple[str | None, object, str]]:
    return [
        (fact.measure, fact.value, fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


def values_of(text: str, kind: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


def measured(facts: list[Fact], measure: str) -> list[object]:
    return [fact.value for fact in facts if fact.kind == "outcome" and fact.measure == measure]


@pytest.mark.parametrize(
    ("line", "measure", "values"),
    [
        ("Walking index WISCI II = 12 (admission 8).\n", "WISCI II", [12, 8]),
        ("A: SCIM-III self-care 14/20.\n", "SCIM III", [14]),
        ("Functional status: SCIM III 52/100 at 6 wk.\n", "SCIM III", [52]),
        ("Part motor: UPDRS III 29 ON meds.\n", "UPDRS III", [29]),
    ],
)
def test_a_roman_numeral_after_an_acronym_is_part_of_its_name(
    line: str, measure: str, values: list[float]
) -> None:
    facts = extract_facts(line)
    assert measured(facts, measure) == values
    assert not [
        f
        for f in facts
        if f.measure and f.measure.split()[0] == measure.split()[0] and f.measure != measure
    ]


@pytest.mark.parametrize(
    ("line", "measure", "values"),
    [
        ("OT: QOL survey PHQ 9 came in at 7 today.\n", "PHQ-9", [7]),
        ("Jaw function JFLS 8 scored 2.4 (was 3.1).\n", "JFLS-8", [2.4, 3.1]),
        ("Dizziness: VADL 28 scored 61.\n", "VADL-28", [61]),
    ],
)
def test_an_item_count_before_a_score_opener_is_part_of_the_name(
    line: str, measure: str, values: list[float]
) -> None:
    assert measured(extract_facts(line), measure) == values


def test_a_number_after_an_acronym_with_nothing_after_is_its_score() -> None:
    # twin: no second number follows, so the number is the score, not an item count
    assert measured(extract_facts("Jaw: JFLS 8 today.\n"), "JFLS") == [8]
    assert measured(extract_facts("Screen: PHQ 9, reviewed.\n"), "PHQ") == [9]


def test_a_word_with_one_capital_after_a_lower_case_letter_is_no_name() -> None:
    assert outcomes("Labs: eGFR 58, pH 7.41, iPad 2 used for HEP video.\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "NICU: DOL 33, PMA 36 wk; TIMP not done.\n",
        "Acute: POD 2 s/p R THA, HD 4.\n",
        "Warm-up UBE 6' fwd/6' bwd; BAPS board lvl 3; TRX 3 x 10.\n",
        "Vent: PEEP 8, FIO2 35%; sat EOB 4 min.\n",
        "LSVT BIG session 7 of 16; YMCA class 3x/wk.\n",
    ],
)
def test_day_counters_equipment_settings_and_programs_are_no_instruments(line: str) -> None:
    assert outcomes(line) == []


def test_a_machine_with_minutes_in_primes_is_no_instrument() -> None:
    # an unlisted name whose number carries a prime is a dose ("Krankcycle 8'")
    assert outcomes("Tx: Krankcycle 8' lvl 2 for warm-up.\n") == []
    # twin: the same shape without the prime is a score of an unlisted instrument
    assert measured(extract_facts("O: KCCQ 64 (was 51).\n"), "KCCQ") == [64, 51]


@pytest.mark.parametrize(
    "line",
    [
        "Re-tested 2/14: Beery VMI standard score 92.\n",
        "Plan: IEP meeting 4/22, parent conference.\n",
        "Splint fabricated 3/9, checked today.\n",
    ],
)
def test_a_month_and_day_after_a_verb_or_an_event_is_a_date(line: str) -> None:
    assert not [value for measure, value, _ in outcomes(line) if measure != "Beery VMI"]


def test_a_fraction_after_a_name_is_still_an_unlisted_instruments_score() -> None:
    # twin of the dates: a proper name before a fraction scores a test the table does not list
    assert measured(extract_facts("Screen: Houghton 9/12, Lawton 5/8.\n"), "Houghton") == [9]


def test_a_score_word_labels_the_score_and_the_bracket_gives_the_earlier_one() -> None:
    facts = extract_facts("ICU: Perme score 18/32 (was 9/32).\n")
    assert measured(facts, "Perme") == [18, 9]
    assert [f.label for f in facts if f.measure == "Perme"] == [
        "Perme score",
        "Perme score (previous)",
    ]


@pytest.mark.parametrize(
    ("line", "measure", "value"),
    [
        ("Lymph: LYMQOL overall quality of life 5/10.\n", "LYMQOL", 5),
        ("Hand: Kapandji: 9/10 / 7/10\n", "Kapandji", 7),
        ("Onc: FACT-G wellbeing item 6/10.\n", "FACT-G", 6),
    ],
)
def test_a_rating_after_an_instruments_name_is_its_score_not_pain(
    line: str, measure: str, value: float
) -> None:
    facts = extract_facts(line)
    assert value in measured(facts, measure)
    assert value not in values_of(line, "pain")


def test_a_pain_word_between_keeps_the_rating_pain() -> None:
    line = "Lymph: LYMQOL done; arm pain 5/10 at night.\n"
    assert values_of(line, "pain") == [5]
    assert measured(extract_facts(line), "LYMQOL") == []


def test_a_rated_word_names_what_an_unlisted_instrument_scores() -> None:
    assert measured(extract_facts("Onc: FACIT fatigue 31 (IE 24).\n"), "FACIT") == [31, 24]
    # twin: a rating of that word out of ten stays a rating of it
    facts = extract_facts("Neuropathy: CIPN numbness 4/10.\n")
    assert measured(facts, "CIPN") == []
    assert [f.label for f in facts if f.value == 4] == ["numbness rating"]


def test_a_reflex_gain_after_a_lower_case_name_is_a_gain() -> None:
    facts = extract_facts("vHIT gain L 0.58, R 0.97.\n")
    assert [f.kind for f in facts] == ["other", "other"]


def test_a_rating_of_a_muscle_after_a_finding_stays_pain() -> None:
    line = "Pelvic: TTP L levator ani 4/10, R obturator internus 2/10.\n"
    assert values_of(line, "pain") == [4, 2]
    assert outcomes(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "Return to run: bounding test 24 single-leg bounds per side? no, hop test 20 hops.\n",
        "Diastasis: IRD 3 finger-widths above umbilicus.\n",
        "Balance: SOT 6 conditions, 3 trials each.\n",
    ],
)
def test_a_number_that_counts_a_noun_is_no_score(line: str) -> None:
    assert [v for _, v, _ in outcomes(line) if v in (20, 3, 6)] == []


def test_a_count_of_items_is_no_item_score() -> None:
    facts = extract_facts("PSFS (mean of 3 activities) 4.7, was 2.3.\n")
    assert 3 not in measured(facts, "PSFS")
    assert 4.7 in measured(facts, "PSFS")


def test_an_edition_before_a_colon_is_part_of_the_name() -> None:
    facts = extract_facts("Adolescent Sensory Profile 2 (self): Sensitivity 48/75.\n")
    assert measured(facts, "Adolescent Sensory Profile 2") == [48]
    # twin: two digits before the colon are a score, not an edition
    facts = extract_facts("Sensory Profile 64 (caregiver): typical range.\n")
    assert measured(facts, "Sensory Profile") == [64]


def test_a_battery_named_by_a_listed_alias_is_the_listed_instrument() -> None:
    facts = extract_facts("VMI standard score 91 (IE SS 83).\n")
    assert measured(facts, "Beery VMI") == [91, 83]


@pytest.mark.parametrize(
    ("line", "value"),
    [("Resident calm, PAINAD 2/10 with transfers.\n", 2), ("Peds: FLACC 4 during stretch.\n", 4)],
)
def test_an_observed_pain_scale_gives_pain(line: str, value: float) -> None:
    assert value in values_of(line, "pain")
    assert [v for _, v, _ in outcomes(line)] == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dx LBP 6/10 this am.\n", 6),
        ("CRPS 7/10 burning at rest.\n", 7),
        ("PFPS 3/10 on stairs.\n", 3),
    ],
)
def test_a_diagnosis_before_a_rating_is_rated_pain(line: str, value: float) -> None:
    assert values_of(line, "pain") == [value]
    assert outcomes(line) == []


def test_a_symptom_after_a_diagnosis_is_no_score() -> None:
    assert outcomes("Vestib: BPPV dizziness 6 with rolling.\n") == []
    # twin: what a questionnaire scores, straight after its name, is read with its score
    assert measured(extract_facts("Pulm: CRQ dyspnea 4.2 (was 3.1).\n"), "CRQ") == [4.2, 3.1]


def test_a_bracket_without_the_same_whole_gives_no_earlier_score() -> None:
    assert measured(extract_facts("Screen: Nottingham 31/40 (3 mo ago).\n"), "Nottingham") == [31]


@pytest.mark.parametrize(
    "line",
    [
        "Vitals: BMI 31.2, EF 35%, FEV1 1.2 L.\n",
        "Airway: ETT 7.5, NG 8 Fr, ISO 60 deg/s not tested.\n",
    ],
)
def test_vital_laboratory_and_device_values_are_no_instruments(line: str) -> None:
    assert outcomes(line) == []


def test_a_value_that_is_no_instrument_still_ends_the_name_before_it() -> None:
    # "NG 8" is read under no name, not as an item of the unlisted name before it
    facts = extract_facts("Scores: HAGOS 71, NG 8 Fr placed.\n")
    assert measured(facts, "HAGOS") == [71]


def test_an_item_count_said_before_it_came_to_is_part_of_the_name() -> None:
    facts = extract_facts("He did the FSQ 20, it came to 48 out of 100.\n")
    assert measured(facts, "FSQ-20") == [48]
    assert measured(facts, "FSQ") == []


@pytest.mark.parametrize(
    "line",
    ["Driving: DMV form 212 sent.\n", "Device: LVAD speed 5,400 rpm, flow 4.9 L/min.\n"],
)
def test_an_agency_form_and_a_device_setting_are_no_instruments(line: str) -> None:
    assert outcomes(line) == []
