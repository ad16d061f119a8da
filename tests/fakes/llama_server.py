"""llama.cpp's llama-server as the fake Messages API server speaks it: the same real HTTP server
on 127.0.0.1 and real SSE streams (`tests.fakes.anthropic_server`), with llama-server's shapes
and limits, as read from its source (the tree vendored in llama-cpp-python 0.3.36):

- ``GET /props``: ``default_generation_settings.n_ctx``, ``total_slots``, ``modalities``,
  ``model_path``; ``POST /v1/messages/count_tokens``: ``{"input_tokens": N}``.
- Errors as ``{"error": {"code": 500, "message": "...", "type": "server_error"}}`` (HTTP) and as
  ``{"code": 500, "message": "...", "type": "server_error"}`` (an SSE ``error`` event).
- An image for a model without a projector: HTTP 500 with its own words (from counting and
  from drafting alike); a prompt larger than the context: HTTP 400
  ``exceed_context_size_error`` with ``n_prompt_tokens`` and ``n_ctx``.
- One context shared by all slots: when the streams running together outgrow it, every one of
  them gets the error event "Context size has been exceeded." (the server fails them all).
- The model it reports is its GGUF's path; ``cache_read_input_tokens`` is its reuse of the
  prompt prefix it still holds from the previous request, and there is no cache write.

Token counts follow the fake's rough rule (four characters a token), and each text delta is
one generated token, as llama-server streams them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest

from tests.fakes.anthropic_server import (
    FakeAnthropic,
    Recorded,
    Reply,
    _Handler,
    _message_blocks,
    _system_blocks,
    _tokens,
)

GGUF = "/models/SmolLM2-135M-Instruct-Q8_0.gguf"
NO_IMAGES = (
    "image input is not supported - hint: if this is unexpected, you may need to provide the mmproj"
)
CONTEXT_EXCEEDED = "Context size has been exceeded."
LLAMA_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    501: "not_supported_error",
    503: "unavailable_error",
}


class FakeLlama(FakeAnthropic):
    """A llama-server with `slots` slots sharing an `n_ctx`-token context. With `props` False
    it answers /props 404 (a server that says nothing about itself), with `counts` False it
    cannot count tokens. `together` holds every stream's first token until that many streams
    run at once (at most `hold_seconds`), so tests of streams that overlap need no timing."""

    def __init__(
        self,
        *,
        n_ctx: int = 4096,
        slots: int = 4,
        vision: bool = False,
        props: bool = True,
        counts: bool = True,
        together: int = 0,
        hold_seconds: float = 20.0,
        default: Reply | None = None,
    ) -> None:
        super().__init__(default)
        self.n_ctx = n_ctx
        self.slots = slots
        self.vision = vision
        self.props = props
        self.counts_tokens = counts
        self.together = together
        self.hold_seconds = hold_seconds
        self.overflows = 0
        self.most_in_use = 0
        self.most_streams = 0
        self._held: dict[int, int] = {}
        self._failed: set[int] = set()
        self._prefix: list[dict[str, Any]] = []
        self._state = threading.Condition()

    # Routes -------------------------------------------------------------------------------------

    def answer_get(self, handler: _Handler, recorded: Recorded) -> None:
        if recorded.route == "/props" and self.props:
            handler.send_json(200, self.props_body())
            return
        handler.send_json(404, self.error_body(404, "not_found_error", "File Not Found"))

    def props_body(self) -> dict[str, Any]:
        return {
            "default_generation_settings": {"n_ctx": self.n_ctx, "params": {}},
            "total_slots": self.slots,
            "model_alias": "",
            "model_path": GGUF,
            "modalities": {"vision": self.vision, "video": False, "audio": False},
            "build_info": "b0-fake",
            "is_sleeping": False,
        }

    def answer_count(self, handler: _Handler, recorded: Recorded) -> None:
        if not self.counts_tokens:
            self.answer_get(handler, recorded)
            return
        if self._image_refused(recorded.body):
            handler.send_json(500, self.error_body(500, "server_error", NO_IMAGES))
            return
        handler.send_json(200, {"input_tokens": prompt_tokens(recorded.body)})

    def refuse(self, recorded: Recorded) -> tuple[int, dict[str, Any]] | None:
        if self._image_refused(recorded.body):
            return 500, self.error_body(500, "server_error", NO_IMAGES)
        tokens = prompt_tokens(recorded.body)
        if tokens > self.n_ctx:
            message = (
                f"request ({tokens} tokens) exceeds the available context size "
                f"({self.n_ctx} tokens), try increasing it"
            )
            body = self.error_body(400, "exceed_context_size_error", message)
            body["error"] |= {"n_prompt_tokens": tokens, "n_ctx": self.n_ctx}
            return 400, body
        return None

    def _image_refused(self, body: Mapping[str, Any]) -> bool:
        return not self.vision and any(b.get("type") != "text" for b in _message_blocks(body))

    # Shapes -------------------------------------------------------------------------------------

    def error_body(self, status: int, error_type: str, message: str) -> dict[str, Any]:
        kind = error_type if error_type.startswith("exceed") else LLAMA_TYPES.get(status)
        return {"error": {"code": status, "message": message, "type": kind or "server_error"}}

    def error_event(self, error_type: str, message: str) -> dict[str, Any]:
        return {"code": 500, "message": message, "type": "server_error"}

    def model_name(self, recorded: Recorded, reply: Reply) -> str:
        return reply.model or GGUF

    def stream_usage(self, recorded: Recorded, reply: Reply) -> dict[str, int]:
        """Prompt tokens less the prefix reused from the previous request; no cache write."""
        blocks = _system_blocks(recorded.body)
        with self._state:
            shared = 0
            for mine, theirs in zip(blocks, self._prefix, strict=False):
                if mine.get("text") != theirs.get("text"):
                    break
                shared += 1
            self._prefix = blocks
        reused = _tokens(blocks[:shared])
        usage = {
            "input_tokens": prompt_tokens(recorded.body) - reused,
            "cache_read_input_tokens": reused,
            "output_tokens": len(reply.deltas()),
        }
        return usage | dict(reply.usage or {})

    # The shared context -------------------------------------------------------------------------

    def stream_started(self, recorded: Recorded) -> None:
        with self._state:
            self._held[id(recorded)] = prompt_tokens(recorded.body)
            self._note_use()
            self._state.notify_all()
            self._state.wait_for(lambda: len(self._held) >= self.together, self.hold_seconds)

    def delta_fault(self, recorded: Recorded) -> dict[str, Any] | None:
        """One more token in the shared context; past `n_ctx`, every running stream fails."""
        key = id(recorded)
        with self._state:
            if key not in self._failed:
                self._held[key] = self._held.get(key, 0) + 1
                self._note_use()
                if sum(self._held.values()) > self.n_ctx:
                    self.overflows += 1
                    self._failed.update(self._held)
            if key in self._failed:
                return self.error_event("server_error", CONTEXT_EXCEEDED)
        return None

    def stream_ended(self, recorded: Recorded) -> None:
        with self._state:
            self._held.pop(id(recorded), None)
            self._failed.discard(id(recorded))

    def _note_use(self) -> None:
        self.most_in_use = max(self.most_in_use, sum(self._held.values()))
        self.most_streams = max(self.most_streams, len(self._held))


def prompt_tokens(body: Mapping[str, Any]) -> int:
    """The prompt's size by the fake's rule: system and messages together."""
    return _tokens(_system_blocks(body)) + _tokens(_message_blocks(body))


def routes(requests: Sequence[Recorded]) -> list[str]:
    """What a drafter asked, in order ("GET /props", "POST /v1/messages", ...)."""
    return [f"{r.method} {r.route}" for r in requests]


@pytest.fixture
def fake_llama() -> Iterator[FakeLlama]:
    """A running fake llama-server with its defaults (4 slots, one 4,096-token context)."""
    with FakeLlama() as server:
        yield server
