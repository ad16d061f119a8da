"""Reports that use the episode: a progress report's prompt carries the timeline after the
note (never in the cached system blocks), and verification accepts values from the store's
timeline while flagging others."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from tests.drafting.conftest import backend, clinic
from tests.fakes.anthropic_server import FakeAnthropic, fake_anthropic
from tests.outcomes.conftest import DAILY, EVAL, Drop
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService

__all__ = ["fake_anthropic"]

REPORT = "LEFS 49/80. Pain 3/10. R knee flexion AROM 118°. MMT R quad 4/5. TUG 12.0 s.\n"


def report_draft_id(service: ClinicService, drop: Drop) -> int:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-08", 3, "soap_note", DAILY)
    drop("2026-10-29", 10, "progress_report", REPORT)
    drop("2026-11-20", 16, "discharge_summary", "LEFS 70/80. Pain 0/10 on most days.\n")
    draft_queued(service, owner="test")
    return next(d.id for d in service.drafts() if d.skill == "progress_report")


def test_a_progress_report_prompt_carries_the_timeline_up_to_its_day(
    service: ClinicService, drop: Drop
) -> None:
    prompt = service.prompt_for(service.draft(report_draft_id(service, drop)))
    assert "LEFS: 2026-10-01 38/80; 2026-10-29 49/80." in prompt.timeline
    assert "MCID 9: met" in prompt.timeline
    assert "70/80" not in prompt.timeline  # the discharge came later
    for cached in (prompt.context_block, prompt.skill_block):
        assert "38/80" not in cached and "Whitfield" not in cached
    text = prompt.as_text()
    assert (
        text.index("session notes")
        < text.index("episode timeline")
        < text.index("user: instructions")
    )


def test_a_daily_note_prompt_has_no_timeline(service: ClinicService, drop: Drop) -> None:
    report_draft_id(service, drop)
    daily = next(d for d in service.drafts() if d.skill == "soap_note")
    assert service.prompt_for(daily).timeline == ""


async def test_the_timeline_is_sent_after_the_note_outside_the_cache(
    service: ClinicService, drop: Drop, fake_anthropic: FakeAnthropic
) -> None:
    draft_id = await asyncio.to_thread(report_draft_id, service, drop)  # drafts offline first
    prompt = service.prompt_for(service.draft(draft_id))
    ctx = clinic(fake_anthropic.url)
    await backend(ctx).draft(replace(prompt), lambda _text: None)
    [sent] = fake_anthropic.messages
    texts = [block["text"] for block in sent.content]
    assert texts[0].startswith("<session_notes>")
    assert texts[1].startswith("<episode_timeline") and "38/80" in texts[1]
    assert texts[2] == prompt.instructions
    assert "38/80" not in str(sent.body["system"])


def test_verify_accepts_timeline_values_and_flags_others(
    service: ClinicService, drop: Drop
) -> None:
    draft_id = report_draft_id(service, drop)
    text = (
        "# Progress report\n\n## Objective\n\n"
        "- LEFS 49/80, up from 38/80 at the evaluation (+11, beyond the MCID of 9).\n"
        "- Pain 3/10, was 6/10 at the evaluation.\n"
        "- R knee flexion AROM 118°, was 100° at the evaluation.\n"
        "- MMT R quad 4/5. TUG 12.0 s, was 14.2 s at the evaluation.\n"
        "- Berg 50/56 today.\n"
    )
    service.save_edit(draft_id, text, "arivera")
    checks = service.check_version(draft_id)
    unsupported = [(f["kind"], f["value"]) for f in checks["unsupported"]]
    assert unsupported == [("outcome", 50)]


def test_the_offline_drafter_shows_the_timeline_beside_the_report(
    service: ClinicService, drop: Drop
) -> None:
    report = service.draft(report_draft_id(service, drop))
    assert "Episode timeline (from the clinic's records):" in report.aside
    assert "LEFS: 2026-10-01 38/80; 2026-10-29 49/80." in report.aside
    assert "38/80" not in service.text(report.id)  # beside the document, never inside it
