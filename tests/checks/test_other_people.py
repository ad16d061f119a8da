"""A group note's lines about another patient (issue 12, voices): their values are not this
patient's facts, and a draft of this patient's document does not carry them. Each note has a
twin whose second person's values ARE the patient's (a caregiver's report, the patient's own
initials) or whose label says nothing of who it is."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.other_people import other_people_spans, without_other_people

_HEAD = "Patient: Odile Brannigan-Weiss\nDate: 2031-08-01\n\n"


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


def test_initials_of_someone_the_note_names_lead_another_patients_line() -> None:
    note = _HEAD + (
        "Pool group 9:00-9:45, 2 pts: O. Brannigan-Weiss and T. Kaur (own chart).\n"
        "O.B-W.: low back pain 3/10, TUG 11.2 s.\n"
        "T.K.: knee pain 7/10, TUG 19.4 s.\n"
    )
    assert _values(note, "pain") == [3]
    assert [f.value for f in extract_facts(note) if f.measure == "TUG"] == [11.2]


def test_a_label_marked_as_another_chart_and_its_indented_lines_are_left_out() -> None:
    note = _HEAD + (
        "Co-treatment class, two clients.\n"
        "Second client (see her chart): shoulder pain 6/10\n"
        "   grip 14 kg.\n"
        "Odile: shoulder pain 2/10. Grip R 21 kg.\n"
    )
    assert _values(note, "pain") == [2]
    assert _values(note, "strength") == [21]


def test_a_caregivers_report_of_the_patient_is_the_patients() -> None:
    # twin: a second person speaking of the patient gives the patient's values
    note = _HEAD + (
        "Group balance class.\n"
        "Husband reports her back pain 5/10 after the drive.\n"
        "O.B-W. (this chart): Berg 47/56.\n"
    )
    assert _values(note, "pain") == [5]
    assert [f.value for f in extract_facts(note) if f.measure == "Berg"] == [47]


def test_initials_in_a_note_that_is_no_group_note_are_not_read_as_someone_else() -> None:
    # twin: a one-patient note with a dotted label keeps every value
    note = _HEAD + "R.K.: reviewed by supervising PT.\nT.K.: knee pain 4/10.\n"
    assert other_people_spans(note) == ()
    assert _values(note, "pain") == [4]


def test_a_label_that_does_not_say_who_it_is_stays() -> None:
    # twin: "Pt B" in a group note without a mark of whose chart: precision first, but no
    # guess either way, so the value stays the patient's (the note is this patient's)
    note = _HEAD + "Group class.\nPt B: pain 6/10.\n"
    assert other_people_spans(note) == ()


def test_a_draft_of_the_patient_leaves_the_other_patients_lines_empty() -> None:
    body = (
        "Group class (97150).\n"
        "O.B-W.: pain 3/10.\n"
        "Other client (see his chart): pain 8/10.\n"
        "P: continue.\n"
    )
    kept = without_other_people(body, "Odile Brannigan-Weiss")
    assert "8/10" not in kept and "3/10" in kept
    assert kept.count("\n") == body.count("\n")


def test_a_person_named_with_a_title_who_is_not_the_patient_is_someone_else() -> None:
    note = _HEAD + "Group class.\nMr. Ng: hip pain 6/10.\nMs. Brannigan-Weiss: hip pain 2/10.\n"
    # twin: the patient named with a title stays
    assert _values(note, "pain") == [2]
