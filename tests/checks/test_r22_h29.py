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


TAPED = (
    "Circumferential measurements, tape, every 4 cm from the ulnar styloid (0 cm), seated.\n"
    "\n"
    "| Point (cm from styloid) | L (affected), cm | R, cm |\n"
    "|---|---|---|\n"
    "| 0 | 17.3 | 15.6 |\n"
    "| 4 | 19.4 | 17.0 |\n"
    "| 8 | 22.1 | 19.3 |\n"
)


def test_bare_positions_under_a_length_heading_and_a_tape_caption_are_no_values() -> None:
    girths = {(fact.value, fact.label.split()[0]) for fact in facts_in(TAPED, "girth")}
    assert girths == {
        (17.3, "L"),
        (19.4, "L"),
        (22.1, "L"),
        (15.6, "R"),
        (17.0, "R"),
        (19.3, "R"),
    }
    values = {fact.value for fact in facts_in(TAPED)}
    assert not values & {0, 4, 8}


STEPS = "Step-ups at home:\n\n| Step height (cm) | Reps |\n|---|---|\n| 10 | 15 |\n| 15 | 12 |\n"


def test_bare_numbers_in_cm_without_a_tape_caption_are_no_positions() -> None:
    assert not facts_in(STEPS, "girth")
    assert not [fact for fact in facts_in(STEPS) if fact.unit == "cm"]


def test_a_long_tape_caption_line_reads_in_linear_time() -> None:
    """A 40 KB line saying a tape took the values, over the table: read in well under a second."""
    caption = "Circumferential measurements by tape every 4 cm, " * 820
    text = caption + "\n\n" + TAPED.split("\n", 2)[2]
    assert len(caption) > 40_000
    start = time.process_time()
    found = facts_in(text, "girth")
    assert time.process_time() - start < 1.0
    assert len(found) == 6


LEGEND = (
    "O: AROM L wrist (R in brackets)\n"
    "   Extension 48° [72°]   Flexion 42° [70°]\n"
    "   Supination 65° [85°]\n"
)


def test_a_side_legend_gives_the_bracketed_values_the_other_side() -> None:
    sides = {fact.value: fact.label.split()[0] for fact in facts_in(LEGEND, "rom")}
    assert sides == {48: "L", 72: "R", 42: "L", 70: "R", 65: "L", 85: "R"}


def test_an_earlier_legend_gives_its_brackets_no_side() -> None:
    text = "AROM R shoulder [IE in brackets]:\n  flexion 120° [85°], abduction 95° [60°]\n"
    labels = {fact.value: fact.label for fact in facts_in(text, "rom")}
    assert "previous" in labels[85] and "L" not in labels[85].split()
    assert "previous" not in labels[120]


def test_a_legend_naming_the_headings_own_side_names_no_other() -> None:
    text = "AROM L wrist (L in brackets)\n   Extension 48° [72°]\n"
    labels = [fact.label for fact in facts_in(text, "rom")]
    assert not any(label.split()[0] == "R" for label in labels)
