"""Instrument scores told by the shape around them: an earlier visit's score after "last visit"
("PCSS 14 (last visit 31)"), dimensions named by letters in a row ("dimension D 64%, dimension
E 41%"), a written-out name ending in a form ("Wheelchair Skills Test-Q"); and dates that are
no score: someone's event ("Grandson's wedding 4/26") and a test said to come ("Next DGI 2/5").
Each reading has a twin that must not be read that way."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def scores(text: str) -> list[tuple[str | None, object, bool]]:
    return [
        (fact.measure, fact.value, "previous" in fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


# -- an earlier visit's score ---------------------------------------------------------------------


def test_a_score_after_last_visit_is_the_earlier_score() -> None:
    assert scores("PCSS 14 (last visit 31).\n") == [("PCSS", 14, False), ("PCSS", 31, True)]


def test_an_unlisted_name_keeps_its_earlier_score_after_prev_visit() -> None:
    assert scores("BESS 12 errors (prev visit 17).\n") == [("BESS", 12, False), ("BESS", 17, True)]


def test_twin_a_visit_counted_is_no_score() -> None:
    assert scores("DHI 40 (visit 5).\nNDI 30%. Recheck at visit 10.\n") == [
        ("DHI", 40, False),
        ("NDI", 30, False),
    ]


# -- items named by letters -----------------------------------------------------------------------


def test_dimensions_named_by_letters_in_a_row_are_the_instruments() -> None:
    found = scores("GMFM-88 dimension D 64%, dimension E 41%.\n")
    assert found == [("GMFM-88", 64, False), ("GMFM-88", 41, False)]


def test_bare_letters_after_a_lettered_first_item_are_items_too() -> None:
    assert scores("GMFM-88: D 64%; E 41%.\n") == [("GMFM-88", 64, False), ("GMFM-88", 41, False)]


def test_twin_sides_after_a_test_stay_sides() -> None:
    found = [f for f in extract_facts("9-HPT R 22 s, L 25 s\n") if f.kind == "outcome"]
    assert [(f.value, f.label) for f in found] == [(22, "9HPT R"), (25, "9HPT L")]


# -- a written-out name with its form -------------------------------------------------------------


def test_a_title_case_name_ending_in_a_form_is_one_name() -> None:
    assert scores("Falls Efficacy Scale-I 28/64 (eval 41/64).\n") == [
        ("Falls Efficacy Scale-I", 28, False),
        ("Falls Efficacy Scale-I", 41, True),
    ]


def test_the_wheelchair_skills_questionnaire_is_the_listed_one() -> None:
    assert scores("- Wheelchair Skills Test-Q capacity 62% (48% at eval).\n") == [
        ("WST-Q", 62, False),
        ("WST-Q", 48, True),
    ]


def test_twin_a_lettered_place_names_no_instrument() -> None:
    assert scores("Propelled 150 ft to Gym-B in 62 s.\n") == []


# -- dates that are no score ----------------------------------------------------------------------


def test_someones_event_with_a_month_and_day_is_a_date() -> None:
    assert scores("S: Grandson's wedding 4/26, wants to stand through it.\n") == []


def test_twin_a_name_in_capitals_after_a_fraction_is_still_a_score() -> None:
    assert scores("O: Lawton IADL 5/8 (eval 3/8).\n") == [
        ("Lawton IADL", 5, False),
        ("Lawton IADL", 3, True),
    ]


def test_a_test_said_to_come_out_of_none_of_its_wholes_is_a_date() -> None:
    found = extract_facts("Next DGI 2/5. FOTO due 3/1.\n")
    assert [(f.kind, f.value) for f in found] == []


def test_twin_a_repeated_test_keeps_its_score() -> None:
    assert scores("Next DGI 19/24. Repeat FGA after rest 21/30.\n") == [
        ("DGI", 19, False),
        ("FGA", 21, False),
    ]


# -- a numbered part named short ------------------------------------------------------------------


def test_a_part_named_short_after_its_number_is_no_score() -> None:
    text = "UFOV subtest 1: 20 ms; subtest 2: 180 ms.\nSummary: divided attention (UFOV 2) slow.\n"
    # the subtests' times are `other` in ms since round 22 (CONVENTIONS.md, "UFOV"); the
    # part's number in the summary is still no score
    assert scores(text) == []
    timed = [(f.kind, f.value) for f in extract_facts(text) if f.unit == "ms"]
    assert timed == [("other", 20), ("other", 180)]


def test_twin_a_bare_score_of_a_name_without_parts_is_read() -> None:
    text = "DEM subtest 2: 51 s\nBeery VMI 88 today.\n"
    assert ("Beery VMI", 88, False) in scores(text)


def test_twin_a_day_after_the_first_visit_is_no_score() -> None:
    text = "PCSS symptom total 18/132 (41 at initial visit 02 JAN).\n"
    assert scores(text) == [("PCSS", 18, False), ("PCSS", 41, True)]
