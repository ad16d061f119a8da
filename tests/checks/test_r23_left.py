"""Round 23, classes other owners left: an incentive spirometer's volume under its capital
abbreviation ("IS 1250 mL"), the best of a drill named after its dose ("IS 10x/hr reinforced,
peak 1250 mL"), an earlier respiratory reading bracketed after today's ("(yest 1000 mL)",
"(last week -22 cmH2O)"), and a body weight compared with a dated earlier weight after a
diagnosis's clause ("CHF (NYHA III), wt 94.2 kg today (93.1 kg on 3/16)"). Each with the case
it must leave: a predicted volume, a goal, a target, a load and a verb "is"."""

from __future__ import annotations

import time

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _read(text: str) -> list[tuple[str, object, str | None, str]]:
    return [(f.kind, f.value, f.unit, f.label) for f in extract_facts(text)]


def _values(text: str, unit: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.unit == unit]


def test_is_abbreviation_with_earlier_day_and_norm_left() -> None:
    facts = _values("O: HR 92\n   IS 1250 mL (yest 1000 mL; pred 2500)\n", "mL")
    assert [(f.value, f.label) for f in facts] == [(1250, "IS"), (1000, "IS (previous)")]


def test_is_peak_after_the_drill_dose() -> None:
    text = "Tx: ther act 18 min (transfers, IS 10x/hr reinforced, peak 1250 mL); gait 10 min.\n"
    assert [(f.value, f.label) for f in _values(text, "mL")] == [(1250, "IS")]


def test_is_goal_target_and_verb_are_no_reading() -> None:
    text = (
        "IS goal 2000 mL by discharge.\nP: IS hourly, target peak 2200 mL.\n"
        "Incentive spirometer 900 mL (goal 1500 mL).\n"
    )
    assert [f.value for f in _values(text, "mL")] == [900]
    # "is" is a verb: only the capital abbreviation names the spirometer
    assert all(f.label != "is" for f in extract_facts("The drain output is 500 mL.\n"))


def test_respiratory_earlier_bracket_after_today() -> None:
    text = "MIP -34 cmH2O today (last week -22 cmH2O).\nMEP 41 cmH2O (goal 60 cmH2O).\n"
    found = [(f.value, f.label) for f in _values(text, "cmH2O")]
    assert found == [(-34, "MIP"), (-22, "MIP (previous)"), (41, "MEP")]


def test_body_weight_with_dated_earlier_weight() -> None:
    text = "CHF (NYHA III), wt 94.2 kg today (93.1 kg on 3/16; call if gain > 1.5 kg in 2 days).\n"
    found = [(f.value, f.label) for f in _values(text, "kg")]
    assert found == [(94.2, "body weight"), (93.1, "body weight (previous)")]


def test_body_weight_without_a_dated_bracket_stays_a_load() -> None:
    text = "HFrEF, weight 61 kg (dry wt 59 kg).\nCarried laundry basket, weight 8 kg.\n"
    assert _values(text, "kg") == []


def test_long_line_of_is_reads_in_linear_time() -> None:
    line = "IS is reinforced, " * 2300 + "peak 1250 mL\n"
    start = time.process_time()
    extract_facts(line)
    assert time.process_time() - start < 1.0
