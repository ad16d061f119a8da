"""The patient screen (`h` on the queue or a draft): the patient's episodes of care, one at a
time, as a table of measures (first and latest value, a sparkline of every visit, the change
and whether it reaches the MCID) and the goals of the plan of care with their status.

The episodes are read off the UI thread (the store may hold hundreds of thousands of notes);
`n` and `p` step between episodes. Readable at 60 columns: the table's columns fit a phone
over SSH and the goals wrap below it.

Notes that may be this patient's but were not merged on a guess are listed above the table:
`s` or `d` answers the highlighted one (same patient, different patient) after a yes/no
question, `u` undoes a recorded answer, `m` moves between them.
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
from tui.core.outcomes.matching import Ambiguity
from tui.core.outcomes.measures import grade_rank
from tui.core.outcomes.timeline import episode_heading
from tui.core.records.store import StoreError
from tui.core.security.audit_log import os_user
from tui.core.service import PatientEpisodes
from tui.core.service.outcomes import Answered
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
# Possible matches and answers listed at once (each may wrap to two lines at 60 columns).
MATCHES_SHOWN: Final = 2
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


Match = Ambiguity | Answered


def matches_of(found: PatientEpisodes) -> list[Match]:
    """The possible matches still to answer, then the answers recorded (newest first)."""
    return [*found.ambiguities, *found.answered]


def _other_side(found: PatientEpisodes, amb: Ambiguity) -> tuple[str, str]:
    """(this patient's identity, the other one) of a possible match, as written."""
    if amb.b in found.patient.identities and amb.a not in found.patient.identities:
        return amb.b.describe(), amb.a.describe()
    return amb.a.describe(), amb.b.describe()


def matches_text(found: PatientEpisodes, highlighted: int) -> Text:
    """One line (wrapped on a phone) per possible match or recorded answer, the highlighted
    one marked; at most `MATCHES_SHOWN` at once, around the highlighted one, so the measures
    keep their room on a phone."""
    items = matches_of(found)
    first = min(max(0, highlighted - 1), max(0, len(items) - MATCHES_SHOWN))
    text = Text()
    for index, item in enumerate(items[first : first + MATCHES_SHOWN], start=first):
        if index > first:
            text.append("\n")
        text.append("▶ " if index == highlighted else "  ", style="bold")
        if isinstance(item, Ambiguity):
            _this, other = _other_side(found, item)
            text.append("same patient? ", style="bold yellow")
            text.append(other)
            text.append(f" ({item.reason})", style="dim")
        else:
            verdict = "same patient: " if item.same else "different patient: "
            text.append(verdict, style="green" if item.same else "magenta")
            text.append(f"{item.a_shown} / {item.b_shown}")
            text.append(f" ({item.author or 'unknown'}, {item.at[:10]})", style="dim")
    hidden = len(items) - min(len(items), MATCHES_SHOWN)
    if hidden:
        text.append(f"\n{highlighted + 1} of {len(items)}; m shows the next", style="dim")
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
    PatientScreen #patient-matches {
        height: auto;
        max-height: 7;
        border: round $warning;
        border-title-color: $warning;
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
        self.match = 0
        self._name_width = MEASURE_WIDTH[1]

    def compose(self) -> ComposeResult:
        yield Static(Text("Reading the patient's episodes…"), id="patient-header")
        yield Static(id="patient-matches")
        yield DataTable(id="patient-measures", cursor_type="row", zebra_stripes=True)
        yield Static(id="patient-goals")
        yield KeyBar()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#patient-measures", DataTable)

    @property
    def matches(self) -> Static:
        return self.query_one("#patient-matches", Static)

    @property
    def loaded(self) -> bool:
        return self.found is not None

    def on_mount(self) -> None:
        self._columns(self.app.size.width)
        self.table.border_title = "Measures"
        self.query_one("#patient-goals", Static).border_title = "Goals"
        self.matches.border_title = "Possible matches"
        self.matches.display = False
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
        self._fill_matches(found)
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

    def _fill_matches(self, found: PatientEpisodes) -> None:
        items = matches_of(found)
        self.match = min(self.match, max(len(items) - 1, 0))
        self.matches.display = bool(items)
        pending = len(found.ambiguities)
        self.matches.border_title = (
            f"Possible matches · {pending} to answer" if pending else "Answered matches"
        )
        self.matches.update(matches_text(found, self.match))
        self.refresh_bindings()

    def highlighted_match(self) -> Match | None:
        if self.found is None:
            return None
        items = matches_of(self.found)
        return items[self.match] if 0 <= self.match < len(items) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.highlighted_match()
        if action in ("same_patient", "different_patient"):
            return isinstance(item, Ambiguity)
        if action == "undo_match":
            return isinstance(item, Answered)
        if action == "next_match":
            return self.found is not None and len(matches_of(self.found)) > 1
        return True

    def action_next_match(self) -> None:
        if self.found is None or not matches_of(self.found):
            return
        self.match = (self.match + 1) % len(matches_of(self.found))
        self._fill_matches(self.found)

    def action_same_patient(self) -> None:
        self._ask_match(same=True)

    def action_different_patient(self) -> None:
        self._ask_match(same=False)

    def _ask_match(self, *, same: bool) -> None:
        """Ask before recording that the highlighted possible match is (not) this patient."""
        item = self.highlighted_match()
        if self.found is None or not isinstance(item, Ambiguity):
            return
        from tui.ui.screens.confirm import ConfirmScreen

        this, other = _other_side(self.found, item)
        if same:
            heading = "Same patient"
            question = f"{other}\nis the same patient as\n{this}?"
            note = "Their notes are read as one patient's episodes from now on."
        else:
            heading = "Different patients"
            question = f"{other}\nis a different patient from\n{this}?"
            note = "Their notes stay apart and this match is not asked again."
        note += " Undo with u here."
        pair = (item.a.key, item.b.key)
        screen = ConfirmScreen(heading, question, note)
        self.app.push_screen(screen, lambda yes: self._answer(pair, same) if yes else None)

    def _answer(self, pair: tuple[str, str], same: bool) -> None:
        try:
            self.session.service.confirm_identities(*pair, same, self._author())
        except (ChartdeskError, StoreError) as exc:
            self.notify(str(exc), title="Not recorded", severity="error", markup=False)
            return
        self.notify("Same patient: recorded." if same else "Different patients: recorded.",
                    markup=False)  # fmt: skip
        self.match = 0
        self._read()

    def action_undo_match(self) -> None:
        """Ask before forgetting the highlighted answer (the pair is matched afresh)."""
        item = self.highlighted_match()
        if not isinstance(item, Answered):
            return
        from tui.ui.screens.confirm import ConfirmScreen

        verdict = "the same patient" if item.same else "different patients"
        question = f"Forget that\n{item.a_shown}\nand\n{item.b_shown}\nare {verdict}?"
        note = "The two are matched afresh: a possible match is asked again."
        screen = ConfirmScreen("Undo an answer", question, note)
        self.app.push_screen(screen, lambda yes: self._undo(item) if yes else None)

    def _undo(self, item: Answered) -> None:
        try:
            self.session.service.forget_identities(item.a, item.b, self._author())
        except (ChartdeskError, StoreError) as exc:
            self.notify(str(exc), title="Not undone", severity="error", markup=False)
            return
        self.notify("Answer undone.", markup=False)
        self.match = 0
        self._read()

    def _author(self) -> str:
        """Who answered: the session's clinician, else the OS account."""
        return self.session.signer_name or os_user()

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
