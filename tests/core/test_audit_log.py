"""The audit log detects what used to pass as "intact", and survives a torn or failed write.

Every fault here used to verify as intact: the last lines dropped, all but line 1 dropped, an
emptied or deleted log, a line rewritten with every later hash recomputed, a whole log replaced
by a fresh sha256 chain, an approval in the store with no entry (or the reverse). A partly
written last line glued the next entry onto it and broke the log for good. Each runs on a real
clinic with real signatures (the offline drafter), through `chartdesk audit-log verify` in its
own process where the command is what a clinic would run.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, signer
from tui.cli import make_demo
from tui.core.security.audit_log import KEY_DIR_ENV, AuditKeyError, AuditLog
from tui.core.service import ClinicService


@pytest.fixture(scope="module")
def signed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo clinic with two signed drafts and a few more entries."""
    root = tmp_path_factory.mktemp("audit") / "clinic"
    service = make_demo(root)
    try:
        clinician = service.context.clinicians[0]
        clean = [d for d in service.drafts("ready") if d.discipline == "PT"]
        for draft in clean[:2]:
            service.record_open(draft.id, clinician.name)
            service.approve(draft.id, signer(service), reason="reviewed for the audit log test")
        service.record_lock("lock")
        service.record_lock("unlock", method="pin")
    finally:
        service.close()
    return root


@pytest.fixture
def clinic(signed_template: Path, tmp_path: Path) -> Path:
    """A fresh copy, whose log gets its own anchor at its own path by one more entry."""
    root = tmp_path / "clinic"
    subprocess.run(["cp", "-a", str(signed_template), str(root)], check=True)
    service = ClinicService.open(root)
    try:
        service.record_lock("lock")
    finally:
        service.close()
    return root


def log_path(root: Path) -> Path:
    return root / ".chartdesk" / "audit.log"


def lines_of(root: Path) -> list[str]:
    return log_path(root).read_text(encoding="ascii").splitlines()


def write_lines(root: Path, lines: list[str]) -> None:
    log_path(root).write_text("".join(f"{line}\n" for line in lines), encoding="ascii")


def verify(root: Path) -> tuple[int, dict[str, Any], str]:
    as_json = run_cli("audit-log", "verify", "--json", "--clinic", str(root))
    as_text = run_cli("audit-log", "verify", "--clinic", str(root))
    assert "Traceback" not in as_json.stderr + as_text.stderr, as_json.stderr + as_text.stderr
    assert as_json.returncode == as_text.returncode
    return as_json.returncode, json.loads(as_json.stdout), as_text.stdout


def problems(report: dict[str, Any]) -> str:
    return "\n".join(f"{p['line']}: {p['problem']}" for p in report["problems"])


def test_an_untouched_log_is_intact_and_keyed(clinic: Path, audit_keys: Path) -> None:
    code, report, text = verify(clinic)

    assert code == 0, problems(report)
    assert report["ok"] and report["keyed"] == report["entries"] == len(lines_of(clinic))
    assert report["signatures"] == 2
    assert "audit log intact" in text and "2 signatures match the store" in text
    first = json.loads(lines_of(clinic)[0])
    assert first["action"] == "log_start" and len(first["mac"]) == 64
    key = audit_keys / f"{first['log']}.key"
    assert key.is_file() and (key.stat().st_mode & 0o777) == 0o600
    assert not key.resolve().is_relative_to(clinic.resolve())


@pytest.mark.parametrize("keep", [-1, -3, 1])
def test_dropped_last_lines_are_named(clinic: Path, keep: int) -> None:
    lines = lines_of(clinic)
    write_lines(clinic, lines[:keep])
    kept = len(lines[:keep])

    code, report, text = verify(clinic)

    assert code == 1
    assert f"entries {kept + 1}–{len(lines)} are missing (cut off)" in problems(report)
    assert "BROKEN" in text


@pytest.mark.parametrize("how", ["emptied", "deleted"])
def test_an_emptied_or_deleted_log_is_broken(clinic: Path, how: str) -> None:
    if how == "emptied":
        log_path(clinic).write_bytes(b"")
    else:
        log_path(clinic).unlink()

    code, report, _text = verify(clinic)

    assert code == 1
    found = problems(report)
    assert "is not in this file: it was deleted, emptied or replaced" in found
    assert "signed in the store but the log has no approve entry" in found


