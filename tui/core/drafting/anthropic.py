"""Drafting with Claude, or with any server inside the clinic that speaks the Messages API.

One code path for both: the official SDK's async client, streaming, with the request of
`request.build_request`. The privacy gate (`privacy.model_route`) runs in the constructor, so
no instance exists, and nothing is sent, unless the route is allowed; `transport.http_client`
keeps every request on that one server.

A local server (llama.cpp's llama-server, Ollama) is asked what it can take before a note is
sent (`server_info`): the prompt is counted (``POST /v1/messages/count_tokens``, or estimated
where the server cannot count), a note whose prompt and answer cannot fit in the server's
context is refused before anything is generated, and each draft reserves its share of the
server's slots and shared context (`budget`), so drafts wait their turn instead of
overflowing the server together. `capacity()` tells the pipeline how many to run at once:
no more than the server's slots and context allow, and one where the server says nothing.

Every way a request can go wrong ends as a `DraftingError` (see `failures`). An answer that is
not a finished draft (cut off at max_tokens, a refusal, no text) raises `DraftFailed`, which
carries the usage and cost, because those tokens were spent; so does a stream broken mid-draft.

Accounting is honest about where a draft came from: `model` is the configured id and
`server_model` what the server called itself when it differs (llama-server reports its GGUF's
path). The ``cache_read_input_tokens`` of llama-server or Ollama is the server's own reuse of a
prompt prefix it still held, not prompt caching (nothing was written to a cache, nothing is
billed as read), so it is recorded as `reused_tokens`; everything is priced at the clinic's
configured price for the model (none configured: $0).
"""

from __future__ import annotations

import os
import ssl
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Final

import anthropic
import httpx2
from anthropic.types import Message, Usage

from tui.core.context import ClinicContext, Price
from tui.core.cost import TokenUsage, cost_usd, price_for
from tui.core.drafting.base import Capacity, DraftingError, TextSink
from tui.core.drafting.budget import ServerBudget
from tui.core.drafting.failures import (
    Attempt,
    no_images,
    no_pdf,
    status_failure,
    too_large,
    transport_failure,
    unknown_failure,
)
from tui.core.drafting.privacy import Route, model_route
from tui.core.drafting.request import (
    Request,
    build_request,
    estimate_tokens,
    identifiers,
    patient_texts,
)
from tui.core.drafting.server_info import (
    LLAMA_CPP,
    OLLAMA,
    PROBE_TIMEOUT,
    ServerInfo,
    ServerProbe,
    probe,
)
from tui.core.drafting.transport import http_client
from tui.core.logs import quiet_http_loggers
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult

quiet_http_loggers()  # importing the SDK applied ANTHROPIC_LOG; its DEBUG records hold notes

DEFAULT_MAX_RETRIES: Final = 2
CONNECT_TIMEOUT: Final = 10.0
FINISHED: Final = frozenset({"end_turn", "stop_sequence"})
NO_COUNT_STATUSES: Final = frozenset({404, 405, 501})
RECENT_NEEDS: Final = 8
PREFIX_REUSE: Final = frozenset({LLAMA_CPP, OLLAMA})  # servers whose "cache reads" are reuse


@dataclass
class StreamProgress:
    """How far a request got: a failure after the answer began is an interrupted draft, one
    before it is an unreachable or failing server. `usage` is what the server reported when
    the answer began; `events` counts text deltas (llama-server sends one per token)."""

    started: bool = False
    usage: Usage | None = None
    events: int = 0
    text: list[str] = field(default_factory=list)


class DraftFailed(DraftingError):
    """The model answered, but not with a finished draft. `result` keeps the partial text and
    the usage and cost, so a failed draft still shows what it cost."""

    def __init__(self, message: str, *, result: DraftResult, transient: bool = False) -> None:
        super().__init__(message, transient=transient, usage=result)
        self.result = result


@cache
def _ssl_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """One TLS context for every backend of the process (loading the CA bundle is most of a
    backend's making); a new one where the certificate settings it was made with change."""
    del cert_file, cert_dir  # the cache key: httpx2 reads them from the environment
    return httpx2.create_ssl_context()


