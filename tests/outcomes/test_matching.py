"""Patients matched by MRN, else by name and date of birth, never merged on a guess."""

from __future__ import annotations

from tui.core.outcomes.matching import (
    Identity,
    NoteIdentity,
    compare,
    match_patients,
    name_key,
    name_parts,
)


def note(note_id: int, name: str, dob: str = "", mrn: str = "") -> NoteIdentity:
    return NoteIdentity(note_id, name, dob, mrn)


def test_a_name_written_three_ways_is_one_patient() -> None:
    notes = [
        note(1, "Dana Whitfield", "1961-03-14"),
        note(2, "Whitfield, Dana M.", "03/14/1961"),
        note(3, "DÁNA WHITFIELD", "1961-03-14"),
    ]
    patients, pending = match_patients(notes)
    assert [p.note_ids for p in patients] == [[1, 2, 3]]
    assert pending == []


def test_name_parts_read_last_first_and_drop_initials() -> None:
    assert name_parts("Whitfield, Dana M.") == ("dana", "whitfield", ())
    assert name_parts("Dana Marie Whitfield") == ("dana", "whitfield", ("marie",))
    assert name_key("Whitfield, Dána") == name_key("dana whitfield") == "dana whitfield"


def test_an_mrn_decides_over_the_name() -> None:
    notes = [note(1, "Dana Whitfield", mrn="480221"), note(2, "D. Whitfield", mrn="480221"),
             note(3, "Dana Whitfield", mrn="777001")]  # fmt: skip
    patients, pending = match_patients(notes)
    assert sorted(p.note_ids for p in patients) == [[1, 2], [3]]
    assert pending == []


def test_a_missing_date_of_birth_is_surfaced_not_merged() -> None:
    notes = [note(1, "Dana Whitfield", "1961-03-14", "480221"), note(2, "Dana Whitfield")]
    patients, pending = match_patients(notes)
    assert sorted(p.note_ids for p in patients) == [[1], [2]]
    assert len(pending) == 1 and "date of birth is missing" in pending[0].reason


def test_a_confirmation_merges_and_a_denial_keeps_apart() -> None:
    notes = [note(1, "Dana Whitfield", "1961-03-14", "480221"), note(2, "Dana Whitfield")]
    a, b = notes[0].identity.key, notes[1].identity.key
    patients, pending = match_patients(notes, {frozenset((a, b)): True})
    assert [p.note_ids for p in patients] == [[1, 2]] and pending == []
    patients, pending = match_patients(notes, {frozenset((a, b)): False})
    assert len(patients) == 2 and pending == []


def test_different_dates_of_birth_are_different_patients() -> None:
    verdict, _ = compare(Identity("Dana Whitfield", "1961-03-14", ""),
                         Identity("Dana Whitfield", "1990-01-02", ""))  # fmt: skip
    assert verdict == "different"


def test_a_middle_name_on_one_side_only_is_asked() -> None:
    verdict, reason = compare(Identity("Dana Marie Whitfield", "1961-03-14", ""),
                              Identity("Dana Whitfield", "1961-03-14", ""))  # fmt: skip
    assert verdict == "ambiguous" and "middle name" in reason
    verdict, _ = compare(Identity("Dana Marie Whitfield", "1961-03-14", ""),
                         Identity("Dana Ruth Whitfield", "1961-03-14", ""))  # fmt: skip
    assert verdict == "different"


def test_a_note_matching_two_mrns_joins_neither() -> None:
    """Same name and birth date under two MRNs: a note without an MRN is not given to one."""
    notes = [note(1, "Sam Lee", "1980-05-05", "100"), note(2, "Sam Lee", "1980-05-05", "200"),
             note(3, "Sam Lee", "1980-05-05")]  # fmt: skip
    patients, pending = match_patients(notes)
    mrns = [sorted({i.mrn for i in p.identities}) for p in patients]
    assert all(len(m) <= 1 or m == [""] for m in mrns)
    assert pending and any("two MRNs" in amb.reason for amb in pending)
