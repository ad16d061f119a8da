"""An ICF layout (issue 12, round 9 OFF): "Activity" is what the client was seen to do and "Body
structure / function" what was examined, both measured; "Participation" is what the client or
family tell of life roles, Subjective where the document has no section of its own for it."""

from __future__ import annotations

from tests.placing import PROGRESS, SOAP, where
from tui.core.drafting.placement import place_items, split_items

ICF = "\n".join(
    [
        "PARTICIPATION",
        "Back at the lunch club twice a week.",
        "ACTIVITY",
        "- Stands from the dining chair without arms.",
        "BODY STRUCTURE / FUNCTION",
        "- Ankle strategy delayed on foam.",
        "ASSESSMENT: balance gains carrying into outings.",
    ]
)


def test_an_icf_layouts_parts_go_to_soap_sections() -> None:
    assert where(ICF, "Back at the lunch club") == ["Subjective"]
    assert where(ICF, "Stands from the dining chair") == ["Objective"]
    assert where(ICF, "Ankle strategy delayed") == ["Objective"]
    assert where(ICF, "balance gains carrying") == ["Assessment"]


def test_activity_in_a_progress_report_is_the_comparison() -> None:
    note = "Activities\nWalks the clinic loop twice without a rest, was once."
    assert where(note, "Walks the clinic loop", PROGRESS) == ["Objective Comparison"]


def test_participation_keeps_its_own_section_where_the_document_has_one() -> None:
    # twin: a sensory report's Impact on Participation is its own section
    sections = ("Background", "Sensory Patterns", "Impact on Participation", "Recommendations")
    placed = place_items(
        split_items("Participation\nLeaves circle time when the class sings."), sections
    )
    assert placed["Impact on Participation"] == ["Leaves circle time when the class sings."]
    assert where("Impairments\nThumb opposition weak.", "Thumb opposition", SOAP) == ["Objective"]
