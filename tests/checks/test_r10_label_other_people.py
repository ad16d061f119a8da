"""Someone close to the patient named in one clause and speaking of their own values in the
next ("Pt's spouse attended; he reports his own hip pain 8/10"): the values are that person's.
Twins: the patient's own report after a pronoun stays the patient's, and a caregiver's report
of the patient's values stays the patient's."""

from __future__ import annotations

from tests.checks.conftest import facts_in

HEADER = "Patient: Harriet Osei\nDate: 2054-02-01\n\n"


def pains(body: str) -> list[object]:
    return [fact.value for fact in facts_in(HEADER + body, "pain")]


def test_a_relatives_own_values_in_the_clause_after_naming_them_are_theirs() -> None:
    assert pains("Pt's spouse attended; he reports his own hip pain 8/10. Knee pain 3/10.\n") == [3]
    assert pains("Mom present; she reports her own migraine 7/10 today.\n") == []


def test_the_patients_own_report_after_a_pronoun_stays_hers() -> None:
    assert pains("Pt walked in; she reports her own knee pain 4/10 on stairs.\n") == [4]


def test_a_caregivers_report_of_the_patients_values_stays_the_patients() -> None:
    assert pains("Daughter present; she reports pt's pain 5/10 overnight.\n") == [5]


GROUP = (
    "Patient: Lena Fischer\nDate: 2054-02-03\n\n"
    "Group session (97150), 4 participants.\n"
    "Participant A (L.F., this pt): 9HPT R 24 s; grip R 18 kg.\n"
    "Participant B (J.K.): 9HPT R 31 s; grip 12 kg.\n"
    "Participant C: grip 15 kg.\n"
)


def test_a_line_labelled_with_another_participants_id_is_theirs() -> None:
    assert sorted(fact.value for fact in facts_in(GROUP, "strength")) == [18]


def test_numbered_people_with_no_line_marked_as_this_patient_are_left_alone() -> None:
    """The twin: when no label says which participant this patient is, no line is dropped."""
    text = GROUP.replace(", this pt", "").replace("L.F.", "A.A.")
    assert sorted(fact.value for fact in facts_in(text, "strength")) == [12, 15, 18]


def test_a_sentence_led_by_another_participants_initials_is_theirs() -> None:
    """ "J.K. reports knee pain 6/10" after J.K.'s labelled line is J.K.'s; the patient's own
    initials leading a sentence keep it hers (the twin)."""
    text = GROUP + "J.K. reports knee pain 6/10. L.F. reports wrist pain 2/10.\n"
    assert [fact.value for fact in facts_in(text, "pain")] == [2]
