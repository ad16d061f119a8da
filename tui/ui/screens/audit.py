"""The Audit screen: the end-of-day billing audit of one day, findings grouped by patient.

One DataTable lists every finding of the day, a patient's rows together (the name on the
first row of the group, the document on the first row of each note), and the panel below
shows the highlighted finding in full. Enter goes back to the queue with that note's draft
selected; `p`/`n` step to the previous/next day with notes; `x` writes the same report to
``exports/audit-YYYY-MM-DD.md``; `m` asks the clinic's model to review the three heuristic
findings, only when the privacy gate allows a model.

The audit reads the store off the UI thread (a day with a long history is many queries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.core.checks.billing.audit import ERROR, INFO, WARNING, Finding
from tui.core.checks.billing.model_review import review_backend
from tui.core.drafting.base import Backend
from tui.core.errors import ChartdeskError
from tui.core.review.day_audit import (
    AuditedNote,
    DayAudit,
    audit_days,
    build_day_audit,
    default_day,
    export_day_audit,
    finding_origin,
    not_reviewed,
    review_day_audit,
    step_day,
)
from tui.ui.keymap import bindings_for
from tui.ui.screens.review import ReviewScreen
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

# Column titles and widths: wide enough for a name and a finding code at 80 columns.
COLUMNS: Final = (("Patient", 16), ("Sev", 5), ("Finding", 30), ("Document", 20))
SEVERITY_LABELS: Final = {ERROR: "error", WARNING: "warn", INFO: "info"}
SEVERITY_STYLES: Final = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan"}
_CLIP: Final = 16


@dataclass(frozen=True)
class AuditRow:
    """One table row: a finding, or a note with none (or not audited), of one patient."""

    patient: str
    document: str
    severity: str
    label: str
    detail: str
    draft_id: int | None
    first_of_patient: bool
    first_of_note: bool

    def cells(self) -> tuple[Text, ...]:
        """Cells as Text (names are data, never markup); repeats left blank to show groups."""
        style = SEVERITY_STYLES.get(self.severity, "green" if self.label == "no findings" else "")
        return (
            Text(_clip(self.patient) if self.first_of_patient else "", style="bold"),
            Text(SEVERITY_LABELS.get(self.severity, "–"), style=style),
            Text(self.label, style="" if self.severity else "dim"),
            Text(_clip(self.document) if self.first_of_note else "", style="dim"),
        )


def audit_rows(audit: DayAudit) -> list[AuditRow]:
    """Every row of the day, patient by patient, note by note, errors first; then the
    superseded drafts still open (the header counts all open drafts)."""
    rows: list[AuditRow] = []
    for group in audit.patients:
        for note_index, item in enumerate(group.notes):
            for index, (severity, label, detail) in enumerate(_note_entries(item)):
                rows.append(
                    AuditRow(
                        patient=group.patient,
                        document=item.skill or item.file,
                        severity=severity,
                        label=label,
                        detail=detail,
                        draft_id=item.draft_id,
                        first_of_patient=note_index == 0 and index == 0,
                        first_of_note=index == 0,
                    )
                )
    for draft in (item for item in audit.open_work if item.status == "superseded"):
        rows.append(
            AuditRow(
                patient=draft.patient or "(no patient named)",
                document=draft.skill,
                severity="",
                label=f"open: {draft.status}",
                detail=f"Open work: {draft.description}.",
                draft_id=draft.draft_id,
                first_of_patient=True,
                first_of_note=True,
            )
        )
    return rows


def _note_entries(item: AuditedNote) -> list[tuple[str, str, str]]:
    """(severity, label, detail) for each row of one note."""
    where = f"{item.file}{f' · draft {item.draft_id}' if item.draft_id is not None else ''}"
    if item.audit is None:
        return [("", "not audited", f"{where}\nNot audited: {item.skipped}.")]
    if item.review and item.review != "model":
        where += f"\nHeuristics not reviewed by a model: {item.review}."
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings = sorted(item.findings, key=lambda f: order.get(f.severity, 3))
    if not findings:
        return [("", "no findings", f"{where}\nNo findings.")]
    return [(f.severity, f.code, f"{where}\n{_finding_detail(f)}") for f in findings]


def _finding_detail(finding: Finding) -> str:
    return (
        f"{finding.severity.upper()} {finding.code} ({finding_origin(finding)})\n{finding.message}"
    )


def _clip(value: str) -> str:
    return value if len(value) <= _CLIP else value[: _CLIP - 1] + "…"


def header_text(day: date, audit: DayAudit | None) -> Text:
    """The day and its totals, counts first so a phone shows them; or that it is being read."""
    title = Text(day.strftime("%a %Y-%m-%d"), style="bold")
    if audit is None:
        return title + Text(" · reading…")
    counts = audit.counts()
    parts = [
        _count(counts[ERROR], "error"),
        _count(counts[WARNING], "warning"),
        f"{counts[INFO]} info",
        f"{_count(len(audit.notes), 'note')} of {_count(len(audit.patients), 'patient')}",
    ]
    if audit.open_work:
        parts.append(f"{_count(len(audit.open_work), 'draft')} open")
    return title + Text(" · " + " · ".join(parts))


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


class AuditScreen(Screen[int | None]):
    """Dismissed with the draft id to select in the queue (None: back without a jump)."""

    BINDINGS = bindings_for("audit")
    DEFAULT_CSS = """
    AuditScreen #audit-header {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    AuditScreen #audit-table {
        height: 1fr;
        border: round $accent;
        border-title-color: $accent;
    }
    AuditScreen #audit-detail {
        height: 6;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, session: Session, day: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.service = session.service
        self.day: date = day or session.today()
        self.days: list[date] = []
        self.audit: DayAudit | None = None
        self.rows: list[AuditRow] = []
        self._chosen = day is not None

    def compose(self) -> ComposeResult:
        yield Static(id="audit-header")
        yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="audit-detail", markup=False)
        yield KeyBar()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#audit-table", DataTable)

    @property
    def loaded(self) -> bool:
        return self.audit is not None and self.audit.day == self.day

    def on_mount(self) -> None:
        for label, width in COLUMNS:
            self.table.add_column(label, width=width)
        self.table.border_title = "Billing audit · findings by patient"
        self.query_one("#audit-detail", Static).border_title = "Finding"
        self.table.focus()
        self.load(self.day)

    # Loading ------------------------------------------------------------------------------------

    def load(self, day: date) -> None:
        """Show `day` (its audit is read in a worker; the header says so meanwhile)."""
        self.day = day
        self.audit = None
        self._show_header()
        self._read(day)

    @work(thread=True, exclusive=True, group="day-audit")
    def _read(self, day: date) -> None:
        try:
            days = audit_days(self.service)
            if not self._chosen:
                day = default_day(days, day)
            audit = build_day_audit(self.service, day)
        except Exception as exc:  # a busy or vanished database must not end the session
            self.app.call_from_thread(self._failed, f"The day could not be read: {exc}")
            return
        self.app.call_from_thread(self._show, days, audit)

    def _failed(self, message: str) -> None:
        self.query_one("#audit-header", Static).update(Text(message, style="bold red"))
        self.notify(message, title="Audit", severity="error", markup=False)

    def _show(self, days: list[date], audit: DayAudit) -> None:
        """Fill the table; a stale answer (the clinician stepped on meanwhile) is dropped."""
        if self._chosen and audit.day != self.day:
            return
        keep = self.table.cursor_row if self.audit is not None else 0
        self._chosen = True
        self.days, self.day, self.audit = days, audit.day, audit
        self.rows = audit_rows(audit)
        table = self.table
        table.clear()
        for index, row in enumerate(self.rows):
            table.add_row(*row.cells(), key=str(index))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1), animate=False)
        self._show_header()
        self._show_detail()

    def _show_header(self) -> None:
        header = header_text(self.day, self.audit)
        if self.audit is not None and self.audit.review:
            header += Text(f" · {self.audit.review}", style="dim")
        self.query_one("#audit-header", Static).update(header)

    @on(DataTable.RowHighlighted, "#audit-table")
    def _show_detail(self) -> None:
        detail = self.query_one("#audit-detail", Static)
        row = self.selected_row
        if row is not None:
            detail.update(row.detail)
        elif self.audit is not None:
            detail.update("No notes are dated this day. p and n step to days with notes.")
        else:
            detail.update("")

    @property
    def selected_row(self) -> AuditRow | None:
        if not self.rows or not self.table.row_count:
            return None
        return self.rows[min(self.table.cursor_row, len(self.rows) - 1)]

    # Actions ------------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_previous_day(self) -> None:
        self._step(-1)

    def action_next_day(self) -> None:
        self._step(1)

    def _step(self, step: int) -> None:
        day = step_day(self.days, self.day, step)
        if day is None:
            which = "earlier" if step < 0 else "later"
            self.notify(f"No {which} day has notes.", title="Audit", markup=False)
            return
        self.load(day)

    @on(DataTable.RowSelected, "#audit-table")
    def _selected(self) -> None:
        """Enter on a row: the table answers it in key order (a priority binding would run
        before a cursor move typed just ahead of it)."""
        self.action_open_draft()

    def action_open_draft(self) -> None:
        """Back to the queue with this note's draft selected."""
        row = self.selected_row
        if row is None:
            return
        if row.draft_id is None:
            self.notify("This note has no draft to open.", severity="warning", markup=False)
            return
        review = next((s for s in self.app.screen_stack if isinstance(s, ReviewScreen)), None)
        self.dismiss(row.draft_id)
        if review is not None:
            review.show_draft(row.draft_id)

    def action_export(self) -> None:
        if not self.loaded or self.audit is None:
            self.notify("The day is still being read.", severity="warning", markup=False)
            return
        try:
            path = export_day_audit(self.service, self.audit, self.session.signer_name)
        except (ChartdeskError, OSError) as exc:
            self.notify(str(exc), title="Not exported", severity="error", markup=False)
            return
        self.notify(self.service.relative(path), title="Audit report exported", markup=False)

    def action_model_review(self) -> None:
        """Ask the model about the heuristic findings, if the clinic's privacy gate allows."""
        if not self.loaded or self.audit is None:
            return
        choice = review_backend(self.service.context)
        if choice.backend is None:
            self.audit = not_reviewed(self.audit, choice.reason)
            self._show_header()
            self.notify(choice.reason, title="No model review", severity="warning", markup=False)
            return
        self.notify("Asking the model about the heuristic findings…", title="Model review")
        self._review(self.audit, choice.backend)

    @work(exclusive=True, group="day-audit-review")
    async def _review(self, audit: DayAudit, backend: Backend) -> None:
        try:
            reviewed = await review_day_audit(self.service, audit, backend)
        except Exception as exc:  # the heuristic findings stay; the session goes on
            self.notify(f"{exc}", title="Model review failed", severity="error", markup=False)
            return
        if self.day == reviewed.day:
            self._show(self.days, reviewed)
        cost = f" (${reviewed.cost_usd:.4f})" if reviewed.cost_usd else ""
        self.notify(f"{reviewed.review}{cost}", title="Model review", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
