"""The day the issue is checked by: a clinic with a FHIR server on 127.0.0.1 and an import
folder signs its notes with the server stopped half-way; after it starts again each note is on
the server exactly once, with the right patient, author, date and hashes, and each PDF is in
the folder. It runs with the real server of the fhir destination's tests (tests/fhir), and is
skipped, saying why, where that server or the fhir kind is not part of the build."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, signer
from tests.ehr.outbox_helpers import WHITFIELD, add_destinations, ready
from tui.core.records.fhir import SHA256_SYSTEM
from tui.core.service import ClinicService

server_module = pytest.importorskip("tests.fhir.server", reason="the FHIR test server is not here")
pytest.importorskip("tui.core.ehr.fhir", reason="the fhir destination kind is not in this build")

pytestmark = pytest.mark.timeout(900)  # a first run installs the server
MRN_SYSTEM = "urn:oid:2.16.840.1.113883.4.999"
DAY = [("480301", "2026-11-09"), ("480302", "2026-11-09"), ("480303", "2026-11-10"),
       ("480304", "2026-11-10")]  # fmt: skip


@pytest.fixture
def fhir(tmp_path: Path) -> Iterator[Any]:
    try:
        command = server_module.install()
    except server_module.ServerUnavailable as exc:
        pytest.skip(f"real FHIR server unavailable: {exc}")
    server = server_module.FhirServer(command, tmp_path / "fhir-server").start()
    yield server
    server.stop()


def note(mrn: str, day: str) -> str:
    text = WHITFIELD.read_text(encoding="utf-8")
    return text.replace("MRN: 480221", f"MRN: {mrn}").replace("Date: 2026-11-02", f"Date: {day}")


def test_a_day_signed_with_the_server_stopped_half_way(
    clinic_dir: Path, tmp_path: Path, fhir: Any
) -> None:
    server = fhir
    folder = tmp_path / "emr-import"
    folder.mkdir()
    add_destinations(
        clinic_dir,
        f'[[ehr]]\nid = "hospital"\nkind = "fhir"\nbase_url = "{server.url}"\n'
        f'patient_identifier_system = "{MRN_SYSTEM}"\n'
        f'[[ehr]]\nid = "emr-import"\nkind = "folder"\npath = "{folder}"\n',
    )
    patients = {
        mrn: server.post(
            {
                "resourceType": "Patient",
                "identifier": [{"system": MRN_SYSTEM, "value": mrn}],
                "name": [{"family": "Whitfield", "given": ["Dana"]}],
            }
        )
        for mrn, _ in DAY
    }
    service = ClinicService.open(clinic_dir)
    signed: list[int] = []
    for index, (mrn, day) in enumerate(DAY):
        if index == 2:
            server.stop()
        draft_id = ready(service, note(mrn, day), name=f"{day}-{mrn}.txt")
        service.approve(draft_id, signer(service), reason="billing reviewed with the office")
        signed.append(draft_id)
        pushed = run_cli("push", "--clinic", str(clinic_dir), "--json")
        assert pushed.returncode == (0 if index < 2 else 1), pushed.stdout + pushed.stderr

    waiting = run_cli("push", "--status", "--clinic", str(clinic_dir), "--json")
    listed = json.loads(waiting.stdout)["deliveries"]
    assert {(d["draft"], d["destination"], d["state"]) for d in listed} == {
        (signed[2], "hospital", "waiting"), (signed[3], "hospital", "waiting")
    }  # fmt: skip

    server.start()
    pushed = run_cli("push", "--clinic", str(clinic_dir), "--json")
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    again = run_cli("push", "--clinic", str(clinic_dir), "--json")
    assert json.loads(again.stdout)["deliveries"] == []

    for draft_id, (mrn, day) in zip(signed, DAY, strict=True):
        approval = service.store.approval(draft_id)
        assert approval is not None
        found = server.search("DocumentReference", f"{SHA256_SYSTEM}|{approval['sha256']}")
        assert len(found) == 1, f"draft {draft_id}: {len(found)} copies on the server"
        resource = found[0]
        assert resource["subject"]["reference"].endswith(f"Patient/{patients[mrn]}")
        assert "Alex Rivera" in json.dumps(resource["author"])
        assert resource["context"]["period"]["start"].startswith(day)
        pdf_path = clinic_dir / next(f for f in approval["files"] if f.endswith(".pdf"))
        pdf = pdf_path.read_bytes()
        [attachment] = [
            c["attachment"] for c in resource["content"]
            if c["attachment"]["contentType"] == "application/pdf"
        ]  # fmt: skip
        assert attachment["hash"] == base64.b64encode(hashlib.sha1(pdf).digest()).decode()
        assert (folder / pdf_path.name).read_bytes() == pdf
    assert len(list(folder.glob("*.pdf"))) == len(DAY)
    states = {(d.destination, d.state) for d in service.store.deliveries()}
    assert states == {("hospital", "sent"), ("emr-import", "sent")}
