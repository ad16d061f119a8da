"""Skills: prompt templates kept as TOML, validated, and collected into a registry.

Built-in Skills ship with the package; a clinic's ``skills/`` folder adds its own and overrides a
built-in with the same id. A bad Skill is reported (``FILE:LINE: field: problem``) and skipped so
the rest of the library still loads. Templates are plain ``{{ name }}`` substitutions from a fixed
set: no code ever runs inside a Skill.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from tui.core.resources import builtin_skills_dir
from tui.core.security.bounded_read import FileRefused, read_bounded
from tui.core.tomlschema import (
    Field,
    Problem,
    Table,
    TomlSyntaxError,
    in_range,
    key_lines,
    line_of,
    one_of,
    parse_toml,
    validate,
)

KINDS: Final = ("note", "evaluation", "progress", "letter", "hep", "audit", "report")
# Who reads the document: a patient-facing one gets the handout checks (no codes, no jargon).
AUDIENCES: Final = ("clinician", "patient")
MAX_SKILL_BYTES: Final = 256 * 1024
PLACEHOLDER: Final = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_ID: Final = re.compile(r"^[a-z][a-z0-9_]*$")

# Placeholders allowed in the cached system prompt: nothing that varies from note to note.
SYSTEM_PLACEHOLDERS: Final = frozenset(
    {
        "clinic.name",
        "clinic.phone",
        "clinic.context",
        "clinic.note_format",
        "clinic.terminology",
        "clinic.measures",
        "skill.name",
        "skill.sections",
    }
)
NOTE_PLACEHOLDERS: Final = frozenset(
    {
        f"patient.{key}"
        for key in (
            "name",
            "mrn",
            "dob",
            "date",
            "visit",
            "last_progress_report",
            "discipline",
            "payer",
            "diagnosis",
            "grade",
            "setting",
        )
    }
    | {"payer.requirements", "previous.output", "instruction"}
)
INSTRUCTION_PLACEHOLDERS: Final = SYSTEM_PLACEHOLDERS | NOTE_PLACEHOLDERS
CONTEXT_REFERENCE: Final = "the clinic context given above"


def _check_id(value: Any) -> str | None:
    return None if _ID.match(value) else "must be lower-case letters, digits and _"


def _check_disciplines(value: Any) -> str | None:
    if not value:
        return "must name at least one discipline"
    bad = [v for v in value if v not in ("PT", "OT")]
    return f"unknown discipline {bad[0]!r} (PT or OT)" if bad else None


def _check_signers(value: Any) -> str | None:
    bad = [v for v in value if v not in ("PT", "OT")]
    return f"unknown discipline {bad[0]!r} (PT or OT)" if bad else None


def _non_empty(value: Any) -> str | None:
    return None if (value.strip() if isinstance(value, str) else value) else "must not be empty"


SCHEMA: Final = Table(
    {
        "id": Field((str,), required=True, check=_check_id),
        "name": Field((str,), required=True, check=_non_empty),
        "description": Field((str,), required=True),
        "aliases": Field((list,), items=(str,)),
        "disciplines": Field((list,), required=True, items=(str,), check=_check_disciplines),
        "kind": Field((str,), required=True, check=one_of(*KINDS)),
        "sections": Field((list,), required=True, items=(str,), check=_non_empty),
        "max_tokens": Field((int,), check=in_range(256, 16000)),
        "next": Field((str,)),
        "audience": Field((str,), check=one_of(*AUDIENCES)),
        "signers": Field((list,), items=(str,), check=_check_signers),
        "prompt": Table(
            {
                "system": Field((str,), required=True, check=_non_empty),
                "instructions": Field((str,), required=True, check=_non_empty),
            },
            required=True,
        ),
        "checks": Table(
            {
                "verify": Field((bool,)),
                "audit": Field((bool,)),
                "max_grade": Field((int, float), check=in_range(0, 20)),
            }
        ),
    }
)


@dataclass(frozen=True)
class Skill:
    """A validated Skill. `sha256` identifies the exact version that made a draft."""

    id: str
    name: str
    description: str
    disciplines: tuple[str, ...]
    kind: str
    sections: tuple[str, ...]
    system: str
    instructions: str
    path: Path
    sha256: str
    source: str  # builtin | clinic
    aliases: tuple[str, ...] = ()
    max_tokens: int = 2000
    next: str = ""
    verify: bool = True
    audit: bool = False
    max_grade: float = 0.0
    overrides_builtin: bool = False
    audience: str = "clinician"
    signers: tuple[str, ...] = ()
    """Disciplines that may sign this document whatever the note's discipline (empty: only
    a clinician of the document's own discipline)."""

    @property
    def patient_facing(self) -> bool:
        return self.audience == "patient"


