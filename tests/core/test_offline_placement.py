"""Where the offline drafter puts a note's statements (issue 12): SOAP letters written in any
punctuation, labels inside a line, billing statements under another label, leader dots."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import place_items, split_items


def test_soap_letters_in_any_punctuation_label_their_line() -> None:
    note = (
        "[S] Knee stiff on waking, eases after 20 min.\n"
        "O> Knee flex AROM 0-118°.\n"
        "(A) Responding to loading; less guarding.\n"
        "P/ Add step-downs next visit.\n"
    )
    assert where(note, "Knee stiff on waking") == ["Subjective"]
    assert where(note, "Knee flex AROM") == ["Objective"]
    assert where(note, "Responding to loading") == ["Assessment"]
    assert where(note, "Add step-downs") == ["Plan"]


def test_a_label_inside_a_line_names_the_statements_after_it() -> None:
    note = (
        "S: ankle sore after netball. O: DF 8° in lunge, hop test not tolerated. "
        "A: Slow to settle. P: Taping trial; review Friday.\n"
    )
    assert where(note, "hop test not tolerated") == ["Objective"]
    assert where(note, "Slow to settle") == ["Assessment"]
    assert where(note, "review Friday") == ["Plan"]


def test_billing_statements_go_to_billing_whatever_label_they_sit_under() -> None:
    note = "P: 2x/wk for 4 wks. Timed 23 min. Billed 97530 x1, 97110 x1.\n"
    assert where(note, "Billed 97530 x1") == ["Billing"]
    assert where(note, "Timed 23 min") == ["Billing"]
    assert where(note, "2x/wk for 4 wks") == ["Plan"]


def test_leader_dots_do_not_split_a_line() -> None:
    note = "Charges\n  97112 neuro re-ed .......... 18 min\n"
    assert where(note, "97112 neuro re-ed .......... 18 min") == ["Billing"]


def test_a_dictation_is_recognised_by_numbers_said_aloud() -> None:
    from tui.core.drafting import dictation

    said = "Shoulder flexion was one hundred ten degrees. Pain three out of ten with reaching."
    typed = "Shoulder flexion 110°. Pain 3/10 with reaching."
    assert dictation.is_dictated(said)
    assert not dictation.is_dictated(typed)


def test_a_greeting_and_a_sign_off_are_dropped_and_the_content_kept() -> None:
    """The opener that names the patient and the visit is framing, not content."""
    from tui.core.drafting import dictation

    line = (
        "Hello, this is the note for Priya Nair, pelvic health visit six, she is ten weeks "
        "postpartum. Leakage twice this week. Alright that's all, end of recording."
    )
    said = dictation.sentences(line)
    assert said == ["She is 10 weeks postpartum.", "Leakage twice this week."]


def test_the_notes_title_labels_nothing_under_it() -> None:
    sections = ("Reason for Re-evaluation", "Tests and Measures", "Goals", "Plan")
    note = (
        "RE-EVALUATION\nReason: new onset of locking.\nKnee flex AROM 0-105°.\n"
        "Thessaly test positive.\n"
    )
    placed = place_items(split_items(note), sections)
    assert any("Knee flex AROM" in line for line in placed["Tests and Measures"])


def test_a_span_of_visits_is_the_reporting_period() -> None:
    sections = ("Reporting Period", "Objective", "Assessment", "Plan")
    note = "PR covers visits 3 to 12 (2027-02-01 to 2027-03-20).\nGood progress overall.\n"
    placed = place_items(split_items(note), sections)
    assert any("visits 3 to 12" in line for line in placed["Reporting Period"])


def test_what_the_patient_denies_or_rates_is_subjective() -> None:
    note = (
        "Treatment given as planned.\nNo numbness or tingling today.\n"
        "R shoulder pain 3/10 at rest.\nMs. Oduya arrived reporting better sleep.\n"
        "chief_complaint: stiff neck\n"
    )
    for snippet in ("No numbness", "R shoulder pain 3/10", "Ms. Oduya arrived", "stiff neck"):
        assert where(note, snippet) == ["Subjective"], snippet


def test_goals_in_prose_and_a_goal_table_row() -> None:
    sections = ("Client Factors", "Goals", "Goal Status", "Plan of Care")
    note = (
        "Grip 20 lb on the right.\nHis goals are to carry groceries and to grip 40 lb.\n"
        "| Goal | Status |\n|---|---|\n| Carry 10 lb bag | Partially met |\n"
        "We plan to see him twice weekly for 6 weeks.\n"
    )
    placed = place_items(split_items(note), sections)
    assert any("goals are to carry" in line for line in placed["Goals"])
    assert any("Carry 10 lb bag" in line for line in placed["Goal Status"])
    assert any("twice weekly" in line for line in placed["Plan of Care"])


def test_a_heading_with_a_remark_opens_its_section_and_keeps_the_remark() -> None:
    note = (
        "Subjective\n  * Sleeping better.\n"
        "Objective (tested seated; brace removed, reapplied)\n  * Wrist ext AROM 45°.\n"
    )
    placed = place_items(split_items(note), SOAP)
    assert any("Wrist ext AROM 45°" in line for line in placed["Objective"])
    assert any("brace removed" in line for line in placed["Objective"])
