"""Vital signs in the layouts flowsheets and therapists write them (issue 12, round 9): a
space-aligned table whose heading names the signs after other columns ("time  activity  HR
BP"), a row whose activity runs wide of its column, sign rows with their readings parted by
bars, a sign's heading naming its scale in brackets, readings and positions set apart by
slashes ("HR 72/96 sit/stand"). Each reading has a twin that must not be read: a column or
row of limits or targets, a slash pair with no positions."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def others(text: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == "other"]


def facts_of(text: str, kind: str) -> list[Fact]:
    return [fact for fact in extract_facts(text) if fact.kind == kind]


# -- a space-aligned table whose heading names the signs -------------------------------------


def test_signs_after_other_columns_are_read_by_their_column() -> None:
    text = (
        "clock  activity           HR    BP        SpO2   RR\n"
        "0810   lying flat         88    124/70    96%    18\n"
        "0818   marching in place  112   132/72    93%    26\n"
        "0826   seated recovery    95    126/70    95%    20\n"
    )
    found = others(text)
    for value in (88, "124/70", 96, 18, 112, "132/72", 93, 26, 95, "126/70", 20):
        assert value in found
    assert 810 not in found and 818 not in found


def test_a_row_whose_activity_runs_wide_still_gives_each_sign_its_value() -> None:
    text = (
        "clock  activity      HR    BP        SpO2\n"
        "0810   lying flat    88    124/70    96%\n"
        "0818   standing at the sink with two hands on the counter   121   110/64   92%\n"
        "0826   seated        95    126/70    95%\n"
    )
    found = others(text)
    assert 121 in found and "110/64" in found and 92 in found


def test_a_column_of_hold_limits_is_not_read() -> None:
    text = (
        "Vitals        before     after      stop if\n"
        "HR            76         98         >125\n"
        "SpO2          97%        94%        <89%\n"
    )
    found = others(text)
    assert 76 in found and 98 in found and 97 in found and 94 in found
    assert 125 not in found and 89 not in found


def test_a_heading_of_words_with_no_sign_is_not_a_table_of_signs() -> None:
    # the twin: two spaces between words, no sign named, numbers in prose stay prose
    text = (
        "Task        Assist      Notes\n"
        "Stairs      12 steps    rail on R\n"
        "Curb        6 in.       CGA\n"
    )
    assert not any(value in others(text) for value in (12, 6))


# -- sign rows with readings parted by bars; a sign named in a heading's bracket --------------


def test_readings_parted_by_bars_in_a_sign_row_are_each_read() -> None:
    text = (
        "               rest     | walking   | 2 min after\n"
        "HR (bpm)       80       | 109       | 91\n"
        "SpO2 (%)       97       | 92        | 96\n"
    )
    found = others(text)
    for value in (80, 109, 91, 97, 92, 96):
        assert value in found


def test_a_sign_named_in_a_headings_bracket_reads_its_column() -> None:
    text = (
        "Station   | Time  | HR  | Breathlessness (Borg) | Target HR\n"
        "Bike      | 8 min | 104 | 3                     | 100-115\n"
        "Stepper   | 6 min | 110 | 4                     | 100-115\n"
    )
    found = others(text)
    assert 104 in found and 110 in found and 3 in found and 4 in found
    assert 100 not in found and 115 not in found


def test_a_row_of_limits_keyed_before_its_signs_is_not_read() -> None:
    text = "pre: HR 84 | SpO2 95%\nthresholds: HR 140 | SpO2 87%\n"
    found = others(text)
    assert 84 in found and 95 in found
    assert 140 not in found and 87 not in found


# -- readings set apart by slashes with their positions ----------------------------------------


def test_slashed_readings_take_the_positions_after_them() -> None:
    facts = facts_of("Orthostatics: HR 70/94 supine/stand; no symptoms.\n", "other")
    labels = {fact.value: fact.label for fact in facts}
    assert "supine" in labels[70] and "stand" in labels[94]


def test_slashed_readings_take_the_positions_before_them() -> None:
    found = others("SpO2 rest/post gait 98/91%.\n")
    assert 98 in found and 91 in found


def test_a_slashed_pair_without_positions_is_left_out() -> None:
    # the twin: "HR 90/130" may be a reading and a limit; neither is read
    found = others("Stop exercise if HR 90/130 or symptoms.\n")
    assert 90 not in found and 130 not in found


def test_a_score_over_its_top_stays_a_score() -> None:
    assert 13 in others("RPE 13/20 at end of circuit.\n")


# -- a YAML export's record written on its key's line -----------------------------------------


def test_a_flow_mapping_of_signs_reads_each_field() -> None:
    found = others("measures:\n  hr: {rest: 81, peak: 128}\n  spo2: {rest: 97%, peak: 93%}\n")
    assert {81, 128, 97, 93} <= set(found)


def test_braces_that_hold_no_fields_are_left_as_written() -> None:
    # the twin: a brace around a plain remark is no record; nothing new is read from it
    assert 81 not in others("hr {81 was a typo, see below}\n")


def test_a_signs_reading_under_an_earlier_column_is_an_earlier_one() -> None:
    text = (
        "Vitals        today      Eval\nHR            76         88\nSpO2          97%        95%\n"
    )
    labels = {fact.value: fact.label for fact in facts_of(text, "other")}
    assert "previous" in labels[88] and "previous" in labels[95]
    assert "previous" not in labels[76] and "previous" not in labels[97]


def test_a_row_of_two_signs_reads_each_group_after_its_words() -> None:
    facts = facts_of("HR/SpO2 pre 84/97%, post 112/93%\n", "other")
    labels = {fact.value: fact.label for fact in facts}
    assert "pre" in labels[84] and "pre" in labels[97]
    assert "post" in labels[112] and "post" in labels[93]


def test_numbers_out_of_the_signs_range_are_no_row_of_readings() -> None:
    # the twin: "3/10" after two signs is no heart rate and no breathing rate
    labels = [fact.label for fact in facts_of("HR/RR 3/10 effort\n", "other")]
    assert not any("heart" in label or "respiratory" in label for label in labels)


def test_each_field_of_a_flow_record_is_the_keys_reading() -> None:
    facts = facts_of("vitals:\n  hr: {seated: 82, after_walk: 104}\n", "other")
    labels = {fact.value: fact.label for fact in facts}
    assert "seated" in labels[82] and "after walk" in labels[104]


def test_a_goal_field_of_a_flow_record_is_not_read() -> None:
    # the twin: a field that sets a ceiling is no reading
    assert 120 not in others("vitals:\n  hr: {seated: 82, goal_max: 120}\n")


def test_two_signs_read_after_words_holding_a_number() -> None:
    found = others("HR/SpO2 at 3 min recovery 90/96%.\n")
    assert 90 in found and 96 in found and 3 not in found
