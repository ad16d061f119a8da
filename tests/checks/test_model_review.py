"""The model review of the heuristic findings: parsing, the request it sends (through the
real SDK to the fake Anthropic server), fallbacks, the privacy gate, and `audit --model`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomlkit

from tests.checks.conftest import SAMPLES
from tests.drafting.conftest import MODEL, backend, clinic, skill
from tests.fakes.anthropic_server import FakeAnthropic, Reply, fake_anthropic
from tui.cli import main
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.model_review import (
    REVIEWED_CODES,
    parse_findings,
    review_audit,
    review_backend,
)
from tui.core.context import ClinicContext
from tui.core.intake.notes import read_note
from tui.core.service import ClinicService

__all__ = ["fake_anthropic"]

NAKAMURA = SAMPLES["2026-11-06_nakamura-ken_soap.txt"]
BRANDT = SAMPLES["2026-11-06_brandt-theo_handwriting.md"]
ANSWER = """## Summary

1 note audited: 1 error.

## Units and Minutes

| patient | date | payer | rule | timed minutes | units | billed |
|---|---|---|---|---|---|---|
| Ken Nakamura | 2026-11-06 | Medicare | cms | [not documented] | - | 3 |

## Findings

- `UNITS_OVER_BILLED` (error) - Ken Nakamura, 2026-11-06 - 97110 x3 without minutes.
- `SKILLED_JUSTIFICATION_MISSING` (error) - Ken Nakamura, 2026-11-06 - "pt did his exercises",
  "pt tolerated tx": an established program repeated, no cueing or progression.
