"""Blocking work off the event loop that never keeps a quitting process alive.

`asyncio.to_thread` and Textual's thread workers run on the loop's default executor, and
`asyncio.run` waits for every call in it before the process may end; a check stuck on a slow
file, a lock or the network then keeps chartdesk alive long after ctrl+q or SIGTERM, holding
the terminal the clinician is back at. `BackgroundExecutor` runs each call on a daemon thread
and, when the loop shuts down, waits a short grace for calls still running, then lets the
process go. What such a call was doing is safe to drop: store writes are SQLite transactions,
audit entries are appended whole or recovered, and interrupted drafts are resumed on restart.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Final, ParamSpec, TypeVar

DEFAULT_GRACE_SECONDS: Final = 1.0
P = ParamSpec("P")
T = TypeVar("T")


class BackgroundExecutor(ThreadPoolExecutor):
    """One daemon thread per call; `shutdown` waits at most `grace` seconds in all.

    A ThreadPoolExecutor by type only (asyncio accepts nothing else as a default executor):
    it replaces `submit` and `shutdown`, so none of the pool's threads, which the interpreter
    joins at exit, is ever started.
    """

    def __init__(self, grace: float = DEFAULT_GRACE_SECONDS) -> None:
        super().__init__(max_workers=1, thread_name_prefix="chartdesk-work")
        self.grace = grace
        self._running: set[threading.Thread] = set()
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new work after shutdown")
            thread = threading.Thread(
                target=self._run, args=(future, fn, args, kwargs), name="chartdesk-work",
                daemon=True,
            )  # fmt: skip
            self._running.add(thread)
        thread.start()
        return future

    def _run(self, future: Future[Any], fn: Callable[..., Any], args: Any, kwargs: Any) -> None:
        try:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
        finally:
            with self._lock:
                self._running.discard(threading.current_thread())

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """No new work; with `wait`, give running calls up to `grace` seconds, then return
        whether or not they finished (their daemon threads end with the process)."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        if not wait:
            return
        deadline = time.monotonic() + self.grace
        for thread in running:
            thread.join(max(0.0, deadline - time.monotonic()))


def use_background_executor(grace: float = DEFAULT_GRACE_SECONDS) -> None:
    """Make a `BackgroundExecutor` the running loop's default executor."""
    asyncio.get_running_loop().set_default_executor(BackgroundExecutor(grace))
