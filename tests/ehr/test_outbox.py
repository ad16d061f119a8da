"""The outbox: queued with the signature, delivered once, retried with backoff, leased."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import signer
from tests.ehr.outbox_helpers import (
    WHITFIELD,
    add_destinations,
    audit_entries,
    folder_destination,
    ready,
    signed,
)
from tui.core.ehr import registry
from tui.core.ehr.outbox import Outbox, Policy
from tui.core.errors import ChartdeskError
from tui.core.security.audit_log import AuditLog
from tui.core.service import ClinicService

POLICY = Policy(retry_base_seconds=30, retry_cap_seconds=120, lease_seconds=60, poll_seconds=1)


class Clock:
    """A clock the test moves (backoff and leases are compared with it)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def outbox(service: ClinicService, clock: Clock) -> Outbox:
    paths = service.clinic.paths
    return Outbox(service.store, service.audit_log, service.context.ehr, paths.root, POLICY, clock)


@pytest.fixture
def import_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "emr-import"
    folder.mkdir()
    return folder


def test_a_signature_queues_its_delivery_in_the_same_transaction(
    clinic_dir: Path, import_dir: Path
) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    draft_id = ready(service, WHITFIELD.read_bytes())
    with pytest.raises(ChartdeskError, match="changed in another session"):
        service.approve(draft_id, signer(service), expected_sha256="0" * 64)
    assert service.store.deliveries() == [], "no signature, no delivery"
    service.approve(draft_id, signer(service))
    [queued] = service.store.deliveries()
    assert (queued.draft_id, queued.destination, queued.state) == (
        draft_id,
        "emr-import",
        "waiting",
    )
    approval = service.store.approval(draft_id)
    assert approval is not None
    assert queued.parcel["identifier"] == approval["sha256"]
    assert queued.parcel["files"]["pdf"] in approval["files"]
    row = service.store.db.execute(
        "SELECT s.state FROM signings s JOIN deliveries d ON d.signing_id = s.id"
    ).fetchone()
    assert row[0] == "done"


def test_a_delivery_queued_before_a_failed_record_is_rolled_back(
    clinic_dir: Path, import_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    draft_id = ready(service, WHITFIELD.read_bytes())
    from tui.core.records.store import sql

    def broken(conn: sqlite3.Connection, signing: int) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sql, "enqueue_deliveries", broken)
    with pytest.raises(sqlite3.OperationalError):
        service.approve(draft_id, signer(service))
    assert service.draft(draft_id).status == "ready", "the approval rolled back with it"
    assert service.store.deliveries() == []
    assert not [p for p in service.clinic.paths.approved.rglob("*") if p.is_file()]


def test_filters_pick_destinations_by_skill_discipline_and_payer(clinic_dir: Path) -> None:
    add_destinations(
        clinic_dir,
        '[[ehr]]\nid = "soap-only"\nkind = "folder"\npath = "a"\nskills = ["soap_note"]\n'
        '[[ehr]]\nid = "ot-only"\nkind = "folder"\npath = "b"\ndisciplines = ["OT"]\n'
        '[[ehr]]\nid = "medicare"\nkind = "folder"\npath = "c"\npayers = ["MEDICARE"]\n'
        '[[ehr]]\nid = "progress"\nkind = "folder"\npath = "d"\nskills = ["progress_report"]\n',
    )
    service = ClinicService.open(clinic_dir)
    signed(service)
    assert sorted(d.destination for d in service.store.deliveries()) == ["medicare", "soap-only"]


def test_delivered_once_with_its_remote_id_and_an_audit_entry(
    clinic_dir: Path, import_dir: Path
) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    draft_id = signed(service)
    clock = Clock()
    [outcome] = outbox(service, clock).deliver_due("worker")
    assert outcome.state == "sent" and outcome.remote_id.endswith(".pdf")
    assert (import_dir / outcome.remote_id).is_file()
    assert outbox(service, clock).deliver_due("worker") == []
    [sent] = service.store.deliveries()
    assert (sent.state, sent.remote_id, sent.attempts) == ("sent", outcome.remote_id, 1)
    [entry] = audit_entries(clinic_dir, "deliver")
    assert entry["draft"] == draft_id and entry["state"] == "sent"
    assert entry["destination"] == "emr-import" and entry["delivery"] == sent.id
    log = service.clinic.paths.audit_log.read_text()
    assert "whitfield" not in log.lower() and outcome.remote_id not in log
    report = AuditLog(service.clinic.paths.audit_log).verify(service.store.signed_documents())
    assert report.ok, report