def test_a_rewritten_line_with_every_later_hash_recomputed_is_caught(clinic: Path) -> None:
    """The old attack: change an entry, then recompute the chain after it. Without the key the
    MACs cannot be recomputed, so the changed line itself is named."""
    lines = lines_of(clinic)
    target = next(i for i, line in enumerate(lines) if '"action":"approve"' in line)
    entries = [json.loads(line) for line in lines]
    entries[target]["clinician"] = "Someone Else"
    rewritten = []
    for index, entry in enumerate(entries):
        if index > target:
            entry["prev"] = entries[index - 1]["mac"]
        if index >= target:  # the best an attacker without the key can do
            body = {k: v for k, v in entry.items() if k != "mac"}
            canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
            entry["mac"] = hashlib.sha256(canonical.encode()).hexdigest()
        rewritten.append(json.dumps(entry, sort_keys=True, separators=(",", ":")))
    write_lines(clinic, rewritten)

    code, report, _text = verify(clinic)

    assert code == 1
    assert report["line"] == target + 1
    assert "MAC does not match" in report["problem"]


def test_a_log_replaced_by_a_fresh_unkeyed_chain_is_caught(clinic: Path) -> None:
    """A whole new log in the old format (sha256 links, valid from line 1) with the same
    signatures: it has no anchor of its own and this clinic's anchored log is gone."""
    previous = "0" * 64
    forged = []
    for entry in (json.loads(line) for line in lines_of(clinic)):
        for structural in ("mac", "log", "n", "previous_log"):
            entry.pop(structural, None)
        entry["prev"] = previous
        line = json.dumps(entry, sort_keys=True, separators=(",", ":"))
        previous = hashlib.sha256(line.encode()).hexdigest()
        forged.append(line)
    write_lines(clinic, forged)

    code, report, _text = verify(clinic)

    assert code == 1
    assert "deleted, emptied or replaced" in problems(report)


def test_a_removed_middle_line_is_named(clinic: Path) -> None:
    lines = lines_of(clinic)
    del lines[3]
    write_lines(clinic, lines)

    code, report, _text = verify(clinic)

    assert code == 1 and report["line"] == 4
    assert "entries 4–4 before it are missing" in report["problem"]


def test_the_store_and_the_log_are_compared_both_ways(clinic: Path) -> None:
    service = ClinicService.open(clinic)
    try:
        draft = service.drafts("ready")[0]
        version = service.store.latest_version(draft.id)
        assert version is not None
        # A signature recorded in the store with no audit entry (a kill between the two).
        service.store.approve(draft.id, version, "A", "PT", "u", "2026-11-06T09:00:00", "", [])
        # And an approve entry for a draft the store never signed.
        service.audit_log.append("approve", "A", draft=9999, sha256="0" * 64)
    finally:
        service.close()

    code, report, _text = verify(clinic)

    assert code == 1
    found = problems(report)
    assert f"draft {draft.id} is signed in the store but the log has no approve entry" in found
    assert "approve entry for draft 9999, which the store has not signed" in found


def test_approve_entries_carry_hashes_never_file_or_patient_names(clinic: Path) -> None:
    service = ClinicService.open(clinic)
    try:
        signed = [d for d in service.drafts() if d.status == "approved"]
        names = {d.patient for d in signed} | {
            part for d in signed for part in d.patient.lower().split()
        }
    finally:
        service.close()
    approve = [json.loads(line) for line in lines_of(clinic) if '"action":"approve"' in line]

    assert len(approve) == 2
    for entry in approve:
        assert "files" not in entry
        assert {"sha256", "json_sha256", "fhir_sha256", "draft"} <= set(entry)
    text = log_path(clinic).read_text().lower()
    assert not any(name.lower() in text for name in names)


def test_a_torn_last_line_is_reported_then_recovered_not_glued(clinic: Path) -> None:
    before = lines_of(clinic)
    fragment = b'{"action":"open","at":"2026-11-06T09:'
    with log_path(clinic).open("ab") as handle:
        handle.write(fragment)

    code, report, text = verify(clinic)
    assert code == 0, problems(report)
    assert any(f"line {len(before) + 1} is incomplete" in w for w in report["warnings"])
    assert "warning: line" in text

    service = ClinicService.open(clinic)
    try:
        service.record_lock("lock")
    finally:
        service.close()

    after = lines_of(clinic)
    assert after[: len(before)] == before
    recovered = json.loads(after[len(before)])
    assert recovered["action"] == "torn_tail" and recovered["count"] == len(fragment)
    assert recovered["sha256"] == hashlib.sha256(fragment).hexdigest()
    assert json.loads(after[-1])["action"] == "lock"
    assert (clinic / ".chartdesk" / "audit.torn").read_bytes() == fragment + b"\n"
    code, report, _text = verify(clinic)
    assert code == 0 and not report["warnings"], report


