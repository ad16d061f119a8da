"""Admission to one model server by slots and shared context, first come first served."""

from __future__ import annotations

import asyncio
import contextlib

from tui.core.drafting.budget import ServerBudget


async def _hold(
    budget: ServerBudget, need: int, log: list[str], name: str, go: asyncio.Event
) -> None:
    async with budget.reserve(need):
        log.append(f"+{name}")
        await go.wait()
        log.append(f"-{name}")


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_drafts_that_fit_the_context_together_run_together() -> None:
    budget = ServerBudget(slots=4, tokens=8000)
    log: list[str] = []
    go = asyncio.Event()
    tasks = [asyncio.create_task(_hold(budget, 3500, log, n, go)) for n in "ab"]
    await _settle()

    assert log == ["+a", "+b"] and (budget.busy, budget.reserved) == (2, 7000)
    go.set()
    await asyncio.gather(*tasks)
    assert (budget.busy, budget.reserved) == (0, 0)


async def test_a_draft_that_does_not_fit_waits_for_room_in_order() -> None:
    budget = ServerBudget(slots=4, tokens=4096)
    log: list[str] = []
    gates = {name: asyncio.Event() for name in "abc"}
    tasks = [asyncio.create_task(_hold(budget, 3500, log, n, gates[n])) for n in "abc"]
    await _settle()
    assert log == ["+a"] and budget.waiting == 2

    gates["a"].set()
    await _settle()
    assert log == ["+a", "-a", "+b"]
    gates["b"].set()
    gates["c"].set()
    await asyncio.gather(*tasks)
    assert log == ["+a", "-a", "+b", "-b", "+c", "-c"]


async def test_slots_bound_drafts_even_when_tokens_are_plenty() -> None:
    budget = ServerBudget(slots=2, tokens=None)
    log: list[str] = []
    go = asyncio.Event()
    tasks = [asyncio.create_task(_hold(budget, 10, log, n, go)) for n in "abc"]
    await _settle()

    assert log == ["+a", "+b"] and budget.waiting == 1
    go.set()
    await asyncio.gather(*tasks)


async def test_a_draft_alone_is_admitted_whatever_its_size() -> None:
    """One that cannot fit even alone was refused before it asked."""
    budget = ServerBudget(slots=1, tokens=100)
    async with budget.reserve(500):
        assert budget.busy == 1


async def test_a_cancelled_waiter_gives_its_place_to_the_next() -> None:
    budget = ServerBudget(slots=1, tokens=None)
    log: list[str] = []
    gates = {name: asyncio.Event() for name in "abc"}
    tasks = {n: asyncio.create_task(_hold(budget, 1, log, n, gates[n])) for n in "abc"}
    await _settle()
    tasks["b"].cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await tasks["b"]
    gates["a"].set()
    gates["c"].set()
    await asyncio.gather(tasks["a"], tasks["c"])

    assert log == ["+a", "-a", "+c", "-c"]
    assert (budget.busy, budget.reserved, budget.waiting) == (0, 0, 0)


async def test_new_limits_let_waiters_in() -> None:
    budget = ServerBudget(slots=1, tokens=None)
    log: list[str] = []
    go = asyncio.Event()
    tasks = [asyncio.create_task(_hold(budget, 1, log, n, go)) for n in "ab"]
    await _settle()
    assert log == ["+a"]

    budget.configure(slots=2, tokens=None)
    await _settle()
    assert log == ["+a", "+b"]
    go.set()
    await asyncio.gather(*tasks)
