"""Measures that are none of the named kinds (issue 12, round 17): an age and sex mark is no
distance, a goal's bracketed time frame keeps its goal, a criterion is no reading, a temperature
without its scale letter among the vital signs, and a vestibular test's gains and velocities in
the instrument's units. Each rule has the reading it must make and the readings it must not."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _others(text: str) -> list[Fact]:
    return [fact for fact in extract_facts(text) if fact.kind == "other"]


def _values(text: str, kind: str = "other") -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


# -- an age and sex mark after a name or an article is no distance ------------------------------


def test_age_sex_mark_after_a_name_is_no_distance() -> None:
    text = "Pt: Hollis Brandt, 77M    Rm 5 East\nGait 35 ft with RW min A.\n"
    assert _values(text) == [35]


def test_age_sex_mark_in_a_bracket_or_after_an_article_is_no_reading() -> None:
    text = "Marguerite Osei (64F), knee OA.\nHx: a 71M retired welder.\nAmb 200 m outdoors.\n"
    assert _values(text) == [200]


def test_metres_and_fahrenheit_stay_readings() -> None:
    assert _values("Walked 20 m, 40 m with rests.\n") == [20, 40]
    assert _values("Vitals: Temp 99F, HR 80.\n")[:1] == [99.0]


# -- a dot in a goal's bracketed time frame ends no sentence -----------------------------------


def test_goal_time_frame_with_an_abbreviation_keeps_its_goal() -> None:
    text = "Amb 40 ft with RW.\nGoals (by d/c, est. 4 visits): amb 120 ft with RW SBA.\n"
    assert _values(text) == [40]
    text = "Gait 220 ft.\nLTG (exp. 6 wks, re-eval 4/15): walk 500 ft with SPC.\n"
    assert _values(text) == [220]


def test_a_full_stop_after_a_bracket_still_ends_the_sentence() -> None:
    text = "Goals reviewed (see POC). Amb 150 ft with RW today.\n"
    assert _values(text) == [150]


# -- a criterion is a bar to reach, not a reading ----------------------------------------------


def test_criterion_column_holds_targets() -> None:
    text = (
        "| IEP objective | baseline | today | criterion |\n|---|---|---|---|\n"
        "| Legible letters | 48% | 71% | 80% in 4/5 trials |\n"
    )
    assert sorted(_values(text)) == [48, 71]
    assert _values(text, "pain") == []


def test_goal_heading_over_row_names_leaves_the_rows_values_read() -> None:
    text = (
        "| Goal area | Fall baseline | This session | Mastery criterion |\n|---|---|---|---|\n"
        "| Letters sized to the line | 42% | 66% | 85% across 3 sessions |\n"
    )
    found = {fact.value: fact.label for fact in _others(text)}
    assert set(found) == {42, 66}
    assert "previous" in found[42] and "previous" not in found[66]


def test_a_goal_heading_keeps_a_row_names_number_a_target() -> None:
    text = "| STG | Baseline | Current |\n|---|---|---|\n| Amb 150 ft | 40 ft | 90 ft |\n"
    assert 150 not in _values(text)


def test_criterion_after_a_value_in_prose_is_no_reading() -> None:
    text = "A: Quad LSI 79%, still below our 90% return-to-sport criterion.\n"
    assert _values(text) == [79]
    text = "A: abductor LSI 81%, still short of 90% RTS criterion.\n"
    assert _values(text) == [81]


# -- a temperature with no scale letter among the vital signs ----------------------------------


def test_unscaled_temperature_in_a_vitals_line() -> None:
    found = _others("VS   Temp 98.1   Pulse 76   Resp 16   BP 132/76\n")
    temperature = [fact for fact in found if fact.label == "temperature"]
    assert [(fact.value, fact.unit) for fact in temperature] == [(98.1, "°F")]
    found = _others("Vitals at rest: temperature 37.1, HR 84, BP 118/72.\n")
    assert (37.1, "°C") in [(fact.value, fact.unit) for fact in found]


def test_unscaled_temperature_needs_vitals_and_a_body_range() -> None:
    assert 98.1 not in _values("Temp 98.1 noted on the chart.\n")
    assert 92 not in _values("Pool temp 92, HR 96 after laps.\n")
    assert 60 not in _values("Temp 60, BP 120/80.\n")


# -- vestibular gains and slow-phase velocities -------------------------------------------------


def test_vor_gains_and_their_listed_sides() -> None:
    text = "vHIT: R lateral canal gain 0.61 with covert saccades; L lateral 0.94.\n"
    found = {fact.value: fact.label for fact in _others(text)}
    assert set(found) == {0.61, 0.94}
    assert "R" in found[0.61].split() and "L" in found[0.94].split()


def test_a_gain_names_an_earlier_one_bracketed() -> None:
    text = "Video HIT: R lateral gain 0.72 (was 0.55 at eval), L lateral 1.01.\n"
    found = {fact.value: fact.label for fact in _others(text)}
    assert set(found) == {0.72, 0.55, 1.01}
    assert "previous" in found[0.55] and "previous" not in found[0.72]


def test_slow_phase_velocities_are_other_in_degrees_per_second() -> None:
    text = "Calorics: total R 18°/s, total L 52°/s.\nHead-shake: 4 deg/s left-beating.\n"
    found = [(fact.value, fact.unit) for fact in _others(text)]
    assert found == [(18, "°/s"), (52, "°/s"), (4, "°/s")]
    assert _values(text, "rom") == []


def test_no_gain_or_velocity_without_a_vestibular_test() -> None:
    assert _values("Isokinetic knee ext peak torque 112 Nm at 60°/s.\n", "other") == []
    assert _values("Weight gain 0.50 since last visit; BMI stable.\n") == []
    assert 0.2 not in _values("Smooth pursuit gain 0.82 (0.2 Hz).\n")


def test_norms_beside_gains_and_velocities_are_no_readings() -> None:
    text = "vHIT lateral canal gain 0.58 (norm > 0.80).\nSPV 5°/s (normal < 6°/s).\n"
    assert _values(text) == [0.58, 5]


# -- a section of the job's demands holds the job's values, not the worker's -------------------


def test_values_under_a_job_demands_heading_are_the_jobs() -> None:
    text = (
        "Job demands (per employer):\n - Push pallet jack, sustained force 27 kg\n"
        " - Reach to top rack 178 cm\n\nToday:\n - Push force 25 kg sustained (force gauge)\n"
    )
    assert _values(text, "strength") == [25]
    assert 178 not in _values(text)


def test_a_demands_section_ends_at_the_next_heading() -> None:
    text = (
        "## Essential functions of the position\n- Push linen cart: 18 kg initial force\n"
        "## Results today\n- Push force 21 kg initial\n- Grip R 28 kg\n"
    )
    assert _values(text, "strength") == [21, 28]


def test_a_heading_comparing_demands_and_abilities_blocks_nothing() -> None:
    text = "Job demands vs abilities:\n - Push force 30 kg initial\n"
    assert 30 in _values(text, "strength")


def test_demands_named_in_a_sentence_are_no_heading() -> None:
    text = "Discussed job demands with the employer. Push force 30 kg initial, tested.\n"
    assert _values(text, "strength") == [30]


# -- a machine named as the bout a reading followed is no setting -------------------------------


def test_pressure_after_the_treadmill_is_the_patients() -> None:
    text = "Blood pressure before exercise 138/84, heart rate 72; after the treadmill 152/86.\n"
    assert _values(text) == ["138/84", 72, "152/86"]
    text = "Pre: BP 132/84, HR 88.\nFollowing the bike 146/86 and SpO2 91%.\n"
    assert "146/86" in _values(text)


def test_a_machine_before_its_setting_stays_a_setting() -> None:
    assert _values("Treadmill 2.8 mph, 4% grade x 20 min. HR 110.\n") == [110]
    assert _values("NuStep level 6 x 10 min; HR 96.\n") == [96]


def test_a_pair_before_and_is_a_pressure_only_beside_a_vital_sign() -> None:
    assert _values("Shoulder ER 90/60 and IR 45.\n") == []


# -- a hold, balance or endurance time said with a verb or named as a time ----------------------


def test_endurance_said_with_a_verb_is_a_measured_time() -> None:
    found = _others("O: deep neck flexor endurance was 24 seconds.\n")
    assert [(fact.value, fact.unit) for fact in found] == [(24, "s")]
    assert "was" not in found[0].label.split()
    found = _others("O: side bridge endurance on the right is 21 seconds.\n")
    assert [(fact.value, fact.unit) for fact in found] == [(21, "s")]
    assert "R" in found[0].label.split()


def test_a_balance_time_is_measured_and_its_goal_is_not() -> None:
    text = "Wheelie balance time: 42 s (goal 60 s).\n"
    assert [(fact.value, fact.unit) for fact in _others(text)] == [(42, "s")]


def test_a_dosed_hold_time_stays_a_dose() -> None:
    assert _values("HEP: plank hold time 30 s x 5 reps daily.\n") == []


# -- a goal bracketed after a value leaves the value today's -----------------------------------


def test_a_bracketed_goal_after_a_distance_leaves_the_distance_read() -> None:
    assert _values("Amb 120 ft with IV pole and CGA (goal 250 ft by d/c).\n") == [120]
    assert _values("Gait 85 m with rollator (target 150 m).\n") == [85]


def test_a_plan_in_the_clause_still_makes_a_distance_a_target() -> None:
    assert _values("Will amb 150 ft tomorrow (goal 300 ft).\n") == []


def test_incentive_spirometer_volume_is_other_in_ml() -> None:
    found = _others("Incentive spirometer 1250 mL (goal 2000 mL).\n")
    assert [(fact.value, fact.unit) for fact in found] == [(1250, "mL")]
    assert _values("Goal: incentive spirometer 2000 mL.\n") == []


# -- a distance inside an item's name before leader dots names the item --------------------------


def test_distances_in_skill_names_before_leaders_are_no_readings() -> None:
    text = (
        "Skills (3 = independent, 0 = unable)\n Propels 15 m on carpet .......... 3\n"
        " Rolls 100 m in < 2 min ......... 2\nTimed propulsion today: 25 m in 19 s.\n"
    )
    # the time the timed propulsion took is its result too (round 19, measures/task_times.py)
    assert _values(text) == [25, 19]


def test_a_distance_after_leaders_is_still_read() -> None:
    assert _values("Gait distance .......... 150 ft with RW\n") == [150]
