"""The SQLite store at ``.chartdesk/state.db``: notes, drafts, versions, jobs, approvals.

Several processes share one clinic folder (a drafter and any number of review sessions), so the
database runs in WAL mode with a busy timeout, every write is one short ``BEGIN IMMEDIATE``
transaction, and nothing is ever overwritten: an edit is a new version, a rejection is a row.
The schema carries a version (``PRAGMA user_version``) and is moved forward by `MIGRATIONS`.

The store is built by aggregate, each a layer on the one below: the database (`base`), notes,
versions, drafts and jobs, signatures, the outbox, measures. `Store` is all of them."""

from __future__ import annotations

from tui.core.records.store.base import is_empty_store
from tui.core.records.store.measures import EpisodeNote, IdentityAnswer, MeasureRow, MeasureStore
from tui.core.records.store.outbox import DELIVERY_STATES, Delivery, OutboxStore
from tui.core.records.store.rows import (
    DRAFT_STATUSES,
    FAILED_NOTE_SKILL,
    IDENTITY_FIELDS,
    OPEN_STATUSES,
    DayNote,
    Draft,
    DraftResult,
    DraftRow,
    Job,
    OpenDraft,
    PatientNote,
    QueueEntry,
    Signing,
    SigningIntent,
    StaleVersion,
    StoreError,
    StoreReplaced,
    Version,
    fold,
    iso_day,
    now,
    patient_key,
    text_sha256,
)
from tui.core.records.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "DELIVERY_STATES",
    "DRAFT_STATUSES",
    "FAILED_NOTE_SKILL",
    "IDENTITY_FIELDS",
    "MIGRATIONS",
    "OPEN_STATUSES",
    "SCHEMA_VERSION",
    "DayNote",
    "Delivery",
    "Draft",
    "DraftResult",
    "DraftRow",
    "EpisodeNote",
    "IdentityAnswer",
    "Job",
    "MeasureRow",
    "OpenDraft",
    "PatientNote",
    "QueueEntry",
    "Signing",
    "SigningIntent",
    "StaleVersion",
    "Store",
    "StoreError",
    "StoreReplaced",
    "Version",
    "fold",
    "is_empty_store",
    "iso_day",
    "now",
    "patient_key",
    "text_sha256",
]


class Store(OutboxStore, MeasureStore):
    """One clinic's state.db: notes, versions, drafts and jobs, signatures, deliveries,
    measures."""
