"""What a number is (round 10, KIND): settings and targets left out by their meaning, and
measurements read where their shape is their evidence. Each reading has a twin that must not
be read.

A share of body weight, of the heart rate reserve or of a pace is a setting; a heart rate zone
to work in is a target; a fall's date is no rating. A heart rate measured over a bout as a range
is both its ends (tests/eval/CONVENTIONS.md), an ankle-brachial index is a ratio measured
directly (`other`), a wound's L x W x D is one fact per dimension, a balance test's stance time
is the stance's (`other` seconds), and a score said before a test's name is the test's.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _pairs(text: str, kind: str | None = None) -> list[tuple[str, object, str | None]]:
    return [(fact.kind, fact.value, fact.unit) for fact in facts_in(text, kind)]


def _values(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text)]


# -- settings and targets written as percentages ------------------------------------------------


def test_a_traction_load_as_a_share_of_body_weight_is_a_setting() -> None:
    text = "Mechanical traction supine 15 min, 40% body weight (31 kg), 60 s on / 20 s off."
    assert 40 not in _values(text) and facts_in(text, "strength") == []


def test_twin_a_share_measured_of_the_patient_stays_a_fact() -> None:
    assert ("other", 62, "%") in _pairs("Wound bed: granulation 62%, slough 38%.")


def test_a_pace_stepped_up_within_a_drill_is_a_setting() -> None:
    text = "Agility: shuttle runs at 60% -> 80% pace, ladder drills."
    assert 60 not in _values(text) and 80 not in _values(text)


def test_a_grade_written_after_a_speed_is_a_setting() -> None:
    text = "Treadmill 3.4 km/h 2% x 8 min warm-up, then 10MWT 1.12 m/s."
    assert 2 not in _values(text)
    assert ("outcome", 1.12, "m/s") in _pairs(text)


def test_a_share_of_the_heart_rate_reserve_and_an_increment_are_targets() -> None:
    text = (
        "Prescribed intensity 60-70% of HR reserve. Target HR range 95-115 (resting + 30-40%, "
        "per cardiologist)."
    )
    assert facts_in(text) == []


# -- heart rates over a bout --------------------------------------------------------------------


def test_a_heart_rate_range_measured_during_a_bout_is_both_ends() -> None:
    text = "Treadmill 2.8 mph, 3% grade; HR 104-112, BP 148/76 at the end."
    assert ("other", 104, "bpm") in _pairs(text) and ("other", 112, "bpm") in _pairs(text)


def test_twin_a_heart_rate_zone_to_work_in_is_a_target() -> None:
    assert 135 not in _values("Ther ex 13 min: sub-threshold bike at HR 135-140.")
    assert 100 not in _values("Target: keep pulse 100-125 per protocol.")


def test_a_peak_heart_rate_is_read() -> None:
    assert ("other", 128, "bpm") in _pairs("Heart rate peaked at 128 bpm during the carry.")


def test_twin_a_predicted_maximum_is_no_heart_rate() -> None:
    text = "Heart rate peaked at 128 bpm during the carry (age-predicted max 176)."
    assert 176 not in _values(text)


# -- indices and sizes measured of the patient --------------------------------------------------


def test_an_ankle_brachial_index_is_a_ratio_not_an_angle() -> None:
    text = "Ankle-brachial index today 0.71 left, 0.94 right."
    found = facts_in(text)
    assert [(fact.kind, fact.value) for fact in found] == [("other", 0.71), ("other", 0.94)]
    assert "L" in found[0].label and "R" in found[1].label


def test_a_wound_size_is_one_fact_per_dimension() -> None:
    text = "Wound #1 L heel: 4.2 x 3.1 x 0.3 cm (last wk 5.0 x 3.6 x 0.4 cm)."
    found = [fact for fact in facts_in(text) if fact.unit == "cm"]
    assert [fact.value for fact in found] == [4.2, 3.1, 0.3, 5.0, 3.6, 0.4]
    assert ["previous" in fact.label for fact in found] == [False] * 3 + [True] * 3


def test_twin_a_cushion_size_is_no_wound() -> None:
    assert facts_in("Seat cushion 40 x 40 x 8 cm gel, for the power chair.") == []


def test_a_date_in_brackets_after_an_earlier_timepoint_is_no_grade() -> None:
    text = "Wound size 3.8 x 2.4 x 0.6 cm; prior (1/5) 4.5 x 2.9 x 0.8 cm."
    assert facts_in(text, "mmt") == [] and facts_in(text, "pain") == []


# -- balance test stances, scores said before a name, fall dates --------------------------------


def test_the_stances_of_a_balance_test_are_times_inside_it() -> None:
    text = "4-Stage Balance Test: feet together 10 s, semi-tandem 10 s, tandem 4.2 s."
    assert _pairs(text) == [("other", 10, "s"), ("other", 10, "s"), ("other", 4.2, "s")]


def test_twin_a_timed_test_without_a_stance_stays_an_outcome() -> None:
    assert _pairs("TUG 12.8 s without device.") == [("outcome", 12.8, "s")]


def test_a_score_said_before_the_tests_name_is_its_score() -> None:
    found = facts_in("She scored 19 on the Berg today.")
    assert [(fact.kind, fact.measure, fact.value) for fact in found] == [("outcome", "Berg", 19)]


def test_twin_an_item_number_before_the_tests_name_is_no_score() -> None:
    assert facts_in("We practised item 3 on the Berg with cues.") == []


def test_a_falls_date_is_no_pain_rating() -> None:
    text = "LBP 4/10 today. Last fall 3/10 on the ice, no injury."
    assert [fact.value for fact in facts_in(text, "pain")] == [4]
