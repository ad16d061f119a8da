"""Shared fixtures: paths to the shared samples and fresh clinic folders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"
DEMO_NOTES = REPO / "tui" / "core" / "data" / "demo"


def sample_notes() -> list[Path]:
    """The shared sample notes, or the packaged copies when shared/ is not beside the repo."""
    folder = SAMPLES / "notes"
    if not folder.is_dir():
        folder = DEMO_NOTES
    return sorted(p for p in folder.iterdir() if p.name[:4].isdigit())


@pytest.fixture
def clinic_dir(tmp_path: Path) -> Path:
    from tui.core.clinic import init_clinic

    return init_clinic(tmp_path / "clinic").root
