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
