"""The "today" panel: what the clinic drafted and signed today, and how much drafted text the
clinicians kept — the clinic's own measure of how good its Skills are.

Figures come from the store only (drafts, versions, approvals), never from the audit log, and
"today" is the local calendar day of the machine the review session runs on.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from tui.core.records.store import Store

_WORD: Final = re.compile(r"\S+")


@dataclass(frozen=True)
class TodayFigures:
    drafted: int
    signed: int
    waiting: int
    median_to_sign_s: float | None
    kept_share: float | None
    cost_usd: float
    tokens: int
    undelivered: int = 0
    """Signed drafts whose delivery to the EHR still waits or failed (any day)."""


def day_bounds(day: date) -> tuple[str, str]:
    """The local day as a half-open UTC interval, in the store's timestamp format."""
    start = datetime.combine(day, time.min).astimezone()
    end = start + timedelta(days=1)
    return _stamp(start), _stamp(end)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def kept_words(drafted: str, signed: str) -> tuple[int, int]:
    """(words of the drafted text kept unchanged in the signed text, words drafted)."""
    a = _WORD.findall(drafted)
    b = _WORD.findall(signed)
    if not a:
        return 0, 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(a)


def kept_share(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Share of drafted words kept, over all documents (weighted by length)."""
    kept = total = 0
    for drafted, signed in pairs:
        k, n = kept_words(drafted, signed)
        kept += k
        total += n
    return kept / total if total else None


def today_figures(store: Store, day: date) -> TodayFigures:
    start, end = day_bounds(day)
    drafted, cost, tokens = store.drafted_between(start, end)
    signings = store.signed_between(start, end)
    waits = []
    for signing in signings:
        if signing.ready_at:
            ready = datetime.fromisoformat(signing.ready_at)
            signed = datetime.fromisoformat(signing.signed_at)
            waits.append(max(0.0, (signed - ready).total_seconds()))
    pairs = [(s.drafted_text, s.signed_text) for s in signings if s.drafted_text]
    return TodayFigures(
        drafted=drafted,
        signed=len(signings),
        waiting=store.counts(("ready",)).get("ready", 0),
        median_to_sign_s=statistics.median(waits) if waits else None,
        kept_share=kept_share(pairs),
        cost_usd=cost,
        tokens=tokens,
        undelivered=store.undelivered_drafts(),
    )


def format_duration(seconds: float | None) -> str:
    """A wait as a clinician reads it: 45s, 3m, 1h05."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours}h{rest // 60:02d}"
