"""Services and totals in layouts the billing readers had not met (issue 12, round 8): a run
of code-first charges with their minutes ("Time: 97110 26 min, 97112 13 min"), minutes in the
bracket after a charge's units, a total written value first with "timed minutes" between, a
grid's column headings beside a service name, minutes whose bracket names their service, and
services named in other words. Each reading has a twin that must not be read that way; where a
finding depends on the reading, the finding is tested too."""

from __future__ import annotations

from tests.checks.test_bill_minutes_shapes import CARE, HEADER, codes, minutes, totals
from tui.core.checks.extract import extract_billing


def billed(body: str) -> dict[str, int]:
    return dict(extract_billing(HEADER + CARE + body).billed)


# -- a run of code-first charges, each with its minutes ------------------------------------------


def test_minutes_after_a_code_in_a_comma_run_are_that_codes() -> None:
    body = (
        "Time: 97110 26 min, 97112 13 min. Total timed 39 min, total tx 39 min.\n"
        "Billed: 97110 x2, 97112 x1\n"
    )
    assert minutes(body) == {"97110": 26, "97112": 13}
    assert codes(body) == []


def test_three_codes_in_a_run_keep_their_own_minutes() -> None:
    body = "Minutes -- 97530 22 min, 97116 9 min, 97110 8 min; total timed 39.\n"
    assert minutes(body) == {"97530": 22, "97116": 9, "97110": 8}


def test_minutes_then_a_code_without_minutes_of_its_own_are_that_codes() -> None:
    # the twin: minutes with no code before them and a code after them that has none
    body = "Step-ups and quad sets with cues, 24 min, 97110. Total timed 24 min.\n"
    assert minutes(body) == {"97110": 24}


# -- minutes in the bracket after a charge -------------------------------------------------------


def test_minutes_closing_a_charges_bracket_are_the_codes() -> None:
    body = (
        "Charges today: 97750 x1 (6MWT and exercise response testing, 20 min); "
        "97110 x1 (HEP progression, 10 min). Timed 30 min; total 30 min.\n"
    )
    assert minutes(body) == {"97750": 20, "97110": 10}


def test_a_dose_inside_a_charges_bracket_is_not_the_codes_time() -> None:
    body = (
        "Ther ex 18 min: UBE warm-up, band rows, cues for scapular setting.\n"
        "Charges: 97110 x1 (UBE 6 min, band rows), 97140 x1 (glides and STM, 10 min). "
        "Timed 28 min; total 28 min.\n"
    )
    assert minutes(body) == {"97110": 18, "97140": 10}
    assert codes(body) == []


# -- totals written value first ------------------------------------------------------------------


def test_a_bare_total_after_timed_minutes_written_value_first_is_the_sessions() -> None:
    body = (
        "Ther ex 25 min; gait training 15 min with cues.\n"
        "Billed 97110 x2, 97116 x1 -- 40 timed minutes, 52 total; 3 units total.\n"
    )
    assert totals(body) == (40, 52)
    assert "TOTAL_TIME_MISSING" not in codes(body)


def test_units_counted_value_first_are_no_total_time() -> None:
    body = "Ther ex 25 min; gait training 15 min with cues.\nBilled 97110 x2, 97116 x1, 3 total.\n"
    assert totals(body)[1] is None


# -- a grid's headings beside a service's name ---------------------------------------------------


def test_minutes_in_a_heading_cell_after_gait_are_no_services() -> None:
    body = (
        "Vitals        seated | after gait | 2 min recovery\n"
        "HR            82     | 104        | 88\n"
        "Gait training 16 min with cues for posture. Ther ex 14 min.\n"
        "Total timed 30 min.\nBilled: 97116 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97116": 16, "97110": 14}
    assert "TOTAL_TIME_INCONSISTENT" not in codes(body)


def test_minutes_closing_their_cell_after_a_service_stay_its_time() -> None:
    body = "Gait training | 12 min\nTotal timed 12 min.\nBilled: 97116 x1\n"
    assert minutes(body) == {"97116": 12}


# -- minutes whose bracket names their service ---------------------------------------------------


def test_minutes_named_by_the_bracket_after_them_are_that_services() -> None:
    body = (
        "Kitchen retraining 18 min (self-care): stove safety, verbal cues for sequencing.\n"
        "Fine motor program review 11 min (ther ex): pegboard, putty pinch.\n"
        "Total timed 29 min.\nBilled: 97535 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97535": 18, "97110": 11}


def test_a_bracket_that_says_more_than_a_name_gives_no_minutes() -> None:
    body = "Seated rest 4 min (between ther ex sets) with pulse check.\n"
    assert minutes(body) == {}


def test_a_dose_before_a_bracketed_name_stays_a_dose() -> None:
    body = "Recumbent bike 8 min (ther ex) for warm-up.\n"
    assert "97110" not in minutes(body)


# -- services named in other words ---------------------------------------------------------------


def test_performance_testing_names_the_physical_performance_test() -> None:
    body = "Physical performance testing 20 min: timed walk and sit-to-stand battery.\n"
    assert minutes(body) == {"97750": 20}


def test_another_testing_names_no_service() -> None:
    body = "Sensation testing 5 min, intact to light touch both feet.\n"
    assert minutes(body) == {}


# -- clauses led by a code that close a sentence ------------------------------------------------


def test_a_code_led_clause_may_close_with_a_full_stop() -> None:
    body = (
        "Tx: 97110 hip mobility and glute strengthening 23 min; 97140 long-axis distraction "
        "7 min. Total timed 30 min; total treatment 30 min.\nBilling: 97110 x2\n"
    )
    assert minutes(body) == {"97110": 23, "97140": 7}
    assert "TOTAL_TIME_INCONSISTENT" not in codes(body)


