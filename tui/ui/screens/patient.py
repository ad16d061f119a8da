"""The patient screen (`h` on the queue or a draft): the patient's episodes of care, one at a
time, as a table of measures (first and latest value, a sparkline of every visit, the change
and whether it reaches the MCID) and the goals of the plan of care with their status.

The episodes are read off the UI thread (the store may hold hundreds of thousands of notes);
`n` and `p` step between episodes. Readable at 60 columns: the table's columns fit a phone
over SSH and the goals wrap below it.
"""

from __future__ import annotations

from typing import Final

from rich.console import Console
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.core.errors import ChartdeskError
from tui.core.outcomes.episodes import Episode, Series, with_unit
from tui.core.outcomes.measures import grade_rank
from tui.core.outcomes.timeline import episode_heading
from tui.core.service import PatientEpisodes
from tui.ui.keymap import bindings_for
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.sparkline import sparkline

# The measure's column takes the width the others leave (each cell has one column of padding
# on either side, and the table a border), so a 60-column phone shows every column.
COLUMNS: Final = (("Trend", 6), ("First", 6), ("Latest", 6), ("Change", 6), ("MCID", 4))
MEASURE_WIDTH: Final = (12, 40)
MAX_NAME_LINES: Final = 2
_CHROME: Final = 2 + 2 * (len(COLUMNS) + 1) + 2
STATUS_STYLES: Final = {"met": "green", "met late": "yellow", "not met": "bold red", "open": "cyan"}


def measure_width(screen_width: int) -> int:
    """The measure column's width at this screen width."""
    rest = screen_width - _CHROME - sum(width for _label, width in COLUMNS)
    return max(MEASURE_WIDTH[0], min(MEASURE_WIDTH[1], rest))


def measure_cells(series: Series) -> tuple[Text, ...]:
    """One table row: the measure, its trend, first and latest values, change and MCID."""
    first, latest = series.points[0], series.points[-1]
    if series.kind == "mmt":
        ranks = [grade_rank(point.text) for point in series.points]
        trend = sparkline([float(rank) for rank in ranks if rank is not None], COLUMNS[0][1])
    else:
        trend = sparkline(series.numbers, COLUMNS[0][1])
    change, mcid = Text("–", style="dim"), Text("–", style="dim")
    found = series.change()
    if series.kind == "mmt":
        steps = series.grade_change()
        if steps:
            change = Text(f"{steps:+d} gr", style="green" if steps > 0 else "red")
    elif found is not None:
        style = "green" if found.improvement > 0 else "red" if found.improvement < 0 else ""
        change = Text(f"{found.delta:+g}", style=style)
        if found.met is not None:
            mcid = Text("met" if found.met else "no", style="bold green" if found.met else "")
    shown = _short(series.unit)
    name = f"{series.name} ({series.unit})" if series.unit and not shown else series.name
    return (
        Text(name),
        Text(trend, style="cyan"),
        Text(with_unit(first.text, _short(first.unit))),
        Text(with_unit(latest.text, _short(latest.unit))),
        change,
        mcid,
    )


def _lines(name: Text, width: int) -> int:
    """Rows a measure's name needs in its column: a narrow screen wraps it onto a second line
    rather than cut "R knee flexion AROM" and "... PROM" to the same "R knee flexion A"."""
    return min(MAX_NAME_LINES, len(name.wrap(Console(width=width), width)))


def _short(unit: str) -> str:
    """Units that fit a 6-column cell: "/80" and "°" stay, "m/s" and "s" go with the
    measure's name."""
    return unit if unit.startswith("/") or unit in ("%", "°") else ""


def goals_text(episode: Episode) -> Text:
    """The goals of the latest plan of care, each with its status."""
    if not episode.goals:
        return Text("No goals written in the evaluation.", style="dim")
    text = Text()
    for index, item in enumerate(episode.goals):
        goal = item.goal
        due = goal.due.isoformat() if goal.due else (goal.timeframe or "no date")
        if index:
            text.append("\n")
        text.append(f"{goal.term or 'Goal'} ", style="bold")
        text.append(f"{goal.text} · by {due} · ")
        text.append(item.status, style=STATUS_STYLES.get(item.status, "dim"))
        if item.judged_on is not None:
            text.append(f" ({item.judged_value} on {item.judged_on.isoformat()})", style="dim")
        elif item.latest:
            text.append(f" ({item.latest})", style="dim")
    return text


