"""Cost of a draft from context.toml's per-model prices (USD per million tokens)."""

from __future__ import annotations

import pytest

from tui.core.context import Price
from tui.core.cost import TokenUsage, cost_usd, format_usd, price_for, usage_line
from tui.core.records.store import DraftResult

SONNET = Price(input=3.0, output=15.0, cache_write=3.75, cache_read=0.3)


def test_each_token_kind_is_billed_at_its_own_price() -> None:
    usage = TokenUsage(input=1000, output=500, cache_write=2000, cache_read=4000)
    expected = (1000 * 3.0 + 500 * 15.0 + 2000 * 3.75 + 4000 * 0.3) / 1_000_000
    assert cost_usd(SONNET, usage) == pytest.approx(expected)


def test_no_price_costs_nothing() -> None:
    assert cost_usd(None, TokenUsage(input=10_000, output=10_000)) == 0.0


def test_price_is_found_by_requested_then_reported_model() -> None:
    prices = {"claude-x-20260101": SONNET}
    assert price_for(prices, ("claude-x", "claude-x-20260101")) is SONNET
    assert price_for(prices, ("llama3.1", "")) is None


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(0.0, "$0"), (0.00417, "$0.0042"), (0.9999, "$0.9999"), (12.345, "$12.35")],
)
def test_format(amount: float, shown: str) -> None:
    assert format_usd(amount) == shown


def test_prefix_reuse_is_priced_like_a_cache_read() -> None:
    usage = TokenUsage(input=100, output=50, reused=1000)
    assert cost_usd(SONNET, usage) == pytest.approx((100 * 3.0 + 50 * 15.0 + 1000 * 0.3) / 1e6)


def test_the_usage_line_names_both_models_and_calls_prefix_reuse_what_it_is() -> None:
    local = DraftResult(
        text="",
        backend="local",
        model="smollm2",
        server_model="/srv/models/SmolLM2-135M-Instruct.Q4_1.gguf",
        input_tokens=650,
        output_tokens=239,
        reused_tokens=1250,
    )
    claude = DraftResult(
        text="",
        backend="anthropic",
        model="claude-x",
        input_tokens=400,
        output_tokens=900,
        cache_read_tokens=1500,
        cost_usd=0.0162,
    )

    assert usage_line(local) == (
        "local / smollm2 (server: SmolLM2-135M-Instruct.Q4_1.gguf) · 650 in / 239 out"
        " / 1,250 reused by the server · $0"
    )
    assert usage_line(claude) == "anthropic / claude-x · 400 in / 900 out / 1,500 cached · $0.0162"
