"""Drafting with Claude, or with any local server that speaks the Anthropic Messages API.

One code path for both: the official SDK's async client, streaming. The request is laid out
for prompt caching and for honest drafts:

- ``system`` is two text blocks, the clinic context and the Skill's system prompt, each marked
  ``cache_control: ephemeral``. Both are byte-identical for every note of a Skill (see
  `tui.core.prompt`), so from the second note on they are cache reads; the first breakpoint
  alone also serves every other Skill of the clinic.
- The single user message carries the note first (text, or a scan as an image or PDF document
  block) and the Skill's instructions, with the patient-specific header, after it.

Every way a request can go wrong ends as a `DraftingError` whose message a clinician can act
on; `transient` ones (rate limits, overload, server errors, timeouts, a broken stream) are
retried by the pipeline. An answer that is not a finished draft (cut off at max_tokens, a
refusal, no text) raises `DraftFailed`, which still carries the usage and cost, because those
tokens were billed. The privacy gate (`privacy.model_route`) runs in the constructor, so no
instance exists, and nothing is sent, unless the route is allowed; and the HTTP client sends to
that one server only (`http_client`): a redirect is never followed, and a request for any other
address is refused before it leaves, so a model server cannot move note text elsewhere.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import anthropic
import httpx2
from anthropic.types import (
    CacheControlEphemeralParam,
    ContentBlockParam,
    DocumentBlockParam,
    ImageBlockParam,
    Message,
    MessageParam,
    TextBlockParam,
)

from tui.core.context import ClinicContext, Price
from tui.core.cost import TokenUsage, cost_usd, price_for
from tui.core.drafting.base import DraftingError, TextSink
from tui.core.drafting.privacy import Route, model_route, url_host
from tui.core.intake.notes import MIN_BODY_CHARS
from tui.core.logs import quiet_http_loggers
from tui.core.prompt import Prompt
from tui.core.records.store import DraftResult

quiet_http_loggers()  # importing the SDK applied ANTHROPIC_LOG; its DEBUG records hold notes

DEFAULT_MAX_RETRIES: Final = 2
CONNECT_TIMEOUT: Final = 10.0
CACHE: Final[CacheControlEphemeralParam] = {"type": "ephemeral"}
FINISHED: Final = frozenset({"end_turn", "stop_sequence"})
NOTE_EMPTY: Final = "note is empty"
PDF: Final = "application/pdf"
ImageType = Literal["image/png", "image/jpeg"]
IMAGE_TYPES: Final[Mapping[str, ImageType]] = {"image/png": "image/png", "image/jpeg": "image/jpeg"}
SCAN_TYPES: Final = frozenset({PDF, *IMAGE_TYPES})
_WORD_CHAR = re.compile(r"\w")
_ERROR_TYPE = re.compile(r"[a-z_]{1,40}")

# What a clinician reads for each HTTP status, and whether the pipeline retries it.
STATUS_MESSAGES: Final[Mapping[int, tuple[str, bool]]] = {
    401: ("{host} rejected the API key (401 invalid key). Check {keys}, then retry.", False),
    403: ("{host} refused this API key for model {model!r} (403 permission denied).", False),
    404: (
        "Model {model!r} was not found on {host} (404). Check [model] model in context.toml "
        "(on a local server, pull the model first).",
        False,
    ),
    413: ("The note is too large to send to the model (413).", False),
    429: (
        "{host} is rate limiting requests (429), still after {retries} retries; "
        "drafting will retry later.",
        True,
    ),
    529: ("The model at {host} is overloaded (529); drafting will retry later.", True),
}
SERVER_ERROR: Final = "The model server {host} failed (HTTP {status}); drafting will retry later."
REDIRECT: Final = (
    "The model server {host} answered with a redirect (HTTP {status}); chartdesk never "
    "follows a model server to another address, so nothing more was sent. Set [model] "
    "base_url to the address that answers."
)
OTHER_STATUS: Final = "{host} rejected the request (HTTP {status}){detail}."
STREAM_ERRORS: Final[Mapping[str, str]] = {
    "overloaded_error": "the model became overloaded",
    "api_error": "a server error",
    "rate_limit_error": "a rate limit",
    "timeout_error": "a server timeout",
}


@dataclass
class StreamProgress:
    """How far a request got: a failure after the answer began is an interrupted draft, one
    before it is an unreachable or failing server."""

    started: bool = False


class RouteViolation(DraftingError, anthropic.AnthropicError):
    """A request for an address other than the gated route was stopped before it was sent.

    An AnthropicError too, so the SDK passes it on as it is instead of retrying it as a
    connection error.
    """

    def __init__(self, host: str, route: Route) -> None:
        super().__init__(
            f"Not sent: a request to {host or 'an unreadable address'} was refused, because "
            f"the privacy gate allows {route.host} only. Check [model] base_url.",
            transient=False,
        )


def http_client(
    route: Route, timeout: httpx2.Timeout | float, ssl: Any = None
) -> httpx2.AsyncClient:
    """The HTTP client for one route: it never follows redirects, refuses any request whose
    scheme, host or port differ from the route's (every hop is judged, whoever follows), and
    ignores proxy variables for a local route, so note text for a server in the building never
    detours through a proxy."""
    allowed = _origin(httpx2.URL(route.base_url))

    async def same_origin(request: httpx2.Request) -> None:
        if _origin(request.url) != allowed:
            raise RouteViolation(url_host(str(request.url)) or "", route)

    return anthropic.DefaultAsyncHttpxClient(
        verify=ssl if ssl is not None else True,
        timeout=timeout,
        trust_env=not route.local,
        follow_redirects=False,
        event_hooks={"request": [same_origin]},
    )


def _origin(url: httpx2.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


class DraftFailed(DraftingError):
    """The model answered, but not with a finished draft. `result` keeps the partial text and
    the usage and cost, so a failed draft still shows what it cost."""

    def __init__(self, message: str, *, result: DraftResult, transient: bool = False) -> None:
        super().__init__(message, transient=transient)
        self.result = result


@dataclass(frozen=True)
class Request:
    """The exact Messages API request for one prompt, built before anything is sent."""

    model: str
    max_tokens: int
    system: list[TextBlockParam]
    messages: list[MessageParam]


def build_request(prompt: Prompt, model: str) -> Request:
    """The request for `prompt`; raises DraftingError for a note that must not be sent."""
    check_note(prompt)
    content: list[ContentBlockParam] = [*note_blocks(prompt), _text(prompt.instructions)]
    return Request(
        model=model,
        max_tokens=prompt.max_tokens,
        system=system_blocks(prompt),
        messages=[{"role": "user", "content": content}],
    )


def system_blocks(prompt: Prompt) -> list[TextBlockParam]:
    """Clinic context, then the Skill's system prompt, each a cache breakpoint."""
    blocks = (prompt.context_block, prompt.skill_block)
    return [{"type": "text", "text": text, "cache_control": CACHE} for text in blocks if text]


