"""Verification backing a draft's value by a note table's bare cell, named by its row and its
column, and holding a number after an instrument-like name ("Peak METs 4.1") to the note. Each
reading has a twin: a value moved to another cell, or changed, stays unsupported."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

NOTE = """Patient: Wren Aalto
Date: 2045-04-03
Visit: 9

Knee pain 1/10.

## Reach test (cm, leg length 90 cm)

| Direction | R | L |
|---|---|---|
| Anterior | 61 | 66 |
| Posteromedial | 95 | 101 |
"""


def unsupported(note: str, draft: str) -> list[float]:
    return [float(fact.value) for fact in verify(note, draft).unsupported]


def test_a_cell_named_by_its_row_and_column_backs_the_draft() -> None:
    draft = (
        "Knee pain 1/10. Reach test: anterior R 61 cm, L 66 cm; posteromedial R 95 cm, L 101 cm."
    )
    assert unsupported(NOTE, draft) == []


def test_a_cell_given_to_the_other_column_is_not_backed() -> None:
    draft = "Knee pain 1/10. Reach test: anterior R 66 cm, L 61 cm."
    assert 66.0 in unsupported(NOTE, draft)


def test_a_cell_given_to_another_row_is_not_backed() -> None:
    draft = "Knee pain 1/10. Reach test: posteromedial R 61 cm."
    assert 61.0 in unsupported(NOTE, draft)


def test_a_unit_the_table_never_gives_is_not_backed() -> None:
    draft = "Knee pain 1/10. Reach test: anterior R 61 mm, L 66 mm."
    assert 61.0 in unsupported(NOTE, draft)


METS = "Date: 2045-04-04\n\nTreadmill 14 min. Peak METs 4.1 (estimated).\n"


def test_a_score_after_an_instrument_like_name_the_note_writes_is_backed() -> None:
    assert unsupported(METS, "Treadmill 14 min. Peak METs 4.1 (estimated).") == []


def test_a_changed_score_after_an_instrument_like_name_is_unsupported() -> None:
    assert 4.6 in unsupported(METS, "Treadmill 14 min. Peak METs 4.6 (estimated).")


def test_a_value_moved_to_another_cell_is_not_backed_by_the_caption_unit_alone() -> None:
    note = NOTE.replace("(cm, leg length 90 cm)", "(cm)")
    assert unsupported(note, "Knee pain 1/10. Reach test: anterior R 61 cm, L 66 cm.") == []
    assert 61.0 in unsupported(note, "Knee pain 1/10. Reach test: posteromedial R 61 cm.")


def test_a_pair_after_a_level_name_is_not_read_as_a_score() -> None:
    note = "Date: 2045-04-05\n\nMotor R / L:\n  C7 elbow extensors 2 / 1\n  C8-T1 0 / 0\n"
    assert unsupported(note, "Motor R / L: C8-T1 0 / 0; C7 elbow extensors 2 / 1.") == []
