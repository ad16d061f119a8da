"""Round 22, heldout33's audit: the episode's fields written bare in a header's segments (a
payer named without a key, "no progress report since" the evaluation, an OCR-slipped visit
number), a timed total written value first with the session's total after it, and a program
done "as previously instructed" (no care given today). Each shape with its near-miss twin, and
each reader linear in a long line (CPU time)."""

from __future__ import annotations

import time

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.intake.header_segments import segment_fields

KEYS = {
    "payer": "payer",
    "insurance": "payer",
    "visit": "visit",
    "last progress report": "last_progress_report",
}
PER_CODE = AuditRules(payer_rules={"bluecross": "per_code", "aetna": "per_code"})


def _fields(header: str) -> dict[str, str]:
    return segment_fields(header + "\n\nS: fine.\n", KEYS)


def _codes(text: str, rules: AuditRules | None = None) -> set[str]:
    return {finding.code for finding in audit_note(note_from_text(text), rules).findings}


def test_a_payer_named_bare_between_the_headers_fields_is_the_payer() -> None:
    assert _fields("Lee Ames · 01/05/2150 · Blue Cross PPO · visit 6")["payer"] == "Blue Cross PPO"
    assert _fields("KNEE CHECK        Aetna (commercial)")["payer"] == "Aetna (commercial)"


def test_a_keyed_payer_wins_and_a_segment_of_other_words_names_none() -> None:
    assert _fields("Medicare Part B | Payer: Aetna | visit 3")["payer"] == "Aetna"
    assert "payer" not in _fields("Referred by Dr Aetnason | visit 3")


SESSION = (
    "Ther ex 97110 9 min; manual 97140 9 min; ther act 97530 9 min.\n"
    "Timed 27, session 27.\nBilled 97110 x1, 97140 x1, 97530 x1\n"
)


def test_the_bare_payers_rule_decides_the_units() -> None:
    bluecross = "Ann Roe | 01/05/2150 | BlueCross PPO | visit 6\n\nPain 2/10.\n" + SESSION
    medicare = bluecross.replace("BlueCross PPO", "Medicare Part B")
    assert "UNITS_OVER_BILLED" not in _codes(bluecross, PER_CODE)
    assert "UNITS_OVER_BILLED" in _codes(medicare, PER_CODE)


def test_no_report_since_the_evaluation_makes_it_the_last_report() -> None:
    said = _fields("Payer: Medicare   Treatment day 11 (PT eval 02/17/2142 = day 1; no PN since)")
    assert said["last_progress_report"] == "visit 1 (evaluation)"
    at = _fields(
        "Payer: Medicare   Visit 12 (initial evaluation at visit 3, no progress notes yet)"
    )
    assert at["last_progress_report"] == "visit 3 (evaluation)"


def test_no_report_since_a_re_evaluation_is_not_defaulted() -> None:
    said = _fields(
        "Payer: Medicare   Visit 14 (re-evaluation at visit 10; no progress notes since)"
    )
    assert "last_progress_report" not in said


def test_an_ocr_slipped_visit_number_is_read_and_a_numeral_is_not() -> None:
    assert _fields("Payer: Medicare     Visit l0   (eval = visit l; no PN since)") == {
        "payer": "Medicare",
        "visit": "10",
        "last_progress_report": "visit 1 (evaluation)",
    }
    assert "visit" not in _fields("Payer: Medicare     Visit I   Room 4")


def _totals(line: str) -> tuple[int | None, int | None]:
    billing = extract_billing("97112 NM re-ed 30 min\n97530 ther act 10 min\n" + line + "\n")
    return billing.stated_timed_minutes, billing.stated_treatment_minutes


def test_a_value_first_timed_total_and_the_session_after_it() -> None:
    assert _totals("Total 40 min timed = session.") == (40, 40)
    assert _totals("Total 40' timed, session 52'.") == (40, 52)
    assert _totals("Total timed was 40 minutes, which was also the whole session.") == (40, 40)


def test_a_timed_total_with_no_session_after_it_leaves_the_treatment_unstated() -> None:
    assert _totals("Total 40 min timed. Session goals reviewed.") == (40, None)


TEMPLATE = (
    "Patient: Ann Roe\nDate: 01/05/2150\nPayer: Medicare\nVisit: 6\n\n"
    "Subjective: No change.\nObjective: Pt performed exercises as previously instructed.\n"
    "97110 ther ex 30 min. Total timed 30 min, total treatment 30 min. Billed 97110 x2.\n"
)


def test_a_program_done_as_previously_instructed_shows_no_skilled_care() -> None:
    assert "SKILLED_JUSTIFICATION_MISSING" in _codes(TEMPLATE)
    today = TEMPLATE.replace(
        "performed exercises as previously instructed", "instructed in new eccentric progression"
    )
    assert "SKILLED_JUSTIFICATION_MISSING" not in _codes(today)


def test_a_segmented_headers_last_report_is_no_care_given() -> None:
    header = (
        "Ann Roe | 01/05/2150 | Payer: Medicare | Visit 6 | "
        "Last progress report: visit 1 (eval)\n\n"
    )
    body = (
        "S: Nothing new.\nO: Circuit per prior instruction.\n97110 32 min. "
        "Total timed 32 min, total treatment 32 min. Billed 97110 x2.\n"
    )
    assert "SKILLED_JUSTIFICATION_MISSING" in _codes(header + body)


def _cpu(work: object) -> float:
    started = time.process_time()
    assert callable(work)
    work()
    return time.process_time() - started


def test_a_long_header_line_and_a_long_totals_line_read_in_linear_time() -> None:
    header = "Payer: Medicare | Visit 3 (eval = visit 1 " + "x " * 20_000 + "; no PN since)"
    totals = "Total 40 min timed, " + "session " * 5_000
    assert _cpu(lambda: _fields(header)) < 0.5
    assert _cpu(lambda: _totals(totals)) < 0.5


def _roms(text: str) -> list[tuple[float | str, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text, ()) if fact.kind == "rom"]


def test_a_motion_after_in_or_at_is_the_limbs_position_not_the_motion() -> None:
    assert _roms("PROM L ER in adduction 55°.\n") == [(55, "L ER PROM")]
    assert _roms("Hip ER in flexion 40°\n") == [(40, "hip ER")]
    assert _roms("Shoulder abduction in ER 150°\n") == [(150, "shoulder abduction")]


def test_a_motion_after_in_with_no_motion_before_is_the_motion() -> None:
    assert _roms("Knee flexion in sitting 120°\n") == [(120, "knee flexion")]
    assert [label for _, label in _roms("Decrease in flexion 10° since eval.\n")] == ["flexion"]


SIDED = (
    "S: fine.\n"
    "O  Knee ROM        R            L\n"
    "   extension       0°           +3° (hyperext)\n"
    "   flexion         135°         142°\n"
)


def test_a_soap_letter_opening_a_heading_of_sides_is_no_column() -> None:
    assert ("R flexion" in [label for _, label in _roms(SIDED)]) and (
        "L flexion" in [label for _, label in _roms(SIDED)]
    )
    assert (0, "R extension") in _roms(SIDED)


def test_twin_a_heading_without_sides_gives_no_side() -> None:
    plain = SIDED.replace("R            L", "now          eval")
    assert all(not label.startswith(("R ", "L ")) for _, label in _roms(plain))
