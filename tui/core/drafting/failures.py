"""Why a model request failed, in words a clinician can act on, and whether trying again helps.

Every failure is classified by what it is (the SDK's exception type, the HTTP status, the
server's fixed error type, how far the answer got) and by what chartdesk knows about the
request and the server, never by the wording of a message. The reason says what happened and
what to do; it never says whether the draft will be retried, because only the caller knows
(the pipeline adds that; `chartdesk draft` retries nothing).

- Permanent (`transient` False): a redirect, a bad key or model name, a request the server
  rejects, a scan sent to a server whose model reads no images, a note too large for the
  server's context. Retrying cannot help until something changes.
- Transient: an unreachable or slow server, a server error, a stream broken mid-draft.
- `overload` (transient too): rate limits, overload, a server not ready, an error in the middle
  of a stream (llama-server's "Context size has been exceeded" comes so, failing every request
  it runs): the pipeline then drafts fewer notes at once for a while.

A server's own message is quoted only through `server_errors.quotable`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import anthropic
import httpx2

from tui.core.drafting.base import DraftingError
from tui.core.drafting.privacy import Route
from tui.core.drafting.server_errors import ServerError, quotable, read_error
from tui.core.drafting.server_info import ServerInfo

# What a clinician reads for an HTTP status: (reason, transient, overload).
STATUS_MESSAGES: Final[Mapping[int, tuple[str, bool, bool]]] = {
    401: ("{host} rejected the API key (401 invalid key). Check {keys}.", False, False),
    403: ("{host} refused this API key for model {model!r} (403 permission denied).", False, False),
    404: (
        "Model {model!r} was not found on {host} (404). Check [model] model in context.toml "
        "(on a local server, pull or load the model first).",
        False,
        False,
    ),
    413: ("The note is too large to send to the model (413).", False, False),
    429: ("{host} is rate limiting requests (429), still after {retries} retries.", True, True),
    501: ("{host} does not support this request (HTTP 501{detail}).", False, False),
    503: ("{host} is not ready for requests (HTTP 503{detail}).", True, True),
    529: ("The model at {host} is overloaded (529).", True, True),
}
SERVER_ERROR: Final = "The model server {host} failed (HTTP {status}{detail})."
REJECTED: Final = "{host} rejected the request (HTTP {status}{detail})."
REDIRECT: Final = (
    "The model server {host} answered with a redirect (HTTP {status}); chartdesk never "
    "follows a model server to another address, so nothing more was sent. Set [model] "
    "base_url to the address that answers."
)
NO_IMAGES: Final = (
    "{host} cannot read scans: its model takes text only{said}. Use a model that reads images "
    "(for llama-server, a vision model started with its --mmproj projector), or draft scans "
    'with the offline drafter ([model] provider = "offline").'
)
NO_PDF: Final = (
    "{host} cannot read PDF scans: llama-server drops PDF documents from a request, so the "
    "model would draft from the instructions alone. Save the scan as a PNG or JPEG for a "
    'model that reads images, or draft it with the offline drafter ([model] provider = "offline").'
)
# Error types that judge the request itself: wrong in the middle of a stream as at its start.
REQUEST_ERRORS: Final = frozenset(
    {"invalid_request_error", "authentication_error", "permission_error", "not_found_error"}
)
STREAM_ERRORS: Final[Mapping[str, str]] = {
    "overloaded_error": "it is overloaded",
    "api_error": "a server error",
    "server_error": "a server error",
    "rate_limit_error": "a rate limit",
    "timeout_error": "a server timeout",
}


@dataclass(frozen=True)
class Attempt:
    """What the classification needs to know about one request beyond the error itself."""

    route: Route
    retries: int = 0
    timeout: float = 0.0
    max_tokens: int = 0
    scan: bool = False
    info: ServerInfo | None = None
    sent: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def host(self) -> str:
        return self.route.host


def too_large(
    attempt: Attempt, prompt_tokens: int, context: int, *, counted: bool = True
) -> DraftingError:
    """The refusal of a note whose prompt and answer cannot fit in the server's context."""
    need = prompt_tokens + attempt.max_tokens
    about = "" if counted else "about "
    info = attempt.info or ServerInfo()
    smaller = max(0, context - prompt_tokens)
    lower = (
        f"lower max_tokens to {smaller // 256 * 256:,} or less ([model] max_tokens)"
        if smaller >= 256
        else "shorten the note"
    )
    return DraftingError(
        f"This note needs {about}{need:,} tokens ({prompt_tokens:,} for the prompt and "
        f"{attempt.max_tokens:,} for the answer); the server's context is {context:,}: "
        f"{info.more_context(need)}, or {lower}. Nothing was sent for drafting."
    )


