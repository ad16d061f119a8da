"""The preview pane: the selected draft's latest text as Markdown under a short header.

The header carries what a clinician needs before signing — status, who drafted it, the version,
what the checks found and why a draft failed or was rejected — so the text itself stays clean.

The text is rendered with Rich's Markdown inside one Static rather than Textual's Markdown
widget: the widget mounts one child per block (hundreds per draft, ~300 ms per cursor move),
while one renderable costs a few milliseconds, so j/k stay instant on long drafts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.markdown import Markdown
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.core.store import Draft, Version
from tui.ui.widgets.queue import status_style

_MAX_FACTS = 4


def fact_labels(facts: Iterable[Mapping[str, Any]]) -> list[str]:
    """Short labels of check facts ("pain 6/10"), whatever fields a fact carries."""
    labels = []
    for fact in facts:
        label = fact.get("label") or " ".join(
            str(fact[k]) for k in ("kind", "value", "unit") if fact.get(k)
        )
        labels.append(str(label))
    return labels


def _fact_line(title: str, facts: Sequence[Mapping[str, Any]], style: str) -> Text:
    labels = fact_labels(facts)
    more = f" (+{len(labels) - _MAX_FACTS} more)" if len(labels) > _MAX_FACTS else ""
    return Text.assemble((f"{title}: ", style), "; ".join(labels[:_MAX_FACTS]) + more)


def header_text(draft: Draft, version: Version | None) -> Text:
    """The preview header; built from Text pieces so patient data is never parsed as markup."""
    lines = [
        Text.assemble(
            (draft.patient or "(unknown patient)", "bold"),
            f" · {draft.skill or '–'} · {draft.date or 'no date'}",
        )
    ]
    source = draft.backend + (f" / {draft.model}" if draft.model else "")
    facts = [(draft.status, status_style(draft.status))]
    if source:
        facts.append((f" · {source}", ""))
    if version is not None:
        facts.append((f" · version {version.n} ({version.origin})", ""))
    if draft.cost_usd:
        facts.append((f" · ${draft.cost_usd:.4f}", ""))
    lines.append(Text.assemble(*facts))
    if draft.reason and draft.status in ("failed", "rejected", "queued"):
        lines.append(Text.assemble((f"{draft.status.capitalize()}: ", "bold red"), draft.reason))
    checks = draft.checks
    if checks.get("missing"):
        lines.append(_fact_line("Missing from draft", checks["missing"], "bold yellow"))
    if checks.get("unsupported"):
        lines.append(_fact_line("Not in the note", checks["unsupported"], "bold yellow"))
    if checks.get("findings"):
        codes = ", ".join(str(f.get("code", "?")) for f in checks["findings"])
        lines.append(Text.assemble(("Audit: ", "bold yellow"), codes))
    if checks and not (
        checks.get("missing") or checks.get("unsupported") or checks.get("findings")
    ):
        lines.append(Text("Checks: clean", style="green"))
    return Text("\n").join(lines)


def body_markdown(draft: Draft, version: Version | None) -> str:
    """What the Markdown pane shows: the text, or why there is none yet."""
    if version is not None:
        return version.text
    if draft.status in ("queued", "drafting"):
        return "*Drafting… the text appears here when it is ready.*"
    return "*No text: this draft has no version.*"


class DraftPreview(VerticalScroll):
    """Header and Markdown of one draft; remembers exactly which text it is showing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft_id: int | None = None
        self.shown_text: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="preview-header")
        yield Static(id="preview-text")

    def show(self, draft: Draft | None, version: Version | None) -> None:
        """Show a draft (None: the queue is empty); the text is only re-rendered if it changed."""
        header = self.query_one("#preview-header", Static)
        body = self.query_one("#preview-text", Static)
        if draft is None:
            self.draft_id, self.shown_text = None, None
            header.update(Text("The queue is empty. Drop notes in the clinic's inbox/ folder."))
            body.update("")
            return
        header.update(header_text(draft, version))
        text = version.text if version else None
        if draft.id == self.draft_id and text == self.shown_text and text is not None:
            return
        moved = draft.id != self.draft_id
        self.draft_id, self.shown_text = draft.id, text
        body.update(Markdown(body_markdown(draft, version)))
        if moved:
            self.scroll_home(animate=False)
