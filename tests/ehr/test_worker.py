"""The drafter process delivers the outbox while it drafts."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.ehr.outbox_helpers import folder_destination, signed
from tui.core.intake.pipeline import Pipeline, PipelineEvent
from tui.core.service import ClinicService


async def test_the_drafter_delivers_what_a_signature_queued(
    clinic_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    folder_destination(clinic_dir, folder)
    service = ClinicService.open(clinic_dir)
    draft_id = await asyncio.to_thread(signed, service)
    pipeline = Pipeline(service, service.backend, "drafter", watch=False,
                        delivery_poll_seconds=0.2)  # fmt: skip
    events: list[PipelineEvent] = []
    pipeline.subscribe(events.append)
    run = asyncio.create_task(pipeline.run())
    try:
        for _ in range(600):
            if any(e.kind == "delivery" for e in events):
                break
            await asyncio.sleep(0.1)
    finally:
        pipeline.stop()
        await run
    [event] = [e for e in events if e.kind == "delivery"]
    assert (event.draft_id, event.destination, event.status) == (draft_id, "emr-import", "sent")
    assert len(list(folder.glob("*.pdf"))) == 1
    assert service.store.deliveries()[0].state == "sent"


async def test_a_clinic_without_destinations_runs_no_worker(clinic_dir: Path) -> None:
    service = ClinicService.open(clinic_dir)
    pipeline = Pipeline(service, service.backend, "drafter", watch=False)
    run = asyncio.create_task(pipeline.run())
    for _ in range(300):
        if pipeline.role == "drafter":
            break
        await asyncio.sleep(0.1)
    tasks = {t.get_name() for t in asyncio.all_tasks()}
    pipeline.stop()
    await run
    assert "chartdesk-deliver" not in tasks


def test_watch_logs_each_delivery_without_note_text() -> None:
    import io
    import json

    from tui.commands.watch import NoteLog

    out, err = io.StringIO(), io.StringIO()
    event = PipelineEvent(kind="delivery", draft_id=4, status="failed",
                          reason="patient not found", destination="hospital")  # fmt: skip
    NoteLog(out, err)(event)
    assert "draft 4  to hospital  failed  (patient not found)" in out.getvalue()
    lines = io.StringIO()
    NoteLog(lines, err, json_lines=True)(event)
    record = json.loads(lines.getvalue())
    assert (record["draft"], record["destination"], record["delivery"]) == (4, "hospital", "failed")
