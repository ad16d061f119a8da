"""Pilot and snapshot tests of the Skills screen, the Skill editor and Try.

What matters to a clinic: a Skill is saved exactly as typed and only when it would load, a
built-in is never written, a broken file never crashes the app and says where it is broken,
and trying a Skill never puts anything in the review queue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from tests.ui.conftest import RecordingApp, wait_until
from tui.core.resources import builtin_skills_dir
from tui.core.service import ClinicService
from tui.ui.app import DEFAULT_THEME
from tui.ui.screens.review import ReviewScreen
from tui.ui.screens.skills import SkillsScreen
from tui.ui.screens.skills_dialogs import NewSkillScreen, NotePickerScreen, SkillUnsavedScreen
from tui.ui.screens.skills_editor import SkillEditorScreen
from tui.ui.screens.skills_try import TryScreen
from tui.ui.widgets.skill_problems import ProblemsPanel

SIZE = (100, 30)
BUILTIN_SOAP = builtin_skills_dir() / "soap_note.toml"


def current(app: RecordingApp) -> Screen[Any]:
    """The active screen, re-read on every call (so type checkers do not pin one narrowing)."""
    return app.screen


def skills_screen(app: RecordingApp) -> SkillsScreen:
    screen = current(app)
    assert isinstance(screen, SkillsScreen)
    return screen


def editor_screen(app: RecordingApp) -> SkillEditorScreen:
    screen = current(app)
    assert isinstance(screen, SkillEditorScreen)
    return screen


def rendered(widget: Static) -> str:
    return str(widget.render())


def panel_text(editor: SkillEditorScreen) -> str:
    return rendered(editor.query_one(ProblemsPanel).query_one(Static))


def detail_text(screen: SkillsScreen) -> str:
    return rendered(screen.query_one("#skill-detail-text", Static))


async def open_skills(pilot: Pilot[Any], skill_id: str | None = None) -> SkillsScreen:
    await pilot.press("K")
    await pilot.pause()
    screen = skills_screen(pilot.app)  # type: ignore[arg-type]
    if skill_id:
        screen.table.select_id(skill_id)
        await pilot.pause()
    return screen


async def open_editor(pilot: Pilot[Any], skill_id: str) -> SkillEditorScreen:
    await open_skills(pilot, skill_id)
    await pilot.press("e")
    await pilot.pause()
    return editor_screen(pilot.app)  # type: ignore[arg-type]


async def typed_pause(pilot: Pilot[Any]) -> None:
    """Until the debounced validation has checked the text on screen (waiting a fixed time
    failed on a busy machine, where the timer ran late)."""
    editor = editor_screen(pilot.app)  # type: ignore[arg-type]
    assert await wait_until(pilot, lambda: editor.checked), "the text was never validated"


def clinic_skill(service: ClinicService, name: str, text: str) -> Path:
    path = service.clinic.paths.skills / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def soap_text(**changes: str) -> str:
    """The built-in SOAP Skill's text with whole lines replaced (``key = value`` by key)."""
    lines = BUILTIN_SOAP.read_text(encoding="utf-8").splitlines()
    for key, line in changes.items():
        lines = [line if row.startswith(f"{key} =") else row for row in lines]
    return "\n".join(lines) + "\n"


# The list ---------------------------------------------------------------------------------------


async def test_the_list_shows_builtin_and_clinic_skills(
    app: RecordingApp, service: ClinicService
) -> None:
    clinic_skill(service, "soap_note.toml", soap_text(name='name = "Our SOAP note"'))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_skills(pilot)
        entries = {e.key: e for e in screen.table.entries.values()}
        ids = sorted(e.id for e in entries.values())
        assert len(ids) == 17 and ids[0] == "adl_assessment"
        soap = next(e for e in entries.values() if e.id == "soap_note")
        assert soap.source == "clinic" and soap.overrides_builtin
        assert soap.name == "Our SOAP note"
        row = [str(cell) for cell in screen.table.get_row(soap.key)]
        assert row[1:4] == ["soap_note", "overrides built-in", "Our SOAP note"]
        screen.table.select_id("soap_note")
        overrides = "Overrides the built-in soap_note."
        assert await wait_until(pilot, lambda: overrides in detail_text(screen))
        assert "skills/soap_note.toml" in detail_text(screen)
        await pilot.press("escape")
        assert isinstance(current(app), ReviewScreen)


