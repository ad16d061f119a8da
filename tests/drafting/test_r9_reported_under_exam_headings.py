"""What someone reports, written under a heading of what was examined (issue 12, round 9 OFF):
the heading gathers the visit, the sentence says who told it, so it goes to Subjective; each
rule with a twin, a line under the same heading that was seen and stays Objective."""

from __future__ import annotations

from tests.placing import PROGRESS, PT_EVAL, where


def test_a_report_under_findings_is_subjective_and_the_exam_stays() -> None:
    note = "\n".join(
        [
            "Findings",
            "- Client says the jar lids are easier since the splint.",
            "- Thumb CMC grind test positive L.",
        ]
    )
    assert where(note, "jar lids are easier") == ["Subjective"]
    assert where(note, "grind test positive") == ["Objective"]


def test_what_the_caregiver_reports_under_o_is_subjective() -> None:
    note = "\n".join(
        [
            "O:",
            "Stands from the commode with min A, cues for nose over toes.",
            "No falls over the weekend per caregiver.",
            "Son reports she is eating breakfast at the table again.",
        ]
    )
    assert where(note, "No falls over the weekend per caregiver") == ["Subjective"]
    assert where(note, "eating breakfast at the table") == ["Subjective"]
    assert where(note, "Stands from the commode") == ["Objective"]


def test_a_speaker_label_is_what_they_said_and_a_measured_label_is_not() -> None:
    note = "\n".join(
        [
            "EXAM",
            "Husband: she has stopped using the cane in the house.",
            "Grandma (by phone): sleeps through the night now.",
            "Gait: cadence slowed on turns, shuffling on carpet.",
        ]
    )
    assert where(note, "stopped using the cane in the house") == ["Subjective"]
    assert where(note, "sleeps through the night now") == ["Subjective"]
    assert where(note, "cadence slowed on turns") == ["Objective"]


def test_back_to_work_after_a_status_label_is_reported_and_a_seen_task_is_not() -> None:
    note = "\n".join(
        [
            "Status today: back to modified duty at the bakery, mornings only.",
            "Status today: lifts a tray waist to shoulder with good mechanics.",
        ]
    )
    assert where(note, "back to modified duty at the bakery") == ["Subjective"]
    assert where(note, "lifts a tray waist to shoulder") == ["Objective"]


def test_a_report_under_a_progress_reports_measures_is_subjective() -> None:
    note = "\n".join(
        [
            "Measures",
            "She states the bus steps are manageable holding the pole.",
            "Knee flexion L 118 deg AROM (eval 90 deg).",
        ]
    )
    assert where(note, "bus steps are manageable", PROGRESS) == ["Subjective"]
    assert where(note, "Knee flexion L 118 deg", PROGRESS) == ["Objective Comparison"]


def test_a_review_of_systems_keeps_the_patients_denials() -> None:
    # the screen's answers are the Systems Review, not a report moved to the history
    note = "ROS: Denies fevers or unexplained weight loss. Skin intact."
    assert where(note, "Denies fevers", PT_EVAL) == ["Systems Review"]
