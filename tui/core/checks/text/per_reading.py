"""What a reader works out once per line of the note being read, kept only while it is read.

Some readers ask the same question of one line once per value on it (which list holds this
value, whether each list on the line follows a name of its own). A cache keyed on the whole
note would keep every note a long-running process ever read; this memo lives for one
extraction (`reading`) and is dropped with it, so the answers are found once per line and no
note text outlives its reading. Outside a reading, each question is answered afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar, cast

Value = TypeVar("Value")

# Per thread and per task (the drafting worker reads notes in threads), so two readings never
# share a memo.
_MEMO: ContextVar[dict[Hashable, object] | None] = ContextVar("per_reading_memo", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """Open a memo for one extraction; a reading nested in another shares the outer memo (its
    keys hold the text they were asked of, so two texts never mix)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(key: Hashable, work: Callable[[], Value]) -> Value:
    """`work()`, found once per `key` within the current reading (every time outside one)."""
    memo = _MEMO.get()
    if memo is None:
        return work()
    if key in memo:
        return cast(Value, memo[key])
    value = work()
    memo[key] = value
    return value
