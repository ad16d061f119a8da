"""The review flow moves on: after a draft is signed, rejected or replaced, the cursor goes to the
next draft that waits for the clinician, and one line says what happened and what is next."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Input

from tests.ui.conftest import RecordingApp, ready_ids, review_of, wait_until
from tui.core.review.rules import next_to_review
from tui.core.service import ClinicService
from tui.ui.widgets.flow import FlowLine


def test_the_next_draft_to_review_is_below_then_above() -> None:
    listed = [(1, "approved"), (2, "ready"), (3, "failed"), (4, "ready"), (5, "rejected")]
    assert next_to_review(listed, 2) == 4, "the next one down that waits"
    assert next_to_review(listed, 4) == 2, "then the first above"
    assert next_to_review([(1, "approved"), (2, "ready")], 2) is None
    assert next_to_review(listed, 99) == 2, "a draft no longer listed: from the top"


async def test_rejecting_moves_to_the_next_waiting_draft_and_says_so(
    app: RecordingApp, service: ClinicService
) -> None:
    first, second = ready_ids(service)[:2]
    async with app.run_test(size=(60, 24)) as pilot:
        screen = review_of(app)
        screen.table.select_draft(first)
        await pilot.press("r")
        app.screen.query_one(Input).value = "wrong patient"
        await pilot.press("enter")
        assert screen.table.selected_id == second
        assert screen.preview.draft_id == second, "the pane shows the next draft at once"
        flow = screen.query_one(FlowLine)
        nxt = service.draft(second)
        assert flow.display and flow.message.startswith("Rejected ")
        assert f"next: {nxt.patient}" in flow.message
        waiting = len(service.drafts("ready"))
        assert f"{waiting} waiting" in flow.message
        line = "".join(segment.text for segment in flow.render_line(0))
        assert cell_len(line.rstrip()) <= 60 and "next:" in line, "one line on a phone"


async def test_the_app_opens_on_the_first_draft_that_waits(
    app: RecordingApp, service: ClinicService
) -> None:
    """Not on a row rejected (or signed) earlier in the day, where every key is refused."""
    first, second = ready_ids(service)[:2]
    service.reject(first, "duplicate")
    async with app.run_test(size=(100, 30)):
        screen = review_of(app)
        assert screen.table.listed()[0][0] == first, "the closed draft is still listed first"
        assert screen.table.selected_id == second
        assert screen.preview.draft_id == second


async def test_the_last_waiting_draft_says_nothing_else_waits(
    app: RecordingApp, service: ClinicService
) -> None:
    ids = ready_ids(service)
    for draft_id in ids[1:]:
        service.reject(draft_id, "duplicate")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = review_of(app)
        screen.table.select_draft(ids[0])
        await pilot.press("r")
        app.screen.query_one(Input).value = "wrong patient"
        await pilot.press("enter")
        assert "nothing else is waiting for review" in screen.query_one(FlowLine).message


async def test_a_replaced_draft_hands_the_cursor_to_its_replacement(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[1]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = review_of(app)
        screen.table.select_draft(draft_id)
        await pilot.pause()
        new_id = service.draft_with(draft_id, service.draft(draft_id).skill)
        screen.poll_changes()
        assert await wait_until(pilot, lambda: screen.table.selected_id == new_id)
        message = screen.query_one(FlowLine).message
        assert f"replaced by draft {new_id}" in message and f"now on draft {new_id}" in message


async def test_locking_clears_the_summary_that_names_patients(
    app: RecordingApp, service: ClinicService
) -> None:
    first = ready_ids(service)[0]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = review_of(app)
        screen.table.select_draft(first)
        await pilot.press("r")
        app.screen.query_one(Input).value = "wrong patient"
        await pilot.press("enter")
        flow = screen.query_one(FlowLine)
        assert service.draft(first).patient in flow.message
        app.action_lock()
        await pilot.pause()
        assert flow.message == "" and not flow.display
