"""The exact prompt a Skill produces for one note, shared by every drafting backend.

The two system blocks (clinic context, then the Skill's system prompt) depend only on the clinic
and the Skill, never on the note, so a model server can cache them across a day's notes. Anything
patient-specific goes in `instructions`, which follows the note content (notes-first), and so
does a report's episode timeline from the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.core.context import ClinicContext, render_context
from tui.core.intake.notes import Note
from tui.core.skills.registry import CONTEXT_REFERENCE, Skill, render, skill_values


@dataclass(frozen=True)
class Prompt:
    """Everything a backend sends: cached system blocks, the note, then the instructions."""

    skill: Skill
    note: Note
    context_block: str
    skill_block: str
    instructions: str
    previous: str
    max_tokens: int
    plain_language: Mapping[str, str] = field(default_factory=dict)
    clinic_phone: str = ""
    timeline: str = ""  # the patient's episode from the store: after the note, never cached

    def as_text(self) -> str:
        """A readable rendering with the cache boundary marked (the Skill editor's "Try")."""
        note = (
            self.note.body if self.note.kind == "text" else f"[{self.note.kind}: {self.note.name}]"
        )
        return "\n\n".join(
            [
                "=== system block 1: clinic context (cached) ===",
                self.context_block,
                "=== system block 2: Skill system prompt (cached) ===",
                self.skill_block,
                "=== cache boundary: everything below varies per note ===",
                "=== user: session notes ===",
                note,
                *(
                    ["=== user: episode timeline (from the clinic's records) ===", self.timeline]
                    if self.timeline
                    else []
                ),
                "=== user: instructions ===",
                self.instructions,
            ]
        )


def build_prompt(
    ctx: ClinicContext,
    skill: Skill,
    note: Note,
    previous: str = "",
    instruction: str = "",
    timeline: str = "",
) -> Prompt:
    """Render `skill` for `note`; system blocks are byte-identical for every note. `timeline`
    (a report's episode of care, from the store) follows the note, outside the cached blocks."""
    shared = ctx.rendered() | skill_values(skill)
    system_values = shared | {"clinic.context": CONTEXT_REFERENCE}
    payer = ctx.payer(note.payer)
    note_values = shared | {f"patient.{key}": value for key, value in note.header().items()}
    note_values |= {
        "payer.requirements": "\n".join(f"- {r}" for r in payer.requirements) or "[none listed]",
        "previous.output": previous,
        "instruction": instruction.strip(),
    }
    for key, value in note_values.items():
        if key.startswith("patient.") and not value:
            note_values[key] = "[not documented]"
    return Prompt(
        skill=skill,
        note=note,
        context_block=render_context(ctx),
        skill_block=render(skill.system, system_values).strip(),
        instructions=render(skill.instructions, note_values).strip(),
        previous=previous,
        plain_language=dict(ctx.plain_language),
        clinic_phone=ctx.phone,
        timeline=timeline.strip(),
        max_tokens=min(skill.max_tokens, ctx.model.max_tokens or skill.max_tokens),
    )
