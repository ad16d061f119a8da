"""Choosing the drafting backend from context.toml and the environment.

| [model] provider | configured                        | backend                                   |
|------------------|-----------------------------------|-------------------------------------------|
| offline          | anything                          | offline                                   |
| auto             | no key, no base_url               | offline                                   |
| auto, anthropic  | local base_url (key optional)     | "local": the model server in the clinic   |
| auto, anthropic  | key, or a remote base_url         | "anthropic", if the privacy gate allows   |
| anthropic        | no key, no base_url               | refused (no key)                          |

When the gate refuses (no BAA, http to a remote host, no key, no model id, an unreadable key
file), the backend is a `RefusedBackend`: every draft fails at once with the reason and nothing
is sent. Refusing rather than falling back to offline is deliberate: a clinic that configured a
model gets told why it is not used, instead of quietly getting drafts it did not ask for. Each
`DraftResult` names the backend and model that made it, so the app can always say which.

Each backend's module is imported only when it is chosen: an offline clinic never loads the SDK
(over a second of start-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.context import ClinicContext
from tui.core.drafting.base import Backend, TextSink
from tui.core.drafting.privacy import DraftingRefused, key_configured, model_route
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult


@dataclass(frozen=True)
class Selection:
    """The backend and a one-line account of why it was chosen (for logs and the status bar)."""

    backend: Backend
    reason: str


class RefusedBackend:
    """Stands in for a model backend the privacy gate refused: fails every draft, sends nothing."""

    name = "anthropic"

    def __init__(self, refusal: DraftingRefused) -> None:
        self.refusal = refusal

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        raise DraftingRefused(str(self.refusal))


def select_backend(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> Backend:
    """The backend that drafts for this clinic (see the module table)."""
    return choose_backend(ctx, environ).backend


def drafts_offline(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> bool:
    """True when this clinic drafts with the offline drafter (cheap: builds no backend)."""
    provider = ctx.model.provider
    configured = bool(ctx.model.base_url.strip()) or key_configured(ctx, environ)
    return provider == "offline" or (provider == "auto" and not configured)


def choose_backend(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> Selection:
    """The backend with the reason it was chosen."""
    if ctx.model.provider == "offline":
        return Selection(_offline(), 'offline: [model] provider = "offline"')
    if drafts_offline(ctx, environ):
        return Selection(_offline(), "offline: no API key and no model server configured")
    try:
        model_route(ctx, environ)
    except DraftingRefused as refusal:
        return Selection(RefusedBackend(refusal), f"refused: {refusal}")
    from tui.core.drafting.anthropic import AnthropicBackend

    backend = AnthropicBackend(ctx, environ=environ)
    where = backend.route.base_url
    return Selection(backend, f"{backend.name}: {backend.model} at {where}")


def _offline() -> Backend:
    from tui.core.drafting.offline import OfflineBackend

    return OfflineBackend()
