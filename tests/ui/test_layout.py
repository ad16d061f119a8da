"""The app must stay usable from a phone over SSH (60 columns) up to a wide monitor: panes stack
below 130 columns and sit side by side above, the queue never scrolls sideways and always shows
patient, date, document, status and checks readably, and the header and key bar fit one line."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.ui.conftest import RecordingApp, ready_ids, wait_until
from tui.core.review.stats import TodayFigures
from tui.core.service import ClinicService
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.fitting import fit_parts
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.queue_layout import FULL_DATE, layout
from tui.ui.widgets.status import StatusBar, status_line
from tui.ui.widgets.today import TodayBar, today_text

SIZES = [((60, 24), True), ((80, 24), True), ((100, 30), True), ((180, 50), False)]


def _line(widget: object, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("size", "stacked"), SIZES)
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
            assert preview.width > queue.width, "on a wide monitor the draft gets the room"
        assert queue.height >= 5 and preview.height >= 5
        assert preview.right <= size[0] and preview.bottom <= size[1]


@pytest.mark.parametrize(("size", "stacked"), SIZES)
async def test_the_queue_fits_its_width_with_every_column_readable(
    app: RecordingApp, service: ClinicService, size: tuple[int, int], stacked: bool
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0, "nothing to scroll sideways to"
        header = _line(table)
        for label in ("Patient", "Date", "Document", "Status", "Checks"):
            assert label in header, (size, header)
        rows = [_line(table, y) for y in range(1, 5)]
        first = service.draft(table.selected_id or 0)
        assert first.patient in rows[0]
        assert first.date in rows[0] or first.date[5:] in rows[0], "whole date or MM-DD"
        assert "ready" in rows[0]
        await pilot.press("end")
        assert table.scroll_x == 0 and table.cursor_row == table.row_count - 1


@pytest.mark.parametrize(("size", "stacked"), SIZES)
async def test_header_and_key_bar_fit_one_line(
    app: RecordingApp, size: tuple[int, int], stacked: bool
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        today = screen.query_one(TodayBar)
        assert await wait_until(pilot, lambda: "drafted" in _line(today))
        status = screen.query_one(StatusBar)
        for widget in (status, today, screen.query_one(KeyBar)):
            assert widget.region.height == 1 and widget.region.width == size[0]
        assert "waiting" in _line(status)
        assert _line(screen.query_one(KeyBar)).rstrip().endswith("keys"), "? keys stays whole"


def test_the_header_says_everything_on_a_wide_screen_and_the_essentials_on_a_phone() -> None:
    name = "Riverside Physical & Occupational Therapy"
    counts = {"ready": 9, "failed": 1, "approved": 30}
    wide = status_line(name, ("waiting", "held by pid 17596"), counts, 180).plain
    assert name in wide and "9 waiting for review" in wide and "1 failed" in wide
    assert "drafted by another chartdesk (process 17596)" in wide
    assert "30" not in wide, "signed totals are not open work"
    phone = status_line(name, ("waiting", "held by pid 17596"), counts, 60).plain
    assert cell_len(phone) == 60 and "9 waiting" in phone and "1 failed" in phone
    assert phone.startswith(" Riverside"), "the clinic keeps a readable name"
    figures = TodayFigures(40, 12, 28, 14 * 60.0, 0.96, 0.42, 1000)
    line = today_text(figures, 180).plain
    assert "Today: 40 drafted, 12 signed" in line
    assert "signed 14 min after drafting (median)" in line
    assert "96% of drafted words kept" in line and "$0.4200 model cost" in line
    short = today_text(figures, 60).plain
    assert cell_len(short) <= 60 and "40 drafted, 12 signed" in short and "96% kept" in short
    quiet = today_text(TodayFigures(9, 0, 9, None, None, 0.0, 0), 100).plain
    assert "–" not in quiet and "kept" not in quiet, "no figure shown before it means anything"


def test_column_layout_from_a_phone_to_a_wide_monitor() -> None:
    widths = {"patient": 15, "document": 18, "status": 7, "checks": 18, "cost": 7}
    for available in range(40, 200):
        shape = layout(available, widths, with_cost=True)
        assert shape.width <= max(available, 50), available
        assert {key for key, _ in shape.columns} >= {"patient", "date", "document", "status",
                                                     "checks"}  # fmt: skip
        if available >= 57:
            assert shape.width_of("patient") >= 12 and shape.width_of("checks") >= 10
            assert shape.width_of("date") in (5, FULL_DATE), "a date is whole or MM-DD"
    assert layout(57, widths).short_date and not layout(76, widths).short_date
    assert layout(110, widths, with_cost=True).width_of("cost") == 7
    assert layout(60, widths, with_cost=True).width_of("cost") == 0, "cost goes first"


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


def test_fitting_shortens_the_least_important_first_and_gives_room_back() -> None:
    signed = ("Signed Marisol Reyes · soap note · 2026-11-04", "Signed Marisol Reyes")
    following = ("next: Ola Lindqvist · ot initial eval", "next: Ola Lindqvist")
    waiting = ("8 waiting for review", "8 waiting")
    parts = [signed, following, waiting]
    assert fit_parts(parts, 200) == [signed[0], following[0], waiting[0]]
    assert fit_parts(parts, 70) == [signed[1], following[1], waiting[0]], "room given back"
    assert fit_parts(parts, 30) == [signed[1]], "the least important go first"


async def test_after_a_resize_the_cursor_row_stays_in_view(app: RecordingApp) -> None:
    async with app.run_test(size=(180, 50)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        await pilot.press("end")
        last = table.row_count - 1
        assert table.cursor_row == last
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert await wait_until(pilot, lambda: table.size.width < 80)
        rows_in_view = table.scrollable_content_region.height - 1  # under the header
        assert await wait_until(
            pilot, lambda: table.scroll_y <= last < table.scroll_y + rows_in_view
        ), "the cursor's row is on screen after the resize"
        header = _line(table)
        assert "Date" in header and "Checks" in header, "laid out again for 60 columns"
