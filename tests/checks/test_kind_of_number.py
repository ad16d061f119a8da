"""What a number is (issue 12, KIND): each rule on notes of our own in new words, each with a
twin that must (or must not) be read.

A patient's body weight on a line of vitals is a fact; a load before its noun ("12 lb laundry
basket") is not. A Snellen line ("OD 20/40") is no score (it is the acuity, `other`). A lab
("ANC 1.1"), a duty cycle ("50% pulsed"), a count in a test's brackets ("(12 steps)"), where a
count starts ("from 50"), the visit a value was taken at ("visit 1: 7"), a symptom's threshold
("SOB after 30 ft"), a prescribed distance ("100-150 ft BID") and a garment's class ("30-40 mmHg
class 2") are not measurements.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(text: str) -> list[Fact]:
    return extract_facts(text)


def _pairs(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.kind, f.value, f.unit) for f in _facts(text)]


def test_body_weight_on_a_line_of_vitals_with_an_earlier_weight() -> None:
    found = _facts("Pre-session: HR 68, BP 122/70, body weight 88.5 kg (last visit 89.1 kg).")
    weights = [(f.value, f.unit, f.label) for f in found if "weight" in f.label]
    assert weights == [
        (88.5, "kg", "body weight"),
        (89.1, "kg", "body weight (previous)"),
    ]


def test_body_weight_opening_its_line_in_pounds() -> None:
    found = _pairs("- Wt today on clinic scale 164 lbs\n- Gait: 200 ft with SPC.")
    assert ("other", 164, "lb") in found


def test_twin_loads_are_never_body_weights() -> None:
    found = _pairs("Vitals stable, HR 74. LAQ with cuff weight 3 lb 2x10; ankle weights 2 lb.")
    assert all(unit != "lb" for _, _, unit in found)
    assert _pairs("Carried a 12 lb laundry basket 20 ft; lifted 10 kg box to counter.") == []
    assert not [f for f in _facts("Push-rim grip practice; 16 lb ultralight frame.")]


def test_twin_a_weight_change_or_target_is_not_a_weight() -> None:
    found = _pairs("BP 130/80, HR 72. Dry weight goal: call if weight up 3 lb in a day.")
    assert all(unit != "lb" for _, _, unit in found)


def test_objects_sized_before_their_noun_are_not_distances() -> None:
    assert _pairs("Practiced reaching to a 6 ft shelf and a 3 ft cabinet with reacher.") == []


def test_twin_a_distance_walked_is_still_read() -> None:
    assert ("other", 150, "ft") in _pairs("Walked 150 ft to the kitchen counter with RW.")


def test_snellen_acuity_is_no_score() -> None:
    # acuity is a direct measurement, one value written as a fraction (CONVENTIONS.md): never a
    # score, a rating or two numbers
    found = _pairs("Vision: OD 20/30, OS 20/50; acuity both eyes 20/25 corrected.")
    assert found == [("other", "20/30", None), ("other", "20/50", None), ("other", "20/25", None)]


def test_twin_a_score_out_of_thirty_is_still_read() -> None:
    found = _facts("MoCA 20/30 today.")
    assert [(f.kind, f.value) for f in found] == [("outcome", 20)]


def test_labs_in_prose_are_no_instruments() -> None:
    assert _pairs("Therapy held Tuesday (WBC 2.1, ANC 0.9, Hgb 7.8, plt 64).") == []


def test_twin_an_unknown_instrument_is_still_read() -> None:
    found = _facts("PRWE 41 today.")
    assert [(f.kind, f.value) for f in found] == [("outcome", 41)]


def test_a_duty_cycle_is_a_setting() -> None:
    assert _pairs("Ultrasound 3 MHz, 0.8 W/cm2, 20% pulsed over the scar.") == []


def test_counts_in_a_tests_brackets_are_its_set_up() -> None:
    found = _facts("Stair ascent test (11 steps): 8.9 s with one rail.")
    assert [(f.value, f.unit) for f in found] == [(8.9, "s")]
    found = _facts("COPM performance 5.1, satisfaction 4.4 (4 problems at intake).")
    assert sorted(f.value for f in found) == [4.4, 5.1]


def test_where_a_count_starts_is_not_a_score() -> None:
    found = _facts("TUG dual task (subtracting 7s from 100) 15.8 s.")
    assert [(f.value, f.unit) for f in found] == [(15.8, "s")]


def test_the_visit_a_value_was_taken_at_is_not_a_value() -> None:
    found = _facts("30 s chair stand 13 (visit 1: 8).")
    assert sorted((f.value, "previous" in f.label) for f in found) == [(8, True), (13, False)]


def test_twin_a_rating_after_a_visit_word_is_still_read() -> None:
    found = _facts("Pain this visit 3/10.")
    assert [(f.kind, f.value) for f in found] == [("pain", 3)]


def test_a_symptom_threshold_is_not_a_distance_walked() -> None:
    found = _pairs("Homebound: dyspneic after 40 ft. Ambulated 90 ft with RW, SpO2 93%.")
    assert ("other", 40, "ft") not in found and ("other", 90, "ft") in found


def test_a_prescribed_distance_is_a_dose_of_the_plan() -> None:
    assert _pairs("Plan: ambulate with nursing 120-180 ft TID; up to chair for meals.") == []
    assert _pairs("Rec: walk with staff BID 50-100 ft.") == []


def test_twin_a_distance_walked_today_beside_a_frequency_word_is_read() -> None:
    found = _pairs("Ambulated 180 ft x2 today; continue daily walks.")
    assert ("other", 180, "ft") in found


def test_a_garment_class_is_no_reading() -> None:
    assert _pairs("Measured for 20-30 mmHg class 1 stocking, thigh-high.") == []


def test_a_limb_volume_is_not_a_girth() -> None:
    found = _pairs("Volume (perometer): R 2,140 mL, L 1,870 mL.")
    assert ("other", 2140, "mL") in found and ("other", 1870, "mL") in found
    assert all(kind != "girth" for kind, _, _ in found)


def test_a_row_column_of_words_names_an_exports_rows() -> None:
    note = "Row\tValue\tComment\nHR\t81\tseated\nTinetti\t19\tprev 15\nPain\t4\tknee\n"
    found = {(f.kind, f.value, "previous" in f.label) for f in _facts(note)}
    assert {("other", 81, False), ("outcome", 19, False), ("outcome", 15, True)} <= found
    assert ("pain", 4, False) in found


def test_twin_a_row_column_of_numbers_stays_left_out() -> None:
    note = "Row\tMeasure\tValue\n1\tHR\t81\n2\tTinetti\t19\n"
    found = {(f.kind, f.value) for f in _facts(note)}
    assert ("other", 81) in found and ("outcome", 19) in found
    assert all(value not in (1, 2) for _, value in found)


def test_a_tests_name_is_no_timed_total() -> None:
    from tui.core.checks.extract import extract_billing

    billing = extract_billing("Timed 25-foot walk 7.4 s.\nTher ex 23 min. Total treatment 23 min.")
    assert billing.stated_timed_minutes is None


def test_repetitions_a_test_counted_are_facts_with_their_timepoint() -> None:
    found = _facts("Single-leg heel raise to fatigue R: 19 reps (eval 9 reps).")
    reps = [(f.value, f.unit, "previous" in f.label) for f in found if f.unit == "reps"]
    assert reps == [(19, "reps", False), (9, "reps", True)]


def test_twin_repetitions_of_a_dose_or_a_goal_are_not_facts() -> None:
    assert _pairs("HEP: heel raises 3 x 15 reps; bridges 2 sets of 12 reps.") == []
    assert _pairs("Goal: heel raise to fatigue 25 reps by discharge.") == []


def test_a_unit_listed_with_an_instrument_in_a_tables_heading() -> None:
    note = (
        "| Strength (dynamometer, kg) | R | L |\n|---|---|---|\n| Knee extensors | 30.5 | 22.0 |\n"
    )
    found = [(f.kind, f.value, f.unit) for f in _facts(note)]
    assert ("strength", 30.5, "kg") in found and ("strength", 22.0, "kg") in found


def test_angles_listed_after_an_orthosis_are_its_settings() -> None:
    assert _pairs("Refit: thumb spica trimmed, IP free, 15° palmar abd.") == []


def test_twin_a_range_of_motion_named_after_an_orthosis_is_read() -> None:
    found = _pairs("Thumb spica removed, AROM IP flexion 55°.")
    assert [(kind, value) for kind, value, _ in found] == [("rom", 55)]


def test_a_reps_test_reads_no_goal_and_no_cut_off() -> None:
    found = _facts("30 s chair stand 9 (goal 12). TUG 14.1 s, above the 13.5 s cut-off.")
    assert sorted(f.value for f in found) == [9, 14.1]


def test_a_tests_course_is_no_distance() -> None:
    assert all(unit != "ft" for _, _, unit in _pairs("Rapid pace walk 7.9 s (10 ft out and back)."))
    found = _pairs("Step length (10 m, comfortable): 0.61 m.")
    assert [value for _, value, _ in found] == [0.61]


def test_an_exports_dotted_camel_case_keys_name_their_values() -> None:
    note = (
        "Subjective.PainCurrent: 4/10\n"
        "Objective.JawOpening.Active: 34 mm\n"
        "Objective.LateralExcursion.L: 8 mm\n"
        "Objective.KneeFlexion.R: 112 deg\n"
    )
    found = [(f.kind, f.value, f.unit) for f in _facts(note)]
    assert ("pain", 4, None) in found or ("pain", 4, "/10") in found
    assert ("other", 34, "mm") in found and ("other", 8, "mm") in found
    assert any(kind == "rom" and value == 112 for kind, value, _ in found)


def test_twin_a_dotted_key_of_codes_is_left_to_the_billing() -> None:
    from tui.core.checks.extract import extract_billing

    note = "Intervention.97110.Minutes: 23\nBilling.TotalTimedMinutes: 23\n"
    billing = extract_billing(note)
    assert billing.stated_timed_minutes == 23
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97110", 23)]


def test_a_distance_in_millimetres_under_a_key_without_a_motion_is_no_range() -> None:
    found = [(f.kind, f.value) for f in _facts("Objective.ScarHeight: 3 mm\n")]
    assert ("rom", 3) not in found


def test_a_print_whose_heading_leaves_the_names_column_unnamed() -> None:
    note = (
        "Comparison\n"
        "                     Intake         Today\n"
        "LEFS                 31/80          52/80\n"
        "TUG                  19.0 s         11.8 s\n"
        "R knee flex AROM     85°            112°\n"
    )
    found = {(f.kind, f.value, "previous" in f.label) for f in _facts(note)}
    assert {("outcome", 31, True), ("outcome", 52, False)} <= found
    assert {("outcome", 19.0, True), ("outcome", 11.8, False)} <= found
    assert {("rom", 85, True), ("rom", 112, False)} <= found


def test_twin_scores_out_of_a_whole_never_head_a_print() -> None:
    note = (
        "FOTO                 48/100         61/100\nPSFS                 3.2/10         6.0/10\n"
    )
    assert all(f.value not in (48, 61) or "previous" not in f.label for f in _facts(note))


def test_an_unknown_instruments_score_under_a_numbered_visit_column() -> None:
    note = "| Test | Visit 1 | Today |\n|---|---|---|\n| AMP-PRO | 27/47 | 35/47 |\n"
    found = {(f.measure, f.value, "previous" in f.label) for f in _facts(note)}
    assert found == {("AMP-PRO", 27, True), ("AMP-PRO", 35, False)}


def test_a_posture_held_for_a_time_is_a_result() -> None:
    found = _pairs("Sits without UE support 50 s. Stands alone 6 s (best of 3 tries).")
    assert ("other", 50, "s") in found and ("other", 6, "s") in found
    found = _facts("Tall kneeling unsupported 2 min; holds plank 35 s (was 20 s) before shaking.")
    times = {(f.value, f.unit, "previous" in f.label) for f in found}
    assert {(2, "min", False), (35, "s", False), (20, "s", True)} <= times


def test_twin_hold_times_of_a_dose_or_a_home_program_are_not_results() -> None:
    assert _pairs("Bridge holds 5 s x 10; wall sit held 30 s, 3 reps.") == []
    assert _pairs("HEP: sits unsupported on a wobble cushion 3 min twice a day.") == []
    assert _pairs("Goal: stands alone 30 s.") == []


def test_a_reaction_time_is_a_result_and_its_drill_a_dose() -> None:
    assert ("other", 0.64, "s") in _pairs("Simulator brake reaction time 0.64 s.")
    assert _pairs("Reaction time drills 30 s x 4.") == []


def test_a_heading_with_a_unit_above_a_table_names_its_numbers() -> None:
    note = (
        "## Hand-held dynamometry (kg)\n\n| Muscle | R | L |\n|---|---|---|\n"
        "| Hip abductors | 14.5 | 11.0 |\n"
    )
    found = [(f.kind, f.value, f.unit) for f in _facts(note)]
    assert found == [("strength", 14.5, "kg"), ("strength", 11.0, "kg")]


def test_twin_a_heading_without_a_unit_leaves_the_rows_as_written() -> None:
    note = "## Progress toward goals\n\n| Test | Eval | Now |\n|---|---|---|\n| Berg | 40 | 47 |\n"
    found = {(f.kind, f.value) for f in _facts(note)}
    assert found == {("outcome", 40), ("outcome", 47)}


def test_twin_an_exercises_hold_a_tolerance_and_a_progression_are_not_results() -> None:
    assert _pairs("Chin tucks 3x15, scap squeezes 2x20, hold 5 s.") == []
    assert _pairs("Tolerated 40 min in the pool without symptoms.") == []
    assert _pairs("Isometrics 5 x 45 s holds (progressed from 30 s).") == []
    assert _pairs("Plank holds progressed to 25 s.") == []


def test_dotted_snake_keys_of_a_form_export() -> None:
    note = "vitals.spo2_pct=94\nobj.tug_s=19.6\nobj.tug_s_prev=24.2\nobj.sls_l_s=4\n"
    found = {(f.kind, f.value, f.unit, "previous" in f.label) for f in _facts(note)}
    assert ("other", 94, "%", False) in found
    assert ("outcome", 19.6, "s", False) in found and ("outcome", 24.2, "s", True) in found
    assert ("other", 4, "s", False) in found


def test_twin_a_dotted_key_with_words_for_a_value_reads_nothing() -> None:
    assert _pairs("obj.tug_s=unable without UE\nsubj.goal=walk to mailbox\n") == []


def test_a_quoted_csv_export_is_read_row_by_row() -> None:
    note = (
        '"Section","Item","Value","Comment"\n'
        '"Subjective","Pain now (0-10)","3","worse on stairs"\n'
        '"Objective","Knee flexion AROM","104 deg","eval 88 deg"\n'
        '"Objective","Quad lag","5 deg",""\n'
    )
    found = {(f.kind, f.value, "previous" in f.label) for f in _facts(note)}
    assert {("pain", 3, False), ("rom", 104, False), ("rom", 88, True)} <= found


def test_twin_a_sentence_with_quotes_and_commas_is_no_table() -> None:
    note = 'Pt said "it clicks", "it catches", "it gives way" on stairs; pain 4/10.\n' * 2
    assert [(f.kind, f.value) for f in _facts(note)] == [("pain", 4), ("pain", 4)]


def test_a_tests_ceiling_a_leg_length_and_a_board_level_are_not_results() -> None:
    found = _pairs("SLS eyes closed R 12 s, L 20 s (30 s max). Leg length 91 cm.")
    assert ("other", 30, "s") not in found and all(unit != "cm" for _, _, unit in found)
    assert _pairs("Balance: wobble board level 2 x 3 min; BAPS level 4.") == []


def test_a_ticked_box_on_a_numbered_row_is_the_value() -> None:
    found = _facts("Pain today: [ ]0 [ ]1 [x]2 [ ]3 [ ]4 [ ]5 [ ]6 [ ]7 [ ]8 [ ]9 [ ]10\n")
    assert [(f.kind, f.value) for f in found] == [("pain", 2)]


def test_twin_ticked_ranges_and_words_give_no_value() -> None:
    assert (
        _pairs("Pain worst: [ ]0-2 [x]3-4 [ ]5-6 [ ]7-8\nSleep: [x] better [ ] same [ ] worse\n")
        == []
    )


def test_british_durations_and_a_rests_length_are_not_values() -> None:
    assert _pairs("Stopped NSAIDs 3/7 ago; review 2/52; 6/52 post-op.") == []
    found = _facts("6MWT 388 m (eval 301 m), 1 rest 20 s.")
    assert sorted(f.value for f in found) == [301, 388]


def test_a_target_in_brackets_ends_with_its_bracket() -> None:
    found = _pairs("Peak: HR 112 (target 100-120), BP 150/78, SpO2 96%.")
    assert ("other", "150/78", "mmHg") in found and ("other", 96, "%") in found


def test_twin_a_score_out_of_fifty_two_is_still_a_score() -> None:
    found = _facts("FACIT-F 31/52 (eval 24/52).")
    assert sorted(f.value for f in found) == [24, 31]


def test_norms_segments_predicted_maxima_and_intensities_are_not_results() -> None:
    assert _pairs("Volume by truncated cone, 4 cm segments.") == []
    found = _facts("BOT-2 Upper-Limb Coordination scale score 11 (mean 15, SD 5).")
    assert [f.value for f in found] == [11]
    assert [v for _, v, _ in _pairs("Peak HR 158 bpm; age-predicted max HR 199.")] == [158]
    assert _pairs("Bike 15 min at 40-50 % HRR; fitted for 30-40 mmHg round-knit stocking.") == []
    assert _pairs("Balance beam 8 cm wide, tandem walk with HHA.") == []


def test_twin_repetitions_per_level_are_a_protocol() -> None:
    assert all(unit != "reps" for _, _, unit in _pairs("Lift test (3 reps per level): max 35 lb."))


def test_a_load_with_its_dose_a_scale_range_and_a_plinth_are_not_results() -> None:
    assert _pairs("Biceps curls 4# 3x10; sit-to-stand from 50 cm plinth.") == []
    found = _facts("Self-care (FIM, 1-7): eating 6, grooming 5.")
    assert sorted(f.value for f in found) == [5, 6]


def test_a_test_position_in_brackets_is_no_range() -> None:
    found = _pairs("PROM: IR (at 90° abd) 35°, ER (at 45° abd) 50°.")
    assert [value for kind, value, _ in found if kind == "rom"] == [35, 50]


def test_a_prints_time_heading_may_name_its_side() -> None:
    note = (
        "ITEM               R          L          PREV 02/23 (L)\n"
        "Ankle PF AROM      50°        35°        20°\n"
        "Calf raise (reps)  25         6          0\n"
    )
    found = {(f.value, "previous" in f.label) for f in _facts(note) if f.kind == "rom"}
    assert found == {(50, False), (35, False), (20, True)}


def test_twin_repetitions_of_a_hold_are_a_dose() -> None:
    assert _pairs("Endurance: 8-second holds for 6 repetitions.") == []


def test_a_reps_tests_target_after_a_comparison_sign_is_no_score() -> None:
    note = "## Goal status\n\n- 30CST >= 13 to reduce fall risk\n\nBerg 44/56.\n"
    assert [(f.kind, f.value) for f in _facts(note)] == [("outcome", 44)]


def test_a_tests_stop_criterion_an_intensity_and_a_variation_are_not_results() -> None:
    assert _pairs("Peak HR 131 (stopped at 85% = 153).") == [("other", 131, "bpm")]
    assert _pairs("Isometrics 5 x 45 s at 70% pain-free grip; grip effort CV 9%.") == []
