"""Minutes a line gives a code without naming the code's service: what the time was billed as
("bandaging 15 min (billed as manual therapy)"), a bracket of minutes and the service they were
("(30 min, group)"), and a service name voice typing wrote as the words it sounds like ("there
ex 25 minutes"). Each reading has a twin that must not be read that way."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2075-03-02\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: L leg lymphedema, I89.0\n\n"
)
CARE = "Leg heaviness 4/10; taught wrapping with cues for even tension.\n"


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(HEADER + CARE + body)
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


def codes(body: str) -> list[str]:
    return sorted(f.code for f in audit_note(note_from_text(HEADER + CARE + body)).findings)


# -- what the minutes were billed as -----------------------------------------------------------


BILLED_AS = (
    "MLD 22 min, proximal to distal.\n"
    "Compression wrapping 16 min (billed as manual therapy) - short-stretch layers.\n"
    "Total timed 38 min; total treatment 38 min.\nBilled: 97140 x3\n"
)


def test_minutes_billed_as_a_service_belong_to_its_code() -> None:
    assert minutes(BILLED_AS) == {"97140": 38}
    assert codes(BILLED_AS) == []


def test_billed_as_after_a_comma_closes_the_clause() -> None:
    body = BILLED_AS.replace(
        "16 min (billed as manual therapy) -", "16 min, billed as manual therapy,"
    )
    assert minutes(body) == {"97140": 38}


def test_billed_as_a_code_still_reads() -> None:
    body = BILLED_AS.replace("(billed as manual therapy)", "- billed 97140.")
    assert minutes(body) == {"97140": 38}


def test_billed_in_passing_names_nothing() -> None:
    """ "billed as" followed by more than a name is a remark, not what the minutes were."""
    body = (
        "MLD 22 min, proximal to distal.\n"
        "Garment fitting 10 min; pt asked whether it is billed as manual therapy by her plan.\n"
        "Total timed 22 min; total treatment 32 min.\nBilled: 97140 x1\n"
    )
    assert minutes(body) == {"97140": 22}


def test_two_minutes_in_the_sentence_leave_the_billed_as_unread() -> None:
    body = (
        "Wrapping 16 min and skin check 4 min (billed as manual therapy).\n"
        "Ther ex 10 min.\nBilled: 97140 x1, 97110 x1\n"
    )
    assert "97140" not in minutes(body)


# -- a bracket of minutes and their service ----------------------------------------------------


def test_a_bracket_of_minutes_and_group_is_the_group_time() -> None:
    body = (
        "Balance class (25 min, group): step-ups, tandem stance, PT cued knee alignment.\n"
        "After class (10 min, 1:1 ther ex): HEP progressed.\n"
        "Total timed 10 min. Total treatment 35 min.\nBilled: 97150 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97150": 25, "97110": 10}


def test_group_outside_such_a_bracket_names_no_service() -> None:
    body = (
        "Pt plans to join a community walking group 30 min from home.\n"
        "Ther ex 20 min.\nBilled: 97110 x1\n"
    )
    assert minutes(body) == {"97110": 20}


def test_a_bracket_with_more_than_a_name_names_nothing() -> None:
    body = "Rest (5 min, group members chatting).\nTher ex 20 min.\nBilled: 97110 x1\n"
    assert minutes(body) == {"97110": 20}


# -- service names voice typing wrote as the words they sound like --------------------------------


def test_a_sound_alike_service_name_with_minutes_is_that_service() -> None:
    body = (
        "Treatment there ex 24 minutes: bridges, clams. Gate training 12 minutes on stairs.\n"
        "Total timed 36 minutes. Billed 97110 times two and 97116 times one.\n"
    )
    assert minutes(body) == {"97110": 24, "97116": 12}


def test_the_sound_alike_words_alone_name_nothing() -> None:
    body = (
        "Pt walked out there, exercised at the gate 10 min while waiting.\n"
        "Ther ex 20 min.\nBilled: 97110 x1\n"
    )
    assert minutes(body) == {"97110": 20}
