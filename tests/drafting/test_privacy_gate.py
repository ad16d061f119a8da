"""The privacy gate: note text reaches a remote model only under a BAA, over https, with a key.

Refusals happen before any request exists. To prove that nothing leaves, the refused cases run
with every way the environment could redirect traffic (ANTHROPIC_BASE_URL and the proxy
variables) pointed at the fake server, which records any attempt, even a proxy CONNECT.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting.conftest import KEY, backend, clinic, prompt_for
from tests.fakes.anthropic_server import FakeAnthropic
from tui.core.drafting.anthropic import AnthropicBackend
from tui.core.drafting.privacy import DraftingRefused, api_key, is_local_url, model_route
from tui.core.drafting.select import RefusedBackend, choose_backend, select_backend
from tui.core.errors import ChartdeskError

ENV_KEY = {"ANTHROPIC_API_KEY": KEY}


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:11434", True),
        ("http://localhost:8080", True),
        ("http://[::1]:8080", True),
        ("http://10.1.2.3:11434", True),
        ("http://172.20.0.5", True),
        ("http://192.168.1.40:8080", True),
        ("http://ollama:11434", True),
        ("http://gpu-box.local:8080", True),
        ("https://llm.clinic.internal", True),
        ("https://api.anthropic.com", False),
        ("http://8.8.8.8", False),
        ("http://172.32.0.1", False),
        ("http://100.64.0.1", False),
        ("https://llm.example.com", False),
        ("https://localhost.example.com", False),
        ("", False),
    ],
)
def test_what_counts_as_local(url: str, local: bool) -> None:
    assert is_local_url(url) is local


@pytest.mark.parametrize("provider", ["anthropic", "auto"])
async def test_remote_without_baa_sends_nothing(leaky_env: FakeAnthropic, provider: str) -> None:
    ctx = clinic("", provider=provider, baa_signed=False)
    chosen = select_backend(ctx, ENV_KEY)

    with pytest.raises(DraftingRefused) as info:
        await chosen.draft(prompt_for(ctx), lambda _t: None)

    message = str(info.value)
    assert "baa_signed" in message and "base_url" in message and '"offline"' in message
    assert not info.value.transient
    assert isinstance(chosen, RefusedBackend)
    assert leaky_env.requests == []


def test_the_backend_itself_refuses_without_baa(leaky_env: FakeAnthropic) -> None:
    with pytest.raises(DraftingRefused, match="BAA"):
        AnthropicBackend(clinic("", baa_signed=False), environ=ENV_KEY)
    assert leaky_env.requests == []


async def test_remote_http_is_refused_even_with_a_baa(leaky_env: FakeAnthropic) -> None:
    ctx = clinic("http://llm.example.com:8080", baa_signed=True)

    with pytest.raises(DraftingRefused, match="without https"):
        await select_backend(ctx, ENV_KEY).draft(prompt_for(ctx), lambda _t: None)
    assert leaky_env.requests == []


async def test_remote_without_a_key_is_refused(leaky_env: FakeAnthropic) -> None:
    ctx = clinic("", baa_signed=True)

    with pytest.raises(DraftingRefused, match="ANTHROPIC_API_KEY"):
        await select_backend(ctx, {}).draft(prompt_for(ctx), lambda _t: None)
    assert leaky_env.requests == []


def test_refusal_is_a_one_line_command_error_too() -> None:
    with pytest.raises(DraftingRefused) as refusal:
        model_route(clinic("", baa_signed=False), ENV_KEY)
    assert isinstance(refusal.value, ChartdeskError)
    assert "\n" not in str(refusal.value)


def test_remote_https_with_baa_and_key_is_allowed() -> None:
    route = model_route(clinic("", baa_signed=True), ENV_KEY)

    assert (route.base_url, route.api_key, route.local) == ("https://api.anthropic.com", KEY, False)
    assert AnthropicBackend(clinic("", baa_signed=True), environ=ENV_KEY).name == "anthropic"


async def test_local_server_needs_no_baa_and_no_key(fake_anthropic: FakeAnthropic) -> None:
    ctx = clinic(fake_anthropic.url, baa_signed=False)
    chosen = select_backend(ctx, {})
    result = await chosen.draft(prompt_for(ctx), lambda _t: None)

    assert chosen.name == "local" and result.backend == "local"
    assert len(fake_anthropic.messages) == 1


def test_environment_base_url_never_overrides_the_gate(
    leaky_env: FakeAnthropic,
) -> None:
    drafter = backend(clinic("", baa_signed=True), environ=ENV_KEY)
    assert drafter.route.base_url == "https://api.anthropic.com"


def test_key_file_wins_over_the_environment(tmp_path: Path) -> None:
    (tmp_path / "key").write_text("sk-from-file\n")
    ctx = clinic("", api_key_file=str(tmp_path / "key"))
    assert api_key(ctx, ENV_KEY) == "sk-from-file"


def test_relative_key_file_is_read_beside_context_toml(tmp_path: Path) -> None:
    from dataclasses import replace

    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "key").write_text("sk-relative")
    ctx = replace(clinic("", api_key_file="secrets/key"), path=tmp_path / "context.toml")
    assert api_key(ctx, {}) == "sk-relative"


@pytest.mark.parametrize("content", [None, ""])
def test_unreadable_or_empty_key_file_is_refused_not_replaced_by_env(
    tmp_path: Path, content: str | None
) -> None:
    path = tmp_path / "key"
    if content is not None:
        path.write_text(content)
    ctx = clinic("", api_key_file=str(path), baa_signed=True)
    with pytest.raises(DraftingRefused, match="api_key_file"):
        model_route(ctx, ENV_KEY)


def test_missing_model_id_is_refused(fake_anthropic: FakeAnthropic) -> None:
    with pytest.raises(DraftingRefused, match=r"\[model\] model"):
        model_route(clinic(fake_anthropic.url, model=""), {})


def test_base_url_without_http_scheme_is_refused() -> None:
    with pytest.raises(DraftingRefused, match="http:// or https://"):
        model_route(clinic("ftp://10.0.0.2/llm"), {})


@pytest.mark.parametrize(
    ("settings", "environ", "expected"),
    [
        ({"provider": "offline", "baa_signed": True}, ENV_KEY, "offline"),
        ({"provider": "auto"}, {}, "offline"),
        ({"provider": "auto", "baa_signed": True}, ENV_KEY, "anthropic"),
        ({"provider": "auto"}, ENV_KEY, "refused"),
        ({"provider": "anthropic"}, {}, "refused"),
        ({"provider": "auto", "base_url": "http://127.0.0.1:11434"}, {}, "local"),
        ({"provider": "anthropic", "base_url": "http://127.0.0.1:11434"}, {}, "local"),
    ],
)
def test_selection_rules(
    settings: dict[str, object], environ: dict[str, str], expected: str
) -> None:
    base_url = str(settings.pop("base_url", ""))
    selection = choose_backend(clinic(base_url, **settings), environ)

    assert selection.reason.split(":")[0] == expected
    if expected != "refused":
        assert selection.backend.name == expected
