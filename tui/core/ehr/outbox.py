"""The outbox's two ends: what a signature queues, and the delivery of what waits.

`planned_deliveries` runs inside a signing: one delivery per `[[ehr]]` destination that takes the
document, each with the parcel its destination will get (paths relative to the clinic, so a
clinic folder moved elsewhere still delivers). `Outbox.deliver_due` runs in the drafter's worker
and in `chartdesk push`: it leases one waiting delivery at a time, hands its parcel to its
destination, and records the outcome: sent with the remote id; a transient failure waiting again
after an exponential backoff with a cap; a permanent one failed with its reason. Sent and
failed deliveries go in the audit log with ids and hashes only.
"""

from __future__ import annotations

import logging
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from tui.core.ehr.delivery import DeliveryFailed, Destination, Parcel
from tui.core.ehr.registry import build_destination
from tui.core.ehr.settings import DestinationSettings
from tui.core.errors import ChartdeskError
from tui.core.records.store import Delivery, Draft, Store
from tui.core.security.audit_log import AuditLog
from tui.core.signing.records import FileSet

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Policy:
    """Retry and lease timing (``data/delivery.toml``)."""

    retry_base_seconds: float
    retry_cap_seconds: float
    lease_seconds: float
    poll_seconds: float

    def retry_delay(self, attempts: int) -> float:
        """Seconds before the next try, after `attempts` tries (the first retry after base)."""
        exponent = min(max(attempts - 1, 0), 30)
        return float(min(self.retry_cap_seconds, self.retry_base_seconds * 2**exponent))


@cache
def default_policy() -> Policy:
    text = package_files("tui.core").joinpath("data", "delivery.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Policy(
        float(data["retry_base_seconds"]),
        float(data["retry_cap_seconds"]),
        float(data["lease_seconds"]),
        float(data["poll_seconds"]),
    )


def planned_deliveries(
    destinations: Iterable[DestinationSettings],
    draft: Draft,
    kind: str,
    signed: FileSet,
    relative: Callable[[Path], str],
) -> list[dict[str, Any]]:
    """The deliveries a signature queues: one per destination that takes the document."""
    parcel = {
        "identifier": signed.markdown.sha256,
        "kind": kind,
        "skill": draft.skill,
        "discipline": draft.discipline,
        "payer": draft.payer,
        "pdf_sha256": signed.pdf.sha256,
        "files": {
            "markdown": relative(signed.markdown.path),
            "record": relative(signed.record.path),
            "fhir": relative(signed.fhir.path),
            "pdf": relative(signed.pdf.path),
        },
    }
    return [
        {"destination": entry.id, "parcel": parcel}
        for entry in destinations
        if entry.takes(draft.skill, draft.discipline, draft.payer)
    ]


def parcel_of(delivery: Delivery, root: Path) -> Parcel:
    """The parcel a queued delivery hands its destination (paths made absolute)."""
    data = delivery.parcel
    paths = {key: root / value for key, value in data["files"].items()}
    return Parcel(
        draft_id=delivery.draft_id,
        identifier=str(data["identifier"]),
        skill=str(data["skill"]),
        discipline=str(data["discipline"]),
        payer=str(data["payer"]),
        markdown_path=paths["markdown"],
        record_path=paths["record"],
        fhir_path=paths["fhir"],
        pdf_path=paths["pdf"],
    )


@dataclass(frozen=True)
class Outcome:
    """What one attempt did: the delivery as claimed, and its new state."""

    delivery: Delivery
    state: str
    reason: str = ""
    remote_id: str = ""
    recorded: bool = True
    """False when this process's lease ran out and another process records the delivery."""
    attempted: bool = True
    """False when it waits untried, its destination found down earlier in the same round."""

    def to_json(self) -> dict[str, Any]:
        return self.delivery.to_json() | {
            "state": self.state,
            "reason": self.reason,
            "remote_id": self.remote_id,
            "attempts": self.delivery.attempts + int(self.attempted),
        }


