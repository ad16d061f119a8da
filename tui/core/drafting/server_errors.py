"""A model server's error as it arrives, in either shape, and which of its words may be shown.

Three shapes reach chartdesk:

- Anthropic's (Ollama's Messages API too), as an HTTP body or an SSE ``error`` event:
  ``{"type": "error", "error": {"type": "overloaded_error", "message": "..."}}``
- llama.cpp's llama-server, as an HTTP body:
  ``{"error": {"code": 500, "message": "...", "type": "server_error"}}``; a prompt larger than
  the context adds ``"n_prompt_tokens"`` and ``"n_ctx"`` to it (type
  ``exceed_context_size_error``, code 400).
- llama-server's SSE ``error`` event, the same object without the wrapper:
  ``{"code": 500, "message": "Context size has been exceeded.", "type": "server_error"}``

`read_error` reads any of them into one `ServerError`. Failures are classified by its status
and type only; the message is the server's to word and to change.

A server's message is text from outside, and a server may echo the request (the note) in it,
while a draft's reason reaches logs and the audit trail of a failed draft. So `quotable` lets a
message through only when it cannot be carrying note text: the error must be about the server
(a 5xx status or an event mid-stream, never a 4xx verdict on the request, which is where a
server would quote what it was sent), short, one line of plain printable ASCII, and it must
share nothing identifying with what was sent: no word of the note's header values (name, MRN,
dates), no number of two or more digits that the note or instructions contain, and no run of
three words found in them. Anything else is described in chartdesk's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

MAX_QUOTE: Final = 160
ECHO_WORDS: Final = 3
_TYPE: Final = re.compile(r"[a-z][a-z_]{0,39}")
_WORD: Final = re.compile(r"[a-z0-9]+")
_NUMBER: Final = re.compile(r"\d{2,}")


@dataclass(frozen=True)
class ServerError:
    """One error from a model server.

    `status` is the HTTP status, or for an event inside a stream (HTTP 200) the code the event
    carries (llama-server's), else 200. `type` is the server's fixed type word ("" when absent
    or not a plain word). `message` is the server's own text: untrusted, see `quotable`.
    `prompt_tokens` and `context` are llama-server's numbers for a prompt too large.
    """

    status: int
    type: str = ""
    message: str = ""
    in_stream: bool = False
    prompt_tokens: int | None = None
    context: int | None = None


def read_error(body: object, http_status: int) -> ServerError:
    """The error in `body` (a decoded JSON body or event, or raw text), whatever its shape."""
    in_stream = http_status == 200
    inner: Mapping[str, Any] = {}
    if isinstance(body, Mapping):
        wrapped = body.get("error")
        inner = wrapped if isinstance(wrapped, Mapping) else body
    code = inner.get("code")
    status = http_status
    if in_stream and isinstance(code, int) and not isinstance(code, bool) and code >= 400:
        status = code
    kind = inner.get("type")
    message = inner.get("message")
    return ServerError(
        status=status,
        type=kind if isinstance(kind, str) and _TYPE.fullmatch(kind) else "",
        message=message if isinstance(message, str) else "",
        in_stream=in_stream,
        prompt_tokens=_count(inner.get("n_prompt_tokens")),
        context=_count(inner.get("n_ctx")),
    )


def _count(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def quotable(error: ServerError, sent: Iterable[str], identifiers: Iterable[str]) -> str:
    """The server's message, fit to show beside a failed draft, or "" (see the module doc).

    `sent` is the text of the request that may hold note text (the note, the instructions,
    a previous pass); `identifiers` are the note's header values (patient, MRN, dates).
    """
    if not error.in_stream and error.status < 500:
        return ""
    text = " ".join(error.message.split())
    if not text or len(text) > MAX_QUOTE or not (text.isascii() and text.isprintable()):
        return ""
    return "" if echoes(text, sent, identifiers) else text


def echoes(text: str, sent: Iterable[str], identifiers: Iterable[str]) -> bool:
    """Whether `text` (a server's words) may be carrying what was sent: a word of the
    `identifiers` (patient, MRN, dates), a number of two or more digits of `sent`, or a run of
    three words of `sent`."""
    words = _WORD.findall(text.lower())
    named = {word for value in identifiers for word in _WORD.findall(value.lower())}
    if named.intersection(words):
        return True
    sent_text = "\n".join(sent)
    if set(_NUMBER.findall(text)) & set(_NUMBER.findall(sent_text)):
        return True
    return bool(_runs(words) & _runs(_WORD.findall(sent_text.lower())))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1)}
