"""The review queue: one DataTable whose rows are keyed by draft id and updated in place.

Rows are never rebuilt on a refresh, so the cursor stays on the draft the clinician is reading
while another process adds or finishes drafts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tui.core.store import DraftRow

# What decides the next action comes first (who, what, state, checks), so a narrow pane shows
# it without scrolling sideways; date and cost follow.
COLUMNS: Final = (
    ("patient", "Patient"),
    ("document", "Document"),
    ("status", "Status"),
    ("checks", "Checks"),
    ("date", "Date"),
    ("cost", "Cost"),
)
STATUS_ICONS: Final = {
    "queued": "…",
    "drafting": "…",
    "ready": "●",
    "failed": "✗",
    "approved": "✓",
    "rejected": "–",
}
_MAX_CELL: Final = 16


def status_style(status: str) -> str:
    """Rich style for a status; named ANSI colours so a 16-colour terminal stays readable."""
    return {
        "ready": "bold green",
        "failed": "bold red",
        "approved": "cyan",
        "rejected": "magenta",
    }.get(status, "yellow")


def status_text(status: str) -> Text:
    return Text(f"{STATUS_ICONS.get(status, '?')} {status}", style=status_style(status))


def _clip(value: str, width: int = _MAX_CELL) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def row_cells(draft: DraftRow) -> tuple[Text, ...]:
    """The cells of one queue row, in `COLUMNS` order. Always Text: a plain str cell would be
    parsed as markup, and patient names are data, not markup."""
    summary = draft.check_summary
    checks = Text("–")
    if summary:
        checks = Text(_clip(summary, 20), style="green" if summary == "clean" else "yellow")
    cost = f"${draft.cost_usd:.2f}" if draft.cost_usd else "–"
    return (
        Text(_clip(draft.patient or "(unknown)")),
        Text(_clip(draft.skill or "–")),
        status_text(draft.status),
        checks,
        Text(draft.date or "–"),
        Text(cost),
    )


class QueueTable(DataTable[Text]):
    """Drafts in arrival order; `upsert` adds new drafts and rewrites changed rows in place."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def upsert(self, drafts: Iterable[DraftRow]) -> None:
        for draft in drafts:
            key = str(draft.id)
            cells = row_cells(draft)
            if key in self.rows:
                for (column, _label), value in zip(COLUMNS, cells, strict=True):
                    self.update_cell(key, column, value, update_width=True)
            else:
                self.add_row(*cells, key=key)

    @property
    def selected_id(self) -> int | None:
        """The draft under the cursor, if the queue has any."""
        if not self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return int(row_key.value) if row_key.value is not None else None

    def select_draft(self, draft_id: int) -> None:
        """Put the cursor on a draft (no-op if it is not in the queue)."""
        key = str(draft_id)
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key))
