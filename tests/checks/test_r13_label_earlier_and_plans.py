"""Whose time a value is: an earlier visit named before a bare value, the measure not said
again; "from" of a place; a plan section in any heading style; the bare value an arrow leads
to. Each rule with its twin."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in facts_in(text, kind)]


def test_a_bare_value_after_a_named_earlier_visit_is_that_visits() -> None:
    text = "PCSS 18 (last visit 29). Grip R 31 kg, last visit 27. Berg 48/56; 2 weeks ago 43.\n"
    assert "previous" in one_fact(text, "outcome", 29).label
    assert "previous" in one_fact(text, "strength", 27).label
    assert "previous" in one_fact(text, "outcome", 43).label
    assert "previous" not in one_fact(text, "outcome", 18).label


def test_when_the_earlier_visit_was_is_no_value() -> None:
    """The twins: elapsed days and a visit number name no score."""
    assert values("ODI 22%, last visit 9 days ago.\n", "outcome") == [22]
    assert values("P: Recheck PCSS at visit 8.\n", "outcome") == []


def test_earlier_words_with_a_clause_of_their_own_leave_todays_value() -> None:
    assert (
        "previous" not in one_fact("TUG 11.2 s, last time with the cane.\n", "outcome", 11.2).label
    )
    assert "previous" in one_fact("BP 150/90, last week.\n", "other", "150/90").label


def test_from_a_place_leaves_todays_time() -> None:
    assert "previous" not in one_fact("Stood up from the floor in 6 s.\n", "other", 6).label
    text = "Pain down from 6/10 to 3/10.\n"
    assert "previous" in one_fact(text, "pain", 6).label
    assert "previous" not in one_fact(text, "pain", 3).label


def test_a_plan_section_line_with_a_later_time_is_planned() -> None:
    markdown = "## Objective\n- Gait 250 ft.\n\n## Plan\n\n- Gait 500 ft next week.\n"
    assert values(markdown, "other") == [250]
    caps = "PLAN:\nAmb 300 ft with RW next visit.\nPain 2/10 at end of session.\n"
    assert values(caps, "other") == [] and values(caps, "pain") == [2]
    assert values("P- BID PT. Next: amb 150 ft RW.\n", "other") == []


def test_a_later_time_outside_the_plan_section_is_not_planned() -> None:
    text = "PLAN:\nCont 2x/wk.\nOBJECTIVE:\nAmb 180 ft with RW next to rail, trial next visit.\n"
    assert values(text, "other") == [180]


def test_the_bare_value_an_arrow_leads_to_is_todays() -> None:
    text = "S: Pain 5 -> 2 after tx.\n"
    assert "previous" in one_fact(text, "pain", 5).label
    assert "previous" not in one_fact(text, "pain", 2).label


def test_an_arrow_in_a_goal_leads_to_a_target() -> None:
    assert 2 not in values("P: Goal pain 4 -> 2.\n", "pain")
    assert 2 not in values("Reduce pain 4 -> 2 by week 6.\n", "pain")


def test_a_bare_value_in_a_bracket_of_an_earlier_time_is_the_ratings() -> None:
    text = "S: Pain 3/10 (last visit 7). Headaches worst 2/10 (was 8).\n"
    assert "previous" in one_fact(text, "pain", 7).label
    assert "previous" in one_fact(text, "pain", 8).label


def test_a_bracket_of_a_dose_or_past_the_scale_is_no_earlier_value() -> None:
    """The twins: a frequency, a time span, a number past the rating's scale."""
    assert values("PCSS 14 (was 2x/wk). Pain 2/10 (was 12).\n", "pain") == [2]
    assert values("PCSS 14 (was 2x/wk).\n", "outcome") == [14]


def test_a_clause_after_a_comma_restates_the_value_of_its_sentence() -> None:
    text = "CCFT 24 mmHg, held 10 s x 10, last time 22.\n"
    assert "previous" in one_fact(text, "other", 22).label
    assert "previous" not in one_fact(text, "other", 24).label
