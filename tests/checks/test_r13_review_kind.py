"""Round 13 review of the kind readers: a heart rate in a clause that plans, permits or predicts
it is no reading (measures/heart_rates.py), and a measured value after an asked one stays a fact
(measures/asked_values.py); the round's readings of what happened and what was asked are kept."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _values(text: str, kind: str | None = None) -> list[object]:
    return [fact.value for fact in extract_facts(text) if kind is None or fact.kind == kind]


def test_a_heart_rate_planned_permitted_or_predicted_is_no_reading() -> None:
    assert _values("Pt will walk with HR up to 120 bpm.\n") == []
    assert _values("Cleared to exercise with HR up to 140.\n") == []
    assert _values("Pt may exercise with HR up to 120 bpm per cardiology.\n") == []
    assert _values("HR expected approx 150 bpm\n") == []
    assert _values("HR APMHR 175 bpm\n") == []


def test_a_heart_rate_reported_of_the_bout_stays_a_peak() -> None:
    assert _values("HR up to 176.\n", "other") == [176]
    assert _values("Pt walked 6 min; HR up to 132 bpm.\n", "other") == [132]
    assert _values("BCTT stopped at 12 min; HR at stop 162 bpm.\n", "other") == [162]


def test_an_orthosis_holds_its_clause_and_a_measured_angle_is_the_patients() -> None:
    splint = "Resting hand splint fabricated, wrist ext 20 deg; pt's wrist flexion 60 deg, "
    assert _values(splint + "extension 45 deg.\n", "rom") == [60, 45]
    assert _values("Pt positioned in supine with knee flexion measured at 110 deg.\n") == [110]
    assert _values("Thumb held in 40 deg palmar abduction.\n") == []


def test_a_result_in_a_prescription_is_measured_and_its_dose_and_zone_asked() -> None:
    assert _values("Aerobic Rx: walk 20 min at RPE 12, HR 112 at end of walk.\n") == [112]
    note = "Exercise prescription: bike 15 min, HR 118 bpm, BP 142/80 post.\n"
    assert _values(note, "other") == [118, "142/80"]
    assert _values("Rx: walk 30 min, HR 100-115, BP check post.\n") == []


def test_the_patients_own_values_after_a_jobs_demand_are_read() -> None:
    assert _values("Job requires frequent gripping, grip R 30 kg, L 32 kg.\n") == [30, 32]
    assert _values("Works as a mechanic (grip R 30 kg, L 32 kg today).\n") == [30, 32]
    assert _values("Job requires lifting 20 kg, carrying 10 kg 50 ft.\n") == []


def test_a_named_tests_result_in_a_plan_is_read_and_a_target_is_not() -> None:
    assert _values("P: Gait 150 ft with SBA; 6MWT 320 m.\n") == [320]
    assert _values("P: amb to 200 ft with RW; 6MWT goal 400 m.\n") == []
