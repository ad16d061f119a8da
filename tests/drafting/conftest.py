"""Fixtures for the model backend: the fake Anthropic server, a clinic context pointed at it,
Skills and notes, all through the real SDK (no patching)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.anthropic_server import FakeAnthropic, fake_anthropic
from tui.core.context import ClinicContext, ModelSettings, load_context
from tui.core.drafting.anthropic import AnthropicBackend
from tui.core.drafting.base import DraftingError
from tui.core.intake.notes import Note, parse_note_bytes
from tui.core.prompt import Prompt, build_prompt
from tui.core.skills.registry import Skill, load_registry

__all__ = ["fake_anthropic"]

REPO = Path(__file__).resolve().parents[2]
MODEL = "claude-test-1"
KEY = "sk-test-key"

SOAP_NOTE = """Patient: Dana Whitfield
MRN: 100234
Date: 2026-11-02
Visit: 4
Discipline: PT
Payer: Medicare

S: knee pain 4/10 after stairs, doing HEP daily
O: knee flexion AROM 110 deg, quad set 3x10, gait 200 ft no device
A: improving flexion, still guarded on stairs
P: progress step-ups, recheck ROM next visit
"""

SECOND_NOTE = """Patient: James Okafor
MRN: 100877
Date: 2026-11-03
Visit: 2
Discipline: PT
Payer: Aetna

S: low back pain 6/10 in the morning, 3/10 after walking
O: lumbar flexion limited 50%, bridges 2x15, walked 10 min treadmill
A: tolerates loading, pain centralises with extension
P: add bird dogs, continue walking programme
"""

# A 1x1 PNG and a one-page PDF with no text layer: scans as a clinic would drop them.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF = _blank_pdf()


def clinic(base_url: str = "", **settings: Any) -> ClinicContext:
    """The example clinic context with model settings for a test; other fields as shipped."""
    ctx = load_context(REPO / "context.toml")
    baa = settings.pop("baa_signed", False)
    prices = settings.pop("prices", ctx.prices)
    model = ModelSettings(
        **({"provider": "anthropic", "model": MODEL, "base_url": base_url} | settings)
    )
    return replace(ctx, model=model, baa_signed=baa, prices=prices)


def skill(skill_id: str = "soap_note") -> Skill:
    found = load_registry(builtin=REPO / "skills").get(skill_id)
    assert found is not None, skill_id
    return found


def note(text: str = SOAP_NOTE, name: str = "2026-11-02_whitfield-dana_soap.txt") -> Note:
    return parse_note_bytes(Path("/clinic/inbox") / name, text.encode())


def scan(data: bytes, name: str) -> Note:
    return parse_note_bytes(Path("/clinic/inbox") / name, data)


def prompt_for(ctx: ClinicContext, the_note: Note | None = None, **kwargs: Any) -> Prompt:
    skill_id = kwargs.pop("skill_id", "soap_note")
    return build_prompt(ctx, skill(skill_id), the_note or note(), **kwargs)


def backend(ctx: ClinicContext, **options: Any) -> AnthropicBackend:
    """A backend with no SDK retries. The read timeout is long enough that a busy 2-core
    machine never turns a stream the fake holds on purpose (two streams made to overlap) into
    a timeout; tests of timeouts pass their own short one."""
    defaults: dict[str, Any] = {"environ": {}, "max_retries": 0, "timeout": 30.0}
    return AnthropicBackend(ctx, **(defaults | options))


async def draft_error(
    ctx: ClinicContext,
    the_prompt: Prompt | None = None,
    on_text: Callable[[str], None] = lambda _t: None,
    **options: Any,
) -> DraftingError:
    """Draft once on `ctx`'s model server (`backend` with `options`) and return the
    DraftingError it must end in."""
    with pytest.raises(DraftingError) as info:
        await backend(ctx, **options).draft(the_prompt or prompt_for(ctx), on_text)
    return info.value


@pytest.fixture
def local(fake_anthropic: FakeAnthropic) -> ClinicContext:
    """A clinic drafting on the fake server as a local model server (no BAA needed)."""
    return clinic(fake_anthropic.url)


@pytest.fixture
def collect() -> tuple[list[str], Callable[[str], None]]:
    """An on_text sink that keeps every delta."""
    deltas: list[str] = []
    return deltas, deltas.append


@pytest.fixture
def leaky_env(fake_anthropic: FakeAnthropic, monkeypatch: pytest.MonkeyPatch) -> FakeAnthropic:
    """Point every environment route out of the process at the fake server."""
    for name in ("ANTHROPIC_BASE_URL", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, fake_anthropic.url)
        monkeypatch.setenv(name.lower(), fake_anthropic.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    return fake_anthropic
