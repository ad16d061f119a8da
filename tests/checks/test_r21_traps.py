"""Round 21, TRAPS: numbers that are no facts (a difference between the sides in degrees, a
reference threshold, a bone density score, a weight-bearing order, a drill's intensity, a test's
course, repetitions or trial count, a norm for age or grade) and pain ceilings set as rules,
each with near-miss twins that are the patient's readings and must stay read."""

from __future__ import annotations

import time

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.measures.not_measured import not_measured_spans


def _read(text: str, kind: str | None = None) -> set[float]:
    return {
        abs(float(f.value))
        for f in facts_in(text)
        if isinstance(f.value, int | float) and kind in (None, f.kind)
    }


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("A — Rotation gap narrowed 35° -> 14°; lateral flexion still 16° short on L.", "rom", 35),
        ("A — Rotation gap narrowed 35° -> 14°; lateral flexion still 16° short on L.", "rom", 14),
        ("A — Rotation gap narrowed 35° -> 14°; lateral flexion still 16° short on L.", "rom", 16),
        ("The rotation gap between sides is 18° today (was 27° at eval).", "rom", 18),
        ("Shoulder ER R 80°, L 62°, an asymmetry of 18°.", "rom", 18),
        ("FRAX: major 24%, hip 4.1% (treatment thresholds 20% / 3%).", None, 20),
        ("FRAX: major 24%, hip 4.1% (treatment thresholds 20% / 3%).", None, 3),
        ("Fracture risk 18% (intervention thresholds 20% and 3%).", None, 3),
        ("DEXA: lumbar spine T-score -2.9, femoral neck -2.6, total hip -2.2.", "rom", 2.6),
        ("DXA T-scores spine -2.4, femoral neck -1.9, total hip -1.7.", "rom", 1.7),
        ("WB status: PWB 50% R LL x 6/52 per ortho; no hip precautions", None, 50),
        ("Orders: TDWB 20% L LE x 4 wks.", None, 20),
        ("Also cleared for 30% PWB on the R for transfers only.", None, 30),
        ("Ther act 30 min: deceleration and 45° cut drills at 70-80%, cues.", None, 80),
        ("shuttle runs at 60% pace, box jumps @ 75% effort", None, 75),
        ("shuttle runs at 60% pace, box jumps @ 75% effort", None, 60),
        ("Gait speed (4 m, usual pace) 0.82 m/s with SPC", None, 4),
        ("Gait speed over 6 m: 1.02 m/s.", None, 6),
        ("Hop test (SL, 10 reps in place): L pain 2/10, R 0/10.", None, 10),
        (
            "### Strength (HHD, make test, mean of 2)\n\n| Muscle | L | R | LSI |\n"
            "|---|---|---|---|\n| Hip abduction | 18.6 kg | 21.0 kg | 89% |\n",
            "mmt",
            2,
        ),
        ("Grip (Jamar, best of 3) R 28 kg, L 24 kg.", None, 3),
        ("Grip 9 kg R, within the range his age-mates typically show (8 to 12 kg).", None, 12),
        ("Speed remains slow for second grade (expected about 20 letters per minute).", None, 20),
        ("Grip 10 kg R; children her age usually grip about 14 kg.", None, 14),
        ("Flare rule: next-morning pain should not exceed 5/10 and settle within 24 h.", None, 5),
        ("Soreness up to 3/10 while loading is acceptable.", "pain", 3),
        ("Keep pain under 5/10 on the bike.", "pain", 5),
        ("Pogo hops 3x20 (pain ≤ 4/10 rule).", "pain", 4),
        ("Ther activities (deceleration, cutting at 45° and 90°, ladder drills)", "rom", 90),
        ("Consider PIP extension orthosis at night if lag > 20°.", None, 20),
        ("Progress when pain < 3/10 with stairs.", "pain", 3),
        ("ROM gains of 32° flexion and 19° ER this period.", "rom", 19),
        ("ROM gains of 32° flexion and 19° ER this period.", "rom", 32),
        ("Copying: 7/10 words legible, letter size consistent in 6/10.", "pain", 6),
        ("Copying: 7/10 words legible, letter size consistent in 6/10.", "pain", 7),
        (
            "SCIM III:\n  Self-care   9/20   (6/20)\n  Mobility (room & toilet)   6/10   (4/10)\n",
            "pain",
            6,
        ),
        ("Meets 3/4 clinical prediction rule items (Wainner).", None, 3),
        ("Interval hx: saw surgeon 03/10, no restrictions.", "pain", 3),
    ],
)
def test_no_fact(text: str, kind: str | None, value: float) -> None:
    assert value not in _read(text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # the twins: the patient's own readings in the same shapes
        ("Cervical rotation R 64°, L 46°; side-bend R 38°, L 29°.", "rom", 46),
        ("Rotation R 64°, L 46°, a difference of 18° between R 64° and L 46°.", "rom", 64),
        ("Y-balance anterior reach LSI 91%.", "other", 91),
        ("Ten-year fracture risk 18% major.", None, 18),
        ("Knee flexion 128°, hip extension -8°.", "rom", 8),
        ("Standing on two scales: 62% through the R LE.", "other", 62),
        ("SpO2 97% on room air.", "other", 97),
        ("Quad index (isometric HHD) 84%. Single hop LSI 92%.", "other", 92),
        ("Walked 150 ft at 0.6 m/s.", "other", 150),
        ("Walked 150 ft, comfortable gait speed 0.94 m/s.", "other", 150),
        ("Heel raise to fatigue (metronome 60 bpm): L 18, R 29.", None, 18),
        ("Grip (Jamar, best of 3) R 28 kg, L 24 kg.", "strength", 28),
        ("Grip 10 kg R, 9 kg L; children her age usually grip about 14 kg.", "strength", 10),
        ("She copied 18 letters per minute on the far-point task.", "other", 18),
        ("Pain climbed up to 6/10 on stairs at work on Friday.", "pain", 6),
        ("Patellar tendon sore 2/10 this morning.", "pain", 2),
        ("Pain on single-leg decline squat 4/10.", "pain", 4),
        ("Knee flexion 90° in sitting.", "rom", 90),
        ("Regained full ROM 0-135° at the knee.", "rom", 135),
        ("Exercise completed with 3/10 pain.", "pain", 3),
        ("Pain is higher than expected at 7/10.", "pain", 7),
        ("Extension lag 25° today.", None, 25),
        ("Flexion improved from 90° to 110°.", "rom", 110),
        ("SCIM III:\n  Transfers: pain 5/10 with sit to stand.\n", "pain", 5),
        ("Saw surgeon last week, knee pain 3/10 today.", "pain", 3),
    ],
)
def test_fact_stays(text: str, kind: str | None, value: float) -> None:
    assert value in _read(text, kind)


