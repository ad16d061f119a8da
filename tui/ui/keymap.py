"""The one table of every key the review app answers to.

Each screen's ``BINDINGS`` is generated from `ACTIONS`, each binding carries its action id so a
clinic can remap it in context.toml (``[ui.keys] approve = "A"``, applied with
`App.set_keymap`), and the help screen lists the same table. One table means help can never
drift from what the keys really do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from textual.binding import Binding, BindingType

Scope = Literal[
    "app", "queue", "editor", "approve", "reject", "unsaved", "help",
    "filter", "addendum", "diff", "versions", "instruction", "lock",
    "skills", "skill_editor", "skill_dialog", "skill_try",
    "audit", "identify", "confirm", "patient",
]  # fmt: skip

SCOPE_TITLES: Final[Mapping[Scope, str]] = {
    "app": "Everywhere",
    "queue": "Review queue",
    "editor": "Editor",
    "approve": "Approve and sign",
    "reject": "Reject",
    "unsaved": "Unsaved changes",
    "help": "Help",
    "filter": "Filter (/)",
    "addendum": "Addendum",
    "diff": "Diff",
    "versions": "Versions",
    "instruction": "Regenerate",
    "lock": "Locked screen",
    "skills": "Skills",
    "skill_editor": "Skill editor",
    "skill_dialog": "Skill dialogs",
    "skill_try": "Try a Skill",
    "audit": "Billing audit",
    "identify": "Patient and date",
    "confirm": "Confirm",
    "patient": "Patient",
}

# Keys that terminals, SSH clients or tmux swallow or rewrite (ctrl+m is enter, ctrl+i is tab,
# ctrl+s is XOFF, ctrl+enter is indistinguishable from enter in most terminals, and F-keys are
# missing on phone keyboards).
_UNSAFE_KEYS: Final = frozenset({"ctrl+enter", "ctrl+s", "ctrl+m", "ctrl+i", "ctrl+j"})
_FUNCTION_KEY: Final = re.compile(r"(?:\w+\+)*f\d{1,2}")
_KEY_NAMES: Final = {"question_mark": "?", "escape": "esc", "slash": "/", "space": "space"}


@dataclass(frozen=True)
class KeyAction:
    """One bindable action.

    `id` is what config remaps, `key` the default (comma-separated alternatives), `description`
    what help says, and `footer` the short word shown in the footer (none: not shown there, to
    keep a 60-column footer readable).
    """

    id: str
    key: str
    action: str
    description: str
    scope: Scope
    footer: str = ""
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.footer or self.description,
            show=bool(self.footer),
            priority=self.priority,
            tooltip=self.description,
            id=self.id,
        )


# fmt: off
ACTIONS: Final[tuple[KeyAction, ...]] = (
    KeyAction("help", "question_mark", "app.show_help", "Show all keys", "app", footer="keys"),
    KeyAction("command_palette", "ctrl+p", "app.command_palette", "Command palette", "app",
              priority=True),
    KeyAction("quit_app", "ctrl+q", "app.request_quit", "Quit (open edits are autosaved first)",
              "app", priority=True),
    KeyAction("lock", "ctrl+l", "app.lock", "Lock the screen now (hides all patient data)", "app",
              priority=True),
    KeyAction("cursor_down", "j", "cursor_down", "Next draft", "queue"),
    KeyAction("cursor_up", "k", "cursor_up", "Previous draft", "queue"),
    KeyAction("open", "enter", "open", "Open the draft full-size to read it", "queue",
              footer="open", priority=True),
    KeyAction("close_draft", "escape", "close_draft",
              "Back to the queue from a full-size draft or the source; clears a kept filter",
              "queue", footer="back"),
    KeyAction("edit", "e", "edit", "Edit the draft (each save is a new version)", "queue",
              footer="edit"),
    KeyAction("approve", "a", "approve",
              "Approve and sign (asks to confirm); co-sign a signed document that awaits you",
              "queue", footer="sign"),
    KeyAction("identify", "i", "identify",
              "Set the patient, date of service, MRN and DOB of the draft's note", "queue"),
    KeyAction("reject", "r", "reject", "Reject with a reason", "queue", footer="reject"),
    KeyAction("switch_pane", "tab", "switch_pane", "Switch between queue and draft", "queue"),
    KeyAction("toggle_source", "s", "toggle_source", "Show the source note beside the draft",
              "queue"),
    KeyAction("filter", "slash", "filter", "Filter by patient, document, date or status", "queue",
              footer="filter"),
    KeyAction("status_filter", "f", "status_filter",
              "Next status filter: all, waiting, drafting, failed, signed, rejected, replaced",
              "queue"),
    KeyAction("regenerate", "g", "regenerate", "Draft again, with an optional instruction",
              "queue"),
    KeyAction("cancel_drafting", "x", "cancel_drafting", "Cancel a draft that is being drafted",
              "queue"),
    KeyAction("diff", "d", "diff", "Diff: the model's draft against the current text", "queue"),
    KeyAction("versions", "v", "versions", "Browse and restore versions", "queue"),
    KeyAction("addendum", "n", "addendum", "New addendum to a signed document", "queue"),
    KeyAction("export", "p", "export", "Export a signed handout as printable HTML", "queue"),
    KeyAction("retry_delivery", "D", "retry_delivery",
              "Retry the failed delivery of a signed document to the EHR", "queue"),
    KeyAction("copy", "c", "copy", "Copy the text to the clipboard (if the clinic allows)",
              "queue"),
    KeyAction("quit", "q", "app.request_quit", "Quit", "queue", footer="quit"),
    KeyAction("apply_filter", "enter", "apply_filter", "Keep the filter, back to the queue",
              "filter", priority=True),
    KeyAction("clear_filter", "escape", "clear_filter", "Clear the filter", "filter",
              footer="clear"),
    KeyAction("save", "ctrl+o", "save", "Save as a new version (it also autosaves)", "editor",
              footer="save"),
    KeyAction("editor_diff", "ctrl+r", "diff", "Diff against the model's draft", "editor",
              footer="diff"),
    KeyAction("editor_versions", "ctrl+t", "versions", "Browse and restore versions", "editor",
              footer="versions"),
    KeyAction("leave_editor", "escape", "leave", "Close the editor (autosaves first)", "editor",
              footer="close"),
    KeyAction("sign_addendum", "ctrl+o", "sign", "Sign the addendum (asks to confirm)",
              "addendum", footer="sign"),
    KeyAction("leave_addendum", "escape", "leave", "Close; the unsigned addendum is kept",
              "addendum", footer="close"),
    KeyAction("close_diff", "escape,q,d", "close", "Close the diff", "diff", footer="close"),
    KeyAction("restore_version", "r", "restore",
              "Restore this version as a new version (asks to confirm)", "versions",
              footer="restore"),
    KeyAction("close_versions", "escape,q", "close", "Close the versions", "versions",
              footer="close"),
    KeyAction("sign", "y", "sign", "Sign as the chosen clinician (enter in a field signs too)",
              "approve", footer="sign"),
    KeyAction("cancel_sign", "n,escape", "cancel", "Cancel, do not sign", "approve",
              footer="cancel"),
    KeyAction("confirm_identify", "enter", "submit", "Set the fields as typed", "identify",
              footer="set", priority=True),
    KeyAction("cancel_identify", "escape", "cancel", "Cancel, change nothing", "identify",
              footer="cancel"),
    KeyAction("confirm_reject", "enter", "submit", "Reject with the reason typed", "reject",
              footer="reject", priority=True),
    KeyAction("cancel_reject", "escape", "cancel", "Cancel, keep the draft", "reject",
              footer="cancel"),
    KeyAction("unsaved_save", "s", "choose('save')", "Save, then close", "unsaved", footer="save"),
    KeyAction("unsaved_discard", "d", "choose('discard')", "Discard the changes", "unsaved",
              footer="discard"),
    KeyAction("unsaved_cancel", "c,escape", "choose('cancel')", "Keep editing", "unsaved",
              footer="keep editing"),
    KeyAction("confirm_regenerate", "enter", "submit", "Draft again with this instruction",
              "instruction", footer="redraft", priority=True),
    KeyAction("cancel_regenerate", "escape", "cancel", "Cancel, keep the draft", "instruction",
              footer="cancel"),
    KeyAction("confirm_yes", "y", "confirm", "Yes, do it", "confirm", footer="yes"),
    KeyAction("confirm_no", "n,escape", "cancel", "No, change nothing", "confirm", footer="no"),
    KeyAction("unlock", "enter", "unlock", "Unlock with your OS password or the clinic PIN",
              "lock", footer="unlock", priority=True),
    KeyAction("close_help", "escape,q,question_mark", "close", "Close help", "help",
              footer="close"),
    KeyAction("skills", "K", "app.show_skills", "Skills: list, edit and try the clinic's Skills",
              "queue"),
    KeyAction("skills_down", "j", "cursor_down", "Next Skill", "skills"),
    KeyAction("skills_up", "k", "cursor_up", "Previous Skill", "skills"),
    KeyAction("skills_edit", "e,enter", "edit",
              "Edit the Skill (a built-in opens as a clinic copy)", "skills", footer="edit"),
    KeyAction("skills_new", "n", "new", "New Skill from the highlighted one (asks the id)",
              "skills", footer="new"),
    KeyAction("skills_try", "t", "try", "Try the Skill on a stored note (nothing is queued)",
              "skills", footer="try"),
    KeyAction("skills_back", "escape", "back", "Back to the queue", "skills", footer="back"),
    KeyAction("skill_save", "ctrl+o", "save", "Save the Skill (only when it is valid)",
              "skill_editor", footer="save"),
    KeyAction("skill_try_text", "ctrl+t", "try", "Try the text as typed on a stored note",
              "skill_editor", footer="try"),
    KeyAction("skill_goto_problem", "ctrl+g", "goto_problem", "Go to the next problem",
              "skill_editor", footer="problem"),
    KeyAction("skill_leave", "escape", "leave", "Close the Skill editor (asks if unsaved)",
              "skill_editor", footer="close"),
    KeyAction("skill_dialog_ok", "enter", "submit", "Confirm (the new id, the note to try)",
              "skill_dialog", footer="ok"),
    KeyAction("skill_dialog_cancel", "escape", "cancel", "Cancel", "skill_dialog",
              footer="cancel"),
    KeyAction("skill_try_next", "tab", "next_tab", "Next tab (prompt, draft)", "skill_try",
              footer="next tab"),
    KeyAction("skill_try_previous", "shift+tab", "previous_tab", "Previous tab", "skill_try"),
    KeyAction("skill_try_close", "escape,q", "close", "Close the Try view", "skill_try",
              footer="close"),
    KeyAction("audit_day", "b", "app.show_audit",
              "Billing audit of a day: findings grouped by patient", "queue"),
    KeyAction("audit_down", "j", "cursor_down", "Next finding", "audit"),
    KeyAction("audit_up", "k", "cursor_up", "Previous finding", "audit"),
    KeyAction("audit_open", "enter", "open_draft", "Back to the queue on this note's draft",
              "audit"),
    KeyAction("audit_previous_day", "p", "previous_day", "Previous day with notes", "audit",
              footer="prev day"),
    KeyAction("audit_next_day", "n", "next_day", "Next day with notes", "audit",
              footer="next day"),
    KeyAction("audit_export", "x", "export", "Export the day's report to exports/ (Markdown)",
              "audit", footer="export"),
    KeyAction("audit_model_review", "m", "model_review",
              "Have the clinic's model review the heuristic findings (if the privacy gate "
              "allows)", "audit"),
    KeyAction("audit_close", "escape,q", "close", "Back to the queue", "audit", footer="back"),
    KeyAction("patient", "h", "patient",
              "Patient: the episodes of care of the draft's patient (measures, change, MCID, "
              "goals)", "queue"),
    KeyAction("patient_down", "j", "cursor_down", "Next measure", "patient"),
    KeyAction("patient_up", "k", "cursor_up", "Previous measure", "patient"),
    KeyAction("patient_same", "s", "same_patient",
              "Same patient: the highlighted possible match is this patient (asks first)",
              "patient", footer="same"),
    KeyAction("patient_different", "d", "different_patient",
              "Different patient: the highlighted possible match is someone else (asks first)",
              "patient", footer="different"),
    KeyAction("patient_undo_match", "u", "undo_match",
              "Undo the highlighted answer on a match: the pair is asked again (asks first)",
              "patient", footer="undo"),
    KeyAction("patient_next_match", "m", "next_match",
              "Next possible match or recorded answer", "patient"),
    KeyAction("patient_next_episode", "n", "next_episode", "Next episode of care", "patient",
              footer="next ep"),
    KeyAction("patient_previous_episode", "p", "previous_episode", "Previous episode of care",
              "patient", footer="prev ep"),
    KeyAction("patient_close", "escape,q,h", "close", "Back to the queue", "patient",
              footer="back"),
)
# fmt: on

ACTIONS_BY_ID: Final[Mapping[str, KeyAction]] = {action.id: action for action in ACTIONS}


def bindings_for(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one scope, for a screen's ``BINDINGS``."""
    return [action.binding() for action in ACTIONS if action.scope == scope]


