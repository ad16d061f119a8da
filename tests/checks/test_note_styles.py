"""Facts read from notes written in styles the extractor was not first written against (issue
12): each class of reading, with notes of our own and the readings that must not be made."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact
from tui.core.checks.extract import extract_billing


def _values(text: str, kind: str | None = None) -> list[object]:
    return [fact.value for fact in facts_in(text, kind)]


# -- an arrow leads from the earlier value to the later one ---------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "earlier", "later"),
    [
        ("Progress since SOC:\n* Shoulder pain (overhead): 7/10 -> 3/10\n", "pain", 7, 3),
        ("PSFS (reaching shelf) 3 → 8 over the episode.", "outcome", 3, 8),
        ("Hip flex PROM 95° => 118° after mobs.", "rom", 95, 118),
        ("Five times sit to stand 19.2 s --> 12.7 s.", "outcome", 19.2, 12.7),
        ("Grip strength R 18 kg → 26 kg.", "strength", 18, 26),
        ("Glute med MMT 3/5 -> 4-/5 R.", "mmt", "3", "4-"),
    ],
)
def test_an_arrow_makes_the_value_before_it_the_earlier_one(
    text: str, kind: str, earlier: object, later: object
) -> None:
    assert "previous" in one_fact(text, kind, earlier).label
    assert "previous" not in one_fact(text, kind, later).label


def test_a_range_before_an_arrow_is_earlier_in_both_ends() -> None:
    text = "L elbow AROM 25-110° -> 5-138°."
    assert "previous" in one_fact(text, "rom", 110).label
    assert "previous" not in one_fact(text, "rom", 138).label


def test_a_range_written_with_an_arrow_is_a_range_not_a_change() -> None:
    text = "R knee flexion 0→125°."
    assert "previous" not in one_fact(text, "rom", 125).label


# -- criteria, bounds and targets are not measurements -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Progress to jogging when soreness stays at 3/10 or lower.", 3),
        ("Discharge criterion: hop test symmetry >= 90% both legs.", 90),
        ("Aim for hip flexion 120°+ before squatting.", 120),
        ("Pain 5/10 when reaching beyond 100° of abduction.", 100),
        ("Return to sport once quad index at or above 85%.", 85),
        ("Next session: increase walking distance towards 300 ft.", 300),
    ],
)
def test_criteria_and_bounds_are_not_read(text: str, value: int) -> None:
    assert value not in _values(text), facts_in(text)


def test_the_measured_value_beside_a_criterion_is_still_read() -> None:
    text = "Pain 4/10 when reaching beyond 100° of abduction."
    assert _values(text, "pain") == [4]
    assert 100 not in _values(text)


# -- sizes of equipment and positions held during a test -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lateral step-ups onto a 25 cm platform, 3x10.", 25),
        ("Box jumps to 30 cm box x 8.", 30),
        ("Sit-to-stand from a 45 cm stool without hands.", 45),
        ("Fitted 0.5 cm heel lift L shoe.", 0.5),
        ("Pool session, water depth 1.4 m.", 1.4),
        ("Step height 18 cm for stair practice.", 18),
    ],
)
def test_equipment_sizes_are_not_measurements(text: str, value: float) -> None:
    assert value not in _values(text), facts_in(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Roll test positive R with 30° head tilt.", 30),
        ("Hip IR measured seated, knees bent to 90°: R 28°, L 35°.", 90),
        ("Tested with elbows flexed to 90°.", 90),
    ],
)
def test_positions_held_during_a_test_are_not_range_of_motion(text: str, value: int) -> None:
    assert value not in _values(text, "rom"), facts_in(text)


def test_the_measured_angles_beside_a_test_position_are_read() -> None:
    text = "Hip IR measured seated, knees bent to 90°: R 28°, L 35°."
    assert sorted(v for v in _values(text, "rom") if isinstance(v, int)) == [28, 35]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shoulder flexion improved by roughly 20 degrees since eval.", 20),
        ("Abduction gained about 15° this week.", 15),
        ("Flexion 142°, normal is around 160°.", 160),
        ("ODI 30%; MCID (10) reached.", 10),
    ],
)
def test_hedged_changes_and_references_are_not_measurements(text: str, value: int) -> None:
    assert value not in _values(text), facts_in(text)


# -- snake_case keys of a form export --------------------------------------------------------------


def test_snake_case_keys_read_with_their_unit() -> None:
    text = (
        "hip_flex_r_deg: 105\n"
        "hip_flex_l_deg: 122\n"
        "pinch_key_r_kg: 6.5\n"
        "lefs_prev: 31\n"
        "lefs_score: 44\n"
        "97112_neuro_min: 18\n"
        "total_timed_min: 18\n"
    )
    right = one_fact(text, "rom", 105)
    assert {"R", "hip", "flexion"} <= set(right.label.split())
    assert text[right.span[0] : right.span[1]] == "105"
    assert "L" in one_fact(text, "rom", 122).label
    assert one_fact(text, "strength", 6.5).unit == "kg"
    assert "previous" in one_fact(text, "outcome", 31).label
    assert "previous" not in one_fact(text, "outcome", 44).label
    billing = extract_billing(text)
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97112", 18)]
    assert billing.total_timed_minutes == 18


# -- minutes written on the billing line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "services", "units"),
    [
        (
            "Charges: 97112 x2 (26 min), 97535 x1 (9 min).",
            [("97112", 26), ("97535", 9)],
            {"97112": 2, "97535": 1},
        ),
        (
            "Billed: 97165 (OT eval, low, 35 min) x1; 97530 (13 min) x1.",
            [("97165", 35), ("97530", 13)],
            {"97165": 1, "97530": 1},
        ),
        (
            "Billing codes: 97140 x1 (11'); 97116 x2 (24').",
            [("97140", 11), ("97116", 24)],
            {"97140": 1, "97116": 2},
        ),
    ],
)
def test_minutes_in_a_billed_item(
    line: str, services: list[tuple[str, int]], units: dict[str, int]
) -> None:
    billing = extract_billing("Treatment as below.\n" + line + "\n")
    assert [(s.cpt, s.minutes) for s in billing.services] == services
    assert dict(billing.billed) == units


def test_a_charges_block_with_leader_dots_bills_each_code_once() -> None:
    text = (
        "Visit notes above.\n\nCharge summary\n"
        "  97535 self-care training ......... 20 min\n"
        "  97110 therapeutic exercise .... 9 min\n"
        "  Units: 97535 x1, 97110 x1\n"
    )
    billing = extract_billing(text)
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97535", 20), ("97110", 9)]
    assert dict(billing.billed) == {"97535": 1, "97110": 1}


def test_the_billing_line_and_the_treatment_text_state_one_service_once() -> None:
    text = (
        "Ther ex 14 min: clamshells, bridges.\n"
        "Edema mgmt: retrograde massage L hand, 10 min.\n"
        "Billing - 97110 x1 (14'); 97140 x1 (10').\n"
    )
    services = [(f.cpt, f.minutes) for f in facts_in(text, "service")]
    assert sorted(services) == [("97110", 14), ("97140", 10)]


# -- muscle grades beside names that look like instruments ---------------------------------------


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("Myotomes L4-S1: FHL R 4/5, L 5/5; tib post R 4-/5.", ["4", "5", "4-"]),
        ("Pelvic floor: PFM Oxford grade 2/5 today.", ["2"]),
        ("Special tests: SLUMP neg; hip ext MMT R 3+/5, L 4/5.", ["3+", "4"]),
    ],
)
def test_a_grade_out_of_five_is_a_muscle_grade_not_an_instrument_score(
    text: str, grades: list[str]
) -> None:
    assert _values(text, "mmt") == grades
    assert facts_in(text, "outcome") == []


def test_the_named_muscle_labels_its_grade() -> None:
    assert "FHL" in one_fact("FHL R 4/5, L 5/5.", "mmt", "5").label.split()


def test_an_unknown_name_followed_by_a_dose_is_equipment() -> None:
    text = "Warm-up on SciFit 8 min level 4; arm ergometer 6 min."
    assert facts_in(text, "outcome") == []


def test_a_rating_before_on_the_name_is_a_rating() -> None:
    text = "L hip pain 3/10 on the Elliptigo today."
    assert _values(text, "pain") == [3]
    assert facts_in(text, "outcome") == []


def test_a_length_in_millimetres_is_no_instrument_score() -> None:
    text = "Moving 2PD thumb pulp 5 mm."
    assert facts_in(text, "outcome") == []
    assert one_fact(text, "other", 5).unit == "mm"


# -- several values in one phrase ---------------------------------------------------------------


def test_values_of_one_test_across_a_pipe_belong_to_it() -> None:
    text = "Gait speed self-selected 0.74 m/s | fast 1.02 m/s\n"
    assert [(f.measure, f.value) for f in facts_in(text, "outcome")] == [
        ("10MWT", 0.74),
        ("10MWT", 1.02),
    ]


def test_a_hyphenated_name_is_another_instrument() -> None:
    text = "TUG 10.2 s; TUG-manual (carrying cup) 13.9 s."
    found = {(f.measure, f.value) for f in facts_in(text, "outcome")}
    assert found == {("TUG", 10.2), ("TUG-manual", 13.9)}


def test_a_name_written_like_an_instrument_ends_the_items_of_the_one_before() -> None:
    text = "LEFS 51/80, Mini-BESTest 21/28."
    found = {(f.measure, f.value) for f in facts_in(text, "outcome")}
    assert found == {("LEFS", 51), ("Mini-BESTest", 21)}


@pytest.mark.parametrize(
    ("text", "measure", "now", "before"),
    [
        ("2MWT 142 m, HR peak 118, RPE 13 (at SOC 96 m).", "2MWT", 142, 96),
        ("FTSTS 14.1 s with arms crossed (IE 22.8 s).", "5xSTS", 14.1, 22.8),
        ("ODI 24% today, sitting 40 min tolerated (intake: 46%).", "ODI", 24, 46),
    ],
)
def test_an_earlier_score_later_in_the_sentence_belongs_to_the_measure(
    text: str, measure: str, now: float, before: float
) -> None:
    scores = {f.value: f for f in facts_in(text, "outcome") if f.measure == measure}
    assert "previous" not in scores[now].label
    assert "previous" in scores[before].label


def test_a_value_of_another_unit_is_not_taken_as_the_earlier_score() -> None:
    text = "6MWT 402 m, SpO2 nadir 91% (last visit 88%)."
    assert [f.value for f in facts_in(text, "outcome")] == [402]


def test_a_bare_score_takes_no_earlier_value_from_far_along_the_sentence() -> None:
    text = "NDI 18 today, desk work 2 h before symptoms (intake: 30)."
    assert [f.value for f in facts_in(text, "outcome")] == [18]


# -- lags, dated brackets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("SAQ with -10° quad lag.", 10), ("Terminal knee ext: 7 deg extensor lag L.", 7)],
)
def test_a_lag_written_before_the_word_is_a_lag_not_range_of_motion(text: str, value: int) -> None:
    lag = one_fact(text, "other", value)
    assert "lag" in lag.label
    assert facts_in(text, "rom") == []


def test_a_bracket_opened_by_a_date_holds_earlier_values() -> None:
    text = "KOOS JR 62 (4/02: 48). Grip R 21 kg (4/02: 15 kg)."
    assert "previous" in one_fact(text, "outcome", 48).label
    assert "previous" not in one_fact(text, "outcome", 62).label
    assert "previous" in one_fact(text, "strength", 15).label
    assert 4 not in _values(text) and 2 not in _values(text)


# -- numbers that are not what they look like ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stacking task: 7/10 cubes placed without dropping.", 7),
        ("Tossed bean bags into target 6/10 throws.", 6),
        ("Fastened 3/5 buttons on the vest.", 3),
    ],
)
def test_counted_things_are_not_ratings_or_grades(text: str, value: int) -> None:
    assert value not in _values(text), facts_in(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Deep lunges 20-60° knee flexion with cueing.", 60),
        ("Wall squats to 70° then hold.", 70),
    ],
)
def test_the_range_an_exercise_is_done_through_is_not_range_of_motion(
    text: str, value: int
) -> None:
    assert value not in _values(text, "rom"), facts_in(text)


def test_a_load_after_a_motion_is_no_range_of_motion() -> None:
    text = "Sidelying abduction with 4 pounds; ER at side to 5 pounds."
    assert facts_in(text, "rom") == []


def test_a_spoken_vertebral_level_is_no_range_of_motion() -> None:
    text = "IR behind the back, reaches to L 3 with the thumb."
    assert facts_in(text, "rom") == []


def test_a_fraction_of_another_whole_after_a_score_is_not_its_score() -> None:
    text = "Berg 44/56 (was 38/56 on admission 3/14)."
    assert [f.value for f in facts_in(text, "outcome")] == [44, 38]


# -- a reading never reaches across a line end ----------------------------------------------------


@pytest.mark.parametrize("next_line", ["X-ray reviewed.", "## Goals", "Target: return to golf."])
def test_what_follows_on_the_next_line_does_not_change_a_score(next_line: str) -> None:
    text = f"KOOS JR 58.2 vs 47.9\n\n{next_line}\n"
    assert [f.value for f in facts_in(text, "outcome")] == [58.2, 47.9]


def test_a_single_leader_dot_does_not_end_the_sentence() -> None:
    text = "Objective, today vs IE:\n  R hip IR (seated) . 30° vs 12°\n"
    today = one_fact(text, "rom", 30)
    assert {"R", "hip", "IR"} <= set(today.label.split())
    assert "previous" in one_fact(text, "rom", 12).label


# -- timed values tracked over time, digit joints, minutes keyed by code ---------------------------


@pytest.mark.parametrize(
    ("text", "now", "before", "unit"),
    [
        ("Prone plank 40 s (IE 15 s).", 40, 15, "s"),
        ("Donned socks in 95 s (baseline 240 s).", 95, 240, "s"),
        ("Standing tolerance at sink 12 min (SOC 3 min).", 12, 3, "min"),
    ],
)
def test_a_value_with_its_earlier_value_in_a_bracket_is_measured(
    text: str, now: int, before: int, unit: str
) -> None:
    current = one_fact(text, "other", now)
    assert current.unit == unit and "previous" not in current.label
    assert "previous" in one_fact(text, "other", before).label


def test_a_dose_with_a_goal_in_a_bracket_is_not_measured() -> None:
    text = "Side plank hold 3x20 s (goal 45 s)."
    assert facts_in(text, "other") == []


def test_repetitions_compared_are_left_to_the_dose_rules() -> None:
    text = "Bridges 12 reps (was 8 reps)."
    assert facts_in(text, "other") == []


def test_a_digit_joint_keeps_its_digit() -> None:
    text = "Great toe MTP ext 40°; thumb CMC abd 35°."
    assert "great toe MTP" in one_fact(text, "rom", 40).label
    assert "thumb CMC" in one_fact(text, "rom", 35).label


def test_minutes_keyed_by_code_on_a_minutes_line() -> None:
    text = "Minutes: balance 12 (97112) | gait 11 (97116).\nBilled: 97112 x1, 97116 x1\n"
    billing = extract_billing(text)
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97112", 12), ("97116", 11)]


# -- lists of values under one key or one pair of sides --------------------------------------------


def test_a_key_unit_over_a_list_of_named_values() -> None:
    text = "Lumbar AROM (deg) = flex 50 / ext 15 / SB R 20 / SB L 25\nPinch (kg) = key R 6, L 8\n"
    assert sorted(v for v in _values(text, "rom") if isinstance(v, int)) == [15, 20, 25, 50]
    assert "L" in one_fact(text, "rom", 25).label.split()
    assert one_fact(text, "strength", 8).unit == "kg"


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("Hamstrings R/L 3+/4 out of 5.", ["3+", "4"]),
        ("Hip ext R/L 4-/4+.", ["4-", "4+"]),
    ],
)
def test_grades_for_a_pair_of_sides(text: str, grades: list[str]) -> None:
    found = facts_in(text, "mmt")
    assert [f.value for f in found] == grades
    assert [f.label.split()[0] for f in found] == ["R", "L"]
    assert facts_in(text, "rom") == []


def test_a_walking_speed_is_the_gait_speed() -> None:
    text = "Ambulation: short steps, wide base, 0.74 m/s with SPC."
    speed = one_fact(text, "outcome", 0.74)
    assert speed.measure == "10MWT" and speed.unit == "m/s"


def test_a_treadmill_speed_is_a_dose() -> None:
    text = "Walking on the treadmill at 0.9 m/s for 8 min."
    assert facts_in(text, "outcome") == []


@pytest.mark.parametrize(
    ("line", "code", "minutes"),
    [
        ("Soft tissue mobilisation upper traps (prone) - 12 minutes.", "97140", 12),
        (
            "Exercise program progressed (rows, wall slides) - 14 minutes, cues for scapular set.",
            "97110",
            14,
        ),
    ],
)
def test_minutes_closing_a_line_that_a_service_opens(line: str, code: str, minutes: int) -> None:
    assert [(f.cpt, f.minutes) for f in facts_in(line, "service")] == [(code, minutes)]


def test_w_slash_is_with_not_watts() -> None:
    text = "Orthostatic: standing BP 92/60 w/ dizziness."
    assert one_fact(text, "other", "92/60").label == "blood pressure"


def test_a_vital_sign_before_a_full_stop() -> None:
    text = "Seated: HR 74 | BP 126/80 | RR 18."
    assert one_fact(text, "other", 18).label == "respiratory rate"


def test_a_value_compared_with_the_other_side() -> None:
    text = "Hip IR measured at 18 degrees against 34 on the left."
    assert "L" in one_fact(text, "rom", 34).label.split()


def test_a_conversion_in_a_bracket_is_not_another_value() -> None:
    text = "Jamar pos II: R 20 kg, L 31 kg (approx. 44 lb / 68 lb)."
    assert sorted(_values(text, "strength")) == [20, 31]


def test_a_test_named_in_words_with_a_reporting_verb() -> None:
    text = "Her FAAM questionnaire came back at 61 out of 84."
    found = one_fact(text, "outcome", 61)
    assert found.measure == "FAAM" and found.unit == "/84"


def test_a_count_of_cues_is_not_a_measurement() -> None:
    text = "Hip abduction in sidelying with 2 tactile cues; knee precautions kept w/ 1 verbal cue."
    assert facts_in(text) == []


@pytest.mark.parametrize(
    "text", ["MMT ankle PF R / L | 3+/5 / 5/5 |", "Strength: glute max R/L 3+/5 / 5/5."]
)
def test_grades_each_out_of_five_for_a_pair_of_sides(text: str) -> None:
    found = facts_in(text, "mmt")
    assert [(f.value, f.label.split()[0]) for f in found] == [("3+", "R"), ("5", "L")]


def test_a_label_declaring_today_vs_initial_marks_only_the_second_value() -> None:
    text = "Outcomes now vs baseline: PSFS 7.3 vs 3.0."
    assert "previous" not in one_fact(text, "outcome", 7.3).label
    assert "previous" in one_fact(text, "outcome", 3.0).label


def test_a_charges_block_with_units_written_after_the_minutes() -> None:
    text = (
        "Notes above.\nCharges:\n"
        "  97112 Balance ........ 24 min ..... 2 units\n"
        "  97010 Hot pack ....... 10 min ..... 1 unit\n"
    )
    billing = extract_billing(text)
    assert dict(billing.billed) == {"97112": 2, "97010": 1}
    assert billing.unreadable == ()
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97112", 24), ("97010", 10)]


def test_units_for_a_group_of_codes_stay_unreadable() -> None:
    billing = extract_billing("Notes.\nBilled: 97110/97530 - 3 units total\n")
    assert billing.unreadable != ()


def test_a_test_named_after_a_semicolon_ends_the_girth_sentence() -> None:
    text = "Calf girth L 36.5 cm / R 38.0 cm; hop distance L 92 cm / R 120 cm."
    assert sorted(_values(text, "girth")) == [36.5, 38.0]
    assert sorted(_values(text, "other")) == [92, 120]


def test_a_side_after_a_semicolon_continues_the_test() -> None:
    text = "Grip (Jamar II) R 31 kg; L 24 kg."
    assert sorted(_values(text, "strength")) == [24, 31]


@pytest.mark.parametrize(
    ("text", "right", "left", "unit"),
    [
        ("Side plank hold: R 35 s, L 18 s.", 35, 18, "s"),
        ("Single-leg calf raise R 22 reps; L 9 reps.", 22, 9, "reps"),
    ],
)
def test_both_sides_measured_in_one_clause(text: str, right: int, left: int, unit: str) -> None:
    assert one_fact(text, "other", right).label.split()[0] == "R"
    assert one_fact(text, "other", left).label.split()[0] == "L"
    assert one_fact(text, "other", left).unit == unit


def test_the_same_dose_for_each_side_is_not_measured() -> None:
    text = "Clamshells R 12 reps, L 12 reps with green band."
    assert facts_in(text) == []


def test_the_form_of_an_instrument_is_part_of_its_name() -> None:
    text = "PDI SF 31 (was 48)."
    assert {f.measure for f in facts_in(text, "outcome")} == {"PDI SF"}


def test_an_ordinal_grade_of_a_test_is_kept_as_written() -> None:
    text = "Knee effusion: sweep test 2+ (IE 3+)."
    grades = {f.value: f for f in facts_in(text, "other")}
    assert set(grades) == {"2+", "3+"}
    assert "previous" in grades["3+"].label
    assert facts_in(text, "outcome") == []


def test_a_rate_of_performance_is_read_with_its_unit() -> None:
    text = "Copying task: 14 wpm, cadence 104 steps/min on the walkway."
    assert one_fact(text, "other", 14).unit == "wpm"
    assert one_fact(text, "other", 104).unit == "steps/min"
