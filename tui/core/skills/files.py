"""Writing a clinic's Skill files: new Skills from a built-in, and validated, atomic saves.

Built-in Skills are never modified in place: editing one makes a clinic copy with the same id,
which then overrides it. A save writes exactly the text the user typed (comments and layout
kept) and only when it validates; tomlkit is used only where chartdesk itself edits a file
(renaming the id of a copy), because it keeps the user's formatting.
"""

from __future__ import annotations

import re
from pathlib import Path

import tomlkit

from tui.core.clinic import write_private
from tui.core.errors import ChartdeskError
from tui.core.skills.registry import Skill, SkillRegistry, chain_problem, parse_skill
from tui.core.tomlschema import Problem, key_lines, line_of

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def clinic_skill_path(skills_dir: Path, skill_id: str) -> Path:
    return skills_dir / f"{skill_id}.toml"


def copy_text(source: Skill, new_id: str) -> str:
    """The text of `source` with its id (and, for a new id, its aliases) changed."""
    document = tomlkit.parse(source.path.read_text(encoding="utf-8"))
    document["id"] = new_id
    if new_id != source.id:
        document["name"] = f"{source.name} (clinic copy)"
        if "aliases" in document:
            document["aliases"] = tomlkit.array()
    return tomlkit.dumps(document)


def new_skill(skills_dir: Path, registry: SkillRegistry, new_id: str, from_id: str) -> Path:
    """Create ``skills/<new_id>.toml`` in the clinic from an existing Skill."""
    if not _ID.match(new_id):
        raise ChartdeskError(f"invalid Skill id {new_id!r}: use lower-case letters, digits and _")
    source = registry.get(from_id) or registry.resolve(from_id)
    if source is None:
        raise ChartdeskError(f"unknown Skill {from_id!r} to copy from")
    target = clinic_skill_path(skills_dir, new_id)
    if target.exists():
        raise ChartdeskError(f"{target} already exists")
    if new_id in registry.skills and new_id != source.id:
        raise ChartdeskError(f"a Skill {new_id!r} already exists; pick another id")
    save_skill_text(target, copy_text(source, new_id), registry)
    return target


def save_skill_text(path: Path, text: str, registry: SkillRegistry | None = None) -> Skill:
    """Validate and save a Skill atomically; an invalid file is never written.

    With `registry`, the Skill's chain is checked against the other Skills too (a `next` that
    is missing or loops back is refused).
    """
    skill, problems = parse_skill(path, text)
    if skill is None:
        raise SkillInvalid(problems)
    if registry is not None:
        problem = chain_problem(skill, {**registry.skills, skill.id: skill})
        if problem:
            raise SkillInvalid([Problem(str(path), _line_of_next(text), "next", problem)])
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, text.encode("utf-8"))
    return skill


def _line_of_next(text: str) -> int:
    return line_of(key_lines(text), "next")


class SkillInvalid(ChartdeskError):
    """A Skill text that does not validate; carries every problem for the editor's panel."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]) if problems else "invalid Skill")
        self.problems = problems