"""


def nakamura_findings(answer: str) -> list[tuple[str, str, str]]:
    findings = parse_findings(answer)
    assert findings is not None
    return [(f.code, f.severity, f.source) for f in findings]


# -- parsing -----------------------------------------------------------------------------------


def test_only_the_reviewed_kinds_are_taken() -> None:
    assert nakamura_findings(ANSWER) == [("SKILLED_JUSTIFICATION_MISSING", "error", "model")]
    finding = (parse_findings(ANSWER) or [])[0]
    assert finding.message.startswith("Ken Nakamura, 2026-11-06")
    assert "`" not in finding.message and "(error)" not in finding.message


def test_no_deficiencies_is_a_review_with_no_findings() -> None:
    assert parse_findings("## Findings\n\nNo deficiencies found.\n") == []
    assert parse_findings("## Findings\n\n- `UNITS_OVER_BILLED` (error) - wrong\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "* **FUNCTIONAL_BASELINE_MISSING** (warning): no measurement",
        "1. FUNCTIONAL_BASELINE_MISSING - no measurement",
        "- `FUNCTIONAL_BASELINE_MISSING` (Warning) — no measurement",
    ],
)
def test_bullets_in_any_usual_form(line: str) -> None:
    found = parse_findings(f"### Findings\n{line}\n### Next\n- `PLAN_GOAL_MISALIGNED` x\n")
    assert found is not None
    assert [(f.code, f.severity, f.message) for f in found] == [
        ("FUNCTIONAL_BASELINE_MISSING", "warning", "no measurement")
    ]


def test_an_answer_that_reviewed_nothing_is_unreadable() -> None:
    assert parse_findings("The note looks fine to me.") is None
    assert parse_findings("") is None
    bare = parse_findings("- `PLAN_GOAL_MISALIGNED` (warning) - goals are about the knee")
    assert bare is not None and bare[0].code == "PLAN_GOAL_MISALIGNED"


def test_one_finding_per_code() -> None:
    text = "## Findings\n- PLAN_GOAL_MISALIGNED (info) - a\n- PLAN_GOAL_MISALIGNED (error) - b\n"
    assert [(f.severity, f.message) for f in parse_findings(text) or []] == [("info", "a")]


# -- the review through the real SDK ----------------------------------------------------------


@pytest.fixture
def local(fake_anthropic: FakeAnthropic) -> ClinicContext:
    return clinic(fake_anthropic.url)


async def test_model_findings_replace_the_heuristic_ones(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    note = read_note(NAKAMURA)
    audit = audit_note(note)
    heuristics = {f.code for f in audit.findings} & set(REVIEWED_CODES)
    assert heuristics == {"SKILLED_JUSTIFICATION_MISSING", "FUNCTIONAL_BASELINE_MISSING"}
    fake_anthropic.reply(Reply(text=ANSWER))

    result = await review_audit(audit, note, local, skill("billing_audit"), backend(local))

    assert result.reviewed and result.reason == ""
    assert [(f.code, f.source) for f in result.findings] == [
        ("TIMED_MINUTES_MISSING", "rules"),
        ("TOTAL_TIME_MISSING", "rules"),
        ("SKILLED_JUSTIFICATION_MISSING", "model"),
    ]
    assert result.usage is not None and result.usage.text == "" and result.usage.model == MODEL
    assert [f.code for f in result.apply(audit).findings] == [f.code for f in result.findings]


async def test_the_request_is_the_billing_audit_skill_asking_for_deficiencies_only(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    note = read_note(NAKAMURA)
    fake_anthropic.reply(Reply(text=ANSWER))
    the_skill = skill("billing_audit")
    await review_audit(audit_note(note), note, local, the_skill, backend(local))

    request = fake_anthropic.messages[0]
    assert request.body["model"] == MODEL
    assert "You report deficiencies only" in request.system[1]["text"]
    first, last = request.content[0]["text"], request.content[-1]["text"]
    assert first.startswith("<session_notes>") and "pt did his exercises" in first
    assert "do not rewrite, complete or correct the note" in last
    assert "flagged: SKILLED_JUSTIFICATION_MISSING, FUNCTIONAL_BASELINE_MISSING" in last
    assert "Ken Nakamura" in last


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (Reply(status=500), "model review failed"),
        (Reply(text="Looks fine."), "no Findings section"),
        (Reply(text="## Findings\n- ", stop_reason="max_tokens"), "cut off"),
    ],
)
async def test_a_failed_or_unreadable_review_keeps_the_heuristics(
    fake_anthropic: FakeAnthropic, local: ClinicContext, reply: Reply, why: str
) -> None:
    note = read_note(NAKAMURA)
    audit = audit_note(note)
    fake_anthropic.reply(reply)
    result = await review_audit(audit, note, local, skill("billing_audit"), backend(local))
    assert not result.reviewed and why in result.reason
    assert result.sent, "the note left the machine: the audit log must say so"
    assert result.findings == audit.findings


async def test_nothing_billed_is_not_sent(
    fake_anthropic: FakeAnthropic, local: ClinicContext
) -> None:
    note = read_note(BRANDT)
    result = await review_audit(
        audit_note(note), note, local, skill("billing_audit"), backend(local)
    )
    assert not result.reviewed and not result.sent and "nothing billed" in result.reason
    assert fake_anthropic.requests == []


def test_only_a_model_the_privacy_gate_allows_reviews(fake_anthropic: FakeAnthropic) -> None:
    offline = clinic(provider="offline")
    assert review_backend(offline, {}).backend is None
    remote = clinic("https://models.example.com", baa_signed=False)
    refused = review_backend(remote, {"ANTHROPIC_API_KEY": "sk-test"})
    assert refused.backend is None and "BAA" in refused.reason
    allowed = review_backend(clinic(fake_anthropic.url), {})
    assert allowed.backend is not None and allowed.backend.name == "local"


# -- `chartdesk audit --model` -----------------------------------------------------------------


def use_model_server(clinic_dir: Path, url: str) -> None:
    context = clinic_dir / "context.toml"
    document = tomlkit.parse(context.read_text(encoding="utf-8"))
    document["model"]["provider"] = "anthropic"
    document["model"]["base_url"] = url
    document["model"]["model"] = MODEL
    context.write_text(tomlkit.dumps(document), encoding="utf-8")


def test_audit_day_with_model_review(
    fake_anthropic: FakeAnthropic, clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = ClinicService.open(clinic_dir)
    for sample in (NAKAMURA, BRANDT):
        target = service.clinic.paths.inbox / sample.name
        target.write_bytes(sample.read_bytes())
        service.ingest(target)
    service.close()
    use_model_server(clinic_dir, fake_anthropic.url)
    fake_anthropic.reply(Reply(text=ANSWER))
    argv = ["audit", "--day", "2026-11-06", "--clinic", str(clinic_dir), "--model", "--json"]

    assert main(argv) == 1, "the day has ERROR findings (Ken Nakamura's units)"
    data = json.loads(capsys.readouterr().out)

    assert len(fake_anthropic.messages) == 1, "only the billed note is sent"
    assert data["review"] == f"reviewed by local ({MODEL})"
    ken = next(entry for entry in data["notes"] if entry["patient"] == "Ken Nakamura")
    assert ken["review"] == "model"
    assert [(f["code"], f["source"]) for f in ken["findings"]][-1] == (
        "SKILLED_JUSTIFICATION_MISSING",
        "model",
    )
    log = (clinic_dir / ".chartdesk" / "audit.log").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in log.splitlines()]
    assert [e["backend"] for e in entries if e["action"] == "model_review"] == ["local"]
    assert "pt did his exercises" not in log
    assert (clinic_dir / "inbox" / NAKAMURA.name).read_bytes() == NAKAMURA.read_bytes()


def test_audit_notes_with_model_review_offline_keeps_the_heuristics(
    clinic_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = clinic_dir / "context.toml"
    context.write_text(
        context.read_text(encoding="utf-8").replace('provider = "auto"', 'provider = "offline"'),
        encoding="utf-8",
    )
    argv = ["audit", str(NAKAMURA), "--clinic", str(clinic_dir), "--model", "--json"]
    assert main(argv) == 1, "Ken Nakamura's note has ERROR findings"
    data = json.loads(capsys.readouterr().out)
    assert data["review"].startswith("not reviewed by a model: offline")
    sources = {f["code"]: f["source"] for f in data["notes"][0]["findings"]}
    assert sources["SKILLED_JUSTIFICATION_MISSING"] == "rules"


def test_model_review_needs_a_clinic(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHARTDESK_CLINIC", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["audit", str(NAKAMURA), "--model"]) == 2
    assert "--model needs a clinic" in capsys.readouterr().err
    assert main(["audit", str(NAKAMURA), "--export"]) == 2
    assert main(["audit", "--day", "2026-11-06"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2
