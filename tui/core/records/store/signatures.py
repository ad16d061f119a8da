"""Signatures: approvals, co-signatures, the signing journal, and the day's signing figures."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.records.store.drafts import DraftStore
from tui.core.records.store.rows import Signing, SigningIntent, StoreError, Version, now
from tui.core.records.store.sql import insert_draft, record_signing


class SignatureStore(DraftStore):
    """Signatures and the journal that makes each one recoverable."""

    def approve(
        self,
        draft_id: int,
        version: Version,
        clinician: str,
        credentials: str,
        os_user: str,
        signed_at: str,
        note_sha256: str,
        files: Sequence[str],
        document_sha256: str = "",
        *,
        signer_id: str = "",
        auth: str = "",
        override_reason: str = "",
        override_codes: Sequence[str] = (),
        cosign_by: str = "",
        signing: int | None = None,
        next_skill: str = "",
    ) -> int | None:
        """Record a signature on exactly the version the clinician saw; returns the id of the
        second pass it starts (`next_skill`), created in the same transaction.

        `document_sha256` is the hash of the signed document as written (text plus signature
        line); addenda cite it, so it must name a file that exists. `override_reason` is the
        clinician's reason to sign over the open `override_codes`; `cosign_by` names the
        supervisor whose co-signature the document still needs; `signing` is the signing
        transaction this records (see `begin_signing`).
        """
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None or status[0] != "ready":
                raise StoreError("only a ready draft can be approved")
            latest = conn.execute(
                "SELECT id, sha256 FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (draft_id,),
            ).fetchone()
            # The same version with other text: a working version rewritten in place.
            if latest is None or (latest[0], latest[1]) != (version.id, version.sha256):
                raise StoreError("the draft changed in another session; review it again to sign")
            conn.execute(
                "INSERT INTO approvals (draft_id, version_id, clinician, credentials, os_user,"
                " signed_at, sha256, note_sha256, files_json, signer_id, auth, override_reason,"
                " override_json, cosign_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    draft_id,
                    version.id,
                    clinician,
                    credentials,
                    os_user,
                    signed_at,
                    document_sha256 or version.sha256,
                    note_sha256,
                    json.dumps(list(files)),
                    signer_id,
                    auth,
                    override_reason,
                    json.dumps(list(override_codes)),
                    cosign_by,
                ),
            )
            conn.execute(
                "UPDATE drafts SET status = 'approved', updated_at = ? WHERE id = ?",
                (now(), draft_id),
            )
            record_signing(conn, signing)
            if not next_skill:
                return None
            note_id = conn.execute(
                "SELECT note_id FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()[0]
            return insert_draft(conn, int(note_id), next_skill, draft_id, "")

    def approval(self, draft_id: int) -> dict[str, Any] | None:
        """Who signed a draft and how, with its co-signature (``cosigned``) once made."""
        row = self.db.execute(
            "SELECT clinician, credentials, os_user, signed_at, sha256, note_sha256, files_json,"
            " version_id, signer_id, auth, override_reason, override_json, cosign_by"
            " FROM approvals WHERE draft_id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("clinician", "credentials", "os_user", "signed_at", "sha256", "note_sha256")
        result: dict[str, Any] = dict(zip(keys, row[:6], strict=True))
        result["files"] = json.loads(row[6])
        result["version_id"] = row[7]
        result |= {"signer_id": row[8], "auth": row[9], "override_reason": row[10]}
        result |= {"override_codes": json.loads(row[11] or "[]"), "cosign_by": row[12]}
        result["cosigned"] = self.cosignature(draft_id)
        return result

    def cosign(
        self,
        draft_id: int,
        clinician: str,
        credentials: str,
        signer_id: str,
        os_user: str,
        auth: str,
        signed_at: str,
        sha256: str,
        files: Sequence[str],
        signing: int | None = None,
    ) -> None:
        """Record the supervisor's co-signature of a signed draft (once)."""
        with self.write() as conn:
            row = conn.execute(
                "SELECT cosign_by FROM approvals WHERE draft_id = ?", (draft_id,)
            ).fetchone()
            if row is None or not row[0]:
                raise StoreError("this document needs no co-signature")
            if row[0] != signer_id:
                raise StoreError(f"only {row[0]} co-signs this document")
            if conn.execute(
                "SELECT 1 FROM cosignatures WHERE draft_id = ?", (draft_id,)
            ).fetchone():
                raise StoreError("this document is already co-signed")
            conn.execute(
                "INSERT INTO cosignatures (draft_id, clinician, credentials, signer_id, os_user,"
                " auth, signed_at, sha256, files_json) VALUES (?,?,?,?,?,?,?,?,?)",
                (draft_id, clinician, credentials, signer_id, os_user, auth, signed_at, sha256,
                 json.dumps(list(files))),
            )  # fmt: skip
            conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (now(), draft_id))
            record_signing(conn, signing)

    def cosignature(self, draft_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT clinician, credentials, signer_id, os_user, auth, signed_at, sha256,"
            " files_json FROM cosignatures WHERE draft_id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("clinician", "credentials", "signer_id", "os_user", "auth", "signed_at", "sha256")
        return dict(zip(keys, row[:7], strict=True)) | {"files": json.loads(row[7])}

    def awaiting_cosignature(self) -> list[tuple[int, str]]:
        """Signed drafts still waiting for their supervisor: (draft id, supervisor id)."""
        rows = self.db.execute(
            "SELECT a.draft_id, a.cosign_by FROM approvals a WHERE a.cosign_by != ''"
            " AND NOT EXISTS (SELECT 1 FROM cosignatures c WHERE c.draft_id = a.draft_id)"
            " ORDER BY a.draft_id"
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    def begin_signing(
        self,
        draft_id: int,
        kind: str,
        files: Sequence[Mapping[str, str]],
        audit: Mapping[str, Any],
        deliveries: Sequence[Mapping[str, Any]] = (),
    ) -> int:
        """Announce a signature before its files are written: which files (path, sha256), the
        audit entry it owes and the deliveries (destination, parcel) it queues once recorded.
        Returns the signing's id."""
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "INSERT INTO signings (draft_id, kind, files_json, audit_json, state, created_at,"
                " updated_at, deliveries_json) VALUES (?,?,?,?,'writing',?,?,?)",
                (draft_id, kind, json.dumps(list(files)), json.dumps(audit), stamp, stamp,
                 json.dumps(list(deliveries))),
            )  # fmt: skip
            return int(cursor.lastrowid or 0)

    def end_signing(self, signing: int, state: str) -> None:
        """Mark a signing done (its audit entry written) or rolled back (its files removed)."""
        with self.write() as conn:
            conn.execute(
                "UPDATE signings SET state = ?, updated_at = ? WHERE id = ?",
                (state, now(), signing),
            )

    def open_signings(self) -> list[SigningIntent]:
        """Signings a crash left half done: still writing files, or recorded without their
        audit entry."""
        rows = self.db.execute(
            "SELECT id, draft_id, kind, files_json, audit_json, state FROM signings"
            " WHERE state IN ('writing', 'recorded') ORDER BY id"
        )
        return [
            SigningIntent(
                int(r[0]), int(r[1]), str(r[2]), json.loads(r[3]), json.loads(r[4]), str(r[5])
            )
            for r in rows
        ]

    def signed_same_visit(self, draft_id: int) -> list[int]:
        """Signed first-pass drafts of the same visit as this one: of the same note file, or
        the same patient, day and document (unless the notes give different visit numbers)."""
        row = self.db.execute(
            "SELECT n.path, n.patient_key, n.day, n.visit, d.skill FROM drafts d"
            " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return []
        path, key, day, visit, skill = row
        # The notes of the visit first, by their indexes (path; patient key and day), then
        # their drafts: a clinic's tenth year holds hundreds of thousands of signed drafts,
        # so the signed ones are never the starting point (`+d.status` keeps SQLite from it).
        rows = self.db.execute(
            "SELECT d.id FROM notes n JOIN drafts d ON d.note_id = n.id"
            " WHERE n.id IN (SELECT id FROM notes WHERE path = ? UNION"
            "  SELECT id FROM notes WHERE ? != '' AND ? != '' AND patient_key = ? AND day = ?)"
            " AND d.id != ? AND d.parent_id IS NULL AND +d.status = 'approved'"
            " AND (n.path = ? OR (? != '' AND ? != '' AND n.patient_key = ? AND n.day = ?"
            " AND d.skill = ? AND NOT (? IS NOT NULL AND n.visit IS NOT NULL AND n.visit != ?)))"
            " ORDER BY d.id",
            (path, key, day, key, day, draft_id, path, key, day, key, day, skill, visit, visit),
        )
        return [int(r[0]) for r in rows]

    def signed_documents(self) -> dict[int, str]:
        """Every signature: draft id -> sha256 of the signed document (read only; the audit
        log's verification compares its approve entries with these)."""
        rows = self.db.execute("SELECT draft_id, sha256 FROM approvals ORDER BY draft_id")
        return {int(draft_id): str(sha256) for draft_id, sha256 in rows}

    def signed_between(self, start: str, end: str) -> list[Signing]:
        """Signatures in [start, end) with the drafted and the signed text of each."""
        rows = self.db.execute(
            "SELECT a.draft_id, d.ready_at, a.signed_at, v.text, (SELECT m.text FROM"
            " draft_versions m WHERE m.draft_id = a.draft_id AND m.origin IN ('model',"
            " 'regenerate') AND m.id <= a.version_id ORDER BY m.n DESC LIMIT 1)"
            " FROM approvals a JOIN drafts d ON d.id = a.draft_id"
            " JOIN draft_versions v ON v.id = a.version_id"
            " WHERE a.signed_at >= ? AND a.signed_at < ? ORDER BY a.id",
            (start, end),
        )
        return [Signing(int(r[0]), r[1] or "", str(r[2]), str(r[3]), r[4] or "") for r in rows]

    def drafted_between(self, start: str, end: str) -> tuple[int, float, int]:
        """Drafts that became ready in [start, end): how many, their cost and tokens."""
        row = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(cost_usd), 0), COALESCE(SUM(input_tokens +"
            " output_tokens + cache_write_tokens + cache_read_tokens), 0) FROM drafts"
            " WHERE ready_at >= ? AND ready_at < ?",
            (start, end),
        ).fetchone()
        return int(row[0]), float(row[1]), int(row[2])
