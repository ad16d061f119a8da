"""The `fhir` destination against a small fake FHIR server on 127.0.0.1 (real HTTP): what it
sends, and what each kind of failure means (transient or permanent, and the reason)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from pathlib import Path

import pytest

from tests.fakes.fhir_server import FakeFhir, Fault
from tests.fhir.parcels import MRN_SYSTEM, WHITFIELD_MRN, addendum, note, sign
from tui.core.ehr.delivery import DeliveryFailed
from tui.core.ehr.fhir import FhirDestination
from tui.core.ehr.fhir_content import SHA256_EXTENSION
from tui.core.records.fhir import SHA256_SYSTEM
from tui.core.service import ClinicService


def destination(url: str, clinic: Path, **extra: object) -> FhirDestination:
    settings: dict[str, object] = {
        "id": "hospital",
        "kind": "fhir",
        "base_url": url,
        "patient_identifier_system": MRN_SYSTEM,
        **extra,
    }
    return FhirDestination.from_settings(settings, clinic)


def test_a_signed_note_is_filed_with_its_pdf_hashes_and_patient(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    patient = fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    remote = destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)

    stored = fake_fhir.resources["DocumentReference"][remote]
    assert stored["subject"]["reference"] == f"Patient/{patient}"
    assert stored["subject"]["identifier"]["system"] == MRN_SYSTEM
    assert {"system": SHA256_SYSTEM, "value": signed.sha256} in stored["identifier"]
    markdown, pdf = (item["attachment"] for item in stored["content"])
    assert pdf["contentType"] == "application/pdf"
    pdf_bytes = signed.parcel.pdf_path.read_bytes()
    assert base64.b64decode(pdf["data"]) == pdf_bytes
    assert pdf["size"] == len(pdf_bytes)
    assert pdf["hash"] == base64.b64encode(hashlib.sha1(pdf_bytes).digest()).decode()
    sha = {e["url"]: e["valueString"] for e in pdf["extension"]}
    assert sha[SHA256_EXTENSION] == hashlib.sha256(pdf_bytes).hexdigest()
    text = signed.parcel.markdown_path.read_bytes()
    assert base64.b64decode(markdown["data"]) == text
    assert {e["url"]: e["valueString"] for e in markdown["extension"]}[SHA256_EXTENSION] == (
        hashlib.sha256(text).hexdigest()
    )
    assert stored["context"]["period"]["start"] == "2026-11-02"
    assert stored["author"] == [{"display": "Alex Rivera"}]
    create = fake_fhir.creates()[0]
    assert create.headers["If-None-Exist"] == f"identifier={SHA256_SYSTEM}|{signed.sha256}"


def test_a_second_delivery_returns_the_same_id_and_files_nothing(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    target = destination(fake_fhir.url, service.clinic.paths.root)
    first = target.deliver(signed.parcel)
    assert target.deliver(signed.parcel) == first
    assert len(fake_fhir.all("DocumentReference")) == 1
    assert len(fake_fhir.creates()) == 1


def test_a_server_that_finds_it_by_if_none_exist_files_it_once(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    """Two deliveries racing: the second's look-up found nothing, its create is answered with
    the first's resource (200), and that id is returned."""
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    target = destination(fake_fhir.url, service.clinic.paths.root)
    first = target.deliver(signed.parcel)
    empty = {"resourceType": "Bundle", "type": "searchset", "total": 0}
    fake_fhir.fail_next(Fault(status=200, method="GET", body=empty))  # the look-up misses it
    assert target.deliver(signed.parcel) == first
    assert len(fake_fhir.all("DocumentReference")) == 1


