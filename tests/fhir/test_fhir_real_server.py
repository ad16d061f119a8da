"""Signed documents filed on a real FHIR R4 server (SEKMET, started by the tests on 127.0.0.1;
see tests/fhir/server.py), read back by identifier with their attachment hashes checked."""

from __future__ import annotations

import base64
import hashlib
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.fhir.conftest import write_key
from tests.fhir.parcels import MRN_SYSTEM, Signed, addendum, cosign, note, sign
from tests.fhir.server import FhirServer
from tui.core.ehr.delivery import DeliveryFailed
from tui.core.ehr.fhir import FhirDestination
from tui.core.ehr.fhir_content import SHA256_EXTENSION
from tui.core.ehr.fhir_http import FhirSession
from tui.core.records.fhir import SHA256_SYSTEM
from tui.core.service import ClinicService

pytestmark = pytest.mark.timeout(900)  # a first run installs the server (about 80 s)


def destination(server: FhirServer, clinic: Path, **extra: object) -> FhirDestination:
    settings: dict[str, object] = {
        "id": "hospital",
        "kind": "fhir",
        "base_url": server.url,
        "patient_identifier_system": MRN_SYSTEM,
        **extra,
    }
    return FhirDestination.from_settings(settings, clinic)


def register(server: FhirServer, mrn: str) -> str:
    return server.post(
        {
            "resourceType": "Patient",
            "identifier": [{"system": MRN_SYSTEM, "value": mrn}],
            "name": [{"family": "Whitfield", "given": ["Dana"]}],
        }
    )


def on_server(server: FhirServer, signed: Signed) -> dict[str, Any]:
    """The one DocumentReference the server holds under the document's identifier."""
    found = server.search("DocumentReference", f"{SHA256_SYSTEM}|{signed.sha256}")
    assert len(found) == 1, f"{len(found)} copies on the server"
    return found[0]


def check_attachments(resource: dict[str, Any], signed: Signed) -> None:
    """Both attachments are the signed files, byte for byte, with the right SHA-1 and SHA-256."""
    files = {
        "text/markdown; charset=utf-8": signed.parcel.markdown_path.read_bytes(),
        "application/pdf": signed.parcel.pdf_path.read_bytes(),
    }
    attachments = [item["attachment"] for item in resource["content"]]
    assert sorted(a["contentType"] for a in attachments) == sorted(files)
    for attachment in attachments:
        data = files[attachment["contentType"]]
        assert base64.b64decode(attachment["data"]) == data
        assert attachment["size"] == len(data)
        assert attachment["hash"] == base64.b64encode(hashlib.sha1(data).digest()).decode()
        sha256 = {e["url"]: e["valueString"] for e in attachment["extension"]}
        assert sha256[SHA256_EXTENSION] == hashlib.sha256(data).hexdigest()
    assert signed.sha256 == hashlib.sha256(files["text/markdown; charset=utf-8"]).hexdigest()


def test_a_note_its_addendum_and_a_cosigned_note_are_filed_once_each(
    service: ClinicService, real_fhir: FhirServer
) -> None:
    patient = register(real_fhir, "480221")
    target = destination(real_fhir, service.clinic.paths.root)
    draft_id, signed = sign(service, note("480221"), "a.txt")
    later = addendum(service, draft_id, "Late entry: HEP reviewed with patient.")
    assistant_draft, by_assistant = sign(service, note("480221", "2026-11-03"), "b.txt", "spatel")
    cosigned = cosign(service, assistant_draft)

    ids = {}
    for name, parcel in [
        ("note", signed),
        ("addendum", later),
        ("assistant", by_assistant),
        ("cosigned", cosigned),
    ]:
        ids[name] = target.deliver(parcel.parcel)
        resource = on_server(real_fhir, parcel)
        assert resource["id"] == ids[name]
        assert resource["subject"]["reference"].endswith(f"Patient/{patient}")
        check_attachments(resource, parcel)

    note_resource = real_fhir.get(f"/DocumentReference/{ids['note']}")
    assert note_resource["docStatus"] == "final"
    assert note_resource["author"] == [{"display": "Alex Rivera"}]
    assert note_resource["authenticator"]["display"].startswith("Alex Rivera")
    assert note_resource["context"]["period"]["start"] == "2026-11-02"

    appended = on_server(real_fhir, later)
    assert appended["docStatus"] == "amended"
    assert appended["relatesTo"][0]["code"] == "appends"
    assert appended["relatesTo"][0]["target"]["reference"].endswith(
        f"DocumentReference/{ids['note']}"
    )

    assert on_server(real_fhir, by_assistant)["docStatus"] == "preliminary"
    both = on_server(real_fhir, cosigned)
    assert [a["display"] for a in both["author"]] == ["Sam Patel", "Alex Rivera"]
    assert both["relatesTo"][0]["code"] == "signs"
    assert both["relatesTo"][0]["target"]["reference"].endswith(
        f"DocumentReference/{ids['assistant']}"
    )
    assert both["context"]["period"]["start"] == "2026-11-03"


def test_a_retry_after_a_crash_before_recording_files_nothing_twice(
    service: ClinicService, real_fhir: FhirServer
) -> None:
    """The outbox crashed after the server filed the note but before it recorded the remote
    id: the next delivery of the same parcel finds it and answers the same id."""
    register(real_fhir, "480222")
    _draft, signed = sign(service, note("480222"), "a.txt")
    first = destination(real_fhir, service.clinic.paths.root).deliver(signed.parcel)
    again = destination(real_fhir, service.clinic.paths.root).deliver(signed.parcel)
    assert again == first
    assert on_server(real_fhir, signed)["id"] == first


