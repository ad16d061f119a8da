"""The drafter in-process on a real clinic folder with a real watchdog observer: every arrival
pattern gives exactly one ready draft, every bad file exactly one failed entry with a reason,
and a fixed file is drafted."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

from tests.intake.conftest import (
    SETTLE,
    by_note,
    configure,
    note_bytes,
    running_pipeline,
    wait_until,
)


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (no lines: a 'scan' with no text)."""
    text = "".join(f"({line}) Tj T* " for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 72 720 Td {text}ET".encode() if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{namespace}">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return out.getvalue()


NOTE_LINES = [
    "Patient: Paula Document",
    "Date: 2026-11-10",
    "Discipline: PT",
    "",
    "S: Reports low back pain 5/10, worse after sitting.",
    "O: Lumbar flexion limited 50 percent. Gait 300 ft independent.",
    "A: Progressing. P: Continue plan of care 2x/wk.",
]


async def test_every_arrival_pattern_gives_exactly_one_ready_draft(
    clinic: Path, tmp_path: Path
) -> None:
    inbox = clinic / "inbox"
    outside = tmp_path / "outside"
    outside.mkdir()
    (inbox / "present-at-start.txt").write_bytes(note_bytes(0))
    async with running_pipeline(clinic) as run:
        (inbox / "in-place.txt").write_bytes(note_bytes(1))
        data = note_bytes(2)
        with open(inbox / "slow.txt", "wb") as handle:
            for start in range(0, len(data), 60):
                handle.write(data[start : start + 60])
                handle.flush()
                await asyncio.sleep(SETTLE * 1.5)
        (inbox / "renamed.txt.tmp").write_bytes(note_bytes(3))
        os.rename(inbox / "renamed.txt.tmp", inbox / "renamed.txt")
        (outside / "moved-in.txt").write_bytes(note_bytes(4))
        os.rename(outside / "moved-in.txt", inbox / "moved-in.txt")
        (inbox / "soap_note").mkdir()
        (inbox / "soap_note" / "in-skill-folder.txt").write_bytes(note_bytes(5))
        for index in range(100):
            (outside / f"batch-{index:03d}.txt").write_bytes(note_bytes(100 + index))
        for index in range(100):
            shutil.copyfile(outside / f"batch-{index:03d}.txt", inbox / f"batch-{index:03d}.txt")
        expected = 106

        def all_ready() -> bool:
            entries = run.service.queue_json()["drafts"]
            return sum(e["status"] == "ready" for e in entries) >= expected

        await wait_until(all_ready)
        await asyncio.sleep(SETTLE * 3)
        entries = run.service.queue_json()["drafts"]
    grouped = by_note(entries)
    assert len(grouped) == expected
    assert all([e["status"] for e in group] == ["ready"] for group in grouped.values())
    assert "inbox/renamed.txt" in grouped and "inbox/renamed.txt.tmp" not in grouped
    assert grouped["inbox/soap_note/in-skill-folder.txt"][0]["skill"] == "soap_note"
    slow = run.service.source_note(grouped["inbox/slow.txt"][0]["id"])
    assert slow.data == data


async def test_same_content_is_never_drafted_twice_and_a_change_is_a_new_version(
    clinic: Path,
) -> None:
    inbox = clinic / "inbox"
    async with running_pipeline(clinic) as run:
        (inbox / "a.txt").write_bytes(note_bytes(1))
        await run.settled("inbox/a.txt")
        (inbox / "copy of a.txt").write_bytes(note_bytes(1))
        os.utime(inbox / "a.txt")
        await asyncio.sleep(SETTLE * 4)
        assert [e["note"] for e in run.service.queue_json()["drafts"]] == ["inbox/a.txt"]
        with open(inbox / "a.txt", "ab") as handle:
            handle.write(b"Addendum: pt tolerated session well, no adverse events.\n")
        await wait_until(lambda: len(run.entry("inbox/a.txt")) == 2)
        entries = await run.settled("inbox/a.txt")
    assert [(e["note_version"], e["status"]) for e in entries] == [
        (1, "superseded"),
        (2, "ready"),
    ], "the corrected note's draft replaces the first one"
    assert entries[0]["superseded_by"] == entries[1]["id"]
    seen_again = [
        (e.path, e.status) for e in run.events if e.kind == "note" and e.status != "drafted"
    ]
    assert sorted(seen_again) == [
        ("inbox/a.txt", "unchanged"),
        ("inbox/copy of a.txt", "duplicate"),
    ]


BAD_INPUTS: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "note is empty"),
    ("whitespace.txt", b"   \n\n\t \n", "note is empty"),
    ("junk.txt", os.urandom(64) + b"\x00\x01\x02" * 100, "binary"),
    (
        "latin1.txt",
        "Patient: José Núñez\n\nPain 4/10 après la séance de rééducation.".encode("latin-1"),
        "UTF-8",
    ),
    ("huge.txt", b"pain 4/10 today. " * 1400, "over the"),
    ("not-really.png", b"this is text, not an image at all", "not a PNG"),
    ("broken.pdf", b"%PDF-1.4\n garbage without any objects", "PDF"),
    ("broken.docx", b"PK\x03\x04 not a real zip", "Word document"),
    ("header-only.md", b"Patient: Ann Test\nDate: 2026-01-02\n\n", "header but no body"),
]


