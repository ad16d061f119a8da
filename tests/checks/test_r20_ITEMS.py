"""Round 20, ITEMS: item and subtest scores of instruments. A Section GG run wrapped over lines
with "item 02 -> 04" under "(admit -> now)", codes for activities not attempted inside it, bare
brackets after a keyed earlier bracket, a goal arrow or goal bracket whose levels are no facts;
a GG table's item names after its heading's bracket; runs of an instrument's parts with their
earlier scores in brackets, after a part's score or after a colon (each rule with its twin)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of
from tui.core.checks.facts import Fact


def _outcomes(text: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, "outcome")]


def _of(facts: list[Fact], measure: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts if fact.measure == measure]


# -- Section GG runs ---------------------------------------------------------------------------


def test_wrapped_run_reads_every_item_with_its_earlier_level() -> None:
    text = (
        "Mobility (Section GG, admission -> this week): roll left and right 03 -> 05;\n"
        "lying to sitting on side of bed 02 -> 04; walk 50 ft with 2 turns 01 -> 03;\n"
        "car transfer 88 -> 02; 1 step (curb) 01 -> 03.\n"
    )
    found = _outcomes(text)
    assert (3, "Section GG roll left and right (previous)") in found
    assert (5, "Section GG roll left and right") in found
    assert (2, "Section GG lying to sitting on side of bed (previous)") in found
    assert (4, "Section GG lying to sitting on side of bed") in found
    assert (1, "Section GG walk 50 ft with 2 turns (previous)") in found
    assert (3, "Section GG walk 50 ft with 2 turns") in found
    assert (2, "Section GG car transfer") in found
    assert (3, "Section GG 1 step (curb)") in found
    assert 88 not in [value for value, _ in found]


def test_a_turn_of_degrees_stays_no_measurement() -> None:
    text = "Gait training with pivot turns 90 deg x 6 each way; turns 180 x 4."
    assert not [fact for fact in facts_in(text) if fact.value in (90, 180)]


def test_bed_number_still_blocked() -> None:
    assert not facts_in("Pt in MICU bed 14, HOB 30.", "outcome")


def test_bare_bracket_after_keyed_earlier_bracket_is_previous() -> None:
    text = "Section GG self-care: eating 05 (eval 03), oral hygiene 04 (02), UB dressing 04 (03).\n"
    labels = [(value, label) for value, label in _outcomes(text)]
    assert (2, "Section GG oral hygiene (previous)") in labels
    assert (3, "Section GG UB dressing (previous)") in labels
    assert (4, "Section GG oral hygiene") in labels


def test_bracket_after_goal_bracket_is_no_fact() -> None:
    text = "Section GG self-care: eating 04 (goal 06), oral hygiene 03 (05).\n"
    values = [value for value, _ in _outcomes(text)]
    assert sorted(values) == [3, 4]


def test_goal_arrow_heading_takes_no_target() -> None:
    text = (
        "Section GG (now -> goal): sit to stand 03 -> 05; toilet transfer 02 -> 04; "
        "walk 10 feet 03.\n"
    )
    values = [value for value, _ in _outcomes(text)]
    assert 5 not in values


def test_gg_table_rows_keep_their_item_names() -> None:
    text = (
        "SELF-CARE (Section GG, 01-06)          Usual perf.   Discharge goal\n"
        "  Eating                                  05            06\n"
        "  Oral hygiene                            04            05\n"
        "  Lower body dressing                     02            04\n"
    )
    labels = labels_of(text, "outcome")
    assert labels == {
        5: "Section GG Eating",
        4: "Section GG Oral hygiene",
        2: "Section GG Lower body dressing",
    }


# -- runs of an instrument's parts -------------------------------------------------------------


def test_part_run_reads_each_part_and_its_bracket() -> None:
    text = (
        "Re-test (evaluation scores in brackets):\n"
        "- BOT-2 Bilateral Coordination scale score 9 (6); Balance 11 (8); "
        "Upper-Limb Coordination 10 (7)\n"
    )
    found = _of(facts_in(text, "outcome"), "BOT-2")
    assert (8, "BOT-2 Balance (previous)") in found
    assert (10, "BOT-2 Upper-Limb Coordination") in found
    assert (7, "BOT-2 Upper-Limb Coordination (previous)") in found


def test_part_run_without_heading_reads_parts() -> None:
    found = _of(facts_in("WeeFIM self-care 31 (24); mobility 29 (26); cognition 27 (25)"), "WeeFIM")
    assert [value for value, _ in found] == [31, 24, 29, 26, 27, 25]


@pytest.mark.parametrize(
    "text",
    [
        "KOOS pain 72 (60); grip 22 (18)",  # another kind of fact ends the run
        "PROMIS-29 physical function 42; anxiety 55 (61)",  # the shapes differ
    ],
)
def test_part_run_twins(text: str) -> None:
    values = [fact.value for fact in facts_in(text, "outcome")]
    assert 22 not in values and 18 not in values and 61 not in values


def test_percentile_brackets_are_no_earlier_scores() -> None:
    text = (
        "MABC-2 Manual dexterity 5 (7th %ile); Aiming and catching 8 (25th %ile); "
        "Balance 6 (9th %ile)"
    )
    found = _of(facts_in(text, "outcome"), "MABC-2")
    assert [value for value, _ in found] == [5, 8, 6]
    assert not [label for _, label in found if "previous" in label]


def test_run_led_by_a_tests_name_before_a_colon() -> None:
    text = (
        "PDMS-3 scaled scores, initial evaluation scores in parentheses: "
        "Body Control 7 (5), Body Transport 8 (6), Object Control 6 (6).\n"
    )
    found = _of(facts_in(text, "outcome"), "PDMS-3")
    assert (7, "PDMS-3 Body Control") in found
    assert (5, "PDMS-3 Body Control (previous)") in found
    assert (6, "PDMS-3 Object Control (previous)") in found


@pytest.mark.parametrize(
    "text",
    [
        "ROM: flexion 120 (100), extension 10 (5)",  # joint ranges, read as ranges
        "Goals: walk 150 ft (SBA), stairs 12 (rail)",  # no instrument named
        "Home program: bridges 10 (2 sets), clams 15 (2 sets)",
    ],
)
def test_colon_lead_twins(text: str) -> None:
    assert not [fact for fact in facts_in(text, "outcome")]


# -- one bracket after a run of parts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "Swiss Spinal Stenosis Questionnaire: symptom severity 3.1, physical function 2.6 "
            "(eval 3.6 / 3.0)",
            {3.6: "symptom severity", 3.0: "physical function"},
        ),
        (
            "Michigan Hand Questionnaire: function 62, ADL 70, work 55 (initial 35 / 41 / 20).",
            {35: "function", 41: "ADL", 20: "work"},
        ),
        ("PRWE pain 24, function 22 (initial 40/35)", {40: "pain", 35: "function"}),
    ],
)
def test_bracket_after_parts_gives_each_part_its_earlier_score(
    text: str, earlier: dict[float, str]
) -> None:
    found = {fact.value: fact.label for fact in facts_in(text, "outcome")}
    for value, part in earlier.items():
        assert part in found[value] and "previous" in found[value]


@pytest.mark.parametrize(
    "text",
    [
        "KOOS pain 72, symptoms 68 (goal 80 / 80)",  # a target, no earlier score
        "Berg 41/56, Tinetti 20/28 (eval 30 / 20)",  # scores with wholes: no parts' run
    ],
)
def test_bracket_after_parts_twins(text: str) -> None:
    labels = [fact.label for fact in facts_in(text, "outcome") if fact.value in (80, 30)]
    assert not [label for label in labels if "previous" in label and "Berg" not in label]


# -- pairs of levels under a heading naming the columns ------------------------------------------


def test_pairs_under_goal_heading_read_today_only() -> None:
    text = (
        "GG0170 Mobility (ROC performance / discharge goal)\n"
        "  B Sit to lying ............ 04 / 05\n"
        "  E Chair/bed-to-chair ...... 03 / 05\n"
        "  K Walk 150 ft ............. 88 / 03\n"
    )
    assert labels_of(text, "outcome") == {
        4: "Section GG Sit to lying",
        3: "Section GG Chair/bed-to-chair",
    }


def test_pairs_under_earlier_heading_read_both() -> None:
    text = "Section GG (admission / today)\n  Eating ........ 02 / 04\n  Oral hygiene .. 03 / 05\n"
    found = _outcomes(text)
    assert (2, "Section GG Eating (previous)") in found
    assert (5, "Section GG Oral hygiene") in found


def test_pairs_twin_heading_that_names_no_columns() -> None:
    text = "Section GG (today / today)\n  Eating: 02 / 04\n"
    assert not [value for value, label in _outcomes(text) if "Eating" in label]
