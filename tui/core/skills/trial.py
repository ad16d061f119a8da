""" "Try" a Skill on a stored note: the exact prompt, and a draft that never enters the queue.

The clinician writing a Skill needs to see what would be sent (with the cache boundary marked)
and what comes back, on a real note, before any patient's draft depends on it. Nothing here
creates a draft row, a job or a version; the result lives only on the screen.

Two-pass Skills are tried as they run: a Skill that reads ``{{ previous.output }}`` is tried on
the note's existing first pass (the newest version of the upstream Skill's draft, i.e. the
approved one once signed), or on a first pass drafted here when the note has none; a Skill with
``next`` also shows the second pass its output would feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.core.drafting.base import Backend, DraftingError
from tui.core.drafting.select import select_backend
from tui.core.intake.notes import Note
from tui.core.prompt import Prompt, build_prompt
from tui.core.records.store import DraftRow
from tui.core.service import ClinicService
from tui.core.skills.registry import PLACEHOLDER, Skill

_MAX_LISTED = 4


@dataclass(frozen=True)
class NoteChoice:
    """A stored note the Skill can be tried on."""

    note_id: int
    patient: str
    date: str
    path: str
    skill: str

    @property
    def label(self) -> str:
        who = self.patient or "(unknown patient)"
        return f"{who} · {self.date or 'no date'} · {self.skill or '–'}"


@dataclass(frozen=True)
class TryPass:
    """One pass of a Try: its prompt and either the drafted text or why drafting failed."""

    skill: Skill
    prompt: Prompt
    text: str = ""
    backend: str = ""
    model: str = ""
    checks: Mapping[str, Any] = field(default_factory=dict)
    error: str = ""
    source: str = "drafted"  # drafted | from the queue (an existing first pass, not redrafted)

    @property
    def prompt_text(self) -> str:
        return self.prompt.as_text()


@dataclass(frozen=True)
class TryRun:
    note: NoteChoice
    passes: tuple[TryPass, ...]


def note_choices(drafts: Iterable[DraftRow], prefer_skill: str = "") -> list[NoteChoice]:
    """One choice per stored note, notes already drafted with `prefer_skill` first."""
    seen: dict[int, NoteChoice] = {}
    for draft in drafts:
        if draft.note_id not in seen:
            seen[draft.note_id] = NoteChoice(
                draft.note_id, draft.patient, draft.date, draft.note_path, draft.skill
            )
    choices = list(seen.values())
    return sorted(choices, key=lambda c: (c.skill != prefer_skill, c.note_id))


def uses_previous(skill: Skill) -> bool:
    """True for a second-pass Skill: it drafts from the first pass's output."""
    return any(m.group(1) == "previous.output" for m in PLACEHOLDER.finditer(skill.instructions))


def upstream_of(skill: Skill, skills: Iterable[Skill]) -> Skill | None:
    """The Skill whose ``next`` is `skill` (the first pass of a two-pass pair)."""
    return next((s for s in skills if s.next == skill.id and s.id != skill.id), None)


async def try_skill(
    service: ClinicService,
    skill: Skill,
    note: NoteChoice,
    backend: Backend | None = None,
) -> TryRun:
    """Draft `skill` on a stored note without queueing anything; see the module docstring.

    `skill` may be unsaved editor text; the registry supplies the other Skill of a pair. A note
    whose stored content cannot be read raises DraftingError (nothing to try on)."""
    chosen = backend or select_backend(service.context)
    stored = service.stored_note(note.note_id)
    skills = [s for s in service.clinic.skills if s.id != skill.id] + [skill]
    passes: list[TryPass] = []
    previous = ""
    upstream = upstream_of(skill, skills) if uses_previous(skill) else None
    if upstream is not None:
        first = _existing_pass(service, upstream, note, stored)
        if first is None:
            first = await _draft(service, chosen, build_prompt(service.context, upstream, stored))
        passes.append(first)
        if first.error:
            return TryRun(note, tuple(passes))
        previous = first.text
    main = await _draft(service, chosen, build_prompt(service.context, skill, stored, previous))
    passes.append(main)
    following = next((s for s in skills if s.id == skill.next), None) if skill.next else None
    if following is not None and not main.error and upstream is None:
        prompt = build_prompt(service.context, following, stored, main.text)
        passes.append(await _draft(service, chosen, prompt))
    return TryRun(note, tuple(passes))


