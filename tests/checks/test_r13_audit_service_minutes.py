"""Which number on a treatment line is a service's minutes: a clock range after the
treatment-time key, a duration inside a description that a coded line gives whole, the
equipment a service is done on, words after the minutes that close a line, a modality named by
its agent, stair training. Each reading with a twin that must not be read."""

from __future__ import annotations

from tui.core.checks.billing.records import Billing
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Noor Achterberg\nMRN: 920201\nDate: 2092-02-01\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R knee OA, M17.11\n\n"
)


def billing(body: str) -> Billing:
    return extract_billing(HEADER + body)


def minutes(body: str) -> dict[str, int]:
    """Each code's minutes, added over its mentions, as the audit counts them."""
    found: dict[str, int] = {}
    for fact in billing(body).services:
        found[fact.cpt or ""] = found.get(fact.cpt or "", 0) + (fact.minutes or 0)
    return found


def test_a_clock_range_after_the_treatment_time_key_is_the_session() -> None:
    read = billing("Treatment time 09:05-09:37 (32 min): gait trng 12 min, ther ex 20 min.\n")
    assert read.total_treatment_minutes == 32


def test_a_clock_time_after_the_key_is_never_minutes() -> None:
    read = billing("Tx time 1:15 pm. Ther ex 20 min.\n")
    assert read.total_treatment_minutes != 1


def test_a_duration_inside_a_description_is_part_of_the_coded_minutes() -> None:
    body = (
        "Gait training with a metronome (110 bpm) for 9 min, cues for heel strike.\n"
        "Time: 97116 gait training 14 min; 97110 ther ex 16 min.\n"
        "Total timed 30 min.\n"
    )
    assert minutes(body) == {"97116": 14, "97110": 16}


def test_two_coded_mentions_of_one_code_both_stay() -> None:
    body = (
        "97110 ther ex 20 min: pulleys\n97140 manual 10 min: glides\n"
        "97110 ther ex 6 min: HEP review\nTotal timed 30 min.\n"
    )
    assert minutes(body) == {"97110": 26, "97140": 10}


def test_a_service_done_on_a_treadmill_keeps_its_minutes() -> None:
    assert minutes("Gait trng on TM w/ flexion bias 6' (incline 4%)\n") == {"97116": 6}


def test_a_treadmill_inside_ther_ex_is_a_dose() -> None:
    assert minutes("TherEx 15': TM 6' warm-up, mini squats 3x10\n") == {"97110": 15}


def test_words_after_the_closing_minutes_leave_them_the_service_s() -> None:
    assert minutes("Epley L x3 - 12 min including re-test\n") == {"95992": 12}


def test_a_walk_test_after_a_service_is_no_service_s_minutes() -> None:
    assert "97116" not in minutes("Gait training - 6 min walk test: 286 m with rollator\n")


def test_a_modality_named_by_its_agent_opens_its_line_in_a_list_of_services() -> None:
    assert minutes("Tx:\n Gait 16 min: heel-toe\n Ice R ankle 10 min elevated\n") == {
        "97116": 16,
        "97010": 10,
    }
    assert minutes("- Heat to low back 10 min before manual\n- Manual 12 min\n") == {
        "97010": 10,
        "97140": 12,
    }


def test_an_agent_with_a_frequency_or_as_advice_is_no_service() -> None:
    assert minutes("Ther ex 20 min\nHome:\n Ice 15 min 3x/day after work\n") == {"97110": 20}
    assert minutes("P: HEP, ice 15 min after activity.\n") == {}
    assert minutes("ice 15 min after exercise if swelling\n") == {}


def test_stair_training_is_gait_training() -> None:
    assert minutes("Stair training 9 min (reciprocal, one rail)\n") == {"97116": 9}


def test_a_session_total_named_with_whose_time_it_was_is_the_treatment_total() -> None:
    assert (
        billing(
            "Ther ex 20 min.\nTotal 1:1 time with patient: 30 minutes\n"
        ).total_treatment_minutes
        == 30
    )
    assert billing("Ther ex 20 min.\nVisit length 44 minutes\n").total_treatment_minutes == 44


def test_a_walking_time_is_no_session_total() -> None:
    assert billing("Total walking time 12 min on the track.\n").total_treatment_minutes is None


def test_a_service_named_by_what_was_trained_takes_its_cpt_code() -> None:
    assert minutes("Transfer training 15 min: sliding board\n") == {"97530": 15}
    assert minutes("Wheelchair propulsion training 12 min\n") == {"97542": 12}
    assert minutes("Postural re-education 10 min: midline\n") == {"97112": 10}
    assert minutes("Dressing training 18 min: LB dressing\n") == {"97535": 18}
    assert minutes("Gait tr. 10 min - head turns\n") == {"97116": 10}


def test_a_trained_activity_as_a_home_dose_is_no_service() -> None:
    assert minutes("HEP: posture training 5 min 3x/day\n") == {}


def test_a_part_named_inside_a_header_s_description_is_not_added() -> None:
    assert minutes("Ther act 18 min: transfer training 6 min, floor recovery\n") == {"97530": 18}
    assert minutes("NMR 15 min: balance training 8 min on foam\n") == {"97112": 15}


def test_two_headers_of_one_code_on_two_lines_both_count() -> None:
    assert minutes("Ther ex 10 min: SLR\nTher ex 8 min: bridges after manual\n") == {"97110": 18}


def test_a_modality_s_minutes_may_be_written_with_a_prime_but_never_a_distance() -> None:
    assert minutes("- Gait trng 10'\n- Ice 8' end of session\n") == {"97116": 10, "97010": 8}
    assert minutes("- Gait 10 min\n- Ice pack to knee after walking 150' in the hall\n") == {
        "97116": 10
    }


def test_a_line_keyed_time_spent_gives_each_named_service_its_bare_minutes() -> None:
    assert minutes("Time spent: ther ex 20, manual 10\n") == {"97110": 20, "97140": 10}
    assert minutes("Minutes by service: TE 23, NMR 15\n") == {"97110": 23, "97112": 15}


def test_time_spent_on_activities_that_are_no_service_names_nothing() -> None:
    assert minutes("Time spent: walking 20, reading 10\n") == {}
