"""Round 13 review of billing: a part of a service's minutes is only named inside its header's
own clause or bracket, a repeated header line reads each header once, and a line opened by a
modality's agent that gives advice for home or names a symptom is no service."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Ines Valbuena\nMRN: 920305\nDate: 2092-03-05\nVisit: 6\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R knee OA, M17.11\n\n"
)


def minutes(body: str) -> dict[str, int]:
    """Each code's minutes, added over its mentions, as the audit counts them."""
    found: dict[str, int] = {}
    for fact in extract_billing(HEADER + body).services:
        found[fact.cpt or ""] = found.get(fact.cpt or "", 0) + (fact.minutes or 0)
    return found


def test_a_mention_after_the_header_s_bracket_closes_is_a_service() -> None:
    body = "Ther ex 20 min (AM session); ther ex 10 min (PM session). 97110 x2\n"
    assert minutes(body) == {"97110": 30}


def test_a_mention_after_other_services_on_the_line_is_a_service() -> None:
    body = (
        "Ther ex 15 min (bike, TB rows), manual 10 min, ther ex 8 min (HEP review). "
        "Total timed 33 min.\n"
    )
    assert minutes(body) == {"97110": 23, "97140": 10}


def test_a_mention_in_the_next_sentence_after_a_coded_bracket_is_a_service() -> None:
    body = (
        "Gait training 15 min (97116). Gait training 10 min on stairs. Ther ex 10 min. "
        "Total timed 35 min.\n"
    )
    assert minutes(body) == {"97116": 25, "97110": 10}


def test_a_part_inside_the_header_s_clause_stays_part_without_a_total() -> None:
    assert minutes("Ther act 18 min: transfer training 6 min, floor recovery\n") == {"97530": 18}
    assert minutes("NMR 15 min: balance training 8 min on foam\n") == {"97112": 15}


def test_a_stated_total_decides_whether_a_mention_in_the_clause_is_a_part() -> None:
    part = "Ther act 18 min: transfer training 6 min, floor recovery. Total timed 18 min.\n"
    added = "Ther act 18 min: transfer training 6 min, floor recovery. Total timed 24 min.\n"
    assert minutes(part) == {"97530": 18}
    assert minutes(added) == {"97530": 24}


def test_a_header_line_said_again_reads_each_header_once() -> None:
    line = "Ther act 18 min: transfer training 6 min, car transfer 12 min. "
    assert minutes(line * 3 + "\n") == {"97530": 54}


def test_a_modality_for_home_or_on_a_condition_is_no_service() -> None:
    for advice in (
        "Heat 15 min 2-3x/day at home.",
        "Ice to R knee 10 min after HEP if sore",
        "Cold intolerance noted R hand x 10 min exposure",
    ):
        assert minutes(f"Ther ex 10 min\n{advice}\nManual 10 min\n") == {"97110": 10, "97140": 10}


def test_a_modality_given_in_the_session_keeps_its_minutes() -> None:
    body = "Ther ex 10 min\nIce R ankle 10 min elevated\nManual 10 min\n"
    assert minutes(body) == {"97110": 10, "97010": 10, "97140": 10}
