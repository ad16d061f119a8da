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


# -- speaker tags, distances in km, tests named by a distance, protocol angles, plan verbs ------


def test_a_speaker_tag_in_capitals_is_no_instrument() -> None:
    text = "[00:22:00] PATIENT: That last one made me a little woozy."
    assert facts_in(text, "outcome") == []


def test_twin_an_instrument_in_capitals_is_still_read() -> None:
    found = facts_in("[00:25:00] THERAPIST: DHI today 32.")
    assert [(fact.measure, fact.value) for fact in found] == [("DHI", 32)]


def test_a_run_in_km_is_no_knee_angle() -> None:
    assert facts_in("Nil knee pain at rest; knee sore after 5 km run on Sat.", "rom") == []


def test_a_distance_that_names_a_hop_test_is_its_course() -> None:
    text = "6 m timed hop ...... 2.31 s / 2.05 s"
    assert _pairs(text) == [("other", 2.31, "s"), ("other", 2.05, "s")]


def test_twin_a_distance_hopped_is_measured() -> None:
    assert ("other", 148, "cm") in _pairs("Single hop 148 cm / 172 cm")


def test_angles_listed_per_protocol_are_settings() -> None:
    text = "Orthosis remains on; wrist 20\u00b0 ext, MPs 60\u00b0 flex per protocol."
    assert facts_in(text, "rom") == []


def test_add_before_a_count_is_the_verb() -> None:
    assert facts_in("P: add 1 land session/wk at visit 8.", "rom") == []


def test_twin_hip_add_is_adduction() -> None:
    assert _pairs("Hip: flex 100, abd 30, add 15.", "rom")[-1] == ("rom", 15, None)


def test_star_cancellation_is_an_instrument() -> None:
    found = facts_in("L hand sensation impaired; star cancellation 46/54 (8 L omissions).")
    assert [(fact.measure, fact.value) for fact in found] == [("Star Cancellation", 46)]


def test_a_chairs_height_is_no_chair_stand_score() -> None:
    found = facts_in("30-second chair stand from her 17-inch dining chair: 8.")
    assert [(fact.measure, fact.value) for fact in found] == [("30s chair stand", 8)]


def test_the_flight_a_stair_test_climbs_is_no_score() -> None:
    assert 9 not in _values("Stair test 9 steps up/down with rail: 24.5 s.")


def test_a_heading_in_capitals_is_no_instrument() -> None:
    assert facts_in("HISTORY: Born at 27 weeks, NICU stay 84 days.", "outcome") == []


def test_twin_an_instrument_after_a_heading_is_read() -> None:
    found = facts_in("ASSESSMENT: Berg 41/56 today.")
    assert [(fact.measure, fact.value) for fact in found] == [("Berg", 41)]


# -- symptoms other than pain rated aloud -------------------------------------------------------


def test_a_symptom_said_to_be_a_number_is_its_rating_not_pain() -> None:
    text = "She says the spinning is about a three today. Nausea maybe a one."
    assert _pairs(text) == [("other", 3, "/10"), ("other", 1, "/10")]


def test_twin_a_region_said_to_be_a_number_is_pain() -> None:
    assert _pairs("Her neck is a two with turning.") == [("pain", 2, None)]


def test_twin_a_trips_hours_and_a_goal_are_no_ratings() -> None:
    text = "She drove a 2 hour trip. Goal: dizziness a 1 or less by discharge."
    assert facts_in(text) == []


def test_twin_a_step_tests_steps_are_its_score() -> None:
    assert 38 in _values("2-minute step test 38 steps (IE 22).")


def test_twin_a_limit_in_brackets_leaves_the_angles_before_it() -> None:
    text = (
        "R shoulder PROM flex 150\u00b0, ER @ 0\u00b0 abd 45\u00b0 (limit 60\u00b0 per protocol)."
    )
    assert 150 in _values(text) and 45 in _values(text) and 60 not in _values(text)


def test_a_cadence_in_brackets_is_measured() -> None:
    text = "Retest after cueing +7% cadence (169 steps/min): pelvic drop 5\u00b0."
    assert ("other", 169, "steps/min") in _pairs(text) and 7 not in _values(text)


def test_twin_a_tests_step_count_in_brackets_is_its_set_up() -> None:
    assert 9 not in _values("Stair climb test (9 steps) 12.4 s.")
