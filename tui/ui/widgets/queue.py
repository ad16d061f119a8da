"""The review queue: one DataTable over every draft, filtered in memory.

The table keeps all drafts in `_all` (id order = arrival order) and shows the ones that pass
the status filter and the `/` terms. Changed drafts are rewritten in place, so the cursor stays
on the draft the clinician is reading while another process adds or finishes drafts.

Fast paths keep 10,000 drafts instant (see bench/review.py): rows are loaded in one bulk
step instead of 10,000 `add_row` calls; column widths are kept per column from each cell's
`cell_len` (cells are one-line Text) as rows arrive, instead of a Rich measurement per cell;
and a start-up shows the first screenful at once and takes the rest as a `RowBatch` built off
the UI thread (`add_batch`). They replace DataTable internals of Textual 8 (pinned <9 in
pyproject); tests/ui/test_queue_table.py exercises them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Final

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual._types import SegmentLines
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import CellCacheKey
from textual.widgets.data_table import ColumnKey, Row, RowKey

from tui.core.cost import format_usd
from tui.core.records.store import DraftRow, QueueEntry
from tui.core.review.rules import STATUS_FILTERS, haystack, matches
from tui.core.security.terminal_text import visible

_NO_ROW: Final = -100
_NOWHERE: Final = Coordinate(-100, -100)
"""A cursor or hover location on no row (the header is row -1)."""

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
COLUMN_KEYS: Final = tuple(ColumnKey(key) for key, _label in COLUMNS)


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


def row_strings(entry: QueueEntry) -> tuple[str, ...]:
    """The plain text of one queue row, in `COLUMNS` order."""
    summary = entry.check_summary
    return (
        _clip(visible(entry.patient) or "(unknown)"),
        _clip(visible(entry.skill) or "–"),
        f"{STATUS_ICONS.get(entry.status, '?')} {entry.status}",
        _clip(summary, 20) if summary else "–",
        _clip(visible(entry.date)) or "–",
        format_usd(entry.cost_usd) if entry.cost_usd else "–",
    )


def row_cells(entry: QueueEntry) -> tuple[Text, ...]:
    """The cells of one queue row. Always Text: a plain str cell would be parsed as markup,
    and patient names are data, not markup."""
    strings = row_strings(entry)
    summary = entry.check_summary
    styles = ("", "", status_style(entry.status), "green" if summary == "clean" else "yellow")
    return tuple(
        Text(value, style=styles[index] if index < len(styles) and value != "–" else "")
        for index, value in enumerate(strings)
    )


def fit(value: str, width: int) -> str:
    """`value` in exactly `width` cells: cut with an ellipsis, or padded with spaces."""
    length = cell_len(value)
    if length <= width:
        return value + " " * (width - length)
    return set_cell_size(value, width - 1) + "…" if width > 0 else ""


def _narrows(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """True when every row matching `after` also matches `before` (a query typed further)."""
    if not before:
        return False
    if len(after) == len(before):
        return after[:-1] == before[:-1] and after[-1].startswith(before[-1])
    return len(after) == len(before) + 1 and after[:-1] == before


class LazyCells(MutableMapping[ColumnKey, Text]):
    """A row's cells, made on first use: DataTable only asks for the rows it paints, so
    10,000 rows cost 10,000 tuples of strings, not 60,000 Text objects."""

    __slots__ = ("_cells", "entry")

    def __init__(self, entry: QueueEntry) -> None:
        self.entry = entry
        self._cells: dict[ColumnKey, Text] | None = None

    @property
    def cells(self) -> dict[ColumnKey, Text]:
        if self._cells is None:
            self._cells = dict(zip(COLUMN_KEYS, row_cells(self.entry), strict=True))
        return self._cells

    def __getitem__(self, key: ColumnKey) -> Text:
        return self.cells[key]

    def __setitem__(self, key: ColumnKey, value: Text) -> None:
        self.cells[key] = value

    def __delitem__(self, key: ColumnKey) -> None:
        del self.cells[key]

    def __iter__(self) -> Iterator[ColumnKey]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(COLUMN_KEYS)


class QueueRow:
    """One draft's row, made once: its search text, the width of each cell and the DataTable
    objects reused every time a filter shows it again. A plain slotted class: 10,000 of them
    are made at start-up, five times faster than frozen dataclasses."""

    __slots__ = ("cells", "entry", "key", "row", "text", "widths")

    def __init__(self, entry: QueueEntry) -> None:
        self.entry = entry
        self.widths = tuple(cell_len(value) for value in row_strings(entry))
        self.text = haystack(entry)
        self.key = RowKey(str(entry.id))
        self.row = Row(self.key, 1)
        self.cells = LazyCells(entry)


def widest(rows: Iterable[QueueRow], start: Sequence[int] = ()) -> list[int]:
    """The widest cell of each column over `rows` and `start` (the widths so far)."""
    widths = [tuple(start) or (0,) * len(COLUMNS), *(row.widths for row in rows)]
    return [max(column) for column in zip(*widths, strict=True)]


@dataclass(frozen=True)
class RowBatch:
    """Rows built away from the UI thread, with their column widths."""

    rows: dict[int, QueueRow]
    widths: list[int]

    @classmethod
    def of(cls, entries: Iterable[QueueEntry]) -> RowBatch:
        rows = {entry.id: QueueRow(entry) for entry in entries}
        return cls(rows, widest(rows.values()))


class QueueTable(DataTable[Text]):
    """Drafts in arrival order, filtered by status and `/` terms."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._all: dict[int, QueueRow] = {}
        self._widths: list[int] = [0] * len(COLUMNS)
        self.on_cursor_moved: Callable[[], None] | None = None
        self._offsets: list[tuple[RowKey, int]] = []
        self._offsets_for = -1
        self.terms: tuple[str, ...] = ()
        self.status_filter = "all"

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    # What is shown ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._all)

    def wants(self, row: QueueRow) -> bool:
        statuses = STATUS_FILTERS.get(self.status_filter, frozenset())
        if statuses and row.entry.status not in statuses:
            return False
        return matches(row.text, self.terms)

    def load(self, entries: Iterable[QueueEntry]) -> None:
        """Replace everything (the first screenful at start-up, or a full reload)."""
        batch = RowBatch.of(entries)
        self._all = batch.rows
        self._widths = batch.widths
        self._show(self.selected_id)

    def add_batch(self, batch: RowBatch, *, preview: bool = True) -> None:
        """Take the rest of the queue after the first screenful. Rows already here win: they
        are the first screen, or drafts a poll has brought in since the batch was read. The
        cursor and the view stay on the draft under the cursor; `preview` False keeps the
        draft pane as it is (the screen is locked and must stay empty)."""
        merged = batch.rows | self._all
        self._all = {draft_id: merged[draft_id] for draft_id in sorted(merged)}
        self._widths = [max(pair) for pair in zip(self._widths, batch.widths, strict=True)]
        selected, scroll_y = self.selected_id, self.scroll_y
        moved, self.on_cursor_moved = self.on_cursor_moved, None
        try:
            self._show(selected)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
        finally:
            self.on_cursor_moved = moved
        if preview and moved is not None and self.selected_id != selected:
            moved()

    def set_filter(self, terms: tuple[str, ...], status: str) -> None:
        """Show only matching drafts; the cursor stays on its draft when it still matches.
        A query that only narrows the last one (typing on) searches the rows shown."""
        if terms == self.terms and status == self.status_filter:
            return
        narrowing = status == self.status_filter and _narrows(self.terms, terms)
        self.terms, self.status_filter = terms, status
        self._show(self.selected_id, self._shown_rows() if narrowing else None)

    def _shown_rows(self) -> list[QueueRow]:
        reverse = self._row_locations._reverse
        return [self._all[int(str(reverse[index].value))] for index in range(len(reverse))]

    def upsert(self, drafts: Iterable[DraftRow]) -> None:
        """Take changed or new drafts: rewrite shown rows in place, add or drop the others."""
        reshow = False
        last_shown = self._last_shown_id()
        for draft in drafts:
            row = QueueRow(QueueEntry.of(draft))
            self._all[draft.id] = row
            self._widths = widest([row], self._widths)
            key = str(draft.id)
            shown, wanted = key in self.rows, self.wants(row)
            cells = row_cells(row.entry)
            if shown and wanted:
                for (column, _label), value in zip(COLUMNS, cells, strict=True):
                    self.update_cell(key, column, value, update_width=True)
            elif wanted and (last_shown is None or draft.id > last_shown):
                self.add_row(*cells, key=key)
                last_shown = draft.id
            elif shown or wanted:
                reshow = True
        if reshow:
            self._show(self.selected_id)

    def _last_shown_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.row_count - 1, 0)).row_key.value
        return int(key) if key is not None else None

    def _show(self, keep: int | None, among: list[QueueRow] | None = None) -> None:
        candidates = self._all.values() if among is None else among
        statuses = STATUS_FILTERS.get(self.status_filter, frozenset())
        terms = self.terms
        rows = [
            row
            for row in candidates
            if (not statuses or row.entry.status in statuses)
            and all(term in row.text for term in terms)
        ]
        self._replace_rows(rows)
        if keep is not None:
            self.select_draft(keep)

    # Fast paths over DataTable internals (Textual 8) --------------------------------------------

    def _replace_rows(self, rows: list[QueueRow]) -> None:
        """Show exactly `rows`, in one step rather than one `add_row` per draft."""
        self.clear()
        self._row_locations = TwoWayDict({row.key: index for index, row in enumerate(rows)})
        self._data = {row.key: row.cells for row in rows}  # type: ignore[misc]
        self.rows = {row.key: row.row for row in rows}
        self._require_update_dimensions = True
        self._update_count += 1
        self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Column widths from the widths kept per column (every cell is one line; widths
        cover every draft, so a filter never makes columns jump) and the virtual size: what
        DataTable does with a Rich measurement of every new cell."""
        columns = self.ordered_columns
        for column, width in zip(columns, self._widths, strict=True):
            column.content_width = max(column.content_width, width)
        total_width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        size = Size(total_width + self._row_label_column_width, self.row_count + header_height)
        if size.width != self.virtual_size.width:
            self.virtual_size = size
        elif size != self.virtual_size:
            # Only the row count changed (a filter): the table's outer size does not depend on
            # it (its vertical scrollbar is always shown), so skip the screen-wide layout the
            # reactive would ask for and just update the scroll range.
            self.set_reactive(DataTable.virtual_size, size)
            self._scroll_update(size)

    @property
    def _y_offsets(self) -> list[tuple[RowKey, int]]:
        """Every row is one line high: line y is row y (DataTable sums row heights instead,
        a nested loop over 10,000 rows on every change)."""
        if self._offsets_for != self._update_count:
            reverse = self._row_locations._reverse
            self._offsets = [(reverse[index], 0) for index in range(len(reverse))]
            self._offsets_for = self._update_count
        return self._offsets

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A body cell as one line of segments, built directly from its Text: DataTable goes
        through Rich's Padding and Styled renderables, ~4x slower, and a filter that shows a
        fresh screen of rows paints 150 cells at once. Header cells take DataTable's path."""
        if row_index < 0 or column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key: CellCacheKey = (row_key, column_key, base_style, cursor, hover,
                                   self._show_hover_cursor, self._update_count,
                                   self._pseudo_class_state)  # fmt: skip
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        cell = self._data[row_key].get(column_key)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, column_index < self.fixed_columns or row_index < self.fixed_rows,
            hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
        )  # fmt: skip
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        pre_style += component_style
        pad = self.cell_padding
        inner = max(0, width - 2 * pad)
        segments = [Segment(" " * pad), *self._cell_segments(cell, inner), Segment(" " * pad)]
        line = list(Segment.apply_style(segments, pre_style, post_style))
        lines: SegmentLines = [line]
        self._cell_render_cache[cache_key] = lines
        return lines

    def _cell_segments(self, cell: object, width: int) -> list[Segment]:
        """A cell's line, `width` cells wide. Queue cells are one-style Text: their plain
        string is fitted directly (no Text copy, no Rich render: each costs a pass of Rich's
        control-code stripping, and a full screen paints 150 cells)."""
        if isinstance(cell, Text) and not cell.spans:
            return [Segment(fit(cell.plain, width), self.app.console.get_style(cell.style))]
        text = cell.copy() if isinstance(cell, Text) else Text(str(cell or ""))
        text.truncate(width, overflow="ellipsis", pad=True)
        text.no_wrap = True
        return list(text.render(self.app.console, end=""))

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        """DataTable caches a rendered row under the cursor's and the hover's coordinates, so
        every cursor move re-renders every visible row (and a move that scrolls paints them
        all). With a row cursor only whether the cursor (or hover) is on this row matters."""
        if self.cursor_type == "row":
            row_index = self._row_locations.get(row_key)
            if row_index is None:
                row_index = _NO_ROW
            if cursor_location.row != row_index:
                cursor_location = _NOWHERE
            if hover_location.row != row_index:
                hover_location = _NOWHERE
        return super()._render_line_in_row(
            row_key, line_no, base_style, cursor_location, hover_location
        )

    # The cursor ---------------------------------------------------------------------------------

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Also tell the screen at once (not through a RowHighlighted message, which is
        handled after this frame is painted: the draft pane would follow one frame late)."""
        super().watch_cursor_coordinate(old, new)
        if old != new and self.on_cursor_moved is not None:
            self.on_cursor_moved()

    @property
    def selected_id(self) -> int | None:
        """The draft under the cursor, if the queue shows any."""
        if not self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return int(row_key.value) if row_key.value is not None else None

    def select_draft(self, draft_id: int) -> None:
        """Put the cursor on a draft (no-op if it is not shown)."""
        key = str(draft_id)
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)
