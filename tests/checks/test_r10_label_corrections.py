"""Values a note takes back: "rated 3/10, not 5/10" in a correction drops 5/10 wherever the
note stated it for that measure; "60°, not 65°" drops the 65° of the same motion. Twins: the
corrected value stays, another measure's equal value stays, a value compared with an earlier
time ("3/10, not 7/10 as at eval") stays, and "X, not Y" on a line that corrects nothing drops
only Y."""

from __future__ import annotations

from tests.checks.conftest import facts_in

ENTRY = (
    "S: Pt reports R wrist pain 5/10 with cooking.\n"
    "O: R wrist AROM: extension 48°, supination 65°, pronation 75°. Shoulder ER 65°.\n\n"
    "ADDENDUM 2037-03-02 (late entry): Correction: pain was entered in error; patient rated "
    "3/10, not 5/10. Supination was 60°, not 65° (goniometer misread).\n"
)


def values(text: str, kind: str) -> list[object]:
    return sorted(fact.value for fact in facts_in(text, kind))  # type: ignore[type-var]


def test_a_correction_takes_the_replaced_value_back_wherever_it_was_stated() -> None:
    assert values(ENTRY, "pain") == [3]
    rom = {(fact.value, "supination" in fact.label) for fact in facts_in(ENTRY, "rom")}
    assert (65, True) not in rom
    assert (60, True) in rom


def test_a_correction_keeps_another_measures_equal_value() -> None:
    """The twin: shoulder ER 65° is not the supination the correction replaced."""
    assert any(fact.value == 65 and "ER" in fact.label for fact in facts_in(ENTRY, "rom")), [
        (fact.value, fact.label) for fact in facts_in(ENTRY, "rom")
    ]


def test_an_addendum_correcting_a_score_drops_the_typed_score() -> None:
    text = (
        "O: NDI 43% (see addendum). Grip L 24 kg.\n\n"
        "ADDENDUM: Correction -- NDI on 03/19 was 34%, not 43% as typed above.\n"
    )
    assert values(text, "outcome") == [34]


def test_a_value_compared_with_an_earlier_time_is_not_taken_back() -> None:
    text = "Knee pain 3/10 on stairs, not 7/10 as at eval.\n"
    assert 3 in values(text, "pain")
    assert 7 in values(text, "pain")


def test_a_contrast_on_a_line_that_corrects_nothing_drops_only_the_value_after_not() -> None:
    text = "Pain 5/10 at rest this morning.\nPain on stairs 3/10, not 5/10.\n"
    assert values(text, "pain") == [3, 5]


AMENDED = (
    "O: Berg 38/56. R hip flexion PROM 105 deg, L hip flexion PROM 112 deg.\n"
    "   Berg at IE 30/56.\n\n"
    "AMENDMENT 2054-01-16: Berg above should read 44/56 (scoresheet added wrong). R hip flexion "
    "corrected to 110 deg.\n"
)


def test_a_value_given_as_the_replacement_takes_back_the_measures_value_before_it() -> None:
    assert values(AMENDED, "outcome") == [30, 44]
    assert values(AMENDED, "rom") == [110, 112]


def test_a_replacement_keeps_the_earlier_visits_value_and_the_other_side() -> None:
    """The twins: the IE's Berg is not what the amendment corrects, nor the left hip's."""
    earlier = [fact for fact in facts_in(AMENDED, "outcome") if "(previous)" in fact.label]
    assert [fact.value for fact in earlier] == [30]
    assert any(fact.value == 112 and "L" in fact.label.split() for fact in facts_in(AMENDED))


def test_should_be_in_a_plan_takes_nothing_back() -> None:
    """ "Should be" states an expectation, not a correction of the record."""
    text = "Pain 6/10 with stairs. Surgeon says pain should be 2/10 by week 6.\n"
    assert 6 in values(text, "pain")