@dataclass
class SkillRegistry:
    """All Skills that loaded, plus the problems of those that did not."""

    skills: dict[str, Skill] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, skill_id: str) -> Skill | None:
        return self.skills.get(skill_id)

    def resolve(self, name: str) -> Skill | None:
        """Find a Skill by id or alias (``ot-eval`` and ``ot_eval`` are the same name)."""
        key = _normal(name)
        if not key:
            return None
        for skill in self.skills.values():
            if _normal(skill.id) == key or key in {_normal(a) for a in skill.aliases}:
                return skill
        return None

    def __iter__(self) -> Any:
        return iter(sorted(self.skills.values(), key=lambda s: s.id))

    def __len__(self) -> int:
        return len(self.skills)


def _normal(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def load_registry(clinic_skills: Path | None = None, builtin: Path | None = None) -> SkillRegistry:
    """Load built-in Skills, then the clinic's (overriding by id), then check chains."""
    registry = SkillRegistry()
    builtin_ids: set[str] = set()
    for path in _skill_files(builtin or builtin_skills_dir()):
        skill = _load_into(registry, path, "builtin")
        if skill:
            builtin_ids.add(skill.id)
    if clinic_skills is not None:
        for path in _skill_files(clinic_skills):
            _load_into(registry, path, "clinic", overrides=builtin_ids)
    _check_chains(registry)
    _check_aliases(registry)
    return registry


def _skill_files(folder: Path) -> list[Path]:
    """Every ``*.toml`` entry but folders and hidden files: a link to a device or a pipe named
    like a Skill is reported as a skipped Skill (by `load_skill_file`), not silently ignored."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.is_dir() and not p.name.startswith("."))


def _load_into(
    registry: SkillRegistry, path: Path, source: str, overrides: Iterable[str] = ()
) -> Skill | None:
    skill, problems = load_skill_file(path, source)
    registry.problems.extend(problems)
    if skill is None:
        return None
    if skill.id in set(overrides):
        skill = replace(skill, overrides_builtin=True)
    registry.skills[skill.id] = skill
    return skill


def load_skill_file(path: Path, source_kind: str = "clinic") -> tuple[Skill | None, list[Problem]]:
    """Read one Skill file; return the Skill, or None and the reasons it was skipped."""
    try:
        text = read_bounded(path, MAX_SKILL_BYTES).decode("utf-8")
    except FileRefused as exc:
        return None, [Problem(str(path), 1, "file", str(exc))]
    except UnicodeDecodeError:
        return None, [Problem(str(path), 1, "file", "not valid UTF-8")]
    except OSError as exc:
        return None, [Problem(str(path), 1, "file", f"cannot be read ({exc.strerror})")]
    skill, problems = _parsed_skill(path, text, source_kind)
    return skill, list(problems)


@lru_cache(maxsize=64)
def _parsed_skill(
    path: Path, text: str, source_kind: str
) -> tuple[Skill | None, tuple[Problem, ...]]:
    """A Skill file's Skill or problems, kept by its path and text: every clinic opened (and
    every reload) reads the same built-in files again, and both results are frozen. Only files
    read are kept, not the editor's text as it is typed."""
    skill, problems = parse_skill(path, text, source_kind)
    return skill, tuple(problems)


def parse_skill(
    path: Path, text: str, source_kind: str = "clinic"
) -> tuple[Skill | None, list[Problem]]:
    """Validate Skill TOML text (also used by the editor, which validates as you type)."""
    file = str(path)
    try:
        data = parse_toml(path, text)
    except TomlSyntaxError as exc:
        return None, [exc.problem]
    lines = key_lines(text)
    problems = validate(data, SCHEMA, file, lines)
    if problems:
        return None, problems
    problems += _placeholder_problems(data, file, text, lines)
    if data["id"] != path.stem:
        problems.append(
            Problem(file, line_of(lines, "id"), "id", f"must match the file name ({path.stem!r})")
        )
    if data.get("next") == data["id"]:
        problems.append(
            Problem(file, line_of(lines, "next"), "next", "a Skill cannot chain to itself")
        )
    if problems:
        return None, problems
    checks = data.get("checks", {})
    skill = Skill(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        disciplines=tuple(data["disciplines"]),
        kind=data["kind"],
        sections=tuple(data["sections"]),
        system=data["prompt"]["system"],
        instructions=data["prompt"]["instructions"],
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source=source_kind,
        aliases=tuple(a.lower() for a in data.get("aliases", [])),
        max_tokens=data.get("max_tokens", 2000),
        next=data.get("next", ""),
        verify=checks.get("verify", True),
        audit=checks.get("audit", False),
        max_grade=float(checks.get("max_grade", 0)),
        audience=data.get("audience", "patient" if checks.get("max_grade", 0) else "clinician"),
        signers=tuple(data.get("signers", ())),
    )
    return skill, []


