"""Offline drafts, round 18 (AUDIT): lower-case SOAP letters ("s- ", "o- ") open their parts
when a note writes three of them; a report under a session's treatment is Subjective; a care
setting recommended inside a judgement stays the judgement's. Each with a twin."""

from __future__ import annotations

from tests.placing import SOAP, where

TYPED = (
    "s- knee sore after long drive, pain 4/10\n"
    "o- knee flex 0-118, quad lag 5 deg\n"
    "did thex + manual\n"
    "a- stiff but flexion holding\n"
    "p- 2x wk, start bike intervals wk 8\n"
)


def test_lower_case_letters_open_their_parts() -> None:
    assert where(TYPED, "knee sore after long drive", SOAP) == ["Subjective"]
    assert where(TYPED, "stiff but flexion holding", SOAP) == ["Assessment"]
    assert where(TYPED, "start bike intervals", SOAP) == ["Plan"]
    colons = "s: pt says shoulder ok\no: flex 150\na: steady gains\np: cont 1x/wk\n"
    assert where(colons, "steady gains", SOAP) == ["Assessment"]


def test_twin_one_or_two_lower_case_letters_are_no_parts() -> None:
    note = "S: knee better\nO: flex 120\na- fib noted in chart, HR 88\nA: progressing\n"
    assert where(note, "fib noted in chart", SOAP) != ["Assessment"]
    note = "S: pt reports knee better\np- 2 trials of stairs today, 12 steps\nA: progressing\n"
    assert where(note, "2 trials of stairs", SOAP) != ["Plan"]


def test_a_report_under_the_session_is_subjective() -> None:
    note = "Session:\n- Handwriting copy 3 sentences.\n- Mom reports homework now takes 45 min.\n"
    assert where(note, "Mom reports homework", SOAP) == ["Subjective"]
    note = "Treatment:\n- Manual 10 min.\n- Pt states knee feels looser after mobs.\n"
    assert where(note, "knee feels looser", SOAP) == ["Subjective"]


def test_twin_what_was_done_under_the_session_stays_objective() -> None:
    note = "Session:\n- Handwriting copy 3 sentences.\n- Reviewed report card with mom.\n"
    assert where(note, "Handwriting copy", SOAP) == ["Objective"]


def test_a_setting_recommended_in_the_assessment_is_the_judgement() -> None:
    note = "A: Good participation. Recommend IRF: tolerating 30+ min sessions.\nP: Daily OT.\n"
    assert where(note, "Recommend IRF", SOAP) == ["Assessment"]
    note = "Assessment: R hemiparesis limits ADLs. Recommend acute inpatient rehab.\nPlan: daily\n"
    assert where(note, "Recommend acute inpatient rehab", SOAP) == ["Assessment"]
    note = "A: Deconditioned, lives alone. Recommend SNF for short-term rehab.\nP: daily PT\n"
    assert where(note, "Recommend SNF", SOAP) == ["Assessment"]


def test_twin_next_steps_recommended_in_the_assessment_are_the_plan() -> None:
    note = "A: Good gains. Recommend home exercise program.\nP: cont.\n"
    assert where(note, "Recommend home exercise program", SOAP) == ["Plan"]
    note = "A: Good gains. Recommend outpatient PT 2x/wk x 4 wks.\nP: cont.\n"
    assert where(note, "Recommend outpatient PT", SOAP) == ["Plan"]
    note = "A: Good gains.\nP: Daily PT; recommend IRF at d/c.\n"
    assert where(note, "recommend IRF", SOAP) == ["Plan"]


def test_a_day_the_note_never_writes_is_not_printed_as_its_date() -> None:
    from tui.core.drafting.offline import _dated

    # only the file's name gives 2103-02-08; the note dates other things
    assert not _dated("Resident: T H   Visit 6   Last PR: visit 1 (01/26/2103)\n", "2103-02-08")
    # twins: the note writes the day (in another format), or writes no date at all
    assert _dated("Date: 02/08/2103   Visit 6\n", "2103-02-08")
    assert _dated("DOS Feb 8, 2103\n", "2103-02-08")
    assert _dated("S: pain 2/10. O: knee flex 110.\n", "2103-02-08")


def test_the_episodes_dates_in_a_header_line_are_the_episode() -> None:
    from tests.placing import DISCHARGE

    note = "Start of care: 03/10/2099     Discharge: 05/13/2099     Visits attended: 14 of 16\n"
    assert where(note, "Start of care: 03/10/2099", DISCHARGE) == ["Episode of Care"]
    assert where("SOC date: 01/04/2099\n", "SOC date", DISCHARGE) == ["Episode of Care"]


def test_twin_a_status_at_discharge_is_no_episode_date() -> None:
    from tests.placing import DISCHARGE

    note = "Gait at discharge: no device, community distances.\n"
    assert where(note, "Gait at discharge", DISCHARGE) != ["Episode of Care"]


def test_impr_heads_the_impression() -> None:
    note = (
        "O: DF R 5 deg.\nImpr: R DF now past neutral. Good engagement with tasks.\nPlan: recheck\n"
    )
    assert where(note, "Good engagement with tasks", SOAP) == ["Assessment"]


def test_twin_words_opening_with_imp_are_no_impression() -> None:
    from tui.core.drafting.placement import topic_of

    for label in ("Impairments", "Implements", "Impact on participation"):
        assert topic_of(label) != "assessment", label
