"""Versions of a draft's text, never overwritten, each with the checks of that exact text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from tui.core.records.store.notes import NoteStore
from tui.core.records.store.rows import StaleVersion, StoreError, Version, now, text_sha256
from tui.core.records.store.sql import record_signing


class VersionStore(NoteStore):
    """Versions and their checks."""

    def versions(self, draft_id: int) -> list[Version]:
        rows = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? ORDER BY n",
            (draft_id,),
        )
        return [Version(*row) for row in rows]

    def latest_version(self, draft_id: int) -> Version | None:
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
        return Version(*row) if row else None

    def version(self, draft_id: int, n: int) -> Version | None:
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? AND n = ?",
            (draft_id, n),
        ).fetchone()
        return Version(*row) if row else None

    def model_version(self, draft_id: int, up_to_id: int | None = None) -> Version | None:
        """The latest text the model drafted (not an edit), optionally not after a version."""
        row = self.db.execute(
            "SELECT id, draft_id, n, text, sha256, origin, author, created_at FROM draft_versions"
            " WHERE draft_id = ? AND origin IN ('model', 'regenerate') AND id <= ?"
            " ORDER BY n DESC LIMIT 1",
            (draft_id, up_to_id if up_to_id is not None else 2**62),
        ).fetchone()
        return Version(*row) if row else None

    def add_version(
        self,
        draft_id: int,
        text: str,
        origin: str,
        author: str,
        base_n: int | None = None,
        signing: int | None = None,
    ) -> Version:
        """Save text as a new version; unchanged text is not a new version.

        `base_n` is the version the editor started from: if another session saved a newer one
        meanwhile, StaleVersion is raised instead of silently burying that session's edit.
        """
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved" and origin != "addendum":
                raise StoreError("this draft is signed; it can only get an addendum")
            latest = conn.execute(
                "SELECT sha256, n FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (draft_id,),
            ).fetchone()
            if base_n is not None and latest is not None and latest[1] != base_n:
                if latest[0] == text_sha256(text):
                    base_n = None
                else:
                    raise StaleVersion(
                        f"another session saved version {latest[1]} while you edited version "
                        f"{base_n}"
                    )
            if latest is None or latest[0] != text_sha256(text):
                self._insert_version(conn, draft_id, text, origin, author)
                conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (now(), draft_id))
            record_signing(conn, signing)
        version = self.latest_version(draft_id)
        assert version is not None
        return version

    def replace_working_version(
        self, draft_id: int, n: int, text: str, origin: str, author: str
    ) -> Version:
        """Update version `n` in place: the one working version an editing session keeps while
        it autosaves (see tui.ui.screens.editor), so the history holds the clinician's steps,
        not a version every few seconds. Only the latest version, and only one still marked
        ``autosave``, is ever rewritten; its checks are dropped with its old text, so the draft
        shows "checking" and the sign gate checks the new text before anything is signed.

        StaleVersion if another session saved a newer version meanwhile."""
        digest = text_sha256(text)
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("this draft is signed; it can only get an addendum")
            latest = conn.execute(
                "SELECT n, sha256, origin FROM draft_versions WHERE draft_id = ?"
                " ORDER BY n DESC LIMIT 1",
                (draft_id,),
            ).fetchone()
            if latest is None or latest[0] != n:
                newer = latest[0] if latest else 0
                raise StaleVersion(
                    f"another session saved version {newer} while you edited version {n}"
                )
            if latest[2] != "autosave":
                raise StoreError(f"version {n} is not a working version; it is never rewritten")
            if latest[1] != digest or origin != latest[2]:
                stamp = now()
                conn.execute(
                    "UPDATE draft_versions SET text = ?, sha256 = ?, origin = ?, author = ?,"
                    " created_at = ?, checks_json = NULL WHERE draft_id = ? AND n = ?",
                    (text, digest, origin, author, stamp, draft_id, n),
                )
                if latest[1] != digest:
                    # The draft's checks fall back to the previous version's until this text
                    # is checked (checked_n < latest_n reads as "checking").
                    conn.execute(
                        "UPDATE drafts SET checked_n = ?, checks_json = COALESCE((SELECT"
                        " checks_json FROM draft_versions WHERE draft_id = ? AND n = ?), '{}')"
                        " WHERE id = ? AND checked_n >= ?",
                        (n - 1, draft_id, n - 1, draft_id, n),
                    )
                conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (stamp, draft_id))
        version = self.version(draft_id, n)
        assert version is not None
        return version

    def _insert_version(
        self,
        conn: sqlite3.Connection,
        draft_id: int,
        text: str,
        origin: str,
        author: str,
        checks: Mapping[str, Any] | None = None,
    ) -> int:
        """A new version; with `checks` it is stored checked (the drafter checks before it
        stores), else its checks are pending until `set_checks`."""
        row = conn.execute(
            "SELECT COALESCE(MAX(n), 0) FROM draft_versions WHERE draft_id = ?", (draft_id,)
        ).fetchone()
        n = int(row[0]) + 1
        cursor = conn.execute(
            "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, author, created_at,"
            " checks_json) VALUES (?,?,?,?,?,?,?,?)",
            (
                draft_id,
                n,
                text,
                text_sha256(text),
                origin,
                author,
                now(),
                None if checks is None else json.dumps(checks),
            ),
        )
        conn.execute(
            "UPDATE drafts SET latest_n = ?, checked_n = CASE WHEN ? THEN ? ELSE checked_n END,"
            " checks_json = CASE WHEN ? THEN ? ELSE checks_json END WHERE id = ?",
            (n, checks is not None, n, checks is not None, json.dumps(checks or {}), draft_id),
        )
        return int(cursor.lastrowid or 0)

    def set_checks(
        self, draft_id: int, n: int, checks: Mapping[str, Any], sha256: str | None = None
    ) -> bool:
        """Store the checks of version `n`; they become the draft's checks if `n` is still
        its latest version. Returns False when a newer version has come meanwhile, or when
        `sha256` (the text that was checked) is no longer version `n`'s text: a working
        version rewritten while it was being checked keeps waiting for its own checks."""
        encoded = json.dumps(checks)
        with self.write() as conn:
            stored = conn.execute(
                "UPDATE draft_versions SET checks_json = ? WHERE draft_id = ? AND n = ?"
                " AND (? IS NULL OR sha256 = ?)",
                (encoded, draft_id, n, sha256, sha256),
            ).rowcount
            if not stored:
                return False
            changed = conn.execute(
                "UPDATE drafts SET checks_json = ?, checked_n = ? WHERE id = ? AND latest_n = ?",
                (encoded, n, draft_id, n),
            ).rowcount
        return bool(changed)

    def version_checks(
        self, draft_id: int, n: int, sha256: str | None = None
    ) -> dict[str, Any] | None:
        """The stored checks of one version (None: not checked yet, or, with `sha256`, the
        version no longer holds that text)."""
        row = self.db.execute(
            "SELECT checks_json FROM draft_versions WHERE draft_id = ? AND n = ?"
            " AND (? IS NULL OR sha256 = ?)",
            (draft_id, n, sha256, sha256),
        ).fetchone()
        return None if row is None or row[0] is None else dict(json.loads(row[0]))

    def unchecked_drafts(self, limit: int = 100) -> list[int]:
        """Open drafts whose latest version has no stored checks yet (an edit whose checks a
        closed session never finished)."""
        rows = self.db.execute(
            "SELECT id FROM drafts WHERE checked_n < latest_n AND status IN ('ready', 'failed')"
            " ORDER BY id LIMIT ?",
            (limit,),
        )
        return [int(row[0]) for row in rows]
