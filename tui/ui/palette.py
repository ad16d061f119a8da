"""The command palette (ctrl+p): each action that makes sense here once, with its key.

Built from the keymap table like the key bar and help: the actions of the screen on top (those
it would refuse for the selected draft left out, with the same rules the keys follow), the
actions that work everywhere, and on the review queue a new draft of the selected note with
each Skill that can draft from a note. Each command's second line is its key, so the palette
also teaches the keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from textual.app import SystemCommand
from textual.binding import Binding

from tui.core.records.store import Draft
from tui.core.review.rules import (
    addendum_refusal,
    approve_refusal,
    cancel_refusal,
    draftable_skills,
    edit_refusal,
    identify_refusal,
    regenerate_refusal,
    reject_refusal,
)
from tui.ui.keymap import ACTIONS, KeyAction, display_keys, effective_keys

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.service import ClinicService

LEFT_OUT: Final = frozenset({"command_palette", "cursor_down", "cursor_up", "quit"})
"""The palette itself, moving the cursor (the palette closes onto the same row), and `q`
(the same "Quit" as ctrl+q)."""
NEEDS_TEXT: Final = frozenset({"open", "diff", "versions", "copy", "toggle_source"})


def _has_text(draft: Draft) -> str | None:
    return None if draft.latest_n else f"Draft {draft.id} has no text yet."


DRAFT_RULES: Final[Mapping[str, Callable[[Draft], str | None]]] = {
    "edit": edit_refusal,
    "reject": reject_refusal,
    "regenerate": regenerate_refusal,
    "cancel_drafting": cancel_refusal,
    "addendum": addendum_refusal,
    "identify": identify_refusal,
    **dict.fromkeys(NEEDS_TEXT, _has_text),
}


def makes_sense(action: KeyAction, draft: Draft | None, service: ClinicService) -> bool:
    """Whether a queue action means anything for the selected draft (None: no draft)."""
    if action.id == "approve":
        if draft is None:
            return False
        if draft.status == "approved":
            approval = service.approval(draft.id)
            return bool(approval and approval["cosign_by"] and approval["cosigned"] is None)
        return approve_refusal(draft) is None
    if action.id == "export":
        return draft is not None and draft.status == "approved" and service.is_patient_facing(draft)
    rule = DRAFT_RULES.get(action.id)
    if rule is None:
        return True
    return draft is not None and rule(draft) is None


def commands(
    screen: Screen[Any],
    keymap: Mapping[str, str],
    run_app_action: Callable[[str], Any],
    service: ClinicService,
    draft: Draft | None,
) -> Iterator[SystemCommand]:
    """The palette's commands for `screen` (the review screen passes its selected draft)."""
    bound = {b.id for b in type(screen).BINDINGS if isinstance(b, Binding)}
    seen: set[str] = set()
    for action in ACTIONS:
        if action.id in LEFT_OUT or action.scope in ("filter", "lock"):
            continue
        if action.scope != "app" and action.id not in bound:
            continue
        name = action.action.removeprefix("app.")
        if action.scope != "app":
            if screen.check_action(name, ()) is False:
                continue
            if action.scope == "queue" and not makes_sense(action, draft, service):
                continue
        if action.description in seen:
            continue
        seen.add(action.description)
        run = (
            partial(run_app_action, name)
            if action.action.startswith("app.")
            else partial(screen.run_action, action.action)
        )
        yield SystemCommand(action.description, f"key: {_keys(action, keymap)}", run)


def _keys(action: KeyAction, keymap: Mapping[str, str]) -> str:
    return display_keys(effective_keys(action, keymap))


def skill_commands(
    draft: Draft, service: ClinicService, draft_with: Callable[[str], Any]
) -> Iterable[SystemCommand]:
    """A new draft of the selected note with each Skill that can draft from it."""
    for skill in draftable_skills(draft, draft.discipline, service.skill_list()):
        yield SystemCommand(
            f"Draft this note with {skill.name}",
            f"a new draft of this note ({skill.id}); the current one stays",
            partial(draft_with, skill.id),
        )
