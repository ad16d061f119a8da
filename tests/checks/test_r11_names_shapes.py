"""Instrument readings decided from the shape of what is written: a voice-typed slip of a listed
instrument's name with that instrument's maximum, a heading's letter spelled out in brackets
("S (Situation):"), a month written with its zero ("03/17"), a route of feeding ("PO feeds 2 of
8"), an error count beside a test's time ("112 s, 1 error") and an earlier score out of the same
whole in the next sentence ("(Was 10/13 on 02/26.)"). Each reading has a twin that must not be
read that way."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.names import misheard

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2055-03-24\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: Gait instability, R26.81\n\n"
)


def outcomes(body: str) -> list[tuple[str | None, object, str | None]]:
    return [
        (fact.measure, fact.value, fact.unit)
        for fact in extract_facts(HEADER + body)
        if fact.kind == "outcome"
    ]


def facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


# -- voice-typing slips ------------------------------------------------------------------------


def test_a_misheard_name_with_the_maximum_is_the_listed_instrument() -> None:
    assert outcomes("Objective Burg balance 46/56 new line.\n") == [("Berg", 46, "/56")]
    assert outcomes("Tinnetti 20/28. Dynamic gate index 18/24.\n") == [
        ("Tinetti", 20, "/28"),
        ("DGI", 18, "/24"),
    ]


def test_a_misheard_name_needs_the_maximum_and_the_sound() -> None:
    assert misheard("Burg balance", 56) == "Berg"
    assert misheard("Burg balance", 28) is None  # another whole: no evidence of the Berg
    assert misheard("Burger", 56) is None  # another word
    assert misheard("BBX", 56) is None  # capitals are spelled out, never misheard
    assert ("Berg", 12, None) not in outcomes("Burg items 12 and 13 were hardest.\n")


# -- headings spelled out and dates ----------------------------------------------------------------


def test_a_headings_letter_spelled_out_names_no_instrument() -> None:
    body = (
        "S (Situation): seen 03/17 for eval + Epley. Dizziness 2/10 today.\n"
        "B (Background): Eval 03/17: DHI 62/100.\n"
    )
    assert outcomes(body) == [("DHI", 62, "/100")]


def test_a_scale_named_in_brackets_still_gives_its_scores() -> None:
    body = "Scar (Vancouver): R antecubital 7/13, chest 5/13.\n"
    assert [(m, v) for m, v, _ in outcomes(body)] == [("VSS", 7), ("VSS", 5)]


def test_a_month_with_its_zero_is_a_date_not_a_score() -> None:
    assert outcomes("Plan: recheck DGI 02/23 with the new brace.\n") == []
    assert outcomes("Pt seen 03/17 for eval.\n") == []
    assert outcomes("Houghton 9/12 today.\n") == [("Houghton", 9, "/12")]


# -- routes of feeding -------------------------------------------------------------------------


def test_a_route_of_feeding_is_no_instrument() -> None:
    assert outcomes("RN: tolerating PO feeds 2 of 8, rest by NG.\n") == []
    assert outcomes("Motor: AIMS 9 of 58.\n") == [("AIMS", 9, "/58")]


# -- error counts ------------------------------------------------------------------------------


def test_errors_beside_a_time_are_no_second_score() -> None:
    found = outcomes("Trail Making B 112 s, 1 error (concern above 180 s).\n")
    assert found == [("Trail Making B", 112, "s")]


def test_a_test_scored_in_errors_keeps_them_as_its_score() -> None:
    assert outcomes("BESS 14 errors (IE 17 errors).\n") == [
        ("BESS", 14, "errors"),
        ("BESS", 17, "errors"),
    ]


# -- an earlier score in the next sentence ------------------------------------------------------


def test_was_and_a_score_of_the_same_whole_is_the_earlier_score() -> None:
    found = [f for f in facts("VSS 7/13 today. (Was 10/13 on 02/26.)\n") if f.kind == "outcome"]
    assert [(f.value, f.unit) for f in found] == [(7, "/13"), (10, "/13")]
    assert "previous" in found[1].label and "previous" not in found[0].label


def test_was_and_a_fraction_of_another_whole_is_not_the_instruments() -> None:
    assert outcomes("Tinetti 26/28. Was 3/4 steps without the rail.\n") == [("Tinetti", 26, "/28")]


# -- words that make a month and day a date ---------------------------------------------------


def test_a_weekday_a_past_form_or_an_admission_before_a_fraction_make_it_a_date() -> None:
    assert outcomes("Next session Thurs 3/16, 45 min slot.\n") == []
    assert outcomes("Saw PCP 2/27, X-rays negative.\n") == []
    assert outcomes("SNF rehab. Admit 3/18 after hip fx.\n") == []
    assert outcomes("Kettle Test 14/52 today.\n") == [("Kettle Test", 14, "/52")]


def test_a_page_number_and_a_history_heading_are_no_scores() -> None:
    assert outcomes("CHART PRINT                           pg 1/1\n") == []
    assert outcomes("PMHx: Type 2 DM, prior L rotator cuff repair 2019.\n") == []
    assert outcomes("PRWE 34 today.\n") == [("PRWE", 34, None)]


def test_a_span_of_two_days_is_dates_and_one_wholes_progress_is_scores() -> None:
    assert outcomes("**Data window:** 1/11 to 5/7, 14 sessions.\n") == []
    assert ("Lawton IADL", 4, "/8") in outcomes("Lawton IADL 4/8 - 6/8.\n")


# -- a score said a clause after the name -------------------------------------------------------


def test_a_verb_of_scoring_a_clause_later_gives_the_names_score() -> None:
    found = facts("We redid the FIQR, he scored 49, it was 61 at the start.\n")
    assert [(f.measure, f.value) for f in found] == [("FIQR", 49), ("FIQR", 61)]
    assert "previous" in found[1].label
    assert outcomes("We did the FIQR and he scored 58.\n") == [("FIQR", 58, None)]


def test_another_value_between_the_name_and_the_verb_stops_it() -> None:
    assert outcomes("Did the PSEQ with her, HR 88, she scored 7.\n") == []


# -- a score hoped for ----------------------------------------------------------------------------


def test_a_score_after_should_be_is_a_target() -> None:
    assert outcomes("Berg should be 44/56 by discharge.\n") == []
    found = outcomes("Berg 41/56 today; she should be 48/56 by discharge.\n")
    assert found == [("Berg", 41, "/56")]


def test_a_score_with_its_earlier_one_is_still_read() -> None:
    assert outcomes("Berg 41/56 (was 35/56 at eval).\n") == [
        ("Berg", 41, "/56"),
        ("Berg", 35, "/56"),
    ]


# -- "it was" an earlier score later in the sentence ----------------------------------------------


def test_it_was_after_a_bare_score_gives_its_earlier_score() -> None:
    body = "AIMS raw score 38 (10th percentile for age; it was 31 at our first visit).\n"
    found = [f for f in facts(body) if f.kind == "outcome"]
    assert [(f.measure, f.value) for f in found] == [("AIMS", 38), ("AIMS", 31)]
    assert "previous" in found[1].label


def test_it_was_after_another_value_is_not_the_scores() -> None:
    found = outcomes("PRWE 34, grip 20 kg; it was 25 at the eval.\n")
    assert found == [("PRWE", 34, None)]


# -- a condition to act on ------------------------------------------------------------------------


def test_a_score_in_a_condition_is_no_measurement() -> None:
    body = "Plan: ambulate 10 ft if FiO2 <= 40% and RASS 0 to -1; cycle in bed on off days.\n"
    assert outcomes(body) == []
    assert outcomes("Berg 41/56 today; if she keeps it up, 48/56.\n") == [("Berg", 41, "/56")]


def test_a_condition_before_the_clause_of_the_score_leaves_it_a_score() -> None:
    assert outcomes("If able, Berg 41/56 today.\n") == [("Berg", 41, "/56")]


# -- a score before and after ---------------------------------------------------------------------


def test_scores_before_and_after_are_both_the_tests() -> None:
    body = "REBA (taping task): score 9 before changes, 5 after adjustments.\n"
    assert outcomes(body) == [("REBA", 9, None), ("REBA", 5, None)]


def test_a_count_after_a_score_taken_after_something_is_not_a_score() -> None:
    body = "Berg 41/56 after gait training, 5 reps of sit to stand.\n"
    assert outcomes(body) == [("Berg", 41, "/56")]


# -- how a test was done, between its scores ------------------------------------------------------


def test_how_a_test_was_done_does_not_end_its_scores() -> None:
    found = facts("30-second chair stand 5 with arms (eval 3).\n")
    assert [(f.value, "previous" in f.label) for f in found] == [(5, False), (3, True)]


def test_a_visits_number_after_an_earlier_score_is_no_score() -> None:
    found = outcomes("30-s chair stand 11 without arms (8 at eval, visit 1).\n")
    assert [value for _, value, _ in found] == [11, 8]


def test_a_voms_item_rates_symptoms_and_is_no_score() -> None:
    assert outcomes("VOMS: VOR H 4 dizz 2, VMS 3.\n") == []
    assert outcomes("  VMS .................. 4 / 4 / 1 / 3\n") == []


def test_a_number_in_the_next_clause_is_not_the_names_score() -> None:
    body = "HOOS JR improving; R abductor weakness persists (77% of L).\n"
    assert outcomes(body) == []
    assert outcomes("BOT-2 Manual Dexterity scale score; Score 6\n") == [("BOT-2", 6, None)]


def test_a_goal_in_a_bracket_after_a_score_leaves_the_score() -> None:
    found = outcomes("  Mini-BESTest        17/28 -> 22/28  (goal >= 24)\n")
    assert [value for _, value, _ in found] == [17, 22]
    assert outcomes("Berg 41/56 (48/56 goal).\n") == [("Berg", 41, "/56")]


def test_a_score_with_its_unit_after_a_visit_word_is_still_a_score() -> None:
    found = facts("  NDI 36% (1st visit 52%).\n")
    assert [(f.value, "previous" in f.label) for f in found] == [(36, False), (52, True)]


def test_a_last_visits_number_is_the_earlier_score() -> None:
    found = facts("  30-sec chair stand: 7 (arms crossed), last visit 5.\n")
    assert [(f.value, "previous" in f.label) for f in found] == [(7, False), (5, True)]


def test_a_day_between_two_scores_makes_the_second_an_earlier_one() -> None:
    found = facts("TUG 13.4 s w/ cane (14-Jan: 16.9 s).\n")
    assert [(f.value, "previous" in f.label) for f in found] == [(13.4, False), (16.9, True)]


def test_a_version_of_the_test_with_an_article_is_no_condition_of_it() -> None:
    body = "Timed up and go 11.4 seconds, with the cognitive counting backwards, it was 15.9.\n"
    assert outcomes(body) == [("TUG", 11.4, "s")]
