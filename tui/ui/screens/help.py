"""Help for the screen you are on: its own keys first, then the keys that work everywhere, each
with what it does and the id a clinic remaps it by in context.toml; on the review queue, also
what the header's words and the queue's columns mean. Generated from the keymap table with the
clinic's remaps applied, so it can never drift from what the keys do.

Descriptions wrap under themselves (a two-column grid), so a 60-column phone reads whole words;
it scrolls like any text view."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from tui.ui.keymap import Scope, bindings_for, help_sections, scopes_of
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.textview import TextView

NOTE: Final = (
    "Arrows, PgUp/PgDn and Home/End move inside the focused list or text. Remap a key by the "
    'id in brackets, in context.toml: [ui.keys] approve = "A".'
)
# What the review screen's header and queue say, in the words they use.
QUEUE_WORDS: Final[Sequence[tuple[str, str]]] = (
    ("N waiting for review", "drafts ready for you to read, edit and sign (status ● ready)."),
    ("N failed", "notes that could not be drafted; the draft pane says why."),
    ("N being drafted", "notes the drafter is working on now."),
    ("drafts here", "this window drafts the notes dropped in inbox/."),
    (
        "drafted elsewhere",
        "another chartdesk (a window or `chartdesk watch`) drafts them; "
        "this one takes over if it stops.",
    ),
    ("Today: drafted, signed", "drafts made and documents signed since midnight."),
    ("to sign", "median time from a draft being ready to its signature, today."),
    (
        "kept",
        "share of the drafted words still in today's signed documents: how much of "
        "each draft the clinicians accepted.",
    ),
    ("model cost", "what today's drafting cost with the clinic's model (offline is free)."),
    (
        "Checks",
        "clean: nothing open. N missing: facts of the note the text leaves out; N "
        "unsupported: values the note does not support; N audit: billing findings; not doc: "
        "sections left [not documented]; checking…: this version is being checked.",
    ),
    (
        "Status",
        "● ready  ✓ signed  ✗ failed  – rejected  ↷ replaced (by a newer draft of "
        "the visit)  … queued or drafting.",
    ),
    ("Queue", "open work and the last 30 days; / also finds older documents in the store."),
)


def screen_scopes(screen: Screen[object]) -> list[Scope]:
    """The keymap scopes of a screen and of the widgets in it (the review queue's filter)."""
    ids: list[str] = []
    for node in (screen, *screen.walk_children()):
        for binding in getattr(type(node), "BINDINGS", ()):
            binding_id = getattr(binding, "id", None)
            if binding_id:
                ids.append(binding_id)
    return scopes_of(ids)


def _grid(rows: Iterable[tuple[str, RenderableType]], key_width: int) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=key_width, no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for key, text in rows:
        grid.add_row(Text(key), text)  # Text, never markup: "[not documented]" is words
    return grid


def help_text(
    scopes: Sequence[Scope], keymap: Mapping[str, str], *, queue_words: bool = False
) -> RenderableType:
    """Every section of the help for one screen, as one renderable."""
    sections = help_sections(scopes, keymap)
    key_width = min(14, max(len(keys) for _title, rows in sections for keys, _d, _i in rows))
    parts: list[RenderableType] = []
    for index, (title, rows) in enumerate(sections):
        heading = f"{title} (this screen)" if index == 0 and title != "Everywhere" else title
        parts.append(Text(("" if not index else "\n") + heading, style="bold underline"))
        parts.append(
            _grid(
                (
                    (keys, Text.assemble(description, (f"  [{action_id}]", "dim")))
                    for keys, description, action_id in rows
                ),
                key_width,
            )
        )
    if queue_words:
        parts.append(Text("\nWhat the queue and its header say", style="bold underline"))
        words = Table.grid(padding=(0, 2))
        words.add_column(ratio=1, style="bold")
        words.add_column(ratio=2)
        for term, meaning in QUEUE_WORDS:
            words.add_row(Text(term), Text(meaning))
        parts.append(words)
    parts.append(Text("\n" + NOTE, style="dim"))
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings_for("help")

    def __init__(
        self,
        keymap: Mapping[str, str],
        scopes: Sequence[Scope] = ("queue",),
        *,
        title: str = "Keys",
        queue_words: bool = False,
    ) -> None:
        super().__init__()
        self.keymap = keymap
        self.scopes = tuple(scopes)
        self.heading = title
        self.queue_words = queue_words

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield TextView(id="help-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        view = self.query_one("#help-keys", TextView)
        view.set_text(help_text(self.scopes, self.keymap, queue_words=self.queue_words))
        view.focus()

    def action_close(self) -> None:
        self.dismiss(None)
