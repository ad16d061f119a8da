"""Pilot test of deliveries in the app: the queue's delivery state, the today panel's count of
undelivered notes, the reason in the draft pane, and a retry with one key."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import signer
from tests.ui.conftest import RecordingApp, ready_ids, review_of, wait_until
from tui.core.service import ClinicService
from tui.ui.keymap import ACTIONS_BY_ID
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.today import TodayBar

SIZE = (120, 30)


async def test_a_failed_delivery_is_shown_and_retried_from_the_queue(
    clinic_root: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "emr-import"
    folder.mkdir()
    context = clinic_root / "context.toml"
    context.write_text(
        context.read_text() + f'\n[[ehr]]\nid = "emr-import"\nkind = "folder"\npath = "{folder}"\n'
        'file_name = "{mrn}"\n'
    )
    service = ClinicService.open(clinic_root)
    draft_id = ready_ids(service)[0]
    service.approve(draft_id, signer(service), reason="billing reviewed with the office")
    mrn = service.draft(draft_id).mrn
    taken = folder / f"{mrn or '-'}.pdf"
    taken.write_bytes(b"another document under the same name")
    [outcome] = service.deliver_due("test")
    assert outcome.state == "failed"

    key = ACTIONS_BY_ID["retry_delivery"].key
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(draft_id)
        assert await wait_until(
            pilot, lambda: "delivery failed" in " ".join(_cells(review, draft_id).values())
        )
        bar = app.screen.query_one(TodayBar)
        assert await wait_until(
            pilot, lambda: "1 signed note not yet in the EHR" in str(bar.render())
        )
        assert await wait_until(
            pilot, lambda: "delivery to emr-import failed" in _signed_line(review)
        )

        taken.unlink()
        await pilot.press(key)
        assert app.said("1 delivery queued again")
        assert service.store.deliveries()[0].state == "waiting"
        assert await wait_until(
            pilot, lambda: "delivery waiting" in " ".join(_cells(review, draft_id).values())
        )
        [outcome] = service.deliver_due("test")
        assert outcome.state == "sent"
        review.poll_changes()
        review.refresh_today()
        assert await wait_until(
            pilot, lambda: "delivered" in " ".join(_cells(review, draft_id).values())
        )
        assert await wait_until(pilot, lambda: "not yet in the EHR" not in str(bar.render()))

        await pilot.press(key)
        assert app.said("has no failed delivery to retry", "warning")
    assert (folder / f"{mrn or '-'}.pdf").is_file()


def _cells(review: ReviewScreen, draft_id: int) -> dict[str, str]:
    ids = [listed_id for listed_id, _ in review.table.listed()]
    return review.table.cells_at(ids.index(draft_id))


def _signed_line(review: ReviewScreen) -> str:
    """The draft pane's signature line, as shown."""
    shown = review.preview._shown
    return shown.signed if shown is not None else ""
