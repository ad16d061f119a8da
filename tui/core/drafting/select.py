"""Choosing the drafting backend from context.toml and the environment."""

from __future__ import annotations

from tui.core.context import ClinicContext
from tui.core.drafting.base import Backend
from tui.core.drafting.offline import OfflineBackend


def select_backend(ctx: ClinicContext) -> Backend:
    """The offline drafter unless a model backend is configured and allowed.

    The model backend arrives with issue 4; until then every provider setting drafts offline,
    and the app labels each draft with the backend that made it.
    """
    return OfflineBackend()