def _placeholder_problems(
    data: Mapping[str, Any], file: str, text: str, lines: Mapping[str, int]
) -> list[Problem]:
    problems: list[Problem] = []
    for key, allowed in (
        ("system", SYSTEM_PLACEHOLDERS),
        ("instructions", INSTRUCTION_PLACEHOLDERS),
    ):
        for match in PLACEHOLDER.finditer(data["prompt"][key]):
            name = match.group(1)
            if name in allowed:
                continue
            path = f"prompt.{key}"
            where = _line_of_text(text, match.group(0), line_of(lines, path))
            if key == "system" and name in NOTE_PLACEHOLDERS:
                message = (
                    f"placeholder {{{{ {name} }}}} varies per note; use it in prompt.instructions"
                    " (the system prompt is cached and must be the same for every note)"
                )
            else:
                message = f"unknown placeholder {{{{ {name} }}}}"
            problems.append(Problem(file, where, path, message))
    return problems


def _line_of_text(text: str, needle: str, start_line: int) -> int:
    for number, line in enumerate(text.splitlines()[start_line - 1 :], start=start_line):
        if needle in line:
            return number
    return start_line


def _check_chains(registry: SkillRegistry) -> None:
    """Drop Skills whose `next` is missing or loops, reporting each at its `next` line.

    Every chain is judged against the full registry before any Skill is dropped, so each
    member of a loop is reported as a loop rather than as a chain to a vanished Skill.
    """
    rejected = {
        skill.id: problem
        for skill in registry.skills.values()
        if (problem := chain_problem(skill, registry.skills))
    }
    for skill_id, problem in rejected.items():
        _reject(registry, registry.skills[skill_id], problem)


def chain_problem(skill: Skill, skills: Mapping[str, Skill]) -> str:
    """Why `skill`'s chain is broken ("" when it is fine): a loop or a missing Skill."""
    seen = [skill.id]
    current: Skill | None = skill
    while current is not None and current.next:
        if current.next in seen:
            return f"chain loops: {' -> '.join([*seen, current.next])}"
        seen.append(current.next)
        current = skills.get(current.next)
        if current is None:
            return f"chains to unknown Skill {seen[-1]!r}"
    return ""


def _check_aliases(registry: SkillRegistry) -> None:
    owners: dict[str, str] = {}
    for skill in sorted(registry.skills.values(), key=lambda s: (s.source != "clinic", s.id)):
        for alias in skill.aliases:
            other = owners.get(_normal(alias))
            if other and other != skill.id:
                registry.problems.append(
                    Problem(
                        str(skill.path),
                        _line_of_text(_read(skill.path), "aliases", 1),
                        "aliases",
                        f"alias {alias!r} is also used by {other!r}; it picks {other!r}",
                    )
                )
            else:
                owners[_normal(alias)] = skill.id


def _reject(registry: SkillRegistry, skill: Skill, message: str) -> None:
    text = _read(skill.path)
    line = line_of(key_lines(text), "next") if text else 1
    registry.problems.append(Problem(str(skill.path), line, "next", message))
    registry.skills.pop(skill.id, None)


def _read(path: Path) -> str:
    try:
        return read_bounded(path, MAX_SKILL_BYTES).decode("utf-8")
    except (OSError, FileRefused, UnicodeDecodeError):
        return ""


def render(template: str, values: Mapping[str, str]) -> str:
    """Substitute ``{{ name }}`` placeholders; validation guarantees every name is known."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)


def skill_values(skill: Skill) -> dict[str, str]:
    return {
        "skill.name": skill.name,
        "skill.sections": "\n".join(f"- {section}" for section in skill.sections),
    }
