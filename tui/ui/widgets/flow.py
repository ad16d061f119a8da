"""The flow line: one line above the key bar saying what the last action did and what comes
next ("Signed Dana Whitfield · SOAP daily note · next: James Okafor · 7 waiting"), fitted to
the width like the header, so a clinician moving through a day's notes never has to look for
where the cursor went or why."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from tui.ui.widgets.fitting import Part, fit_parts

SHOWN_SECONDS = 20.0
"""How long a summary stays; the next action replaces it sooner."""


class FlowLine(Widget):
    DEFAULT_CSS = """
    FlowLine {
        height: 1;
        display: none;
        background: $boost;
    }
    FlowLine.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[Part] = []
        self._style = ""
        self._timer: Timer | None = None

    @property
    def message(self) -> str:
        """The summary at its longest (what a test or a screen reader would read)."""
        return " · ".join(part[0] for part in self._parts)

    def say(self, parts: Sequence[Part], style: str = "bold") -> None:
        """Show a summary: its first part in `style`, the rest plain."""
        self._parts = [tuple(part) for part in parts if part]
        self._style = style
        self.add_class("-shown")
        self.refresh()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SHOWN_SECONDS, self.clear)

    def clear(self) -> None:
        self._parts = []
        self.remove_class("-shown")

    def render(self) -> Text:
        shown = fit_parts(self._parts, max(0, self.size.width - 2))
        line = Text(" ")
        for index, part in enumerate(shown):
            if index:
                line.append(" · ")
            line.append(part, self._style if index == 0 else "")
        return line