def _existing_pass(
    service: ClinicService, upstream: Skill, note: NoteChoice, stored: Note
) -> TryPass | None:
    """The note's first pass from the queue (newest version), so Try sees what the second pass
    would really read."""
    for draft in reversed(service.drafts()):
        if draft.note_id != note.note_id or draft.skill != upstream.id:
            continue
        versions = service.versions(draft.id)
        if versions:
            prompt = build_prompt(service.context, upstream, stored)
            return TryPass(
                upstream,
                prompt,
                versions[-1].text,
                draft.backend,
                draft.model,
                draft.checks,
                source=f"from the queue (draft {draft.id}, {draft.status})",
            )
    return None


async def _draft(service: ClinicService, backend: Backend, prompt: Prompt) -> TryPass:
    try:
        result = await backend.draft(prompt, lambda _text: None)
    except DraftingError as exc:
        return TryPass(prompt.skill, prompt, error=str(exc))
    checks = service.check(prompt, result)
    return TryPass(prompt.skill, prompt, result.text, result.backend, result.model, checks)


def check_lines(checks: Mapping[str, Any], skill: Skill) -> list[tuple[str, str]]:
    """What the checks found, as (severity, line) pairs: ``ok`` | ``warn``.

    A patient handout over the Skill's ``max_grade`` is flagged with the sentences that push the
    grade up and the clinical words to swap, which is what the clinician fixes."""
    lines: list[tuple[str, str]] = []
    missing = checks.get("missing") or []
    unsupported = checks.get("unsupported") or []
    findings = checks.get("findings") or []
    if missing:
        lines.append(("warn", "Missing from draft: " + _labels(missing)))
    if unsupported:
        lines.append(("warn", "Not in the note: " + _labels(unsupported)))
    if findings:
        codes = ", ".join(str(f.get("code", "?")) for f in findings)
        lines.append(("warn", f"Audit: {codes}"))
    grade = checks.get("readability")
    if isinstance(grade, Mapping) and skill.max_grade:
        lines += readability_lines(grade, skill.max_grade)
    if checks and not any(severity == "warn" for severity, _ in lines):
        lines.insert(0, ("ok", "Checks: clean"))
    return lines


def readability_lines(grade: Mapping[str, Any], max_grade: float) -> list[tuple[str, str]]:
    """The readability verdict for a patient-facing text against its Skill's ceiling."""
    value = float(grade.get("grade", 0.0))
    over = value > max_grade
    lines = [
        (
            "warn" if over else "ok",
            f"Reading grade {value:g} (Skill allows {max_grade:g})"
            + (": too hard for a patient handout" if over else ""),
        )
    ]
    if over:
        for sentence in list(grade.get("hard_sentences") or [])[:3]:
            lines.append(("warn", f"  Hard: {sentence}"))
    jargon = grade.get("jargon") or []
    if jargon:
        swaps = ", ".join(f"{j.get('term')} → {j.get('suggest')}" for j in jargon[:_MAX_LISTED])
        lines.append(("warn", f"Clinical words: {swaps}"))
    return lines


def _labels(facts: Sequence[Mapping[str, Any]]) -> str:
    labels = [str(f.get("label") or f.get("value") or f.get("kind") or "?") for f in facts]
    more = f" (+{len(labels) - _MAX_LISTED} more)" if len(labels) > _MAX_LISTED else ""
    return "; ".join(labels[:_MAX_LISTED]) + more
