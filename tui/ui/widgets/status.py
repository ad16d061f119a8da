"""The one-line status bar: the clinic's name, who drafts new notes, and the open work (drafts
waiting for review, failed, being drafted), in plain words that shorten on a narrow screen.

Only open work is counted here: signed and rejected totals grow with the clinic's years and
tell a clinician nothing about what to do next (the day's figures are on the line below)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from tui.ui.widgets.fitting import Part, fit_parts

NAME_KEEPS = 18
"""Cells of the clinic's name kept before the right side is shortened."""
_PADDING = 1


def drafter_forms(role: str, holder: str) -> Part:
    """Who drafts new notes, longest form first ("" when this session does not know yet)."""
    if role == "drafter":
        return ("new notes are drafted in this window", "drafting in this window", "drafts here")
    if role == "waiting":
        pid = holder.rsplit(" ", 1)[-1] if holder.rsplit(" ", 1)[-1].isdigit() else ""
        where = f"another chartdesk (process {pid})" if pid else "another chartdesk"
        return (f"new notes are drafted by {where}", "drafted by another chartdesk",
                "drafted elsewhere")  # fmt: skip
    if role == "stopped":
        return ("drafting has stopped in this window", "not drafting")
    return ()


def count_parts(counts: Mapping[str, int]) -> list[Part]:
    """The open work, most pressing first; waiting always, the others when there are any."""
    waiting = counts.get("ready", 0)
    parts: list[Part] = [(f"{waiting} waiting for review", f"{waiting} waiting")]
    failed = counts.get("failed", 0)
    if failed:
        parts.append((f"{failed} failed",))
    busy = counts.get("queued", 0) + counts.get("drafting", 0)
    if busy:
        parts.append((f"{busy} being drafted", f"{busy} drafting"))
    return parts


def status_line(name: str, role: tuple[str, str], counts: Mapping[str, int], width: int) -> Text:
    """The bar's line for `width` cells: the name on the left, the rest fitted on the right."""
    inner = max(0, width - 2 * _PADDING)
    parts = count_parts(counts)
    drafter = drafter_forms(*role)
    if drafter:
        parts.insert(1, drafter)
    # The whole name if the right side can shorten its words to make room without losing a
    # part; else the name gives way down to its first NAME_KEEPS cells.
    whole = fit_parts(parts, max(0, inner - cell_len(name) - 2), separator="  ")
    kept = fit_parts(parts, max(0, inner - min(cell_len(name), NAME_KEEPS) - 2), separator="  ")
    right = "  ".join(whole if len(whole) == len(kept) else kept)
    name_room = max(0, inner - cell_len(right) - (2 if right else 0))
    shown = name if cell_len(name) <= name_room else name[: max(0, name_room - 1)] + "…"
    line = Text(" " * _PADDING)
    line.append(shown, "bold")
    line.append(" " * max(0, inner - cell_len(shown) - cell_len(right)))
    line.append(right)
    line.append(" " * _PADDING)
    return line


class StatusBar(Widget):
    """Redrawn from what it was last told, at whatever width it has now."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
    }
    """

    def __init__(self, clinic_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clinic_name = clinic_name
        self._counts: Mapping[str, int] = {}
        self._role: tuple[str, str] = ("", "")

    def show_counts(self, counts: Mapping[str, int]) -> None:
        self._counts = dict(counts)
        self.refresh()

    def show_drafter(self, role: str, holder: str = "") -> None:
        self._role = (role, holder)
        self.refresh()

    def render(self) -> Text:
        return status_line(self._clinic_name, self._role, self._counts, self.size.width)
