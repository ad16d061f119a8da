"""Signing survives a SIGKILL at every step: on the next start the store, the signed files
and the audit log agree, and the draft can be signed (issue 13, item 4).

Each case runs the real signing in its own process and kills that process with SIGKILL at one
step (by wrapping the function that step calls), then opens the clinic again as a clinician's
next session would.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PIN, sample_notes, signer
from tests.core.conftest import drafted
from tui.core.security.pin import set_pin
from tui.core.service import ClinicService

WHITFIELD = next(p for p in sample_notes() if "whitfield" in p.name)

# Where to die: module, class ("" for the module itself), function, before or after it runs.
STEPS = {
    "first-file-linked": ("os", "", "link", "after"),
    "all-files-written": ("tui.core.records.store", "Store", "approve", "before"),
    "recorded": ("tui.core.records.store", "Store", "approve", "after"),
    "audit-written": ("tui.core.records.store", "Store", "end_signing", "before"),
}

SIGN = """
import importlib, os, signal, sys
from pathlib import Path

root, module_name, class_name, attribute, when, draft_id, pin = sys.argv[1:8]
module = importlib.import_module(module_name)
owner = getattr(module, class_name) if class_name else module
original = getattr(owner, attribute)
calls = 0

def dying(*args, **kwargs):
    global calls
    calls += 1
    if when == "before" and calls == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    if when == "after" and calls == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return result

from tui.core.service import ClinicService
service = ClinicService.open(Path(root))
who = service.authenticate("arivera", pin)
setattr(owner, attribute, dying)
service.approve(int(draft_id), who)
print("signed without dying")
"""


@pytest.fixture
def clinic(clinic_dir: Path) -> tuple[Path, int]:
    service = ClinicService.open(clinic_dir)
    draft_id = drafted(service, WHITFIELD.read_bytes(), WHITFIELD.name)
    set_pin(service.clinic.paths.state, TEST_PIN, n=2**4, clinician="arivera")
    service.close()
    return clinic_dir, draft_id


def sign_and_die(root: Path, draft_id: int, step: str) -> subprocess.CompletedProcess[str]:
    """Sign in a process of its own that SIGKILLs itself at `step`."""
    module, owner, attribute, when = STEPS[step]
    return subprocess.run(
        [sys.executable, "-c", SIGN, str(root), module, owner, attribute, when, str(draft_id),
         TEST_PIN],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def approved_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "approved").rglob("*") if p.is_file())


def audit_actions(root: Path) -> list[dict[str, object]]:
    path = root / ".chartdesk" / "audit.log"
    entries = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [entry for entry in entries if entry["action"] == "approve"]


@pytest.mark.parametrize("step", ["first-file-linked", "all-files-written"])
def test_killed_before_the_record_the_signature_is_rolled_back(
    clinic: tuple[Path, int], step: str
) -> None:
    root, draft_id = clinic
    done = sign_and_die(root, draft_id, step)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert approved_files(root), "the kill left files that look signed"

    service = ClinicService.open(root)
    assert approved_files(root) == [], "the next start removes what was not a record"
    assert not [p for p in (root / "approved").rglob(".*")], "nor a hidden temp link"
    assert service.draft(draft_id).status == "ready"
    assert audit_actions(root) == []
    files = service.approve(draft_id, signer(service))
    assert len(files) == 4 and service.draft(draft_id).status == "approved"
    assert len(audit_actions(root)) == 1


@pytest.mark.parametrize("step", ["recorded", "audit-written"])
def test_killed_after_the_record_the_signature_is_completed(
    clinic: tuple[Path, int], step: str
) -> None:
    root, draft_id = clinic
    done = sign_and_die(root, draft_id, step)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr

    service = ClinicService.open(root)
    approval = service.store.approval(draft_id)
    assert approval is not None and service.draft(draft_id).status == "approved"
    assert sorted(approval["files"]) == sorted(
        str(p.relative_to(root)) for p in approved_files(root)
    )
    entries = audit_actions(root)
    assert entries, "the audit log has the signature"
    assert entries[-1]["sha256"] == approval["sha256"] and entries[-1]["draft"] == draft_id
    assert len(entries) == 1, "one entry per signature, never two"
    assert entries[0].get("recovered", False) is (step == "recorded")
    assert service.audit_log.verify().ok
    assert service.store.open_signings() == []
    assert ClinicService.open(root).recover_signings().completed == (), "nothing twice"


def test_recovery_waits_for_a_signing_in_progress(clinic: tuple[Path, int]) -> None:
    """Another session's signing holds the lock: a start meanwhile leaves it alone."""
    root, _draft_id = clinic
    service = ClinicService.open(root)
    with service.journal.lock():
        other = ClinicService.open(root)
        assert not other.recover_signings()


def test_an_audit_log_that_cannot_be_written_leaves_the_signature_standing(
    clinic: tuple[Path, int],
) -> None:
    root, draft_id = clinic
    service = ClinicService.open(root)
    log = root / ".chartdesk" / "audit.log"
    log.touch()
    log.chmod(0o400)
    try:
        from tui.core.signing.journal import AuditNotWritten

        if _can_write(log):  # root ignores file modes: make the path a folder instead
            log.chmod(0o600)
            log.unlink()
            log.mkdir()
        with pytest.raises(AuditNotWritten, match="signed, but the audit log"):
            service.approve(draft_id, signer(service))
        assert service.draft(draft_id).status == "approved", "the signature stands"
        assert len(approved_files(root)) == 4
    finally:
        if log.is_dir():
            log.rmdir()
        else:
            log.chmod(0o600)
    service = ClinicService.open(root)
    assert audit_actions(root)[-1]["recovered"] is True


def test_a_long_patient_name_signs_into_a_bounded_file_name(clinic_dir: Path) -> None:
    service = ClinicService.open(clinic_dir)
    name = "Annabel " + "Verylongsurname-" * 20 + "Test"
    note = f"Patient: {name}\nDate: 2026-11-02\n\n- walked 20 min, pain 3/10\n"
    draft_id = drafted(service, note, "long.txt")
    md = service.approve(draft_id, signer(service))[0]
    assert len(md.name) < 100
    assert name in md.read_text(), "the document keeps the whole name"


def _can_write(path: Path) -> bool:
    try:
        with path.open("a"):
            return True
    except OSError:
        return False
