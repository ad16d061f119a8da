"""A model server inside the clinic, in llama-server's and Ollama's shapes, through the real SDK.

Each test runs against `tests.fakes.llama_server` or `tests.fakes.ollama_server` over real HTTP
on 127.0.0.1: what chartdesk asks the server before drafting, how it sizes the work to the
server's slots and shared context, what it refuses before anything is generated, and how it
reads the server's errors (by status and type, never by message text).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.drafting.conftest import (
    MODEL,
    PDF,
    PNG,
    SECOND_NOTE,
    backend,
    clinic,
    draft_error,
    note,
    prompt_for,
    scan,
)
from tests.fakes.anthropic_server import FakeAnthropic, Reply
from tests.fakes.llama_server import (
    CONTEXT_EXCEEDED,
    GGUF,
    NO_IMAGES,
    FakeLlama,
    fake_llama,
    prompt_tokens,
    routes,
)
from tests.fakes.ollama_server import FakeOllama
from tui.core.context import Price
from tui.core.drafting.base import Capacity, DraftingError, SizedBackend

__all__ = ["fake_llama"]

NO_DRAFT = ["GET /props", "POST /v1/messages/count_tokens"]


@pytest.fixture
def llama_8k() -> Iterator[FakeLlama]:
    with FakeLlama(n_ctx=8192) as server:
        yield server


def host(server: FakeAnthropic) -> str:
    return server.url.removeprefix("http://")


async def draft(server: FakeAnthropic, **settings: Any) -> Any:
    ctx = clinic(server.url, **settings)
    return await backend(ctx).draft(prompt_for(ctx), lambda _t: None)


async def failure(server: FakeAnthropic, the_prompt: Any = None, **settings: Any) -> DraftingError:
    return await draft_error(clinic(server.url, **settings), the_prompt)


# Knowing the server ---------------------------------------------------------------------------


async def test_the_server_is_asked_and_the_prompt_counted_before_the_note_is_sent(
    fake_llama: FakeLlama,
) -> None:
    result = await draft(fake_llama)

    assert routes(fake_llama.requests) == [*NO_DRAFT, "POST /v1/messages"]
    count = fake_llama.counts[0].body
    sent = fake_llama.messages[0].body
    assert (count["system"], count["messages"]) == (sent["system"], sent["messages"])
    assert result.text and result.stop_reason == "end_turn"


async def test_concurrency_follows_the_slots_and_the_shared_context(llama_8k: FakeLlama) -> None:
    ctx = clinic(llama_8k.url)
    drafter = backend(ctx)
    assert isinstance(drafter, SizedBackend)

    before = await drafter.capacity()
    await drafter.draft(prompt_for(ctx), lambda _t: None)
    after = await drafter.capacity()

    need = prompt_tokens(llama_8k.messages[0].body) + 2000
    assert before == Capacity(1, "llama-server: 4 slots, 8,192-token context, text only")
    assert after.limit == 8192 // need == 2, "two 3.5k-token drafts fit 8,192 tokens, not four"


async def test_all_four_slots_are_used_when_the_context_holds_four_drafts() -> None:
    with FakeLlama(n_ctx=32768, slots=4) as server:
        ctx = clinic(server.url)
        drafter = backend(ctx)
        await drafter.draft(prompt_for(ctx), lambda _t: None)

        assert (await drafter.capacity()).limit == 4


@pytest.mark.parametrize(
    "make", [lambda: FakeLlama(props=False), FakeAnthropic], ids=["llama", "bare"]
)
async def test_a_local_server_that_says_nothing_drafts_one_at_a_time(
    make: Callable[[], FakeAnthropic],
) -> None:
    with make() as server:
        ctx = clinic(server.url)
        drafter = backend(ctx)
        await drafter.draft(prompt_for(ctx), lambda _t: None)

        assert await drafter.capacity() == Capacity(1, "the server says nothing about its limits")


async def test_anthropic_sets_no_limit_of_its_own_and_is_never_probed() -> None:
    ctx = clinic("https://api.anthropic.com", baa_signed=True)
    drafter = backend(ctx, environ={"ANTHROPIC_API_KEY": "sk-test"})

    assert not drafter.route.local
    assert await drafter.capacity() == Capacity(None)


async def test_ollama_is_known_by_its_model_info_and_its_loaded_context() -> None:
    with FakeOllama(model=MODEL, num_ctx=8192, context_length=16384) as server:
        ctx = clinic(server.url)
        drafter = backend(ctx)
        await drafter.draft(prompt_for(ctx), lambda _t: None)
        info = drafter.server.last

    assert info is not None
    assert (info.kind, info.context, info.vision, info.slots) == ("ollama", 16384, False, None)
    assert [r.route for r in server.requests][:3] == ["/props", "/api/show", "/api/ps"]


# Refused before anything is generated ---------------------------------------------------------


async def test_a_note_too_large_for_the_context_is_refused_with_what_to_do() -> None:
    with FakeLlama(n_ctx=2048) as server:
        error = await failure(server)
        prompt = prompt_tokens(server.counts[0].body)

    assert not error.transient
    assert str(error) == (
        f"This note needs {prompt + 2000:,} tokens ({prompt:,} for the prompt and 2,000 for "
        "the answer); the server's context is 2,048: start it with -c 4096, or lower "
        f"max_tokens to {(2048 - prompt) // 256 * 256:,} or less ([model] max_tokens). "
        "Nothing was sent for drafting."
    )
    assert routes(server.requests) == NO_DRAFT


async def test_a_prompt_that_fits_only_without_the_answer_suggests_the_context_it_needs(
    fake_llama: FakeLlama,
) -> None:
    ctx = clinic(fake_llama.url)
    error = await failure(fake_llama, prompt_for(ctx, skill_id="pt_initial_eval"))

    assert "4,000 for the answer); the server's context is 4,096: start it with -c 8192" in str(
        error
    )
    assert fake_llama.messages == []


async def test_ollama_without_token_counting_is_sized_by_an_estimate() -> None:
    with FakeOllama(model=MODEL, num_ctx=2048) as server:
        error = await failure(server)

    assert str(error).startswith("This note needs about ")
    assert "set OLLAMA_CONTEXT_LENGTH=4096 (or num_ctx 4096 in the model's Modelfile)" in str(error)
    assert server.messages == []


async def test_a_scan_for_a_text_only_model_fails_at_once_in_the_servers_words(
    fake_llama: FakeLlama,
) -> None:
    ctx = clinic(fake_llama.url)
    png = prompt_for(ctx, scan(PNG, "2026-11-04_reyes-marisol_soap.png"))
    error = await failure(fake_llama, png)

    assert not error.transient
    assert str(error) == (
        f"{host(fake_llama)} cannot read scans: its model takes text only (the server says: "
        f'"{NO_IMAGES}"). Use a model that reads images (for llama-server, a vision model '
        "started with its --mmproj projector), or draft scans with the offline drafter "
        '([model] provider = "offline").'
    )
    assert fake_llama.messages == [], "refused when counting, before any generation"
    assert len(fake_llama.counts) == 1, "not retried"


async def test_a_scan_for_a_vision_model_is_drafted() -> None:
    with FakeLlama(vision=True, n_ctx=8192) as server:
        ctx = clinic(server.url)
        result = await backend(ctx).draft(
            prompt_for(ctx, scan(PNG, "2026-11-04_reyes-marisol_soap.png")), lambda _t: None
        )

    assert result.text
    assert server.messages[0].content[0]["type"] == "image"


async def test_ollama_reporting_no_vision_refuses_a_scan_without_sending_it() -> None:
    with FakeOllama(model=MODEL) as server:
        ctx = clinic(server.url)
        error = await failure(server, prompt_for(ctx, scan(PNG, "2026-11-04_reyes-marisol.png")))

    assert "cannot read scans: its model takes text only (the server reports no image input)" in (
        str(error)
    )
    assert server.messages == []


# The server's errors, in its own shapes ------------------------------------------------------


async def test_the_context_exhausted_mid_stream_is_an_interrupted_overload(
    fake_llama: FakeLlama,
) -> None:
    fake_llama.reply(Reply(error_after=3, error_message=CONTEXT_EXCEEDED))
    error = await failure(fake_llama)

    assert error.transient and error.overload
    assert str(error) == (
        f'Interrupted mid-draft: {host(fake_llama)} reported "scripted mid-stream error" '
        "(server_error)."
    )
    assert error.usage is not None and error.usage.output_tokens == 3
    assert error.usage.input_tokens == prompt_tokens(fake_llama.messages[0].body)


async def test_two_clients_overflowing_the_shared_context_both_fail_as_overloaded() -> None:
    """The fake fails every running stream once the shared context overflows, as llama-server
    does: two drafters (two clinics, say) whose drafts each fit alone do not fit together (the
    two prompts and one answer already overflow, whichever stream runs ahead)."""
    reply = Reply(text="word " * 300, chunk_size=5)
    with FakeLlama(n_ctx=3300, together=2, default=reply) as s:
        contexts = [clinic(s.url, max_tokens=300), clinic(s.url, max_tokens=300)]
        results = await asyncio.gather(
            *(backend(ctx).draft(prompt_for(ctx), lambda _t: None) for ctx in contexts),
            return_exceptions=True,
        )

    assert s.overflows == 1
    assert all(isinstance(r, DraftingError) and r.overload for r in results)
    assert all(f'reported "{CONTEXT_EXCEEDED}" (server_error)' in str(r) for r in results)


async def test_drafts_sharing_one_backend_wait_for_room_and_never_overflow() -> None:
    """Three notes at once on a server whose context holds one: each waits its turn."""
    text = "word " * 200
    with FakeLlama(n_ctx=4000, together=2, hold_seconds=0.5, default=Reply(text=text)) as s:
        ctx = clinic(s.url)
        drafter = backend(ctx)
        notes = [note(), note(SECOND_NOTE, "2026-11-03_okafor-james_soap.txt"), note()]
        results = await asyncio.gather(
            *(drafter.draft(prompt_for(ctx, each), lambda _t: None) for each in notes)
        )

    assert [r.text for r in results] == [text] * 3
    assert (s.overflows, s.most_streams) == (0, 1)
    assert s.most_in_use <= 4000


async def test_an_image_error_from_a_server_that_said_nothing_is_a_server_error() -> None:
    """Without /props nothing says the model is text only: a 500 is then an ordinary server
    failure, retried, with the server's words (they name no patient)."""
    with FakeLlama(props=False) as server:
        ctx = clinic(server.url)
        error = await failure(server, prompt_for(ctx, scan(PNG, "2026-11-04_reyes-marisol.png")))

    assert error.transient and not error.overload
    assert (
        str(error)
        == f'The model server {host(server)} failed (HTTP 500: server_error, "{NO_IMAGES}").'
    )


