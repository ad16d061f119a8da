"""The review app stops when its store is deleted under it, keeping the open edit."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.ui.conftest import RecordingApp, open_editor
from tui.core.service import ClinicService


async def test_the_review_app_stops_and_keeps_the_open_edit(clinic_root: Path) -> None:
    service = ClinicService.open(clinic_root)
    app = RecordingApp(service)
    draft_id = service.drafts("ready")[0].id
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, draft_id)
        editor.text_area.insert("\nTyped before the store vanished.", editor.text_area.document.end)
        await asyncio.to_thread(service.clinic.paths.db.unlink)
        for _ in range(60):
            if not app.is_running:
                break
            await pilot.pause(0.1)
    assert app.return_code == 2
    kept = list((clinic_root / ".chartdesk" / "unsaved").glob(f"draft-{draft_id}-*.md"))
    assert kept and "Typed before the store vanished." in kept[0].read_text()