async def test_each_bad_input_is_exactly_one_failed_entry_with_a_reason(
    clinic: Path, tmp_path: Path
) -> None:
    configure(clinic, intake={"max_file_mb": 0.02})
    inbox = clinic / "inbox"
    outside = tmp_path / "outside.txt"
    outside.write_bytes(note_bytes(99))
    async with running_pipeline(clinic) as run:
        for name, data, _ in BAD_INPUTS:
            (inbox / name).write_bytes(data)
        os.symlink(outside, inbox / "link-out.txt")
        os.symlink(inbox / "empty.txt", inbox / "link-in.txt")
        os.mkfifo(inbox / "pipe.txt")
        (inbox / "not-a-skill").mkdir()
        (inbox / "not-a-skill" / "note.txt").write_bytes(note_bytes(7))
        (inbox / "good.txt").write_bytes(note_bytes(8))
        expected = {f"inbox/{name}": reason for name, _, reason in BAD_INPUTS}
        expected |= {
            "inbox/link-out.txt": "symlink to a file outside the clinic folder: refused",
            "inbox/link-in.txt": "symlink: refused",
            "inbox/pipe.txt": "not a regular file",
            "inbox/not-a-skill/note.txt": "unknown Skill 'not-a-skill'",
        }
        await wait_until(
            lambda: len(run.service.queue_json()["drafts"]) >= len(expected) + 1, timeout=15
        )
        await run.settled("inbox/good.txt")
        await asyncio.sleep(SETTLE * 3)
        entries = run.service.queue_json()["drafts"]
    grouped = by_note(entries)
    assert set(grouped) == set(expected) | {"inbox/good.txt"}
    for rel, reason in expected.items():
        (entry,) = grouped[rel]
        assert entry["status"] == "failed"
        assert reason in entry["reason"], (rel, entry["reason"])
    assert [e["status"] for e in grouped["inbox/good.txt"]] == ["ready"]


async def test_file_that_vanishes_before_it_is_read_is_a_failed_entry(clinic: Path) -> None:
    inbox = clinic / "inbox"
    async with running_pipeline(clinic) as run:
        with open(inbox / "gone.txt", "wb") as handle:
            handle.write(note_bytes(1))
            handle.flush()
            await asyncio.sleep(0.05)
            os.unlink(inbox / "gone.txt")
        (entry,) = await run.settled("inbox/gone.txt")
    assert entry["status"] == "failed"
    assert entry["reason"] == "file vanished before it could be read"


async def test_renamed_right_after_writing_is_not_a_vanished_note(clinic: Path) -> None:
    """A note saved as `first.txt` and renamed a few ms later may be gone when read: that is a
    rename, not a vanished note. Each note is drafted once (under the name it had when read)."""
    inbox = clinic / "inbox"

    def save_then_rename() -> None:
        for index in range(30):
            (inbox / f"first-{index}.txt").write_bytes(note_bytes(index))
            time.sleep(0.001 * (index % 15))
            os.rename(inbox / f"first-{index}.txt", inbox / f"final-{index}.txt")

    async with running_pipeline(clinic) as run:
        await asyncio.to_thread(save_then_rename)
        await wait_until(
            lambda: sum(e["status"] == "ready" for e in run.service.queue_json()["drafts"]) >= 30
        )
        await asyncio.sleep(1.5)
        entries = run.service.queue_json()["drafts"]
    assert [e["status"] for e in entries] == ["ready"] * 30
    numbers = sorted(int(e["note"].rsplit("-", 1)[1].split(".")[0]) for e in entries)
    assert numbers == list(range(30))


async def test_a_fixed_file_is_retried_and_drafted(clinic: Path) -> None:
    inbox = clinic / "inbox"
    async with running_pipeline(clinic) as run:
        (inbox / "fix-me.txt").write_bytes(b"")
        (failed,) = await run.settled("inbox/fix-me.txt")
        assert failed["status"] == "failed"
        (inbox / "fix-me.txt").write_bytes(note_bytes(5))
        await wait_until(lambda: any(e["status"] == "ready" for e in run.entry("inbox/fix-me.txt")))
    db = sqlite3.connect(clinic / ".chartdesk" / "state.db")
    statuses = db.execute(
        "SELECT status FROM notes WHERE path = 'inbox/fix-me.txt' ORDER BY id"
    ).fetchall()
    db.close()
    assert statuses == [("superseded",), ("ok",)]


