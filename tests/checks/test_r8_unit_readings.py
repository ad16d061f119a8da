"""Measurements whose kind comes from their unit (issue 12, round 8): surface EMG in microvolts,
pad tests in grams, a body weight on a checklist line or with the day it was taken, and a stand
held without hands. Each has a twin the same unit must not make a fact of."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts

READ = [
    ("sEMG: resting tone 3.1 µV (was 5.4 µV), MVC 24.6 µV.", [3.1, 5.4, 24.6], "uV"),
    ("sEMG rest :: 3.1 uV; max MVC :: 24.8 uV", [3.1, 24.8], "uV"),
    ("24-h pad weight :: 86 g (eval 240 g; mild < 100 g)", [86, 240], "g"),
    ("One-hour pad test: 6 g (initial 22 g).", [6, 22], "g"),
    ("Weight 61.2 kg (was 63.4 kg on 12/09).", [61.2, 63.4], "kg"),
    ("[x] Wt 58.2 kg (down 3.1 kg since Dec) -- per RD", [58.2], "kg"),
    ("He stood at the bench without hands for 22 seconds.", [22], "s"),
]
NOT_READ = [
    ("Biofeedback threshold set at 20 uV for the holds.", 20),
    ("SWM 4.31 (2 g) intact; sodium under 2 g/day.", 2),
    ("[x] Wt 58.2 kg (down 3.1 kg since Dec)", 3.1),
    ("[ ] 2 lb wrist weights issued for HEP", 2),
    ("HEP: stand at the counter without hands 30 s x 5.", 30),
]


@pytest.mark.parametrize(("line", "values", "unit"), READ, ids=lambda x: str(x)[:24])
def test_a_measurement_is_read_by_its_unit(line: str, values: list[float], unit: str) -> None:
    read = [fact.value for fact in extract_facts(line) if fact.unit == unit]
    assert read == values


@pytest.mark.parametrize(("line", "value"), NOT_READ, ids=lambda x: str(x)[:24])
def test_twin_a_setting_a_limit_a_change_or_a_dose_is_not(line: str, value: float) -> None:
    assert value not in [fact.value for fact in extract_facts(line)]
