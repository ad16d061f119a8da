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

    def set_checks(self, draft_id: int, n: int, checks: Mapping[str, Any]) -> bool:
        """Store the checks of version `n`; they become the draft's checks if `n` is still
        its latest version. Returns False when a newer version has come meanwhile."""
        encoded = json.dumps(checks)
        with self.write() as conn:
            conn.execute(
                "UPDATE draft_versions SET checks_json = ? WHERE draft_id = ? AND n = ?",
                (encoded, draft_id, n),
            )
            changed = conn.execute(
                "UPDATE drafts SET checks_json = ?, checked_n = ? WHERE id = ? AND latest_n = ?",
                (encoded, n, draft_id, n),
            ).rowcount
        return bool(changed)

    def version_checks(self, draft_id: int, n: int) -> dict[str, Any] | None:
        """The stored checks of one version (None: not checked yet)."""
        row = self.db.execute(
            "SELECT checks_json FROM draft_versions WHERE draft_id = ? AND n = ?", (draft_id, n)
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
