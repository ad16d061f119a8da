"""Round 17 review (a): wrong readings the round's new rules made, each with the reading it
must make and the readings it must not make."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _read(text: str) -> set[tuple[str, float | str, str]]:
    return {(fact.kind, fact.value, fact.label) for fact in extract_facts(text)}


def _values(text: str, kind: str) -> list[float | str]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


# pain_lists: a list of counts under a pain heading is no list of ratings
@pytest.mark.parametrize(
    "text", ["Pain: trials 2, errors 3", "Pain: visits 2, sessions 3", "Pain: attempts 2, reps 10"]
)
def test_pain_list_of_counts_is_no_rating(text: str) -> None:
    assert _values(text, "pain") == []


@pytest.mark.parametrize(
    "text", ["Expected pain: rest 1, activity 3", "Norms: pain: rest 0, activity 1"]
)
def test_pain_list_after_a_target_or_norm_word_is_no_rating(text: str) -> None:
    assert _values(text, "pain") == []


def test_pain_list_after_a_part_label_is_read() -> None:
    assert _values("O: Pain: rest 1, activity 5", "pain") == [1, 5]


def test_pain_list_with_one_counted_word_is_still_ratings() -> None:
    assert _values("Pain - rest: 2; walking: 5; night: 6", "pain") == [2, 5, 6]


def test_pain_list_still_reads_circumstances() -> None:
    facts = _read("Pain: rest 1, activity 5, worst 7 (0-10)")
    assert {
        ("pain", 1, "pain rest"),
        ("pain", 5, "pain activity"),
        ("pain", 7, "pain worst"),
    } <= facts


def test_pain_list_item_naming_an_earlier_time_is_previous() -> None:
    facts = _read("Pain: initial 7, current 3")
    assert ("pain", 7, "pain initial (previous)") in facts
    assert ("pain", 3, "pain current") in facts
    assert ("pain", 7, "pain initial") not in facts


# joint_arcs: a grade's or a dose's shape is no arc
@pytest.mark.parametrize(
    "text",
    [
        "ROM: MCP 4/5",
        "AROM: PIP 3/4",
        "ROM: MCP 1/2 range",
        "ROM PIP 20/30 sec hold",
        "AROM: MCP 5/10 pain",
        "AROM: MCP 20/40 % of normal",
    ],
)
def test_joint_pair_that_is_no_arc(text: str) -> None:
    assert not [fact for fact in extract_facts(text) if fact.kind == "rom"]


def test_joint_arc_still_read() -> None:
    facts = _read("AROM: PIP 10/85, DIP 5/50")
    assert ("rom", 85, "PIP flexion AROM") in facts
    assert ("rom", 50, "DIP flexion AROM") in facts


# analogue_scales: a listed mark after a size's or a jaw motion's words is that measure's
@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("VAS at rest 18 mm, incision length 40 mm", 40),
        ("VAS at rest 20 mm, jaw opening 38 mm", 38),
    ],
)
def test_vas_list_stops_at_another_measure(text: str, other: int) -> None:
    assert _values(text, "pain") == [_values(text, "pain")[0]]
    assert other not in _values(text, "pain")


def test_vas_list_reads_circumstances() -> None:
    assert _values("VAS at rest 18 mm, walking 46 mm, worst 72 mm", "pain") == [18, 46, 72]


# taken_after: a verb in the past before "after" rates nothing; the test keeps its result
@pytest.mark.parametrize(
    ("text", "value"), [("Pt walked after Berg 45/56", 45), ("Reassessed after TUG 14 s.", 14)]
)
def test_test_after_a_past_verb_keeps_its_result(text: str, value: int) -> None:
    assert value in _values(text, "outcome")


@pytest.mark.parametrize(
    "text", ["Fatigue (0-10) after 2MWT 8", "RPE post 6MWT 13", "Pain after TUG 5/10"]
)
def test_rating_after_a_test_is_no_result(text: str) -> None:
    assert _values(text, "outcome") == []


# dated_brackets: a bracket's date is an earlier time only with no words or earlier-time words
def test_due_date_bracket_is_no_previous() -> None:
    facts = extract_facts("Berg 48 (due Mar 2079: 52)")
    assert not [fact for fact in facts if "previous" in fact.label]


def test_eval_date_bracket_is_previous() -> None:
    assert ("outcome", 11, "Berg (previous)") in _read("BBS 17/30 (eval 01/2065: 11/30)")
    assert ("pain", 6, "pain (previous)") in _read("Pain 3/10 (Jan 2079: 6/10)")


# rom._key_clause: a signed value after a side under a key is read with the key's motion
@pytest.mark.parametrize(
    "text",
    ["Knee ext: R -5, L 0.", "      Right    Left\nKnee flex   110   95\nKnee ext    -5    0"],
)
def test_key_clause_reads_signed_value(text: str) -> None:
    facts = _read(text)
    assert ("rom", 5, "R knee extension (deficit)") in facts
    assert ("rom", 0, "L knee extension") in facts


# scores: a pain scale's next rating after "; with ..." is labelled by its own circumstance
def test_prepositioned_circumstance_labels_its_rating() -> None:
    facts = _read("NPRS now 2; at worst 7; with stairs 5")
    assert ("pain", 5, "NPRS stairs") in facts
    assert ("pain", 5, "NPRS worst") not in facts
    assert ("pain", 7, "NPRS worst") in facts
