"""Services named by their technique (canalith repositioning by its maneuver or abbreviation)
and untimed codes named by what was done (dry needling): each read, each with a twin that must
stay quiet."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Ines Valdecasa\nMRN: 850201\nDate: 2085-02-01\nVisit: 3\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R posterior canal BPPV, H81.11\n\n"
    "Vertigo rolling to the R, unable to drive; cues for gaze during head turns.\n"
)


def minutes(body: str) -> dict[str, int]:
    """Each service's minutes as the billing reader reads them."""
    return {f.cpt or "": f.minutes or 0 for f in extract_billing(HEADER + body).services}


def test_a_repositioning_maneuver_named_by_its_technique_is_95992() -> None:
    assert minutes("CRP R x 3 cycles, 12 min.\n")["95992"] == 12
    assert minutes("- BBQ roll toward the L, x2: 10 min\n")["95992"] == 10
    assert minutes("Semont manoeuvre to the R x2 - 9 minutes.\n")["95992"] == 9


def test_an_epley_done_at_home_is_no_service_of_the_visit() -> None:
    found = minutes("Did self-Epley at home 3x/day for 5 min.\nTher ex 24 min: VOR x1.\n")
    assert found == {"97110": 24}


def test_dry_needling_never_counts_toward_the_timed_units() -> None:
    body = (
        "Dry needling R ECRB, ECRL, supinator (3 muscles), no adverse response.\n"
        "Manual therapy 12 min. Ther ex 26 min.\n"
        "Total timed 38 min. Total treatment time 46 min.\n"
        "Billed: 20561 x1, 97140 x1, 97110 x2\n"
    )
    audit = audit_note(note_from_text(HEADER + body))
    assert audit.units_allowed == 3
    assert audit.units_billed == 3
    assert "UNITS_OVER_BILLED" not in {finding.code for finding in audit.findings}


def test_dry_needling_is_one_unit_a_session() -> None:
    body = "Ther ex 15 min.\nTotal timed 15 min. Total treatment time 30 min.\n"
    twice = audit_note(note_from_text(HEADER + body + "Billed: 20560 x2, 97110 x1\n"))
    once = audit_note(note_from_text(HEADER + body + "Billed: 20560 x1, 97110 x1\n"))
    assert "UNTIMED_CODE_MULTIPLE_UNITS" in {finding.code for finding in twice.findings}
    assert "UNTIMED_CODE_MULTIPLE_UNITS" not in {finding.code for finding in once.findings}
