"""Whose value, which side, which time: decided from the row, the bracket or the clause.

A value-first row names its value after the leader; a bracket closing a row that names some of
its measures as carried makes only those earlier; a run of bare values closed by one unit is the
label's, every value of it; a clause with a modal and a later time is a goal; a numbered visit
after the second value of a pair dates that value; a value's side is its own clause's. Each rule
has its twin that must not be read so.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def earlier(text: str, kind: str, value: object) -> bool:
    """The one fact of that kind and value is labelled an earlier value."""
    return "previous" in one_fact(text, kind, value).label


def test_a_value_first_row_takes_the_name_after_its_leader() -> None:
    text = " 112 deg .... L knee flexion AROM [84 deg]\n 28 deg ..... R ankle dorsiflexion\n"
    knee = one_fact(text, "rom", 112)
    assert "L" in knee.label.split() and "knee" in knee.label and "previous" not in knee.label
    ankle = one_fact(text, "rom", 28)
    assert ankle.label.split()[0] == "R" and "ankle" in ankle.label and "knee" not in ankle.label


def test_a_value_inside_a_sentence_keeps_the_name_before_it() -> None:
    """The twin: a value that does not open its row is named by the words before it."""
    fact = one_fact("L hip abduction 30 deg: limited by pain\n", "rom", 30)
    assert "hip" in fact.label and "abduction" in fact.label


def test_a_carried_names_bracket_makes_only_the_named_values_earlier() -> None:
    text = (
        "- R ankle AROM DF 9°, PF 38°, inversion 20° (PF/inv carried from 04/03, not re-measured)\n"
    )
    assert not earlier(text, "rom", 9)
    assert earlier(text, "rom", 38)
    assert earlier(text, "rom", 20)
    assert not [fact for fact in facts_in(text) if fact.value in (4, 3)]


def test_a_bracket_measured_today_or_naming_nothing_marks_nothing() -> None:
    """The twins: "(both measured today)" and "(up from 13/30 at eval)" carry nothing over."""
    today = "- R knee flexion 120°, extension 0° (both measured today)\n"
    assert all("previous" not in fact.label for fact in facts_in(today, "rom"))
    gain = "FGA 17/30 (up from 13/30 at eval 4/20)\n"
    assert 13 in [fact.value for fact in facts_in(gain, "outcome")]


def test_a_run_closed_by_one_unit_is_read_whole() -> None:
    facts = facts_in("R MCP flex (index-small): 70, 75, 80, 80 deg.\n", "rom")
    assert sorted(fact.value for fact in facts) == [70, 75, 80, 80]
    assert all("MCP" in fact.label for fact in facts)


def test_values_with_their_own_names_are_no_run() -> None:
    """The twin: "MCP flex 50°, IP 75" gives the IP its own name."""
    fact = one_fact("L thumb: MCP flex 50°, IP 75, CMC abd 40.\n", "rom", 75)
    assert "MCP" not in fact.label


def test_a_clause_with_a_modal_and_a_later_time_is_a_goal() -> None:
    text = "O: Berg 43/56 today; she should reach 48/56 by discharge.\n"
    assert [fact.value for fact in facts_in(text, "outcome")] == [43]


def test_a_modal_without_a_later_time_states_no_goal() -> None:
    """The twin: "pain should settle, 2/10 today" is today's rating."""
    assert [fact.value for fact in facts_in("Pain should settle, 2/10 today.\n", "pain")] == [2]


def test_a_numbered_visit_dates_the_second_value_of_a_pair() -> None:
    text = "NDI 18% today; 34% week 1.\n"
    assert not earlier(text, "outcome", 18)
    assert earlier(text, "outcome", 34)


def test_a_week_since_surgery_does_not_date_a_value() -> None:
    """The twin: "150° week 6 post-op" is today's, six weeks after the operation."""
    fact = one_fact("R shoulder flexion 150° week 6 post-op, L 170°.\n", "rom", 150)
    assert "previous" not in fact.label


def test_a_value_takes_the_side_of_its_own_clause() -> None:
    text = "SLR: L 40 deg reproduces calf tingling L, R 80 deg negative.\n"
    right = one_fact(text, "rom", 80)
    assert "R" in right.label.split() and "L" not in right.label.split()
    left = one_fact(text, "rom", 40)
    assert "L" in left.label.split() and "R" not in left.label.split()


def test_words_or_a_bracket_after_a_value_that_date_it_make_it_earlier() -> None:
    text = (
        "Pain 8/10 at onset, 3/10 now.\n"
        "R knee flexion 110° (from last visit), extension -5°.\n"
        "Berg 44/56 (at visit 6), TUG 12.1 s.\n"
        "Grip R 20 kg at wk 1, 28 kg today.\n"
    )
    assert earlier(text, "pain", 8)
    assert not earlier(text, "pain", 3)
    assert earlier(text, "rom", 110)
    assert earlier(text, "outcome", 44)
    assert not earlier(text, "outcome", 12.1)
    assert earlier(text, "strength", 20)
    assert not earlier(text, "strength", 28)


