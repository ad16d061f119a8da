"""`/` over older drafts finds names whatever their case and accents (issue 15): SQLite's
`lower` and `LIKE` fold ASCII letters only, so "müller" once missed "MÜLLER"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.records.store import fold
from tui.core.review.rules import haystack, matches, query_terms
from tui.core.service import ClinicService

PATIENTS = ("MÜLLER, Hans", "Ærø Jensen", "Zoë Straße", "Ana Moreau", "ÅSA ÖBERG")


def _note(patient: str) -> bytes:
    return (
        f"Patient: {patient}\nDate: 2024-03-05\nVisit: 3\nDiscipline: PT\nPayer: Aetna\n\n"
        "S: Knee pain 3/10.\nO: Flexion 110 deg. 97110 x 25 min.\nA: Better.\nP: Continue.\n"
    ).encode()


@pytest.fixture
def service(clinic_dir: Path) -> Iterator[ClinicService]:
    opened = ClinicService.open(clinic_dir)
    for index, patient in enumerate(PATIENTS):
        path = opened.clinic.paths.inbox / f"n{index}.txt"
        path.write_bytes(_note(patient))
        assert opened.ingest(path).status == "drafted"
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("query", "patients"),
    [
        ("müller", {"MÜLLER, Hans"}),
        ("MULLER", {"MÜLLER, Hans"}),  # accents are optional, as on a phone keyboard
        ("ærø", {"Ærø Jensen"}),
        ("ÆRØ jen", {"Ærø Jensen"}),
        ("strasse", {"Zoë Straße"}),
        ("zoe", {"Zoë Straße"}),
        ("öberg åsa", {"ÅSA ÖBERG"}),
        ("moreau", {"Ana Moreau"}),
        ("müller moreau", set()),
    ],
)
def test_the_store_search_folds_case_and_accents(
    service: ClinicService, query: str, patients: set[str]
) -> None:
    terms = query_terms(query)
    found = service.search_drafts(terms, "2100-01-01")
    assert {entry.patient for entry in found} == patients
    listed = service.queue_entries()
    assert {e.patient for e in listed if matches(haystack(e), terms)} == patients, "app filter"


def test_fold_is_plain_lower_case_for_ascii_and_case_and_accent_free_beyond() -> None:
    assert fold("Ana MOREAU 2024-03-05") == "ana moreau 2024-03-05"
    assert fold("MÜLLER") == fold("müller") == "muller"
    assert fold("Straße") == "strasse"
    assert fold("ÆRØ") == "ærø"
