"""Screenshots of every review screen at 60x24 (a phone over SSH) and 100x30 (a workstation),
and of the screens whose layout follows the width at 80x24 and 180x50 (a wide monitor) too.

The demo clinic's timestamps are pinned and the app's clock is fixed (conftest), so nothing in
a screenshot depends on when the tests run. Update with `pytest --snapshot-update` after a
deliberate change, and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import signer
from tests.ui.conftest import (
    FIXED_STAMP,
    RecordingApp,
    copy_clinic,
    edit_context,
    pin_timestamps,
    wait_until,
)
from tui.core.security.pin import set_pin
from tui.core.service import ClinicService
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.today import TodayBar

SIZES = {"wide": (100, 30), "phone": (60, 24)}
EVERY_SIZE = {**SIZES, "small": (80, 24), "monitor": (180, 50)}
Prepare = Callable[[ClinicService], None]


def _edited(service: ClinicService) -> None:
    """Draft 2 edited once, so the diff and the versions have something to show."""
    text = service.text(2).replace("## Assessment", "## Assessment\n\n- Reviewed with the patient.")
    service.save_edit(2, text)


def _signed(service: ClinicService) -> None:
    service.approve(2, signer(service), reason="units agreed with the payer")


def _pin(service: ClinicService) -> None:
    set_pin(service.clinic.paths.state, "2468", n=2**10)


async def _on_draft_2(pilot: Pilot[Any]) -> None:
    await pilot.press("j")
    await _pane_rested(pilot)


async def _pane_rested(pilot: Pilot[Any]) -> None:
    """The draft pane shows the draft under the cursor (it follows once the cursor rests)."""
    screen = pilot.app.screen
    if isinstance(screen, ReviewScreen):
        await wait_until(pilot, lambda: screen.preview.draft_id == screen.table.selected_id)


# name -> (prepare the clinic, keys to press after the cursor is on draft 2)
SCREENS: dict[str, tuple[Prepare | None, tuple[str, ...]]] = {
    "queue": (None, ()),
    "reading": (None, ("enter",)),
    "source": (None, ("s",)),
    "filter": (None, ("slash", "s", "o", "a", "p")),
    "editor": (_edited, ("e",)),
    "diff": (_edited, ("d",)),
    "versions": (_edited, ("v",)),
    "approve": (None, ("a",)),
    "reject": (None, ("r",)),
    "regenerate": (None, ("g",)),
    "addendum": (_signed, ("n",)),
    "lock": (_pin, ("ctrl+l",)),
    "help": (None, ("question_mark",)),
    "signed": (None, ("k", "a", "y")),
}
# The screens whose layout changes with the width, shot at every size.
BY_WIDTH = ("queue", "reading", "source", "filter", "help", "signed")


def _clinic(demo_template: Path, tmp_path: Path, prepare: Prepare | None) -> Path:
    root = copy_clinic(demo_template, tmp_path / "clinic")
    edit_context(root, "ui", "theme", "nord")
    if prepare is not None:
        service = ClinicService.open(root)
        prepare(service)
        service.close()
        pin_timestamps(root / ".chartdesk" / "state.db")
        _pin_approvals(root)
    return root


def _pin_approvals(root: Path) -> None:
    import sqlite3

    with sqlite3.connect(root / ".chartdesk" / "state.db") as conn:
        conn.execute("UPDATE approvals SET signed_at = ?", (FIXED_STAMP,))


def _before(keys: tuple[str, ...]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        bar = pilot.app.screen.query_one(TodayBar)
        await wait_until(pilot, lambda: "Today" in str(bar.render()))
        await _on_draft_2(pilot)
        await pilot.press(*keys)
        await _pane_rested(pilot)
        await pilot.pause()

    return run_before


CASES = [(name, size) for name in SCREENS for size in (EVERY_SIZE if name in BY_WIDTH else SIZES)]


@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_screen(
    snap_compare: Any, demo_template: Path, tmp_path: Path, name: str, size: str
) -> None:
    prepare, keys = SCREENS[name]
    service = ClinicService.open(_clinic(demo_template, tmp_path, prepare))
    try:
        app = RecordingApp(service)
        assert snap_compare(app, terminal_size=EVERY_SIZE[size], run_before=_before(keys))
    finally:
        service.close()


def test_sixteen_colours(snap_compare: Any, demo_template: Path, tmp_path: Path) -> None:
    """The ANSI theme a 16-colour terminal gets: status colours stay readable."""
    root = copy_clinic(demo_template, tmp_path / "clinic")
    edit_context(root, "ui", "theme", "ansi-dark")
    service = ClinicService.open(root)
    try:
        app = RecordingApp(service)
        assert snap_compare(app, terminal_size=(80, 24), run_before=_before(()))
    finally:
        service.close()
