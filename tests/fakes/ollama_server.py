"""Ollama as the fake Messages API server speaks it: the same real HTTP server on 127.0.0.1
(`tests.fakes.anthropic_server`), answering Anthropic's shapes on ``/v1/messages`` like
Ollama's compatibility API, and describing its model as Ollama does:

- ``POST /api/show`` ``{"model": name}``: ``capabilities`` (``"vision"`` for a model that
  reads images) and ``parameters`` as text (``num_ctx 8192``); an unknown model is a 404.
- ``GET /api/ps``: the loaded models with the ``context_length`` each runs with.
- No ``/props`` and no token counting: a plain-text 404, as Ollama answers unknown routes.
"""

from __future__ import annotations

from typing import Any

from tests.fakes.anthropic_server import FakeAnthropic, Recorded, Reply, _Handler


class FakeOllama(FakeAnthropic):
    """An Ollama serving `model`; `num_ctx` is its Modelfile parameter, `context_length` what
    /api/ps reports for it loaded (None: not given)."""

    def __init__(
        self,
        *,
        model: str = "qwen3:14b",
        vision: bool = False,
        num_ctx: int | None = None,
        context_length: int | None = None,
        default: Reply | None = None,
    ) -> None:
        super().__init__(default)
        self.model = model
        self.vision = vision
        self.num_ctx = num_ctx
        self.context_length = context_length

    def answer_get(self, handler: _Handler, recorded: Recorded) -> None:
        if recorded.method == "POST" and recorded.route == "/api/show":
            if recorded.body.get("model") != self.model:
                handler.send_json(404, {"error": f"model '{recorded.body.get('model')}' not found"})
                return
            handler.send_json(200, self.show_body())
        elif recorded.method == "GET" and recorded.route == "/api/ps":
            loaded: list[dict[str, Any]] = []
            if self.context_length:
                loaded.append(
                    {"name": self.model, "model": self.model, "context_length": self.context_length}
                )
            handler.send_json(200, {"models": loaded})
        else:
            handler.send_plain(404, "404 page not found")

    def show_body(self) -> dict[str, Any]:
        parameters = "temperature 0.7" + (f"\nnum_ctx {self.num_ctx}" if self.num_ctx else "")
        return {
            "parameters": parameters,
            "capabilities": ["completion", *(["vision"] if self.vision else [])],
            "details": {"format": "gguf", "family": "qwen3"},
            "model_info": {"general.architecture": "qwen3", "qwen3.context_length": 40960},
        }

    def answer_count(self, handler: _Handler, recorded: Recorded) -> None:
        handler.send_plain(404, "404 page not found")
