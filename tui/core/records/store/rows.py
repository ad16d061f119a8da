"""What the store holds and returns: drafts, versions, jobs, signatures and day rows, and the
small pure helpers (clock, hashes, day and patient keys) every part of the store shares."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from tui.core.intake.notes import note_day

DRAFT_STATUSES: Final = (
    "queued", "drafting", "ready", "failed", "approved", "rejected", "superseded"
)  # fmt: skip

OPEN_STATUSES: Final = ("queued", "drafting", "ready", "failed")

IDENTITY_FIELDS: Final = ("patient", "date", "mrn", "dob")

FAILED_NOTE_SKILL: Final = ""


class StoreError(Exception):
    """A store operation that cannot be done (e.g. editing an approved draft)."""


class StoreReplaced(StoreError):
    """The database file changed under a running process (deleted, emptied, replaced)."""


class StaleVersion(StoreError):
    """An edit based on a version that is no longer the latest."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DraftRow:
    """One row of the review queue."""

    id: int
    note_id: int
    note_path: str
    note_version: int
    patient: str
    date: str
    skill: str
    status: str
    reason: str
    backend: str
    model: str
    cost_usd: float
    created: str
    checks: Mapping[str, Any]

    @property
    def check_summary(self) -> str:
        return QueueEntry.of(self).check_summary


@dataclass(frozen=True)
class Draft(DraftRow):
    """A draft with its provenance and usage, for the draft view and `queue --json`."""

    parent_id: int | None
    skill_sha256: str
    request_id: str
    stop_reason: str
    input_tokens: int
    output_tokens: int
    cache_write_tokens: int
    cache_read_tokens: int
    note_sha256: str
    note_kind: str
    discipline: str
    payer: str
    visit: int | None
    ready_at: str | None
    note_status: str = "ok"
    superseded_by: int | None = None
    aside: str = ""
    latest_n: int = 0
    checked_n: int = 0
    mrn: str = ""
    dob: str = ""
    server_model: str = ""
    reused_tokens: int = 0
    delivery: str = ""
    """A signed draft's deliveries in one word (`DELIVERY_STATE`): failed, waiting, sent, or ""
    when it has none."""

    @property
    def superseded(self) -> bool:
        """A failed entry whose file was fixed and read again: no longer shown in the queue."""
        return self.note_status == "superseded"

    @property
    def checking(self) -> bool:
        """True while the latest version's checks are not yet stored (the checks shown
        describe an older version, or none)."""
        return self.checked_n < self.latest_n


@dataclass(frozen=True)
class Version:
    id: int
    draft_id: int
    n: int
    text: str
    sha256: str
    origin: str
    author: str
    created_at: str


@dataclass(frozen=True)
class Job:
    id: int
    draft_id: int
    state: str
    attempts: int
    instruction: str
    partial_text: str


@dataclass(frozen=True)
class DraftResult:
    """What a backend produced, recorded on the draft."""

    text: str
    backend: str
    model: str = ""
    """The model id the clinic configured (what it asked for)."""
    server_model: str = ""
    """What the server called its model, when that differs from `model` (llama-server names
    its GGUF file); "" when the same or not reported."""
    request_id: str = ""
    stop_reason: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cache_write_tokens: int = 0
    cache_read_tokens: int = 0
    reused_tokens: int = 0
    """A local server's reuse of a prompt prefix it still held (not prompt caching)."""
    cost_usd: float = 0.0
    aside: str = ""
    """What the drafter says beside the document, never inside it (the offline drafter's
    notice and the measurements it found): shown around the draft, never signed."""


DELIVERY_STATE: Final = (
    "(SELECT CASE WHEN SUM(x.state = 'failed') > 0 THEN 'failed'"
    " WHEN SUM(x.state = 'waiting') > 0 THEN 'waiting' WHEN COUNT(*) > 0 THEN 'sent' ELSE ''"
    " END FROM deliveries x WHERE x.draft_id = d.id)"
)
"""What the queue shows of a draft's deliveries: the worst state among them."""

DRAFT_SELECT: Final = f"""
    SELECT d.id, d.note_id, n.path, n.version, n.patient, n.date, d.skill, d.status, d.reason,
           d.backend, d.model, d.cost_usd, d.created_at, d.checks_json,
           d.parent_id, d.skill_sha256, d.request_id, d.stop_reason, d.input_tokens,
           d.output_tokens, d.cache_write_tokens, d.cache_read_tokens, n.sha256, n.kind,
           n.discipline, n.payer, n.visit, d.ready_at, n.status, d.superseded_by, d.aside,
           d.latest_n, d.checked_n, n.mrn, n.dob, d.server_model, d.reused_tokens,
           {DELIVERY_STATE}
    FROM drafts d JOIN notes n ON n.id = d.note_id
"""

# A failed note replaced by a fixed version of the same file leaves the queue.
VISIBLE: Final = "n.status != 'superseded'"


def draft_of_row(row: Sequence[Any]) -> Draft:
    return Draft(
        id=row[0],
        note_id=row[1],
        note_path=row[2],
        note_version=row[3],
        patient=row[4],
        date=row[5],
        skill=row[6],
        status=row[7],
        reason=row[8],
        backend=row[9],
        model=row[10],
        cost_usd=row[11],
        created=row[12],
        checks=json.loads(row[13] or "{}"),
        parent_id=row[14],
        skill_sha256=row[15],
        request_id=row[16],
        stop_reason=row[17],
        input_tokens=row[18],
        output_tokens=row[19],
        cache_write_tokens=row[20],
        cache_read_tokens=row[21],
        note_sha256=row[22],
        note_kind=row[23],
        discipline=row[24],
        payer=row[25],
        visit=row[26],
        ready_at=row[27],
        note_status=row[28],
        superseded_by=row[29],
        aside=row[30],
        latest_n=row[31],
        checked_n=row[32],
        mrn=row[33],
        dob=row[34],
        server_model=row[35],
        reused_tokens=row[36],
        delivery=row[37] or "",
    )


