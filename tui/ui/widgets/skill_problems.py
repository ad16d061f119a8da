"""The Skill editor's side panel: what is wrong with the text, where (line:column), and why.

It says "valid" only for text that would load exactly as typed, so the clinician knows before
pressing save whether the save will be accepted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.core.skills.edit import Location, TextCheck, locate
from tui.core.tomlschema import Problem

Located = tuple[Location, Problem]


def located(check: TextCheck, text: str) -> list[Located]:
    """Problems in text order, each with its line and column."""
    found = [(locate(problem, text), problem) for problem in check.problems]
    return sorted(found, key=lambda item: (item[0].line, item[0].column or 0))


def panel_text(check: TextCheck, text: str) -> Text:
    lines: list[Text] = []
    problems = located(check, text)
    if check.valid:
        lines.append(Text("✓ Valid: ctrl+o saves it", style="bold green"))
    else:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines.append(Text(f"✗ {count} {noun}; not saved until fixed", style="bold red"))
    for where, problem in problems:
        lines.append(Text.assemble((f"{where} ", "bold"), (problem.field, "yellow")))
        lines.append(Text(f"  {problem.message}"))
    for warning in check.warnings:
        lines.append(Text.assemble((f"{warning.line} ", "bold"), ("warning", "yellow")))
        lines.append(Text(f"  {warning.field}: {warning.message}"))
    if problems:
        lines.append(Text("ctrl+g jumps to the next one", style="dim"))
    return Text("\n").join(lines)


class ProblemsPanel(VerticalScroll, can_focus=False):
    """Never takes focus: typing always goes to the editor beside it."""

    def compose(self) -> ComposeResult:
        yield Static(id="skill-problems-text")

    def show(self, check: TextCheck, text: str) -> None:
        self.query_one("#skill-problems-text", Static).update(panel_text(check, text))
        self.set_class(not check.valid, "-invalid")
