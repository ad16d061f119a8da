"""A fake Anthropic Messages API: a real HTTP server on 127.0.0.1 with real SSE streams.

chartdesk is driven through the real `anthropic` SDK pointed at this server via `base_url`, so a
test exercises the same HTTP, SSE parsing, retries and error classes as production. Every
request is recorded (headers and JSON body) for assertions, and each answer can be scripted:
text and chunking, per-chunk delay, a hold after the first delta until the test releases it,
an HTTP error status, a redirect, a hang, an `error` event or a dropped connection mid-stream,
a body that ends before the stop reason, the stop reason itself, and usage numbers. Prompt
caching is simulated: the first request that carries a cache-marked system prefix reports it
as a cache write, later requests with the byte-identical prefix report it as a cache read.
``POST /v1/messages/count_tokens`` counts as Anthropic's does (roughly: four characters a
token), and any GET (``/props``, ``/api/ps``) is answered 404 as Anthropic would.
`tests.fakes.llama_server` builds llama-server's shapes on the same server by overriding the
hooks below.

Use it from any test through the `fake_anthropic` fixture (import it into a conftest) or as a
context manager::

    with FakeAnthropic() as server:
        server.reply(Reply(text="...", delay=0.01))
        ... base_url=server.url ...
        server.messages[0].body["system"]

`requests` holds every request (probes and token counts too), `messages` only the drafting
requests (``POST /v1/messages``).
"""

from __future__ import annotations

import contextlib
import json
import math
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

MESSAGES = "/v1/messages"
COUNT = "/v1/messages/count_tokens"
DEFAULT_TEXT = (
    "## Subjective\n\nPatient reports less pain.\n\n## Objective\n\nKnee flexion 110 deg.\n"
)

HOLD_SECONDS = 30.0  # the longest a `Reply.hold` keeps the rest of a stream back

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}


@dataclass(frozen=True)
class Reply:
    """One scripted answer. The defaults are a short, successful streamed draft."""

    text: str = DEFAULT_TEXT
    chunks: Sequence[str] | None = None  # explicit text deltas; default: `text` cut in pieces
    chunk_size: int = 12
    delay: float = 0.0  # seconds before each text delta
    status: int = 200  # an error status answers with an error JSON body instead
    error_type: str = ""  # the body's error.type; default from the status
    retry_after_ms: str | None = "10"  # sent with error statuses so SDK retries barely sleep
    hang: float = 0.0  # seconds to wait before answering at all
    error_after: int | None = None  # send an SSE `error` event after this many deltas
    error_event_type: str = "overloaded_error"
    drop_after: int | None = None  # close the connection after this many deltas
    end_early: bool = False  # end the body cleanly after the text, with no stop reason
    stop_reason: str = "end_turn"
    usage: Mapping[str, int] | None = None  # overrides the simulated usage numbers
    model: str = ""  # the model id reported back; default: the requested one
    location: str = ""  # with a 3xx `status`: the Location header of a redirect
    error_message: str = ""  # the error body's message; default "scripted <status>"
    stop_details: Mapping[str, Any] | None = None  # sent with the stop reason (a refusal's)
    hold: threading.Event | None = None  # after the first delta, wait for it to be set

    def deltas(self) -> list[str]:
        if self.chunks is not None:
            return list(self.chunks)
        size = max(1, self.chunk_size)
        return [self.text[i : i + size] for i in range(0, len(self.text), size)]


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    body: dict[str, Any]
    received_at: float  # time.perf_counter()
    route: str = ""  # the path without its query
    first_text_at: float | None = None  # when the first text delta left the server
    finished_at: float | None = None  # when the last byte of the answer left the server
    disconnected: bool = False  # the client went away before the answer was complete

    @property
    def system(self) -> list[dict[str, Any]]:
        system = self.body.get("system", [])
        return [{"type": "text", "text": system}] if isinstance(system, str) else list(system)

    @property
    def content(self) -> list[dict[str, Any]]:
        """The content blocks of the (single) user message."""
        content = self.body["messages"][-1]["content"]
        return [{"type": "text", "text": content}] if isinstance(content, str) else list(content)


