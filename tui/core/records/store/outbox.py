"""The outbox: deliveries of signed documents to the clinic's EHR destinations.

A delivery is queued in the transaction that records its signature (`sql.enqueue_deliveries`)
and moves from ``waiting`` to ``sent`` or ``failed``. Any process may deliver: a worker claims a
waiting delivery by writing a lease (owner and expiry) in one ``BEGIN IMMEDIATE`` transaction,
so two processes never hold the same one; a process that dies with a lease loses it when the
lease expires, and the delivery is tried again (destinations are idempotent, so a delivery made
just before the crash is not filed twice). Outcomes are recorded only by the lease's owner.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from tui.core.records.store.rows import now
from tui.core.records.store.signatures import SignatureStore

DELIVERY_STATES: Final = ("waiting", "sent", "failed")
_COLUMNS: Final = (
    "id, draft_id, signing_id, destination, parcel_json, state, attempts, next_try, reason,"
    " remote_id, updated_at"
)


@dataclass(frozen=True)
class Delivery:
    """One signed document's delivery to one destination."""

    id: int
    draft_id: int
    signing_id: int
    destination: str
    parcel: dict[str, Any]
    state: str
    attempts: int
    next_try: float
    reason: str
    remote_id: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        """The `queue --json` / `push --status --json` form (ids and states, no note text)."""
        return {
            "id": self.id,
            "draft": self.draft_id,
            "destination": self.destination,
            "state": self.state,
            "reason": self.reason,
            "remote_id": self.remote_id,
            "attempts": self.attempts,
        }


def _delivery(row: Sequence[Any]) -> Delivery:
    return Delivery(
        int(row[0]), int(row[1]), int(row[2]), str(row[3]), json.loads(row[4]), str(row[5]),
        int(row[6]), float(row[7]), str(row[8]), str(row[9]), str(row[10]),
    )  # fmt: skip


class OutboxStore(SignatureStore):
    """Deliveries: claimed by lease, recorded by their lease's owner, retried on request."""

    def claim_delivery(
        self, owner: str, at: float, lease_seconds: float, *, due_only: bool = True
    ) -> Delivery | None:
        """Lease the oldest waiting delivery nobody holds (with `due_only`, only one whose
        backoff has passed), or None."""
        due = " AND next_try <= ?" if due_only else ""
        with self.write() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM deliveries WHERE state = 'waiting'"
                f" AND lease_until <= ?{due} ORDER BY next_try, id LIMIT 1",
                (at, at) if due_only else (at,),
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE deliveries SET lease_owner = ?, lease_until = ? WHERE id = ?",
                (owner, at + lease_seconds, row[0]),
            )
            return _delivery(row)

    def delivery_sent(self, delivery_id: int, owner: str, remote_id: str) -> bool:
        """Record a delivery made under `owner`'s lease; False if the lease was lost (another
        process took the delivery over and records it)."""
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET state = 'sent', remote_id = ?, reason = '',"
                " attempts = attempts + 1, lease_owner = '', lease_until = 0, updated_at = ?"
                " WHERE id = ? AND lease_owner = ? AND state = 'waiting'",
                (remote_id, now(), delivery_id, owner),
            )
            return cursor.rowcount == 1

    def delivery_not_sent(
        self,
        delivery_id: int,
        owner: str,
        reason: str,
        retry_at: float | None,
        *,
        attempted: bool = True,
    ) -> bool:
        """Record a failed attempt: waiting again from `retry_at`, or failed for good (None).
        With `attempted` False it was not tried (its destination was found down in the same
        round) and does not count as an attempt."""
        state = "failed" if retry_at is None else "waiting"
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET state = ?, reason = ?, attempts = attempts + ?,"
                " next_try = ?, lease_owner = '', lease_until = 0, updated_at = ?"
                " WHERE id = ? AND lease_owner = ? AND state = 'waiting'",
                (state, reason, int(attempted), retry_at or 0.0, now(), delivery_id, owner),
            )
            return cursor.rowcount == 1

    def make_due(self) -> int:
        """Every waiting delivery due now, whatever its backoff (`chartdesk push`)."""
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET next_try = 0 WHERE state = 'waiting' AND next_try > 0"
            )
            return cursor.rowcount

    def retry_delivery(self, delivery_id: int) -> bool:
        """Put a failed delivery back in the queue, due now (a clinician's retry)."""
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET state = 'waiting', next_try = 0, updated_at = ?"
                " WHERE id = ? AND state = 'failed'",
                (now(), delivery_id),
            )
            return cursor.rowcount == 1

    def deliveries(
        self, states: Iterable[str] = DELIVERY_STATES, draft_ids: Iterable[int] | None = None
    ) -> list[Delivery]:
        """Deliveries in these states (of these drafts), oldest first."""
        wanted = json.dumps([s for s in states if s in DELIVERY_STATES])
        sql = f"SELECT {_COLUMNS} FROM deliveries WHERE state IN (SELECT value FROM json_each(?))"
        params: list[Any] = [wanted]
        if draft_ids is not None:
            sql += " AND draft_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(set(draft_ids))))
        rows = self.db.execute(sql + " ORDER BY id", params)
        return [_delivery(r) for r in rows]

    def delivery(self, delivery_id: int) -> Delivery | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM deliveries WHERE id = ?", (delivery_id,)
        ).fetchone()
        return _delivery(row) if row else None

    def undelivered_drafts(self) -> int:
        """How many signed drafts have a delivery still waiting or failed."""
        row = self.db.execute(
            "SELECT COUNT(DISTINCT draft_id) FROM deliveries WHERE state != 'sent'"
        ).fetchone()
        return int(row[0])
