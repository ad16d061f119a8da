"""Reading notes: header blocks, front matter, file-name fallback, and clear refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXPECTED_JSON, SAMPLE_NOTES, sample_notes
from tui.core.intake.notes import (
    NoteError,
    is_note_file,
    note_day,
    parse_note_bytes,
    parse_note_text,
    read_note,
)


@pytest.mark.parametrize("path", sample_notes(), ids=lambda p: p.name)
def test_every_sample_note_reads_with_its_patient(path: Path) -> None:
    note = read_note(path)
    expected = json.loads(EXPECTED_JSON.read_text())["notes"]
    if path.name in expected:
        assert note.patient == expected[path.name]["patient"]
    assert note.date == path.name[:10]
    assert note.discipline in {"PT", "OT"}
    assert len(note.sha256) == 64
    assert note.body.strip()
    assert "Patient:" not in note.body


def test_header_block_fields() -> None:
    note = read_note(SAMPLE_NOTES / "2026-11-04_reyes-marisol_soap.txt")
    assert (note.visit, note.last_progress_report) == (10, 0)
    assert note.payer == "Medicare"
    assert note.diagnosis.startswith("L rotator cuff")
    assert note.mrn == "481003"
    assert note.skill == "soap"  # from the file name; the planner resolves aliases
    assert note.body.startswith("S: pt c/o")


def test_front_matter_in_markdown() -> None:
    note = read_note(SAMPLE_NOTES / "2026-11-06_brandt-theo_handwriting.md")
    assert note.patient == "Theo Brandt"
    assert (note.grade, note.setting, note.skill) == ("2", "school", "handwriting_report")
    assert note.body.lstrip().startswith("# Handwriting observation")


def test_header_skill_beats_file_name() -> None:
    note = read_note(SAMPLE_NOTES / "2026-11-05_lindqvist-ola_ot-eval.txt")
    assert note.skill == "ot_initial_eval"


def test_file_name_fallback_when_no_header(tmp_path: Path) -> None:
    path = tmp_path / "2026-10-30_van-dyke-maria_soap.txt"
    path.write_text("pt reports less pain today, 3/10, walked 15 minutes without rest\n")
    note = read_note(path)
    assert note.date == "2026-10-30"
    assert note.skill == "soap"
    assert note.patient  # name parts come from the file name


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(
        b"\xef\xbb\xbfPatient: Ann Test\r\nDate: 2026-01-02\r\n\r\n"
        b"- pain 3/10 at rest, walked 10 minutes\r\n"
    )
    note = read_note(path)
    assert note.patient == "Ann Test"
    assert "\r" not in note.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "note is empty"),
        (b"   \n\n\t  \n", "note is empty"),
        (b"Patient: Ann Test\nDate: 2026-01-02\n\n", "header but no body"),
        (b"\x00\x01\x02binary\x00junk" * 10, "binary"),
        (b"pain \xff\xfe 4/10 today after the session", "UTF-8"),
        (b"ok", "fewer than 20"),
    ],
)
def test_bad_notes_give_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(NoteError, match=reason):
        parse_note_bytes(Path("n.txt"), data)


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(NoteError, match="vanished"):
        read_note(tmp_path / "gone.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 3000)
    with pytest.raises(NoteError, match="over the"):
        read_note(big, max_bytes=1000)


def test_scans_keep_their_bytes() -> None:
    note = parse_note_bytes(Path("2026-11-06_brandt-theo_scan.png"), b"\x89PNG\r\n\x1a\nxx")
    assert (note.kind, note.media_type, note.patient) == ("image", "image/png", "Theo Brandt")
    assert note.data.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("name", "accepted"),
    [
        ("a.txt", True),
        ("b.MD", True),
        ("c.pdf", True),
        ("d.jpeg", True),
        ("e.docx", True),
        ("f.exe", False),
        (".hidden.txt", False),
        ("g.txt~", False),
        ("~$h.docx", False),
    ],
)
def test_note_file_patterns(name: str, accepted: bool) -> None:
    assert is_note_file(Path(name)) is accepted


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026-11-02", date(2026, 11, 2)),
        ("2026-11-2", date(2026, 11, 2)),
        ("11/02/2026", date(2026, 11, 2)),
        ("seen 3/7/2026 at 9am", date(2026, 3, 7)),
        ("2026-11-02_whitfield-dana_soap.txt", date(2026, 11, 2)),
        ("2026-02-30", None),
        ("13/02/2026", None),
        ("next Tuesday", None),
        ("", None),
    ],
)
def test_note_days_are_read_the_way_clinicians_write_them(written: str, day: date | None) -> None:
    assert note_day(written) == day


@pytest.mark.parametrize(
    ("written", "restarts_after"),
    [
        ("visit 1 (initial evaluation)", 0),
        ("initial eval, visit 1", 0),
        ("visit 10", 10),
        ("visit 10 (re-eval)", 10),
        ("visit 0", 0),
    ],
)
def test_an_evaluation_starts_the_reporting_period_it_opens(
    written: str, restarts_after: int
) -> None:
    """The evaluation is treatment day 1, so the report is due 10 visits after the one before."""
    text = (
        f"Patient: Test Person\nDate: 2026-12-20\nVisit: 10\nLast progress report: {written}\n"
        "\n- ther ex 20 min, pain 3/10 with stairs\n"
    )
    note = parse_note_text(Path("note.txt"), text, "0" * 64)
    assert note.last_progress_report == restarts_after