async def test_a_prompt_over_the_context_of_a_silent_server_is_refused_in_its_numbers() -> None:
    """No /props, no count: the server's own exceed_context_size_error gives the numbers."""
    with FakeLlama(n_ctx=1024, props=False, counts=False) as server:
        error = await failure(server)
        prompt = prompt_tokens(server.messages[0].body)

    assert not error.transient
    assert str(error).startswith(
        f"This note needs {prompt + 2000:,} tokens ({prompt:,} for the prompt and 2,000 for the "
        "answer); the server's context is 1,024: give it a context of at least 4096 tokens"
    )


@pytest.mark.parametrize(
    ("status", "transient", "overload", "words"),
    [
        (503, True, True, "is not ready for requests (HTTP 503: unavailable_error"),
        (501, False, False, "does not support this request (HTTP 501: not_supported_error"),
        (400, False, False, "rejected the request (HTTP 400: invalid_request_error)."),
        (404, False, False, "Model 'claude-test-1' was not found on"),
    ],
)
async def test_llama_server_errors_are_classified_by_status_and_type(
    fake_llama: FakeLlama, status: int, transient: bool, overload: bool, words: str
) -> None:
    fake_llama.reply(Reply(status=status, error_message="Loading model"))
    error = await failure(fake_llama)

    assert (error.transient, error.overload) == (transient, overload)
    assert words in str(error)
    assert "retry" not in str(error).lower(), "only the caller knows whether it retries"