def test_a_write_that_fails_halfway_leaves_no_partial_line(clinic: Path) -> None:
    """A file size limit a few bytes past the end (as a full disk): the write stops midway,
    the append fails, and the log is cut back to whole lines; the next append works."""
    size = log_path(clinic).stat().st_size
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from tui.core.security.audit_log import AuditLog\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size + 40}, {size + 40}))\n"
        "try:\n"
        f"    AuditLog(Path({str(log_path(clinic))!r})).append('open', '', draft=1)\n"
        "except OSError as exc:\n"
        "    sys.exit(f'refused: {exc.errno}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "refused: 27" in result.stderr, result.stderr  # EFBIG
    assert log_path(clinic).stat().st_size == size
    assert verify(clinic)[0] == 0

    AuditLog(log_path(clinic)).append("open", "", draft=1)
    code, report, _text = verify(clinic)
    assert code == 0 and not report["warnings"], report


def test_a_log_from_before_keying_still_verifies_and_goes_on_keyed(tmp_path: Path) -> None:
    log = tmp_path / "clinic" / ".chartdesk" / "audit.log"
    log.parent.mkdir(parents=True)
    previous, lines = "0" * 64, []
    for action in ("open", "edit", "reject"):
        line = json.dumps({"action": action, "at": "2026-01-01", "prev": previous}, sort_keys=True)
        previous = hashlib.sha256(line.encode()).hexdigest()
        lines.append(line)
    log.write_text("".join(f"{line}\n" for line in lines))

    AuditLog(log).append("open", "", draft=1)
    report = AuditLog(log).verify()

    assert report.ok, report.problems
    assert (report.entries, report.keyed) == (5, 2)
    assert any("before keyed logging" in warning for warning in report.warnings)
    start = json.loads(log.read_text().splitlines()[3])
    assert start["action"] == "log_start" and start["prev"] == previous and start["n"] == 4


def test_a_lost_key_is_reported_and_logging_goes_on(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key folder is lost (a new machine without the old config folder)."""
    first = json.loads(lines_of(clinic)[0])
    monkeypatch.setenv(KEY_DIR_ENV, str(tmp_path / "new-machine-keys"))
    service = ClinicService.open(clinic)
    try:
        service.record_lock("lock")  # a new keyed segment starts; nothing is refused
    finally:
        service.close()

    code, report, _text = verify(clinic)

    assert code == 1
    assert f"the key of log {first['log']} is not in" in problems(report)
    restart = [json.loads(line) for line in lines_of(clinic)][-2]
    assert restart["action"] == "log_start" and restart["previous_log"] == first["log"]


def test_a_key_folder_inside_the_clinic_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "clinic" / ".chartdesk" / "audit.log"
    log.parent.mkdir(parents=True)
    monkeypatch.setenv(KEY_DIR_ENV, str(tmp_path / "clinic" / "keys"))

    with pytest.raises(AuditKeyError, match="inside the clinic folder"):
        AuditLog(log).append("open", "", draft=1)
    assert not log.exists() or log.read_bytes() == b""


def test_init_starts_the_log_so_deleting_it_is_caught(tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    assert run_cli("init", str(root)).returncode == 0
    assert [json.loads(line)["action"] for line in lines_of(root)] == ["log_start", "init"]
    log_path(root).unlink()

    code, report, _text = verify(root)

    assert code == 1 and "deleted, emptied or replaced" in problems(report)


def test_many_sessions_appending_at_once_keep_one_chain(clinic: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom tui.core.security.audit_log import AuditLog\n"
        "log = AuditLog(Path(sys.argv[1]))\n"
        "for n in range(25):\n    log.append('open', '', draft=n)\n"
    )
    env = {**os.environ}
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(log_path(clinic))], env=env)
        for _ in range(4)
    ]
    assert [worker.wait(120) for worker in workers] == [0, 0, 0, 0]

    code, report, _text = verify(clinic)
    assert code == 0, problems(report)
    assert sum('"action":"open"' in line for line in lines_of(clinic)) >= 100
