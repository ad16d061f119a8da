"""The key bar: the keys the focused screen answers to, on one line at the bottom.

Textual's Footer mounts one widget per key and fills itself in a few frames after the screen's
first (it waits for the first bindings update, then recomposes); on the review queue that was
80 ms of the start-up the speed target counts. The key bar is one widget that renders
`Screen.active_bindings` in every frame, from the first. Keys are clickable (a click presses
the key), and the help key stays at the right end so a 60-column phone screen always shows
where to find the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Final, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

PINNED: Final = frozenset({"help"})
"""Binding ids kept at the right end whatever the width."""
GAP: Final = "  "


class Key(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    pinned: bool


def shown_keys(bindings: list[tuple[Binding, bool]], display: dict[str, str]) -> list[Key]:
    """The bindings to show, one per action (the first key bound to it), in binding order.
    `display` maps a key to how the app shows it (remapped and prettified)."""
    seen: set[str] = set()
    keys = []
    for binding, enabled in bindings:
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        keys.append(
            Key(binding.key, display[binding.key], binding.description, enabled,
                binding.id in PINNED)
        )  # fmt: skip
    return keys


class KeyBar(Widget):
    """The keys of the focused screen; clicking one presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def keys(self) -> list[Key]:
        """What the bar shows now: the active bindings of this screen and the app."""
        bindings = [(binding, enabled) for _node, binding, enabled, _tip
                    in self.screen.active_bindings.values()]  # fmt: skip
        display = {binding.key: self.app.get_key_display(binding) for binding, _ in bindings}
        return shown_keys(bindings, display)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        keys = self.keys()
        right = self._assemble([key for key in keys if key.pinned], key_style, description_style)
        width = self.size.width
        room = max(0, width - right.cell_len - (len(GAP) if right else 0))
        # Whole keys only: those that do not fit are left out (help lists them all), never
        # one cut to "q qu…".
        unpinned = [key for key in keys if not key.pinned]
        left = self._assemble(unpinned, key_style, description_style)
        while unpinned and left.cell_len > room:
            unpinned.pop()
            left = self._assemble(unpinned, key_style, description_style)
        left.pad_right(max(0, width - left.cell_len - right.cell_len))
        return Text.assemble(left, right, no_wrap=True, end="")

    @staticmethod
    def _assemble(keys: list[Key], key_style: Style, description_style: Style) -> Text:
        """ " ⏎ open  e edit " with each key's styles (dim when disabled) and its click."""
        text = Text(no_wrap=True, end="")
        for index, key in enumerate(keys):
            # A disabled key is shown dimmed and does nothing when clicked.
            action = {"@click": f"app.simulate_key({key.key!r})"} if key.enabled else {}
            click = Style.from_meta(action)
            dim = Style(dim=not key.enabled)
            text.append(GAP if index else " ")
            text.append(key.display, key_style + dim + click)
            text.append(" ", click)
            text.append(key.description, description_style + dim + click)
        if keys:
            text.append(" ")
        return text
