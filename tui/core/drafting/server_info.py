"""What a model server inside the clinic can take, asked before anything is drafted on it.

- llama.cpp's llama-server: ``GET /props`` gives ``default_generation_settings.n_ctx`` (the
  context one request may fill; with its default unified cache, also the pool its slots share),
  ``total_slots`` and ``modalities.vision``.
- Ollama: ``POST /api/show`` gives the model's ``capabilities`` (``vision`` among them) and its
  ``parameters`` (``num_ctx``); ``GET /api/ps`` gives the ``context_length`` a loaded model runs
  with, which wins.
- Anything else, or a server that does not answer: nothing is known (`ServerInfo.kind` "").

The context is taken as shared by all slots: exact for llama-server's default (one unified
cache), and on the safe side for a server that gives each slot its own (its per-slot figure is
then what /props reports, and slots times that is its pool). Probes carry no note text, go
through the route's own HTTP client (same origin, redirects refused). Each draft asks afresh
before it is sent (a few milliseconds against seconds of generation), so a server restarted
with a smaller context is never trusted from memory; how many drafts to run at once is read
from the last answer, kept for `TTL_SECONDS`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx2

TTL_SECONDS: Final = 30.0
SILENT_TTL_SECONDS: Final = 3.0
PROBE_TIMEOUT: Final = 5.0  # seconds a server may take to describe itself
LLAMA_CPP: Final = "llama.cpp"
OLLAMA: Final = "ollama"
_NUM_CTX: Final = re.compile(r"^\s*num_ctx\s+(\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ServerInfo:
    """What the server said about itself; None where it said nothing."""

    kind: str = ""
    slots: int | None = None
    context: int | None = None
    vision: bool | None = None
    model: str = ""

    def describe(self) -> str:
        """One line for logs and the status bar, e.g. "llama-server: 4 slots, 4,096-token
        context"."""
        if not self.kind:
            return "the server says nothing about its limits"
        name = "llama-server" if self.kind == LLAMA_CPP else self.kind
        parts = []
        if self.slots:
            parts.append(f"{self.slots} slot{'s' if self.slots != 1 else ''}")
        if self.context:
            parts.append(f"{self.context:,}-token context")
        if self.vision is not None:
            parts.append("reads images" if self.vision else "text only")
        return f"{name}: {', '.join(parts) or 'no limits given'}"

    def more_context(self, tokens: int) -> str:
        """How to give this server a context of at least `tokens`, in its own terms."""
        size = suggested_context(tokens)
        if self.kind == LLAMA_CPP:
            return f"start it with -c {size}"
        if self.kind == OLLAMA:
            return f"set OLLAMA_CONTEXT_LENGTH={size} (or num_ctx {size} in the model's Modelfile)"
        return f"give it a context of at least {size} tokens"


def suggested_context(tokens: int) -> int:
    """The next power of two at or above `tokens` (context sizes are usually given so)."""
    size = 1024
    while size < tokens:
        size *= 2
    return size


class _Unreachable(Exception):
    """The server did not answer a probe at all: asking it anything else is pointless."""


async def probe(
    http: httpx2.AsyncClient, base_url: str, model: str, headers: Mapping[str, str]
) -> ServerInfo:
    """Ask the server what it can take; an empty `ServerInfo` when it says nothing (or does
    not answer: the draft itself then reports why)."""
    try:
        props = await _get_json(http, "GET", f"{base_url}/props", headers)
        if props is not None and _int(_dig(props, "default_generation_settings", "n_ctx")):
            return _llama_info(props)
        show = await _get_json(http, "POST", f"{base_url}/api/show", headers, {"model": model})
        if show is not None and isinstance(show.get("capabilities"), list):
            running = await _get_json(http, "GET", f"{base_url}/api/ps", headers)
            return _ollama_info(show, running, model)
    except _Unreachable:
        pass
    return ServerInfo()


def _llama_info(props: Mapping[str, Any]) -> ServerInfo:
    vision = _dig(props, "modalities", "vision")
    model = props.get("model_alias") or props.get("model_path") or ""
    return ServerInfo(
        kind=LLAMA_CPP,
        slots=_int(props.get("total_slots")),
        context=_int(_dig(props, "default_generation_settings", "n_ctx")),
        vision=vision if isinstance(vision, bool) else None,
        model=model if isinstance(model, str) else "",
    )


def _ollama_info(
    show: Mapping[str, Any], running: Mapping[str, Any] | None, model: str
) -> ServerInfo:
    capabilities = [c for c in show.get("capabilities", []) if isinstance(c, str)]
    context = None
    parameters = show.get("parameters")
    if isinstance(parameters, str) and (found := _NUM_CTX.search(parameters)):
        context = int(found.group(1))
    loaded = running.get("models") if running else None
    for entry in loaded if isinstance(loaded, list) else []:
        if isinstance(entry, Mapping) and model in (entry.get("name"), entry.get("model")):
            context = _int(entry.get("context_length")) or context
    return ServerInfo(kind=OLLAMA, context=context, vision="vision" in capabilities, model=model)


async def _get_json(
    http: httpx2.AsyncClient,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: Mapping[str, Any] | None = None,
) -> Mapping[str, Any] | None:
    """The JSON object a probe answers with, or None for anything else (an error status, a
    redirect, not JSON): a probe never fails a draft by itself. A server that does not answer
    at all raises `_Unreachable`."""
    try:
        response = await http.request(method, url, headers=dict(headers), json=body)
        if response.status_code != 200:
            return None
        data = response.json()
    except httpx2.TransportError as exc:
        raise _Unreachable from exc
    except (httpx2.HTTPError, ValueError):
        return None
    return data if isinstance(data, Mapping) else None


def _dig(data: Mapping[str, Any], *path: str) -> object:
    value: object = data
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


class ServerProbe:
    """The last answer of `probe`, kept for `TTL_SECONDS`; a server that said nothing (or was
    down) is asked again after `SILENT_TTL_SECONDS`, and `forget` after a failure makes the
    next draft ask again at once (a restarted server may run with other settings)."""

    def __init__(
        self,
        ask: Callable[[], Awaitable[ServerInfo]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ask = ask
        self._clock = clock
        self._info: ServerInfo | None = None
        self._at = 0.0

    @property
    def last(self) -> ServerInfo | None:
        return self._info

    async def info(self) -> ServerInfo:
        now = self._clock()
        ttl = TTL_SECONDS if self._info is not None and self._info.kind else SILENT_TTL_SECONDS
        if self._info is None or now - self._at >= ttl:
            self._info = await self._ask()
            self._at = self._clock()
        return self._info

    async def fresh(self) -> ServerInfo:
        """Ask again now: a draft is sized by what the server says at the moment it is sent
        (a server restarted with a smaller context must not be trusted from memory)."""
        self._info = await self._ask()
        self._at = self._clock()
        return self._info

    def forget(self) -> None:
        self._info = None
