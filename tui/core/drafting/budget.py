"""Admission to one model server: no more drafts at once than it has slots, and no more tokens
than its shared context holds.

llama-server's default runs 4 slots on one context: four drafts of 2,000 prompt tokens and
2,000 answer tokens each do not fit in 4,096, and when the cache fills it fails *every* running
request at once ("Context size has been exceeded"). So each draft reserves what it can grow to
(its prompt plus its max_tokens) before it is sent, and waits, first come first served, until
the server has room. A draft alone on the server is always admitted: one that cannot fit even
then was refused before it got here.

Waiters are plain futures resolved on their own loop, so a budget shared by drafts run in
different event loops (`asyncio.run` per draft) still works.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field


@dataclass
class _Waiter:
    need: int
    future: asyncio.Future[None] = field(repr=False)
    admitted: bool = False


class ServerBudget:
    """Slots and context tokens in use on one server."""

    def __init__(self, slots: int = 1, tokens: int | None = None) -> None:
        self.slots = max(1, slots)
        self.tokens = tokens
        self.busy = 0
        self.reserved = 0
        self._waiting: deque[_Waiter] = deque()

    def configure(self, slots: int, tokens: int | None) -> None:
        """New limits (the server was asked again); waiters that now fit go ahead."""
        self.slots = max(1, slots)
        self.tokens = tokens
        self._admit()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def fits(self, need: int) -> bool:
        if self.busy == 0:
            return True
        if self.busy >= self.slots:
            return False
        return self.tokens is None or self.reserved + need <= self.tokens

    @contextlib.asynccontextmanager
    async def reserve(self, need: int) -> AsyncIterator[None]:
        """Hold a slot and `need` tokens for the duration of the block."""
        await self._acquire(need)
        try:
            yield
        finally:
            self._release(need)

    async def _acquire(self, need: int) -> None:
        if not self._waiting and self.fits(need):
            self._take(need)
            return
        waiter = _Waiter(need, asyncio.get_running_loop().create_future())
        self._waiting.append(waiter)
        try:
            await waiter.future
        except asyncio.CancelledError:
            if waiter.admitted:
                self._release(need)  # admitted just as it was cancelled: give it back
            else:
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)
                self._admit()
            raise

    def _take(self, need: int) -> None:
        self.busy += 1
        self.reserved += need

    def _release(self, need: int) -> None:
        self.busy = max(0, self.busy - 1)
        self.reserved = max(0, self.reserved - need)
        self._admit()

    def _admit(self) -> None:
        while self._waiting and self.fits(self._waiting[0].need):
            waiter = self._waiting.popleft()
            loop = waiter.future.get_loop()
            if waiter.future.done() or loop.is_closed():
                continue
            self._take(waiter.need)
            waiter.admitted = True
            loop.call_soon_threadsafe(_resolve, waiter.future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
