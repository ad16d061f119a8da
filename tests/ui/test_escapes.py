"""No control sequence from a note, a file name or a model answer reaches the terminal.

The review app runs on a clinic whose patient names, note bodies and file names carry OSC 52,
OSC 0/2, OSC 8, ``ESC [2J``, a C1 CSI and a bidi override (tests/hostile.py). At each step the
screen is rendered exactly as the app would write it to the terminal (the compositor's update
turned into terminal sequences) and searched for those sequences; the panes show them as
visible stand-ins instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import FORBIDDEN_TEXT, OSC52, TITLE, hostile_clinic
from tests.ui.conftest import RecordingApp, wait_until
from tui.core.service import ClinicService
from tui.ui.screens.review import ReviewScreen

SIZE = (140, 40)


def terminal_output(app: RecordingApp) -> str:
    """The whole screen as the terminal would receive it."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def assert_clean(app: RecordingApp, where: str) -> str:
    output = terminal_output(app)
    for sequence in FORBIDDEN_TEXT:
        assert sequence not in output, (where, repr(sequence))
    assert "\x07" not in output, where
    return output


def screen_text(app: RecordingApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def hostile_service(tmp_path: Path) -> ClinicService:
    root = hostile_clinic(tmp_path / "clinic")
    (root / "skills" / f"bad{TITLE}.toml").write_text('id = "bad"\n', encoding="utf-8")
    return ClinicService.open(root)


async def test_queue_panes_dialogs_and_screens_never_emit_an_escape(
    hostile_service: ClinicService,
) -> None:
    service = hostile_service
    whit = next(d for d in service.drafts() if d.patient.startswith("Dana"))
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.pause()
        assert_clean(app, "queue")
        assert "Dana␛]52;c;UFdORUQ=␇" in screen_text(app), "the name is shown, visibly"

        review.table.select_draft(whit.id)
        await pilot.press("enter")
        await pilot.pause()
        assert_clean(app, "draft pane")
        await pilot.press("s")
        assert await wait_until(pilot, lambda: "␛]8;;https://example.org" in screen_text(app))
        assert_clean(app, "source pane")
        await pilot.press("escape")

        app.notify(f"Signed Dana{OSC52}{TITLE}", title=f"Whit{TITLE}field", markup=False)
        await pilot.pause()
        assert_clean(app, "notification")

        await pilot.press("r")
        await pilot.press(*"reason", "escape")
        assert_clean(app, "reject dialog")

        await pilot.press("b")
        assert await wait_until(pilot, lambda: "Dana" in screen_text(app))
        assert_clean(app, "audit screen")
        await pilot.press("escape")

        await pilot.press("K")
        assert await wait_until(pilot, lambda: "bad" in screen_text(app))
        assert_clean(app, "skills screen")
        await pilot.press("escape")

        await pilot.press("question_mark")
        await pilot.pause()
        assert_clean(app, "help")
    service.close()


async def test_the_editor_shows_a_hostile_draft_without_emitting_it(
    hostile_service: ClinicService,
) -> None:
    service = hostile_service
    whit = next(d for d in service.drafts() if d.patient.startswith("Dana"))
    assert "\x1b" in service.text(whit.id), "the offline draft carries the note's lines"
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(whit.id)
        await pilot.press("e")
        await pilot.pause()
        assert_clean(app, "editor")
        await pilot.press("escape")
    service.close()
