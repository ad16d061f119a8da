"""The app must stay usable from a phone over SSH (60 columns) up to a workstation: panes stack
below 90 columns and sit side by side above."""

from __future__ import annotations

import pytest

from tests.ui.conftest import RecordingApp, ready_ids
from tui.core.service import ClinicService
from tui.ui.screens.review import ReviewScreen


@pytest.mark.parametrize(("size", "stacked"), [((60, 24), True), ((80, 24), True),
                                               ((100, 30), False)])  # fmt: skip
async def test_panes_stack_on_narrow_terminals(
    app: RecordingApp, size: tuple[int, int], stacked: bool
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        queue, preview = screen.table.region, screen.preview.region
        assert screen.has_class("-narrow") is stacked
        if stacked:
            assert queue.bottom <= preview.y and queue.width == preview.width == size[0]
        else:
            assert queue.right <= preview.x and queue.y == preview.y
        assert queue.height >= 5 and preview.height >= 5
        assert preview.right <= size[0] and preview.bottom <= size[1]


async def test_every_screen_renders_at_60x24(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=(60, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.table.select_draft(draft_id)
        steps = [("j", "k"), ("enter", "escape"), ("e", "x", "escape"), ("d",), ("a",),
                 ("escape", "r"), ("escape", "question_mark"), ("escape",)]  # fmt: skip
        for keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen.region.width == 60
        assert app.screen is screen
        assert app.return_code is None
