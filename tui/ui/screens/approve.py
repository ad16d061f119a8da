"""The sign dialog, and the gate a signature passes.

It lists everything open on the exact version being signed (the gate: refusals, findings to sign
over, notices), who signs, and nothing happens until the clinician says yes. The account's own
clinician signs with `y`; anyone else types their signing PIN; signing over an ERROR finding, an
unsupported value or a handout finding takes a typed reason, kept with the signature. A refusal
(no patient, no date, scaffolding in the text) cannot be signed over: only Cancel is offered.
The safe default button is Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.context import Clinician
from tui.core.records.store import Draft
from tui.core.review.rules import shown_title
from tui.core.signing.gate import MIN_REASON, NOTICE, OVERRIDE, REFUSAL, Gate, reason_problem
from tui.core.signing.signers import Choice
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar

SIGN_NOTE = (
    "The signed document is written to approved/ (Markdown, PDF, JSON and FHIR) and can never "
    "be changed; later corrections are signed addenda."
)
_KIND_TITLES = {
    REFUSAL: ("Cannot be signed until fixed:", "bold red"),
    OVERRIDE: ("Signing over these needs a reason:", "bold yellow"),
    NOTICE: ("Read before signing:", "bold"),
}


@dataclass(frozen=True)
class SignRequest:
    """What the clinician gave in the dialog: who signs, their PIN if asked, and a reason."""

    clinician: Clinician
    pin: str = ""
    reason: str = ""


def preselect(
    choices: Sequence[Choice],
    discipline: str,
    remembered: Clinician | None,
    refusal: Callable[[Clinician], str | None] = lambda _clinician: None,
) -> int:
    """Index of the clinician offered first, among those who may sign this document: the
    account's own clinician, else the one who signed before in this session, else the first
    of the document's discipline. Anyone but the account's own clinician types a PIN, so the
    offer is a convenience, never a signature."""
    allowed = [i for i, choice in enumerate(choices) if not refusal(choice.clinician)]
    for index in allowed:
        if not choices[index].needs_pin:
            return index
    for index in allowed:
        if remembered is not None and choices[index].clinician == remembered:
            return index
    for index in allowed:
        if discipline and choices[index].clinician.discipline.upper() == discipline.upper():
            return index
    return allowed[0] if allowed else 0


def gate_text(gate: Gate) -> Text:
    """The gate's items grouped by what they take, each with where it rests and its code."""
    parts: list[Text] = []
    for kind in (REFUSAL, OVERRIDE, NOTICE):
        items = gate.of_kind(kind)
        if not items:
            continue
        heading, style = _KIND_TITLES[kind]
        parts.append(Text(heading, style=style))
        for item in items:
            where = f" ({item.where})" if item.where else ""
            parts.append(Text.assemble("  • ", item.message, where, (f"  {item.code}", "dim")))
    if not parts:
        parts.append(Text("Checks: clean on this version.", style="green"))
    return Text("\n").join(parts)


