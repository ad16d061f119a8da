"""Outcome scores in layouts and phrasings the readers had not seen (issue 12, round 17): rosters
of people with a column per test and time, dated columns beside MCID/MDC/cut-off columns, an
earlier score in a bracket led by its date, an unlisted test's protocol bracket, a test named as
the moment a rating was taken, a change written after its number, a version and a place of
service, a DVA loss written "2-line". Each rule has the reading it must make and the readings it
must not make."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import _named_time
from tui.core.checks.layouts.dated_brackets import dated_bracket_pieces
from tui.core.checks.layouts.grids import grids
from tui.core.checks.measures.taken_after import taken_after


def _facts(text: str, kind: str = "outcome") -> list[Fact]:
    return [fact for fact in extract_facts(text) if fact.kind == kind]


def _read(text: str, kind: str = "outcome") -> list[tuple[object, bool]]:
    """Each value of `kind` with whether it is labelled earlier."""
    return [(fact.value, "previous" in fact.label) for fact in _facts(text, kind)]


# -- a roster: one row per person, a column per test and time ------------------------------------

_ROSTER = (
    "Group balance class 01/08/2079\n\n"
    "Participant   | Payer    | Berg (wk 1) | Berg today | TUG today | Notes\n"
    "Ann Frobisher | Medicare | 39          | 44         | 13.2 s    | CGA\n"
    "Dom Raven     | Medicare | 46          | 48         | 10.4 s    | -\n"
)


def test_a_roster_reads_each_persons_scores_under_the_column_tests() -> None:
    read = _read(_ROSTER)
    assert (39, True) in read and (46, True) in read  # "(wk 1)": the first week's, earlier
    assert (44, False) in read and (48, False) in read
    assert {fact.value for fact in _facts(_ROSTER) if fact.measure == "TUG"} == {13.2, 10.4}


def test_a_roster_takes_no_week_number_or_group_size() -> None:
    values = [fact.value for fact in extract_facts(_ROSTER)]
    assert 1 not in values


def test_a_heading_with_a_bracketed_time_is_a_heading_but_a_row_of_values_is_not() -> None:
    assert grids(_ROSTER)[0].headed
    text = "Note\n\nBP | 128/70 | HR\n72 | 80 | 90\n"
    assert all(not grid.rows or grid.rows[0][0].text != "BP" for grid in grids(text))


def test_a_time_heading_that_names_its_test_keeps_the_name_outside_the_bracket() -> None:
    assert _named_time("Berg wk 1", "prior") == ("Berg", "wk 1")
    assert _named_time("5xSTS today", "current") == ("5xSTS", "today")
    assert _named_time("R at wk 4", "prior") == ("", "R at wk 4")  # a side, no test
    assert _named_time("Initial eval", "prior") == ("", "Initial eval")


# -- dated columns beside a column of MCIDs or cut-offs ------------------------------------------

_DATED_TABLE = (
    "Progress note DOS: 01/12/2079\n\n"
    "Test          | 11/10/2078 | 01/12/2079 | MDC\n"
    "FGA           | 18/30      | 22/30      | 4\n"
    "FTSTS         | 17.2 s     | 14.0 s     | 2.3 s\n"
)


def test_dated_columns_give_the_earlier_and_todays_score_and_no_mdc() -> None:
    read = _read(_DATED_TABLE)
    assert (18, True) in read and (22, False) in read
    assert (17.2, True) in read and (14.0, False) in read
    values = [value for value, _ in read]
    assert 4 not in values and 2.3 not in values


# -- an earlier score in a bracket led by its date -----------------------------------------------


def test_a_bracket_led_by_a_month_and_year_holds_the_earlier_score() -> None:
    text = "Re-check 01/15/2079\nBeery VMI standard score 84 (Aug 2078: 77)\n"
    assert _read(text) == [(84, False), (77, True)]


def test_a_bracket_led_by_a_time_word_and_a_numeric_date_holds_the_earlier_score() -> None:
    text = (
        "Note\nOral-motor rating scale (clinic 0-3 per item, 10 items): 17/30 "
        "(eval 01/2065: 11/30)\n"
    )
    assert _read(text) == [(17, False), (11, True)]


def test_the_visits_own_date_in_a_bracket_is_no_earlier_time() -> None:
    text = "Date: 2079-01-15\nBerg 44/56 (2079-01-15: 45/56)\n"
    assert dated_bracket_pieces(text) == []
    assert dated_bracket_pieces("Note\nBerg 44/56 (1/15: 45/56)\n") == []  # no year: a score?


# -- an unlisted test's protocol bracket ---------------------------------------------------------


def test_an_unlisted_tests_protocol_bracket_holds_no_score() -> None:
    text = "Note\nChewing skills checklist (clinic 0-2 per item, 12 items): 15/24\n"
    read = _read(text)
    assert read == [(15, False)]


# -- a test named as the moment a rating was taken -----------------------------------------------


def test_a_rating_after_a_test_is_the_ratings_not_the_tests() -> None:
    text = "Note\nDyspnea after the 6MWT 5/10.\nLeg fatigue following 6MWT: 4/10.\n6MWT 288 m.\n"
    assert [fact.value for fact in _facts(text)] == [288]
    assert [fact.value for fact in _facts(text, "other")] == [5, 4]


def test_a_test_after_a_word_of_time_alone_is_still_the_tests() -> None:
    assert not taken_after("Re-test: 6MWT 320 m", len("Re-test: "))
    assert taken_after("Fatigue (0-10) post TUG 7", len("Fatigue (0-10) post "))
    assert [f.value for f in _facts("Note\nBerg 44/56 after treatment.\n")] == [44]


# -- a change written after its number -----------------------------------------------------------


def test_a_number_before_faster_or_improvement_is_a_change() -> None:
    text = "Note\nTUG 11.6 s (eval 15.1 s) -- 3.5 s quicker, a 23 % improvement.\n"
    assert _read(text) == [(11.6, False), (15.1, True)]
    assert not _facts(text, "other")


def test_a_rating_followed_by_better_is_still_a_rating() -> None:
    assert [fact.value for fact in _facts("Note\nPain 3/10, better than last week.\n", "pain")] == [
        3
    ]


# -- a version, a place of service, a diagnosis ---------------------------------------------------


def test_a_wildcard_version_and_a_place_of_service_are_no_scores() -> None:
    text = (
        "WHEELCHAIR SKILLS TEST (WST 5.x)\nPayer: Aetna   POS: 10\n"
        "WST capacity 81.3% (prior 68.8%)\n"
    )
    values = [fact.value for fact in _facts(text)]
    assert 5 not in values and 10 not in values
    assert 81.3 in values


def test_a_diagnosis_before_a_count_gives_no_score() -> None:
    text = "Note\nHx: R posterior canal BPPV dx 02/06; 1 CRP last visit.\n"
    assert _facts(text) == []


# -- a DVA loss written with a hyphen ------------------------------------------------------------


def test_a_hyphenated_line_loss_and_its_earlier_loss_are_read_in_lines() -> None:
    read = _facts("Note\nDVA: 2-line loss (IE 4-line)\n")
    assert [(fact.value, fact.unit, "previous" in fact.label) for fact in read] == [
        (2, "lines", False),
        (4, "lines", True),
    ]


def test_a_hyphen_before_another_word_is_left_as_written() -> None:
    assert [fact.value for fact in _facts("Note\nAM-PAC 6-Clicks basic mobility 15/24\n")] == [15]


# -- an arrow after a rating's condition ----------------------------------------------------------


def test_a_rating_in_a_condition_before_an_arrow_is_earlier() -> None:
    text = "Note\nDizziness 6/10 in bed -> now 2/10.\n"
    assert _read(text, "other") == [(6, True), (2, False)]


# -- a relative volume change is a direct measure ------------------------------------------------


def test_a_relative_volume_change_is_other_in_percent_never_a_score() -> None:
    text = "Note\nVolume (truncated cone): L 2142 mL, R 2035 mL -> RVC 5.3%\n"
    assert not [fact for fact in _facts(text) if fact.value == 5.3]
    assert [(f.value, f.unit) for f in _facts(text, "other") if f.value == 5.3] == [(5.3, "%")]


def test_the_last_numbered_time_is_todays_for_each_test_of_a_roster() -> None:
    text = (
        "Group re-test 02/02/2079\n\n"
        "| Member | 30s CST (baseline) | 30s CST (wk 6) | Gait speed wk 6 |\n"
        "|---|---|---|---|\n"
        "| Linnea Osterberg | 8 | 11 | 0.91 m/s |\n"
    )
    read = _read(text)
    assert (8, True) in read and (11, False) in read and (0.91, False) in read
    assert 30 not in [value for value, _ in read]  # "30s" names the test


def test_a_draft_that_states_a_change_after_its_number_is_still_checked() -> None:
    from tui.core.checks.verify.verify import verify

    note = "Date: 2079-01-20\nTUG 11.6 s (eval 15.1 s), 3.5 s quicker.\n"
    assert [f.value for f in verify(note, "TUG 11.6 s, 3.5 s quicker.").unsupported] == []
    assert [f.value for f in verify(note, "TUG 11.6 s, 4.5 s quicker.").unsupported] == [4.5]