def note_blocks(prompt: Prompt) -> list[ContentBlockParam]:
    """The source material, before the instructions (notes-first).

    A chained Skill also gets the previous pass's output, unless its instructions already
    quote it (``{{ previous.output }}``): sending it twice would double the bill.
    """
    blocks: list[ContentBlockParam] = []
    previous = prompt.previous.strip()
    if previous and previous not in prompt.instructions:
        blocks.append(_text(f"<previous_pass>\n{previous}\n</previous_pass>"))
    note = prompt.note
    if note.media_type == PDF:
        blocks.append(_document(note.data))
    elif note.media_type in IMAGE_TYPES:
        blocks.append(_image(IMAGE_TYPES[note.media_type], note.data))
    else:
        blocks.append(_text(f"<session_notes>\n{note.body.strip()}\n</session_notes>"))
    return blocks


def check_note(prompt: Prompt) -> None:
    """Never send an empty or near-empty note: a model would invent a session from nothing."""
    note = prompt.note
    if note.media_type in SCAN_TYPES:
        if not note.data:
            raise DraftingError(f"{NOTE_EMPTY} (the file has no content)")
        return
    body = note.body.strip()
    if len(re.sub(r"\s", "", body)) < MIN_BODY_CHARS or len(_WORD_CHAR.findall(body)) < 10:
        raise DraftingError(f"{NOTE_EMPTY} (fewer than {MIN_BODY_CHARS} characters of content)")


