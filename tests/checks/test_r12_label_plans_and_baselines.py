"""Plans are not measurements and a pre-test is a baseline: a clause opened by a verb of
progression, a plan line's clause with a later time, a test's score after "pre", and the
answer to a rating asked aloud. Each rule with its twin."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in facts_in(text, kind)]


def test_a_clause_opened_by_progress_to_states_a_target() -> None:
    assert 10 not in values("P: 1x/wk, progress to independent walking 10 ft.\n", "other")
    assert 300 not in values("Plan: advance amb to 300 ft w/ SPC.\n", "other")


def test_progressed_or_able_to_progress_reports_todays_value() -> None:
    """The twins: the past tense and a verb inside its clause say what was done today."""
    assert 220 in values("Gait: progressed to 220 ft w/ RW.\n", "other")
    assert 60 in values("Pt was able to progress to ambulating 60 ft without device.\n", "other")


def test_a_plan_clause_with_a_later_time_is_planned() -> None:
    assert 30 not in values("P: cont 2x/wk, IMT trial at 30% MIP next visit.\n", "other")
    assert values("Plan: pain 2/10 today, recheck BP next visit.\n", "pain") == [2]


def test_a_tests_score_after_pre_is_its_baseline() -> None:
    text = "WMFT mean time 9.8 s (pre 14.1 s). Berg 47/56, pre-program 41/56.\n"
    assert "previous" in one_fact(text, "outcome", 14.1).label
    assert "previous" in one_fact(text, "outcome", 41).label
    assert "previous" not in one_fact(text, "outcome", 9.8).label


def test_pre_treatment_values_are_todays() -> None:
    """The twins: before a treatment or an exercise of this visit."""
    text = "5xSTS 14.2 s (pre-tx 15.0 s). HR pre 78, post 104. Pain 2/10 pre-session.\n"
    assert "previous" not in one_fact(text, "outcome", 15.0).label
    assert "previous" not in one_fact(text, "other", 78).label
    assert "previous" not in one_fact(text, "pain", 2).label


def test_a_rating_asked_aloud_is_read_from_the_next_speakers_answer() -> None:
    text = "CLINICIAN: Any pain right now, zero to ten?\nCLIENT: Maybe a three.\n"
    assert values(text, "pain") == [3]
    tired = "PT: How tired is the arm, on a scale of 0 to 10?\nPt: I'd say a six.\n"
    assert one_fact(tired, "other", 6).unit == "/10" and values(tired, "pain") == []


def test_the_answer_may_come_after_the_askers_next_line_or_on_the_questions_line() -> None:
    later = "PT: Worst pain this week, 0-10?\nPT: Take your time.\nPt: Seven, on the stairs.\n"
    assert values(later, "pain") == [7]
    assert values("- Any pain right now, 0 to 10? Maybe a 3.\n", "pain") == [3]


def test_an_earlier_time_in_the_answer_gives_the_earlier_rating() -> None:
    text = "T: The dizziness, zero to ten?\nP: About a four. Last week it was a seven.\n"
    assert "previous" in one_fact(text, "other", 7).label
    today = "T: Any pain now, zero to ten?\nP: About a four. It was a 6 this morning.\n"
    assert values(today, "pain") == [4]


def test_an_answer_with_a_unit_or_two_numbers_is_no_rating() -> None:
    """The twins: a time and a range of two numbers are not the rating asked for."""
    held = "CLINICIAN: How long overhead, zero to ten?\nCLIENT: About twenty seconds.\n"
    assert values(held, "pain") == [] and 20 not in values(held, "other")
    assert values("PT: Any pain, 0 to 10?\nPt: Two or three.\n", "pain") == []
