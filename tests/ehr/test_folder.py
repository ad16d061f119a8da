"""The folder destination on a real directory: atomic, idempotent, and killed mid-write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.core.ehr.delivery import DeliveryFailed, Parcel
from tui.core.ehr.folder import TEMP_SUFFIX, FolderDestination

REPO = Path(__file__).resolve().parents[2]


def make_parcel(tmp_path: Path, pdf: bytes = b"%PDF-1.3 signed", draft_id: int = 7) -> Parcel:
    signed = tmp_path / "approved"
    signed.mkdir(exist_ok=True)
    stem = f"zoe-angstrom-soap_note-{draft_id}"
    record = {"patient": "Zoë Ångström", "mrn": "99/1203", "date_of_service": "2026-11-05"}
    (signed / f"{stem}.json").write_text(json.dumps(record))
    (signed / f"{stem}.pdf").write_bytes(pdf)
    return Parcel(
        draft_id=draft_id,
        identifier="ab" * 32,
        skill="soap_note",
        discipline="PT",
        payer="Medicare",
        markdown_path=signed / f"{stem}.md",
        record_path=signed / f"{stem}.json",
        fhir_path=signed / f"{stem}.fhir.json",
        pdf_path=signed / f"{stem}.pdf",
    )


def test_the_pdf_lands_under_its_pattern_once(tmp_path: Path) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    parcel = make_parcel(tmp_path)
    destination = FolderDestination("emr", folder, "{date}_{mrn}_{patient}_{draft}", True)
    name = destination.deliver(parcel)
    assert name == "2026-11-05_99-1203_Zoë-Ångström_7.pdf"
    assert (folder / name).read_bytes() == parcel.pdf_path.read_bytes()
    assert (folder / name.replace(".pdf", ".json")).read_bytes() == parcel.record_path.read_bytes()
    assert destination.deliver(parcel) == name, "the same parcel again changes nothing"
    assert sorted(p.name for p in folder.iterdir()) == sorted([name, name[:-4] + ".json"])
    assert oct((folder / name).stat().st_mode & 0o777) == "0o640"


def test_another_file_under_the_name_is_a_permanent_failure(tmp_path: Path) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "2026-11-05.pdf").write_bytes(b"another note's PDF")
    destination = FolderDestination("emr", folder, "{date}")
    with pytest.raises(DeliveryFailed, match="other content") as failed:
        destination.deliver(make_parcel(tmp_path))
    assert not failed.value.transient
    assert (folder / "2026-11-05.pdf").read_bytes() == b"another note's PDF"


def test_a_missing_folder_is_transient(tmp_path: Path) -> None:
    destination = FolderDestination("emr", tmp_path / "not-mounted")
    with pytest.raises(DeliveryFailed, match="not mounted") as failed:
        destination.deliver(make_parcel(tmp_path))
    assert failed.value.transient


def test_from_settings_resolves_a_relative_path_and_refuses_a_bad_pattern(tmp_path: Path) -> None:
    built = FolderDestination.from_settings({"id": "x", "path": "out"}, tmp_path)
    assert built.path == tmp_path / "out" and built.id == "x"
    with pytest.raises(ValueError, match="unknown field"):
        FolderDestination.from_settings({"id": "x", "path": "o", "file_name": "{name}"}, tmp_path)


KILLED_MID_WRITE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from tests.ehr.test_folder import make_parcel
    from tui.core.ehr.folder import FolderDestination

    real_fsync = os.fsync

    def stall(fd):
        # The bytes are written to the temp file; announce it and wait to be killed.
        Path({marker!r}).write_text("writing")
        time.sleep(60)

    os.fsync = stall
    FolderDestination("emr", Path({folder!r})).deliver(make_parcel(Path({tmp!r})))
    """
)


def test_a_kill_mid_write_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    marker = tmp_path / "marker"
    script = KILLED_MID_WRITE.format(
        repo=str(REPO), marker=str(marker), folder=str(folder), tmp=str(tmp_path)
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        for _ in range(600):
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the child reached the write"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 1 and names[0].endswith(TEMP_SUFFIX) and names[0].startswith(".")
    assert not (folder / "zoe-angstrom-soap_note-7.pdf").exists()

    parcel = make_parcel(tmp_path)
    name = FolderDestination("emr", folder).deliver(parcel)
    assert name == "zoe-angstrom-soap_note-7.pdf"
    assert [p.name for p in folder.iterdir()] == [name], "the retry removed the half write"
    assert (folder / name).read_bytes() == parcel.pdf_path.read_bytes()
