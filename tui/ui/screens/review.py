"""The main screen: the queue beside (or above) the selected draft, and every review action.

Dialogs and editors are imported when first opened: start-up time is part of the review
app's speed target, and most sessions open only a few of them.

The screen follows the store by its change cursor (`ClinicService.poll`, once a second), so
drafts made by any process appear without a restart; rows change in place, the cursor stays.
Events of a drafter running in this process arrive as `DrafterEvent` messages and are applied
at once (new rows, streaming text).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input

from tui.core.errors import ChartdeskError
from tui.core.records.store import Draft, StoreReplaced, text_sha256
from tui.core.review.rules import (
    addendum_refusal,
    approve_refusal,
    cancel_refusal,
    edit_refusal,
    identify_refusal,
    next_status_filter,
    next_to_review,
    query_terms,
    regenerate_refusal,
    reject_refusal,
    shown_title,
    status_word,
)
from tui.ui.drafter import DrafterEvent
from tui.ui.keymap import bindings_for
from tui.ui.session import Session
from tui.ui.widgets.flow import FlowLine
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.preview import DraftPreview, Shown, SourcePane
from tui.ui.widgets.queue import QueueTable, RowBatch
from tui.ui.widgets.status import StatusBar
from tui.ui.widgets.today import TodayBar

if TYPE_CHECKING:
    from tui.core.review.stats import TodayFigures
    from tui.ui.screens.approve import SignRequest

POLL_SECONDS = 1.0
FIRST_ROWS = 200
"""Rows read before the first frame (more than any screen is tall); the rest load after it."""
BACKGROUND_START_SECONDS = 0.25
"""Background work (the rest of the queue, the drafter) waits this long after mounting, so it
does not slow the first frames: Textual fills the footer in a few frames after the first."""
OPEN_AFTER_SECONDS = 1.0
RECENT_DAYS = 30
"""The queue lists the open work and the drafts of the last RECENT_DAYS days; `/` also searches
the older ones in the store."""
SEARCH_REST_SECONDS = 0.3
PREVIEW_REST_SECONDS = 0.08
"""The draft pane follows the cursor once it rests this long: a j held down (or typed fast)
moves the cursor at full speed and only the draft it stops on is read and drawn."""
STACK_BELOW_COLUMNS = 130
"""Narrower than this, the queue sits above the draft: side by side, the draft pane would be
too narrow to read (the queue needs about 64 columns to show its columns whole)."""


class FilterInput(Input):
    """The `/` filter line: typing filters the queue at once; enter keeps it, esc clears it."""

    BINDINGS = bindings_for("filter")

    def watch_value(self, value: str) -> None:
        """Filter as the key is typed, in the same frame (Input.Changed would arrive after
        the frame that echoes the key, and the queue would follow one frame late)."""
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.filter_to(value)

    def action_apply_filter(self) -> None:
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.apply_filter()

    def action_clear_filter(self) -> None:
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.clear_filter()


class ReviewScreen(Screen[None]):
    BINDINGS = bindings_for("queue")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (STACK_BELOW_COLUMNS, "-wide")]  # noqa: RUF012

    reading: reactive[bool] = reactive(False)
    """True while a draft is open full-size (the queue is hidden; j/k still move)."""
    show_source: reactive[bool] = reactive(False)
    """True while the source note is shown beside the draft (`s`)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.service = session.service
        self._cursor = 0
        self._poll_failed = False
        self._growing: int | None = None  # a draft shown while its text grows (any drafter)
        self._opened: set[int] = set()
        self._open_timer: Timer | None = None
        self._loading = False
        self._checking: set[int] = set()
        self._preview_timer: Timer | None = None
        self._search_timer: Timer | None = None
        self._searched: tuple[str, ...] = ()
        self._since = ""

    def compose(self) -> ComposeResult:
        yield StatusBar(self.service.context.name, id="status")
        yield TodayBar(id="today")
        with Container(id="panes"):
            yield QueueTable(id="queue")
            yield DraftPreview(id="preview")
            yield SourcePane(id="source")
        filter_input = FilterInput(
            placeholder="filter: patient, document, date, status", id="filter"
        )
        filter_input.cursor_blink = False  # no repaint twice a second over SSH
        yield filter_input
        yield FlowLine(id="flow")
        yield KeyBar()

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    @property
    def preview(self) -> DraftPreview:
        return self.query_one(DraftPreview)

    @property
    def source(self) -> SourcePane:
        return self.query_one(SourcePane)

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def on_mount(self) -> None:
        self.table.border_title = "Queue"
        self.preview.border_title = "Draft"
        self.source.border_title = "Source note"
        self._cursor = self.service.change_cursor()
        self.table.on_cursor_moved = self.preview_soon
        self._since = (self.session.today() - timedelta(days=RECENT_DAYS)).isoformat()
        first = self.service.queue_entries(limit=FIRST_ROWS, since=self._since)
        self.table.load(first)
        self._start_on_work()
        self._loading = len(first) == FIRST_ROWS
        self.query_one(StatusBar).show_counts(self.service.open_counts())
        self._show_queue_title()
        self.table.focus()
        self.load_preview()
        if self._loading:
            self.set_timer(BACKGROUND_START_SECONDS, self.load_rest)
        self.set_interval(POLL_SECONDS, self.poll_changes)
        self.refresh_today()

    def _start_on_work(self) -> None:
        """Open on the first draft that needs the clinician, not on a row signed earlier in
        the day (where `a` would only say it is signed)."""
        first = next_to_review(self.table.listed(), -1)
        if first is not None:
            self.table.select_draft(first)

    @work(thread=True, exclusive=True, group="queue", exit_on_error=False)
    def load_rest(self) -> None:
        """Read and build every row after the first screenful, off the UI thread, once the
        first screen is out: a clinic with 10,000 drafts opens as fast as one with 100."""
        try:
            batch = RowBatch.of(self.service.queue_entries(since=self._since))
        except Exception as exc:  # a busy or broken store: say so, the first rows stay usable
            self.app.call_from_thread(self._rest_failed, str(exc))
            return
        self.app.call_from_thread(self._rest_loaded, batch)

    def _rest_failed(self, reason: str) -> None:
        self._loading = False
        self._show_queue_title()
        self.notify(f"Only the first {FIRST_ROWS} drafts are listed: {reason}. Restart to "
                    "try again.", title="Could not read the queue", severity="error",
                    timeout=30, markup=False)  # fmt: skip

    def _rest_loaded(self, batch: RowBatch) -> None:
        if not self.is_attached:
            return
        self.table.add_batch(batch, preview=not self.app_locked)
        self._loading = False
        self._show_queue_title()
        # Tens of thousands of long-lived row objects now exist; freezing them keeps Python's
        # cyclic GC from rescanning them all on every collection (pauses of 30-80 ms that
        # otherwise land on random keystrokes).
        gc.freeze()

    # Following the store ------------------------------------------------------------------------

    def poll_changes(self) -> None:
        """Pick up drafts changed by any process since the last look."""
        try:
            self.service.check_store()
        except StoreReplaced as exc:
            lost = getattr(self.app, "store_lost", None)
            if callable(lost):
                lost(str(exc))
            return
        except OSError:
            pass
        try:
            result = self.service.poll(self._cursor)
        except Exception as exc:  # a busy or vanished database must not kill the session
            if not self._poll_failed:
                self.notify(f"Could not read the queue: {exc}", severity="warning", markup=False)
            self._poll_failed = True
            return
        self._poll_failed = False
        self._cursor = result.cursor
        if result.drafts:
            self.apply_changes(result.drafts, result.counts)
        elif self._growing is not None and self._growing == self.table.selected_id:
            self.load_preview()  # another process drafts it: its checkpoints change no draft

    def apply_changes(self, drafts: list[Draft], counts: dict[str, int] | None = None) -> None:
        selected = self.table.selected_id
        before = self.table.entry(selected) if selected is not None else None
        listed = self.table.listed()
        self.table.upsert(drafts)
        was_open = before is not None and before.status != "superseded"
        replaced = [d for d in drafts if d.id == selected and d.status == "superseded"]
        if replaced and was_open:
            self._replaced(replaced[0], listed)
        self.query_one(StatusBar).show_counts(counts or self.service.open_counts())
        self._show_queue_title()
        if self.table.selected_id in {d.id for d in drafts} or self.preview.draft_id is None:
            self.load_preview()
        self.refresh_today()

    def _replaced(self, draft: Draft, listed: list[tuple[int, str]]) -> None:
        """The draft under the cursor was just replaced (a corrected note, or a newer draft of
        the same visit): move to its replacement, which is the one to review now."""
        replacement = draft.superseded_by
        if replacement is not None and self.table.entry(replacement) is not None:
            self.table.select_draft(replacement)
            self.current_preview()
            what = (f"{shown_title(draft)} was {draft.reason}", f"Draft {draft.id} was replaced")
            self.query_one(FlowLine).say([what, (f"now on draft {replacement}",)], "bold yellow")
            return
        self.move_on(draft, listed, (f"{shown_title(draft)} was {draft.reason or 'replaced'}",
                                     f"Draft {draft.id} was replaced"))  # fmt: skip

    def move_on(self, done: Draft, listed: list[tuple[int, str]], what: Sequence[str]) -> None:
        """After `done` was signed, rejected or replaced: the cursor to the next draft that
        waits for review (`listed` is the queue as it was shown before the action), and the
        flow line says what happened and what is next."""
        next_id = next_to_review(listed, done.id)
        parts: list[Sequence[str]] = [what]
        if next_id is not None and self.table.entry(next_id) is not None:
            self.table.select_draft(next_id)
            self.current_preview()
            entry = self.table.entry(next_id)
            assert entry is not None
            patient = entry.patient or "no patient"
            document = entry.skill.replace("_", " ")
            checks = entry.check_summary
            parts.append((f"next: {patient} · {document}" + (f" ({checks})" if checks else ""),
                          f"next: {patient} · {document}", f"next: {patient}"))  # fmt: skip
            waiting = sum(1 for draft_id, status in self.table.listed()
                          if status == "ready" and draft_id != done.id)  # fmt: skip
            parts.append((f"{waiting} waiting for review", f"{waiting} waiting"))
        elif self.table.terms or self.table.status_filter != "all":
            parts.append(("no other draft waiting for review matches the filter",
                          "none waiting here"))  # fmt: skip
        else:
            parts.append(("nothing else is waiting for review", "nothing else waiting"))
        self.query_one(FlowLine).say(parts)

    def refresh_draft(self, draft_id: int) -> None:
        """Show the effect of this session's own action at once, without waiting for a poll."""
        self.apply_changes([self.service.draft(draft_id)])

    @on(DrafterEvent)
    def _drafter_event(self, message: DrafterEvent) -> None:
        event = message.event
        if event.kind == "role":
            self.query_one(StatusBar).show_drafter(event.status, event.reason)
        elif event.kind == "progress" and event.draft_id == self.table.selected_id:
            self.load_preview()
        elif event.kind == "draft" and event.draft_id is not None:
            self.poll_changes()
        elif event.kind == "delivery":
            self.poll_changes()
            self.refresh_today()

    @work(thread=True, exclusive=True, group="today", exit_on_error=False)
    def refresh_today(self) -> None:
        """The day's figures read the store and diff signed texts: off the UI thread. The
        panel is looked up on the UI thread, where it may be gone if the app is closing."""
        figures = self.service.today(self.session.today())
        self.app.call_from_thread(self._show_today, figures)

    def _show_today(self, figures: TodayFigures) -> None:
        for bar in self.query(TodayBar):
            bar.show(figures)

    # The draft pane -----------------------------------------------------------------------------

    def shown_for(self, draft: Draft) -> Shown:
        """Gather what the draft pane shows: the text to sign (or the signed text with its
        addenda), what is open on that version, and the values the note does not support
        highlighted where the checks found them."""
        service = self.service
        skill = service.clinic.skills.get(draft.skill)
        skill_name = skill.name if skill else draft.skill
        if draft.status == "approved":
            version = service.signed_version(draft.id)
            text = version.text if version else None
            for number, addendum in enumerate(service.addenda(draft.id), start=1):
                text = f"{text or ''}\n\n---\n\n## Addendum {number}\n\n{addendum.text}"
        else:
            version = service.latest_version(draft.id)
            text = version.text if version else None
        partial_text = ""
        if text is None and draft.status in ("queued", "drafting"):
            drafter = self.session.drafter
            partial_text = (drafter or self.service).partial_text(draft.id)
        self._growing = draft.id if text is None and draft.status == "drafting" else None
        if draft.checking:
            self.check_soon(draft.id)
        return Shown(
            draft,
            version,
            text,
            skill_name,
            self._marks(draft),
            partial=partial_text,
            gate=service.open_items(draft, version),
            signed=service.signature_line(draft.id) if draft.status == "approved" else "",
        )

    def _marks(self, draft: Draft) -> tuple[str, ...]:
        """The unsupported values as written in the version the checks read."""
        unsupported = draft.checks.get("unsupported") or []
        checked = self.service.version(draft.id, draft.checked_n) if unsupported else None
        if checked is None:
            return ()
        return tuple(
            checked.text[f["span"][0] : f["span"][1]]
            for f in unsupported
            if isinstance(f.get("span"), list) and len(f["span"]) == 2
        )

    def check_soon(self, draft_id: int) -> None:
        """Check a version whose checks are not stored yet, off the UI thread, once."""
        if draft_id not in self._checking:
            self._checking.add(draft_id)
            self._run_check(draft_id)

    @work(thread=True, group="checks", exit_on_error=False)
    def _run_check(self, draft_id: int) -> None:
        try:
            self.service.check_version(draft_id)
        except Exception as exc:  # the draft stays "checking"; signing checks it again
            self.app.call_from_thread(self._check_failed, draft_id, str(exc))
            return
        self.app.call_from_thread(self._checked, draft_id)

    def _checked(self, draft_id: int) -> None:
        self._checking.discard(draft_id)
        if self.is_attached:
            self.refresh_draft(draft_id)

    def _check_failed(self, draft_id: int, reason: str) -> None:
        self._checking.discard(draft_id)
        self.notify(f"Draft {draft_id}: {reason}", title="Could not check", severity="warning",
                    markup=False)  # fmt: skip

    def _note_text(self, draft_id: int) -> str:
        try:
            note = self.service.source_note(draft_id)
        except Exception:  # a failed note has no stored content
            return ""
        return note.text if note.kind == "text" else ""

    def preview_soon(self) -> None:
        """The cursor moved: show its draft once the cursor rests (PREVIEW_REST_SECONDS), or
        at once while a draft is open full-size (the queue is hidden: the draft is all there
        is to draw)."""
        if self.reading:
            self.current_preview()
        elif self._preview_timer is None:
            self._preview_timer = self.set_timer(PREVIEW_REST_SECONDS, self._preview_rested)
        else:
            self._preview_timer.reset()

    def _preview_rested(self) -> None:
        self._preview_timer = None
        if not self.app_locked:
            self.load_preview()

    def current_preview(self) -> None:
        """Before an action reads the draft pane: show the draft under the cursor now if the
        pane is still waiting for the cursor to rest."""
        if self._preview_timer is not None or self.preview.draft_id != self.table.selected_id:
            if self._preview_timer is not None:
                self._preview_timer.stop()
                self._preview_timer = None
            self.load_preview()

    def load_preview(self) -> None:
        draft_id = self.table.selected_id
        if draft_id is None:
            self.preview.show(None, self._empty_reason())
            if self.show_source:
                self.source.show_message("No draft selected.")
            return
        draft = self.service.draft(draft_id)
        self.preview.show(self.shown_for(draft))
        if self.show_source:
            self.load_source(draft)
        self._arm_open_record()

    def load_source(self, draft: Draft) -> None:
        if self.source.draft_id == draft.id:
            return
        try:
            note = self.service.source_note(draft.id)
        except Exception as exc:
            self.source.show_message(f"The note could not be read: {draft.reason or exc}")
            return
        if note.kind != "text":
            self.source.show_scan(draft.id, note.name, note.media_type, len(note.data))
            return
        spans = []
        if draft.parent_id is None:
            for fact in draft.checks.get("missing") or []:
                span = fact.get("span")
                if isinstance(span, list) and len(span) == 2:
                    spans.append((int(span[0]), int(span[1])))
        self.source.show_text(draft.id, note.name, note.text, spans)

    def _arm_open_record(self) -> None:
        """Record "open" in the audit log once the cursor rests on a draft (not for every row
        passed over with j/k)."""
        if self._open_timer is None:
            self._open_timer = self.set_timer(OPEN_AFTER_SECONDS, self._record_open)
        else:
            self._open_timer.reset()

    def _record_open(self) -> None:
        self._open_timer = None
        draft_id = self.preview.draft_id
        if draft_id is not None and draft_id not in self._opened and not self.app_locked:
            self._opened.add(draft_id)
            self._audit_open(draft_id)

    @work(thread=True, group="audit")
    def _audit_open(self, draft_id: int) -> None:
        self.service.record_open(draft_id, self.session.signer_name)

    @property
    def app_locked(self) -> bool:
        return bool(getattr(self.app, "locked", False))

    @on(DataTable.RowSelected, "#queue")
    def _selected(self) -> None:
        self.action_open()

    # Moving, reading, filtering -----------------------------------------------------------------

    def watch_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    def watch_show_source(self, show: bool) -> None:
        self.set_class(show, "-source")
        if show and self.table.selected_id is not None:
            self.load_source(self.service.draft(self.table.selected_id))

    @property
    def filtered(self) -> bool:
        """A filter is kept on the queue (typed with / and kept with enter, or f)."""
        return bool(self.table.terms) or self.table.status_filter != "all"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_draft":
            return self.reading or self.show_source or self.filtered
        if action == "open":
            return not self.filter_input.has_focus
        return True

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open(self) -> None:
        self.current_preview()
        draft_id = self.table.selected_id
        if draft_id is None:
            return
        self.reading = True
        self.preview.focus()
        if draft_id not in self._opened:
            self._opened.add(draft_id)
            self._audit_open(draft_id)

    def action_close_draft(self) -> None:
        """esc: back from a full-size draft or the source note; on the queue itself, clear a
        kept filter."""
        if not self.reading and not self.show_source and self.filtered:
            self.clear_filter(status=True)
            return
        self.reading = False
        self.show_source = False
        self.table.focus()

    def action_switch_pane(self) -> None:
        self.current_preview()
        if self.reading or self.preview.has_focus:
            self.reading = False
            self.table.focus()
        else:
            self.preview.focus()

    def action_toggle_source(self) -> None:
        self.show_source = not self.show_source

    def action_filter(self) -> None:
        self.filter_input.add_class("-shown")
        # At once, not on the app's next turn: keys that came in the same read as "/" must
        # find the filter focused (see tui.ui.typed.KeyGate).
        self.set_focus(self.filter_input)

    def apply_filter(self) -> None:
        if not self.filter_input.value.strip():
            self.filter_input.remove_class("-shown")
        self.table.focus()
        self.refresh_bindings()

    def clear_filter(self, *, status: bool = False) -> None:
        """Clear the typed filter (esc in the filter line), and with `status` the status
        filter too (esc on the queue): the whole queue again."""
        self.filter_input.value = ""
        self.filter_input.remove_class("-shown")
        if status and self.table.status_filter != "all":
            self.table.set_filter(self.table.terms, "all")
            self._after_filter()
        self.table.focus()
        self.refresh_bindings()

    def filter_to(self, query: str) -> None:
        terms = query_terms(query)
        if terms != self.table.terms:
            if not terms:
                self.table.drop_older()
            self.table.set_filter(terms, self.table.status_filter)
            self._search_soon()
            self._after_filter()

    # Older documents -----------------------------------------------------------------------
    # The queue lists the open work and the last RECENT_DAYS days (a clinic's tenth year has
    # hundreds of thousands of signed drafts); a `/` query also searches the older ones in the
    # store, once typing rests, and adds what it finds until the query is cleared.

    def _search_soon(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = None
        if self.table.terms:
            self._search_timer = self.set_timer(SEARCH_REST_SECONDS, self._search_older)

    def _search_older(self) -> None:
        self._search_timer = None
        terms = self.table.terms
        if terms:
            self._search(terms)

    @work(thread=True, exclusive=True, group="older", exit_on_error=False)
    def _search(self, terms: tuple[str, ...]) -> None:
        try:
            found = self.service.search_drafts(terms, self._since)
        except Exception:  # a busy store: the listed drafts are still filtered
            return
        self.app.call_from_thread(self._older_found, terms, RowBatch.of(found))

    def _older_found(self, terms: tuple[str, ...], batch: RowBatch) -> None:
        if not self.is_attached or terms != self.table.terms:
            return
        self._searched = terms
        self.table.add_older(batch, preview=not self.app_locked)
        self._show_queue_title()
        if self.table.selected_id is None and not self.app_locked:
            self.load_preview()  # the empty queue now says the store has nothing older

    def action_status_filter(self) -> None:
        status = next_status_filter(self.table.status_filter)
        self.table.set_filter(self.table.terms, status)
        self._after_filter()
        self.refresh_bindings()

    def _after_filter(self) -> None:
        self._show_queue_title()
        self.preview_soon()

    def _empty_reason(self) -> str:
        """Why the queue shows nothing: a filter (and how to clear it), or no drafts at all."""
        table = self.table
        if not table.total:
            return ""
        what = []
        if table.terms:
            what.append(f"“{' '.join(table.terms)}”")
        if table.status_filter != "all":
            what.append(f"status {status_word(table.status_filter)}")
        if not what:
            return ""
        if not table.terms:
            older = ""
        elif table.terms == self._searched:
            older = " No older document in the store matches either."
        else:
            older = " Looking for older documents in the store…"
        return (f"No draft matches {' and '.join(what)}. esc clears the filter "
                f"({table.total} drafts listed).{older}")  # fmt: skip

    def _show_queue_title(self) -> None:
        table = self.table
        shown, total = table.row_count, table.total
        parts = ["Queue"]
        if table.status_filter != "all":
            parts.append(status_word(table.status_filter))
        if table.terms:
            parts.append("/" + " ".join(table.terms))
        if shown != total or len(parts) > 1:
            parts.append(f"{shown} of {total}")
        if table.older:
            parts.append(f"{table.older} older found")
        if self._loading:
            parts.append("loading…")
        table.border_title = " · ".join(parts)

    def on_hide(self) -> None:
        """Covered by another screen (e.g. the lock): stop the open and preview timers."""
        if self._open_timer is not None:
            self._open_timer.stop()
            self._open_timer = None
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None

    # Review actions -----------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        """The selected draft as the store has it now (another session may have acted on it),
        with the draft pane showing it (an action never works on a pane left behind)."""
        self.current_preview()
        draft_id = self.table.selected_id
        return None if draft_id is None else self.service.draft(draft_id)

    def _refuse(self, why: str | None, what: str) -> bool:
        if why:
            self.notify(why, title=f"Cannot {what}", severity="warning", markup=False)
        return bool(why)

    def action_edit(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        why = edit_refusal(draft)
        if draft.status == "approved":
            why = f"{why} Press n to add a signed addendum."
        if self._refuse(why, "edit"):
            return
        version = self.service.latest_version(draft.id)
        if version is None:
            self.notify(f"Draft {draft.id} has no text to edit.", severity="warning", markup=False)
            return
        from tui.ui.screens.editor import EditorScreen

        editor = EditorScreen(self.session, draft, version)
        self.app.push_screen(editor, lambda _saved: self.refresh_draft(draft.id))

    def action_patient(self) -> None:
        """The patient screen of the selected draft's patient."""
        draft = self.current_draft()
        if draft is None:
            return
        from tui.ui.screens.patient import PatientScreen

        self.app.push_screen(PatientScreen(self.session, draft.note_id))

    def action_approve(self) -> None:
        """Sign the draft on screen (or co-sign a signed one that awaits its supervisor)."""
        draft = self.current_draft()
        if draft is None:
            return
        if draft.status == "approved":
            self._cosign(draft)
            return
        if self._refuse(approve_refusal(draft), "sign"):
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
        try:
            gate = self.service.gate(draft.id)
        except ChartdeskError as exc:
            self._refuse(str(exc), "sign")
            return
        seen = self.preview.shown_text
        if seen is not None and text_sha256(seen) != gate.version_sha256:
            self.refresh_draft(draft.id)
            self._refuse("The text changed since it was shown; read it again to sign.", "sign")
            return
        self.refresh_draft(draft.id)
        screen = self.session.sign_screen(draft, gate)
        self.app.push_screen(screen, partial(self._sign, draft, gate.version_sha256))

    def _sign(self, draft: Draft, seen: str, request: SignRequest | None) -> None:
        if request is None:
            return
        listed = self.table.listed()
        try:
            signer = self.session.authenticate(request)
            files = self.service.approve(
                draft.id, signer, expected_sha256=seen, reason=request.reason
            )
        except (ChartdeskError, OSError) as exc:
            self.refresh_draft(draft.id)
            self.notify(str(exc), title="Not signed", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        if self.session.drafter is not None:
            self.session.drafter.wake()  # its outbox worker delivers the signed files now
        where = self.service.relative(files[0].with_suffix(".md"))
        over = " over open findings (reason kept)" if request.reason else ""
        who = draft.patient or f"draft {draft.id}"
        name = shown_title(draft)
        what = (f"Signed{over} {name} as {where}", f"Signed{over} {name}", f"Signed {who}")
        self.move_on(draft, listed, what)

    def _cosign(self, draft: Draft) -> None:
        approval = self.service.approval(draft.id)
        if approval is None or not approval["cosign_by"] or approval["cosigned"] is not None:
            why = (
                f"Draft {draft.id} is already co-signed."
                if approval and approval["cosigned"]
                else f"Draft {draft.id} is already signed."
            )
            self._refuse(why, "sign")
            return
        screen = self.session.sign_screen(
            draft,
            None,
            only=approval["cosign_by"],
            heading="Co-sign",
            note="The co-signed record (the document and both signatures) is written beside "
            "the signed one in approved/; neither can be changed.",
        )
        self.app.push_screen(screen, partial(self._cosigned, draft))

    def _cosigned(self, draft: Draft, request: SignRequest | None) -> None:
        if request is None:
            return
        try:
            signer = self.session.authenticate(request)
            self.service.cosign(draft.id, signer)
        except (ChartdeskError, OSError) as exc:
            self.notify(str(exc), title="Not co-signed", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        self.notify(
            f"{shown_title(draft)}\nCo-signed by {signer.clinician.signature}",
            title="Co-signed",
            markup=False,
        )

    def action_identify(self) -> None:
        """Set the patient, date of service, MRN or DOB of the draft's note."""
        draft = self.current_draft()
        if draft is None or self._refuse(identify_refusal(draft), "change the header"):
            return
        from tui.ui.screens.identify import IdentifyScreen

        self.app.push_screen(IdentifyScreen(draft), partial(self._identified, draft))

    def _identified(self, draft: Draft, fields: dict[str, str] | None) -> None:
        if not fields:
            return
        try:
            changed = self.service.identify(draft.id, fields, self.session.signer_name)
        except ChartdeskError as exc:
            self.notify(str(exc), title="Header not changed", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        if changed:
            self.notify(f"{shown_title(self.service.draft(draft.id))}\nSet: {', '.join(changed)}",
                        title="Header set", markup=False)  # fmt: skip

    def action_reject(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(reject_refusal(draft), "reject"):
            return
        from tui.ui.screens.reject import RejectScreen

        self.app.push_screen(RejectScreen(draft), partial(self._reject, draft))

    def _reject(self, draft: Draft, reason: str | None) -> None:
        if not reason:
            return
        listed = self.table.listed()
        try:
            self.service.reject(draft.id, reason, clinician=self.session.signer_name)
        except ChartdeskError as exc:
            self.refresh_draft(draft.id)
            self.notify(str(exc), title="Not rejected", severity="error", markup=False)
            return
        self.refresh_draft(draft.id)
        who = draft.patient or f"draft {draft.id}"
        what = (f"Rejected {shown_title(draft)} ({reason})", f"Rejected {shown_title(draft)}",
                f"Rejected {who}")  # fmt: skip
        self.move_on(draft, listed, what)

    def action_regenerate(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(regenerate_refusal(draft), "redraft"):
            return
        from tui.ui.screens.instruction import InstructionScreen

        self.app.push_screen(InstructionScreen(draft), partial(self._regenerate, draft))

    def _regenerate(self, draft: Draft, instruction: str | None) -> None:
        if instruction is None:
            return
        try:
            self.service.regenerate(draft.id, instruction, clinician=self.session.signer_name)
        except ChartdeskError as exc:
            self.refresh_draft(draft.id)
            self.notify(str(exc), title="Not redrafted", severity="error", markup=False)
            return
        if self.session.drafter is not None:
            self.session.drafter.wake()
        self.refresh_draft(draft.id)
        how = f" ({instruction})" if instruction else ""
        self.notify(
            f"{shown_title(draft)}{how}\n"
            "The new text becomes the next version; the old one is kept.",
            title="Drafting again",
            markup=False,
        )

    def action_cancel_drafting(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(cancel_refusal(draft), "cancel"):
            return
        cancelled = self.service.cancel_draft(draft.id, self.session.signer_name)
        if self.session.drafter is not None:
            self.session.drafter.cancel(draft.id)
        self.refresh_draft(draft.id)
        if cancelled:
            self.notify(
                f"{shown_title(draft)}\nDrafting cancelled.", title="Cancelled", markup=False
            )

    def action_diff(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        shown = self.shown_for(draft)
        model = self.service.model_version(draft.id)
        if model is None or shown.text is None:
            self.notify("No model draft to compare with yet.", severity="warning", markup=False)
            return
        from tui.ui.screens.diff import DiffScreen, diff_for

        current = shown.version.n if shown.version else model.n
        self.app.push_screen(DiffScreen(shown_title(draft), diff_for(model, shown.text, current)))

    def action_versions(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        if not self.service.versions(draft.id):
            self.notify("This draft has no versions yet.", severity="warning", markup=False)
            return
        from tui.ui.screens.versions import VersionsScreen

        screen = VersionsScreen(self.session, draft, can_restore=edit_refusal(draft) is None)
        self.app.push_screen(screen, lambda _restored: self.refresh_draft(draft.id))

    def action_addendum(self) -> None:
        draft = self.current_draft()
        if draft is None or self._refuse(addendum_refusal(draft), "add an addendum"):
            return
        from tui.ui.screens.addendum import AddendumScreen

        self.app.push_screen(
            AddendumScreen(self.session, draft), lambda _signed: self.refresh_draft(draft.id)
        )

    def action_export(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        try:
            path = self.service.export_handout(draft.id, self.session.signer_name)
        except (ChartdeskError, OSError) as exc:
            self.notify(str(exc), title="Not exported", severity="warning", markup=False)
            return
        where = self.service.relative(path)
        self.notify(f"{where} and its .pdf\nPrint it on A4 or Letter.", title="Handout exported",
                    markup=False)  # fmt: skip

    def action_retry_delivery(self) -> None:
        """Queue a signed document's failed deliveries again, and have the drafter (if this
        process runs it) try them now."""
        draft = self.current_draft()
        if draft is None:
            return
        try:
            count = self.service.retry_delivery(draft.id, self.session.signer_name)
        except ChartdeskError as exc:
            self.notify(str(exc), title="Nothing to retry", severity="warning", markup=False)
            return
        if self.session.drafter is not None:
            self.session.drafter.wake()
        self.poll_changes()
        self.refresh_today()
        plural = "delivery" if count == 1 else "deliveries"
        self.notify(f"{count} {plural} queued again; `chartdesk push` sends now.",
                    title="Retrying", markup=False)  # fmt: skip

    def action_copy(self) -> None:
        draft = self.current_draft()
        if draft is None or self.preview.shown_text is None:
            return
        copy = getattr(self.app, "copy_draft_text", None)
        if copy is not None:
            copy(draft.id, self.preview.shown_text)

    def hide_patient_data(self) -> None:
        """Before the lock screen covers this one: drop rendered texts (defence in depth)."""
        self.preview.hide()
        self.source.show_message("")
        self.query_one(TodayBar).show(None)
        self.query_one(FlowLine).clear()  # "Signed <patient> · next: <patient>"

    def restore_patient_data(self) -> None:
        self.load_preview()
        self.refresh_today()

    def show_draft(self, draft_id: int) -> None:
        """Put the queue's cursor on a draft (the Audit screen jumps here); a filter hiding it
        is cleared, so the jump always lands."""
        if self.table.entry(draft_id) is None:  # older than the days the queue lists
            self.table.upsert([self.service.draft(draft_id)])
        if str(draft_id) not in self.table.rows:
            self.clear_filter()
            self.table.set_filter((), "all")
            self._after_filter()
        self.table.select_draft(draft_id)
        self.table.focus()
        self.load_preview()
