"""Fixtures for the review app's Pilot tests: a real demo clinic per test, and a notice log.

The demo clinic (sample notes drafted offline) is built once per session and copied for each
test, so every test starts from the same store without paying for drafting again.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tui.cli import make_demo
from tui.core.service import ClinicService
from tui.ui.app import ChartdeskApp


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str


class RecordingApp(ChartdeskApp):
    """The real app, keeping every notification so tests can read what the clinician saw."""

    def __init__(self, service: ClinicService) -> None:
        super().__init__(service)
        self.notices: list[Notice] = []

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               **kwargs: Any) -> None:  # fmt: skip
        self.notices.append(Notice(str(message), title, str(severity)))
        super().notify(message, title=title, severity=severity, **kwargs)

    def said(self, fragment: str, severity: str | None = None) -> bool:
        return any(
            fragment in n.message and (severity is None or n.severity == severity)
            for n in self.notices
        )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "clinic"
    make_demo(root).close()
    return root


def copy_clinic(template: Path, target: Path) -> Path:
    shutil.copytree(template, target, symlinks=True)
    return target


@pytest.fixture
def clinic_root(demo_template: Path, tmp_path: Path) -> Path:
    return copy_clinic(demo_template, tmp_path / "clinic")


@pytest.fixture
def service(clinic_root: Path) -> Iterator[ClinicService]:
    svc = ClinicService.open(clinic_root)
    yield svc
    svc.close()


@pytest.fixture
def app(service: ClinicService) -> RecordingApp:
    return RecordingApp(service)


def ready_ids(service: ClinicService) -> list[int]:
    ids = [d.id for d in service.drafts("ready")]
    assert len(ids) >= 2, "the demo clinic should have ready drafts"
    return ids
