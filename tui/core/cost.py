"""What a draft cost, from the token usage a model server reports and context.toml's prices.

Prices are per million tokens and kept per model in context.toml, so a price change or a new
model is a config edit. The token kinds are billed separately: `input_tokens` counts only the
uncached part of the prompt, cache writes and reads are reported on their own. `reused` is a
local server's reuse of a prompt prefix it still held from an earlier request (llama-server
reports it as ``cache_read_input_tokens``): not prompt caching, but work the server did not
do again, so it is priced like a cache read of the clinic's configured price for the model.
A model with no configured price costs nothing (a server in the clinic bills no tokens).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from tui.core.context import Price

PER_MILLION = 1_000_000


@dataclass(frozen=True)
class TokenUsage:
    input: int = 0
    output: int = 0
    cache_write: int = 0
    cache_read: int = 0
    reused: int = 0


def price_for(prices: Mapping[str, Price], models: Iterable[str]) -> Price | None:
    """The first model id (requested, then reported) that has a price; None for no price."""
    for model in models:
        if model and model in prices:
            return prices[model]
    return None


def cost_usd(price: Price | None, usage: TokenUsage) -> float:
    """USD for one request; 0.0 without a price (a local model server costs nothing per token)."""
    if price is None:
        return 0.0
    total = (
        usage.input * price.input
        + usage.output * price.output
        + usage.cache_write * price.cache_write
        + (usage.cache_read + usage.reused) * price.cache_read
    )
    return total / PER_MILLION


def format_usd(amount: float) -> str:
    """A cost as the review app shows it: cents for a day, fractions of a cent for one draft."""
    if amount == 0:
        return "$0"
    return f"${amount:.2f}" if amount >= 1 else f"${amount:.4f}"


class Usage(Protocol):
    """What a draft or a drafting result records of the model that made it and its usage."""

    @property
    def backend(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def server_model(self) -> str: ...
    @property
    def input_tokens(self) -> int: ...
    @property
    def output_tokens(self) -> int: ...
    @property
    def cache_write_tokens(self) -> int: ...
    @property
    def cache_read_tokens(self) -> int: ...
    @property
    def reused_tokens(self) -> int: ...
    @property
    def cost_usd(self) -> float: ...


def usage_line(usage: Usage) -> str:
    """Backend, model, tokens and cost as one short line: the configured model id, with what
    the server called it when that differs (a path shown by its file name), and a local
    server's prefix reuse named as such, never as a cache read."""
    model = usage.model
    if usage.server_model:
        model += f" (server: {usage.server_model.rstrip('/').rsplit('/', 1)[-1]})"
    parts = [usage.backend + (f" / {model}" if model else "")]
    if usage.input_tokens + usage.output_tokens:
        cached = usage.cache_read_tokens + usage.cache_write_tokens
        parts.append(
            f"{usage.input_tokens:,} in / {usage.output_tokens:,} out"
            + (f" / {cached:,} cached" if cached else "")
            + (f" / {usage.reused_tokens:,} reused by the server" if usage.reused_tokens else "")
        )
    if usage.backend:
        parts.append(format_usd(usage.cost_usd))
    return " · ".join(part for part in parts if part)
