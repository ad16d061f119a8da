"""Statements several aggregates of the store run inside their own transactions."""

from __future__ import annotations

import json
import sqlite3
from typing import Final

from tui.core.records.store.rows import DraftResult, now


def insert_draft(
    conn: sqlite3.Connection, note_id: int, skill: str, parent_id: int | None, instruction: str
) -> int:
    stamp = now()
    cursor = conn.execute(
        "INSERT INTO drafts (note_id, skill, parent_id, status, created_at, updated_at)"
        " VALUES (?,?,?,'queued',?,?)",
        (note_id, skill, parent_id, stamp, stamp),
    )
    draft_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO jobs (draft_id, state, instruction, created_at, updated_at)"
        " VALUES (?,'pending',?,?,?)",
        (draft_id, instruction, stamp, stamp),
    )
    return draft_id


SAME_VISIT: Final = """
    SELECT d.id, n.path = :path AND n.version < :version
    FROM drafts d JOIN notes n ON n.id = d.note_id
    WHERE d.id != :draft AND d.parent_id IS NULL AND n.status = 'ok'
      AND d.status IN ('queued', 'drafting', 'ready', 'failed')
      AND ((n.path = :path AND n.version < :version)
        OR (:key != '' AND :day != '' AND n.patient_key = :key AND n.day = :day
            AND d.skill = :skill
            AND NOT (:visit IS NOT NULL AND n.visit IS NOT NULL AND n.visit != :visit)))
"""


def supersede_older(conn: sqlite3.Connection, draft_id: int) -> list[int]:
    """Close the open drafts this new draft replaces: every draft of an earlier version of the
    same note file, and the same patient's draft of the same document on the same day (unless
    the notes give different visit numbers: two visits on one day are two documents). Their
    pending jobs are cancelled, so a stale draft can never be signed beside the new one."""
    row = conn.execute(
        "SELECT n.path, n.version, n.patient_key, n.day, n.visit, d.skill FROM drafts d"
        " JOIN notes n ON n.id = d.note_id WHERE d.id = ?",
        (draft_id,),
    ).fetchone()
    if row is None:
        return []
    keys = ("path", "version", "key", "day", "visit", "skill")
    found = conn.execute(SAME_VISIT, dict(zip(keys, row, strict=True)) | {"draft": draft_id})
    replaced = {int(old): bool(corrected) for old, corrected in found.fetchall()}
    children = conn.execute(
        "SELECT id FROM drafts WHERE parent_id IN (SELECT value FROM json_each(?))"
        " AND status IN ('queued', 'drafting', 'ready', 'failed')",
        (json.dumps(list(replaced)),),
    ).fetchall()
    for (child,) in children:
        replaced.setdefault(int(child), False)
    stamp = now()
    for old, corrected in replaced.items():
        why = "from the corrected note" if corrected else "for the same patient, day and document"
        conn.execute(
            "UPDATE jobs SET state = 'cancelled', error = 'superseded', updated_at = ?"
            " WHERE draft_id = ? AND state IN ('pending', 'running')",
            (stamp, old),
        )
        conn.execute(
            "UPDATE drafts SET status = 'superseded', superseded_by = ?, reason = ?,"
            " updated_at = ? WHERE id = ?",
            (draft_id, f"replaced by draft {draft_id} {why}", stamp, old),
        )
    return list(replaced)


def record_signing(conn: sqlite3.Connection, signing: int | None) -> None:
    """A signing transaction's record is in the store (in the caller's transaction)."""
    if signing is not None:
        conn.execute(
            "UPDATE signings SET state = 'recorded', updated_at = ? WHERE id = ?",
            (now(), signing),
        )
        enqueue_deliveries(conn, signing)


def enqueue_deliveries(conn: sqlite3.Connection, signing: int) -> None:
    """Queue the deliveries a signing announced (`begin_signing`), in the transaction that
    records it: a signature is never recorded without them, nor they without it."""
    row = conn.execute(
        "SELECT draft_id, deliveries_json FROM signings WHERE id = ?", (signing,)
    ).fetchone()
    if row is None:
        return
    stamp = now()
    for item in json.loads(row[1] or "[]"):
        conn.execute(
            "INSERT OR IGNORE INTO deliveries (draft_id, signing_id, destination, parcel_json,"
            " state, created_at, updated_at) VALUES (?,?,?,?,'waiting',?,?)",
            (row[0], signing, item["destination"], json.dumps(item["parcel"]), stamp, stamp),
        )


def supersede_failed(conn: sqlite3.Connection, path: str) -> None:
    """A file read again replaces its failed entry: the entry leaves the queue, and its drafts
    are marked changed so open sessions drop them."""
    conn.execute(
        "UPDATE notes SET status = 'superseded' WHERE path = ? AND status = 'failed'", (path,)
    )
    conn.execute(
        "UPDATE drafts SET updated_at = ? WHERE note_id IN"
        " (SELECT id FROM notes WHERE path = ? AND status = 'superseded')",
        (now(), path),
    )


def add_usage(conn: sqlite3.Connection, draft_id: int, usage: DraftResult) -> None:
    """Add one attempt's tokens and cost to the draft's totals; the backend and model named
    are those of the latest attempt that named them."""
    conn.execute(
        "UPDATE drafts SET input_tokens = input_tokens + :input,"
        " output_tokens = output_tokens + :output,"
        " cache_write_tokens = cache_write_tokens + :cache_write,"
        " cache_read_tokens = cache_read_tokens + :cache_read,"
        " reused_tokens = reused_tokens + :reused, cost_usd = cost_usd + :cost,"
        " model = CASE WHEN :model != '' THEN :model ELSE model END,"
        " server_model = CASE WHEN :model != '' THEN :server_model ELSE server_model END,"
        " backend = CASE WHEN :backend != '' THEN :backend ELSE backend END WHERE id = :draft",
        _usage(usage) | {"draft": draft_id},
    )


def record_attempt(
    conn: sqlite3.Connection,
    job_id: int,
    draft_id: int,
    attempt: int,
    outcome: str,
    usage: DraftResult | None,
    started_at: str,
) -> None:
    """One drafting attempt and what it used (nothing known: zeros), the failed ones too."""
    conn.execute(
        "INSERT INTO draft_attempts (draft_id, job_id, attempt, outcome, backend, model,"
        " server_model, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens,"
        " reused_tokens, cost_usd, started_at, ended_at) VALUES (:draft, :job, :attempt,"
        " :outcome, :backend, :model, :server_model, :input, :output, :cache_write,"
        " :cache_read, :reused, :cost, :started, :ended)",
        _usage(usage or DraftResult(text="", backend=""))
        | {
            "draft": draft_id,
            "job": job_id,
            "attempt": attempt,
            "outcome": outcome,
            "started": started_at or now(),
            "ended": now(),
        },
    )


def _usage(usage: DraftResult) -> dict[str, object]:
    return {
        "input": usage.input_tokens,
        "output": usage.output_tokens,
        "cache_write": usage.cache_write_tokens,
        "cache_read": usage.cache_read_tokens,
        "reused": usage.reused_tokens,
        "cost": usage.cost_usd,
        "model": usage.model,
        "server_model": usage.server_model,
        "backend": usage.backend,
    }
