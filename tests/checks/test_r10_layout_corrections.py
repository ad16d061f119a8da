"""Values a note takes back (issue 12, round 10): struck through ("~~5/10~~", "<del>", "<s>")
or retracted by a correction on a line its mark opens ("Correction: ... 60°, not 65°", "18 kg
should read 23 kg"). The old value is no fact, the new one is, read with the original row's
words. Each reading has a twin: the same shapes without a correction mark are read as written."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def values(text: str, kind: str) -> set[int | float | str]:
    return {fact.value for fact in extract_facts(text) if fact.kind == kind}


def facts(text: str, kind: str) -> list[Fact]:
    return [fact for fact in extract_facts(text) if fact.kind == kind]


def test_a_markdown_struck_value_is_no_fact_and_the_value_after_it_is() -> None:
    assert values("S: pain ~~5/10~~ 3/10 with stairs.\n", "pain") == {3}


def test_a_lone_tilde_is_no_strike() -> None:
    # the twin: "~60°" is an estimate, and "~~" left open on its line strikes nothing
    assert values("Cervical rotation R ~60°, L 70° ~~\n", "rom") == {60, 70}


def test_html_struck_values_are_no_facts() -> None:
    text = "<p>L knee flexion AROM <del>98&deg;</del> 104&deg;; pain <s>6/10</s> 4/10</p>\n"
    assert values(text, "rom") == {104}
    assert values(text, "pain") == {4}


def test_an_underlined_value_is_still_read() -> None:
    # the twin: an inline tag that only styles its text keeps it
    assert values("<p>L knee flexion AROM <u>104&deg;</u></p>\n", "rom") == {104}


NOTE = (
    "O: R wrist AROM: extension 48°, supination 65°, pronation 75°.\n"
    "Grip (Jamar II): R 31 kg, L 18 kg.\n"
    "\n"
)


def test_a_correction_takes_the_old_value_back_and_reads_the_new_one_in_its_row() -> None:
    text = NOTE + "Addendum: correction, supination was 60°, not 65° (misread).\n"
    roms = facts(text, "rom")
    assert {fact.value for fact in roms} == {48, 60, 75}
    corrected = next(fact for fact in roms if fact.value == 60)
    assert "R" in corrected.label and "previous" not in corrected.label


def test_should_read_takes_the_old_value_back() -> None:
    text = NOTE + "Late entry: L grip 18 kg should read 23 kg (transcription error).\n"
    grips = {(fact.value, fact.label) for fact in facts(text, "strength")}
    assert {value for value, _ in grips} == {31, 23}
    assert any(value == 23 and "L" in label for value, label in grips)


def test_a_comparison_without_a_correction_mark_takes_nothing_back() -> None:
    # the twin: "4/10, not 7/10 like last week" compares; no value was charted in error
    text = NOTE + "S: pain 4/10 today, not 7/10 like last week.\n"
    assert 65 in values(text, "rom")
    assert 4 in values(text, "pain")


def test_a_correction_with_another_unit_is_a_new_value() -> None:
    # the twin: "23 lb, not 18 kg" names two quantities; neither is taken back
    text = NOTE + "Correction: L grip 23 lb, not 18 kg.\n"
    assert 18 in values(text, "strength")


WALK = "O: 6MWT 230 m with rollator.\n   TUG 16.4 s with rollator.\n\n"


def test_amended_to_from_takes_the_old_value_back() -> None:
    text = WALK + "Entry amended: 6MWT distance amended to 320 m from 230 m (laps misread).\n"
    assert {fact.value for fact in facts(text, "outcome") if fact.measure == "6MWT"} == {320}


def test_a_quoted_should_read_with_the_test_named_again() -> None:
    text = WALK + 'Correction: "TUG 16.4 s" should read "TUG 14.6 s".\n'
    assert {fact.value for fact in facts(text, "outcome") if fact.measure == "TUG"} == {14.6}


def test_a_plan_amended_from_one_frequency_to_another_takes_no_value_back() -> None:
    # the twin: "3x/wk from 2x/wk" are frequencies, not values written with a unit of their own
    text = WALK + "Plan amended: frequency changed to 3x/wk from 2x/wk.\n"
    assert {fact.value for fact in facts(text, "outcome")} == {230, 16.4}


def test_a_score_without_a_unit_is_taken_back_where_it_was_written() -> None:
    text = "S: pain 6/10 with stairs.\n\nCorrection: pain was 4/10, not 6/10.\n"
    assert values(text, "pain") == {4}


def test_a_correction_under_its_addendum_heading_takes_the_old_value_back() -> None:
    # an addendum heading, then the correction one sentence a line (as a draft lists it)
    text = NOTE + "- **ADDENDUM (late entry)**\n- Supination was 60°, not 65° (misread).\n"
    assert values(text, "rom") == {48, 60, 75}


def test_a_blank_line_ends_what_a_correction_mark_opens() -> None:
    # the twin: a comparison in the next paragraph is no correction
    text = "O: knee flexion 115°.\n\nAddendum 03/02:\n\nS: pain 4/10, not 6/10 as Monday.\n"
    text = "S: pain 6/10 Monday.\n" + text
    assert {4, 6} <= values(text, "pain")
