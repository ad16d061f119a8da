"""Review of round 14, group kind: a heart rate's maximum stated as a limit is no peak; "N of
M" is a count only out of a small whole; a descending arc is an exercise's only in the clause
it doses; a splint's line keeps the angles said to be measured; a pain rated on a scale in
millimetres keeps its unit."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


def _read_units(text: str) -> list[tuple[str, object, str | None]]:
    return [(fact.kind, fact.value, fact.unit) for fact in extract_facts(text)]


def test_a_maximum_stated_as_a_limit_is_no_reading() -> None:
    assert _read("Post-op precautions: HR max 120 with exercise\n") == []
    assert _read("Exercise parameters: HR max 120 during aerobic work\n") == []
    assert _read("HR max 110 with activity per cardiology\n") == []
    assert _read("HR max 120 bpm with ambulation, stop if exceeded\n") == []
    assert _read("HR max 115 during therapy session; do not exceed\n") == []


def test_a_bare_maximum_is_no_reading_whichever_name() -> None:
    assert _read("Pulse max 104\n") == _read("HR max 104\n") == []


def test_a_peak_in_a_bout_is_still_read() -> None:
    assert _read("NuStep 12 min, HR max 108\n") == [("other", 108)]
    assert _read("Pulse peak 112\n") == [("other", 112)]
    assert _read("HR max 108 during bike, HR max 125 allowed\n") == [("other", 108)]


def test_an_angle_out_of_its_norm_is_the_angle() -> None:
    assert _read("Shoulder flexion 150 of 180\n") == [("rom", 150)]
    assert _read("ER 45 of 90\n") == [("rom", 45)]
    assert _read("Cervical rotation R 60 of 80 deg\n") == [("rom", 60)]
    assert _read("Knee flexion rep 2 of 3: 110\n") == [("rom", 110)]


def test_a_small_count_out_of_a_small_whole_stays_no_angle() -> None:
    assert _read("SPT rotation 2 of 3\n") == []
    assert _read("Knee flexion 3 out of 5 reps, 110 deg\n") == [("rom", 110)]


def test_a_joints_range_beside_another_exercises_dose_is_read() -> None:
    # (the values main reads; its labels for the chained notation are left as they were)
    assert {5, 130} <= {v for k, v in _read("Knee 5-0-130, quad sets 3x10\n") if k == "rom"}
    assert {10, 145} <= {v for k, v in _read("Elbow 10-0-145, grip 30 kg\n") if k == "rom"}
    assert _read("Knee flex 110-100 (R-L), leg press 3x10 50 lb\n") == [
        ("rom", 110),
        ("rom", 100),
    ]


def test_an_exercise_arc_in_its_own_clause_stays_no_range() -> None:
    assert _read("Knee ext 90-45 (L) | 3 x 10 | 25 lb\n") == []
    assert _read("- LAQ 90-0 arc, 3x15, 2#\n") == []
    assert _read("SAQ 30-0 2x15 w/ 3 lb\n") == []


def test_a_splints_line_keeps_what_was_measured() -> None:
    assert _read("Splint issued; knee 110 deg flexion AROM\n") == [("rom", 110)]
    assert _read("Resting hand splint fabricated; PIP 20 deg, PIP ext lag 20 deg\n") == [
        ("other", 20)
    ]
    assert _read("Resting hand splint fabricated; wrist 20 deg ext, MCP 60 deg flex\n") == []


def test_a_pain_on_a_scale_in_millimetres_keeps_its_unit() -> None:
    assert _read_units("Pain VAS 0-100 mm: 45\n") == [("pain", 45, "mm")]
    assert _read_units("Pain 0-10: 3\n") == [("pain", 3, None)]