@dataclass
class _CacheSim:
    """Cache reads and writes for cache-marked prefixes, keyed by model and exact bytes."""

    seen: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def usage(self, body: Mapping[str, Any], output_text: str) -> dict[str, int]:
        blocks = _system_blocks(body)
        prefixes = [
            (
                json.dumps([body.get("model"), blocks[: i + 1]], sort_keys=True),
                _tokens(blocks[: i + 1]),
            )
            for i, block in enumerate(blocks)
            if block.get("cache_control")
        ]
        with self.lock:
            hit = max((tokens for key, tokens in prefixes if key in self.seen), default=0)
            marked = max((tokens for _, tokens in prefixes), default=0)
            self.seen.update(key for key, _ in prefixes)
        total = _tokens(blocks) + _tokens(_message_blocks(body))
        return {
            "input_tokens": max(1, total - marked),
            "output_tokens": max(1, math.ceil(len(output_text) / 4)),
            "cache_creation_input_tokens": marked - hit,
            "cache_read_input_tokens": hit,
        }


def _system_blocks(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    system = body.get("system", [])
    return [{"type": "text", "text": system}] if isinstance(system, str) else list(system)


def _message_blocks(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for message in body.get("messages", []):
        content = message.get("content", "")
        blocks += [{"type": "text", "text": content}] if isinstance(content, str) else content
    return blocks


def _tokens(blocks: Sequence[Mapping[str, Any]]) -> int:
    """A rough token count: four characters a token for text, a flat rate for scans."""
    count = 0
    for block in blocks:
        if block.get("type") == "text":
            count += math.ceil(len(block.get("text", "")) / 4)
        else:
            count += 1500
    return count


class FakeAnthropic:
    """The server. Start it with `with FakeAnthropic() as server:` (or `start()`/`stop()`)."""

    def __init__(self, default: Reply | None = None) -> None:
        self.default = default or Reply()
        self.requests: list[Recorded] = []
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._cache = _CacheSim()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def messages(self) -> list[Recorded]:
        """The drafting requests (``POST /v1/messages``), without probes and token counts."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.route == MESSAGES]

    @property
    def counts(self) -> list[Recorded]:
        """The token-count requests (``POST /v1/messages/count_tokens``)."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.route == COUNT]

    def reply(self, *replies: Reply) -> None:
        """Queue answers for the next requests; once they run out, `default` answers."""
        with self._lock:
            self._script.extend(replies)

    def start(self) -> FakeAnthropic:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeAnthropic:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
        """Poll until `predicate()` is true (the server works in its own threads). Generous:
        free once it holds, and a busy machine runs the server's threads late."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.01)
        return bool(predicate())

    # Called from the handler threads ----------------------------------------------------------

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def _record(self, recorded: Recorded) -> None:
        with self._lock:
            self.requests.append(recorded)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; False means stop now."""
        return not self._stopping.wait(seconds) if seconds > 0 else True

    def _released(self, release: threading.Event) -> bool:
        """Wait for the test to set `release`: False when the server stops first or
        HOLD_SECONDS pass (a client that never sees the first delta fails, never hangs)."""
        deadline = time.monotonic() + HOLD_SECONDS
        while not release.wait(0.02):
            if self._stopping.is_set() or time.monotonic() > deadline:
                return False
        return True

    def _usage(self, body: Mapping[str, Any], reply: Reply) -> dict[str, int]:
        usage = self._cache.usage(body, reply.text)
        return usage | dict(reply.usage or {})

    # Hooks a server of another kind overrides (tests.fakes.llama_server) ------------------------

    def answer_get(self, handler: _Handler, recorded: Recorded) -> None:
        """Anthropic has no GET routes a drafter asks: 404, in its error shape."""
        handler.send_json(404, self.error_body(404, "not_found_error", f"no route {handler.path}"))

    def answer_count(self, handler: _Handler, recorded: Recorded) -> None:
        """``{"input_tokens": N}`` for the request's system and messages."""
        body = recorded.body
        tokens = _tokens(_system_blocks(body)) + _tokens(_message_blocks(body))
        handler.send_json(200, {"input_tokens": tokens})

    def refuse(self, recorded: Recorded) -> tuple[int, dict[str, Any]] | None:
        """An error this server answers a drafting request with before streaming, whatever
        the script says (None: answer as scripted)."""
        return None

    def error_body(self, status: int, error_type: str, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": error_type, "message": message}}

    def error_event(self, error_type: str, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": error_type, "message": message}}

    def model_name(self, recorded: Recorded, reply: Reply) -> str:
        return reply.model or str(recorded.body.get("model", ""))

    def stream_usage(self, recorded: Recorded, reply: Reply) -> dict[str, int]:
        return self._usage(recorded.body, reply)

    def stream_started(self, recorded: Recorded) -> None:
        """A stream is about to send its first delta."""

    def delta_fault(self, recorded: Recorded) -> dict[str, Any] | None:
        """An error event to send instead of the next delta (None: send it)."""
        return None

    def stream_ended(self, recorded: Recorded) -> None:
        """A stream ended, however it ended."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeAnthropic


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: test output stays readable."""

    def do_POST(self) -> None:
        fake = self.server.fake
        recorded = self._recorded()
        fake._record(recorded)
        if recorded.route == COUNT:
            fake.answer_count(self, recorded)
        elif recorded.route != MESSAGES:
            fake.answer_get(self, recorded)  # a route this server does not have (/api/show)
        else:
            self._answer(fake, recorded, fake._next_reply())

    def do_GET(self) -> None:
        fake = self.server.fake
        recorded = self._recorded()
        fake._record(recorded)
        fake.answer_get(self, recorded)

    def do_other(self) -> None:
        """Any other method is recorded too (a proxied CONNECT included), then refused: a test
        that asserts "nothing was sent" sees every attempt."""
        self.server.fake._record(self._recorded())
        self.close_connection = True
        self._error(405, "invalid_request_error", f"{self.command} not supported", None)

    do_PUT = do_DELETE = do_CONNECT = do_other

    def send_plain(self, status: int, text: str) -> None:
        payload = text.encode()
        self.send_response(status)
        self.send_header("content-type", "text/plain; charset=utf-8")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def send_json(self, status: int, data: Mapping[str, Any]) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _recorded(self) -> Recorded:
        length = int(self.headers.get("content-length", "0"))
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        return Recorded(
            method=self.command,
            path=self.path,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=body,
            received_at=time.perf_counter(),
            route=self.path.split("?")[0],
        )

    def _answer(self, fake: FakeAnthropic, recorded: Recorded, reply: Reply) -> None:
        if not fake._sleep(reply.hang):
            return
        try:
            refused = fake.refuse(recorded)
            if recorded.route != MESSAGES:
                self._error(404, "not_found_error", f"no route {self.path}", None)
            elif refused is not None:
                self.send_json(*refused)
            elif reply.location:
                self._redirect(reply.status, reply.location)
            elif reply.status != 200:
                error_type = reply.error_type or _ERROR_TYPES.get(reply.status, "api_error")
                self._error(
                    reply.status,
                    error_type,
                    reply.error_message or f"scripted {reply.status}",
                    reply.retry_after_ms,
                )
            elif recorded.body.get("stream"):
                self._stream(fake, recorded, reply)
            else:
                self._json(fake, recorded, reply)
        except (BrokenPipeError, ConnectionResetError):
            recorded.disconnected = True
            self.close_connection = True

    def _request_id(self) -> str:
        return f"req_fake_{len(self.server.fake.messages):04d}"

    def _error(self, status: int, error_type: str, message: str, retry_ms: str | None) -> None:
        body = self.server.fake.error_body(status, error_type, message)
        payload = json.dumps(body | {"request_id": self._request_id()}).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.send_header("request-id", self._request_id())
        if retry_ms is not None:
            self.send_header("retry-after-ms", retry_ms)
        self.end_headers()
        self.wfile.write(payload)

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("location", location)
        self.send_header("content-length", "0")
        self.end_headers()

    def _message(
        self, recorded: Recorded, reply: Reply, usage: Mapping[str, int]
    ) -> dict[str, Any]:
        return {
            "id": f"msg_fake_{len(self.server.fake.messages):04d}",
            "type": "message",
            "role": "assistant",
            "model": self.server.fake.model_name(recorded, reply),
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": dict(usage),
        }

    def _json(self, fake: FakeAnthropic, recorded: Recorded, reply: Reply) -> None:
        usage = fake._usage(recorded.body, reply)
        message = self._message(recorded, reply, usage)
        message["content"] = [{"type": "text", "text": reply.text}] if reply.text else []
        message["stop_reason"] = reply.stop_reason
        payload = json.dumps(message).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.send_header("request-id", self._request_id())
        self.end_headers()
        self.wfile.write(payload)
        recorded.first_text_at = recorded.finished_at = time.perf_counter()

    def _stream(self, fake: FakeAnthropic, recorded: Recorded, reply: Reply) -> None:
        fake.stream_started(recorded)
        try:
            self._stream_answer(fake, recorded, reply)
        finally:
            fake.stream_ended(recorded)

    def _stream_answer(self, fake: FakeAnthropic, recorded: Recorded, reply: Reply) -> None:
        usage = fake.stream_usage(recorded, reply)
        start_usage = {key: value for key, value in usage.items() if key != "output_tokens"}
        self.send_response(200)
        self.send_header("content-type", "text/event-stream; charset=utf-8")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self.send_header("request-id", self._request_id())
        self.end_headers()
        message = self._message(recorded, reply, start_usage | {"output_tokens": 1})
        self._event("message_start", {"type": "message_start", "message": message})
        self._event(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        )
        self._event("ping", {"type": "ping"})
        for sent, delta in enumerate(reply.deltas()):
            if not self._before_delta(fake, reply, sent):
                return
            fault = fake.delta_fault(recorded)
            if fault is not None:
                self._event("error", fault)
                self._end_chunks()
                return
            self._event(
                "content_block_delta",
                {"type": "content_block_delta", "index": 0,
                 "delta": {"type": "text_delta", "text": delta}},
            )  # fmt: skip
            if recorded.first_text_at is None:
                recorded.first_text_at = time.perf_counter()
        if not self._before_delta(fake, reply, len(reply.deltas())):
            return
        if reply.end_early:
            self._end_chunks()
            return
        self._finish_stream(reply, usage)
        recorded.finished_at = time.perf_counter()

    def _before_delta(self, fake: FakeAnthropic, reply: Reply, sent: int) -> bool:
        """Play the scripted fault due after `sent` deltas; False ends the answer."""
        if reply.error_after is not None and sent == reply.error_after:
            error = fake.error_event(reply.error_event_type, "scripted mid-stream error")
            self._event("error", error)
            self._end_chunks()
            return False
        if reply.drop_after is not None and sent == reply.drop_after:
            self._drop()
            return False
        if sent == 1 and reply.hold is not None and not fake._released(reply.hold):
            self._drop()  # the client never took the first delta: the answer ends unfinished
            return False
        if sent < len(reply.deltas()):
            return fake._sleep(reply.delay)
        return True

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _finish_stream(self, reply: Reply, usage: Mapping[str, int]) -> None:
        self._event("content_block_stop", {"type": "content_block_stop", "index": 0})
        self._event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {
                    "stop_reason": reply.stop_reason,
                    "stop_sequence": None,
                    **({"stop_details": dict(reply.stop_details)} if reply.stop_details else {}),
                },
                "usage": dict(usage),
            },
        )
        self._event("message_stop", {"type": "message_stop"})
        self._end_chunks()

    def _event(self, name: str, data: Mapping[str, Any]) -> None:
        payload = f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(payload), payload))

    def _end_chunks(self) -> None:
        self.wfile.write(b"0\r\n\r\n")


@contextlib.contextmanager
def unreachable_url() -> Iterator[str]:
    """An http URL whose TCP connect never completes, for connect-timeout tests.

    A listening socket that never accepts, with its accept queue already full: the kernel drops
    further SYNs, so a client's connect waits until its own timeout (no route tricks needed).
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    """A running fake Anthropic server for one test."""
    with FakeAnthropic() as server:
        yield server
