"""The contract between the outbox and a destination kind.

The outbox (in the store, filled in the signing transaction) hands each destination one
`Parcel` per signed document; the destination delivers it idempotently and returns the remote
id, or raises `DeliveryFailed` saying whether a retry can help. Destinations never see the
store, and the outbox never knows a protocol: a new kind is one class that fits `Destination`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Parcel:
    """One signed document as a destination receives it: the files written at signing and
    what a destination's filter (Skill, discipline, payer) needs."""

    draft_id: int
    identifier: str
    """The document's stable identifier (the same on every retry), for conditional creates."""
    skill: str
    discipline: str
    payer: str
    markdown_path: Path
    record_path: Path
    fhir_path: Path
    pdf_path: Path


class DeliveryFailed(Exception):
    """A delivery that did not happen, with the reason a clinician reads (ids and codes, never
    note text) and whether the same parcel may succeed later (server down, 5xx, timeout)."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


class Destination(Protocol):
    """One `[[ehr]]` entry of context.toml, ready to deliver."""

    @property
    def id(self) -> str: ...

    def deliver(self, parcel: Parcel) -> str:
        """Deliver `parcel` (a second delivery of the same parcel must not file it twice) and
        return the remote id; raise `DeliveryFailed` otherwise."""
        ...
