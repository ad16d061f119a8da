"""Killed with SIGKILL mid-delivery: nothing is lost and nothing is delivered twice."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.ehr.outbox_helpers import folder_destination, signed
from tui.core.ehr.outbox import Outbox, default_policy
from tui.core.service import ClinicService

REPO = Path(__file__).resolve().parents[2]

# A process that starts delivering the clinic's outbox and kills itself (SIGKILL, no cleanup)
# at one point: after claiming a delivery but before delivering it, or after delivering it but
# before the store records it.
DIE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from tui.core.ehr.folder import FolderDestination
    from tui.core.records.store import Store
    from tui.core.service import ClinicService

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if {step!r} == "before-delivery":
        FolderDestination.deliver = die
    else:
        Store.delivery_sent = die
    service = ClinicService.open(Path({root!r}))
    service.deliver_due("doomed")
    """
)


def deliver_and_die(root: Path, step: str) -> None:
    script = DIE.format(repo=str(REPO), root=str(root), step=step)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, timeout=120)
    assert result.returncode == -9, "the child was killed, not finished"


@pytest.fixture
def clinic(clinic_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "emr-import"
    folder.mkdir()
    folder_destination(clinic_dir, folder)
    service = ClinicService.open(clinic_dir)
    signed(service)
    service.close()
    return clinic_dir, folder


def after_the_lease(root: Path) -> Outbox:
    """The outbox of a process started once the dead process's lease ran out."""
    service = ClinicService.open(root)
    lease = default_policy().lease_seconds
    return Outbox(
        service.store, service.audit_log, service.context.ehr, root,
        clock=lambda: time.time() + lease + 1,
    )  # fmt: skip


@pytest.mark.parametrize("step", ["before-delivery", "before-record"])
def test_a_kill_mid_delivery_is_delivered_exactly_once_later(
    clinic: tuple[Path, Path], step: str
) -> None:
    root, folder = clinic
    deliver_and_die(root, step)
    service = ClinicService.open(root)
    [held] = service.store.deliveries()
    assert held.state == "waiting", "a claimed delivery is not lost"
    expected = 1 if step == "before-record" else 0
    assert len(list(folder.glob("*.pdf"))) == expected

    result = run_cli("push", "--clinic", str(root), "--json")
    assert result.returncode == 0 and '"deliveries": []' in result.stdout, "leased: not yet"

    [outcome] = after_the_lease(root).deliver_due("survivor")
    assert outcome.state == "sent"
    assert [p.name for p in folder.iterdir()] == [outcome.remote_id], "one file, never two"
    [sent] = service.store.deliveries()
    assert sent.state == "sent" and sent.remote_id == outcome.remote_id


def test_a_signature_whose_process_died_before_any_delivery_is_delivered_by_push(
    clinic: tuple[Path, Path],
) -> None:
    root, folder = clinic  # signed and queued; the signing process is gone, nothing delivered
    result = run_cli("push", "--clinic", str(root))
    assert result.returncode == 0, result.stderr
    assert "emr-import" in result.stdout and "sent" in result.stdout
    assert len(list(folder.glob("*.pdf"))) == 1
    again = run_cli("push", "--clinic", str(root))
    assert again.returncode == 0 and "Nothing waits" in again.stdout


def test_a_day_with_the_import_share_gone_half_way(clinic_dir: Path, tmp_path: Path) -> None:
    from tests.conftest import sample_notes, signer
    from tests.ehr.outbox_helpers import ready

    share = tmp_path / "emr-import"
    share.mkdir()
    folder_destination(clinic_dir, share)
    service = ClinicService.open(clinic_dir)
    notes = [p for p in sample_notes() if p.suffix == ".txt"][:4]
    drafts = []
    for index, note in enumerate(notes):
        if index == 2:
            share.rename(tmp_path / "unmounted")  # the share drops off mid-morning
        draft_id = ready(service, note.read_bytes(), name=note.name)
        who = signer(service, "jlee" if "_ot" in note.name else "arivera")
        service.approve(draft_id, who, reason="billing reviewed with the office")
        drafts.append(draft_id)
        service.deliver_due("drafter")
    states = [d.state for d in service.store.deliveries()]
    assert states == ["sent", "sent", "waiting", "waiting"]
    (tmp_path / "unmounted").rename(share)
    pushed = run_cli("push", "--clinic", str(clinic_dir), "--json")
    assert pushed.returncode == 0, pushed.stdout
    assert [d.state for d in service.store.deliveries()] == ["sent"] * 4
    pdfs = sorted(p.name for p in share.iterdir())
    assert len(pdfs) == 4 and all(name.endswith(".pdf") for name in pdfs)
    assert sorted(d.remote_id for d in service.store.deliveries()) == pdfs
