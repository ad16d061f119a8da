"""The main screen: the queue beside (or above) the selected draft, and the review actions.

The screen polls the store once a second (`last_change`, then `changed_since`) so drafts made by
the drafter in another process appear without a restart; rows change in place, the cursor stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from tui.core.context import Clinician
from tui.core.errors import ChartdeskError
from tui.core.review import approve_refusal, edit_refusal, reject_refusal, title
from tui.core.store import Draft, text_sha256
from tui.ui.keymap import bindings_for
from tui.ui.screens.approve import ApproveScreen
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.reject import RejectScreen
from tui.ui.session import Session
from tui.ui.widgets.preview import DraftPreview
from tui.ui.widgets.queue import QueueTable
from tui.ui.widgets.status import StatusBar

POLL_SECONDS = 1.0
STACK_BELOW_COLUMNS = 90


class ReviewScreen(Screen[None]):
    BINDINGS = bindings_for("queue")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (STACK_BELOW_COLUMNS, "-wide")]  # noqa: RUF012

    reading: reactive[bool] = reactive(False)
    """True while a draft is open full-size (the queue is hidden; j/k still move)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.service = session.service
        self._stamp = ""
        self._poll_failed = False

    def compose(self) -> ComposeResult:
        yield StatusBar(self.service.context.name, id="status")
        with Container(id="panes"):
            yield QueueTable(id="queue")
            yield DraftPreview(id="preview")
        yield Footer(show_command_palette=False)

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    @property
    def preview(self) -> DraftPreview:
        return self.query_one(DraftPreview)

    def on_mount(self) -> None:
        self.table.border_title = "Queue"
        self.preview.border_title = "Draft"
        self._stamp = self.service.last_change()
        self.table.upsert(self.service.drafts())
        self.query_one(StatusBar).show_counts(self.service.counts())
        self.table.focus()
        self.load_preview()
        self.set_interval(POLL_SECONDS, self.poll_changes)

    # Following the store ------------------------------------------------------------------------

    def poll_changes(self) -> None:
        """Pick up drafts changed by any process since the last look."""
        try:
            stamp = self.service.last_change()
            if stamp == self._stamp:
                return
            changed = self.service.changed_since(self._stamp)
        except Exception as exc:  # a busy or vanished database must not kill the session
            if not self._poll_failed:
                self.notify(f"Could not read the queue: {exc}", severity="warning", markup=False)
            self._poll_failed = True
            return
        self._poll_failed = False
        self._stamp = stamp
        self.apply_changes(changed)

    def apply_changes(self, drafts: Iterable[Draft]) -> None:
        drafts = list(drafts)
        self.table.upsert(drafts)
        self.query_one(StatusBar).show_counts(self.service.counts())
        if self.table.selected_id in {d.id for d in drafts} or self.preview.draft_id is None:
            self.load_preview()

    def refresh_draft(self, draft_id: int) -> None:
        """Show the effect of this session's own action at once, without waiting for a poll."""
        self.apply_changes([self.service.draft(draft_id)])

    def load_preview(self) -> None:
        draft_id = self.table.selected_id
        if draft_id is None:
            self.preview.show(None, None)
            return
        versions = self.service.versions(draft_id)
        self.preview.show(self.service.draft(draft_id), versions[-1] if versions else None)

    @on(DataTable.RowHighlighted, "#queue")
    def _highlighted(self) -> None:
        self.load_preview()

    @on(DataTable.RowSelected, "#queue")
    def _selected(self) -> None:
        self.action_open()

    # Moving and reading -------------------------------------------------------------------------

    def watch_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_draft":
            return self.reading
        return True

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open(self) -> None:
        if self.table.selected_id is None:
            return
        self.reading = True
        self.preview.focus()

    def action_close_draft(self) -> None:
        self.reading = False
        self.table.focus()

    def action_switch_pane(self) -> None:
        if self.reading or self.preview.has_focus:
            self.action_close_draft()
        else:
            self.preview.focus()

    # Review actions -----------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        """The selected draft as the store has it now (another session may have acted on it)."""
        draft_id = self.table.selected_id
        return None if draft_id is None else self.service.draft(draft_id)

    def _refuse(self, why: str | None, what: str) -> bool:
        if why:
            self.notify(why, title=f"Cannot {what}", severity="warning", markup=False)
        return bool(why)

    def action_edit(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(edit_refusal(draft), "edit"):
            return
        versions = self.service.versions(draft.id)
        if not versions:
            self.notify(f"Draft {draft.id} has no text to edit.", severity="warning", markup=False)
            return
        editor = EditorScreen(self.session, draft, versions[-1])
        self.app.push_screen(editor, lambda _saved: self.refresh_draft(draft.id))

    def action_approve(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(approve_refusal(draft), "sign"):
            return
        if not self.session.clinicians:
            self.notify(
                "context.toml lists no clinicians ([[clinicians]] with name and credentials); "
                "nobody can sign.",
                severity="error",
                markup=False,
            )
            return
        if self.preview.draft_id != draft.id:
            self.load_preview()
        seen = self.preview.shown_text
        screen = ApproveScreen(draft, self.session.clinicians, self.session.default_clinician())
        self.app.push_screen(screen, partial(self._sign, draft, seen))

    def _sign(self, draft: Draft, seen: str | None, clinician: Clinician | None) -> None:
        if clinician is None:
            return
        self.session.clinician = clinician
        expected = text_sha256(seen) if seen is not None else None
        try:
            files = self.service.approve(draft.id, clinician, expected_sha256=expected)
        except (ChartdeskError, OSError) as exc:
            self.refresh_draft(draft.id)
            self.notify(str(exc), title="Not signed", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        where = f"{files[0].name}\nin {self.service.relative(files[0].parent)}/" if files else ""
        self.notify(
            f"{title(draft)}\nSigned by {clinician.signature}\n{where}",
            title="Signed",
            markup=False,
        )

    def action_reject(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(reject_refusal(draft), "reject"):
            return
        self.app.push_screen(RejectScreen(draft), partial(self._reject, draft))

    def _reject(self, draft: Draft, reason: str | None) -> None:
        if not reason:
            return
        try:
            self.service.reject(draft.id, reason, clinician=self.session.signer_name)
        except ChartdeskError as exc:
            self.refresh_draft(draft.id)
            self.notify(str(exc), title="Not rejected", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        self.notify(f"{title(draft)}\nReason: {reason}", title="Rejected", markup=False)