async def test_a_server_message_that_echoes_the_note_is_never_quoted(
    fake_llama: FakeLlama,
) -> None:
    fake_llama.reply(Reply(status=500, error_message="failed near: Dana Whitfield knee pain"))
    error = await failure(fake_llama)

    assert str(error) == f"The model server {host(fake_llama)} failed (HTTP 500: server_error)."


# Accounting ------------------------------------------------------------------------------------


async def test_the_configured_model_is_shown_with_the_servers_and_prefix_reuse_is_not_a_cache(
    fake_llama: FakeLlama,
) -> None:
    ctx = clinic(fake_llama.url, prices={MODEL: Price(1.0, 2.0, 0.0, 0.1)})
    drafter = backend(ctx)
    first = await drafter.draft(prompt_for(ctx), lambda _t: None)
    second = await drafter.draft(
        prompt_for(ctx, note(SECOND_NOTE, "2026-11-03_okafor-james_soap.txt")), lambda _t: None
    )

    assert (first.model, first.server_model) == (MODEL, GGUF)
    assert first.reused_tokens == 0 and second.reused_tokens > 0
    assert (second.cache_read_tokens, second.cache_write_tokens) == (0, 0)
    assert second.input_tokens + second.reused_tokens == prompt_tokens(fake_llama.messages[1].body)
    assert second.cost_usd == pytest.approx(
        (second.input_tokens * 1.0 + second.output_tokens * 2.0 + second.reused_tokens * 0.1) / 1e6
    )


