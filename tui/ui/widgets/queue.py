"""The review queue: one DataTable over every listed draft, filtered in memory, laid out to fit.

The table keeps all drafts in `_all` (id order = arrival order) and shows the ones that pass
the status filter and the `/` terms. Changed drafts are rewritten in place, so the cursor stays
on the draft the clinician is reading while another process adds or finishes drafts.

Each row is drawn as one line laid out by `tui.ui.widgets.queue_layout` for the width the
table has now (one DataTable column holds the whole line): the queue never scrolls sideways,
and a resize re-lays every row at once without touching the rows themselves.

Fast paths keep 10,000 drafts instant (see bench/review.py): rows are loaded in one bulk step
instead of 10,000 `add_row` calls; the natural width of each column is kept from each cell's
`cell_len` as rows arrive, instead of a Rich measurement per cell; lines are built as segments
straight from the row's strings; and a start-up shows the first screenful at once and takes the
rest as a `RowBatch` built off the UI thread (`add_batch`). They replace DataTable internals of
Textual 8 (pinned <9 in pyproject); tests/ui/test_queue_table.py exercises them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
from tui.core.review.rules import STATUS_FILTERS, haystack, matches, status_word
from tui.core.security.terminal_text import visible
from tui.ui.widgets.queue_layout import GAP, LABELS, LEAD, Layout, layout

_NO_ROW: Final = -100
_NOWHERE: Final = Coordinate(-100, -100)
"""A cursor or hover location on no row (the header is row -1)."""
LINE: Final = ColumnKey("line")
"""The table's one column: the whole laid-out row."""
_NO_TEXT: Final = Text()
"""What DataTable's own bookkeeping sees in a row's cell: rows are drawn from `QueueRow`."""

STATUS_ICONS: Final = {
    "queued": "…",
    "drafting": "…",
    "ready": "●",
    "failed": "✗",
    "approved": "✓",
    "rejected": "–",
    "superseded": "↷",
}


def status_style(status: str) -> str:
    """Rich style for a status; named ANSI colours so a 16-colour terminal stays readable."""
    return {
        "ready": "bold green",
        "failed": "bold red",
        "approved": "cyan",
        "rejected": "magenta",
        "superseded": "dim",
    }.get(status, "yellow")


def status_label(status: str) -> str:
    """A status as the queue shows it: its icon and the word a clinician uses."""
    return f"{STATUS_ICONS.get(status, '?')} {status_word(status)}"


def status_text(status: str) -> Text:
    return Text(status_label(status), style=status_style(status))


def checks_style(parts: Sequence[str]) -> str:
    if not parts:
        return ""
    if parts == ("clean",):
        return "green"
    if parts == ("checking…",):
        return "italic yellow"
    return "yellow"


def short_checks(parts: Sequence[str], width: int) -> str:
    """The check summary in `width` cells: all of it when it fits, else as many parts as fit
    whole and a count of the rest ("1 audit +2"), never a part cut in the middle if avoidable."""
    full = ", ".join(parts)
    if cell_len(full) <= width or not parts:
        return full
    for shown in range(len(parts) - 1, 0, -1):
        candidate = f"{', '.join(parts[:shown])} +{len(parts) - shown}"
        if cell_len(candidate) <= width:
            return candidate
    return f"{parts[0]} +{len(parts) - 1}" if len(parts) > 1 else parts[0]


def short_date(date: str) -> str:
    """An ISO date as MM-DD (a narrow queue); anything else as written."""
    if len(date) == 10 and date[4] == "-" and date[7] == "-":
        return date[5:]
    return date


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


