"""A model server can never move note text elsewhere: redirects are refused, every hop judged.

The gate judges `[model] base_url` before anything is sent; a server on 127.0.0.1 that answers
``307 Location: http://[::ffff:127.0.0.1]:PORT/v1/messages`` (a spelling the gate cannot prove
local, over plain http, with no BAA) used to receive the whole note again at the new address,
once per SDK retry. These run the real SDK against real listeners on 127.0.0.1: the redirect
target is a second fake server, which must record nothing.
"""

from __future__ import annotations

import pytest

from tests.drafting.conftest import SOAP_NOTE, clinic, draft_error
from tests.fakes.anthropic_server import FakeAnthropic, Reply
from tui.core.drafting.privacy import is_local_url, model_route
from tui.core.drafting.transport import RouteViolation, http_client

REDIRECTS = (301, 302, 303, 307, 308)


def _port(server: FakeAnthropic) -> int:
    return int(server.url.rsplit(":", 1)[1])


@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("spelling", ["[::ffff:127.0.0.1]", "127.0.0.1"])
async def test_a_redirect_from_the_model_server_is_refused(
    fake_anthropic: FakeAnthropic, status: int, spelling: str
) -> None:
    with FakeAnthropic() as elsewhere:
        target = f"http://{spelling}:{_port(elsewhere)}/v1/messages"
        fake_anthropic.default = Reply(status=status, location=target)
        ctx = clinic(fake_anthropic.url, baa_signed=False)

        error = await draft_error(ctx, max_retries=2)

        assert elsewhere.requests == [], "the note reached the redirect target"
    assert len(fake_anthropic.messages) == 1, "a refused redirect is not retried"
    message = str(error)
    assert f"redirect (HTTP {status})" in message and "base_url" in message
    assert not error.transient
    assert "Dana" not in message


def test_the_ipv4_mapped_spelling_of_loopback_is_judged_as_loopback() -> None:
    """``[::ffff:127.0.0.1]`` is 127.0.0.1; ``[::ffff:8.8.8.8]`` is 8.8.8.8."""
    assert is_local_url("http://[::ffff:127.0.0.1]:8080")
    assert is_local_url("http://[::ffff:7f00:1]:8080")
    assert not is_local_url("http://[::ffff:8.8.8.8]:8080")
    assert not is_local_url("http://[64:ff9b::127.0.0.1]")  # NAT64: leaves the machine


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080\\@evil.example",  # the host is after the "@"
        "http://127.0.0.1%2e:8080",
        "http://ｌｏｃａｌｈｏｓｔ:8080",  # fullwidth: an IDNA-mapped name
        "http://[::1]x:8080",  # Python reads ::1, the HTTP client reads no URL
    ],
)
def test_a_host_the_gate_cannot_read_unambiguously_is_remote(url: str) -> None:
    assert not is_local_url(url)


async def test_every_hop_is_judged_even_when_a_caller_follows_redirects(
    fake_anthropic: FakeAnthropic,
) -> None:
    """The HTTP client itself refuses any request that is not for the gated server, so even a
    redirect followed on purpose (or by a future SDK default) never leaves."""
    with FakeAnthropic() as elsewhere:
        fake_anthropic.default = Reply(status=307, location=f"{elsewhere.url}/v1/messages")
        route = model_route(clinic(fake_anthropic.url), {})
        # A read timeout a busy machine never reaches: the fake's 307 must be what ends it.
        async with http_client(route, timeout=30.0) as http:
            with pytest.raises(RouteViolation):
                await http.post(
                    f"{fake_anthropic.url}/v1/messages",
                    json={"note": SOAP_NOTE},
                    follow_redirects=True,
                )
            with pytest.raises(RouteViolation):
                await http.post(f"{elsewhere.url}/v1/messages", json={"note": SOAP_NOTE})
        assert elsewhere.requests == []
    assert len(fake_anthropic.messages) == 1
