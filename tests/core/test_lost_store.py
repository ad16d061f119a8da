"""A replaced or missing database never becomes a fresh start (issue 13, item 5): a clinic
with signed records or an audit log refuses an empty store, and a running drafter or review
session stops when state.db is deleted or replaced under it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import sample_notes, signer
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import draft_queued
from tui.core.records.store import StoreReplaced
from tui.core.service import ClinicService


def signed_clinic(clinic_dir: Path) -> Path:
    service = ClinicService.open(clinic_dir)
    target = service.clinic.paths.inbox / "n.txt"
    target.write_bytes(sample_notes()[0].read_bytes())
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    draft_queued(service)
    service.approve(draft_id, signer(service))
    service.close()
    return clinic_dir


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_clinic_with_records_refuses_a_new_empty_store(clinic_dir: Path, how: str) -> None:
    root = signed_clinic(clinic_dir)
    db = root / ".chartdesk" / "state.db"
    for side in (db.with_name("state.db-wal"), db.with_name("state.db-shm")):
        side.unlink(missing_ok=True)
    if how == "deleted":
        db.unlink()
    else:
        db.write_bytes(b"")
    with pytest.raises(ChartdeskError, match=r"Restore \.chartdesk/state\.db") as info:
        ClinicService.open(root)
    assert "approved/ holds 1 signed record" in str(info.value)
    assert not db.exists() or db.stat().st_size == 0, "nothing was created in its place"


def test_a_new_clinic_starts_its_store(clinic_dir: Path) -> None:
    ClinicService.open(clinic_dir).close()
    assert (clinic_dir / ".chartdesk" / "state.db").stat().st_size > 0


def test_a_store_replaced_under_a_process_is_noticed(clinic_dir: Path) -> None:
    service = ClinicService.open(clinic_dir)
    service.check_store()
    db = service.clinic.paths.db
    db.rename(db.with_name("moved.db"))
    with pytest.raises(StoreReplaced, match="deleted or replaced"):
        service.check_store()


def test_watch_stops_when_its_store_is_deleted(clinic_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CHARTDESK_CLINIC"}
    watch = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "watch", "--clinic", str(clinic_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        # The first line on stderr comes after the store is open: deleting it before then
        # would only make a fresh clinic's first store, which is not what is tested here.
        assert watch.stderr is not None
        assert "chartdesk watch: clinic" in watch.stderr.readline()
        (clinic_dir / ".chartdesk" / "state.db").unlink()
        (clinic_dir / "inbox" / "late.txt").write_bytes(sample_notes()[0].read_bytes())
        code = watch.wait(timeout=30)
    finally:
        if watch.poll() is None:
            watch.send_signal(signal.SIGKILL)
            watch.wait()
    stderr = watch.stderr.read() if watch.stderr else ""
    assert code == 2, stderr
    assert "deleted or replaced" in stderr
    assert "Traceback" not in stderr
