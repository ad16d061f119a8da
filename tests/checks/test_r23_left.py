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
from tui.core.checks.measures.subscale_rows import read_subscale_rows
from tui.core.checks.text.scan import measurement_scanner


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


MALLET = (
    "Modified Mallet (L)          today    08/2141\n"
    "  global abduction            3        2\n"
    "  hand to neck                3        2\n"
    "  total                      13/25    10/25\n"
)


def test_listed_instrument_over_spaced_time_columns_reads_items_not_angles() -> None:
    facts = extract_facts(MALLET)
    assert {f.kind for f in facts} == {"outcome"}
    totals = [(f.value, f.measure, "previous" in f.label) for f in facts if f.unit == "/25"]
    assert totals == [(13, "Mallet", False), (10, "Mallet", True)]


def test_date_column_first_and_bulleted_rows() -> None:
    text = (
        "Mallet scale, R       10/2155    today\n  - abduction   2   3\n  - total   9/25   12/25\n"
    )
    found = [(f.value, "previous" in f.label) for f in extract_facts(text)]
    assert found == [(2, True), (3, False), (9, True), (12, False)]


def test_unlisted_heading_and_goal_column_are_left_to_their_readers() -> None:
    arom = extract_facts(
        "Shoulder AROM R   initial   today\n  flexion   90°   105°\n  ER   5°   15°\n"
    )
    assert {f.kind for f in arom} == {"rom"}
    goals = extract_facts(
        "Mallet         today    goal\n  abduction      3        4\n  hand to mouth  3  4\n"
    )
    assert all(f.value != 4 for f in goals)


def test_timed_function_tests_are_outcomes() -> None:
    text = (
        "Rise from floor 5.9 s, full Gowers' with hand on thigh (Sept 2131: 4.6 s)\n"
        "Climb 4 standard stairs (1 rail) ...... 4.4 s\nDescend 4 stairs ...... 3.1 s\n"
    )
    found = [(f.kind, f.value, f.measure, "previous" in f.label) for f in extract_facts(text)]
    assert found == [
        ("outcome", 5.9, "Timed floor rise", False),
        ("outcome", 4.6, "Timed floor rise", True),
        ("outcome", 4.4, "4-stair climb", False),
        ("outcome", 3.1, "4-stair descent", False),
    ]


def test_drill_goal_and_threshold_of_floor_rise_are_no_results() -> None:
    text = (
        "Tx: practised floor rise x 5 with a bench.\nGoal: rise from floor under 6 s.\n"
        "P: consider KAFO if floor rise > 9 s.\n"
    )
    assert extract_facts(text) == []


def test_a_year_before_the_visit_dates_a_score_earlier() -> None:
    text = (
        "Visit date: 02/13/2133\n"
        "HFMSE 49/66 today, compared with 52/66 at the 2132 review and 51/66 in 2131 - down.\n"
        "RULM 30/37 in 2133.\n"
    )
    found = [(f.measure, f.value, "previous" in f.label) for f in extract_facts(text)]
    assert found == [
        ("HFMSE", 49, False),
        ("HFMSE", 52, True),
        ("HFMSE", 51, True),
        ("RULM", 30, False),
    ]


def test_long_spaced_line_reads_in_linear_time() -> None:
    """The subscale rows' pass on a 42 KB spaced heading (the whole extract of such a line is
    slow before this round's change too, in other readers)."""
    line = "Mallet  " + "today  " * 6000 + "\n" + "  abduction  3  2\n" * 2
    scanner = measurement_scanner(line)
    start = time.process_time()
    read_subscale_rows(scanner, [], ())
    assert time.process_time() - start < 0.2


def test_a_score_in_a_bracket_ends_at_its_close() -> None:
    text = (
        "A: ER remains the limiting motion (AMS 2) with passive ER at 40°, risk of contracture.\n"
    )
    found = [(f.kind, f.value) for f in extract_facts(text)]
    assert found == [("outcome", 2), ("rom", 40)]


def test_a_bracket_inside_the_scores_bracket_is_stepped_over() -> None:
    text = "Balance improving (Berg 45/56 (was 40/56 at eval), TUG 12.1 s).\n"
    found = [(f.measure, f.value, "previous" in f.label) for f in extract_facts(text)]
    assert found == [("Berg", 45, False), ("Berg", 40, True), ("TUG", 12.1, False)]
