"""Signing never replaces, strands or misplaces a signed file, whatever else happens."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import sample_notes, signer
from tests.core.conftest import drafted, signed_files
from tui.core.errors import ChartdeskError
from tui.core.records.store import Store
from tui.core.service import ClinicService


def test_an_existing_file_is_never_replaced_nor_removed(service: ClinicService) -> None:
    draft_id = drafted(service)
    draft = service.draft(draft_id)
    folder = service.clinic.paths.approved / draft.date
    folder.mkdir(parents=True)
    other = folder / f"dana-whitfield-{draft.skill}-{draft.id}.json"
    other.write_text("another session's signed record")
    with pytest.raises(ChartdeskError, match="never replaced"):
        service.approve(draft_id, signer(service))
    assert other.read_text() == "another session's signed record"
    assert signed_files(service) == [other]
    assert service.draft(draft_id).status == "ready"


def test_a_database_failure_leaves_nosigned_files(
    service: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = drafted(service)

    def locked(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "approve", locked)
    with pytest.raises(sqlite3.OperationalError):
        service.approve(draft_id, signer(service))
    assert signed_files(service) == []
    monkeypatch.undo()
    service.approve(draft_id, signer(service))
    assert len(signed_files(service)) == 4  # .md, .json, .fhir.json, .pdf


@pytest.mark.parametrize("date", ["../../../escaped", "yesterday", ""])
def test_a_date_that_is_no_date_is_never_signed_nor_a_path(
    service: ClinicService, date: str
) -> None:
    """A record needs its date of service: a header date that cannot be read (or none) stops
    signing until the clinician sets it, and the date never becomes a path."""
    text = (
        f"Patient: Ann Test\nDate: {date}\nDiscipline: PT\n\n- pain 3/10 at rest, walked 20 min\n"
    )
    draft_id = drafted(service, text)
    with pytest.raises(ChartdeskError, match="date of service"):
        service.approve(draft_id, signer(service))
    assert signed_files(service) == []
    assert service.identify(draft_id, {"date": "11/02/2026"}) == ["date"]
    md = service.approve(draft_id, signer(service))[0]
    assert md.parent.parent == service.clinic.paths.approved
    assert md.parent.name == "2026-11-02"


def test_a_us_date_signs_into_its_iso_folder(service: ClinicService) -> None:
    text = "Patient: Ann Test\nDate: 11/02/2026\n\n- pain 3/10 at rest, walked 20 min\n"
    md = service.approve(drafted(service, text), signer(service))[0]
    assert md.parent.name == "2026-11-02"


def test_addendum_cites_the_signed_document_hash(service: ClinicService) -> None:
    draft_id = drafted(service)
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
    draft_id = drafted(service, text)
    service.approve(draft_id, signer(service))
    fhir_file = next(p for p in signed_files(service) if p.name.endswith(".fhir.json"))
    assert fhir_file.parent.name == "2026-11-04"
    resource = json.loads(fhir_file.read_text())
    assert resource["context"]["period"]["start"] == "2026-11-04"


def test_the_signature_line_reads_the_clinicians_clock_to_the_minute(
    service: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the stored "2026-12-05T13:39:58.123+00:00": the local time, as versions show it."""
    draft_id = drafted(service)
    service.approve(draft_id, signer(service))
    approval = service.store.approval(draft_id)
    assert approval is not None
    monkeypatch.setenv("TZ", "CST+6")  # a POSIX rule: no time zone database needed
    time.tzset()
    try:
        line = service.signature_line(draft_id)
    finally:
        monkeypatch.undo()
        time.tzset()
    local = datetime.fromisoformat(approval["signed_at"]).astimezone(timezone(timedelta(hours=-6)))
    assert line == f"Signed by Alex Rivera, PT, DPT on {local:%Y-%m-%d %H:%M}"
