"""Numbers asked, set or required of the patient are no measurements (measures/asked_values.py):
a prescription, a job's demand, a plan's target, an orthosis's position and a vertebral level;
the same numbers reported of what the patient did stay facts."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _values(text: str, kind: str | None = None) -> list[object]:
    return [fact.value for fact in extract_facts(text) if kind is None or fact.kind == kind]


def test_a_prescription_asks_and_a_peak_reached_is_measured() -> None:
    assert _values("Aerobic Rx: 90% of 168 -> HR 150, 20 min/day.\n") == []
    assert _values("Home program: walk, keep heart rate under 135 bpm.\n") == []
    assert _values("Cycle at home in a zone of 115-125 bpm.\n") == []
    assert _values("HR peaked at 158 bpm on the bike.\n", "other") == [158]
    assert _values("BCTT stopped at 12 min; HR at stop 162 bpm.\n", "other") == [162]


def test_a_heart_that_slowed_or_rose_again_is_read() -> None:
    assert _values("HR 150 at the end and recovered to 96 bpm after 3 min.\n", "other") == [
        150,
        96,
    ]
    assert _values("Her heart rate was 88 at rest and reached 112 walking.\n", "other") == [
        88,
        112,
    ]
    assert _values("During handling: HR up to 176.\n", "other") == [176]
    assert _values("HR up to 128 on stairs, back to 84 bpm seated.\n", "other") == [128, 84]
    assert _values("Plan: keep HR up to 160 during play.\n", "other") == []


def test_a_job_demand_is_asked_and_a_lift_tested_is_the_patients() -> None:
    note = "Return to work as a stocker (lifts 18 kg occasionally to a 152 cm shelf; 9 kg).\n"
    assert _values(note) == []
    assert _values("Does not meet frequent overhead stocking at 152 cm with 9 kg.\n") == []
    assert _values("His employer requires a 20 kg lift for full duty.\n") == []
    assert _values("FCE: floor to waist lift 18 kg (safe max).\n", "strength") == [18]
    assert _values("Meets all DC criteria; grip R 30 kg.\n", "strength") == [30]


def test_a_plans_target_distance_is_no_distance_walked() -> None:
    assert _values("P: BID. Next: amb to 50 ft with RW.\n") == []
    assert _values("Plan for tomorrow: walk to 150 ft.\n") == []
    assert _values("O: Amb 40 ft with RW and CGA.\n", "other") == [40]
    assert _values("P: amb 150 ft today with RW, cont POC.\n", "other") == [150]


def test_a_spoken_vertebral_level_is_no_range() -> None:
    assert _values("upper cervical mobilization C one C two and release.\n") == []
    assert _values("Central PA glides at C five six, thoracic manipulation T four.\n") == []
    assert _values("No pain over L four five.\n") == []
    assert _values("Quad MMT L 4/5, hamstrings L 4+/5.\n", "mmt") == ["4", "4+"]


def test_an_orthosis_holds_an_angle_and_a_range_measured_out_of_it_is_read() -> None:
    fabricated = (
        "Custom thumb CMC orthosis, 2.4 mm thermoplastic, CMC in palmar abd ~40 deg,"
        " MCP 10 deg flexion.\n"
    )
    assert _values(fabricated, "rom") == []
    assert _values("Thumb held in 40 deg palmar abduction.\n", "rom") == []
    assert _values("Splint off; AROM CMC palmar abd 40 deg.\n", "rom") == [40]
    assert _values("AROM CMC palmar abd 40 deg.\n", "rom") == [40]
    assert _values("Pt wears a hinged-free knee sleeve; knee flexion 110 deg.\n", "rom") == [110]
    assert _values("Amb with R AFO; knee flexion 110 deg.\n", "rom") == [110]
