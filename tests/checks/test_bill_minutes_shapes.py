"""Services, totals and charges written in shapes the readers had not met (issue 12, round 7):
a bare "total" after the timed total, a table row holding both totals, a line closed by its code,
a total followed by its parts per code, a billing line's total after its last code, checklist
lines led by a code, and service names in other words. Each reading has a twin that must not
be read that way; where a finding depends on the reading, both the finding and its absence are
tested."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Ilse Brandvold\nMRN: 318822\nDate: 2031-09-03\nVisit: 5\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: L ankle ORIF, S82.852D\n\n"
)
CARE = "Ankle stiff 3/10; step-downs with cues for knee alignment over the 2nd toe.\n"


def _text(body: str) -> str:
    return HEADER + CARE + body


def codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(note_from_text(_text(body))).findings]


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(_text(body))
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


def totals(body: str) -> tuple[int | None, int | None]:
    billing = extract_billing(_text(body))
    return billing.stated_timed_minutes, billing.stated_treatment_minutes


# -- the session's total written as a bare "total" after the timed total --------------------------


def test_a_bare_total_after_the_timed_total_is_the_sessions_total() -> None:
    body = "Ther ex 25 min. NMR 15 min.\nTimed 40 min, total 45 min.\nBilled: 97110 x2, 97112 x1\n"
    assert totals(body) == (40, 45)
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_a_dictated_comma_before_the_bare_total_is_read_as_the_mark() -> None:
    body = (
        "ther ex 25 minutes, NMR 15 minutes period total timed 40 comma total 40 period\n"
        "Billed: 97110 x2, 97112 x1\n"
    )
    assert totals(body) == (40, 40)
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_a_total_of_something_else_after_the_timed_total_is_not_the_session() -> None:
    body = "Ther ex 30 min. Timed 30 min; squats total 12 reps.\nBilled: 97110 x2\n"
    assert totals(body) == (30, None)
    assert "TOTAL_TIME_MISSING" in codes(body)


# -- a table row holding both totals ------------------------------------------------------------


TABLE = (
    "| Intervention | Code | Min |\n|---|---|---|\n"
    "| Step-downs, calf raises | 97110 | 23 |\n| Tandem walking, foam | 97112 | 12 |\n"
)


def test_a_row_of_both_totals_gives_the_timed_and_the_session_total() -> None:
    body = TABLE + "| **Total timed / treatment** | | **35 / 40** |\n\nBilled: 97110 x2, 97112 x1\n"
    assert totals(body) == (35, 40)
    assert minutes(body) == {"97110": 23, "97112": 12}
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_a_row_of_two_numbers_under_another_label_is_no_total() -> None:
    body = TABLE + "| Sets / reps | | 3 / 10 |\n\nBilled: 97110 x2, 97112 x1\n"
    assert totals(body) == (None, None)
    assert "TOTAL_TIME_MISSING" in codes(body)


def test_a_timed_total_larger_than_the_session_is_not_read_as_both() -> None:
    body = TABLE + "| Total timed / treatment | | 40 / 35 |\n\nBilled: 97110 x2, 97112 x1\n"
    assert totals(body)[1] is None


# -- a line closed by the code of what it describes ------------------------------------------------


def test_a_line_closed_by_its_code_gives_that_code_the_lines_minutes() -> None:
    body = (
        "Tx: Retrograde massage 12 min (foot to knee) ........ 97140\n"
        "    Loaded dorsiflexion lunges 18 min (3 x 12, wall) 97110\n"
        "Timed 30 min; total treatment 30 min.\nBilled: 97140 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97140": 12, "97110": 18}
    assert codes(body) == []


def test_a_bracketed_code_closing_a_bullet_gives_it_the_minutes() -> None:
    body = (
        "- interval circuit 24 min at RPE 12 (97110)\n- foam balance 9 min (97112)\n"
        "Timed 33 min; total treatment 33 min.\nBilled: 97110 x2, 97112 x1\n"
    )
    assert minutes(body) == {"97110": 24, "97112": 9}


def test_a_dose_before_the_minutes_of_a_coded_line_is_not_the_service() -> None:
    body = "- bike 10 min then calf raises 3 x 15 (97110)\nBilled: 97110 x2\n"
    assert "97110" not in minutes(body)


def test_a_line_with_two_minute_values_before_its_code_is_not_read() -> None:
    body = "- step-ups 6 min, lunges 8 min ........ 97110\nBilled: 97110 x1\n"
    assert "97110" not in minutes(body)


# -- a total followed by its parts per code -------------------------------------------------------


def test_parts_that_add_up_to_the_total_are_each_codes_minutes() -> None:
    body = (
        "Billed: 97110 x1, 97140 x1, 97530 x1 | Total timed 40 min (97110 16, 97140 12, "
        "97530 12) | Total treatment 40 min\n"
    )
    assert minutes(body) == {"97110": 16, "97140": 12, "97530": 12}
    assert codes(body) == []


def test_parts_that_do_not_add_up_to_the_total_are_not_minutes() -> None:
    body = "Timed 40 min (97110 2, 97140 1). Total treatment 40 min.\nBilled: 97110 x2, 97140 x1\n"
    assert minutes(body) == {}


# -- a billing line's total written after its last code --------------------------------------------


def test_a_billing_lines_minutes_that_sum_the_services_are_the_lines_total() -> None:
    body = (
        "We spent 38 minutes on prosthetic gait training and 8 minutes on therapeutic exercise. "
        "Timed 46 minutes, total treatment 46 minutes.\nBilling: 97761 x2, 97110 x1 (46 min).\n"
    )
    assert minutes(body) == {"97761": 38, "97110": 8}
    assert codes(body) == []


def test_a_billing_lines_minutes_for_its_last_code_stay_that_codes() -> None:
    body = (
        "Ther ex 30 minutes, manual 12 minutes.\nTimed 42 min; total 42 min.\n"
        "Billing: 97110 x2, 97140 x1 (12 min).\n"
    )
    assert minutes(body) == {"97110": 30, "97140": 12}


# -- a checklist line led by a code ----------------------------------------------------------------


def test_a_ticked_line_led_by_a_code_gives_it_the_closing_minutes() -> None:
    body = (
        "[x] 97112 NMR: gaze stabilization x1 in tandem -- 18 min\n"
        "[x] 97140 manual: talocrural glides -- 9 min\nTimed 27 min; total treatment 27 min.\n"
        "Billed: 97112 x1, 97140 x1\n"
    )
    assert minutes(body) == {"97112": 18, "97140": 9}


def test_an_unticked_line_led_by_a_code_is_not_a_service_given() -> None:
    body = "[ ] 97140 manual: talocrural glides -- 9 min\nBilled: 97112 x1\n"
    assert "97140" not in minutes(body)


# -- service names in other words ------------------------------------------------------------------


def test_names_in_other_words_read_as_their_codes() -> None:
    body = (
        "Orthotic check 9 min: trimmed the night splint. Hip strengthening 14 min.\n"
        "Timed 23 min; total treatment 23 min.\nBilled: 97760 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97760": 9, "97110": 14}


def test_a_home_strengthening_dose_is_not_a_service() -> None:
    body = "HEP: strengthening 10 min daily.\nBilled: 97110 x1\n"
    assert "97110" not in minutes(body)


def test_a_billed_name_with_an_abbreviated_word_is_charged() -> None:
    body = (
        "Ther ex 23 min. Self-care 10 min: pacing diary.\nTimed 33 min; total treatment 33 min.\n"
        "Charges: Therapeutic exercise \u00d72 \u00b7 Self-care mgmt training \u00d71\n"
    )
    assert dict(extract_billing(_text(body)).billed) == {"97110": 2, "97535": 1}
    assert "BILLING_UNREADABLE" not in codes(body)


# -- a service name inside the aside of another ---------------------------------------------------


def test_a_name_inside_the_aside_of_another_service_does_not_take_its_minutes() -> None:
    body = (
        "Ther ex 14 min: hip abduction with band.\nManual therapy 10 min: distraction.\n"
        "Ther ex (continued after manual) 9 min: step-ups.\n"
        "Total timed 33 min; total treatment 33 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    assert minutes(body) == {"97110": 23, "97140": 10}
    assert codes(body) == []


def test_an_aside_holding_minutes_names_the_service_given() -> None:
    body = "MLD 30 min (manual therapy), bandaging 15 min.\nBilled: 97140 x3\n"
    assert minutes(body) == {"97140": 30}


# -- both totals under one key --------------------------------------------------------------------


def test_both_totals_under_one_key_are_read_in_order() -> None:
    body = "Ther ex 23 min. Manual 15 min.\nTimed/total: 38/45 min\nBilled: 97110 x2, 97140 x1\n"
    assert totals(body) == (38, 45)
    assert codes(body) == []


def test_a_session_written_shorter_than_its_timed_minutes_is_inconsistent() -> None:
    body = "Ther ex 23 min. Manual 15 min.\nTimed/total: 38/35 min\nBilled: 97110 x2, 97140 x1\n"
    assert totals(body) == (38, 35)
    assert "TOTAL_TIME_INCONSISTENT" in codes(body)


def test_a_pair_of_numbers_under_another_key_is_no_total() -> None:
    body = "Ther ex 23 min. Sets/reps: 3/10\nBilled: 97110 x2\n"
    assert totals(body) == (None, None)


# -- a title, a dash, the minutes, then a colon and the description --------------------------------


def test_a_titled_line_closing_its_title_with_the_minutes_is_the_services() -> None:
    body = (
        "- Self-care / energy conservation education \u2013 10 min: pacing diary\n"
        "Billed: 97535 x1\n"
    )
    assert minutes(body) == {"97535": 10}


def test_a_dose_in_the_title_keeps_the_minutes_a_dose() -> None:
    body = "Ther ex with bike - 10 min: then squats\nBilled: 97110 x1\n"
    assert "97110" not in minutes(body)


# -- a modality's setting between its name and its minutes -----------------------------------------


def test_a_temperature_between_a_modality_and_its_minutes_is_its_setting() -> None:
    body = "Paraffin 52\u00b0C x 10 min before stretching.\nBilled: 97018 x1\n"
    assert minutes(body) == {"97018": 10}


def test_a_modality_on_a_home_line_is_no_service() -> None:
    body = "HEP: paraffin 52\u00b0C x 10 min daily.\nBilled: 97110 x1\n"
    assert "97018" not in minutes(body)


# -- a line keyed by a service word ----------------------------------------------------------------


def test_a_line_keyed_by_a_service_word_and_closed_by_minutes_is_that_service() -> None:
    body = (
        "Ex: McKenzie EIL 3x10, bird-dog, side plank - 15 mins.\n"
        "Functional: lifting from a box, hip hinge cues - 10 mins.\n"
        "Total timed 25 mins, total treatment 25 mins.\nBilled: 97110 x1, 97530 x1\n"
    )
    assert minutes(body) == {"97110": 15, "97530": 10}
    assert codes(body) == []


def test_a_service_word_that_keys_no_line_names_nothing() -> None:
    body = "Pt reports her ex: no contact since May - 15 mins away.\nBilled: 97110 x1\n"
    assert "97110" not in minutes(body)


def test_a_keyed_line_without_closing_minutes_is_not_read() -> None:
    body = "Ex: bike 10 min, squats 3x10\nBilled: 97110 x1\n"
    assert "97110" not in minutes(body)


# -- a printed table with a minutes column ---------------------------------------------------------


PRINTED = (
    "INTERVENTIONS              MIN   DETAIL\n"
    "Ther ex (97110)            24    UBE 5' fwd/5' bwd; rows 3x15\n"
    "Manual (97140)             11    GH glides gr III-IV\n"
    "Neuro re-ed (97112)        7     rhythmic stabilisation 3x30 s\n"
)


def test_the_number_under_a_printed_minutes_heading_is_the_rows_service() -> None:
    body = PRINTED + "TOTAL TIMED 42   TOTAL TREATMENT 42\n\nBilled: 97110 x2, 97140 x1\n"
    assert minutes(body) == {"97110": 24, "97140": 11, "97112": 7}
    assert codes(body) == []


def test_numbers_under_another_heading_are_not_minutes() -> None:
    body = (
        "EXERCISE                   REPS  DETAIL\n"
        "Ther ex (97110)            24    UBE fwd and bwd\n"
        "Manual (97140)             11    GH glides\n\nBilled: 97110 x2, 97140 x1\n"
    )
    assert minutes(body) == {}


# -- minutes pointing back to the sentence's one service ------------------------------------------


def test_minutes_pointing_back_go_to_the_sentences_one_service() -> None:
    body = (
        "Today I also fabricated a resting hand orthosis, wrist in 30 degrees extension, "
        "that was 25 minutes.\nTimed 25 min, total treatment 25 min.\nBilled: 97760 x2\n"
    )
    assert minutes(body) == {"97760": 25}
    assert codes(body) == []


def test_minutes_pointing_back_to_no_service_are_no_service() -> None:
    body = "Walked to the car and back, that was 5 minutes.\nBilled: 97110 x1\n"
    assert minutes(body) == {}


def test_minutes_pointing_back_to_two_services_go_to_neither() -> None:
    body = "Ther ex and manual, that took 20 minutes.\nBilled: 97110 x1, 97140 x1\n"
    assert minutes(body) == {}


def test_a_home_dose_on_a_line_closed_by_a_code_is_no_service() -> None:
    body = "- walking program 20 min daily at home (97110)\nBilled: 97110 x1\n"
    assert minutes(body) == {}


# -- totals and minutes after charges -------------------------------------------------------------


def test_a_total_after_the_charges_is_the_sessions_total() -> None:
    body = "Plan: OT 3x/week for 6 weeks. 97166 x1, 60 minutes total.\n"
    assert totals(body) == (None, 60)
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_a_total_after_a_named_service_stays_that_services_time() -> None:
    body = "Ther ex: squats, bridges, 15 min total.\nBilled: 97110 x1\n"
    assert totals(body) == (None, None)
    assert minutes(body) == {"97110": 15}


def test_bracketed_minutes_after_a_charges_units_are_its_minutes() -> None:
    body = "ODI 36%.\n97161 x1, 97110 x1 (12 min).\n"
    assert minutes(body) == {"97110": 12}
    assert "TIMED_MINUTES_MISSING" not in codes(body)


def test_a_charge_without_minutes_after_its_units_has_none() -> None:
    body = "ODI 36%.\n97161 x1, 97110 x1 (see flowsheet).\n"
    assert minutes(body) == {}


def test_an_exports_totals_keys_give_both_totals() -> None:
    body = (
        "tx.gait_min=24\ntx.therex_min=15\ntotals.timed_min=39\ntotals.treatment_min=39\n"
        "billed=97116 x2, 97110 x1\n"
    )
    assert totals(body) == (39, 39)


# -- a service whose minutes open the next line -------------------------------------------------


def test_minutes_opening_the_line_below_a_name_are_its_minutes() -> None:
    body = (
        "Today: therapeutic\nexercise 20 min with cues; gait training\n12 min on stairs.\n"
        "Gait training (curbs, cues for step length):\n10 min\n"
        "Timed 42 min, total 42 min.\nBilled: 97110 x1, 97116 x2\n"
    )
    assert minutes(body) == {"97110": 20, "97116": 22}
    assert codes(body) == []


def test_minutes_opening_an_exercise_below_a_name_are_its_dose() -> None:
    body = "Ther ex:\n10 min bike\n3x10 squats\nBilled: 97110 x1\n"
    assert minutes(body) == {}


def test_soft_tissue_work_with_its_minutes_is_manual_therapy() -> None:
    body = (
        "Ther ex 20 min; soft tissue to common extensor 10 min.\n"
        "BILLING 97110 x1, 97140 x1. Total timed minutes: 30. Total treatment time: 30 min.\n"
    )
    assert minutes(body) == {"97110": 20, "97140": 10}
    assert codes(body) == []


def test_soft_tissue_swelling_timed_by_nothing_is_no_service() -> None:
    body = "Soft tissue swelling over the lateral epicondyle.\nBilled: 97110 x1\n"
    assert "97140" not in minutes(body)


# -- totals under an export's double colon ------------------------------------------------------


def test_totals_keyed_with_a_double_colon_are_read() -> None:
    body = "Ther ex :: 20 min\nTimed :: 20 min   Total :: 25 min\nBilled: 97110 x1\n"
    assert totals(body) == (20, 25)
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_a_timed_test_under_a_double_colon_is_no_total() -> None:
    body = "Ther ex :: 20 min\nTimed :: 5 reps in 12 s\nBilled: 97110 x1\n"
    assert totals(body) == (None, None)