class PatientScreen(Screen[None]):
    """One patient's episodes; dismissed back to the queue."""

    BINDINGS = bindings_for("patient")
    DEFAULT_CSS = """
    PatientScreen #patient-header {
        height: auto;
        max-height: 3;
        background: $panel;
        padding: 0 1;
    }
    PatientScreen #patient-measures {
        height: 1fr;
        border: round $accent;
        border-title-color: $accent;
    }
    PatientScreen #patient-goals {
        height: auto;
        max-height: 8;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, session: Session, note_id: int) -> None:
        super().__init__()
        self.session = session
        self.note_id = note_id
        self.found: PatientEpisodes | None = None
        self.index = 0
        self._name_width = MEASURE_WIDTH[1]

    def compose(self) -> ComposeResult:
        yield Static(Text("Reading the patient's episodes…"), id="patient-header")
        yield DataTable(id="patient-measures", cursor_type="row", zebra_stripes=True)
        yield Static(id="patient-goals")
        yield KeyBar()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#patient-measures", DataTable)

    @property
    def loaded(self) -> bool:
        return self.found is not None

    def on_mount(self) -> None:
        self._columns(self.app.size.width)
        self.table.border_title = "Measures"
        self.query_one("#patient-goals", Static).border_title = "Goals"
        self.table.focus()
        self._read()

    @work(thread=True, exclusive=True, group="patient")
    def _read(self) -> None:
        try:
            found = self.session.service.episodes_for_note(self.note_id)
        except ChartdeskError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        except Exception as exc:  # a busy or vanished database must not end the session
            self.app.call_from_thread(self._failed, f"The patient could not be read: {exc}")
            return
        self.app.call_from_thread(self._show, found)

    def _columns(self, screen_width: int) -> None:
        table = self.table
        table.clear(columns=True)
        self._name_width = measure_width(screen_width)
        table.add_column("Measure", width=self._name_width)
        for label, width in COLUMNS:
            table.add_column(label, width=width)

    def on_resize(self, event: events.Resize) -> None:
        self._columns(event.size.width)
        self._fill()

    def _failed(self, message: str) -> None:
        self.query_one("#patient-header", Static).update(Text(message, style="bold red"))

    def _show(self, found: PatientEpisodes) -> None:
        self.found = found
        episode_of_note = next(
            (i for i, e in enumerate(found.episodes)
             if any(v.note_id == self.note_id for v in e.visits)),
            len(found.episodes) - 1,
        )  # fmt: skip
        self.index = max(episode_of_note, 0)
        self._fill()

    def _fill(self) -> None:
        found = self.found
        if found is None:
            return
        header = Text(found.patient.label, style="bold")
        for amb in found.ambiguities:
            header.append(
                f"\nTo confirm: {amb.b.describe()} ({amb.reason}); "
                f"chartdesk episode --same {amb.a.key} {amb.b.key}",
                style="yellow",
            )
        table = self.table
        table.clear()
        goals = self.query_one("#patient-goals", Static)
        if not found.episodes:
            header.append("\nNo dated notes.")
            goals.update("")
        else:
            episode = found.episodes[self.index]
            count = f" · {self.index + 1}/{len(found.episodes)}" if len(found.episodes) > 1 else ""
            header.append(f"\n{episode_heading(episode)}{count}")
            for series in episode.series:
                cells = measure_cells(series)
                table.add_row(*cells, height=_lines(cells[0], self._name_width))
            primary = f" · judged on {episode.primary}" if episode.primary else ""
            table.border_title = f"Measures{primary}"
            goals.update(goals_text(episode))
        self.query_one("#patient-header", Static).update(header)

    def action_next_episode(self) -> None:
        self._step(1)

    def action_previous_episode(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.found is None or not self.found.episodes:
            return
        self.index = (self.index + step) % len(self.found.episodes)
        self._fill()

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
