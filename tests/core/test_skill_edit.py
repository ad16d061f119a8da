"""The editor's domain helpers: validation of unsaved text (chains included), locating problems,
the library rows, where a built-in is saved, and Try never touching the queue."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tui.cli import make_demo
from tui.core.errors import ChartdeskError
from tui.core.resources import builtin_skills_dir
from tui.core.service import ClinicService
from tui.core.skills.edit import (
    Location,
    check_text,
    display_path,
    edit_target,
    library,
    locate,
)
from tui.core.skills.registry import load_registry
from tui.core.skills.trial import check_lines, note_choices, try_skill, uses_previous
from tui.core.tomlschema import Problem

SOAP = builtin_skills_dir() / "soap_note.toml"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("skill_edit") / "clinic"
    make_demo(root).close()
    return root


def soap() -> str:
    return SOAP.read_text(encoding="utf-8")


def test_valid_text_passes_and_keeps_the_skill(tmp_path: Path) -> None:
    check = check_text(tmp_path / "soap_note.toml", soap(), load_registry())
    assert check.valid and check.skill is not None and check.skill.id == "soap_note"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        (soap().replace('next = ""', 'next = "nowhere"'), "next", "unknown Skill 'nowhere'"),
        (
            soap().replace('next = ""', 'next = "hep_clinical"'),
            "next",
            "chain loops: soap_note -> hep_clinical -> hep_patient -> soap_note",
        ),
        (soap().replace("max_tokens = 2000", "max_tokens = 5"), "max_tokens", "between 256"),
        (soap() + "# x\n" * 70000, "file", "too large"),
    ],
    ids=["missing next", "loop", "max_tokens", "huge"],
)
def test_invalid_text_names_field_and_line(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    registry = load_registry()
    if "hep_clinical" in text:
        hep = (builtin_skills_dir() / "hep_patient.toml").read_text(encoding="utf-8")
        skills = tmp_path / "skills"
        skills.mkdir()
        (skills / "hep_patient.toml").write_text(hep.replace('next = ""', 'next = "soap_note"'))
        registry = load_registry(skills)
    check = check_text(tmp_path / "soap_note.toml", text, registry)
    assert not check.valid
    (problem,) = check.problems
    assert problem.field == field and message in problem.message
    if field == "next":
        assert problem.line == 9


def test_locate_gives_line_and_column() -> None:
    text = 'id = "x"\nkind = = "note"\n'
    syntax = Problem("x.toml", 2, "syntax", "invalid value")
    assert locate(syntax, text) == Location(2, 8)
    placeholder = Problem("x.toml", 2, "prompt.system", "unknown placeholder {{ clinic.nme }}")
    assert locate(placeholder, "x\nHi {{clinic.nme}} there\n") == Location(2, 4)
    field = Problem("x.toml", 1, "max_tokens", "must be between 256 and 16000")
    assert locate(field, "  max_tokens = 1\n") == Location(1, 3)
    assert str(Location(3, None)) == "3" and str(Location(3, 4)) == "3:4"


def test_library_lists_failed_files_and_overrides(tmp_path: Path) -> None:
    skills = tmp_path / "skills"
    skills.mkdir()
    (skills / "soap_note.toml").write_text(soap())
    (skills / "broken.toml").write_text('id = "broken"\nname = = 1\n')
    entries = library(load_registry(skills), skills)
    by_key = {(e.id, e.source): e for e in entries}
    assert by_key[("soap_note", "clinic")].overrides_builtin
    assert ("soap_note", "builtin") not in by_key, "the override replaces the built-in"
    broken = by_key[("broken", "clinic")]
    assert not broken.loaded and broken.problems[0].line == 2
    assert display_path(broken.path, tmp_path) == "skills/broken.toml"
    assert display_path(SOAP, tmp_path) == "built-in/soap_note.toml"


def test_a_builtin_is_edited_as_a_clinic_copy(tmp_path: Path) -> None:
    skills = tmp_path / "skills"
    entry = next(e for e in library(load_registry(skills), skills) if e.id == "soap_note")
    target = edit_target(entry, skills)
    assert target.path == skills / "soap_note.toml" and target.copy_of_builtin
    assert target.text == soap() and not target.exists
    skills.mkdir()
    (skills / "soap_note.toml").write_text("# ours, broken\n")
    again = edit_target(entry, skills)
    assert again.text == "# ours, broken\n" and not again.copy_of_builtin, "never overwritten"


def test_an_unreadable_file_is_refused_for_editing(tmp_path: Path) -> None:
    skills = tmp_path / "skills"
    skills.mkdir()
    (skills / "bad.toml").write_bytes(b"name = \xff\n")
    entry = next(e for e in library(load_registry(skills), skills) if e.id == "bad")
    with pytest.raises(ChartdeskError, match="not UTF-8"):
        edit_target(entry, skills)


def test_try_never_queues_and_runs_both_passes(demo: Path) -> None:
    service = ClinicService.open(demo)
    try:
        before = service.queue_json()
        hep = service.clinic.skills.get("hep_patient")
        assert hep is not None and uses_previous(hep)
        note = note_choices(service.drafts(), "hep_clinical")[0]
        run = asyncio.run(try_skill(service, hep, note))
        first, second = run.passes
        assert first.skill.id == "hep_clinical" and first.source.startswith("from the queue")
        assert "=== cache boundary" in second.prompt_text
        assert first.text.strip() in second.prompt_text
        lines = check_lines(second.checks, hep)
        assert any(line.startswith("Reading grade") for _severity, line in lines)
        clinical = service.clinic.skills.get("hep_clinical")
        assert clinical is not None
        run = asyncio.run(try_skill(service, clinical, note))
        assert [p.skill.id for p in run.passes] == ["hep_clinical", "hep_patient"]
        assert all(p.source == "drafted" for p in run.passes)
        assert service.queue_json() == before
    finally:
        service.close()


_HEAD = 'id = "x"\n'
_TAIL = "".join(f"key{n} = {n}\n" for n in range(60))
# One case per message tomllib raises (Python 3.11's _parser), broken on line 2 or 3 of a long
# text: (text, the message, where the editor must put the cursor).
TOML_ERRORS = {
    "invalid statement": ("= 1\n" + _TAIL, "invalid statement", (2, 1)),
    "newline after a statement": (
        "name = 1 broken\n" + _TAIL,
        "expected newline or end of document after a statement",
        (2, 10),
    ),
    "value = = value": (
        'name = "x" = broken\n' + _TAIL,
        "expected newline or end of document after a statement",
        (2, 12),
    ),
    "invalid character in a comment": (
        "a = 1 # bad \x01 comment\n" + _TAIL,
        "found invalid character",
        (2, 13),
    ),
    "table declared twice": ("[t]\n[t]\n" + _TAIL, "cannot declare ('t',) twice", (3, 3)),
    "value overwritten": ("a = 1\na = 2\n" + _TAIL, "cannot overwrite a value", (3, 6)),
    "table without ]": ("[t\nb = 1\n" + _TAIL, "expected ']' at the end of a table", (2, 3)),
    "immutable namespace": (
        "a = {b = 1}\na.c = 2\n" + _TAIL,
        "cannot mutate immutable namespace",
        (3, 8),
    ),
    "array of tables without ]]": (
        "[[t]\n" + _TAIL,
        "expected ']]' at the end of an array",
        (2, 4),
    ),
    "namespace redefined": (
        "[a.b]\nc = 1\n[a]\nb.d = 2\n" + _TAIL,
        "cannot redefine namespace",
        (5, 8),
    ),
    "key without =": ("a 1\n" + _TAIL, "expected '=' after a key", (2, 3)),
    "unclosed array": ("a = [1, 2\nb = 3\n" + _TAIL, "unclosed array", (3, 1)),
    "duplicate inline key": ("a = {b = 1, b = 2}\n" + _TAIL, "duplicate inline table key", (2, 18)),
    "unclosed inline table": ("a = {b = 1\n" + _TAIL, "unclosed inline table", (2, 11)),
    "unescaped backslash": ('a = "x\\ y"\n' + _TAIL, "unescaped '\\' in a string", (2, 9)),
    "invalid hex": ('a = "\\uZZZZ"\n' + _TAIL, "invalid hex value", (2, 8)),
    "not a unicode scalar": (
        'a = "\\uD800"\n' + _TAIL,
        "escaped character is not a unicode scalar",
        (2, 12),
    ),
    "illegal character": ('a = "x\x01"\n' + _TAIL, "illegal character", (2, 7)),
    "newline in a string": ('a = "abc\n' + _TAIL, "illegal character '\\n'", (2, 9)),
    "invalid date": ("a = 2026-02-30\n" + _TAIL, "invalid date or datetime", (2, 5)),
    "invalid value": ("a = nope\n" + _TAIL, "invalid value", (2, 5)),
    "expected character at the end": ("a = [1,\n", "invalid value", (3, 1)),
    # A string left open: tomllib stops at the end of the document; the cursor goes to where
    # the string opened.
    "open multi-line string": ('a = """abc\n' + _TAIL, "unterminated string", (2, 5)),
    "open multi-line literal": ("a = '''abc\n" + _TAIL, "expected \"'''\"", (2, 5)),
    "open literal string": ("a = 'abc\n" + _TAIL, 'expected "\'"', (2, 5)),
    "open basic string at the very end": ('a = "abc', "unterminated string", (2, 5)),
}


@pytest.mark.parametrize("case", TOML_ERRORS, ids=str)
def test_every_toml_error_is_located_where_it_is(case: str) -> None:
    broken, message, (line, column) = TOML_ERRORS[case]
    text = _HEAD + broken
    registry = load_registry(None)
    result = check_text(Path("x.toml"), text, registry)
    [problem] = result.problems
    assert problem.field == "syntax" and problem.message.startswith(message)
    assert "(at " not in problem.message, "the position is not left in the words"
    assert problem.line == line
    assert locate(problem, text) == Location(line, column)