def test_an_addendum_links_the_document_it_appends(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    draft_id, original = sign(service, note(), "a.txt")
    later = addendum(service, draft_id, "Late entry: HEP reviewed with patient.")
    target = destination(fake_fhir.url, service.clinic.paths.root)
    original_id = target.deliver(original.parcel)
    stored = fake_fhir.resources["DocumentReference"][target.deliver(later.parcel)]
    relation = stored["relatesTo"][0]
    assert relation["code"] == "appends"
    assert relation["target"]["reference"] == f"DocumentReference/{original_id}"
    assert relation["target"]["identifier"]["value"] == original.sha256
    assert stored["docStatus"] == "amended"


@pytest.mark.parametrize("count", [0, 2])
def test_no_patient_or_two_is_a_permanent_failure_and_nothing_is_created(
    service: ClinicService, fake_fhir: FakeFhir, count: int
) -> None:
    for _ in range(count):
        fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    with pytest.raises(DeliveryFailed) as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert not failed.value.transient
    assert ("no patient" if count == 0 else "2 patients") in failed.value.reason
    assert WHITFIELD_MRN not in failed.value.reason and "Whitfield" not in failed.value.reason
    assert fake_fhir.creates() == []
    assert len(fake_fhir.all("Patient")) == count


@pytest.mark.parametrize(
    ("fault", "transient", "words"),
    [
        (Fault(status=503, diagnostics="maintenance"), True, "HTTP 503: maintenance"),
        (Fault(status=500, diagnostics="boom"), True, "HTTP 500: boom"),
        (Fault(status=429, diagnostics="slow down"), True, "HTTP 429"),
        (Fault(status=422, diagnostics="DocumentReference.type: unknown code"), False,
         "HTTP 422: DocumentReference.type: unknown code"),
        (Fault(status=403, diagnostics="not allowed"), False, "HTTP 403: not allowed"),
        (Fault(status=302, location="http://127.0.0.1:9/elsewhere"), False, "redirect refused"),
        (Fault(drop=True), True, "not reachable"),
    ],
)  # fmt: skip
def test_each_failure_is_classified_by_status_or_type(
    service: ClinicService, fake_fhir: FakeFhir, fault: Fault, transient: bool, words: str
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    fault.method = "POST"
    fake_fhir.fail_next(fault)
    with pytest.raises(DeliveryFailed) as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert failed.value.transient is transient
    assert words in failed.value.reason
    assert failed.value.reason.startswith("hospital: DocumentReference create")
    assert fake_fhir.all("DocumentReference") == []
    assert not [s for s in fake_fhir.seen if "elsewhere" in s.path]


def test_a_server_that_does_not_answer_in_time_is_transient(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    fake_fhir.fail_next(Fault(hang=3.0))
    target = destination(fake_fhir.url, service.clinic.paths.root, timeout_seconds=0.5)
    with pytest.raises(DeliveryFailed) as failed:
        target.deliver(signed.parcel)
    assert failed.value.transient
    assert "no answer in time" in failed.value.reason


def test_a_server_that_is_not_there_is_transient(service: ClinicService) -> None:
    _draft, signed = sign(service, note(), "a.txt")
    with FakeFhir() as gone:
        url = gone.url
    with pytest.raises(DeliveryFailed) as failed:
        destination(url, service.clinic.paths.root).deliver(signed.parcel)
    assert failed.value.transient
    assert "not reachable (ConnectError)" in failed.value.reason


def test_a_missing_pdf_fails_for_good_without_naming_the_file(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    signed.parcel.pdf_path.unlink()
    with pytest.raises(DeliveryFailed) as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert not failed.value.transient
    assert "whitfield" not in failed.value.reason.lower()
    assert fake_fhir.seen == []


def test_a_note_without_mrn_is_never_filed(service: ClinicService, fake_fhir: FakeFhir) -> None:
    text = note().replace(f"MRN: {WHITFIELD_MRN}\n".encode(), b"")
    _draft, signed = sign(service, text, "a.txt")
    with pytest.raises(DeliveryFailed, match="no MRN") as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert not failed.value.transient
    assert fake_fhir.creates() == []


def test_a_skill_the_destination_maps_is_filed_under_its_loinc_code(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    assert signed.parcel.skill == "soap_note"
    target = destination(
        fake_fhir.url, service.clinic.paths.root, document_types={"soap_note": "34109-9"}
    )
    remote = target.deliver(signed.parcel)
    stored = fake_fhir.resources["DocumentReference"][remote]
    assert stored["type"] == {
        "coding": [{"system": "http://loinc.org", "code": "34109-9"}],
        "text": "soap note",
    }


def test_diagnostics_that_repeat_the_note_are_not_kept_in_the_reason(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    """A server that quotes what it was sent: its words are replaced by the issue codes."""
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    _draft, signed = sign(service, note(), "a.txt")
    quoted = "bad text near 'tight in the mornings, pain 4/10'"
    fake_fhir.fail_next(Fault(status=422, diagnostics=quoted, method="POST"))
    with pytest.raises(DeliveryFailed) as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert "mornings" not in failed.value.reason
    assert failed.value.reason == (
        "hospital: DocumentReference create: HTTP 422: processing "
        "(the server's words repeat the document: not shown)"
    )


def test_a_base_url_that_is_no_fhir_server_is_said_so(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    _draft, signed = sign(service, note(), "a.txt")
    fake_fhir.fail_next(Fault(status=200, body={"html": "a web page"}))
    with pytest.raises(DeliveryFailed, match="no FHIR Bundle") as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert not failed.value.transient
    assert fake_fhir.creates() == []


def test_a_server_that_answers_only_the_location_gives_the_id_from_it(
    service: ClinicService, fake_fhir: FakeFhir
) -> None:
    fake_fhir.patient(MRN_SYSTEM, WHITFIELD_MRN)
    fake_fhir.minimal = True
    _draft, signed = sign(service, note(), "a.txt")
    remote = destination(fake_fhir.url, service.clinic.paths.root).deliver(signed.parcel)
    assert list(fake_fhir.resources["DocumentReference"]) == [remote]


@pytest.mark.parametrize(
    "content", [b"not json", b'{"resourceType": "Patient"}', b"[]"], ids=["text", "patient", "list"]
)
def test_a_signed_fhir_file_that_is_no_document_reference_is_not_sent(
    service: ClinicService, fake_fhir: FakeFhir, tmp_path: Path, content: bytes
) -> None:
    _draft, signed = sign(service, note(), "a.txt")
    broken = tmp_path / "broken.fhir.json"
    broken.write_bytes(content)
    parcel = dataclasses.replace(signed.parcel, fhir_path=broken)
    with pytest.raises(DeliveryFailed, match="signed files of draft 1: the FHIR file") as failed:
        destination(fake_fhir.url, service.clinic.paths.root).deliver(parcel)
    assert not failed.value.transient
    assert fake_fhir.seen == []
