"""`chartdesk push`, `push --status`, `queue --json` deliveries, and `[[ehr]]` validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.ehr.outbox_helpers import add_destinations, folder_destination, signed
from tui.core.service import ClinicService


def test_push_delivers_reports_and_exits_by_outcome(clinic_dir: Path, tmp_path: Path) -> None:
    good, missing = tmp_path / "import", tmp_path / "unmounted"
    good.mkdir()
    folder_destination(clinic_dir, good)
    add_destinations(clinic_dir, f'[[ehr]]\nid = "share"\nkind = "folder"\npath = "{missing}"\n')
    service = ClinicService.open(clinic_dir)
    draft_id = signed(service)

    status = run_cli("push", "--status", "--clinic", str(clinic_dir), "--json")
    assert status.returncode == 0, status.stderr
    listed = json.loads(status.stdout)["deliveries"]
    assert {(d["draft"], d["destination"], d["state"]) for d in listed} == {
        (draft_id, "emr-import", "waiting"), (draft_id, "share", "waiting")
    }  # fmt: skip
    assert not list(good.iterdir()), "--status sends nothing"

    pushed = run_cli("push", "--clinic", str(clinic_dir), "--json")
    assert pushed.returncode == 1, "a delivery did not go"
    rows = {d["destination"]: d for d in json.loads(pushed.stdout)["deliveries"]}
    assert rows["emr-import"]["state"] == "sent" and rows["emr-import"]["remote_id"]
    assert rows["share"]["state"] == "waiting" and "not mounted" in rows["share"]["reason"]

    queue = json.loads(run_cli("queue", "--clinic", str(clinic_dir), "--json").stdout)
    [entry] = [d for d in queue["drafts"] if d["id"] == draft_id]
    by_destination = {d["destination"]: d for d in entry["deliveries"]}
    assert by_destination["emr-import"]["state"] == "sent"
    assert by_destination["emr-import"]["remote_id"] == rows["emr-import"]["remote_id"]
    assert by_destination["share"]["state"] == "waiting"
    assert set(by_destination["share"]) == {"destination", "state", "reason", "remote_id"}

    missing.mkdir()
    again = run_cli("push", "--clinic", str(clinic_dir))
    assert again.returncode == 0, "push ignores the backoff: a manual retry goes now"
    assert "share" in again.stdout and "sent" in again.stdout
    status = run_cli("push", "--status", "--clinic", str(clinic_dir))
    assert status.returncode == 0 and "Nothing waits or failed." in status.stdout


def test_push_status_exits_1_while_a_delivery_has_failed(clinic_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    folder_destination(clinic_dir, folder, 'file_name = "{date}"\n')
    (folder / "2026-11-02.pdf").write_bytes(b"taken")
    signed(ClinicService.open(clinic_dir))
    assert run_cli("push", "--clinic", str(clinic_dir)).returncode == 1
    status = run_cli("push", "--status", "--clinic", str(clinic_dir))
    assert status.returncode == 1 and "failed" in status.stdout and "other content" in status.stdout
    draft_id = json.loads(run_cli("push", "--status", "--clinic", str(clinic_dir), "--json")
                          .stdout)["deliveries"][0]["draft"]  # fmt: skip
    assert run_cli("push", "--clinic", str(clinic_dir)).returncode == 0, "failed stays failed"
    (folder / "2026-11-02.pdf").unlink()
    retried = run_cli("push", "--retry", str(draft_id), "--clinic", str(clinic_dir), "--json")
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout)["deliveries"][0]["state"] == "sent"
    nothing = run_cli("push", "--retry", str(draft_id), "--clinic", str(clinic_dir))
    assert nothing.returncode == 2 and "no failed delivery" in nothing.stderr


def test_push_on_a_bad_clinic_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli("push", "--clinic", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('kind = "fhir"\nbase_url = "http://fhir.example.org/r4"\n'
         'patient_identifier_system = "x"\nauth = "bearer"\ntoken_file = "t"\n',
         "ehr[0].base_url: must be https://"),
        ('kind = "fhir"\nbase_url = "https://fhir.example.org/r4"\n'
         'patient_identifier_system = "x"\n', 'ehr[0].auth: auth = "none" is for a test server'),
        ('kind = "fhir"\nbase_url = "https://fhir.example.org/r4"\n'
         'patient_identifier_system = "x"\nauth = "smart"\nclient_id = "c"\n',
         'ehr[0].key_file: auth = "smart" needs key_file'),
        ('kind = "fhir"\nbase_url = "https://fhir.example.org/r4"\nauth = "bearer"\n'
         'token_file = "t"\n', "ehr[0].patient_identifier_system"),
        ('kind = "folder"\n', "ehr[0].path: a folder destination needs path"),
        ('kind = "folder"\npath = "x"\nfile_name = "{patient_name}"\n',
         "ehr[0].file_name: unknown field {patient_name}"),
        ('kind = "ftp"\n', "must be one of fhir, folder"),
        ('kind = "folder"\npath = "x"\nskill = ["soap_note"]\n', "skill"),
    ],
)  # fmt: skip
def test_a_bad_destination_is_one_clear_line(clinic_dir: Path, entry: str, message: str) -> None:
    add_destinations(clinic_dir, f'[[ehr]]\nid = "dest"\n{entry}')
    check = run_cli("skills", "check", "--clinic", str(clinic_dir))
    assert check.returncode == 2 and message in check.stderr, check.stderr
    assert "context.toml:" in check.stderr and "Traceback" not in check.stderr
    opened = run_cli("push", "--clinic", str(clinic_dir))
    assert opened.returncode == 2 and message in opened.stderr


def test_loopback_fhir_without_auth_and_duplicate_ids(clinic_dir: Path) -> None:
    add_destinations(
        clinic_dir,
        '[[ehr]]\nid = "test"\nkind = "fhir"\nbase_url = "http://127.0.0.1:8080/fhir"\n'
        'patient_identifier_system = "urn:mrn"\n',
    )
    assert run_cli("skills", "check", "--clinic", str(clinic_dir)).returncode == 0
    add_destinations(clinic_dir, '[[ehr]]\nid = "test"\nkind = "folder"\npath = "x"\n')
    check = run_cli("skills", "check", "--clinic", str(clinic_dir))
    assert "ehr[1].id: 'test' is already the id of destination 1" in check.stderr