def no_images(attempt: Attempt, quote: str = "") -> DraftingError:
    """The refusal of a scan for a server whose model reads no images, in the server's words
    when it gave some that may be shown, else by what it reported about itself."""
    said = f' (the server says: "{quote}")' if quote else " (the server reports no image input)"
    return DraftingError(NO_IMAGES.format(host=attempt.host, said=said))


def no_pdf(attempt: Attempt) -> DraftingError:
    """The refusal of a PDF scan for llama-server, which drops document blocks unread."""
    return DraftingError(NO_PDF.format(host=attempt.host))


def status_failure(exc: anthropic.APIStatusError, attempt: Attempt) -> DraftingError:
    """An HTTP error status, or an `error` event in the middle of a stream (HTTP 200)."""
    error = read_error(exc.body, exc.status_code)
    host = attempt.host
    if error.in_stream:
        return _stream_error(error, attempt)
    status = error.status
    if 300 <= status < 400:
        return DraftingError(REDIRECT.format(host=host, status=status))
    if error.type == "exceed_context_size_error" and error.context:
        prompt = error.prompt_tokens or max(0, error.context - attempt.max_tokens + 1)
        return too_large(attempt, prompt, error.context)
    quote = quotable(error, attempt.sent, attempt.identifiers)
    if status >= 500 and attempt.scan and attempt.info and attempt.info.vision is False:
        return no_images(attempt, quote)
    detail = _detail(error, quote)
    if status in STATUS_MESSAGES:
        template, transient, overload = STATUS_MESSAGES[status]
    elif status >= 500:
        template, transient, overload = SERVER_ERROR, True, False
    else:
        template, transient, overload = REJECTED, False, False
    route = attempt.route
    message = template.format(
        host=host,
        model=route.model,
        status=status,
        retries=attempt.retries,
        keys="[model] api_key_file" if route.local else "ANTHROPIC_API_KEY or [model] api_key_file",
        detail=detail,
    )
    return DraftingError(message, transient=transient, overload=overload)


def _stream_error(error: ServerError, attempt: Attempt) -> DraftingError:
    quote = quotable(error, attempt.sent, attempt.identifiers)
    what = STREAM_ERRORS.get(error.type, "an error")
    said = f'"{quote}"' if quote else what
    kind = f" ({error.type})" if error.type and quote else ""
    if error.type in REQUEST_ERRORS:
        return DraftingError(
            f"{attempt.host} rejected the request mid-draft ({error.type}).", transient=False
        )
    return DraftingError(
        f"Interrupted mid-draft: {attempt.host} reported {said}{kind}.",
        transient=True,
        overload=True,
    )


def _detail(error: ServerError, quote: str) -> str:
    parts = [error.type] if error.type else []
    if quote:
        parts.append(f'"{quote}"')
    return f": {', '.join(parts)}" if parts else ""


def transport_failure(
    exc: anthropic.APIConnectionError | httpx2.HTTPError, attempt: Attempt, *, started: bool
) -> DraftingError:
    """A transport error: judged by where it happened, never by how the SDK words it (SDK
    releases differ in whether a read error mid-stream is an APIConnectionError)."""
    cause = exc.__cause__ if isinstance(exc, anthropic.APIConnectionError) else exc
    timeouts = (anthropic.APITimeoutError, httpx2.TimeoutException)
    timed_out = isinstance(exc, timeouts) or isinstance(cause, timeouts)
    connecting = isinstance(cause, httpx2.ConnectTimeout | httpx2.PoolTimeout)
    host = attempt.host
    if started and timed_out:
        return DraftingError(
            f"Interrupted mid-draft: {host} stopped sending (timed out).", transient=True
        )
    if started:
        return DraftingError(
            f"Interrupted mid-draft: the connection to {host} dropped "
            f"({type(cause or exc).__name__}).",
            transient=True,
        )
    if timed_out and connecting:
        return DraftingError(f"Could not connect to {host} in time.", transient=True)
    if timed_out:
        seconds = f" within {attempt.timeout:g} s" if attempt.timeout else ""
        return DraftingError(f"{host} did not answer{seconds} (timed out).", transient=True)
    where = "Is it running? Check [model] base_url." if attempt.route.local else ""
    return DraftingError(
        f"Cannot reach the model server at {host}. {where}".strip(), transient=True
    )


def unknown_failure(exc: anthropic.APIError, attempt: Attempt) -> DraftingError:
    """An SDK error of no known kind (an answer it could not read)."""
    return DraftingError(f"Unexpected answer from {attempt.host} ({type(exc).__name__}).")