def test_the_conditional_create_alone_keeps_one_copy(
    service: ClinicService, real_fhir: FhirServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two deliveries that both looked before either filed: the server's If-None-Exist keeps
    one copy and both return its id."""
    register(real_fhir, "480223")
    _draft, signed = sign(service, note("480223"), "a.txt")
    target = destination(real_fhir, service.clinic.paths.root)
    first = target.deliver(signed.parcel)
    looked_up = FhirSession.search
    blinded: list[tuple[str, str]] = []

    def blind_first_look(
        session: FhirSession, resource_type: str, identifier: tuple[str, str]
    ) -> list[str]:
        if resource_type == "DocumentReference" and not blinded:
            blinded.append(identifier)
            return []
        return looked_up(session, resource_type, identifier)

    monkeypatch.setattr(FhirSession, "search", blind_first_look)
    assert target.deliver(signed.parcel) == first
    assert on_server(real_fhir, signed)["id"] == first


@pytest.mark.parametrize("count", [0, 2])
def test_a_patient_not_found_or_found_twice_is_never_guessed(
    service: ClinicService, real_fhir: FhirServer, count: int
) -> None:
    mrn = f"48023{count}"
    for _ in range(count):
        register(real_fhir, mrn)
    _draft, signed = sign(service, note(mrn), "a.txt")
    with pytest.raises(DeliveryFailed) as failed:
        destination(real_fhir, service.clinic.paths.root).deliver(signed.parcel)
    assert not failed.value.transient
    assert ("no patient" if count == 0 else "2 patients") in failed.value.reason
    assert real_fhir.search("DocumentReference", f"{SHA256_SYSTEM}|{signed.sha256}") == []
    assert len(real_fhir.search("Patient", f"{MRN_SYSTEM}|{mrn}")) == count


def test_a_server_down_then_back(service: ClinicService, own_fhir: FhirServer) -> None:
    """Stopped: a transient failure. Started again (same data): delivered, once."""
    own_fhir.start()
    register(own_fhir, "480240")
    own_fhir.stop()
    _draft, signed = sign(service, note("480240"), "a.txt")
    target = destination(own_fhir, service.clinic.paths.root)
    with pytest.raises(DeliveryFailed) as failed:
        target.deliver(signed.parcel)
    assert failed.value.transient
    own_fhir.start()
    remote = target.deliver(signed.parcel)
    assert on_server(own_fhir, signed)["id"] == remote
    check_attachments(on_server(own_fhir, signed), signed)


def test_smart_backend_services_against_the_servers_token_endpoint(
    service: ClinicService, sekmet_command: Path, tmp_path: Path
) -> None:
    """The server requires SMART tokens; chartdesk gets one with its signed assertion (the
    server checks it with the registered public key) and files the note. Without credentials
    it is refused; with the server's static bearer token in a file, filed."""
    keys = tmp_path / "keys"
    keys.mkdir()
    private, public = write_key(keys, "rsa")
    server = FhirServer(sekmet_command, tmp_path / "smart", {"chartdesk": public}).start()
    try:
        register(server, "480250")
        _draft, signed = sign(service, note("480250"), "a.txt")
        settings = {"auth": "smart", "client_id": "chartdesk", "key_file": str(private)}
        target = destination(
            server, service.clinic.paths.root, token_url=server.token_url, **settings
        )
        remote = target.deliver(signed.parcel)
        assert on_server(server, signed)["id"] == remote
        anonymous = destination(server, service.clinic.paths.root)
        with pytest.raises(DeliveryFailed, match="HTTP 401") as failed:
            anonymous.deliver(signed.parcel)
        assert not failed.value.transient
        token = keys / "ehr.token"
        token.write_text(server.admin_token + "\n")
        token.chmod(0o600)
        _draft, other = sign(service, note("480250", "2026-11-04"), "b.txt")
        by_bearer = destination(
            server, service.clinic.paths.root, auth="bearer", token_file=str(token)
        )
        assert by_bearer.deliver(other.parcel) == on_server(server, other)["id"]
    finally:
        server.stop()


def test_a_process_killed_after_filing_before_recording_leaves_one_copy(
    service: ClinicService, real_fhir: FhirServer, tmp_path: Path
) -> None:
    """A real crash: a process delivers and is killed (SIGKILL) before it could record the
    remote id; the delivery done again afterwards answers the same id, one copy on the server."""
    register(real_fhir, "480260")
    _draft, signed = sign(service, note("480260"), "a.txt")
    parcel = signed.parcel
    script = tmp_path / "deliver_then_hang.py"
    script.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tui.core.ehr.delivery import Parcel\n"
        "from tui.core.ehr.fhir import FhirDestination\n"
        f"parcel = Parcel({parcel.draft_id}, {parcel.identifier!r}, {parcel.skill!r}, "
        f"{parcel.discipline!r}, {parcel.payer!r}, Path({str(parcel.markdown_path)!r}), "
        f"Path({str(parcel.record_path)!r}), Path({str(parcel.fhir_path)!r}), "
        f"Path({str(parcel.pdf_path)!r}))\n"
        f"settings = {{'id': 'hospital', 'base_url': {real_fhir.url!r}, "
        f"'patient_identifier_system': {MRN_SYSTEM!r}}}\n"
        "FhirDestination.from_settings(settings, Path('.')).deliver(parcel)\n"
        "print('filed', flush=True)\n"
        "time.sleep(600)  # the outbox would record the remote id here\n"
    )
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "filed"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    filed = on_server(real_fhir, signed)["id"]
    assert destination(real_fhir, service.clinic.paths.root).deliver(parcel) == filed
    assert on_server(real_fhir, signed)["id"] == filed
