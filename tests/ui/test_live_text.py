"""The review app shows the growing text of a draft whichever process drafts it.

Here another process holds the drafter lock (as `chartdesk watch` would), so the app drafts
nothing itself; the "other drafter" is the store written from the test, exactly as a drafter
in another process writes it: it claims the job and checkpoints the text streamed so far.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import RecordingApp, ready_ids, review_of, wait_until
from tui.core.clinic import DrafterLock
from tui.core.service import ClinicService


async def test_text_checkpointed_by_another_drafter_appears_and_grows(
    service: ClinicService, clinic_root: Path
) -> None:
    lock = DrafterLock(clinic_root / ".chartdesk" / "drafter.lock")
    assert lock.try_acquire()
    try:
        ready = service.draft(ready_ids(service)[0])
        other = ClinicService.open(clinic_root)
        try:
            draft_id = other.store.create_draft(ready.note_id, ready.skill)  # a new draft
            app = RecordingApp(service)
            async with app.run_test(size=(140, 45)) as pilot:
                review = review_of(app)
                review.table.select_draft(draft_id)
                job = other.store.claim_job("watch:elsewhere")
                assert job is not None and job.draft_id == draft_id
                other.store.checkpoint(job.id, "## Subjective\n\nFirst words")

                assert await wait_until(pilot, lambda: "First words" in review.preview.text.plain)
                other.store.checkpoint(job.id, "## Subjective\n\nFirst words, then more")
                assert await wait_until(pilot, lambda: "then more" in review.preview.text.plain)
                assert review.preview.shown_text is None, "partial text is never a version"
        finally:
            other.close()
    finally:
        lock.release()