def test_a_lone_code_clause_closing_on_a_dose_stays_a_dose() -> None:
    body = "97110: recumbent bike 10 min. Then step-ups with cues.\n"
    assert "97110" not in minutes(body)


# -- services named with their minutes after the codes of a billing line ------------------------


def test_minutes_after_another_services_name_are_not_the_last_codes() -> None:
    body = (
        "Billed 97112 x1, 97530 x2 -- balance training 10 min, ther act 24 min. "
        "Total timed 34 min, total treatment 34 min.\n"
    )
    assert minutes(body) == {"97112": 10, "97530": 24}


def test_a_name_billed_under_the_code_leaves_it_the_minutes() -> None:
    body = "Billed: 97140 x1 (scar massage 10 min). Total timed 10 min.\n"
    assert minutes(body) == {"97140": 10}


# -- a times sign before minutes ------------------------------------------------------------------


def test_a_times_sign_before_minutes_counts_no_units() -> None:
    body = "Charges: 97110 x 18 min (1 unit), 97140 x 9 min (1 unit). Timed 27 min, total 27 min.\n"
    assert billed(body) == {"97110": 1, "97140": 1}
    assert minutes(body) == {"97110": 18, "97140": 9}
    assert "UNITS_OVER_BILLED" not in codes(body)


def test_a_times_sign_before_a_bare_count_still_counts_units() -> None:
    body = "Ther ex 30 min. Total timed 30 min.\nCharges: 97110 x 2\n"
    assert billed(body) == {"97110": 2}


def test_primed_minutes_after_a_code_and_its_name_are_that_codes() -> None:
    body = "97530 TherAct 22', 97112 NMR 9'. Timed 31'. Total 31'.\nBilled: 97530 x1, 97112 x1\n"
    assert minutes(body) == {"97530": 22, "97112": 9}


# -- totals under short or bracketed keys ---------------------------------------------------------


def test_both_totals_under_a_bracketed_key() -> None:
    body = "Ther ex 19 min; NMR 12 min.\nMinutes (timed/total): 31/40\nBilled: 97110 x1, 97112 x1\n"
    assert totals(body) == (31, 40)


def test_tx_min_keys_the_sessions_total() -> None:
    body = "Ther ex 27 min.\nTimed min 27; Tx min 35.\nBilled: 97110 x2\n"
    assert totals(body) == (27, 35)


def test_a_bare_timed_after_minutes_takes_the_value_before_it() -> None:
    body = "Ther ex 38 min.\n38 min timed of 45 min session.\nBilled: 97110 x3\n"
    assert totals(body)[0] == 38


def test_a_total_timed_key_after_a_services_minutes_keeps_its_value() -> None:
    body = "Gait 18 min total timed 38 min.\nBilled: 97116 x1, 97110 x2\n"
    assert totals(body)[0] == 38


# -- units after a service's name, its code in brackets ------------------------------------------


def test_units_after_a_name_with_its_code_in_brackets_are_read() -> None:
    body = (
        "Ther ex 24 min; manual 14 min. Total timed 38 min; total treatment 38 min.\n"
        "Billing: ther ex x2 (97110), manual x1 (97140)\n"
    )
    assert billed(body) == {"97110": 2, "97140": 1}
    assert "BILLING_UNREADABLE" not in codes(body)


def test_a_dose_before_a_code_with_its_own_units_is_no_count() -> None:
    body = "Ther ex 24 min. Total timed 24 min.\nBilled: squats 3 x 3 (97110 x2)\n"
    assert billed(body) == {"97110": 2}


# -- a sentence closing on the code it was billed under -----------------------------------------


def test_a_sentence_closing_on_its_billed_code_gives_it_the_minutes() -> None:
    body = (
        "Stair practice with one rail, cues for step-to pattern, 14 min -- billed 97116.\n"
        "Total timed 14 min.\nBilled: 97116 x1\n"
    )
    assert minutes(body) == {"97116": 14}


def test_a_sentence_with_two_minutes_before_its_billed_code_gives_none() -> None:
    body = "Bike 6 min, then stairs 12 min -- billed 97116.\n"
    assert minutes(body) == {}


def test_a_home_dose_before_billed_gives_none() -> None:
    body = "Walk 20 min daily at home, billed 97110.\n"
    assert minutes(body) == {}


# -- minutes whose unit the sentence gave before ------------------------------------------------


def test_another_bare_number_on_a_service_is_minutes_after_minutes() -> None:
    body = (
        "We spent 22 minutes on therapeutic exercise and another 9 on gait training.\n"
        "Total timed 31 min.\nBilled 97110 x1, 97116 x1.\n"
    )
    assert minutes(body) == {"97110": 22, "97116": 9}


def test_a_service_for_a_bare_number_after_minutes_is_minutes() -> None:
    body = "Ther ex for 25 minutes, gait training for 10.\nTotal timed 35 min.\n"
    assert minutes(body) == {"97110": 25, "97116": 10}


def test_a_bare_number_without_minutes_before_it_in_the_sentence_is_no_minutes() -> None:
    body = "Gait training for 10. Ther ex 25 min.\n"
    assert minutes(body) == {"97110": 25}


def test_minutes_after_a_plus_open_a_clause_of_their_own() -> None:
    body = "25 min ther ex + 10 min gait training. Total timed 35 min.\n"
    assert minutes(body) == {"97110": 25, "97116": 10}