def _text(text: str) -> TextBlockParam:
    return {"type": "text", "text": text}


def _image(media_type: ImageType, data: bytes) -> ImageBlockParam:
    encoded = base64.standard_b64encode(data).decode("ascii")
    return {
        "type": "image",
        "source": {"type": "base64", "media_type": media_type, "data": encoded},
    }


def _document(data: bytes) -> DocumentBlockParam:
    encoded = base64.standard_b64encode(data).decode("ascii")
    return {"type": "document", "source": {"type": "base64", "media_type": PDF, "data": encoded}}


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
        self.timeout = httpx2.Timeout(read, connect=min(connect_timeout, read))
        self._ssl = httpx2.create_ssl_context()

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        """Stream one draft; each text delta reaches `on_text` as it arrives."""
        request = build_request(prompt, self.model)
        progress = StreamProgress()
        try:
            message, request_id = await self._stream(request, on_text, progress)
        except (anthropic.APIConnectionError, httpx2.HTTPError) as exc:
            # Where the failure happened decides what it means, not how the SDK words it:
            # SDK releases differ in whether a read error mid-stream is an APIConnectionError.
            if progress.started:
                raise stream_failure(exc, self.route) from exc
            if isinstance(exc, anthropic.APIConnectionError):
                raise api_failure(exc, self.route, self.max_retries) from exc
            raise connect_failure(exc, self.route) from exc
        except anthropic.APIError as exc:
            raise api_failure(exc, self.route, self.max_retries) from exc
        result = self._result(message, request_id)
        check_answer(result, message, request.max_tokens)
        return result

    async def _stream(
        self, request: Request, on_text: TextSink, progress: StreamProgress
    ) -> tuple[Message, str]:
        """Run the streaming request, noting in `progress` when the answer began. Leaving the
        `async with` blocks (done, error, or the task cancelled) closes the HTTP response and
        the client, so a cancelled draft stops the request at once."""
        async with (
            self._client() as client,
            client.messages.stream(
                model=request.model,
                max_tokens=request.max_tokens,
                system=request.system,
                messages=request.messages,
                extra_headers={} if self.route.api_key else {"Authorization": anthropic.omit},
            ) as stream,
        ):
            async for event in stream:
                if event.type == "text":
                    on_text(event.text)
                elif event.type == "message_start":
                    progress.started = True
            if not progress.started:
                raise DraftingError(
                    f"{self.route.host} closed the stream before answering; drafting will retry.",
                    transient=True,
                )
            message = await stream.get_final_message()
            return message, stream.request_id or message.id

    def _client(self) -> anthropic.AsyncAnthropic:
        """A client for one draft, closed with it.

        Per draft rather than shared, because a connection pool is bound to the event loop
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
            max_retries=self.max_retries,
            timeout=self.timeout,
            http_client=http,
        )

    def _result(self, message: Message, request_id: str) -> DraftResult:
        usage = message.usage
        tokens = TokenUsage(
            input=usage.input_tokens,
            output=usage.output_tokens,
            cache_write=usage.cache_creation_input_tokens or 0,
            cache_read=usage.cache_read_input_tokens or 0,
        )
        model = message.model or self.model
        return DraftResult(
            text="".join(block.text for block in message.content if block.type == "text"),
            backend=self.name,
            model=model,
            request_id=request_id,
            stop_reason=message.stop_reason or "",
            input_tokens=tokens.input,
            output_tokens=tokens.output,
            cache_write_tokens=tokens.cache_write,
            cache_read_tokens=tokens.cache_read,
            cost_usd=cost_usd(price_for(self.prices, (self.model, model)), tokens),
        )


def check_answer(result: DraftResult, message: Message, max_tokens: int) -> None:
    """Raise DraftFailed unless the answer is a finished draft with text."""
    stop = result.stop_reason
    if stop == "max_tokens":
        raise DraftFailed(
            f"The draft was cut off at the length limit ({max_tokens} tokens), so it is not "
            "shown as a finished draft. Raise the Skill's max_tokens (or [model] max_tokens) "
            "or shorten the note, then retry.",
            result=result,
        )
    if stop == "refusal":
        # The model's explanation is model text about the note: kept out of the reason, which
        # reaches logs; its fixed category is enough to act on.
        details = message.stop_details
        category = f", {details.category}" if details and details.category else ""
        raise DraftFailed(
            f"The model declined to draft this note (refusal{category}). Draft it by hand, or "
            "retry with an instruction.",
            result=result,
        )
    if stop == "model_context_window_exceeded":
        raise DraftFailed(
            "The note is too long for the model's context window; split it into shorter notes.",
            result=result,
        )
    if not stop:
        raise DraftFailed(
            "The model stream ended before the draft was complete; drafting will retry.",
            result=result,
            transient=True,
        )
    if stop not in FINISHED:
        raise DraftFailed(f"The model stopped unexpectedly ({stop}); retry.", result=result)
    if not result.text.strip():
        raise DraftFailed("The model returned no text; retry the draft.", result=result)


def api_failure(exc: anthropic.APIError, route: Route, retries: int) -> DraftingError:
    """Turn an SDK error into the reason a clinician reads, and whether to retry it."""
    host = route.host
    if isinstance(exc, anthropic.APITimeoutError):
        if isinstance(exc.__cause__, httpx2.ConnectTimeout):
            return DraftingError(
                f"Could not connect to {host} in time; drafting will retry.", transient=True
            )
        return DraftingError(
            f"{host} stopped answering (timed out); drafting will retry.", transient=True
        )
    if isinstance(exc, anthropic.APIConnectionError):
        return DraftingError(
            f"Cannot reach the model server at {host}; drafting will retry.", transient=True
        )
    if isinstance(exc, anthropic.APIStatusError):
        return status_failure(exc, route, retries)
    return DraftingError(f"Unexpected answer from {host} ({type(exc).__name__}); retry the draft.")


def stream_failure(
    exc: httpx2.HTTPError | anthropic.APIConnectionError, route: Route
) -> DraftingError:
    """A transport error after the answer began: the stream stalled or the connection broke."""
    cause = exc.__cause__ if isinstance(exc, anthropic.APIConnectionError) else exc
    if isinstance(exc, anthropic.APITimeoutError) or isinstance(cause, httpx2.TimeoutException):
        return DraftingError(
            f"{route.host} stopped sending mid-draft (timed out); drafting will retry.",
            transient=True,
        )
    return DraftingError(
        f"The connection to {route.host} dropped mid-draft ({type(cause or exc).__name__}); "
        "drafting will retry.",
        transient=True,
    )


def connect_failure(exc: httpx2.HTTPError, route: Route) -> DraftingError:
    """A transport error the SDK did not wrap, before any answer: the server is unreachable."""
    if isinstance(exc, httpx2.TimeoutException):
        return DraftingError(
            f"Could not connect to {route.host} in time; drafting will retry.", transient=True
        )
    return DraftingError(
        f"Cannot reach the model server at {route.host}; drafting will retry.", transient=True
    )


def status_failure(exc: anthropic.APIStatusError, route: Route, retries: int) -> DraftingError:
    """An HTTP error status, or an `error` event in the middle of a stream (status 200)."""
    status = exc.status_code
    if 300 <= status < 400:
        return DraftingError(REDIRECT.format(host=route.host, status=status))
    if status == 200:
        what = STREAM_ERRORS.get(exc.type or "", exc.type or "an error event")
        return DraftingError(
            f"The model stream broke off mid-draft ({what}); drafting will retry.", transient=True
        )
    template, transient = STATUS_MESSAGES.get(status) or (
        (SERVER_ERROR, True) if status >= 500 else (OTHER_STATUS, False)
    )
    # The server's own message is text from outside (a server may quote the request): only
    # its error type, a fixed word like invalid_request_error, goes into the reason.
    detail = exc.type if exc.type and _ERROR_TYPE.fullmatch(exc.type) else ""
    message = template.format(
        host=route.host,
        model=route.model,
        status=status,
        retries=retries,
        keys="[model] api_key_file" if route.local else "ANTHROPIC_API_KEY or [model] api_key_file",
        detail=f": {detail}" if detail else "",
    )
    return DraftingError(message, transient=transient)
