"""What the core tests share: an open service on a new clinic, a note drafted and ready for
review, and the files signing wrote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import sample_notes
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService


@pytest.fixture
def service(clinic_dir: Path) -> Iterator[ClinicService]:
    opened = ClinicService.open(clinic_dir)
    yield opened
    opened.close()


def drafted(service: ClinicService, text: str | bytes | None = None, name: str = "n.txt") -> int:
    """Drop a note into the inbox (`text`, else the first sample note), ingest it and draft it
    offline: the id of its draft, ready for review."""
    target = service.clinic.paths.inbox / name
    if text is None:
        text = sample_notes()[0].read_bytes()
    target.write_bytes(text.encode() if isinstance(text, str) else text)
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    draft_queued(service)
    return draft_id


def signed_files(service: ClinicService) -> list[Path]:
    """Every file under approved/, sorted."""
    return sorted(p for p in service.clinic.paths.approved.rglob("*") if p.is_file())