def test_the_onset_of_an_activity_today_does_not_date_a_rating() -> None:
    """The twin: "4/10 at onset of overhead reaching" is today's rating at the activity's start."""
    fact = one_fact("Pain 4/10 at onset of overhead reaching today.\n", "pain", 4)
    assert "previous" not in fact.label


def test_an_opening_phrase_of_an_earlier_visit_dates_its_sentence() -> None:
    text = "O: At last visit, knee flexion 108°; today 116°.\n"
    assert earlier(text, "rom", 108)
    assert not earlier(text, "rom", 116)


def test_the_start_of_a_period_is_no_earlier_visit() -> None:
    """The twin: "Since last visit, TUG 10.8 s" is today's time."""
    assert not earlier("Since last visit, TUG 10.8 s.\n", "outcome", 10.8)


def test_a_weekday_or_sessions_ago_after_a_value_dates_it() -> None:
    text = "Pain was 6/10 on Thursday, today 3/10. Knee flexion 95° two sessions ago, 105° today.\n"
    assert earlier(text, "pain", 6)
    assert not earlier(text, "pain", 3)
    assert earlier(text, "rom", 95)
    assert not earlier(text, "rom", 105)


def test_a_clause_after_a_conjunction_is_no_goal() -> None:
    """The twin of the modal goal: "will go back to work in 2 weeks and pain is 3/10"."""
    text = "She will go back to work in 2 weeks and her knee pain is 3/10 today.\n"
    assert [fact.value for fact in facts_in(text, "pain")] == [3]
    assert not facts_in("We expect knee flexion to reach 125° in 3 wks.\n", "rom")


def test_a_run_gives_each_value_the_side_written_before_it() -> None:
    facts = facts_in("Wrist extension AROM: right 55, left 70 degrees.\n", "rom")
    assert sorted((fact.value, fact.label.split()[0]) for fact in facts) == [(55, "R"), (70, "L")]


def test_a_side_closing_the_label_is_every_value_of_the_run() -> None:
    facts = facts_in("Grip, three trials R: 14, 15, 17 kg.\n", "strength")
    assert sorted(fact.value for fact in facts) == [14, 15, 17]
    assert all(fact.label.split()[0] == "R" for fact in facts)


def test_a_count_before_a_value_without_a_colon_is_no_run() -> None:
    """The twin: "Pinch trials 3, 5 kg" counts trials."""
    facts = facts_in("Pinch trials 3, 5 kg lateral pinch R.\n", "strength")
    assert [fact.value for fact in facts] == [5]


def test_a_goal_status_beside_todays_value_makes_the_other_value_the_target() -> None:
    text = (
        "- Berg 52/56: not met (47/56 today).\n"
        "- Ambulate 500 ft without device: partially met, currently 350 ft with SPC.\n"
    )
    assert [fact.value for fact in facts_in(text, "outcome")] == [47]
    assert 500 not in [fact.value for fact in facts_in(text)]


def test_a_status_without_a_value_of_today_keeps_its_value() -> None:
    """The twin: "not met; R knee extension -3 deg limits clearance" is today's measurement."""
    text = "- Stairs reciprocal: not met; R knee extension -3 deg limits clearance.\n"
    assert [fact.value for fact in facts_in(text, "rom")] == [3]


def test_a_goal_heading_may_hold_words_before_its_time_frame() -> None:
    text = "GOALS (revised, 6 wk)\n---------------------\nElbow extension to -10 deg.\n"
    assert not facts_in(text, "rom")


def test_a_value_first_row_is_read_by_its_name() -> None:
    text = (
        "Measures (value, then what it is; initial values in brackets):\n"
        " 4/5 ........ L hip abduction MMT [3-/5]\n"
        " 3/10 ....... pain on stairs [7/10]\n"
        "21 kg \u2026 R grip, Jamar position 2 [12 kg]\n"
    )
    grade = one_fact(text, "mmt", "4")
    assert "hip" in grade.label and "previous" not in grade.label
    assert earlier(text, "mmt", "3-")
    assert not earlier(text, "pain", 3)
    assert earlier(text, "pain", 7)
    assert one_fact(text, "strength", 21).label.split()[0] == "R"


def test_a_value_first_row_whose_name_says_nothing_of_its_kind_is_not_read() -> None:
    """The twins: a count over 5 of trials and a load carried are no grade and no grip."""
    text = " 3/5 ........ trials completed\n 12 kg ....... kettlebell carry\n4/5: pt seen for HEP\n"
    assert not facts_in(text, "mmt")
    assert not facts_in(text, "strength")
