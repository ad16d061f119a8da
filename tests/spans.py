"""The spans of a search's matches: the fast-path property tests compare a rewritten pattern
with its plain form by where each match starts and ends."""

from __future__ import annotations

import re
from collections.abc import Iterable


def spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """Where each match starts and ends, in order."""
    return [match.span() for match in found]
