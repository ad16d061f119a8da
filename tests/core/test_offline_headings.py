"""Headings in any clinic's style (issue 12): each maps to a section by data, a heading naming
two sections sends each statement to the one it fits, and each note has a twin that must not be
read the same way."""

from __future__ import annotations

from tests.placing import where
from tui.core.drafting.placement import topic_of

EVAL = ("History", "Systems Review", "Tests and Measures", "Assessment", "Goals", "Plan of Care")
PROGRESS = ("Reporting Period", "Subjective", "Objective Comparison", "Goal Status", "Plan")


def test_headings_written_in_many_styles_name_their_topic() -> None:
    named = {
        "CC/HPI": "subjective|history",
        "IMPRESSION": "assessment",
        "RECS": "recommendations",
        "Pt education": "training",
        "D/C plan": "plan",
        "Goals (STG/LTG)": "goals",
        "Interventions": "treatment",
        "ROS": "systems",
    }
    assert {heading: topic_of(heading) for heading in named} == named
    # twin: shorthand written with a slash that is not two headings names nothing
    assert [topic_of(word) for word in ("S/P", "w/o", "c/o", "B/L")] == ["", "", "", ""]


def test_a_heading_naming_assessment_and_plan_splits_its_statements() -> None:
    note = (
        "A/P: Deficits in scapular control limit overhead reach. "
        "Continue 2x/wk, progress to prone Y's.\n"
    )
    assert where(note, "Deficits in scapular control") == ["Assessment"]
    assert where(note, "Continue 2x/wk") == ["Plan"]
    # twin: a status-post line is history, not an assessment with a plan
    assert where("S/P R ACL reconstruction 6 wks ago.\n", "ACL reconstruction", EVAL) == ["History"]


def test_an_all_capitals_combined_heading_on_its_own_line() -> None:
    note = (
        "ASSESSMENT & PLAN\n"
        "Steady gains in confidence on stairs.\n"
        "Will see 1x/wk for 3 more weeks.\n"
    )
    assert where(note, "Steady gains in confidence") == ["Assessment"]
    assert where(note, "Will see 1x/wk") == ["Plan"]
    # twin: a heading naming one topic sends everything under it there
    single = "IMPRESSION\nSteady gains in confidence on stairs.\nWill see 1x/wk for 3 more weeks.\n"
    assert where(single, "Will see 1x/wk") == ["Assessment"]


def test_a_numbered_goal_is_not_a_markdown_heading() -> None:
    note = "Goal status:\n#1 STG sit to stand w/o UE ... MET\n#2 LTG gait 500 ft ... PROGRESSING\n"
    assert where(note, "2 LTG gait 500 ft", PROGRESS) == ["Goal Status"]
    # twin: a real Markdown heading still opens its section
    note = "## Plan\nRecheck in 2 wks.\n"
    assert where(note, "Recheck in 2 wks", PROGRESS) == ["Plan"]


def test_a_line_with_its_own_heading_leaves_the_block_above() -> None:
    note = "Tests and measures:\n  Grip R 20 kg.\nGoals (4 wks): grip 25 kg, open jars.\n"
    assert where(note, "grip 25 kg, open jars", EVAL) == ["Goals"]
    # twin: an unlabelled line under the block stays in it
    assert where(note, "Grip R 20 kg", EVAL) == ["Tests and Measures"]


def test_medical_history_written_short_goes_to_history() -> None:
    note = "Medical hx: HTN, DM2, L TKA 2019.\nGait: 200 ft w/ SPC, CGA.\n"
    assert where(note, "HTN, DM2", EVAL) == ["History"]
    assert where(note, "200 ft w/ SPC", EVAL) == ["Tests and Measures"]
    # twin: "history" in a sentence that is not a heading does not move the line
    twin = "Knee flexion 95 deg, no history of this limitation per pt.\n"
    assert where(twin, "Knee flexion 95 deg", EVAL) == ["Tests and Measures"]
