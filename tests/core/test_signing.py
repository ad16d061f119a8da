"""Signing never replaces, strands or misplaces a signed file, whatever else happens."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import sample_notes, signer
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import draft_queued
from tui.core.records.store import Store
from tui.core.service import ClinicService


@pytest.fixture
def service(clinic_dir: Path) -> ClinicService:
    return ClinicService.open(clinic_dir)


def _ready_draft(service: ClinicService, text: str | None = None, name: str = "n.txt") -> int:
    target = service.clinic.paths.inbox / name
    if text is None:
        target.write_bytes(sample_notes()[0].read_bytes())
    else:
        target.write_text(text)
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    draft_queued(service)
    return draft_id


def _signed_files(service: ClinicService) -> list[Path]:
    return sorted(p for p in service.clinic.paths.approved.rglob("*") if p.is_file())


def test_an_existing_file_is_never_replaced_nor_removed(service: ClinicService) -> None:
    draft_id = _ready_draft(service)
    draft = service.draft(draft_id)
    folder = service.clinic.paths.approved / draft.date
    folder.mkdir(parents=True)
    other = folder / f"dana-whitfield-{draft.skill}-{draft.id}.json"
    other.write_text("another session's signed record")
    with pytest.raises(ChartdeskError, match="never replaced"):
        service.approve(draft_id, signer(service))
    assert other.read_text() == "another session's signed record"
    assert _signed_files(service) == [other]
    assert service.draft(draft_id).status == "ready"


def test_a_database_failure_leaves_no_signed_files(
    service: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _ready_draft(service)

    def locked(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "approve", locked)
    with pytest.raises(sqlite3.OperationalError):
        service.approve(draft_id, signer(service))
    assert _signed_files(service) == []
    monkeypatch.undo()
    service.approve(draft_id, signer(service))
    assert len(_signed_files(service)) == 4  # .md, .json, .fhir.json, .pdf


@pytest.mark.parametrize("date", ["../../../escaped", "yesterday", ""])
def test_a_date_that_is_no_date_is_never_signed_nor_a_path(
    service: ClinicService, date: str
) -> None:
    """A record needs its date of service: a header date that cannot be read (or none) stops
    signing until the clinician sets it, and the date never becomes a path."""
    text = (
        f"Patient: Ann Test\nDate: {date}\nDiscipline: PT\n\n- pain 3/10 at rest, walked 20 min\n"
    )
    draft_id = _ready_draft(service, text)
    with pytest.raises(ChartdeskError, match="date of service"):
        service.approve(draft_id, signer(service))
    assert _signed_files(service) == []
    assert service.identify(draft_id, {"date": "11/02/2026"}) == ["date"]
    md = service.approve(draft_id, signer(service))[0]
    assert md.parent.parent == service.clinic.paths.approved
    assert md.parent.name == "2026-11-02"


def test_a_us_date_signs_into_its_iso_folder(service: ClinicService) -> None:
    text = "Patient: Ann Test\nDate: 11/02/2026\n\n- pain 3/10 at rest, walked 20 min\n"
    md = service.approve(_ready_draft(service, text), signer(service))[0]
    assert md.parent.name == "2026-11-02"


def test_addendum_cites_the_signed_document_hash(service: ClinicService) -> None:
    draft_id = _ready_draft(service)
    md = service.approve(draft_id, signer(service))[0]
    from tui.core.records.store import text_sha256

    signed_hash = text_sha256(md.read_text())
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["sha256"] == signed_hash
    addendum = service.add_addendum(draft_id, "Late entry: HEP reviewed.", signer(service))
    assert signed_hash in addendum[0].read_text()


def test_a_us_date_signs_into_its_iso_day(service: ClinicService) -> None:
    """A note dated 11/04/2026 is filed under approved/2026-11-04/ and its FHIR record names
    that day as the period of service."""
    text = sample_notes()[0].read_text().replace("Date: 2026-11-02", "Date: 11/04/2026")
    assert "Date: 11/04/2026" in text
    draft_id = _ready_draft(service, text)
    service.approve(draft_id, signer(service))
    fhir_file = next(p for p in _signed_files(service) if p.name.endswith(".fhir.json"))
    assert fhir_file.parent.name == "2026-11-04"
    resource = json.loads(fhir_file.read_text())
    assert resource["context"]["period"]["start"] == "2026-11-04"
