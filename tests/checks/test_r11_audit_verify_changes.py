"""Verification of a change the note states by its sign ("sup +5 deg post-tx" backs the draft's
"gaining 5°"), and of a pain rating backed only by a number the note left unread: that number
must be written in a sentence about pain, not merely be some number of the note while another
sentence names pain ("1:1 with PT" and "next PN")."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

HEADER = (
    "Patient: Ione Vale\nMRN: 550201\nDate: 2075-02-02\nVisit: 5\nDiscipline: OT\n"
    "Payer: Medicare\nDiagnosis: L distal radius fx, S52.502D\n\n"
)
HAND = (
    HEADER + "O: L forearm supination 60 deg, pronation 80 deg.\n"
    "Joint mobs radioulnar 12 min. A: Good response to mobs (sup +5 deg post-tx).\n"
    "Billed: 97140 x1\n"
)
HAND_DRAFT = (
    "## Objective\n- L forearm: supination 60°, pronation 80°.\n- Joint mobilization 12 min.\n\n"
    "## Assessment\nShe responded well to joint mobilization, gaining {gain}° of supination.\n"
)


def unsupported(note: str, draft: str) -> list[float]:
    return [float(fact.value) for fact in verify(note, draft).unsupported]  # type: ignore[arg-type]


def test_a_signed_change_in_the_note_backs_the_drafts_change() -> None:
    assert unsupported(HAND, HAND_DRAFT.format(gain=5)) == []


def test_a_change_the_note_never_states_is_reported() -> None:
    assert unsupported(HAND, HAND_DRAFT.format(gain=7)) == [7.0]


def test_a_plus_grade_states_no_change() -> None:
    note = HAND.replace("(sup +5 deg post-tx)", "(grip 4+/5, sup 5 deg short of R)")
    assert 7.0 in unsupported(note, HAND_DRAFT.format(gain=7))


POOL = (
    HEADER.replace("OT", "PT", 1) + "AQUATIC PT - therapy pool, 1:1 with PT.\n"
    "Pre-pool: knee pain 5/10. Post-pool: pain 3/10.\n"
    "Aquatic ther ex 30 min.\nP: Pool 1x/wk, recheck at next PN.\nBilled: 97113 x2\n"
)
POOL_DRAFT = (
    "## Subjective\nKnee pain 5/10 before the pool and {after}/10 after it.\n\n"
    "## Objective\nAquatic therapeutic exercise 30 min, one-to-one.\n"
)


def test_a_changed_rating_is_not_backed_by_a_number_of_another_sentence() -> None:
    assert 1.0 in unsupported(POOL, POOL_DRAFT.format(after=1))


def test_the_rating_the_note_writes_is_backed() -> None:
    assert unsupported(POOL, POOL_DRAFT.format(after=3)) == []


def test_an_unread_number_in_the_pain_sentence_still_backs_the_rating() -> None:
    note = POOL.replace("Post-pool: pain 3/10.", "Post-pool: pain 3/10, down to 2 on standing.")
    draft = POOL_DRAFT.format(after=3).replace("after it.", "after it, 2/10 on standing.")
    assert 2.0 not in unsupported(note, draft)


JAW = (
    HEADER.replace("L distal radius fx, S52.502D", "TMD, M26.601")
    + "O: Jaw opening 38 mm, lateral excursion R 9 mm. Cervical rotation R 61 deg.\n"
)


def test_a_length_in_another_size_of_unit_is_another_quantity() -> None:
    draft = "Jaw opening 38 cm; lateral excursion R 9 mm; cervical rotation R 61°.\n"
    assert 38.0 in unsupported(JAW, draft)


def test_the_same_length_in_the_same_unit_is_the_notes() -> None:
    draft = "Jaw opening 38 mm; lateral excursion R 9 mm; cervical rotation R 61°.\n"
    assert unsupported(JAW, draft) == []


def test_a_length_converted_right_is_the_notes() -> None:
    draft = "Jaw opening 3.8 cm; lateral excursion R 9 mm; cervical rotation R 61°.\n"
    assert unsupported(JAW, draft) == []


TORQUE = (
    HEADER.replace("L distal radius fx, S52.502D", "R ACL reconstruction, Z98.890")
    + "Isokinetic 60 deg/s peak torque: quads R 158 Nm / L 196 Nm.\n"
)


def test_a_changed_torque_in_a_unit_no_reader_knows_is_reported() -> None:
    assert 178.0 in unsupported(TORQUE, "Quadriceps peak torque R 178 Nm, L 196 Nm.\n")


def test_the_notes_torque_is_backed_and_the_side_is_no_litre() -> None:
    assert unsupported(TORQUE, "Quadriceps peak torque R 158 Nm, L 196 Nm.\n") == []