def is_unsafe(key: str) -> bool:
    """True for a key that SSH, tmux or a phone keyboard may never deliver."""
    key = key.strip().lower()
    return key in _UNSAFE_KEYS or bool(_FUNCTION_KEY.fullmatch(key))


def remap_problem(action_id: str, keys: str) -> str:
    """Why ``[ui.keys] action_id = keys`` cannot be used ("" when it can)."""
    if action_id not in ACTIONS_BY_ID:
        return "no such action (the ids are in brackets on the help screen, ?)"
    parts = [part.strip() for part in keys.split(",") if part.strip()]
    unsafe = [part for part in parts if is_unsafe(part)]
    if unsafe:
        return f"{', '.join(unsafe)} may not reach the app over SSH or tmux"
    if not parts:
        return "no key given"
    return ""


def check_remaps(remaps: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split the clinic's ``[ui.keys]`` into a usable keymap and problems to show.

    An unknown id or a key that would only work on some terminals is reported and ignored, so a
    typo in context.toml never leaves an action without a key."""
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in remaps.items():
        why = remap_problem(action_id, keys)
        if not why:
            keymap[action_id] = ",".join(part.strip() for part in keys.split(",") if part.strip())
        elif action_id not in ACTIONS_BY_ID:
            problems.append(f"[ui.keys] {action_id}: {why}")
        else:
            problems.append(f"[ui.keys] {action_id} = {keys!r}: {why}; keeping the default")
    return keymap, problems


def display_keys(keys: str) -> str:
    """Keys as a person types them: ``question_mark`` is ``?``, ``escape`` is ``esc``."""
    shown = []
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        shown.append("+".join([*modifiers, _KEY_NAMES.get(name, name)]))
    return " / ".join(shown)


def effective_keys(action: KeyAction, keymap: Mapping[str, str]) -> str:
    """The key(s) an action answers to once the clinic's remaps are applied."""
    return keymap.get(action.id, action.key)


def scopes_of(binding_ids: Iterable[str]) -> list[Scope]:
    """The scopes (screens and their parts) the given bound action ids belong to, in first-seen
    order; ids not in the table (a widget's own scrolling keys) are ignored."""
    scopes: list[Scope] = []
    for action_id in binding_ids:
        action = ACTIONS_BY_ID.get(action_id)
        if action is not None and action.scope not in scopes:
            scopes.append(action.scope)
    return scopes


def help_sections(
    scopes: Iterable[Scope], keymap: Mapping[str, str]
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """What `?` lists on one screen: the keys of each of its scopes, then the keys that work
    everywhere; each section a title and its (keys, description, id) rows in table order."""
    app: Scope = "app"
    wanted = [scope for scope in scopes if scope != app] + [app]
    sections = []
    for scope in wanted:
        rows = [(display_keys(effective_keys(action, keymap)), action.description, action.id)
                for action in ACTIONS if action.scope == scope]  # fmt: skip
        if rows:
            sections.append((SCOPE_TITLES[scope], rows))
    return sections