async def test_a_fixed_file_no_longer_shows_as_failed(clinic: Path) -> None:
    inbox = clinic / "inbox"
    async with running_pipeline(clinic) as run:
        (inbox / "fix-me.txt").write_bytes(b"   ")
        await run.settled("inbox/fix-me.txt")
        (inbox / "fix-me.txt").write_bytes(note_bytes(6))
        await wait_until(lambda: any(e["status"] == "ready" for e in run.entry("inbox/fix-me.txt")))
        statuses = [e["status"] for e in run.entry("inbox/fix-me.txt")]
    assert statuses == ["ready"]


async def test_file_kinds(clinic: Path) -> None:
    inbox = clinic / "inbox"
    async with running_pipeline(clinic) as run:
        (inbox / "typed.pdf").write_bytes(pdf_bytes(NOTE_LINES))
        (inbox / "scan.pdf").write_bytes(pdf_bytes([]))
        (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
        # Another visit day: the same patient's same document of one day would supersede.
        word_lines = [line.replace("2026-11-10", "2026-11-12") for line in NOTE_LINES]
        (inbox / "word.docx").write_bytes(docx_bytes(word_lines))
        (inbox / "windows.txt").write_bytes(note_bytes(3).decode().encode("utf-16"))
        (inbox / "front.md").write_bytes(
            b"---\nPatient: Fran Matter\nDiscipline: OT\n---\n" + note_bytes(4)
        )
        for name in ("typed.pdf", "scan.pdf", "photo.png", "photo.jpg", "word.docx", "windows.txt",
                     "front.md"):  # fmt: skip
            await run.settled(f"inbox/{name}")
        grouped = by_note(run.service.queue_json()["drafts"])
        typed = run.service.source_note(grouped["inbox/typed.pdf"][0]["id"])
    for name in ("typed.pdf", "word.docx", "windows.txt", "front.md"):
        assert [e["status"] for e in grouped[f"inbox/{name}"]] == ["ready"], name
    assert grouped["inbox/typed.pdf"][0]["patient"] == "Paula Document"
    assert grouped["inbox/word.docx"][0]["patient"] == "Paula Document"
    assert "Lumbar flexion limited" in typed.body
    for name in ("scan.pdf", "photo.png", "photo.jpg"):
        (entry,) = grouped[f"inbox/{name}"]
        assert entry["status"] == "failed" and "needs a model to read" in entry["reason"], name


async def test_names_with_spaces_unicode_and_shell_characters(clinic: Path) -> None:
    inbox = clinic / "inbox"
    names = ["with space.txt", "ünïcødé-名前.md", "$(touch pwned); `id` 'q' & | ;.txt", "-dash.txt"]
    async with running_pipeline(clinic) as run:
        for index, name in enumerate(names):
            (inbox / name).write_bytes(note_bytes(index))
        raw = os.path.join(os.fsencode(inbox), b"bad-\xff-bytes.txt")
        with open(raw, "wb") as handle:
            handle.write(note_bytes(50))
        for name in names:
            await run.settled(f"inbox/{name}")
        await run.settled("inbox/bad-\\xff-bytes.txt")
        grouped = by_note(run.service.queue_json()["drafts"])
    assert all([e["status"] for e in group] == ["ready"] for group in grouped.values())
    assert len(grouped) == len(names) + 1
    assert not (Path.cwd() / "pwned").exists() and not (inbox / "pwned").exists()


async def test_polling_observer_from_context(clinic: Path) -> None:
    configure(clinic, intake={"observer": "polling"})
    async with running_pipeline(clinic) as run:
        assert run.pipeline.watcher is not None
        assert run.pipeline.watcher.observer_kind == "polling"
        (clinic / "inbox" / "a.txt").write_bytes(note_bytes(1))
        (clinic / "inbox" / "b.tmp").write_bytes(note_bytes(2))
        os.rename(clinic / "inbox" / "b.tmp", clinic / "inbox" / "b.txt")
        entries = await run.settled("inbox/a.txt") + await run.settled("inbox/b.txt")
    assert [e["status"] for e in entries] == ["ready", "ready"]


async def test_note_events_reach_subscribers_without_note_text(clinic: Path) -> None:
    async with running_pipeline(clinic) as run:
        (clinic / "inbox" / "a.txt").write_bytes(note_bytes(1))
        await run.settled("inbox/a.txt")
        await asyncio.sleep(0.1)
    kinds = [
        (e.kind, e.status)
        for e in run.events
        if e.kind in ("note", "draft") and e.source != "store"
    ]
    assert kinds == [("note", "drafted"), ("draft", "drafting"), ("draft", "ready")]
    body = note_bytes(1).decode()
    assert all(e.reason not in body or not e.reason for e in run.events)
    assert [e.status for e in run.events if e.kind == "role"] == ["drafter", "stopped"]
