"""The draft pane and the source pane.

The draft pane's header carries what a clinician needs before signing — status, the Skill, the
backend and model, tokens and cost, the version, what the checks found and why a draft failed
— so the text itself stays clean; values the checks could not find in the note are highlighted
in the text. The source pane shows the note the draft was made from (as received), with the
facts missing from the draft highlighted; a scan is named, not shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from rich.text import Text

from tui.core.cost import usage_line
from tui.core.records.store import Draft, Version
from tui.core.review.rules import origin_label, status_word
from tui.core.signing.gate import NOTICE, OVERRIDE, REFUSAL, Gate
from tui.ui.render import markdown_text, numbered_text
from tui.ui.widgets.queue import status_style
from tui.ui.widgets.textview import TextView

_MAX_ITEMS = 8
# How each kind of open item is marked: refusals block signing, overrides need a reason.
_ITEM_STYLES: Final[Mapping[str, tuple[str, str]]] = {
    REFUSAL: ("✖ ", "bold red"),
    OVERRIDE: ("▲ ", "bold yellow"),
    NOTICE: ("• ", "yellow"),
}
EMPTY_QUEUE = "No drafts yet: notes dropped in the clinic's inbox/ folder appear here."
SCAN_NOTE = "A scan is sent to the drafting model as an image; open the file to read it."


@dataclass(frozen=True)
class Shown:
    """Everything the draft pane shows for one draft, gathered by the screen."""

    draft: Draft
    version: Version | None
    text: str | None
    skill_name: str = ""
    marks: tuple[str, ...] = ()
    partial: str = ""
    gate: Gate | None = None
    """What is open on the version shown (None for signed drafts and drafts with no text)."""
    signed: str = ""
    """Who signed a signed draft, when, and any co-signature it awaits."""


def usage_text(draft: Draft) -> str:
    """Backend, model, tokens and cost of a draft, as one short line; nothing for the
    offline drafter (the version already says "drafted offline", and it costs nothing)."""
    if draft.backend == "offline":
        return ""
    return usage_line(draft)


def header_text(shown: Shown) -> Text:
    """The draft pane's header; built from Text pieces so patient data is never markup."""
    draft, version = shown.draft, shown.version
    lines = [
        Text.assemble(
            (draft.patient or "(no patient named)", "bold" if draft.patient else "bold red"),
            f" · {shown.skill_name or draft.skill or '–'} · ",
            (draft.date or "no date", "" if draft.date else "bold red"),
        )
    ]
    state = [(status_word(draft.status), status_style(draft.status))]
    if version is not None:
        origin = origin_label(version.origin, draft.backend)
        state.append((f" · version {version.n} ({origin})", ""))
    usage = usage_text(draft)
    if usage:
        state.append((f" · {usage}", "dim"))
    lines.append(Text.assemble(*state))
    if draft.reason and draft.status in ("failed", "rejected", "queued", "ready", "superseded"):
        label = "Note" if draft.status == "ready" else draft.status.capitalize()
        lines.append(Text.assemble((f"{label}: ", "bold red"), draft.reason))
    if shown.signed:
        lines.append(Text(shown.signed, style="cyan"))
    lines += _check_lines(shown)
    grade = draft.checks.get("readability")
    if isinstance(grade, Mapping) and grade.get("grade") is not None and not draft.checking:
        lines.append(Text(f"Reading grade: {grade['grade']}", style="dim"))
    return Text("\n").join(lines)


def _check_lines(shown: Shown) -> list[Text]:
    """What the checks found on the version shown, in words, each with the line it rests on
    and its code as a small tag; "Checks: clean" only when nothing at all is open."""
    draft, gate = shown.draft, shown.gate
    if draft.checking:
        return [Text("Checking this version…", style="italic yellow")]
    if gate is None or not draft.checks:
        return []
    if gate.clean:
        return [Text("Checks: clean", style="green")]
    return _gate_lines(gate)


def _gate_lines(gate: Gate | None) -> list[Text]:
    if gate is None:
        return []
    lines = []
    for item in gate.items[:_MAX_ITEMS]:
        mark, style = _ITEM_STYLES[item.kind]
        where = f" ({item.where})" if item.where else ""
        lines.append(Text.assemble((mark, style), item.message, where, (f"  {item.code}", "dim")))
    hidden = len(gate.items) - _MAX_ITEMS
    if hidden > 0:
        lines.append(Text(f"+{hidden} more: a lists them all before signing", style="dim"))
    return lines


def body_text(shown: Shown) -> Text:
    """The pane's text: the draft, text still streaming in, or why there is none. What the
    drafter said beside the document (the offline notice, the measurements it found) follows
    the text, marked as not part of it."""
    if shown.text is not None:
        text = markdown_text(shown.text, shown.marks)
        aside = shown.draft.aside.strip()
        if aside and shown.draft.status != "approved":
            text.append_text(Text("\n\n── from the drafter, not part of the document ──\n", "dim"))
            text.append_text(Text(aside, style="dim italic"))
        return text
    if shown.partial:
        return Text.assemble(("Drafting…\n\n", "italic yellow"), shown.partial)
    if shown.draft.status in ("queued", "drafting"):
        return Text("Drafting… the text appears here when it is ready.", style="italic")
    return Text("No text: this draft has no version.", style="italic")


class DraftPreview(TextView):
    """Header and text of one draft; remembers exactly which text it is showing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft_id: int | None = None
        self.shown_text: str | None = None
        self._shown: Shown | None = None

    def show(self, shown: Shown | None, empty: str = "") -> None:
        """Show a draft (None: nothing to show, with `empty` saying why); the text is
        re-rendered only if it changed."""
        if shown is None:
            self.draft_id, self.shown_text, self._shown = None, None, None
            self.set_text(Text(empty or EMPTY_QUEUE, style="italic"))
            return
        if shown == self._shown:
            return
        moved = shown.draft.id != self.draft_id
        self.draft_id, self.shown_text, self._shown = shown.draft.id, shown.text, shown
        self.set_text(Text("\n").join([header_text(shown), Text(), body_text(shown)]), home=moved)

    def hide(self) -> None:
        """Forget the shown draft (the screen locks): no patient data stays rendered."""
        self.draft_id, self.shown_text, self._shown = None, None, None
        self.set_text(Text())


class SourcePane(TextView):
    """The source note beside the draft: text with missing facts highlighted, or a scan's name."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft_id: int | None = None

    def show_text(
        self, draft_id: int, name: str, text: str, spans: Sequence[tuple[int, int]]
    ) -> None:
        self.draft_id = draft_id
        self.border_subtitle = name
        self.set_text(numbered_text(text, spans), home=True)

    def show_scan(self, draft_id: int, name: str, media_type: str, size: int) -> None:
        self.draft_id = draft_id
        self.border_subtitle = name
        kind = "PDF" if media_type == "application/pdf" else "image"
        self.set_text(
            Text.assemble(
                (f"{kind}: ", "bold"),
                name,
                f"\n{media_type}, {size / 1024:.0f} KB\n\n",
                (SCAN_NOTE, "italic"),
            ),
            home=True,
        )

    def show_message(self, message: str) -> None:
        self.draft_id = None
        self.border_subtitle = ""
        self.set_text(Text(message, style="italic"), home=True)
