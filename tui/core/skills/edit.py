"""What the in-app Skill editor needs from the domain, with no UI in it.

The library as rows (loaded Skills and the files that failed, with their problems), the text a
Skill is edited from and the clinic file it is saved to (a built-in is never written: editing
one targets a clinic copy with the same id, which then overrides it), validation of unsaved
text including the chain checks that `parse_skill` cannot make alone (only the registry knows
whether ``next`` exists or loops), and where in the text a problem sits (line and column).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from tui.core.errors import ChartdeskError
from tui.core.resources import builtin_skills_dir
from tui.core.security.bounded_read import FileRefused, read_bounded
from tui.core.skills.registry import MAX_SKILL_BYTES, Skill, SkillRegistry, parse_skill
from tui.core.tomlschema import Problem, key_lines, line_of, syntax_position

_PLACEHOLDER_IN_MESSAGE: Final = re.compile(r"placeholder (\{\{ [^{}]* \}\})")


@dataclass(frozen=True)
class SkillEntry:
    """One row of the Skills screen: a loaded Skill, or a file that failed to load."""

    id: str
    source: str  # builtin | clinic
    path: Path
    skill: Skill | None = None
    problems: tuple[Problem, ...] = ()
    overrides_builtin: bool = False

    @property
    def loaded(self) -> bool:
        return self.skill is not None

    @property
    def name(self) -> str:
        return self.skill.name if self.skill else "(failed to load)"

    @property
    def kind(self) -> str:
        return self.skill.kind if self.skill else ""

    @property
    def disciplines(self) -> tuple[str, ...]:
        return self.skill.disciplines if self.skill else ()

    @property
    def key(self) -> str:
        """Unique per row: a failed clinic file and the built-in it meant to override share
        an id, never a path."""
        return str(self.path)


@dataclass(frozen=True)
class Location:
    """Where a problem is in the text; `column` is None when only the line is known."""

    line: int
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.line}:{self.column}" if self.column else str(self.line)


@dataclass(frozen=True)
class EditTarget:
    """What the editor opens: the text to start from and the clinic file a save writes."""

    path: Path
    text: str
    copy_of_builtin: bool = False
    exists: bool = True


@dataclass(frozen=True)
class TextCheck:
    """The result of validating editor text: the Skill when it may be saved, else problems.

    `warnings` never block a save (an alias another Skill already uses)."""

    skill: Skill | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.skill is not None and not self.problems


def library(registry: SkillRegistry, clinic_skills: Path) -> list[SkillEntry]:
    """Every Skill the registry loaded plus every file it skipped, sorted by id."""
    by_file: dict[str, list[Problem]] = {}
    for problem in registry.problems:
        by_file.setdefault(problem.file, []).append(problem)
    entries = []
    loaded_files = set()
    for skill in registry:
        loaded_files.add(str(skill.path))
        entries.append(
            SkillEntry(
                id=skill.id,
                source=skill.source,
                path=skill.path,
                skill=skill,
                problems=tuple(by_file.get(str(skill.path), ())),
                overrides_builtin=skill.overrides_builtin,
            )
        )
    for file, problems in by_file.items():
        if file in loaded_files:
            continue
        path = Path(file)
        source = "clinic" if path.is_relative_to(clinic_skills) else "builtin"
        entries.append(SkillEntry(id=path.stem, source=source, path=path, problems=tuple(problems)))
    return sorted(entries, key=lambda e: (e.id, e.source != "builtin", e.key))


def display_path(path: Path, clinic_root: Path, builtin: Path | None = None) -> str:
    """A short, stable name for a Skill file: ``skills/x.toml`` in the clinic, ``built-in/x.toml``
    for a shipped one (absolute paths differ per machine and would only add noise)."""
    builtin_dir = builtin or builtin_skills_dir()
    if path.is_relative_to(clinic_root):
        return str(path.relative_to(clinic_root))
    if path.is_relative_to(builtin_dir):
        return f"built-in/{path.relative_to(builtin_dir)}"
    return str(path)


def read_skill_text(path: Path) -> str:
    """The text of a Skill file for the editor, refused when it cannot be edited as text."""
    try:
        return read_bounded(path, MAX_SKILL_BYTES).decode("utf-8")
    except FileRefused as exc:
        raise ChartdeskError(f"{path.name} cannot be edited: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ChartdeskError(f"{path.name} is not UTF-8 text; fix or remove it outside") from exc
    except OSError as exc:
        raise ChartdeskError(f"{path.name} cannot be read ({exc.strerror})") from exc


def edit_target(entry: SkillEntry, clinic_skills: Path) -> EditTarget:
    """Where editing `entry` saves. A built-in is opened as a clinic copy (same id) that is only
    written on save; if the clinic already has that file, the editor opens it instead, so an
    existing clinic file is never overwritten by the built-in's text."""
    if entry.source == "clinic":
        return EditTarget(entry.path, read_skill_text(entry.path))
    target = clinic_skills / f"{entry.id}.toml"
    if target.exists():
        return EditTarget(target, read_skill_text(target))
    return EditTarget(target, read_skill_text(entry.path), copy_of_builtin=True, exists=False)


