"""Numeric IPv4 spellings are judged as the address they reach, not as single-label names.

``http://134744072`` and ``http://0x08080808`` both connect to 8.8.8.8: a dotless host that the
C library reads as an IPv4 address must face the BAA/https/key checks like ``http://8.8.8.8``.
"""

from __future__ import annotations

import pytest

from tests.drafting.conftest import KEY, clinic, prompt_for
from tests.fakes.anthropic_server import FakeAnthropic
from tui.core.drafting.privacy import DraftingRefused, is_local_url, model_route
from tui.core.drafting.select import select_backend

ENV_KEY = {"ANTHROPIC_API_KEY": KEY}
PUBLIC_NUMERIC = ["http://134744072", "http://0x08080808", "http://0x08080808.:8080"]


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://134744072", False),  # 8.8.8.8
        ("http://0x08080808", False),  # 8.8.8.8
        ("http://0x08080808.:11434", False),
        ("http://010.010.010.010", False),  # octal: 8.8.8.8
        ("http://8.8", False),  # 8.0.0.8
        ("http://2130706433", True),  # 127.0.0.1
        ("http://0x7f000001:11434", True),  # 127.0.0.1
        ("http://10.1", True),  # 10.0.0.1
        ("http://3232235777", True),  # 192.168.1.1
        ("http://134744072 x", False),  # not a plain host name
        ("http://ollama:11434", True),  # a real single-label name stays local
    ],
)
def test_numeric_hosts_are_judged_as_addresses(url: str, local: bool) -> None:
    assert is_local_url(url) is local


@pytest.mark.parametrize("url", PUBLIC_NUMERIC)
async def test_numeric_public_host_without_baa_is_refused_and_sends_nothing(
    leaky_env: FakeAnthropic, url: str
) -> None:
    ctx = clinic(url, baa_signed=False)

    with pytest.raises(DraftingRefused):
        model_route(ctx, ENV_KEY)
    with pytest.raises(DraftingRefused, match=r"without https|BAA"):
        await select_backend(ctx, ENV_KEY).draft(prompt_for(ctx), lambda _t: None)
    assert leaky_env.requests == []


def test_numeric_loopback_is_local() -> None:
    route = model_route(clinic("http://2130706433:11434", baa_signed=False), {})
    assert route.local and route.api_key == ""