class QueueRow:
    """One draft's row, made once: its strings, their widths, its search text and the
    DataTable objects reused every time a filter shows it again. A plain slotted class: 10,000
    of them are made at start-up, five times faster than frozen dataclasses."""

    __slots__ = ("cells", "checks", "cost", "date", "document", "entry", "key", "patient",
                 "row", "status", "text", "widths")  # fmt: skip

    def __init__(self, entry: QueueEntry) -> None:
        self.entry = entry
        self.patient = visible(entry.patient) or "(no patient)"
        self.date = visible(entry.date) or "–"
        self.document = visible(entry.skill).replace("_", " ") or "–"
        self.status = status_label(entry.status)
        self.checks = entry.check_parts
        self.cost = format_usd(entry.cost_usd) if entry.cost_usd else "–"
        self.widths = (
            cell_len(self.patient),
            cell_len(self.document),
            cell_len(self.status),
            cell_len(", ".join(self.checks)),
            cell_len(self.cost) if entry.cost_usd else 0,
        )
        self.text = haystack(entry)
        self.key = RowKey(str(entry.id))
        self.row = Row(self.key, 1)
        self.cells = {LINE: _NO_TEXT}

    def fitted(self, shape: Layout) -> Iterator[tuple[str, str]]:
        """(text, style) of each shown column, fitted to its width."""
        for key, width in shape.columns:
            if key == "patient":
                yield fit(self.patient, width), ""
            elif key == "date":
                yield fit(short_date(self.date) if shape.short_date else self.date, width), ""
            elif key == "document":
                yield fit(self.document, width), ""
            elif key == "status":
                yield fit(self.status, width), status_style(self.entry.status)
            elif key == "checks":
                shown = short_checks(self.checks, width) if self.checks else "–"
                yield fit(shown, width), checks_style(self.checks)
            else:
                yield fit(self.cost, width), "dim"


_WIDTH_KEYS: Final = ("patient", "document", "status", "checks", "cost")