def test_a_unit_with_digits_hides_no_value() -> None:
    """ "1.5 / 10 cm": the rating's "/ 10" must not hide the line's length after it ("10 cm")."""
    spans = not_measured_spans("Parent global assessment 1.5 / 10 cm.")
    assert [trap for trap, _span, _blocks in spans] == ["scale-length"]


def test_each_span_names_its_trap() -> None:
    text = "WB status: PWB 50%. FRAX hip 4.1% (treatment thresholds 20% / 3%)."
    traps = {trap for trap, _span, _blocks in not_measured_spans(text)}
    assert traps == {"weight-bearing-order", "reference-threshold"}


def _seconds(line: str) -> float:
    start = time.process_time()
    not_measured_spans(line)
    return time.process_time() - start


def test_listed_values_stay_linear() -> None:
    """A rule that reads through a list of values ("thresholds 20% / 3%") looks back a bounded
    window per value: a long line of listed values costs in proportion to its length."""

    def line(count: int) -> str:
        return "treatment thresholds " + " / ".join(f"{n % 90 + 1}%" for n in range(count))

    small, large = _seconds(line(500)), _seconds(line(4000))
    assert large < 8 * small * 2.5


def test_a_failed_list_is_not_exponential() -> None:
    """A list its words reach but whose end breaks the rule ("gap 1° and 2° ... 7x 16°") fails
    in time linear in the list: no stretch of the list can be read two ways."""

    def line(count: int) -> str:
        return "rotation gap " + " and ".join(f"{n}°" for n in range(1, count)) + " and 7x 16°"

    assert _seconds(line(16)) < 0.5