async def test_a_local_model_with_no_price_costs_nothing(fake_llama: FakeLlama) -> None:
    result = await draft(fake_llama)

    assert result.cost_usd == 0.0 and result.input_tokens > 0


async def test_the_system_blocks_read_right_when_a_server_joins_them(
    fake_llama: FakeLlama,
) -> None:
    """llama-server concatenates system text blocks with nothing between them."""
    ctx = clinic(fake_llama.url)
    await backend(ctx).draft(prompt_for(ctx), lambda _t: None)
    first, second = (block["text"] for block in fake_llama.messages[0].system)
    joined = first + second

    assert first.endswith("\n\n") and not first.endswith("\n\n\n")
    assert joined.index("You are an experienced") == len(first)
    assert joined[len(first) - 2 : len(first) + 3] == "\n\nYou"


async def test_a_server_restarted_with_a_smaller_context_is_seen_at_the_next_draft(
    llama_8k: FakeLlama,
) -> None:
    ctx = clinic(llama_8k.url)
    drafter = backend(ctx)
    await drafter.draft(prompt_for(ctx), lambda _t: None)
    llama_8k.n_ctx = 2048  # restarted with -c 2048

    with pytest.raises(DraftingError, match="the server's context is 2,048: start it with -c 4096"):
        await drafter.draft(prompt_for(ctx), lambda _t: None)
    assert len(llama_8k.messages) == 1


async def test_a_pdf_scan_is_never_sent_to_llama_server_which_would_drop_it() -> None:
    """llama-server converts image blocks and silently drops document blocks: a model there
    would draft a session from the instructions alone."""
    with FakeLlama(vision=True, n_ctx=8192) as server:
        ctx = clinic(server.url)
        error = await failure(server, prompt_for(ctx, scan(PDF, "2026-11-04_reyes-marisol.pdf")))

    assert not error.transient
    assert "cannot read PDF scans: llama-server drops PDF documents" in str(error)
    assert server.messages == []
