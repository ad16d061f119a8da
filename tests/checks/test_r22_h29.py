"""Round 22, heldout29: a subscale's score is scored under its instrument's name too, and a
comparison group's figure (classmates, the class average, typically developing children, a
comparison group) is never the patient's value."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in
from tests.eval.score import matches
from tui.core.checks.facts import Fact
from tui.core.checks.measures.subscale_names import instrument_of


def _outcome(measure: str, value: float, label: str) -> Fact:
    found = [
        fact
        for fact in facts_in(f"{label} {value:g}%\n", "outcome")
        if fact.value == value and fact.measure == measure
    ]
    assert found, f"{label} {value} not read as {measure}"
    return found[0]


def test_a_listed_subscale_belongs_to_its_instrument() -> None:
    assert instrument_of("FAAM-ADL") == "FAAM"
    assert instrument_of("FABQ-W") == "FABQ"
    assert instrument_of("FAAM") is None
    assert instrument_of("KOOS JR") is None


def test_an_expected_instrument_accepts_its_subscale_never_the_reverse() -> None:
    adl = _outcome("FAAM-ADL", 88, "FAAM ADL")
    assert matches(adl, {"kind": "outcome", "measure": "FAAM", "value": 88})
    assert matches(adl, {"kind": "outcome", "measure": "FAAM-ADL", "value": 88})
    assert not matches(adl, {"kind": "outcome", "measure": "FAAM-Sport", "value": 88})
    assert not matches(adl, {"kind": "outcome", "measure": "FABQ", "value": 88})
    whole = Fact(kind="outcome", value=88, unit="%", label="FAAM", measure="FAAM")
    assert not matches(whole, {"kind": "outcome", "measure": "FAAM-ADL", "value": 88})


def test_a_different_instrument_sharing_a_prefix_is_no_subscale() -> None:
    tug = Fact(kind="outcome", value=14, unit="s", label="TUG cognitive", measure="TUG-cognitive")
    assert not matches(tug, {"kind": "outcome", "measure": "TUG", "value": 14})


PEERS = (
    "Timed copy: she wrote 22 letters per minute. Her classmates averaged 41 letters per minute.\n"
    "Board copy 14 letters per minute; the class average on this task was 35 letters per minute.\n"
    "Typically developing third graders type about 15 words per minute; she types 9 wpm.\n"
    "Legibility 68% (comparison group from her room: 92%).\n"
    "In class this week she managed 19 letters per minute.\n"
)


def test_a_comparison_groups_figure_is_never_the_patients() -> None:
    values = {fact.value for fact in facts_in(PEERS)}
    assert {22, 14, 9, 68, 19} <= values
    assert not values & {41, 35, 15, 92}


def test_a_long_line_of_comparisons_reads_in_linear_time() -> None:
    line = "Her classmates averaged 41 letters per minute; she wrote 22 letters per minute. " * 500
    start = time.process_time()
    facts_in(line)
    assert time.process_time() - start < 1.0