BROKEN = {
    "syntax.toml": ('id = "syntax"\nname = = "x"\n', "skills/syntax.toml:2: syntax"),
    "unknown_field.toml": (
        'colour = "blue"\n' + soap_text(id='id = "unknown_field"'),
        "skills/unknown_field.toml:1: colour: unknown field",
    ),
    "bad_placeholder.toml": (
        soap_text(id='id = "bad_placeholder"').replace("{{ clinic.name }}", "{{ clinic.nme }}", 1),
        "unknown placeholder {{ clinic.nme }}",
    ),
    "chain_missing.toml": (
        soap_text(id='id = "chain_missing"', next='next = "nowhere"'),
        "next: chains to unknown Skill 'nowhere'",
    ),
    "loop_a.toml": (
        soap_text(id='id = "loop_a"', next='next = "loop_b"', aliases="aliases = []"),
        "chain loops: loop_a -> loop_b -> loop_a",
    ),
    "loop_b.toml": (
        soap_text(id='id = "loop_b"', next='next = "loop_a"', aliases="aliases = []"),
        "skills/loop_b.toml:9: next: ",  # loop_a is dropped first, so this one's next is gone
    ),
    "tokens.toml": (
        soap_text(id='id = "tokens"', max_tokens="max_tokens = 99999"),
        "max_tokens: must be between 256 and 16000",
    ),
    "huge.toml": ('id = "huge"\n' + "# padding\n" * 30000, "skills/huge.toml:1: file: too large"),
    "latin1.toml": ("", "skills/latin1.toml:1: file: not valid UTF-8"),
}