class Outbox:
    """Delivers one clinic's waiting deliveries."""

    def __init__(
        self,
        store: Store,
        audit_log: AuditLog,
        destinations: Sequence[DestinationSettings],
        root: Path,
        policy: Policy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.audit_log = audit_log
        self.settings: Mapping[str, DestinationSettings] = {d.id: d for d in destinations}
        self.root = root
        self.policy = policy or default_policy()
        self.clock = clock
        self._built: dict[str, Destination | str] = {}

    def deliver_due(self, owner: str, *, limit: int | None = None) -> list[Outcome]:
        """Deliver every waiting delivery whose time has come (at most `limit`). Once one
        destination fails transiently, its other deliveries of this round wait with it, untried:
        a server that is down costs one timeout a round, not one per note."""
        outcomes: list[Outcome] = []
        down: dict[str, tuple[str, float]] = {}
        while limit is None or len(outcomes) < limit:
            claimed = self.store.claim_delivery(owner, self.clock(), self.policy.lease_seconds)
            if claimed is None:
                break
            if claimed.destination in down:
                reason, retry_at = down[claimed.destination]
                recorded = self.store.delivery_not_sent(
                    claimed.id, owner, reason, retry_at, attempted=False
                )
                outcomes.append(
                    Outcome(claimed, "waiting", reason, recorded=recorded, attempted=False)
                )
                continue
            outcome = self.deliver(claimed, owner)
            if outcome.state == "waiting":
                retry_at = self.clock() + self.policy.retry_delay(claimed.attempts + 1)
                down[claimed.destination] = (outcome.reason, retry_at)
            outcomes.append(outcome)
        return outcomes

    def deliver(self, delivery: Delivery, owner: str) -> Outcome:
        """One attempt at a delivery this process holds the lease of."""
        try:
            destination = self._destination(delivery.destination)
            remote_id = destination.deliver(parcel_of(delivery, self.root))
        except DeliveryFailed as exc:
            return self._not_sent(delivery, owner, exc.reason, exc.transient)
        except OSError as exc:
            return self._not_sent(delivery, owner, f"{exc.strerror or exc}", True)
        except ChartdeskError as exc:
            return self._not_sent(delivery, owner, str(exc), False)
        except Exception as exc:  # a destination's bug must not stop the worker
            log.exception("destination %s failed unexpectedly", delivery.destination)
            return self._not_sent(delivery, owner, f"unexpected {type(exc).__name__}", False)
        recorded = self.store.delivery_sent(delivery.id, owner, remote_id)
        if recorded:
            self._audit(delivery, "sent", "")
        return Outcome(delivery, "sent", remote_id=remote_id, recorded=recorded)

    def _not_sent(self, delivery: Delivery, owner: str, reason: str, transient: bool) -> Outcome:
        reason = " ".join(reason.split())[:500]
        retry_at = None
        if transient:
            retry_at = self.clock() + self.policy.retry_delay(delivery.attempts + 1)
        recorded = self.store.delivery_not_sent(delivery.id, owner, reason, retry_at)
        state = "waiting" if transient else "failed"
        if recorded and not transient:
            self._audit(delivery, "failed", reason)
        return Outcome(delivery, state, reason=reason, recorded=recorded)

    def _destination(self, destination_id: str) -> Destination:
        """The destination, built once per Outbox; one that cannot be built is a failure."""
        built = self._built.get(destination_id)
        if built is None:
            entry = self.settings.get(destination_id)
            if entry is None:
                built = f"destination {destination_id} is no longer in context.toml"
            else:
                try:
                    built = build_destination(entry, self.root)
                except (ChartdeskError, ValueError, KeyError) as exc:
                    built = str(exc) or f"destination {destination_id} cannot be set up"
            self._built[destination_id] = built
        if isinstance(built, str):
            raise DeliveryFailed(built, transient=False)
        return built

    def _audit(self, delivery: Delivery, state: str, reason: str) -> None:
        from tui.core.records.store import text_sha256

        detail: dict[str, Any] = {
            "draft": delivery.draft_id,
            "delivery": delivery.id,
            "destination": delivery.destination,
            "state": state,
            "sha256": delivery.parcel.get("identifier", ""),
            "pdf_sha256": delivery.parcel.get("pdf_sha256", ""),
        }
        if reason:
            detail["reason_sha256"] = text_sha256(reason)
        try:
            self.audit_log.append("deliver", "", **detail)
        except OSError:
            log.exception("delivery %d is recorded; its audit entry was not written", delivery.id)
