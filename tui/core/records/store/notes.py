"""Notes as received: their bytes, their header fields (and the clinician's corrections of
them), and the queries of a patient's episode and of a day."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from tui.core.records.store.base import Database
from tui.core.records.store.rows import (
    FAILED_NOTE_SKILL,
    HEAD_BYTES,
    IDENTITY_FIELDS,
    DayNote,
    PatientNote,
    StoreError,
    head_text,
    iso_day,
    now,
    patient_key,
)
from tui.core.records.store.sql import insert_draft, supersede_failed, supersede_older


def name_key(patient: str) -> str:
    """The note's first-and-last-name key (see `tui.core.outcomes.matching.name_key`),
    imported on first use so opening the store stays light."""
    from tui.core.outcomes.matching import name_key as key

    return key(patient)


class NoteStore(Database):
    """Notes: recorded once per content, kept as received, corrected only in their header."""

    def note_by_sha(self, sha256: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM notes WHERE sha256 = ? AND status = 'ok'", (sha256,)
        ).fetchone()
        return int(row[0]) if row else None

    def add_note(
        self,
        path: str,
        sha256: str,
        meta: Mapping[str, Any],
        content: bytes,
        media_type: str,
        draft_skill: str = "",
        skill_sha256: str = "",
    ) -> tuple[int, bool]:
        """Record a readable note and keep its bytes, so a draft never depends on the file
        staying in the inbox; returns (id, created). Same content is never added twice.

        With `draft_skill`, the note's draft and job are queued in the same transaction, so no
        process can ever see the note without its draft (and queue a second one).
        """
        with self.write() as conn:
            row = conn.execute(
                "SELECT id FROM notes WHERE sha256 = ? AND status = 'ok'", (sha256,)
            ).fetchone()
            if row:
                return int(row[0]), False
            version = self._next_note_version(conn, path)
            supersede_failed(conn, path)
            patient, date = meta.get("patient", ""), meta.get("date", "")
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, version, kind, patient, date, visit, discipline,"
                " payer, skill, received_at, mrn, dob, patient_key, day, name_key, diagnosis,"
                " clinician) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    path,
                    sha256,
                    version,
                    meta.get("kind", "text"),
                    patient,
                    date,
                    meta.get("visit"),
                    meta.get("discipline", ""),
                    meta.get("payer", ""),
                    meta.get("skill", ""),
                    now(),
                    meta.get("mrn", ""),
                    meta.get("dob", ""),
                    patient_key(patient),
                    iso_day(date or path),
                    name_key(patient),
                    meta.get("diagnosis", ""),
                    meta.get("clinician", ""),
                ),
            )
            note_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO note_content (note_id, media_type, data) VALUES (?,?,?)",
                (note_id, media_type, content),
            )
            if draft_skill:
                draft_id = insert_draft(conn, note_id, draft_skill, None, "")
                conn.execute(
                    "UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (skill_sha256, draft_id)
                )
                supersede_older(conn, draft_id)
            return note_id, True

    def notes_without_drafts(self) -> list[tuple[int, str]]:
        """Readable notes with no draft (recorded by a release before drafts were queued in
        the same transaction): (note id, planned Skill)."""
        rows = self.db.execute(
            "SELECT n.id, n.skill FROM notes n WHERE n.status = 'ok'"
            " AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.note_id = n.id) ORDER BY n.id"
        ).fetchall()
        return [(int(note_id), str(skill)) for note_id, skill in rows]

    def note_content(self, note_id: int) -> tuple[str, bytes]:
        """The note's bytes as received, and their media type."""
        row = self.db.execute(
            "SELECT media_type, data FROM note_content WHERE note_id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no content kept for note {note_id}")
        return str(row[0]), bytes(row[1])

    def _next_note_version(self, conn: sqlite3.Connection, path: str) -> int:
        row = conn.execute(
            "SELECT MAX(version) FROM notes WHERE path = ? AND status != 'failed'", (path,)
        ).fetchone()
        return int(row[0] or 0) + 1

    def failed_note_paths(self, reason_prefix: str) -> list[str]:
        """Paths of notes that failed (and were not read again since) with a reason that
        begins with `reason_prefix`."""
        rows = self.db.execute(
            "SELECT DISTINCT path FROM notes WHERE status = 'failed' AND substr(reason, 1, ?) = ?",
            (len(reason_prefix), reason_prefix),
        )
        return [str(row[0]) for row in rows]

    def add_failed_note(self, path: str, sha256: str, reason: str, meta: Mapping[str, Any]) -> int:
        """Record an unreadable note as a failed draft the clinician sees, once per content."""
        with self.write() as conn:
            row = conn.execute(
                "SELECT id FROM notes WHERE path = ? AND sha256 = ? AND status = 'failed'",
                (path, sha256),
            ).fetchone()
            if row:
                return int(row[0])
            supersede_failed(conn, path)
            patient, date = meta.get("patient", ""), meta.get("date", "")
            cursor = conn.execute(
                "INSERT INTO notes (path, sha256, kind, patient, date, status, reason,"
                " received_at, patient_key, day, name_key)"
                " VALUES (?,?,?,?,?,'failed',?,?,?,?,?)",
                (
                    path,
                    sha256,
                    meta.get("kind", "text"),
                    patient,
                    date,
                    reason,
                    now(),
                    patient_key(patient),
                    iso_day(date or path),
                    name_key(patient),
                ),
            )
            note_id = int(cursor.lastrowid or 0)
            stamp = now()
            conn.execute(
                "INSERT INTO drafts (note_id, skill, status, reason, created_at, updated_at)"
                " VALUES (?,?,'failed',?,?,?)",
                (note_id, meta.get("skill", FAILED_NOTE_SKILL), reason, stamp, stamp),
            )
            return note_id

    def note_path(self, note_id: int) -> str:
        row = self.db.execute("SELECT path FROM notes WHERE id = ?", (note_id,)).fetchone()
        if not row:
            raise StoreError(f"no note {note_id}")
        return str(row[0])

    def set_identity(self, draft_id: int, fields: Mapping[str, str], author: str) -> list[str]:
        """Set who and when a draft's note is about (patient, date, mrn, dob), on the note row
        its drafts share, each change kept in ``header_edits``; returns the fields changed.
        A note with a signed draft keeps the identity it was signed with."""
        unknown = set(fields) - set(IDENTITY_FIELDS)
        if unknown:
            raise StoreError(f"not a header field: {', '.join(sorted(unknown))}")
        with self.write() as conn:
            row = conn.execute(
                "SELECT n.id, n.patient, n.date, n.mrn, n.dob, n.path FROM drafts d"
                " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
                (draft_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no draft {draft_id}")
            note_id, path = int(row[0]), str(row[5])
            if conn.execute(
                "SELECT 1 FROM drafts WHERE note_id = ? AND status = 'approved'", (note_id,)
            ).fetchone():
                raise StoreError("a draft of this note is signed; its header is part of the record")
            current = dict(zip(IDENTITY_FIELDS, row[1:5], strict=True))
            changed = [k for k in IDENTITY_FIELDS if k in fields and fields[k] != current[k]]
            stamp = now()
            for key in changed:
                # `key` is one of IDENTITY_FIELDS (checked above), never text from outside.
                conn.execute(f"UPDATE notes SET {key} = ? WHERE id = ?", (fields[key], note_id))
                conn.execute(
                    "INSERT INTO header_edits (note_id, draft_id, field, old, new, author, at)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (note_id, draft_id, key, current[key], fields[key], author, stamp),
                )
            if changed:
                patient, date = conn.execute(
                    "SELECT patient, date FROM notes WHERE id = ?", (note_id,)
                ).fetchone()
                conn.execute(
                    "UPDATE notes SET patient_key = ?, day = ?, name_key = ? WHERE id = ?",
                    (patient_key(patient), iso_day(date or path), name_key(patient), note_id),
                )
                conn.execute("UPDATE drafts SET updated_at = ? WHERE note_id = ?", (stamp, note_id))
            return changed

    def note_identity(self, note_id: int) -> dict[str, str]:
        """The note's patient, date, MRN and DOB as recorded (header edits included)."""
        row = self.db.execute(
            "SELECT patient, date, mrn, dob FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no note {note_id}")
        return dict(zip(IDENTITY_FIELDS, (str(v) for v in row), strict=True))

    def patient_notes(self, patient: str, until: str = "") -> list[PatientNote]:
        """The readable notes of one patient dated on or before `until` (an ISO day; "" for
        all), oldest first: what the audit needs to know of the episode (reports, evaluations,
        certification). Names match in any case, accent or word order ("Whitfield, Dana" is
        "Dana Whitfield"). Each row carries the start of a text note, so the caller reads its
        header (MRN, discipline, certification date) without loading whole notes or scans."""
        key = patient_key(patient)
        if not key:
            return []
        rows = self.db.execute(
            "SELECT n.id, n.path, n.sha256, n.day, n.visit, n.skill,"
            " n.discipline, CASE WHEN c.media_type LIKE 'text/%' THEN substr(c.data, 1, ?)"
            " ELSE NULL END"
            " FROM notes n LEFT JOIN note_content c ON c.note_id = n.id"
            " WHERE n.patient_key = ? AND n.status = 'ok' AND n.day != ''"
            " AND (? = '' OR n.day <= ?) ORDER BY n.day, n.visit, n.id",
            (HEAD_BYTES, key, until, until),
        ).fetchall()
        return [
            PatientNote(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5]), str(r[6]),
                        head_text(r[7]))
            for r in rows
        ]  # fmt: skip

    def notes_on(self, day: str) -> list[DayNote]:
        """The notes dated `day` (ISO): the latest version of each readable file, and the
        unreadable ones still waiting for a fix (the billing office must hear of those too),
        in arrival order, each with the draft a reviewer opens for it: its first pass in the
        planned Skill, else its oldest draft."""
        rows = self.db.execute(
            "SELECT n.id, n.path, n.patient, n.skill, n.kind, (SELECT d.id FROM drafts d"
            " WHERE d.note_id = n.id ORDER BY d.parent_id IS NOT NULL, d.skill != (SELECT"
            " s.skill FROM notes s WHERE s.id = d.note_id), d.id LIMIT 1), n.status, n.reason"
            " FROM notes n WHERE n.day = ? AND (n.status = 'failed'"
            " OR (n.status = 'ok' AND n.version = (SELECT MAX(m.version) FROM notes m"
            " WHERE m.path = n.path AND m.status = 'ok'))) ORDER BY n.id",
            (day,),
        ).fetchall()
        return [
            DayNote(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], str(r[6]),
                    str(r[7]))
            for r in rows
        ]  # fmt: skip

    def note_days(self) -> list[str]:
        """The ISO days that have notes, oldest first (the audit steps through them)."""
        rows = self.db.execute(
            "SELECT DISTINCT n.day FROM notes n WHERE n.status IN ('ok', 'failed')"
            " AND n.day != '' ORDER BY n.day"
        )
        return [str(row[0]) for row in rows]
