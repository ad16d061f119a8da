"""A progress report drafted end to end by the model: notes dropped into a clinic whose
context.toml points at a Messages-API server (the fake, through the real anthropic SDK), the
pipeline drafting every queued note, and the report's draft checked as the sign gate checks
it. The report's request carries the episode timeline after the note and outside the cached
system blocks; verification accepts values that come from the store's timeline and flags one
that does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tomlkit

from tests.fakes.anthropic_server import FakeAnthropic, Reply, fake_anthropic
from tests.outcomes.conftest import DAILY, EVAL, note_text
from tui.core.drafting.select import choose_backend
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService

__all__ = ["fake_anthropic"]

MODEL = "claude-test-1"
REPORT_NOTE = "LEFS 49/80. Pain 3/10. R knee flexion AROM 118°. MMT R quad 4/5. TUG 12.0 s.\n"
# What the model writes: baseline values it can only know from the timeline (38/80, 6/10,
# 100°, 14.2 s were taken at the evaluation, not in this note), the change and the MCID, and
# one value that is in neither the note nor the store (Berg 50/56).
MODEL_REPORT = (
    "# Progress report\n\n## Objective\n\n"
    "- LEFS 49/80, up from 38/80 at the evaluation on 2026-10-01 (+11, beyond the MCID of 9).\n"
    "- Pain 3/10, was 6/10 at the evaluation.\n"
    "- R knee flexion AROM 118°, was 100° at the evaluation.\n"
    "- MMT R quad 4/5, was 4-/5.\n"
    "- TUG 12.0 s, was 14.2 s at the evaluation (beyond the MDC of 1.1 s).\n"
    "- Berg 50/56 today.\n\n"
    "## Assessment\n\nMeasurable progress toward the goals; continue the plan of care.\n"
)


@pytest.fixture
def model_clinic(clinic_dir: Path, fake_anthropic: FakeAnthropic) -> Iterator[ClinicService]:
    """A clinic that drafts with the model at the fake server's address."""
    context = clinic_dir / "context.toml"
    document = tomlkit.parse(context.read_text(encoding="utf-8"))
    document["model"]["provider"] = "anthropic"  # type: ignore[index]
    document["model"]["base_url"] = fake_anthropic.url  # type: ignore[index]
    document["model"]["model"] = MODEL  # type: ignore[index]
    context.write_text(tomlkit.dumps(document), encoding="utf-8")
    fake_anthropic.default = Reply(text=MODEL_REPORT)
    service = ClinicService.open(clinic_dir)
    yield service
    service.close()


def test_a_progress_report_drafted_by_the_model_states_the_timeline_and_is_verified(
    model_clinic: ClinicService, fake_anthropic: FakeAnthropic
) -> None:
    service = model_clinic
    for n, (day, visit, skill, body) in enumerate([
        ("2026-10-01", 1, "pt_initial_eval", EVAL),
        ("2026-10-08", 3, "soap_note", DAILY),
        ("2026-10-29", 10, "progress_report", REPORT_NOTE),
    ]):  # fmt: skip
        path = service.clinic.paths.inbox / f"{day}_{n}.txt"
        path.write_text(note_text(day, visit, skill, body), encoding="utf-8")
        assert service.ingest(path).status == "drafted"
    selected = choose_backend(service.context)
    assert selected.reason.startswith("local:"), selected.reason  # the model, not offline
    assert draft_queued(service, selected.backend, owner="test") == 3

    [request] = [m for m in fake_anthropic.messages
                 if any("<episode_timeline" in b["text"] for b in m.content)]  # fmt: skip
    texts = [block["text"] for block in request.content]
    assert texts[0].startswith("<session_notes>") and "LEFS 49/80" in texts[0]
    assert texts[1].startswith("<episode_timeline")
    assert "LEFS: 2026-10-01 38/80; 2026-10-29 49/80." in texts[1]
    assert "TUG: 2026-10-01 14.2 s; 2026-10-29 12.0 s." in texts[1]
    assert "MDC 1.1 s: met" in texts[1] and "MCID 9: met" in texts[1]
    assert "38/80" not in str(request.body["system"])  # never in the cached blocks
    assert len(fake_anthropic.messages) == 3, "each note drafted once, by the model"

    report = next(d for d in service.drafts() if d.skill == "progress_report")
    assert "up from 38/80 at the evaluation" in service.text(report.id)
    checks = service.check_version(report.id)
    unsupported = [(f["kind"], f["value"]) for f in checks["unsupported"]]
    assert unsupported == [("outcome", 50)], "Berg 50/56 is in neither the note nor the store"
