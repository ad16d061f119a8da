"""Drafts and their jobs: queued, drafted, checked, superseded or rejected, and the queue that
follows them across processes by a change cursor."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.records.store.rows import (
    DELIVERY_STATE,
    DRAFT_SELECT,
    DRAFT_STATUSES,
    VISIBLE,
    Draft,
    DraftResult,
    Job,
    OpenDraft,
    QueueEntry,
    StoreError,
    draft_of_row,
    fold,
    now,
    text_sha256,
)
from tui.core.records.store.sql import add_usage, insert_draft, record_attempt, supersede_older
from tui.core.records.store.versions import VersionStore

_BEYOND_ASCII = "*[^\t -~]*"
"""A GLOB pattern that matches text with a character other than a tab or printable ASCII."""


class DraftStore(VersionStore):
    """Drafts, jobs and the queue."""

    def draft_of_note(self, note_id: int) -> int | None:
        row = self.db.execute(
            "SELECT MIN(id) FROM drafts WHERE note_id = ? AND parent_id IS NULL", (note_id,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def drafts_of_note(self, note_id: int, statuses: Sequence[str] = DRAFT_STATUSES) -> list[int]:
        """The drafts made from one note, in the given states."""
        rows = self.db.execute(
            "SELECT id FROM drafts WHERE note_id = ? AND status IN"
            " (SELECT value FROM json_each(?)) ORDER BY id",
            (note_id, json.dumps(list(statuses))),
        )
        return [int(row[0]) for row in rows]

    def create_draft(
        self, note_id: int, skill: str, parent_id: int | None = None, instruction: str = ""
    ) -> int:
        """A queued draft and its pending job, created together. A first pass supersedes the
        open drafts of the same visit and document."""
        with self.write() as conn:
            draft_id = insert_draft(conn, note_id, skill, parent_id, instruction)
            if parent_id is None:
                supersede_older(conn, draft_id)
            return draft_id

    def requeue(self, draft_id: int, instruction: str = "") -> int:
        """Queue a failed, ready or rejected draft to be drafted again (a new job)."""
        stamp = now()
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("an approved draft cannot be regenerated; add an addendum")
            if status[0] in ("rejected", "superseded"):
                raise StoreError(f"a {status[0]} draft is closed; it is not drafted again")
            if conn.execute(
                "SELECT 1 FROM jobs WHERE draft_id = ? AND state IN ('pending', 'running')",
                (draft_id,),
            ).fetchone():
                raise StoreError("this draft is already being drafted")
            conn.execute(
                "UPDATE drafts SET status = 'queued', reason = '', updated_at = ? WHERE id = ?",
                (stamp, draft_id),
            )
            cursor = conn.execute(
                "INSERT INTO jobs (draft_id, state, instruction, created_at, updated_at)"
                " VALUES (?,'pending',?,?,?)",
                (draft_id, instruction, stamp, stamp),
            )
            return int(cursor.lastrowid or 0)

    def claim_job(self, owner: str) -> Job | None:
        """Take the oldest runnable pending job; the draft moves to 'drafting' atomically. The
        text an earlier attempt checkpointed is returned with the job and cleared in the store,
        so a review session never shows it as the new attempt's text."""
        stamp = now()
        with self.write() as conn:
            row = conn.execute(
                "SELECT id, draft_id, state, attempts, instruction, partial_text FROM jobs"
                " WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT 1",
                (stamp,),
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE jobs SET state = 'running', owner = ?, attempts = attempts + 1,"
                " partial_text = '', updated_at = ? WHERE id = ?",
                (owner, stamp, row[0]),
            )
            conn.execute(
                "UPDATE drafts SET status = 'drafting', updated_at = ? WHERE id = ?",
                (stamp, row[1]),
            )
        return Job(row[0], row[1], "running", row[3] + 1, row[4], row[5])

    def checkpoint(self, job_id: int, partial_text: str) -> None:
        """Save streamed text so far; a crash loses at most what came after this."""
        with self.write() as conn:
            conn.execute(
                "UPDATE jobs SET partial_text = ?, updated_at = ?"
                " WHERE id = ? AND state = 'running'",
                (partial_text, now(), job_id),
            )

    def finish_job(
        self,
        job: Job,
        result: DraftResult,
        checks: Mapping[str, Any] | None,
        skill_sha256: str = "",
        started_at: str = "",
    ) -> int | None:
        """Store the draft text as a new version and mark it ready, exactly once per job.

        `skill_sha256` names the Skill version that wrote this text; it is recorded with the
        text, in the same transaction, and so is the attempt (begun at `started_at`). `checks`
        None stores the text with its checks pending (`set_checks` stores them when they
        finish)."""
        stamp = now()
        with self.write() as conn:
            state = conn.execute("SELECT state FROM jobs WHERE id = ?", (job.id,)).fetchone()
            if state is None or state[0] != "running":
                return None
            if skill_sha256:
                conn.execute(
                    "UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (skill_sha256, job.draft_id)
                )
            conn.execute(
                "UPDATE jobs SET state = 'done', partial_text = '', updated_at = ? WHERE id = ?",
                (stamp, job.id),
            )
            latest = conn.execute(
                "SELECT id, sha256 FROM draft_versions WHERE draft_id = ? ORDER BY n DESC LIMIT 1",
                (job.draft_id,),
            ).fetchone()
            if latest is not None and latest[1] == text_sha256(result.text):
                version_id = int(latest[0])  # drafted again word for word: no new version
            else:
                origin = "regenerate" if latest is not None else "model"
                version_id = self._insert_version(
                    conn, job.draft_id, result.text, origin, "", checks
                )
            add_usage(conn, job.draft_id, result)
            record_attempt(conn, job.id, job.draft_id, job.attempts, "ready", result, started_at)
            conn.execute(
                "UPDATE drafts SET status = 'ready', reason = '', request_id = ?, stop_reason = ?,"
                " backend = ?, model = ?, server_model = ?, aside = ?, updated_at = ?,"
                " ready_at = ? WHERE id = ?",
                (
                    result.request_id,
                    result.stop_reason,
                    result.backend,
                    result.model,
                    result.server_model,
                    result.aside,
                    stamp,
                    stamp,
                    job.draft_id,
                ),
            )
            return version_id

    def set_skill_hash(self, draft_id: int, sha256: str) -> None:
        with self.write() as conn:
            conn.execute("UPDATE drafts SET skill_sha256 = ? WHERE id = ?", (sha256, draft_id))

    def fail_job(
        self,
        job: Job,
        reason: str,
        retry_at: str | None = None,
        usage: DraftResult | None = None,
        started_at: str = "",
    ) -> None:
        """Fail a job; with `retry_at` it goes back to pending for a later attempt.

        Only a job still running is touched: one cancelled (and perhaps re-queued) meanwhile
        keeps its state, so a late failure can never queue a second drafting of the draft.
        `usage` carries the tokens and cost of what the attempt used before it failed (an
        answer cut off or refused, a stream broken mid-draft), so the day's cost stays true;
        the attempt (begun at `started_at`) is recorded with it, whatever it used.
        """
        stamp = now()
        retrying = bool(retry_at)
        with self.write() as conn:
            if usage is not None:
                add_usage(conn, job.draft_id, usage)
            record_attempt(
                conn,
                job.id,
                job.draft_id,
                job.attempts,
                "retrying" if retrying else "failed",
                usage,
                started_at,
            )
            changed = conn.execute(
                "UPDATE jobs SET state = ?, not_before = ?, error = ?, owner = '', updated_at = ?"
                " WHERE id = ? AND state = 'running'",
                ("pending" if retrying else "failed", retry_at or "", reason, stamp, job.id),
            ).rowcount
            if not changed:
                return
            conn.execute(
                "UPDATE drafts SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                (
                    "queued" if retrying else "failed",
                    f"retrying: {reason}" if retrying else reason,
                    stamp,
                    job.draft_id,
                ),
            )

    def cancel_jobs(self, draft_id: int, reason: str = "cancelled by clinician") -> bool:
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET state = 'cancelled', error = ?, updated_at = ?"
                " WHERE draft_id = ? AND state IN ('pending', 'running')",
                (reason, stamp, draft_id),
            )
            if cursor.rowcount:
                has_text = conn.execute(
                    "SELECT 1 FROM draft_versions WHERE draft_id = ?", (draft_id,)
                ).fetchone()
                conn.execute(
                    "UPDATE drafts SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                    ("ready" if has_text else "failed", reason, stamp, draft_id),
                )
            return bool(cursor.rowcount)

    def partial_text(self, draft_id: int) -> str:
        """The text a drafter (in any process) last checkpointed for a draft it is drafting;
        "" when no job of the draft is running."""
        row = self.db.execute(
            "SELECT partial_text FROM jobs WHERE draft_id = ? AND state = 'running'"
            " ORDER BY id DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
        return str(row[0]) if row else ""

    def job_state(self, job_id: int) -> str:
        row = self.db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return str(row[0]) if row else ""

    def recover_jobs(self) -> int:
        """Put jobs left running by a dead drafter back in the queue (call holding the lock)."""
        stamp = now()
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET state = 'pending', owner = '', updated_at = ?"
                " WHERE state = 'running'",
                (stamp,),
            )
            conn.execute(
                "UPDATE drafts SET status = 'queued', updated_at = ? WHERE status = 'drafting'",
                (stamp,),
            )
            return cursor.rowcount

    def list_drafts(self, status: str | None = None, limit: int | None = None) -> list[Draft]:
        sql = DRAFT_SELECT + f" WHERE {VISIBLE}"
        args: list[Any] = []
        if status:
            sql += " AND d.status = ?"
            args.append(status)
        sql += " ORDER BY d.id"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [draft_of_row(row) for row in self.db.execute(sql, args)]

    def get_draft(self, draft_id: int) -> Draft:
        row = self.db.execute(DRAFT_SELECT + " WHERE d.id = ?", (draft_id,)).fetchone()
        if row is None:
            raise StoreError(f"no draft {draft_id}")
        return draft_of_row(row)

    def counts(self, statuses: Sequence[str] = DRAFT_STATUSES) -> dict[str, int]:
        """Drafts per status (those of `statuses`; the others count 0). The open statuses
        alone are cheap at any age of the clinic; every status reads every draft."""
        counts = dict.fromkeys(DRAFT_STATUSES, 0)
        for status, count in self.db.execute(
            "SELECT d.status, COUNT(*) FROM drafts d JOIN notes n ON n.id = d.note_id"
            f" WHERE {VISIBLE} AND d.status IN (SELECT value FROM json_each(?))"
            " GROUP BY d.status",
            (json.dumps(list(statuses)),),
        ):
            counts[status] = count
        return counts

    def change_cursor(self) -> int:
        """The position of the latest change; pass it to `changes_since` to follow changes."""
        row = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM draft_changes").fetchone()
        return int(row[0])

    def changes_since(self, cursor: int) -> tuple[int, list[Draft]]:
        """Drafts changed after `cursor` (by any process), and the new cursor."""
        conn = self.db
        conn.execute("BEGIN")
        try:
            latest = int(
                conn.execute("SELECT COALESCE(MAX(id), 0) FROM draft_changes").fetchone()[0]
            )
            if latest <= cursor:
                return latest, []
            rows = conn.execute(
                DRAFT_SELECT + " WHERE d.id IN (SELECT draft_id FROM draft_changes"
                " WHERE id > ? AND id <= ?) ORDER BY d.id",
                (cursor, latest),
            ).fetchall()
            return latest, [draft_of_row(row) for row in rows]
        finally:
            conn.execute("COMMIT")

    def prune_changes(self, keep: int = 100_000) -> None:
        """Keep the change log small; sessions further behind than `keep` reload everything."""
        with self.write() as conn:
            conn.execute(
                "DELETE FROM draft_changes WHERE id <= (SELECT MAX(id) FROM draft_changes) - ?",
                (keep,),
            )

    def queue_entries(self, limit: int | None = None, since: str = "") -> list[QueueEntry]:
        """Drafts as the queue lists them, in arrival order (the first `limit`, or all): one
        lean query (check counts come from SQLite's JSON functions), so 10,000 drafts load in
        milliseconds. With `since` (an ISO day), only the open work (queued, drafting, waiting,
        failed) and the drafts of notes dated or made ready since that day: what a clinic's
        tenth year lists, instead of every draft it ever signed (`search_drafts` finds the
        older ones)."""
        if since:
            where = (
                "d.id IN (SELECT id FROM drafts WHERE status IN"
                " ('queued', 'drafting', 'ready', 'failed')"
                " UNION SELECT w.id FROM notes m JOIN drafts w ON w.note_id = m.id"
                " WHERE m.day >= :since UNION SELECT id FROM drafts WHERE ready_at >= :since)"
            )
        else:
            where = "1"
        return self._entries(f"{where} ORDER BY d.id LIMIT :limit",
                             {"since": since, "limit": -1 if limit is None else limit})  # fmt: skip

    def search_drafts(
        self, terms: Sequence[str], before: str, limit: int = 200
    ) -> list[QueueEntry]:
        """Drafts of notes dated before `before` (an ISO day; undated ones too) whose patient,
        document, date or status contains every term, newest first (`limit` of them): the
        queue's search past the days it lists. The text searched is `rules.haystack`'s, folded
        as `fold` folds it (SQLite's `lower` and `LIKE` fold ASCII letters only); only rows
        with other characters call back into Python, so a tenth year's scan stays in SQLite."""
        text = (
            "(n.patient || char(9) || d.skill || char(9) || replace(d.skill, '_', ' ') ||"
            " char(9) || n.date || char(9) || CASE d.status WHEN 'ready' THEN 'waiting ready'"
            " WHEN 'approved' THEN 'approved signed' WHEN 'superseded' THEN"
            " 'superseded replaced' ELSE d.status END)"
        )
        folded = (
            f"CASE WHEN {text} GLOB :beyond_ascii THEN chartdesk_fold({text})"
            f" ELSE lower({text}) END"
        )
        found = " AND ".join(f"instr({folded}, :t{i}) > 0" for i in range(len(terms)))
        params: dict[str, object] = {
            "before": before,
            "limit": limit,
            "beyond_ascii": _BEYOND_ASCII,
        }
        params.update({f"t{index}": fold(term) for index, term in enumerate(terms)})
        where = f"n.day < :before AND {found or '1'} ORDER BY d.id DESC LIMIT :limit"
        return self._entries(where, params)

    def _entries(self, where: str, params: Mapping[str, object]) -> list[QueueEntry]:
        rows = self.db.execute(
            "SELECT d.id, n.patient, n.date, d.skill, d.status, d.cost_usd,"
            " json_array_length(d.checks_json, '$.missing'),"
            " json_array_length(d.checks_json, '$.unsupported'),"
            " json_array_length(d.checks_json, '$.findings'),"
            " d.checks_json NOT IN ('', '{}'),"
            " json_extract(d.checks_json, '$.readability.grade'),"
            " json_extract(d.checks_json, '$.readability.max_grade'),"
            " json_array_length(d.checks_json, '$.handout'),"
            " d.checked_n < d.latest_n,"
            " json_array_length(d.checks_json, '$.scaffolding'),"
            " json_array_length(d.checks_json, '$.not_documented'),"
            f" {DELIVERY_STATE}"
            f" FROM drafts d JOIN notes n ON n.id = d.note_id WHERE {VISIBLE} AND {where}",
            params,
        )
        return [
            QueueEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or 0, r[7] or 0, r[8] or 0,
                       bool(r[9]), float(r[10] or 0), float(r[11] or 0), r[12] or 0, bool(r[13]),
                       r[14] or 0, r[15] or 0, r[16] or "")
            for r in rows
        ]  # fmt: skip

    def open_drafts_on(self, day: str) -> list[OpenDraft]:
        """The drafts of notes dated `day` that still need the clinician: waiting, drafting or
        failed, and superseded ones whose replacement is not yet signed or rejected (a stale
        draft is open work until the visit it stood for is closed)."""
        rows = self.db.execute(
            "SELECT d.id, n.patient, d.skill, d.status, d.superseded_by, d.reason"
            " FROM drafts d JOIN notes n ON n.id = d.note_id"
            " LEFT JOIN drafts r ON r.id = d.superseded_by"
            " WHERE n.day = ? AND n.status = 'ok'"
            " AND (d.status IN ('queued', 'drafting', 'ready', 'failed')"
            "  OR (d.status = 'superseded' AND r.status NOT IN ('approved', 'rejected')))"
            " ORDER BY d.id",
            (day,),
        )
        return [
            OpenDraft(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5])) for r in rows
        ]

    def reject(self, draft_id: int, reason: str, os_user: str) -> None:
        if not reason.strip():
            raise StoreError("a rejection needs a reason")
        with self.write() as conn:
            status = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None:
                raise StoreError(f"no draft {draft_id}")
            if status[0] == "approved":
                raise StoreError("a signed draft cannot be rejected")
            stamp = now()
            conn.execute(
                "INSERT INTO rejections (draft_id, reason, os_user, at) VALUES (?,?,?,?)",
                (draft_id, reason.strip(), os_user, stamp),
            )
            conn.execute(
                "UPDATE drafts SET status = 'rejected', reason = ?, updated_at = ? WHERE id = ?",
                (reason.strip(), stamp, draft_id),
            )
