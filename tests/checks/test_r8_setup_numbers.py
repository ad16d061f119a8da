"""Numbers of a set-up are not measurements of the patient (issue 12, round 8): where a target
was placed, the length of a course or a lane, an adjusted desk or handle, the thickness of an
orthosis's material, a garment's pressure, a power chair's programming, an oxygen mix, an effort
asked for and a time not reached. Each reading has a twin where the same unit measures the
patient and must still be read."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts

# (line, values with their unit that must not be read as a fact)
SET_UPS = [
    ("Saccades: two letter cards taped at 1 m, symptoms 2/10.", [(1, "m")]),
    (
        "Visual tracking of a squeaky toy presented at 20-25 cm, both ways.",
        [(20, "cm"), (25, "cm")],
    ),
    ("Ball catch from 2 m while walking: 8/10 caught.", [(2, "m")]),
    ("Drove a 30 m hallway course w/ 4 turns, 1 contact.", [(30, "m")]),
    ("Water walking: 6 lengths of the 20 m lane.", [(20, "m")]),
    ("Pool: lap lane 25 m long.", [(25, "m")]),
    ("Rapid Pace Walk (10 ft x2)   7.4 s", [(10, "ft")]),
    ("The desk was lowered 4 cm and the monitor raised 6 cm.", [(4, "cm"), (6, "cm")]),
    ("Walker: handle height raised one notch to 58 cm.", [(58, "cm")]),
    ("Exam table raised 8 cm for scanning.", [(8, "cm")]),
    ("Orthosis molded from 3.2 mm perforated thermoplastic.", [(3.2, "mm")]),
    ("Bus steps (3 steps, 28 cm rise, 1 rail).", [(28, "cm")]),
    ("Glove fit: custom, 20-25 mmHg; seams ok.", [(20, "mmHg"), (25, "mmHg")]),
    ("Mapping: peak 96 mmHg R IT (clinic alert threshold 60 mmHg).", [(60, "mmHg")]),
    ("PWC: chin ctrl sensitivity 55%, max fwd speed set 40%, accel 30%.", [(55, "%"), (40, "%")]),
    ("Joystick sensitivity set to 60%.", [(60, "%")]),
    ("Resp: trach collar 35% FiO2 at 10 L.", [(35, "%")]),
    ("LSVT BIG: 5 functional component tasks at 80% max effort.", [(80, "%")]),
    ("Tandem stance 12 s (unable 20 s).", [(20, "s")]),
    ("In the pool, chest depth, about 4 ft.", [(4, "ft")]),
    ("BCTT (Buffalo treadmill), 3.2 mph, incline +1% each min from 0%:", [(0, "%")]),
    ("Warm pool, waist-deep (approx 1 m) at the ramp.", [(1, "m")]),
    ("| R hip IR (90° flexion) | 15° | 25° |", [(90, None)]),
    ("Prosthetist adjusted knee yield resistance from 4 to 5 on the app.", [(4, None), (5, None)]),
]
# Twins: the same units measuring the patient.
MEASURED = [
    ("Near point of convergence 9 cm (was 14 cm).", ("other", 9, "cm")),
    ("Walked 120 m in water without a rest.", ("other", 120, "m")),
    ("Walked 300 ft in the clinic hallway without a device.", ("other", 300, "ft")),
    ("Step length 52 cm R, 44 cm L on video.", ("other", 52, "cm")),
    ("Scar height at the thickest point 3 mm, was 5 mm.", ("other", 3, "mm")),
    ("Pressure mapping on trial ROHO: peak 96 mmHg R IT.", ("other", 96, "mmHg")),
    ("SpO2 93% at rest on trach collar.", ("other", 93, "%")),
    ("Legibility of name and address 70%.", ("other", 70, "%")),
    ("Tandem stance in water 12 s.", ("other", 12, "s")),
    ("Shoulder ER (90° abd): 70°.", ("rom", 70, None)),
    ("Knee flexion increased from 90 to 105.", ("rom", 105, None)),
]


@pytest.mark.parametrize(("line", "values"), SET_UPS, ids=lambda x: str(x)[:30])
def test_a_number_of_the_set_up_is_not_a_fact(
    line: str, values: list[tuple[float, str | None]]
) -> None:
    read = [(fact.value, fact.unit) for fact in extract_facts(line)]
    assert not [value for value in values if value in read], read


@pytest.mark.parametrize(("line", "want"), MEASURED, ids=lambda x: str(x)[:30])
def test_the_same_unit_measuring_the_patient_is_read(
    line: str, want: tuple[str, float, str | None]
) -> None:
    read = [(fact.kind, fact.value, fact.unit) for fact in extract_facts(line)]
    assert want in read, read