class AnthropicBackend:
    """Streams drafts from Claude (`name` "anthropic") or a local server (`name` "local")."""

    def __init__(
        self,
        ctx: ClinicContext,
        *,
        environ: Mapping[str, str] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        self.route: Route = model_route(ctx, environ)
        self.name = "local" if self.route.local else "anthropic"
        self.model = self.route.model
        self.prices: Mapping[str, Price] = ctx.prices
        self.max_retries = max_retries
        read = timeout if timeout is not None else ctx.model.timeout_seconds
        self.read_timeout = read
        self.timeout = httpx2.Timeout(read, connect=min(connect_timeout, read))
        self._ssl = _ssl_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        self.server = ServerProbe(self._probe)
        self.budget = ServerBudget()
        self._needs: deque[int] = deque(maxlen=RECENT_NEEDS)
        self._counts: bool | None = None  # whether the server counts tokens (None: not asked)
        self._reuse = False  # whether the server's "cache reads" are its prefix reuse

    # What the server can take -----------------------------------------------------------------

    async def capacity(self) -> Capacity:
        """How many drafts to run at once: no limit of its own for Anthropic (the clinic's
        setting applies); for a local server, no more than its slots, and no more than its
        shared context holds drafts of the size seen lately; one where it says nothing."""
        if not self.route.local:
            return Capacity(None)
        info = await self.server.info()
        return Capacity(self.limit(info), info.describe())

    def limit(self, info: ServerInfo) -> int:
        """Slots, and drafts of the largest recent size that fit the shared context together;
        one until a draft's size is known (the first one counted tells)."""
        slots = info.slots or 1
        if info.context:
            slots = min(slots, max(1, info.context // max(self._needs))) if self._needs else 1
        return slots

    async def _probe(self) -> ServerInfo:
        headers = {"x-api-key": self.route.api_key} if self.route.api_key else {}
        seconds = min(PROBE_TIMEOUT, self.read_timeout)
        timeout = httpx2.Timeout(seconds, connect=min(seconds, self.timeout.connect or seconds))
        async with http_client(self.route, timeout, self._ssl) as http:
            return await probe(http, self.route.base_url, self.model, headers)

    # Drafting ---------------------------------------------------------------------------------

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        """Stream one draft; each text delta reaches `on_text` as it arrives."""
        request = build_request(prompt, self.model)
        attempt = Attempt(
            route=self.route,
            retries=self.max_retries,
            timeout=self.read_timeout,
            max_tokens=request.max_tokens,
            scan=request.scan,
            sent=patient_texts(prompt),
            identifiers=identifiers(prompt),
        )
        if not self.route.local:
            return await self._send(request, attempt, on_text)
        info = await self.server.fresh()
        self._reuse = info.kind in PREFIX_REUSE
        attempt = replace(attempt, info=info)
        prompt_tokens, counted = await self._count(request, attempt)
        if request.scan and info.vision is False:
            raise no_images(attempt)
        if request.pdf and info.kind == LLAMA_CPP:
            raise no_pdf(attempt)
        need = prompt_tokens + request.max_tokens
        if info.context and need > info.context:
            raise too_large(attempt, prompt_tokens, info.context, counted=counted)
        self._needs.append(need)
        self.budget.configure(info.slots or 1, info.context)
        async with self.budget.reserve(need):
            return await self._send(request, attempt, on_text)

    async def _count(self, request: Request, attempt: Attempt) -> tuple[int, bool]:
        """The prompt's tokens as the server counts them (True), or an estimate (False) from
        a server that cannot count. A scan for a model that reads no images fails here, in
        the server's words, before anything is generated."""
        if self._counts is False:
            return estimate_tokens(request), False
        try:
            async with self._client(max_retries=0) as client:
                counted = await client.messages.count_tokens(
                    model=request.model,
                    system=request.system,
                    messages=request.messages,
                    extra_headers=self._auth_headers(),
                )
        except anthropic.APIStatusError as exc:
            if exc.status_code in NO_COUNT_STATUSES:
                self._counts = False
                return estimate_tokens(request), False
            raise status_failure(exc, attempt) from exc
        except (anthropic.APIConnectionError, httpx2.HTTPError) as exc:
            self.server.forget()
            raise transport_failure(exc, attempt, started=False) from exc
        self._counts = True
        return counted.input_tokens, True

    async def _send(self, request: Request, attempt: Attempt, on_text: TextSink) -> DraftResult:
        progress = StreamProgress()
        try:
            message, request_id = await self._stream(request, on_text, progress)
        except (anthropic.APIConnectionError, httpx2.HTTPError) as exc:
            self.server.forget()
            failure = transport_failure(exc, attempt, started=progress.started)
            failure.usage = self._partial(progress)
            raise failure from exc
        except anthropic.APIStatusError as exc:
            failure = status_failure(exc, attempt)
            failure.usage = self._partial(progress)
            raise failure from exc
        except anthropic.APIError as exc:
            raise unknown_failure(exc, attempt) from exc
        result = self._result(message, request_id)
        check_answer(result, message, request.max_tokens)
        return result

    async def _stream(
        self, request: Request, on_text: TextSink, progress: StreamProgress
    ) -> tuple[Message, str]:
        """Run the streaming request, noting in `progress` how far the answer got. Leaving the
        `async with` blocks (done, error, or the task cancelled) closes the HTTP response and
        the client, so a cancelled draft stops the request at once."""
        async with (
            self._client() as client,
            client.messages.stream(
                model=request.model,
                max_tokens=request.max_tokens,
                system=request.system,
                messages=request.messages,
                extra_headers=self._auth_headers(),
            ) as stream,
        ):
            async for event in stream:
                if event.type == "text":
                    progress.events += 1
                    progress.text.append(event.text)
                    on_text(event.text)
                elif event.type == "message_start":
                    progress.started = True
                    progress.usage = event.message.usage
            if not progress.started:
                raise DraftingError(
                    f"{self.route.host} closed the stream before answering.", transient=True
                )
            message = await stream.get_final_message()
            return message, stream.request_id or message.id

    def _auth_headers(self) -> dict[str, str | anthropic.Omit]:
        return {} if self.route.api_key else {"Authorization": anthropic.omit}

    def _client(self, max_retries: int | None = None) -> anthropic.AsyncAnthropic:
        """A client for one request, closed with it.

        Per request rather than shared, because a connection pool is bound to the event loop
        that opened it, and callers may run each draft in its own loop (`asyncio.run` per job);
        with the SSL context made once, a client costs well under a millisecond. The key and
        the base URL are always passed explicitly (an empty key for a keyless local server), so
        the SDK never picks up credentials, profiles or ANTHROPIC_BASE_URL from the environment
        behind the privacy gate's back; `http_client` keeps every request on the route.
        """
        http = http_client(self.route, self.timeout, self._ssl)
        return anthropic.AsyncAnthropic(
            api_key=self.route.api_key,
            base_url=self.route.base_url,
            max_retries=self.max_retries if max_retries is None else max_retries,
            timeout=self.timeout,
            http_client=http,
        )

    # Accounting -------------------------------------------------------------------------------

    def _result(self, message: Message, request_id: str) -> DraftResult:
        return self._priced(
            text="".join(block.text for block in message.content if block.type == "text"),
            usage=message.usage,
            output=message.usage.output_tokens,
            server_model=message.model or "",
            request_id=request_id,
            stop_reason=message.stop_reason or "",
        )

    def _partial(self, progress: StreamProgress) -> DraftResult | None:
        """The usage of an attempt that broke off: the prompt as the server reported it when
        the answer began, and the text deltas received (a lower bound of the output tokens
        where a delta carries several)."""
        if progress.usage is None:
            return None
        return self._priced(
            text="".join(progress.text),
            usage=progress.usage,
            output=max(progress.usage.output_tokens, progress.events),
            server_model="",
            request_id="",
            stop_reason="",
        )

    def _priced(
        self,
        *,
        text: str,
        usage: Usage,
        output: int,
        server_model: str,
        request_id: str,
        stop_reason: str,
    ) -> DraftResult:
        cached = usage.cache_read_input_tokens or 0
        tokens = TokenUsage(
            input=usage.input_tokens,
            output=output,
            cache_write=usage.cache_creation_input_tokens or 0,
            cache_read=0 if self._reuse else cached,
            reused=cached if self._reuse else 0,
        )
        reported = server_model if server_model and server_model != self.model else ""
        return DraftResult(
            text=text,
            backend=self.name,
            model=self.model,
            server_model=reported,
            request_id=request_id,
            stop_reason=stop_reason,
            input_tokens=tokens.input,
            output_tokens=tokens.output,
            cache_write_tokens=tokens.cache_write,
            cache_read_tokens=tokens.cache_read,
            reused_tokens=tokens.reused,
            cost_usd=cost_usd(price_for(self.prices, (self.model, reported)), tokens),
        )


def check_answer(result: DraftResult, message: Message, max_tokens: int) -> None:
    """Raise DraftFailed unless the answer is a finished draft with text."""
    stop = result.stop_reason
    if stop == "max_tokens":
        raise DraftFailed(
            f"The draft was cut off at the length limit ({max_tokens} tokens), so it is not "
            "shown as a finished draft. Raise the Skill's max_tokens (or [model] max_tokens) "
            "or shorten the note, then draft it again.",
            result=result,
        )
    if stop == "refusal":
        # The model's explanation is model text about the note: kept out of the reason, which
        # reaches logs; its fixed category is enough to act on.
        details = message.stop_details
        category = f", {details.category}" if details and details.category else ""
        raise DraftFailed(
            f"The model declined to draft this note (refusal{category}). Draft it by hand, or "
            "draft it again with an instruction.",
            result=result,
        )
    if stop == "model_context_window_exceeded":
        raise DraftFailed(
            "The note is too long for the model's context window; split it into shorter notes.",
            result=result,
        )
    if not stop:
        raise DraftFailed(
            "Interrupted mid-draft: the model stream ended before the draft was complete.",
            result=result,
            transient=True,
        )
    if stop not in FINISHED:
        raise DraftFailed(f"The model stopped unexpectedly ({stop}).", result=result)
    if not result.text.strip():
        raise DraftFailed("The model returned no text.", result=result)