async def test_broken_clinic_files_are_listed_with_file_and_line(
    app: RecordingApp, service: ClinicService
) -> None:
    for name, (text, _expected) in BROKEN.items():
        path = clinic_skill(service, name, text)
        if name == "latin1.toml":
            path.write_bytes(b'id = "latin1"\nname = "Caf\xe9"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_skills(pilot)
        by_id = {e.id: e for e in screen.table.entries.values() if e.source == "clinic"}
        assert set(by_id) == {Path(name).stem for name in BROKEN}
        assert not any(e.loaded for e in by_id.values())
        assert sum(1 for e in screen.table.entries.values() if e.loaded) == 17, "the rest load"
        header = rendered(screen.query_one("#skills-header", Static))
        assert "9 failed to load" in header
        for name, (_text, expected) in BROKEN.items():
            screen.table.select_id(Path(name).stem)
            await pilot.pause()
            detail = detail_text(screen)
            assert "Not loaded:" in detail
            assert expected in detail, detail
            assert f"skills/{name}:" in detail
        await pilot.press("t")
        assert app.said("failed to load", "warning"), "a broken Skill cannot be tried"
        await pilot.press("n")
        assert isinstance(current(app), SkillsScreen), "nor copied"
        screen.table.select_id("huge")
        await pilot.press("e")
        assert app.said("cannot be edited: too large", "error")
        assert isinstance(current(app), SkillsScreen)


# The editor -------------------------------------------------------------------------------------


async def test_edit_validates_as_you_type_and_saves_the_text_as_typed(
    app: RecordingApp, service: ClinicService
) -> None:
    path = clinic_skill(service, "soap_note.toml", soap_text())
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        assert editor.target.path == path and not editor.target.copy_of_builtin
        area = editor.text_area
        area.cursor_location = (1, 0)
        await pilot.press(*"# ours", "enter")
        await typed_pause(pilot)
        assert editor.check.valid and "Valid" in panel_text(editor)
        area.cursor_location = (0, 0)
        await pilot.press(*"oops", "enter")
        await typed_pause(pilot)
        assert not editor.check.valid
        assert "1:5 syntax" in panel_text(editor), panel_text(editor)
        area.cursor_location = (0, 0)
        await pilot.press(*["delete"] * 5)
        await typed_pause(pilot)
        assert editor.check.valid
        await pilot.press("ctrl+o")
        assert await wait_until(
            pilot, lambda: app.said("Saved skills/soap_note.toml", "information")
        )
        typed = area.text
        assert "# ours\n" in typed
    assert path.read_text(encoding="utf-8") == typed, "saved exactly as typed, comment kept"
    loaded, saved = service.clinic.skills.get("soap_note"), editor.check.skill
    assert loaded is not None and saved is not None and loaded.sha256 == saved.sha256
    assert '"skill_save"' in service.clinic.paths.audit_log.read_text()


INVALID = [
    ("syntax", lambda t: t.replace('kind = "note"', 'kind = "note'), "syntax"),
    ("unknown field", lambda t: t + "colour = 1\n", "colour"),
    ("placeholder", lambda t: t.replace("{{ clinic.name }}", "{{ clinic.nme }}", 1), "nme"),
    ("missing next", lambda t: t.replace('next = ""', 'next = "nowhere"'), "unknown Skill"),
    ("loop", lambda t: t.replace('next = ""', 'next = "hep_clinical"'), "chain loops"),
    ("max_tokens", lambda t: t.replace("max_tokens = 2000", "max_tokens = 10"), "between 256"),
    ("huge", lambda t: t + "# x\n" * 70000, "too large"),
]


@pytest.mark.parametrize(("what", "mutate", "reason"), INVALID, ids=[i[0] for i in INVALID])
async def test_invalid_text_is_never_saved(
    app: RecordingApp, service: ClinicService, what: str, mutate: Any, reason: str
) -> None:
    if what == "loop":
        hep = (builtin_skills_dir() / "hep_patient.toml").read_text(encoding="utf-8")
        clinic_skill(service, "hep_patient.toml", hep.replace('next = ""', 'next = "soap_note"'))
    original = soap_text()
    path = clinic_skill(service, "soap_note.toml", original)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        editor.text_area.text = mutate(editor.text_area.text)
        await typed_pause(pilot)
        assert not editor.check.valid
        assert reason in panel_text(editor), panel_text(editor)
        await pilot.press("ctrl+o")
        assert await wait_until(pilot, lambda: app.said("The Skill has", "error"))
        assert editor.is_current and editor.dirty, "the text stays in the editor"
    assert path.read_text(encoding="utf-8") == original


async def test_ctrl_g_goes_to_the_line_and_column_of_a_problem(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        text = editor.text_area.text
        line = next(i for i, row in enumerate(text.splitlines()) if row.startswith("max_tokens"))
        editor.text_area.text = text.replace("max_tokens = 2000", "max_tokens = 1")
        editor.text_area.cursor_location = (0, 0)
        await pilot.press("ctrl+g")
        assert editor.text_area.cursor_location == (line, 0)
        editor.text_area.text = text.replace('kind = "note"', 'kind = = "note"')
        await pilot.press("ctrl+g")
        row, column = editor.text_area.cursor_location
        assert editor.text_area.document.get_line(row).startswith("kind = =")
        assert column == len("kind = "), "the column the TOML parser reported"


async def test_editing_a_builtin_saves_a_clinic_copy_and_never_the_builtin(
    app: RecordingApp, service: ClinicService
) -> None:
    builtin_before = BUILTIN_SOAP.read_bytes()
    copy = service.clinic.paths.skills / "soap_note.toml"
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        assert editor.target.copy_of_builtin and editor.target.path == copy
        assert "Copy of the built-in" in rendered(editor.query_one("#skill-editor-header", Static))
        assert not copy.exists(), "nothing is written before a save"
        editor.text_area.text = editor.text_area.text.replace(
            'name = "SOAP daily note"', 'name = "SOAP daily note (Riverside)"'
        )
        await pilot.press("ctrl+o", "escape")
        await pilot.pause()
        screen = skills_screen(app)
        soap = next(e for e in screen.table.entries.values() if e.id == "soap_note")
        assert soap.source == "clinic" and soap.overrides_builtin
    assert BUILTIN_SOAP.read_bytes() == builtin_before
    assert 'name = "SOAP daily note (Riverside)"' in copy.read_text(encoding="utf-8")
    skill = service.clinic.skills.get("soap_note")
    assert skill is not None and skill.source == "clinic" and skill.path == copy


async def test_leaving_with_unsaved_changes_asks(app: RecordingApp, service: ClinicService) -> None:
    copy = service.clinic.paths.skills / "soap_note.toml"
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        await pilot.press("escape")
        assert isinstance(current(app), SkillsScreen), "no changes: closes without asking"
        await pilot.press("e", "x", "escape")
        assert isinstance(current(app), SkillUnsavedScreen)
        await pilot.press("escape")
        editor = editor_screen(app)
        await pilot.press("ctrl+q")
        assert app.is_running and any(n.title == "Not quitting" for n in app.notices)
        await pilot.press("escape", "s")
        assert editor.is_current, "invalid text: save refused, still editing"
        await pilot.press("escape", "d")
        assert isinstance(current(app), SkillsScreen)
    assert not copy.exists()


async def test_new_skill_from_a_builtin(app: RecordingApp, service: ClinicService) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_skills(pilot, "hep_clinical")
        await pilot.press("n")
        dialog = current(app)
        assert isinstance(dialog, NewSkillScreen)
        await pilot.press(*"Bad-Id", "enter")
        assert dialog.is_current
        assert "lower-case" in rendered(dialog.query_one("#new-skill-error", Static))
        dialog.query_one(Input).value = "soap_note"
        await pilot.press("enter")
        assert dialog.is_current and "already exists" in rendered(
            dialog.query_one("#new-skill-error", Static)
        )
        dialog.query_one(Input).value = "hep_knee"
        await pilot.press("enter")
        await pilot.pause()
        editor = editor_screen(app)
        path = service.clinic.paths.skills / "hep_knee.toml"
        assert editor.target.path == path and path.exists()
        assert editor.text_area.text == path.read_text(encoding="utf-8")
        assert 'id = "hep_knee"' in editor.text_area.text
        assert editor.check.valid
    skill = service.clinic.skills.get("hep_knee")
    assert skill is not None and skill.next == "hep_patient" and skill.source == "clinic"


# Try --------------------------------------------------------------------------------------------


async def run_try(pilot: Pilot[Any]) -> TryScreen:
    picker = current(pilot.app)  # type: ignore[arg-type]
    assert isinstance(picker, NotePickerScreen)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = current(pilot.app)  # type: ignore[arg-type]
    assert isinstance(screen, TryScreen)
    assert screen.run is not None
    return screen


async def test_try_renders_the_prompt_and_drafts_without_queueing(
    app: RecordingApp, service: ClinicService
) -> None:
    before = (service.queue_json(), service.counts())
    async with app.run_test(size=SIZE) as pilot:
        await open_skills(pilot, "soap_note")
        await pilot.press("t")
        screen = await run_try(pilot)
        assert screen.run is not None
        (step,) = screen.run.passes
        prompt = step.prompt_text
        boundary = prompt.index("=== cache boundary")
        assert prompt.index("Skill system prompt (cached)") < boundary
        assert prompt.index("=== user: session notes ===") > boundary
        assert step.text.startswith("# SOAP daily note") and not step.error
        shown = "\n".join(rendered(s) for s in screen.query("#prompt-1 Static").results(Static))
        assert "=== cache boundary" in shown
        await pilot.press("escape")
        assert isinstance(current(app), SkillsScreen)
    assert (service.queue_json(), service.counts()) == before, "nothing queued or changed"


async def test_try_runs_a_second_pass_on_the_notes_first_pass(
    app: RecordingApp, service: ClinicService
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_skills(pilot, "hep_patient")
        await pilot.press("t")
        picker = current(app)
        assert isinstance(picker, NotePickerScreen)
        assert picker.choices[0].skill == "hep_clinical", "notes with a first pass come first"
        screen = await run_try(pilot)
        assert screen.run is not None
        first, second = screen.run.passes
        assert first.skill.id == "hep_clinical" and first.source.startswith("from the queue")
        assert first.text in second.prompt_text
        assert "readability" in second.checks
        await pilot.press("tab")
        assert screen.query_one("#try-tabs").active == "prompt-1"  # type: ignore[attr-defined]


async def test_try_from_the_editor_uses_the_text_as_typed(
    app: RecordingApp, service: ClinicService
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "soap_note")
        editor.text_area.text = editor.text_area.text.replace(
            'name = "SOAP daily note"', 'name = "Trial SOAP"'
        )
        await pilot.press("ctrl+t")
        screen = await run_try(pilot)
        assert screen.unsaved and screen.run is not None
        assert screen.run.passes[0].text.startswith("# Trial SOAP")
        await pilot.press("escape")
        assert editor.is_current and editor.dirty
    assert not (service.clinic.paths.skills / "soap_note.toml").exists()


# Snapshots --------------------------------------------------------------------------------------


def _still(app: RecordingApp) -> None:
    """The same picture on every machine: a fixed theme (the app picks an ANSI one on a
    16-colour terminal, which depends on TERM) and no blinking cursor."""
    app.theme = DEFAULT_THEME
    for area in app.screen.query("TextArea"):
        area.cursor_blink = False  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(100, 30), (60, 24)], ids=["100x30", "60x24"])
def test_snapshot_skills_screen(
    snap_compare: Any,
    service: ClinicService,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    clinic_skill(service, "soap_note.toml", soap_text(name='name = "Our SOAP note"'))
    clinic_skill(service, "broken.toml", 'id = "broken"\nname = = 1\n')
    app = RecordingApp(service)

    async def open_list(pilot: Pilot[Any]) -> None:
        await pilot.press("K")
        await pilot.pause()
        skills_screen(app).table.select_id("broken")
        _still(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_list)


@pytest.mark.parametrize("size", [(100, 30), (60, 24)], ids=["100x30", "60x24"])
def test_snapshot_skill_editor(
    snap_compare: Any,
    service: ClinicService,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = RecordingApp(service)

    async def open_with_a_problem(pilot: Pilot[Any]) -> None:
        editor = await open_editor(pilot, "soap_note")
        editor.text_area.text = editor.text_area.text.replace(
            "max_tokens = 2000", "max_tokens = 99999"
        )
        editor.text_area.cursor_location = (0, 0)
        editor.validate()
        _still(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_with_a_problem)
