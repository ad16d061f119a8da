"""Delivery of signed documents: the outbox's state by draft, delivering what waits (the
drafter's worker, `chartdesk push`), and a clinician's retry of a failed delivery."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.core.ehr.outbox import Outbox, Outcome
from tui.core.errors import ChartdeskError
from tui.core.records.store import DELIVERY_STATES, Delivery
from tui.core.service.signing import SigningService


class DeliveryService(SigningService):
    """The outbox of one clinic."""

    def outbox(self) -> Outbox:
        """An outbox on the clinic's `[[ehr]]` destinations as configured now."""
        paths = self.clinic.paths
        return Outbox(self.store, self.audit_log, self.context.ehr, paths.root)

    def deliver_due(self, owner: str, *, everything: bool = False) -> list[Outcome]:
        """Deliver what is due (with `everything`, what waits, whatever its backoff)."""
        if everything:
            self.store.make_due()
        return self.outbox().deliver_due(owner)

    def deliveries(self, states: Iterable[str] = DELIVERY_STATES) -> list[Delivery]:
        return self.store.deliveries(states)

    def deliveries_of(self, draft_ids: Iterable[int]) -> dict[int, list[Delivery]]:
        """Each draft's deliveries, for the queue."""
        found: dict[int, list[Delivery]] = {}
        for delivery in self.store.deliveries(draft_ids=draft_ids):
            found.setdefault(delivery.draft_id, []).append(delivery)
        return found

    def undelivered_count(self) -> int:
        """Signed drafts with a delivery still waiting or failed (the today panel)."""
        return self.store.undelivered_drafts()

    def retry_delivery(self, draft_id: int, clinician: str = "") -> int:
        """Put a draft's failed deliveries back in the queue; returns how many."""
        failed = [d for d in self.store.deliveries(("failed",), draft_ids=(draft_id,))]
        if not failed:
            raise ChartdeskError(f"draft {draft_id} has no failed delivery to retry")
        count = sum(1 for delivery in failed if self.store.retry_delivery(delivery.id))
        for delivery in failed:
            detail = {"draft": draft_id, "delivery": delivery.id}
            self.audit_log.append("deliver_retry", clinician, **detail,
                                  destination=delivery.destination)  # fmt: skip
        return count

    def signature_line(self, draft_id: int) -> str:
        """The signature line, then where the signed document went or why it did not."""
        line = super().signature_line(draft_id)
        deliveries = self.store.deliveries(draft_ids=(draft_id,))
        if not line or not deliveries:
            return line
        words = []
        for delivery in deliveries:
            if delivery.state == "sent":
                words.append(f"delivered to {delivery.destination}")
            elif delivery.state == "waiting":
                why = f" (last try: {delivery.reason})" if delivery.reason else ""
                words.append(f"waiting to go to {delivery.destination}{why}")
            else:
                words.append(f"delivery to {delivery.destination} failed: {delivery.reason}")
        return f"{line}; {'; '.join(words)}"

    def queue_json(self, status: str | None = None) -> dict[str, Any]:
        """The queue, each signed draft with its `deliveries`."""
        data = super().queue_json(status)
        signed = [d["id"] for d in data["drafts"] if d["status"] == "approved"]
        by_draft = self.deliveries_of(signed) if signed else {}
        for entry in data["drafts"]:
            if entry["status"] == "approved":
                entry["deliveries"] = [
                    {"destination": d.destination, "state": d.state, "reason": d.reason,
                     "remote_id": d.remote_id}
                    for d in by_draft.get(entry["id"], [])
                ]  # fmt: skip
        return data
