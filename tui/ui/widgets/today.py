"""The "today" panel: drafted, signed, waiting, time to signature, share of drafted text kept,
and the day's model cost; one line that wraps on a phone."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.cost import format_usd
from tui.core.review.stats import TodayFigures, format_duration


def today_text(figures: TodayFigures) -> Text:
    kept = "–" if figures.kept_share is None else f"{figures.kept_share:.0%}"
    parts = [
        f"{figures.drafted} drafted",
        f"{figures.signed} signed",
        f"{figures.waiting} waiting",
        f"{format_duration(figures.median_to_sign_s)} to sign",
        f"{kept} kept",
        format_usd(figures.cost_usd),
    ]
    return Text.assemble(("Today ", "bold"), " · ".join(parts))


class TodayBar(Static):
    """Filled by the screen from a worker thread (the figures read the store and diff texts)."""

    def show(self, figures: TodayFigures) -> None:
        self.update(today_text(figures))
