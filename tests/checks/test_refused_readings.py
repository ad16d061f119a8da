"""The general gate on every reader's numbers (measures/refused_readings.py): the shapes that
make a number no reading of the patient, and the near-misses it must leave as facts."""

from __future__ import annotations

import pytest

from tests.eval.score import CTX
from tui.core.checks.extract import extract_facts, extract_unclassified
from tui.core.checks.facts import Fact
from tui.core.checks.measures.refused_readings import refused
from tui.core.checks.measures.unit_gate import unit_gated


def _read(text: str) -> list[tuple[str, float | int | str]]:
    return [(f.kind, f.value) for f in extract_facts(text, CTX.measures) if f.kind != "service"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Reads 2.0M print at 25 cm.", 25),  # the print's distance
        ("Reads 2.0M print at 25 cm.", 2.0),  # a print size, no metres
        ("Near: 1.6M at 40 cm; 1.0M at 20 cm with magnifier.", 20),
        ("Still below the ~80 wpm needed for sustained reading.", 80),
        ("Reading speed 46 wpm (72 wpm is the speed required).", 72),
        ("Peak HR 128 bpm (age-predicted max 172; 75% = 129).", 75),
        ("Aerobic Rx: 90% of 168, 20 min/day.", 90),
        ("Training zone 60% of 154 to 75% of 154.", 60),
        ("R shoulder subluxation 1 fingerbreadth.", 1),
        ("Ther ex 24 min (scaption to 90° no weight, rows).", 90),
        ("Ther ex 20 min (sidelying ER with 3 lb, rows).", 3),
        ("Pt: Endre Szabo, 81M    Unit 6W", 81),
        ("Hop LSI 84%; 90% criterion not met.", 90),
        ("6MWT 410 m (normative 520 m).", 520),
        ("Berg 43/56 (cut-off 45 for falls).", 45),
    ],
)
def test_refused_shapes_are_no_facts(text: str, value: float) -> None:
    read = _read(text)
    assert all(abs(float(v) - value) > 1e-9 for _, v in read if isinstance(v, int | float)), read


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Reading speed 46 wpm today.", "other", 46),
        ("TUG 16.2 s, above the 13.5 s cut-off.", "outcome", 16.2),
        ("Cues needed ~50% of reps.", "other", 50),  # "needed" before is the patient's share
        ("On task 70% of 10-minute intervals.", "other", 70),
        ("Accuracy 80% of 20 trials.", "other", 80),
        ("Strickland 64% = fair.", "other", 64),  # a word after "=" grades the reading
        ("NPC break at 11 cm.", "other", 11),  # no print or chart: the patient's distance
        ("Walked 400 m outdoors.", "other", 400),
        ("Gait training 15 min (amb 200 ft with RW).", "other", 200),  # distances stay
        ("R shoulder flex 120° in sitting.", "rom", 120),
        ("HR 162 bpm at threshold, RPE 15.", "other", 162),
        ("FVC 62% predicted.", "other", 62),
        ("Grip R 22 kg (norm 31 kg).", "strength", 22),
        ("LSI 88%, below the 90% criterion.", "other", 88),
    ],
)
def test_near_misses_stay_facts(text: str, kind: str, value: float) -> None:
    assert (kind, value) in _read(text)


def test_a_column_gap_is_no_reference_word() -> None:
    text = "SFA Written Work (Part III)\t58\tCriterion\t\tBelow cut-off\n"
    fact = Fact(kind="outcome", value=58, measure="SFA", span=(28, 30))
    assert refused(fact, text) == ""


def test_refused_number_is_listed_unclassified() -> None:
    text = "R shoulder subluxation 1 fingerbreadth.\n"
    assert 1 in [item.value for item in extract_unclassified(text, CTX.measures)]


def test_reasons() -> None:
    text = "R shoulder subluxation 1 fingerbreadth."
    at = text.index("1")
    # an angle in fingerbreadths is refused by the unit gate (data/units.toml: a length)
    angle = Fact(kind="rom", value=1, span=(at, at + 1))
    assert unit_gated([angle], text) == ([], [angle])
    assert refused(Fact(kind="service", value=1, span=(at, at + 1)), text) == ""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Daughter's BP 150/90 at home.", "150/90"),
        ("Mom reports sibling's grip 30 kg.", 30),
        ("Her husband's knee flexion 90 deg after his TKA.", 90),
        ("Pt grip 22 kg; son's grip 41 kg.", 41),
    ],
)
def test_a_relations_value_is_theirs(text: str, value: float | str) -> None:
    assert value not in [v for _, v in _read(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Mom's report: pain 3/10 at night.", "pain", 3),
        ("With husband's help amb 200 ft.", "other", 200),
        ("Caregiver's rating: pain 4/10.", "pain", 4),
        ("Wife's observation: pt walks 300 ft before resting.", "other", 300),
        ("Caregiver reports pt's pain 4/10.", "pain", 4),
        ("Pt grip 22 kg; son's grip 41 kg.", "strength", 22),
    ],
)
def test_values_told_through_a_relation_stay(text: str, kind: str, value: float) -> None:
    assert (kind, value) in _read(text)


def test_a_refused_blood_pressure_is_listed_by_its_first_number() -> None:
    text = "Pt BP 124/70; wife's BP 150/90.\n"
    assert ("other", "124/70") in _read(text)
    assert 150 in [item.value for item in extract_unclassified(text, CTX.measures)]


@pytest.mark.parametrize(
    "text",
    ["Pt: Endre Szabo, 81M    Unit 6W", "Marek Thistlewood | 84M | POD 2", "Reads 1.6M print."],
)
def test_a_glued_capital_m_after_a_name_or_with_decimals_is_no_metres(text: str) -> None:
    assert not [v for k, v in _read(text) if k == "other"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gait distance, 150M with RW.", 150),
        ("Walked 400 m outdoors.", 400),
        ("Total Distance | 180M | RW", 180),
    ],
)
def test_metres_in_capitals_elsewhere_stay(text: str, value: int) -> None:
    assert ("other", value) in _read(text)
