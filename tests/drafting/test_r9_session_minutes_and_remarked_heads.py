"""Two placements of round 9 (issue 12, OFF): a service done today named with its minutes is
what was done, whatever caution, tolerance or goal the line then names; a section heading set
out as one (underlined, in capitals) keeps the lines under it whatever remark its brackets hold.
Each rule with a twin that must not be read so."""

from __future__ import annotations

from tests.placing import OT_EVAL, PROGRESS, REEVAL, SOAP, where


def test_a_service_and_its_minutes_with_a_caution_is_what_was_done() -> None:
    note = "Ther activity 9 min - carrying a shopping bag within sternal precautions."
    assert where(note, "carrying a shopping bag") == ["Objective"]
    # twin: the same caution as a next step is the plan
    note = "Keep sternal precautions until the surgeon clears lifting."
    assert where(note, "Keep sternal precautions") == ["Plan"]


def test_a_service_and_its_minutes_tolerated_is_what_was_done() -> None:
    note = "Gait trng 14 min: driveway with rollator, tolerated without desaturation."
    assert where(note, "driveway with rollator") == ["Objective"]
    # twin: a tolerance said with no service done is the judgement
    note = "Tolerated the longer intervals without desaturation."
    assert where(note, "Tolerated the longer intervals") == ["Assessment"]


def test_also_or_then_before_the_service_opens_it_too() -> None:
    note = "Also: NMR 10 min - deep neck flexor holds; avoid end range extension."
    assert where(note, "deep neck flexor holds") == ["Objective"]
    # twin: a service planned for next time is the plan
    note = "Continue gait training 15 min with curb practice."
    assert where(note, "Continue gait training") == ["Plan"]


def test_an_underlined_heading_with_dates_in_brackets_keeps_its_measures() -> None:
    note = "\n".join(
        [
            "WHY RE-EVALUATED",
            "----------------",
            "Surgeon asks whether a release is needed.",
            "",
            "MEASURES (today / at eval 11/28)",
            "--------------------------------",
            "Grip R 18 kg, L 34 kg (Jamar pos 2)",
        ]
    )
    assert where(note, "Grip R 18 kg", REEVAL) == ["Tests and Measures"]
    assert where(note, "Surgeon asks whether a release", REEVAL) == ["Reason for Re-evaluation"]


def test_a_heading_in_capitals_with_a_remark_opens_its_section() -> None:
    note = "SUBJECTIVE\nStairs easier.\nOBJECTIVE (today vs 01/12)\nWalks the loop without a rest."
    assert where(note, "Walks the loop without a rest", PROGRESS) == ["Objective Comparison"]
    note = "CLIENT FACTORS (R / L, seated)\nLight touch diminished R hand, intact L."
    assert where(note, "Light touch diminished", OT_EVAL) == ["Client Factors"]


def test_a_statement_with_a_remark_in_brackets_is_no_heading() -> None:
    # twin: in lower case and not underlined, a line with brackets is a statement placed by
    # what it says, not a heading over the lines after it
    note = "S: knee stiff.\nAssessment (my view) stiffness is the limit.\nWill add bike next visit."
    assert where(note, "Will add bike next visit", SOAP) == ["Plan"]
