"""Round 16 (OTHER): respiratory measures in a machine's units, rates known by their unit,
distances of a place, a weight that ends the clause its name opens, a pressure beside a heart
rate, a temperature with when it was taken and a school's accommodation. Each reading with the
readings it must not make."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_candidates


def _others(body: str) -> list[tuple[int | float | str, str | None]]:
    """Every `other` candidate of a note with its unit (before the learnt second opinion)."""
    return [(f.value, f.unit) for f in extract_candidates(HEADER + body) if f.kind == "other"]


def _values(body: str) -> list[int | float | str]:
    return [value for value, _ in _others(body)]


def test_a_respiratory_pressure_named_before_its_unit_is_the_patients() -> None:
    found = _others("O: MIP -52 cmH2O (Oct: -64), MEP 71 cmH2O. Peak cough flow 240 L/min.\n")
    assert (-52, "cmH2O") in found
    assert (71, "cmH2O") in found
    assert (240, "L/min") in found


def test_twin_a_table_row_of_a_respiratory_measure_is_read() -> None:
    table = (
        "| measure | today | 6 mo ago |\n|---|---|---|\n"
        "| Inspiratory press. | -38 cmH2O | -45 cmH2O |\n| FVC | 1.18 L | 1.30 L |\n"
    )
    values = _values(table)
    assert -38 in values
    assert 1.18 in values


def test_a_cut_off_or_a_setting_in_a_respiratory_unit_is_no_reading() -> None:
    values = _values(
        "O: A peak cough flow under 270 L/min warrants assisted cough. MIP weaker than -60 cmH2O"
        " triggers a referral. Cough assist at +40/-40 cmH2O. PEEP 5 cmH2O, O2 2 L/min.\n"
    )
    for value in (270, -60, 40, -40, 5, 2):
        assert value not in values


def test_a_rate_in_beats_or_breaths_per_minute_is_a_vital_sign() -> None:
    found = _others("O: Vitals: 138/76, 72 bpm, 97% RA, 14 breaths/min.\n")
    assert (72, "bpm") in found
    assert (14, "/min") in found


def test_twin_a_beat_set_or_aimed_at_is_no_heart_rate() -> None:
    values = _values(
        "O: Metronome at 96 bpm for gait. Bike in zone at 120-135 bpm; target 110 bpm.\n"
    )
    for value in (96, 120, 135, 110):
        assert value not in values


def test_a_distance_between_two_places_is_no_walk() -> None:
    values = _values(
        "S: Home: bedroom to bathroom about 25 ft, mailbox 120 ft down a gravel drive.\n"
        "The classroom is 220 ft from the cafeteria and 310 ft from the bus loop.\n"
        "Laundry (shared laundry room, 40 m down the hall).\n"
    )
    for value in (25, 120, 220, 310, 40):
        assert value not in values


def test_twin_a_distance_walked_between_two_places_is_a_walk() -> None:
    values = _values(
        "O: Walked 80 ft bedroom to kitchen with RW. Ambulated 150 ft down the hall, SBA.\n"
    )
    assert 80 in values
    assert 150 in values


def test_a_weight_ending_the_clause_its_name_opens_is_the_patients() -> None:
    assert (81.6, "kg") in _others("O: On 2 L NC at rest, weight 81.6 kg (up 0.4 kg).\n")
    assert (81.1, "kg") in _others("O: Pre-dialysis weight 81.1 kg. Pre BP 152/84.\n")


def test_twin_a_load_or_a_target_weight_is_no_body_weight() -> None:
    values = _values("O: Ther ex with cuff weight 3 lb. Target (dry) weight 78.5 kg; UF 2.8 L.\n")
    assert 3 not in values
    assert 78.5 not in values


def test_a_share_of_time_or_work_granted_at_school_is_no_reading() -> None:
    values = _values("S: IEP: 50% extended time on written work; 75% homework load.\n")
    assert 50 not in values
    assert 75 not in values


def test_a_pressure_pair_in_a_sentence_naming_a_heart_rate_is_a_blood_pressure() -> None:
    values = _values("O: Supine BP 138/78, HR 68. Standing 1 min 112/70, HR 84, light-headed.\n")
    assert "112/70" in values


def test_twin_a_pair_that_is_no_plausible_pressure_stays_out() -> None:
    values = _values("O: HR 88, knee flexion 120/135 deg; pain 3/10.\n")
    assert "120/135" not in values
    assert "3/10" not in values


def test_a_temperature_with_when_it_was_taken_is_read() -> None:
    assert (98.4, "°F") in _others("S: Fever last week, now settled; temp today 98.4 F.\n")
    assert _values("O: Pool temp today 92 F.\n") == []


def test_twin_a_beat_in_a_sentence_of_no_vital_sign_or_a_maximum_is_no_heart_rate() -> None:
    values = _values(
        "O: Step length R 48 cm with 60 bpm metronome. Turning with auditory cue 96 bpm.\n"
        "HR: rest 74, peak 131 (age-predicted max 180 bpm). Bike at 80% of HR (122 bpm).\n"
    )
    for value in (60, 96, 180, 122):
        assert value not in values
    assert 131 in values


def test_a_reflex_grade_is_no_reading() -> None:
    facts = extract_candidates(HEADER + "O: Myotomes L2-S1 5/5 B. DTR 2+ symmetrical.\n")
    assert "2+" not in [fact.value for fact in facts]


def test_twin_a_muscle_grade_beside_a_reflex_grade_is_still_read() -> None:
    facts = extract_candidates(HEADER + "O: Hip abd 4-/5. DTRs 1+ patellar bilat.\n")
    assert [f.value for f in facts if f.kind == "mmt"] == ["4-"]


def test_twin_a_heart_rate_over_a_saturation_is_no_blood_pressure() -> None:
    values = _values("O: HR/SpO2 pre 84/97%, post 112/93%.\n")
    assert "112/93" not in values
    assert "84/97" not in values


def test_twin_a_rate_expected_is_no_heart_rate() -> None:
    assert 150 not in _values("O: HR expected approx 150 bpm with the stress test.\n")