class ApproveScreen(ModalScreen[SignRequest | None]):
    BINDINGS = bindings_for("approve")

    def __init__(
        self,
        draft: Draft,
        choices: Sequence[Choice],
        *,
        gate: Gate | None,
        refusal: Callable[[Clinician], str | None] = lambda _clinician: None,
        remembered: Clinician | None = None,
        discipline: str = "",
        heading: str = "Approve and sign",
        note: str = SIGN_NOTE,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.draft = draft
        self.gate = gate
        self.choices = tuple(choices)
        self.refusal = refusal
        self.choice = preselect(self.choices, discipline, remembered, refusal)

    def compose(self) -> ComposeResult:
        gate = self.gate
        # The whole dialog scrolls on a short terminal: the focused field is kept in view.
        with VerticalScroll(id="dialog", classes="dialog sign-dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(Text(shown_title(self.draft), style="bold"), id="approve-title")
            if gate is not None:
                yield Static(
                    f"Version {gate.version_n}: what you sign is exactly this text.",
                    classes="dialog-note",
                )
                yield Static(gate_text(gate), id="gate-items")
            if len(self.choices) > 1:
                yield Label("Sign as (↑/↓ to choose):")
                yield OptionList(
                    *(Option(_choice_label(c), id=str(i)) for i, c in enumerate(self.choices)),
                    id="clinicians",
                    compact=True,
                )
            else:
                yield Static(Text.assemble("Sign as: ", (_choice_label(self.choices[0]), "bold")))
            yield Static("", id="signer-problem", classes="dialog-error hidden-when-empty")
            yield Input(placeholder="signing PIN", password=True, id="pin", compact=True)
            if gate is not None and gate.needs_reason:
                yield Label("Reason to sign over these (kept with the signature):")
                yield Input(
                    placeholder=f"at least {MIN_REASON} characters, e.g. value re-measured today",
                    id="reason",
                    compact=True,
                )
            yield Static("", id="sign-error", classes="dialog-error hidden-when-empty")
            yield Static(self.note, classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sign (y)", id="sign", variant="success", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        if len(self.choices) > 1:
            self.query_one("#clinicians", OptionList).highlighted = self.choice
        self._show_signer()
        if self.refused:
            self.query_one("#sign", Button).disabled = True
            self.query_one("#cancel", Button).focus()
        elif self.gate is not None and self.gate.needs_reason:
            self.query_one("#reason", Input).focus()
        elif self.current.needs_pin:
            self.query_one("#pin", Input).focus()
        elif len(self.choices) > 1:
            self.query_one("#clinicians", OptionList).focus()
        else:
            self.query_one("#cancel", Button).focus()

    @property
    def refused(self) -> bool:
        return self.gate is not None and self.gate.refused

    @property
    def current(self) -> Choice:
        """The highlighted clinician, read from the list itself: keys typed together (↓ then y
        over a slow SSH link) arrive before the list's highlight message does."""
        for options in self.query("#clinicians").results(OptionList):
            if options.highlighted is not None:
                self.choice = options.highlighted
        return self.choices[self.choice]

    @on(OptionList.OptionHighlighted, "#clinicians")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.choice = event.option_index
        self._show_signer()

    def _show_signer(self) -> None:
        choice = self.current
        pin = self.query_one("#pin", Input)
        pin.display = choice.needs_pin
        problem = self.refusal(choice.clinician) or ""
        if choice.needs_pin and not choice.has_pin:
            problem = (
                f"{choice.clinician.name} has no signing PIN on this account: "
                f"`chartdesk pin --clinician {choice.clinician.key}`"
            )
        self._say("#signer-problem", Text(problem))

    def action_sign(self) -> None:
        if self.refused:
            self._error("This version cannot be signed until the items above are fixed.")
            return
        choice = self.current
        problem = self.refusal(choice.clinician)
        if problem:
            self._error(problem)
            return
        pin = self.query_one("#pin", Input).value if choice.needs_pin else ""
        if choice.needs_pin and not pin:
            self._error(f"Type the signing PIN of {choice.clinician.name}.")
            self.query_one("#pin", Input).focus()
            return
        reason = ""
        if self.gate is not None and self.gate.needs_reason:
            reason = self.query_one("#reason", Input).value
            problem = reason_problem(reason)
            if problem:
                self._error(problem[0].upper() + problem[1:] + ".")
                self.query_one("#reason", Input).focus()
                return
        self.dismiss(SignRequest(choice.clinician, pin, reason))

    def _error(self, message: str) -> None:
        self._say("#sign-error", Text(message, style="bold red"))

    def _say(self, selector: str, text: Text) -> None:
        """Show a message line, or hide it when there is nothing to say (no blank rows)."""
        line = self.query_one(selector, Static)
        line.update(text)
        line.display = bool(text.plain)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_sign()

    @on(Button.Pressed, "#sign")
    def _sign_pressed(self) -> None:
        self.action_sign()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def _choice_label(choice: Choice) -> str:
    signature = choice.clinician.signature
    return f"{signature} (PIN)" if choice.needs_pin else f"{signature} (you)"
