"""`BackgroundExecutor`: blocking calls off the loop that cannot keep the process alive.

A call that never returns (here: one waiting on an event nobody sets until the end) must not
make `asyncio.run` wait at shutdown, and must not make the interpreter wait at exit; ordinary
calls work as with the standard executor.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest

from tui.core.background import BackgroundExecutor, use_background_executor


async def test_results_and_errors_come_back_through_to_thread() -> None:
    use_background_executor()

    assert await asyncio.to_thread(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        await asyncio.to_thread(lambda: 1 / 0)


def test_shutdown_does_not_wait_for_a_call_that_never_ends() -> None:
    release = threading.Event()
    executor = BackgroundExecutor(grace=0.05)
    stuck = executor.submit(release.wait)
    try:
        executor.shutdown(wait=True)
        assert not stuck.done(), "shutdown returned while the call still runs"
        with pytest.raises(RuntimeError):
            executor.submit(print)
    finally:
        release.set()
    assert stuck.result(timeout=10) is True


def test_a_process_ends_although_a_call_still_blocks() -> None:
    """asyncio.run and the interpreter's exit both let the stuck thread go."""
    script = (
        "import asyncio, threading\n"
        "from tui.core.background import use_background_executor\n"
        "async def main():\n"
        "    use_background_executor(0.05)\n"
        "    asyncio.get_running_loop().run_in_executor(None, threading.Event().wait)\n"
        "    await asyncio.sleep(0)\n"
        "asyncio.run(main())\n"
        "print('ended')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ended"
