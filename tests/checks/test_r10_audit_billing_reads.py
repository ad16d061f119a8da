"""Billing read from shapes the audit used to misread: minutes in phone shorthand ("TE 17m") in a
note that writes its totals that way, a modality qualified as attended, a service named only to
say when another was done, services outside the old tables (debridement, interferential, a group
class named in Spanish) and a template's unticked boxes. Each reading has a twin that must not be
read that way."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing, extract_facts

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2055-03-02\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: L knee OA, M17.12\n\n"
)
CARE = "Knee pain 3/10 on stairs; step-downs with cues for knee alignment.\n"


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(HEADER + CARE + body)
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


def codes(body: str, care: str = CARE) -> list[str]:
    return sorted(
        finding.code for finding in audit_note(note_from_text(HEADER + care + body)).findings
    )


# -- minutes written "17m" -------------------------------------------------------------------------


SHORTHAND = "TE 17m - step-downs\nMT 9m - patellar glides\ntot timed 26m / tot tx 26m\n"


def test_glued_m_is_minutes_where_the_totals_are_written_so() -> None:
    body = SHORTHAND + "bill 97110x1 97140x1\n"
    billing = extract_billing(HEADER + CARE + body)
    assert minutes(body) == {"97110": 17, "97140": 9}
    assert (billing.total_timed_minutes, billing.total_treatment_minutes) == (26, 26)
    assert codes(body) == []


def test_glued_m_after_a_walk_stays_a_distance_in_a_shorthand_note() -> None:
    body = SHORTHAND.replace("TE 17m", "TE 17m - amb 40m x2") + "bill 97110x1 97140x1\n"
    assert minutes(body) == {"97110": 17, "97140": 9}
    services = [f for f in extract_facts(HEADER + CARE + body) if f.kind == "service"]
    assert 40 not in {fact.minutes for fact in services}


def test_a_home_dose_in_shorthand_is_no_length() -> None:
    body = SHORTHAND + "ice at home 15m after walks\nbill 97110x1 97140x1\n"
    facts = extract_facts(HEADER + CARE + body)
    assert not [f for f in facts if f.value == 15 and f.unit == "m"]


def test_glued_m_is_metres_where_the_totals_are_in_min() -> None:
    body = (
        "Gait training 15 min: walked 60m with a crutch.\nTher ex 20m\n"
        "Total timed 35 min. Total treatment time 35 min.\nBilled: 97116 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97116": 15}


# -- a qualifier before a name ---------------------------------------------------------------------


def test_attended_before_a_modality_is_attended_stimulation() -> None:
    body = (
        "Attended IFC to lumbar paraspinals 12 min, PT adjusting intensity.\n"
        "Total timed 12 min. Total treatment time 12 min.\nBilled: 97032 x1\n"
    )
    assert minutes(body) == {"97032": 12}


def test_unattended_is_not_attended() -> None:
    body = (
        "Unattended e-stim to cervical paraspinals 15 min.\n"
        "Total treatment time 15 min.\nBilled: G0283 x1\n"
    )
    assert minutes(body) == {"G0283": 15}


# -- a service named to say when -------------------------------------------------------------------


def test_a_service_named_after_a_time_word_only_says_when() -> None:
    body = (
        "Eval 40 min; NMR after eval 12 min with cues.\n"
        "Total timed 12 min. Total treatment time 52 min.\nBilled: 97162 x1, 97112 x1\n"
    )
    assert minutes(body) == {"97162": 40, "97112": 12}
    assert "TOTAL_TIME_INCONSISTENT" not in codes(body)


def test_a_service_named_only_after_a_time_word_keeps_its_minutes() -> None:
    body = (
        "Ther ex 18 min (after US 8 min at 1 MHz): eccentric wrist extension.\n"
        "Total timed 26 min. Total treatment time 26 min.\nBilled: 97110 x1, 97035 x1\n"
    )
    assert minutes(body) == {"97110": 18, "97035": 8}


# -- services outside the old tables ---------------------------------------------------------------


def test_debridement_interferential_and_a_spanish_group_class_are_services() -> None:
    body = (
        "Selective debridement of slough, 16 min.\nIFT lumbar 15 min.\n"
        "Terapia de grupo 30 min: core y equilibrio.\n"
        "Total treatment time 61 min.\nBilled: 97597 x1, 97014 x1, 97150 x1\n"
    )
    assert minutes(body) == {"97597": 16, "97014": 15, "97150": 30}


def test_a_planned_debridement_is_no_service() -> None:
    body = "P: repeat debridement next visit.\nTotal treatment time 20 min.\nBilled: 97110 x1\n"
    assert "97597" not in minutes(body)


# -- a template's boxes ----------------------------------------------------------------------------


def test_unticked_boxes_show_no_skilled_care() -> None:
    care = (
        "Pain: 2/10\nSkilled care today: [ ] cues given  [ ] program progressed\n"
        "Ther ex 26 min: bike, clamshells, same program as last visit.\n"
    )
    body = "Total timed 26 min. Total treatment time 26 min.\nBilled: 97110 x2\n"
    assert "SKILLED_JUSTIFICATION_MISSING" in codes(body, care)


def test_ticked_boxes_show_skilled_care() -> None:
    care = (
        "Pain: 2/10\nSkilled care today: [x] cues given  [ ] program progressed\n"
        "Ther ex 26 min: bike, clamshells, same program as last visit.\n"
    )
    body = "Total timed 26 min. Total treatment time 26 min.\nBilled: 97110 x2\n"
    assert "SKILLED_JUSTIFICATION_MISSING" not in codes(body, care)


def test_attended_far_before_a_modality_says_who_came() -> None:
    body = (
        "Pt attended the session with e-stim 15 min to the low back.\n"
        "Total treatment time 15 min.\nBilled: 97014 x1\n"
    )
    assert minutes(body) == {"97014": 15}