def check_text(path: Path, text: str, registry: SkillRegistry) -> TextCheck:
    """Validate editor text as the file `path`, exactly as loading the library would."""
    size = len(text.encode("utf-8"))
    if size > MAX_SKILL_BYTES:
        message = f"too large ({size} bytes; limit 256 KB)"
        return TextCheck(None, [Problem(str(path), 1, "file", message)])
    skill, problems = parse_skill(path, text)
    if skill is None:
        return TextCheck(None, problems)
    problems = chain_problems(skill, registry, text)
    if problems:
        return TextCheck(None, problems)
    return TextCheck(skill, [], alias_warnings(skill, registry, text))


def chain_problems(skill: Skill, registry: SkillRegistry, text: str) -> list[Problem]:
    """A ``next`` that names no loaded Skill, or a chain that comes back round, as the registry
    would report it after the save (with this text standing in for the Skill's current file)."""
    if not skill.next:
        return []
    skills: Mapping[str, Skill] = registry.skills | {skill.id: skill}
    line = line_of(key_lines(text), "next")
    seen = [skill.id]
    current: Skill | None = skill
    while current is not None and current.next:
        if current.next in seen:
            message = f"chain loops: {' -> '.join([*seen, current.next])}"
            return [Problem(str(skill.path), line, "next", message)]
        seen.append(current.next)
        current = skills.get(current.next)
        if current is None:
            message = f"chains to unknown Skill {seen[-1]!r}"
            return [Problem(str(skill.path), line, "next", message)]
    return []


def alias_warnings(skill: Skill, registry: SkillRegistry, text: str) -> list[Problem]:
    """Aliases another Skill already answers to (the note would go to the other Skill)."""
    line = line_of(key_lines(text), "aliases")
    warnings = []
    for alias in skill.aliases:
        other = registry.resolve(alias)
        if other is not None and other.id != skill.id:
            message = f"alias {alias!r} is also used by {other.id!r}"
            warnings.append(Problem(str(skill.path), line, "aliases", message))
    return warnings


def locate(problem: Problem, text: str) -> Location:
    """Line and, where it can be found, column of a problem in the text being edited.

    A syntax error's column comes from the TOML parser's own message; for other problems it is
    the start of the offending placeholder or key on the reported line (none for a missing key:
    the line is then that of the enclosing table)."""
    lines = text.splitlines()
    row = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
    if problem.field == "syntax":
        return Location(problem.line, syntax_column(text, problem.line))
    placeholder = _PLACEHOLDER_IN_MESSAGE.search(problem.message)
    if placeholder:
        name = placeholder.group(1).strip("{} ")
        found = re.search(r"\{\{\s*" + re.escape(name) + r"\s*\}\}", row)
        return Location(problem.line, found.start() + 1 if found else None)
    key = re.search(rf"(?<![\w-]){re.escape(problem.field.rsplit('.', 1)[-1])}\s*=", row)
    return Location(problem.line, key.start() + 1 if key else None)


def syntax_column(text: str, line: int) -> int | None:
    """The column of the TOML syntax error on `line`, from the parser's message."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found_line, column, _message = syntax_position(str(exc), text)
        if found_line == line:
            return column
    return None