def test_a_transient_failure_waits_with_a_capped_backoff(clinic_dir: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    folder_destination(clinic_dir, share)
    service = ClinicService.open(clinic_dir)
    signed(service)
    clock = Clock()
    delays = []
    for _ in range(4):
        [outcome] = outbox(service, clock).deliver_due("worker")
        assert outcome.state == "waiting" and "not mounted" in outcome.reason
        [waiting] = service.store.deliveries()
        delays.append(waiting.next_try - clock.now)
        assert outbox(service, clock).deliver_due("worker") == [], "not before its time"
        clock.now = waiting.next_try
    assert delays == [30, 60, 120, 120]
    assert audit_entries(clinic_dir, "deliver") == [], "a retry is not an outcome yet"
    share.mkdir()
    [outcome] = outbox(service, clock).deliver_due("worker")
    assert outcome.state == "sent"
    assert service.store.deliveries()[0].attempts == 5


def test_a_permanent_failure_keeps_its_reason_and_can_be_retried(
    clinic_dir: Path, import_dir: Path
) -> None:
    folder_destination(clinic_dir, import_dir, 'file_name = "{date}"\n')
    service = ClinicService.open(clinic_dir)
    draft_id = signed(service)
    (import_dir / "2026-11-02.pdf").write_bytes(b"someone else's file")
    clock = Clock()
    [outcome] = outbox(service, clock).deliver_due("worker")
    assert outcome.state == "failed" and "other content" in outcome.reason
    [failed] = service.store.deliveries(("failed",))
    assert failed.reason == outcome.reason
    assert outbox(service, clock).deliver_due("worker") == [], "failed for good until retried"
    [entry] = audit_entries(clinic_dir, "deliver")
    assert entry["state"] == "failed" and "reason_sha256" in entry
    assert service.undelivered_count() == 1

    (import_dir / "2026-11-02.pdf").unlink()
    assert service.retry_delivery(draft_id, "Alex Rivera") == 1
    assert audit_entries(clinic_dir, "deliver_retry")[0]["delivery"] == failed.id
    [outcome] = outbox(service, clock).deliver_due("worker")
    assert outcome.state == "sent"
    assert service.undelivered_count() == 0
    with pytest.raises(ChartdeskError, match="no failed delivery"):
        service.retry_delivery(draft_id)


def test_a_lease_keeps_a_delivery_to_one_process_until_it_expires(
    clinic_dir: Path, import_dir: Path
) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    signed(service)
    other = ClinicService.open(clinic_dir)  # another process's connection
    clock = Clock()
    claimed = service.store.claim_delivery("a", clock.now, POLICY.lease_seconds)
    assert claimed is not None
    assert other.store.claim_delivery("b", clock.now + 59, POLICY.lease_seconds) is None
    taken = other.store.claim_delivery("b", clock.now + 61, POLICY.lease_seconds)
    assert taken is not None and taken.id == claimed.id
    assert not service.store.delivery_sent(claimed.id, "a", "late"), "a's lease was lost"
    assert other.store.delivery_sent(taken.id, "b", "x.pdf")
    assert service.store.deliveries()[0].remote_id == "x.pdf"


def test_a_kind_missing_from_the_build_is_a_clear_failure(
    clinic_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_destinations(
        clinic_dir,
        '[[ehr]]\nid = "hospital"\nkind = "fhir"\nbase_url = "http://127.0.0.1:9/r4"\n'
        'patient_identifier_system = "urn:oid:2.16.840.1.113883.4.999"\n',
    )
    monkeypatch.setitem(registry.KINDS, "fhir", ("tui.core.ehr.not_built", "FhirDestination"))
    service = ClinicService.open(clinic_dir)
    signed(service)
    [outcome] = outbox(service, Clock()).deliver_due("worker")
    assert outcome.state == "failed"
    assert (
        outcome.reason
        == "destination hospital: kind 'fhir' is not available in this chartdesk build"
    )


def test_a_destination_removed_from_the_context_fails_with_that_reason(
    clinic_dir: Path, import_dir: Path
) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    signed(service)
    paths = service.clinic.paths
    empty = Outbox(service.store, service.audit_log, (), paths.root, POLICY, Clock())
    [outcome] = empty.deliver_due("worker")
    assert outcome.reason == "destination emr-import is no longer in context.toml"


def test_addenda_and_cosignatures_are_delivered_too(clinic_dir: Path, import_dir: Path) -> None:
    folder_destination(clinic_dir, import_dir)
    service = ClinicService.open(clinic_dir)
    draft_id = ready(service, WHITFIELD.read_bytes())
    service.approve(draft_id, signer(service, "spatel"))
    service.cosign(draft_id, signer(service, "arivera"))
    service.add_addendum(draft_id, "Swelling down at follow-up call.", signer(service))
    kinds = [d.parcel["kind"] for d in service.store.deliveries()]
    assert kinds == ["approve", "cosign", "addendum"]
    outcomes = outbox(service, Clock()).deliver_due("worker")
    assert [o.state for o in outcomes] == ["sent"] * 3
    assert len({o.remote_id for o in outcomes}) == 3
    assert len(list(import_dir.iterdir())) == 3


def test_a_destination_down_is_tried_once_a_round(clinic_dir: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    folder_destination(clinic_dir, share)
    service = ClinicService.open(clinic_dir)
    signed(service)
    signed(service, WHITFIELD.read_text().replace("2026-11-02", "2026-11-03"), "b.txt")
    clock = Clock()
    outcomes = outbox(service, clock).deliver_due("worker")
    assert [(o.state, o.attempted) for o in outcomes] == [("waiting", True), ("waiting", False)]
    assert all("not mounted" in o.reason for o in outcomes)
    first, second = service.store.deliveries()
    assert (first.attempts, second.attempts) == (1, 0), "the second was not tried"
    assert first.next_try == pytest.approx(second.next_try, abs=1)
    share.mkdir()
    clock.now = max(first.next_try, second.next_try)
    assert [o.state for o in outbox(service, clock).deliver_due("worker")] == ["sent", "sent"]
