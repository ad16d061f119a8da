"""The Audit screen on the demo clinic: the day's findings by patient, stepping days, jumping
to a draft in the queue, exporting the report, and the model review (fake Anthropic server)."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.drafting.conftest import MODEL
from tests.fakes.anthropic_server import FakeAnthropic, Reply, fake_anthropic
from tests.ui.conftest import RecordingApp, edit_context, wait_until
from tui.core.service import ClinicService
from tui.ui.app import DEFAULT_THEME
from tui.ui.screens.audit import AuditScreen
from tui.ui.screens.review import ReviewScreen

__all__ = ["fake_anthropic"]

SIZE = (100, 30)
DAY = date(2026, 11, 6)
MODEL_ANSWER = (
    "## Findings\n\n- `SKILLED_JUSTIFICATION_MISSING` (error) - Ken Nakamura - "
    '"pt did his exercises": no cueing or progression documented.\n'
)


def audit_screen(app: RecordingApp) -> AuditScreen:
    screen = app.screen
    assert isinstance(screen, AuditScreen)
    return screen


async def open_audit(pilot: Pilot[Any], app: RecordingApp) -> AuditScreen:
    await pilot.press("b")
    screen = audit_screen(app)
    assert await wait_until(pilot, lambda: screen.loaded)
    await pilot.pause()
    return screen


def detail(screen: AuditScreen) -> str:
    return str(screen.query_one("#audit-detail", Static).render())


def header(screen: AuditScreen) -> str:
    return str(screen.query_one("#audit-header", Static).render())


async def test_b_opens_today_grouped_by_patient(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot, app)
        assert screen.day == DAY
        assert header(screen) == (
            "Fri 2026-11-06 · 2 errors · 2 warnings · 0 info · 5 notes of 5 patients"
            " · 5 drafts open"
        )
        patients = [row.patient for row in screen.rows]
        assert patients[:4] == ["Ken Nakamura"] * 4, "one patient's findings stay together"
        firsts = [row.first_of_patient for row in screen.rows[:5]]
        assert firsts == [True, False, False, False, True]
        assert screen.rows[0].label == "TIMED_MINUTES_MISSING"
        assert "Timed code(s) 97110 billed with no documented minutes." in detail(screen)
        await pilot.press("j")
        assert "TOTAL_TIME_MISSING" in detail(screen)
        labels = {row.patient: row.label for row in screen.rows if row.first_of_patient}
        assert labels["Theo Brandt"] == "not audited"
        assert labels["Nadia Haddad"] == "no findings"


async def test_without_notes_today_the_latest_day_is_shown(service: ClinicService) -> None:
    app = RecordingApp(service, clock=lambda: datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot, app)
        assert screen.day == DAY


async def test_p_and_n_step_through_days_with_notes(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot, app)
        await pilot.press("p")
        assert await wait_until(pilot, lambda: screen.loaded and screen.day == date(2026, 11, 5))
        assert [row.patient for row in screen.rows] == ["Ola Lindqvist"]
        await pilot.press("n")
        assert await wait_until(pilot, lambda: screen.loaded and screen.day == DAY)
        await pilot.press("n")
        assert app.said("No later day has notes.")


async def test_enter_jumps_to_the_draft_in_the_queue_even_when_filtered(
    app: RecordingApp, service: ClinicService
) -> None:
    ken = next(d.id for d in service.drafts() if d.patient == "Ken Nakamura")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "o", "s", "e", "i", "enter")
        review = app.review
        assert isinstance(app.screen, ReviewScreen)
        assert str(ken) not in review.table.rows, "the filter hides Ken's draft"
        screen = await open_audit(pilot, app)
        assert screen.rows[0].patient == "Ken Nakamura"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert review.table.selected_id == ken
        assert await wait_until(pilot, lambda: review.preview.draft_id == ken)  # once it rests


async def test_escape_goes_back_without_a_jump(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        review = app.review
        before = review.table.selected_id
        await open_audit(pilot, app)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert review.table.selected_id == before


async def test_x_exports_the_report(app: RecordingApp, clinic_root: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_audit(pilot, app)
        await pilot.press("x")
        assert app.said("exports/audit-2026-11-06.md")
    report = clinic_root / "exports" / "audit-2026-11-06.md"
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "## Ken Nakamura" in report.read_text(encoding="utf-8")


async def test_m_offline_keeps_the_heuristics_and_says_why(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_audit(pilot, app)
        await pilot.press("m")
        assert app.said('offline: [model] provider = "offline"', "warning")
        assert "not reviewed by a model" in header(screen)


async def test_m_reviews_with_the_model_when_allowed(
    fake_anthropic: FakeAnthropic, clinic_root: Path
) -> None:
    edit_context(clinic_root, "model", "provider", "anthropic")
    edit_context(clinic_root, "model", "base_url", fake_anthropic.url)
    edit_context(clinic_root, "model", "model", MODEL)
    fake_anthropic.default = Reply(text=MODEL_ANSWER)
    service = ClinicService.open(clinic_root)
    app = RecordingApp(service)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_audit(pilot, app)
            await pilot.press("m")
            assert await wait_until(pilot, lambda: "reviewed by local" in header(screen))
            ken = [row.label for row in screen.rows if row.patient == "Ken Nakamura"]
            assert ken == ["TIMED_MINUTES_MISSING", "TOTAL_TIME_MISSING",
                           "SKILLED_JUSTIFICATION_MISSING"]  # fmt: skip
            await pilot.press("j", "j")
            assert "(model review)" in detail(screen)
    finally:
        service.close()
    sent = [r.content[0]["text"] for r in fake_anthropic.messages]
    assert len(sent) == 3, "only the billed notes are sent"


@pytest.mark.parametrize("size", [(100, 30), (60, 24)], ids=["100x30", "60x24"])
def test_snapshot_audit_screen(
    snap_compare: Any, service: ClinicService, size: tuple[int, int], monkeypatch: Any
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = RecordingApp(service)

    async def open_and_settle(pilot: Pilot[Any]) -> None:
        app.theme = DEFAULT_THEME
        await open_audit(pilot, app)
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_and_settle)
