"""Round 18, the `other` kind (issue 12): counts of heel and calf raises on each side, vital
signs after "up to" and "mid", a share of a maximum worked out ("75% = 129"), a norm "needed",
print size in M units and the distance print is held at, and an earlier value bracketed after
a few words. Each rule with the near-misses it must refuse; notes of our own."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _others(text: str) -> list[tuple[str, int | float | str, str | None]]:
    return [(f.label, f.value, f.unit) for f in extract_facts(text) if f.kind == "other"]


def _values(text: str) -> list[int | float | str]:
    return [f.value for f in extract_facts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ankle PF 4/5 (calf raises R 24, L 11).", [("R", 24), ("L", 11)]),
        ("Heel rises on the step: left 9 reps; right 23.", [("L", 9), ("R", 23)]),
        ("calf raise L 6 reps R 22", [("L", 6), ("R", 22)]),
        ("Single leg heel raises L 14, R 25.", [("L", 14), ("R", 25)]),
        ("R PF 4-/5; 14 single-leg calf raises R vs 26 L.", [("R", 14), ("L", 26)]),
        ("Calf raises to fatigue R 18, L 18.", [("R", 18), ("L", 18)]),
    ],
)
def test_counts_on_each_side_are_reps(text: str, expected: list[tuple[str, int]]) -> None:
    found = [(label.split()[0], value) for label, value, unit in _others(text) if unit == "reps"]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "HEP: heel raises R 12, L 15 daily.",
        "Ther ex 20 min: calf raises L 10, R 15, bridges.",
        "Heel raises R 15, L 15 at the counter.",
        "Heel raises R 2x15, L 2x10.",
        "Heel raises R 3 x 10, L 3 x 10.",
        "Calf raises L 10 lb, R 15 lb.",
        "Goal: heel raises R 20, L 25 by 4 wks.",
        "Calf raise R 10-12, L 15.",
        "Single leg heel raise R 10 @ 2 lb, L 12 @ 2 lb.",
        "Heel raises R 15 each, L 15 each.",
        "Ther ex 20 min: calf raises L 2x12, R 2x12; 10 heel raises each side before walking.",
    ],
)
def test_doses_and_goals_of_raises_are_no_counts(text: str) -> None:
    assert [unit for _, _, unit in _others(text) if unit == "reps"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vitals: HR 88 at rest, up to 131 with stair climbing.", 131),
        ("HR 82 at rest, rising to 118 with stairs.", 118),
        ("Treadmill 12 min: HR pre 84, mid 118, post 92.", 118),
        ("SpO2 pre 97%, mid 93%, post 95%.", 93),
    ],
)
def test_vital_chains_after_up_to_and_mid(text: str, value: int) -> None:
    assert value in [v for _, v, _ in _others(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Keep HR up to 140 during walking.", 140),
        ("HR 72, up to 120 allowed per cardiology.", 120),
        ("HR 72; target up to 110.", 110),
        ("Precautions: keep HR up to 140 max; stop if SpO2 below 85%.", 140),
    ],
)
def test_limits_after_up_to_are_no_readings(text: str, value: int) -> None:
    assert value not in _values(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Peak HR during lifts 128 bpm (age-predicted max 172; 75% = 129).", [75, 129]),
        ("Peak HR 124 bpm on the bike (predicted max 168; 70% = 118).", [70, 118]),
        ("1RM 40 kg, 60% = 24 kg for sets.", [60, 24]),
        ("Reading speed 41 wpm; still below the ~80 wpm needed for sustained reading.", [80]),
        ("Gait speed 0.74 m/s; 1.0 m/s required for community crossing times.", [1.0]),
        ("Near: reads 2.0M print at 25 cm unaided; 1.0M with 4x magnifier.", [2.0, 25, 1.0]),
        ("Distance VA (ETDRS chart at 2 m): OD 20/200.", [2]),
        ("MNREAD: critical print size 1.6M.", [1.6]),
    ],
)
def test_shares_norms_print_sizes_and_test_distances_are_no_facts(
    text: str, absent: list[float]
) -> None:
    found = _values(text)
    assert not [value for value in absent if value in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Peak HR during lifts 128 bpm (age-predicted max 172; 75% = 129).", 128),
        ("LSI 85% = 120/141 cm.", 85),
        ("Convergence: NPC break at 11 cm.", 11),
        ("Reading speed 41 wpm today.", 41),
        ("Walked 3.0M without device.", 3.0),
    ],
)
def test_readings_beside_those_stay(text: str, value: float) -> None:
    assert value in _values(text)


@pytest.mark.parametrize(
    ("text", "now", "earlier"),
    [
        ("Weight 187 lb per pt's scale (186 lb on 5/4).", 187, 186),
        ("Weight 152 lb on the clinic scale (155 lb on 1/12).", 152, 155),
        ("Stood independently 6 sec before sitting down (was 2 sec on 4/10).", 6, 2),
        ("Stood without support 9 s before reaching for the rail (was 4 s on 12/30).", 9, 4),
    ],
)
def test_earlier_value_bracketed_after_words(text: str, now: int, earlier: int) -> None:
    found = {value: label for label, value, _ in _others(text)}
    assert "previous" not in found[now]
    assert "previous" in found[earlier]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Weight 152 lb (goal 145 lb).", 145),
        ("Wt 70 kg on the scale at home (dry wt 68 kg).", 68),
        ("Stood 3 min at the sink (goal 10 min).", 10),
        ("Walked 200 ft with rollator (rests x2).", 2),
        ("Hold 30 s with cues to breathe (target 60 s).", 60),
        ("Weight 10 lb bag carried 50 ft (20 lb on 1/12).", 20),
    ],
)
def test_brackets_that_are_no_earlier_value(text: str, absent: int) -> None:
    assert absent not in _values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Step counter: avg 2,140 steps/day last 7 days (prior week 1,650)", 2140),
        ("Averaging 3400 steps per day on her watch.", 3400),
        ("Her watch shows she averages 3,250 steps per day this week.", 3250),
    ],
)
def test_daily_step_counts(text: str, value: int) -> None:
    assert (value, "steps/day") in [(v, unit) for _, v, unit in _others(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Goal: 5000 steps/day by discharge.",
        "Increase to 4000 steps/day over 2 wks.",
        "Aim for 3000 steps a day.",
        "Target 6,000 steps per day.",
        "Recommended 7000 steps daily for her age.",
        "HEP: walk 2000 steps daily.",
        "Norm for age ~7,000 steps/day.",
        "Walked 120 steps with the rollator.",
    ],
)
def test_step_counts_advised_or_planned_are_no_facts(text: str) -> None:
    assert [unit for _, _, unit in _others(text) if unit == "steps/day"] == []


@pytest.mark.parametrize(
    ("text", "now", "earlier"),
    [
        ("  Bathroom scale: 71.4 kg (last week 72.6 kg)", 71.4, 72.6),
        ("Wt per pt scale 187 lb (yesterday 189)", 187, 189),
    ],
)
def test_weights_read_off_a_scale(text: str, now: float, earlier: float) -> None:
    found = {value: label for label, value, _ in _others(text)}
    assert "previous" not in found[now]
    assert "previous" in found[earlier]


@pytest.mark.parametrize(
    "text", ["Hanging scale 12 kg pull on the rope.", "Pulled 12 kg on the hanging scale."]
)
def test_a_force_scale_is_no_body_weight(text: str) -> None:
    assert "body weight" not in " ".join(label for label, _, _ in _others(text))


def test_reps_counted_to_fatigue_said_after() -> None:
    found = [(v, unit) for _, v, unit in _others("- R heel raise 9 reps to fatigue (L 25 reps)")]
    assert (9, "reps") in found
    assert (25, "reps") in found
    assert _others("Heel raises 3 sets of 10 reps to fatigue.") == []


def test_antigravity_holds_timed_are_hold_times() -> None:
    found = [
        (v, unit) for _, v, unit in _others("Prone extension hold 14 s; supine flexion hold 9 s")
    ]
    assert found == [(14, "s"), (9, "s")]


@pytest.mark.parametrize(
    "text",
    [
        "HEP: prone extension hold 10 s x 5 daily.",
        "Prone extension over ball 3 x 10 s holds.",
        "Supine flexion 10 s hold, 5 reps.",
        "Educated parent on prone extension hold 20 s.",
    ],
)
def test_antigravity_postures_dosed_are_no_holds(text: str) -> None:
    assert _others(text) == []


def test_vital_chain_to_todays_reading() -> None:
    found = [v for _, v, _ in _others("HR 70 -> TODAY 78; SpO2 97%.")]
    assert 78 in found
    assert 3 not in [v for _, v, _ in _others("HR 72 now, 3 wks post-op.")]


@pytest.mark.parametrize(
    "text",
    [
        "Offloading: boot worn 24/7; limit walking to 1,000 steps/day.",
        "Keep under 3000 steps a day until the wound closes.",
        "Walking to ~2,500 steps/day is the aim.",
    ],
)
def test_step_count_limits_are_no_facts(text: str) -> None:
    assert [unit for _, _, unit in _others(text) if unit == "steps/day"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Stretch hold time is 30 seconds, 3 reps.",
        "Hamstring stretch hold time 30 s, 3 reps each side.",
    ],
)
def test_an_exercise_hold_with_its_reps_is_a_dose(text: str) -> None:
    assert _others(text) == []


def test_a_test_hold_listed_with_counts_stays() -> None:
    found = [(v, unit) for _, v, unit in _others("PFM endurance 6 s, 5 reps, 4 quick flicks.")]
    assert (6, "s") in found


def test_one_number_after_a_pressure_is_no_earlier_pressure() -> None:
    assert 120 not in _values("BP 130/80 (up from 120 prior).")
    assert 36 in _values("ODI 24%. Previous 36%.")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Marek Thistlewood | 84M | POD 2 L hemiarthroplasty", 84, None),
        ("Ruth Okafor | 72F | L TKA", 72, None),
        ("Gait | 150M | RW", None, 150),
        ("Total Distance | 150M | RW", None, 150),
    ],
)
def test_an_age_in_a_header_cell_after_a_full_name(
    text: str, absent: int | None, present: int | None
) -> None:
    found = _values(text)
    if absent is not None:
        assert absent not in found
    if present is not None:
        assert present in found


def test_temperatures_chained_with_their_letter() -> None:
    found = [v for _, v, _ in _others("Temp (tympanic) 36.7 °C pre, 37.1 °C post.")]
    assert found == [36.7, 37.1]
    assert [v for _, v, _ in _others("Temp 36.9 C water 34.5 C.")] == [36.9]
    assert [v for _, v, _ in _others("Temp 36.9 C, water 34 C.")] == [36.9]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Canalith repositioning (Epley) R x 2 cycles, each position held 30 s beyond "
            "cessation of nystagmus (~60 s each).",
            [30, 60],
        ),
        ("Each stretch held 30 s.", [30]),
        ("Functional measure: 6MWT = 372 m  (norm for age 500-600 m)", [500, 600]),
        ("Gait speed 0.8 m/s (normal 1.2-1.4 m/s).", [1.2, 1.4]),
    ],
)
def test_protocol_times_and_norms_are_no_facts(text: str, absent: list[float]) -> None:
    found = _values(text)
    assert not [value for value in absent if value in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("FEV1 2.1 L (65% predicted).", 65),
        ("After Epley, sits without support 20 s.", 20),
        ("Sits unsupported 45 s (was 10 s).", 10),
        ("Functional measure: 6MWT = 372 m  (norm for age 500-600 m)", 372),
    ],
)
def test_results_beside_protocols_and_norms_stay(text: str, value: float) -> None:
    assert value in _values(text)
