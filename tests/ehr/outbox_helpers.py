"""Clinics with `[[ehr]]` destinations and signed drafts, for the outbox's tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE_NOTES, signer
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService

WHITFIELD = SAMPLE_NOTES / "2026-11-02_whitfield-dana_soap.txt"


def add_destinations(root: Path, toml: str) -> None:
    """Append `[[ehr]]` entries (TOML text) to the clinic's context.toml."""
    context = root / "context.toml"
    context.write_text(context.read_text(encoding="utf-8") + "\n" + toml, encoding="utf-8")


def folder_destination(root: Path, folder: Path, extra: str = "") -> None:
    add_destinations(
        root, f'[[ehr]]\nid = "emr-import"\nkind = "folder"\npath = "{folder}"\n{extra}'
    )


def ready(service: ClinicService, note: bytes | str, name: str = "n.txt") -> int:
    """A ready draft of `note` (bytes or text), drafted offline."""
    target = service.clinic.paths.inbox / name
    if isinstance(note, str):
        target.write_text(note, encoding="utf-8")
    else:
        target.write_bytes(note)
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    draft_queued(service)
    return draft_id


def signed(service: ClinicService, note: bytes | str | None = None, name: str = "n.txt") -> int:
    """A draft signed by the sample physical therapist."""
    draft_id = ready(service, WHITFIELD.read_bytes() if note is None else note, name)
    service.approve(draft_id, signer(service))
    return draft_id


def audit_entries(root: Path, action: str) -> list[dict[str, object]]:
    """The audit log's entries of one action (details are top-level keys)."""
    import json

    lines = (root / ".chartdesk" / "audit.log").read_text().splitlines()
    return [entry for entry in map(json.loads, lines) if entry["action"] == action]