@dataclass(frozen=True)
class Signing:
    """One signature, for the day's figures: when the draft was ready and signed, and texts."""

    draft_id: int
    ready_at: str
    signed_at: str
    signed_text: str
    drafted_text: str


@dataclass(frozen=True)
class SigningIntent:
    """A signature in progress, as announced before its files were written."""

    id: int
    draft_id: int
    kind: str
    files: list[dict[str, str]]
    audit: dict[str, Any]
    state: str


@dataclass(frozen=True)
class QueueEntry:
    """One queue row: what the review queue shows and filters on, nothing more."""

    id: int
    patient: str
    date: str
    skill: str
    status: str
    cost_usd: float
    missing: int
    unsupported: int
    findings: int
    checked: bool
    grade: float = 0.0
    max_grade: float = 0.0
    handout: int = 0
    checking: bool = False
    scaffolding: int = 0
    not_documented: int = 0
    delivery: str = ""
    """A signed draft's deliveries to the EHR: failed, waiting, sent, or "" (none)."""

    @classmethod
    def of(cls, draft: DraftRow) -> QueueEntry:
        checks = draft.checks
        grade = checks.get("readability") or {}
        return cls(
            draft.id,
            draft.patient,
            draft.date,
            draft.skill,
            draft.status,
            draft.cost_usd,
            len(checks.get("missing", ())),
            len(checks.get("unsupported", ())),
            len(checks.get("findings", ())),
            bool(checks),
            float(grade.get("grade", 0)),
            float(grade.get("max_grade", 0)),
            len(checks.get("handout", ())),
            isinstance(draft, Draft) and draft.checking,
            len(checks.get("scaffolding", ())),
            len(checks.get("not_documented", ())),
            draft.delivery if isinstance(draft, Draft) else "",
        )

    @property
    def check_summary(self) -> str:
        """ "" unchecked, "checking…" while the text on screen is being checked, "clean" only
        when nothing at all is open (the sign gate's items), or e.g. "no patient, 1 audit"."""
        return ", ".join(self.check_parts)

    @property
    def check_parts(self) -> tuple[str, ...]:
        """The check summary's parts, what matters most first (a narrow screen shows the
        first whole and counts the rest)."""
        delivered = (_DELIVERY_WORDS[self.delivery],) if self.delivery else ()
        if self.checking:
            return (*delivered, "checking…")
        if not self.checked:
            return delivered
        parts: list[str] = []
        if not self.patient.strip():
            parts.append("no patient")
        if not iso_day(self.date):
            parts.append("no date")
        if self.scaffolding:
            parts.append("scaffolding")
        if self.missing:
            parts.append(f"{self.missing} missing")
        if self.unsupported:
            parts.append(f"{self.unsupported} unsupported")
        if self.findings:
            parts.append(f"{self.findings} audit")
        if self.handout:
            parts.append(f"{self.handout} not for patients")
        if self.max_grade and self.grade > self.max_grade:
            parts.append(f"grade {self.grade:g} > {self.max_grade:g}")
        if self.not_documented:
            parts.append(f"{self.not_documented} not doc")
        return (*delivered, *(parts or ["clean"]))


_DELIVERY_WORDS: Final = {
    "failed": "delivery failed",
    "waiting": "delivery waiting",
    "sent": "delivered",
}

HEAD_BYTES: Final = 4096

_NAME_WORD: Final = re.compile(r"[^\W_]+")


def iso_day(text: str) -> str:
    """A note's date as an ISO day, "" when it names none (see `note_day`)."""
    day = note_day(text)
    return day.isoformat() if day else ""


def patient_key(name: str) -> str:
    """A patient name reduced to its words, case- and accent-free and sorted, so the header's
    "Whitfield, Dana" and the file name's "Dana Whitfield" are one patient."""
    return " ".join(sorted(_NAME_WORD.findall(fold(name or ""))))


def fold(text: str) -> str:
    """`text` case- and accent-free, for searching: "MÜLLER", "Müller" and "muller" are one
    word, "Straße" matches "strasse" and "ÆRØ" matches "ærø" (SQLite's `lower` and `LIKE` fold
    ASCII letters only). ASCII text, nearly every row, takes the quick way."""
    if text.isascii():
        return text.lower()
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return plain.casefold()


def head_text(data: bytes | None) -> str:
    return bytes(data).decode("utf-8", "replace") if data else ""


@dataclass(frozen=True)
class PatientNote:
    """One recorded note of a patient, as the episode history reads it."""

    note_id: int
    path: str
    sha256: str
    day: str
    visit: int | None
    skill: str
    discipline: str
    head: str  # the first bytes of a text note (its header); "" for scans


@dataclass(frozen=True)
class OpenDraft:
    """A draft of the day still waiting for the clinician (the day audit's open work)."""

    draft_id: int
    patient: str
    skill: str
    status: str
    superseded_by: int | None
    reason: str

    @property
    def description(self) -> str:
        if self.status == "superseded":
            return (
                f"draft {self.draft_id} was {self.reason or 'superseded'}, which is not signed yet"
            )
        what = {"ready": "waits for a signature", "failed": "failed"}.get(
            self.status, "is being drafted"
        )
        return f"draft {self.draft_id} {what}"


@dataclass(frozen=True)
class DayNote:
    """One note of a day, for the end-of-day audit, with the draft to open for it."""

    note_id: int
    path: str
    patient: str
    skill: str
    kind: str
    draft_id: int | None
    status: str = "ok"  # ok | failed (unreadable: `reason` says why)
    reason: str = ""
