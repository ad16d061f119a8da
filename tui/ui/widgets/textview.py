"""A scrollable view of one Rich Text, painted line by line.

Showing a new draft in a Static inside a scroll container re-lays-out the whole screen (~30 ms
on every j/k); this view wraps the text once per width into strips and updates only its own
scroll range, so moving the cursor repaints the lines on screen and nothing else.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class TextView(ScrollView, can_focus=True):
    """Arrows, PgUp/PgDn and Home/End scroll it when focused (ScrollableContainer's keys)."""

    DEFAULT_CSS = """
    TextView {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self.renderable: RenderableType = self.text
        self._lines: list[list[Segment]] = []
        self._strips: dict[int, Strip] = {}
        self._width = -1
        self._style: Style | None = None  # this view's style while it paints

    def set_text(self, text: RenderableType, *, home: bool = False) -> None:
        """Show `text` (any Rich renderable: the help screen shows tables), wrapped to the
        width; `text` is kept as `.text` when it is a Text."""
        self.renderable = text
        self.text = text if isinstance(text, Text) else Text()
        self._width = -1
        if home:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._wrap()
        self.refresh()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        console = self.app.console
        options = console.options.update(width=width, height=None, no_wrap=False)
        self._lines = console.render_lines(
            self.renderable, options, style=self.rich_style, pad=True
        )
        self._strips = {}
        self._width = width
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # Not through the reactive: `virtual_size` asks for a layout of the whole screen,
            # and this view's outer size never depends on its text (the scrollbar is always
            # shown), so updating the scroll range is all that is needed.
            self.set_reactive(TextView.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        self._width = -1
        self._wrap()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style  # once per paint, not once per line (it is not cheap)
        try:
            return super().render_lines(crop)
        finally:
            self._style = None

    def render_line(self, y: int) -> Strip:
        self._wrap()
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        style = self._style or self.rich_style
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, style)
        strip = self._strips.get(index)
        if strip is None:  # made when first painted: most lines of a long draft never are
            strip = self._strips[index] = Strip(self._lines[index], self._width)
        return strip.crop_extend(0, width, style)
