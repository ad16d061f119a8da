"""Round 14 (AUDIT): an activity a service trains, joined to its name, is the service's title
("gait/stairs 8 min"); a draft's value with a unit is backed only by the note's value of the
same unit class ("40°" is no NDI of 40 %). Each reading with a twin."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER, minutes
from tui.core.checks.verify.verify import verify


def test_an_activity_joined_to_its_service_name_is_the_title() -> None:
    assert minutes("Tx: NMR 12 min (SLS); gait/stairs 8 min (reciprocal descent, cues).\n") == {
        "97112": 12,
        "97116": 8,
    }
    assert minutes("TherEx/stretching 14' (hamstring, bridges)\n") == {"97110": 14}


def test_twin_an_activity_in_an_exercise_list_is_a_dose() -> None:
    assert minutes("Ther ex 18 min: bike, stairs 6 min, heel raises.\n") == {"97110": 18}


NOTE = HEADER + "S: Neck pain 2/10.\nO: NDI 40% (eval 52%). Cervical rotation R 60 deg.\n"
DRAFT = "Neck pain 2/10. NDI 40% (52% at the evaluation). Cervical rotation R 60 deg."


def test_a_value_the_note_writes_only_as_another_kind_backs_no_angle() -> None:
    flawed = DRAFT + " Slump test positive at 40° knee extension."
    assert 40 in [fact.value for fact in verify(NOTE, flawed).unsupported]


def test_twin_the_same_value_in_the_same_unit_is_supported() -> None:
    assert verify(NOTE, DRAFT).clean
    assert verify(NOTE, DRAFT + " Rotation limited at 60° by pain.").unsupported == []
    assert verify(NOTE, DRAFT + " Goal: rotation 75° in 4 weeks.").unsupported == []