def widest(rows: Iterable[QueueRow], start: Sequence[int] = ()) -> list[int]:
    """The widest cell of each measured column over `rows` and `start` (the widths so far)."""
    widths = [tuple(start) or (0,) * len(_WIDTH_KEYS), *(row.widths for row in rows)]
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
    """Drafts in arrival order, filtered by status and `/` terms, laid out to the width."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=0)
        self._all: dict[int, QueueRow] = {}
        self._widths: list[int] = [0] * len(_WIDTH_KEYS)
        self.on_cursor_moved: Callable[[], None] | None = None
        self._offsets: list[tuple[RowKey, int]] = []
        self._offsets_for = -1
        self._layout = layout(0, {})
        self._laid_for: tuple[int, tuple[int, ...]] = (-1, ())
        self._styles: dict[str, Style] = {}
        self.terms: tuple[str, ...] = ()
        self.status_filter = "all"
        self._older: set[int] = set()

    def on_mount(self) -> None:
        self.add_column(Text(""), width=1, key=str(LINE.value))

    # What is shown ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def shape(self) -> Layout:
        """The columns as laid out now (tests and the screen read it)."""
        return self._layout

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
        """Take more rows (the rest of the queue after the first screenful, or older documents
        a search found). Rows already here win: they are the first screen, or drafts a poll
        has brought in since the batch was read. The cursor and the view stay on the draft
        under the cursor; `preview` False keeps the draft pane as it is (the screen is locked
        and must stay empty)."""
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

    @property
    def older(self) -> int:
        """How many rows a search brought in from before the days the queue lists."""
        return len(self._older)

    def add_older(self, batch: RowBatch, *, preview: bool = True) -> None:
        """Rows a `/` search found before the listed days; kept until the search is cleared."""
        self._older |= set(batch.rows) - set(self._all)
        self.add_batch(batch, preview=preview)

    def drop_older(self) -> None:
        """Forget the rows the last search brought in (its query was cleared)."""
        if self._older:
            for draft_id in self._older:
                self._all.pop(draft_id, None)
            self._older = set()
            self._show(self.selected_id)

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

    def cells_at(self, row_index: int) -> dict[str, str]:
        """The whole text of each column of a shown row (before the layout fits it)."""
        key = self._row_locations.get_key(row_index)
        if key is None:
            raise IndexError(row_index)
        row = self._all[int(str(key.value))]
        checks = ", ".join(row.checks)
        return {"patient": row.patient, "date": row.date, "document": row.document,
                "status": row.status, "checks": checks, "cost": row.cost}  # fmt: skip

    def listed(self) -> list[tuple[int, str]]:
        """(draft id, status) of the drafts shown, top to bottom."""
        return [(row.entry.id, row.entry.status) for row in self._shown_rows()]

    def entry(self, draft_id: int) -> QueueEntry | None:
        row = self._all.get(draft_id)
        return row.entry if row is not None else None

    def upsert(self, drafts: Iterable[DraftRow]) -> None:
        """Take changed or new drafts: rewrite shown rows in place, add or drop the others."""
        reshow = False
        last_shown = self._last_shown_id()
        for draft in drafts:
            row = QueueRow(QueueEntry.of(draft))
            self._all[draft.id] = row
            self._widths = widest([row], self._widths)
            key = row.key
            shown, wanted = key in self.rows, self.wants(row)
            if shown and wanted:
                self._data[key] = row.cells
                self._changed()
            elif wanted and (last_shown is None or draft.id > last_shown):
                self._append(row)
                last_shown = draft.id
            elif shown or wanted:
                reshow = True
        if reshow:
            self._show(self.selected_id)

    def _last_shown_id(self) -> int | None:
        reverse = self._row_locations._reverse
        if not reverse:
            return None
        return int(str(reverse[len(reverse) - 1].value))

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
        self._data = {row.key: row.cells for row in rows}  # made once per row, reused
        self.rows = {row.key: row.row for row in rows}
        self._changed()

    def _append(self, row: QueueRow) -> None:
        """One new row at the end (a draft that just arrived)."""
        self._row_locations[row.key] = len(self.rows)
        self._data[row.key] = row.cells
        self.rows[row.key] = row.row
        self._changed()

    def _changed(self) -> None:
        self._require_update_dimensions = True
        self._update_count += 1
        self.check_idle()
        self.refresh()

    def _relayout(self) -> bool:
        """Lay the columns out for the width the table has now; True when that changed."""
        available = self.scrollable_content_region.width
        key = (available, tuple(self._widths))
        if available <= 0 or key == self._laid_for:
            return False
        self._laid_for = key
        widths: Mapping[str, int] = dict(zip(_WIDTH_KEYS, self._widths, strict=True))
        shape = layout(available, widths, with_cost=widths["cost"] > 0)
        column = self.columns.get(LINE)
        if column is not None:
            column.width = available
            column.label = self._header(shape)
        if shape == self._layout:
            return False
        self._layout = shape
        self._update_count += 1
        self._clear_caches()
        return True

    @staticmethod
    def _header(shape: Layout) -> Text:
        labels = [fit(LABELS[key], width) for key, width in shape.columns]
        return Text(" " * LEAD + (" " * GAP).join(labels), no_wrap=True, end="")

    def on_resize(self) -> None:
        """Re-lay the rows for the new width and keep the cursor's row in view."""
        self._relayout()
        self._require_update_dimensions = True
        self.refresh()
        self.call_after_refresh(self._scroll_cursor_into_view)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """The layout for the current width and the virtual size: what DataTable does with a
        Rich measurement of every new cell. Never wider than the table: no sideways scroll."""
        self._relayout()
        column = self.columns.get(LINE)
        width = column.width if column is not None else 0
        header_height = self.header_height if self.show_header else 0
        size = Size(width, self.row_count + header_height)
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

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.app.console.get_style(name) if name else Style()
        return style

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A row as one line of segments, built directly from its strings: DataTable goes
        through Rich's Padding and Styled renderables, ~4x slower, and a filter that shows a
        fresh screen of rows paints them all at once. The header takes DataTable's path."""
        if row_index < 0 or column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        if row_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key: CellCacheKey = (row_key, LINE, base_style, cursor, hover,
                                   self._show_hover_cursor, self._update_count,
                                   self._pseudo_class_state)  # fmt: skip
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        row = self._all[int(str(row_key.value))]
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
        )  # fmt: skip
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        pre_style += component_style
        segments = [Segment(" " * LEAD)]
        for index, (text, style) in enumerate(row.fitted(self._layout)):
            if index:
                segments.append(Segment(" " * GAP))
            segments.append(Segment(text, self._style(style)))
        used = self._layout.width
        if used < width:
            segments.append(Segment(" " * (width - used)))
        line = list(Segment.apply_style(Segment.adjust_line_length(segments, width),
                                        pre_style, post_style))  # fmt: skip
        lines: SegmentLines = [line]
        self._cell_render_cache[cache_key] = lines
        return lines

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

    def action_scroll_home(self) -> None:
        """Home: the first draft listed (the queue has no columns to scroll to)."""
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_scroll_end(self) -> None:
        """End: the last draft listed."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    @property
    def selected_id(self) -> int | None:
        """The draft under the cursor, if the queue shows any."""
        if not self.row_count:
            return None
        row_key = self._row_locations.get_key(min(self.cursor_row, self.row_count - 1))
        return int(str(row_key.value)) if row_key is not None else None

    def select_draft(self, draft_id: int) -> None:
        """Put the cursor on a draft (no-op if it is not shown)."""
        index = self._row_locations.get(RowKey(str(draft_id)))
        if index is not None:
            self.move_cursor(row=index, animate=False)
