"""Failures are classified by exception type and by how far the answer got, never by the
wording of a third-party message: SDK releases wrap the same transport error differently (one
raises httpx's ReadError mid-stream, a later one wraps it in APIConnectionError)."""

from __future__ import annotations

import anthropic
import httpx2
import pytest

from tui.core.drafting.failures import Attempt, transport_failure
from tui.core.drafting.privacy import Route

ROUTE = Route(base_url="http://127.0.0.1:8080", api_key="", model="m", local=True)
ATTEMPT = Attempt(ROUTE, timeout=30.0)
REQUEST = httpx2.Request("POST", "http://127.0.0.1:8080/v1/messages")


def wrapped(error: type[anthropic.APIConnectionError], cause: Exception) -> Exception:
    """The SDK's error with the transport error as its cause, as the SDK raises it."""
    exc = error(request=REQUEST)
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    "exc",
    [
        httpx2.ReadError("boom", request=REQUEST),
        httpx2.RemoteProtocolError("boom", request=REQUEST),
        wrapped(anthropic.APIConnectionError, httpx2.ReadError("x", request=REQUEST)),
        wrapped(anthropic.APIConnectionError, httpx2.RemoteProtocolError("x", request=REQUEST)),
    ],
    ids=["bare-read", "bare-protocol", "sdk-read", "sdk-protocol"],
)
def test_a_broken_stream_is_interrupted_mid_draft_however_it_is_wrapped(exc: Exception) -> None:
    error = transport_failure(exc, ATTEMPT, started=True)  # type: ignore[arg-type]

    assert error.transient
    assert str(error).startswith("Interrupted mid-draft: the connection to 127.0.0.1:8080")
    assert "Cannot reach" not in str(error)


@pytest.mark.parametrize(
    "exc",
    [
        httpx2.ReadTimeout("slow", request=REQUEST),
        wrapped(anthropic.APITimeoutError, httpx2.ReadTimeout("slow", request=REQUEST)),
    ],
    ids=["bare", "sdk"],
)
def test_a_stalled_stream_is_a_timeout_mid_draft_however_it_is_wrapped(exc: Exception) -> None:
    error = transport_failure(exc, ATTEMPT, started=True)  # type: ignore[arg-type]

    assert error.transient
    assert str(error) == "Interrupted mid-draft: 127.0.0.1:8080 stopped sending (timed out)."


def test_a_transport_error_before_any_answer_is_an_unreachable_or_silent_server() -> None:
    refused = transport_failure(
        httpx2.ConnectError("refused", request=REQUEST), ATTEMPT, started=False
    )
    slow = transport_failure(httpx2.ConnectTimeout("slow", request=REQUEST), ATTEMPT, started=False)
    silent = transport_failure(
        wrapped(anthropic.APITimeoutError, httpx2.ReadTimeout("slow", request=REQUEST)),
        ATTEMPT,
        started=False,
    )

    assert refused.transient and str(refused) == (
        "Cannot reach the model server at 127.0.0.1:8080. Is it running? Check [model] base_url."
    )
    assert slow.transient and str(slow) == "Could not connect to 127.0.0.1:8080 in time."
    assert (
        silent.transient and str(silent) == "127.0.0.1:8080 did not answer within 30 s (timed out)."
    )


@pytest.mark.parametrize(
    "error",
    [
        transport_failure(httpx2.ConnectError("x", request=REQUEST), ATTEMPT, started=False),
        transport_failure(httpx2.ReadError("x", request=REQUEST), ATTEMPT, started=True),
        transport_failure(httpx2.ReadTimeout("x", request=REQUEST), ATTEMPT, started=True),
    ],
    ids=["unreachable", "dropped", "stalled"],
)
def test_no_reason_promises_a_retry(error: Exception) -> None:
    """Only the caller knows whether it retries: `chartdesk draft` queues nothing."""
    assert "retry" not in str(error).lower()
