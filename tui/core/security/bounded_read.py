"""Reading a file chartdesk was pointed at: a regular file, and never more than a limit.

Every file chartdesk reads on someone's say-so (a note in the inbox, a file named on the command
line, context.toml, a Skill, an API key file) goes through `read_bounded`, so a path that is
really ``/dev/zero``, a named pipe or a multi-gigabyte file fails at once with one line instead
of reading without end or waiting for a writer.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

DEFAULT_MAX_BYTES: Final = 2 * 1024 * 1024  # the inbox's default ([intake] max_file_mb = 2)
_CHUNK: Final = 1024 * 1024


class FileRefused(Exception):
    """The file exists but is not read: not a regular file, or over the limit. The message is
    the one-line reason (without the path, which the caller names)."""


class SymlinkRefused(FileRefused):
    """A symlink where the caller reads only real files (the inbox)."""


def read_bounded(path: Path, max_bytes: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them.

    Opened non-blocking, so a named pipe is refused rather than waited on; the size is checked
    before reading and again after (a file that grows meanwhile is still refused). OSError
    (missing, permission denied…) propagates for the caller to word.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise SymlinkRefused("symlink: refused, never followed") from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise FileRefused(too_big(info.st_size, max_bytes))
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise FileRefused(too_big(size, max_bytes))
    return b"".join(chunks)


def too_big(size: int, max_bytes: int) -> str:
    return f"too large ({_amount(size)}, over the {_amount(max_bytes)} limit)"


def _amount(size: int) -> str:
    if size < 1_048_576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1_048_576:.1f} MB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
