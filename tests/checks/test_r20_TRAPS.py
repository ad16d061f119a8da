"""Round 20, TRAPS: numbers that look like measurements and are not (a drug's dose, a shoe's
drop, a side difference, a course's length, a cue's spacing, an analogue line's length, an
exercise's intensity, a perometer's segment, a throwing program's distance, a norm's key, a
job's demands under a capitals heading, goals under a heading with a long bracket), each rule
with near-miss twins that are measurements and must stay read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.measures.not_measured import not_measured_spans


def _values(text: str) -> set[float]:
    return {float(f.value) for f in facts_in(text) if isinstance(f.value, int | float)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Completed IVIG 0.4 g/kg/day x5 days.", 0.4),
        ("Received IVIG 2 g/kg over 5 days.", 2),
        ("Methylprednisolone 500 mg IV daily x3.", 500),
        ("Edema persists (3.5 cm vs R).", 3.5),
        ("Swelling 2.5 cm greater than the R knee.", 2.5),
        ("Foot puffiness ~1 cm more than uninvolved side.", 1),
        ("Step length w/ cue (tape lines 55 cm) improves visibly.", 55),
        ("Metronome cue; tape marks 40 cm.", 40),
        ("New shoes (12 mm drop) + night splint.", 12),
        ("Trainers with a 4 mm heel-to-toe drop and 32 mm stack.", 32),
        ("Pain 4.2 cm on a 10 cm VAS.", 10),
        ("Global well-being VAS 1.8 cm / 10 cm.", 10),
        ("isometric wrist ext 5x45 s at 70% pain-free", 70),
        ("leg press 3x8 @ 65%, single leg", 65),
        ("Segment: wrist to 40 cm.", 40),
        ("Perometer measured from the ulnar styloid to 45 cm.", 45),
        ("OXIMETRY WALK (rollator; hallway loop kitchen-bedroom 42 ft)", 42),
        ("Walked around the kitchen loop (36 ft per lap).", 36),
        ("Gait speed 10 m comfortable 0.96 m/s, fast 1.31 m/s.", 10),
        ("Rapid pace walk 3 m turn 3 m: 9.4 s", 3),
        ("results:\n  thirty_sec_chair_stand_norm_reps: 12\n", 12),
        ("tug_cutoff_seconds: 13.5", 13.5),
        ("Interval throwing program, phase 1.\nTolerating 120 ft without symptoms.", 120),
        ("Injection (onabotulinumtoxinA): gastrocnemius 100 U, FDL 40 U (total 140 U).", 40),
        ("Abduction strength still 22% down on the R.", 22),
        ("Gait along the hallway (spouse marked 4 m with painter's tape).", 4),
        ("4 m walk at usual pace 4.9 s (about 0.82 m/s).", 4),
        ("Dual-task: serial 7s while walking 10 m, 4 correct.", 10),
        (
            "ESSENTIAL FUNCTIONS (department job description, Firefighter II)\n"
            "- Advance a charged 1.75 in hose line 150 ft\n- Raise and extend a 24 ft ladder\n",
            150,
        ),
        (
            "ESSENTIAL FUNCTIONS (department job description, Firefighter II)\n"
            "- Raise and extend a 24 ft extension ladder\n",
            24,
        ),
        (
            "GOALS (by hospital discharge, 5-7 days)\n1. Gait 50 ft with hemi-walker, min A.\n",
            50,
        ),
    ],
)
def test_not_a_measurement(text: str, value: float) -> None:
    assert value not in _values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the twins: a patient's own readings in the same shapes
        ("Enoxaparin held. Grip R 14 kg, L 12 kg.", 14),
        ("Calf girth L 38.5 cm vs R 36.0 cm.", 38.5),
        ("Calf girth L 38.5 cm vs R 36.0 cm.", 36.0),
        ("Girth L 43.5 cm vs R: 40.0 cm", 40.0),
        ("With the strips: step length R 46 cm, L 43 cm.", 46),
        ("Navicular drop 10 mm R, 6 mm L.", 10),
        ("New shoes. Navicular drop R 9 mm.", 9),
        ("Pain VAS 2.4 cm / 10 cm.", 2.4),
        ("VAS (100 mm line): at rest 18 mm, walking 46 mm.", 46),
        ("Grip 70% of R.", 70),
        ("Walked 5 laps = 180 ft.", 180),
        ("Walked 180 ft around the loop.", 180),
        ("Walked 150 ft at 0.6 m/s.", 150),
        ("6MWT on 30 m course: 412 m.", 412),
        ("results:\n  thirty_sec_chair_stand_reps: 10\n  chair_stand_norm_reps: 12\n", 10),
        ("Interval throwing program, phase 1.\nJogged 400 m warm-up.", 400),
        ("Tolerating 120 ft without symptoms.", 120),  # no throwing program: walked
        ("Insulin 10 units at lunch; grip 20 kg.", 20),
        ("Quad LSI 82%; hamstring 15% weaker than the L.", 82),
        ("Marked improvement, walked 40 m.", 40),
        ("Walking to the mailbox and back, about 120 feet each way.", 120),
        ("Step length with visual cues 52 cm, without 41 cm.", 52),
        ("Swelling: midpatella girth L) 44.5 cm vs R) 40.0 cm.", 44.5),
        (
            "ESSENTIAL FUNCTIONS (department job description, Firefighter II)\n"
            "- Raise and extend a 24 ft ladder\n\nRESULTS\nGait 300 ft independent.\n",
            300,
        ),
        (
            "GOALS (by hospital discharge, 5-7 days)\n1. Gait 50 ft, min A.\n\n"
            "Today gait 12 ft mod A.",
            12,
        ),
    ],
)
def test_a_measurement_stays(text: str, value: float) -> None:
    assert value in _values(text)


def test_each_span_names_its_trap() -> None:
    traps = {trap for trap, _span, _blocks in not_measured_spans("IVIG 0.4 g/kg; edema 2 cm vs R")}
    assert traps == {"dose", "side-difference"}
