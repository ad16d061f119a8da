"""The day's figures in plain words: notes drafted and signed today, how long a draft waited
for its signature (median), how much of the drafted text the clinicians kept, and what the
model cost. One line at every width: long forms where there is room, short ones on a phone;
a figure with nothing behind it yet (no signature today) is left out rather than shown as "–".
The help screen (?) explains each."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.core.cost import format_usd
from tui.core.review.stats import TodayFigures
from tui.ui.widgets.fitting import Part, fit_parts


def spoken_duration(seconds: float) -> str:
    """A wait in words: 45 s, 12 min, 1 h 05."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d}"


def today_parts(figures: TodayFigures) -> list[Part]:
    """The figures, most important first, each longest form first."""
    done = f"{figures.drafted} drafted, {figures.signed} signed"
    parts: list[Part] = [(f"Today: {done}", f"Today {done}", done)]
    if figures.undelivered:
        count = figures.undelivered
        notes = "note" if count == 1 else "notes"
        parts.append((f"{count} signed {notes} not yet in the EHR", f"{count} undelivered"))
    if figures.median_to_sign_s is not None:
        wait = spoken_duration(figures.median_to_sign_s)
        parts.append((f"signed {wait} after drafting (median)", f"{wait} to sign"))
    if figures.kept_share is not None:
        kept = f"{figures.kept_share:.0%}"
        parts.append((f"{kept} of drafted words kept", f"{kept} kept"))
    if figures.cost_usd:
        cost = format_usd(figures.cost_usd)
        parts.append((f"{cost} model cost", cost))
    return parts


def today_text(figures: TodayFigures, width: int = 1000) -> Text:
    shown = fit_parts(today_parts(figures), max(0, width - 2))
    line = Text(" ")
    for index, part in enumerate(shown):
        if index:
            line.append(" · ")
        if index == 0 and part.startswith("Today"):
            line.append("Today", "bold")
            line.append(part[len("Today") :])
        else:
            line.append(part)
    return line


class TodayBar(Widget):
    """Filled by the screen from a worker thread (the figures read the store and diff texts)."""

    DEFAULT_CSS = """
    TodayBar {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figures: TodayFigures | None = None

    def show(self, figures: TodayFigures | None) -> None:
        self._figures = figures
        self.refresh()

    def render(self) -> Text:
        if self._figures is None:
            return Text("")
        return today_text(self._figures, self.size.width)
