"""Failures are classified by exception type and by how far the answer got, never by the
wording of a third-party message: SDK releases wrap the same transport error differently (one
raises httpx's ReadError mid-stream, a later one wraps it in APIConnectionError)."""

from __future__ import annotations

import anthropic
import httpx2
import pytest

from tui.core.drafting.anthropic import connect_failure, stream_failure
from tui.core.drafting.privacy import Route

ROUTE = Route(base_url="http://127.0.0.1:8080", api_key="", model="m", local=True)
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
    error = stream_failure(exc, ROUTE)  # type: ignore[arg-type]

    assert error.transient
    assert "dropped mid-draft" in str(error)
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
    error = stream_failure(exc, ROUTE)  # type: ignore[arg-type]

    assert error.transient
    assert "stopped sending mid-draft" in str(error)


def test_a_transport_error_before_any_answer_is_an_unreachable_server() -> None:
    refused = connect_failure(httpx2.ConnectError("refused", request=REQUEST), ROUTE)
    slow = connect_failure(httpx2.ConnectTimeout("slow", request=REQUEST), ROUTE)

    assert refused.transient and "Cannot reach the model server" in str(refused)
    assert slow.transient and "Could not connect" in str(slow)
