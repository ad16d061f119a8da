"""Numbers of inpatient, SNF, home-health and cardiopulmonary notes that are not what they look
like, each with a twin that must still be read: a ward's bed number, a visit's place in a
series, a date after "done", a whole-body turn, a goal after a distance, a date after a score,
feet written with a prime after a walk, a service's minutes before a device name, and a
blood pressure whose unit is in its key."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str) -> list[Fact]:
    return extract_facts(text)


def _values(text: str, kind: str) -> list[int | float | str]:
    return [f.value for f in _facts(text) if f.kind == kind]


def test_ward_and_bed_number_is_no_instrument_score() -> None:
    assert _values("Location: bed SICU 14\nPt supine on arrival.", "outcome") == []
    assert _values("Room: PCU 3; HR 81", "outcome") == []


def test_twin_an_instrument_after_a_place_line_is_read() -> None:
    facts = _facts("Room: PCU 3\nBIMS 12/15 per nursing.")
    assert [(f.measure, f.value) for f in facts if f.kind == "outcome"] == [("BIMS", 12)]
    facts = _facts("Supine in bed: HR 84, SpO2 93%.")
    assert [f.value for f in facts if f.kind == "other"] == [84, 93]


def test_place_in_a_series_of_visits_is_no_rating() -> None:
    assert _values("Home visit 7/12 (freq 1w4). Pt seated on arrival.", "pain") == []
    assert _values("Cardiac rehab sess 9/36; no angina.", "pain") == []
    assert _values("Tx #5 of 10 this cert period.", "pain") == []


def test_twin_a_rating_after_a_visit_word_is_still_pain() -> None:
    assert _values("Reports knee pain 5/10 after last visit.", "pain") == [5]
    assert _values("LBP x 3 wks 6/10 with sitting.", "pain") == [6]
    assert _values("Hip sore pre-visit 4/10, after visit 2/10.", "pain") == [4, 2]


def test_month_and_day_after_done_is_no_rating() -> None:
    assert _values("Caregiver training completed 4/10. Pt pleasant.", "pain") == []
    assert _values("Stair training performed 3/9 with PTA.", "pain") == []


def test_twin_a_rating_after_to_stays() -> None:
    assert _values("Pain eased from 7/10 to 4/10 with rest.", "pain") == [7, 4]


def test_whole_body_turn_is_no_range_of_motion() -> None:
    assert _values("Gait with SPC, turning 180 deg to sit with cues.", "rom") == []
    assert _values("Stand pivot 90° to commode, min A.", "rom") == []


def test_twin_a_joint_angle_near_a_turn_is_read() -> None:
    assert _values("R shoulder flexion 150°; turns head to L freely.", "rom") == [150]


def test_distance_before_goal_is_a_target() -> None:
    facts = _facts("Amb 90 ft with RW; endurance limits the 200 ft goal.")
    assert [f.value for f in facts if f.unit == "ft"] == [90]


def test_twin_distance_walked_before_the_word_goals_on_its_own_line() -> None:
    facts = _facts("Amb 200 ft with RW.\nGoals reviewed with family.")
    assert [f.value for f in facts if f.unit == "ft"] == [200]


def test_more_than_its_whole_is_no_score() -> None:
    facts = _facts("MoCA 21/30 (screened 5/2 by SLP). DHI 40 (11/6).")
    outcomes = [(f.measure, f.value) for f in facts if f.kind == "outcome"]
    assert outcomes == [("MoCA", 21), ("DHI", 40)]


def test_twin_scores_out_of_their_whole_are_read() -> None:
    facts = _facts("Tinetti 21/28 (balance 12/16, gait 9/12).")
    assert [f.value for f in facts if f.kind == "outcome"] == [21, 12, 9]


def test_prime_after_a_walked_prime_is_feet_not_minutes() -> None:
    text = "Amb 60' w/ FWW SBA, rest, then 90' CGA.\nGait trng 12 min. Total timed 12 min."
    facts = _facts(text)
    assert sorted(f.value for f in facts if f.unit == "ft") == [60, 90]
    assert [f.minutes for f in facts if f.kind == "service"] == [12]


def test_twin_a_service_named_after_the_walk_keeps_its_prime_minutes() -> None:
    facts = _facts("Gait 120', TherEx 20' (bridges, clams).")
    assert [f.value for f in facts if f.unit == "ft"] == [120]
    assert [(f.cpt, f.minutes) for f in facts if f.kind == "service"] == [("97110", 20)]


def test_number_glued_to_a_device_after_minutes_is_no_minutes() -> None:
    facts = _facts("Gait 14 min: 2WW in hallway, cues for step length.")
    assert [f.minutes for f in facts if f.kind == "service"] == [14]


def test_twin_keyed_minutes_are_read() -> None:
    facts = _facts("Neuro re-ed min: 18\nTherapeutic exercise minutes: 12 min")
    assert sorted(f.minutes or 0 for f in facts if f.kind == "service") == [12, 18]


def test_blood_pressure_with_its_unit_in_the_key_is_one_pair() -> None:
    facts = _facts("Blood pressure sitting (mmHg): 128/76\nHR sitting (bpm): 70")
    assert [f.value for f in facts if f.unit == "mmHg"] == ["128/76"]


def test_twin_a_single_pressure_under_a_keyed_unit_is_read() -> None:
    facts = _facts("MAP (mmHg): 84\nHR sitting (bpm): 70")
    assert 84 in [f.value for f in facts]
    assert extract_billing("MAP (mmHg): 84").billed == {}


def test_pressure_said_as_a_pair_is_a_blood_pressure() -> None:
    facts = _facts("Seated rest, pulse 88, pressure 142 over 84.")
    assert [f.value for f in facts if f.unit == "mmHg"] == ["142/84"]


def test_twin_a_pressure_setting_is_not_a_blood_pressure() -> None:
    facts = _facts("Compression pump pressure 40 mmHg x 30 min.")
    assert [f.value for f in facts if f.unit == "mmHg" and "/" in str(f.value)] == []


def test_bare_number_with_its_circumstance_after_a_pain_rating_is_a_rating() -> None:
    assert _values("Reports pain 7/10 on stairs, 3 at rest.", "pain") == [7, 3]


def test_twin_a_dose_after_a_pain_rating_is_not_a_rating() -> None:
    assert _values("Pain 5/10 today, 3 sets with yellow band.", "pain") == [5]
    assert _values("Pain 4/10, 12 reps at the wall.", "pain") == [4]


def test_minutes_over_a_period_with_a_prime_are_no_feet() -> None:
    facts = _facts("IRF week: PT 600' this wk, OT 540' per week.")
    assert [f.value for f in facts if f.unit == "ft"] == []


def test_twin_a_long_walk_with_a_prime_is_feet() -> None:
    facts = _facts("Amb 300' w/ RW, rest, 150' SBA.")
    assert sorted(f.value for f in facts if f.unit == "ft") == [150, 300]


def test_distance_travelled_in_a_wheelchair_is_read() -> None:
    facts = _facts("Wheelchair propelled 250 ft in hallway with set-up.")
    assert [(f.value, f.unit) for f in facts if f.kind == "other"] == [(250, "ft")]


def test_twin_a_wheelchair_size_is_not_a_distance() -> None:
    assert [
        f for f in _facts("Wheelchair seat depth 17 in, cushion 3 in.") if f.kind == "other"
    ] == []


def test_bare_borg_breathlessness_is_a_rating_not_pain() -> None:
    facts = _facts("6MWT 300 m; start Borg 0.5, end modified Borg dyspnea 4, SpO2 nadir 88%.")
    assert [(f.kind, f.value) for f in facts if f.label == "Borg dyspnea"] == [
        ("other", 0.5),
        ("other", 4),
    ]
    assert [f for f in facts if f.kind == "pain"] == []


def test_twin_borg_exertion_on_the_6_to_20_scale_is_no_breathlessness() -> None:
    facts = _facts("Bike 10 min, Borg RPE 13; Borg 15 at peak.")
    assert [f.value for f in facts if f.label.startswith("Borg")] == []
    assert [f.value for f in facts if f.label == "RPE"] == [13]


def test_count_of_rests_after_a_walk_test_is_no_score() -> None:
    facts = _facts("2MWT: 118 m with SPC (eval 96 m), 2 standing rests, SpO2 92%.")
    assert [f.value for f in facts if f.kind == "outcome"] == [118, 96]


def test_twin_a_score_after_rest_words_is_still_read() -> None:
    facts = _facts("After 5 min seated rest, 6MWT 240 m.")
    assert [f.value for f in facts if f.kind == "outcome"] == [240]
