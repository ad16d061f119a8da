"""The embedded offline drafter: deterministic, no network, no language model.

It cannot write prose, so it does the next most useful thing: it sorts the note's own lines into
the Skill's sections (by the cue table in ``data/offline.toml``) and marks empty sections
``[not documented]``. Because it only ever reuses the clinician's words, its drafts verify clean
against the note. What it says about the draft (that no model wrote it, and the measurements the
fact extractor found) goes beside the document (`DraftResult.aside`), never into the text a
clinician signs.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from tui.core.checks.extract import extract_facts
from tui.core.checks.readability import plain_language
from tui.core.document import MEASUREMENTS_HEADING, NOT_DOCUMENTED, document_body
from tui.core.drafting.base import DraftingError, TextSink
from tui.core.prompt import Prompt
from tui.core.store import DraftResult

BACKEND_NAME = "offline"
NOTICE = (
    "Drafted offline, without a language model: each line is the clinician's own note text, "
    "sorted into this document's sections. Review and complete before signing."
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_PREFIX = re.compile(r"^\s*(S|O|A|P|Tx|Plan|Ideas)\s*:\s*", re.IGNORECASE)
# A line that only introduces what follows ("Voice transcript, recorded after session:").
_LABEL_ONLY = re.compile(r"^[^:]{0,60}:\s*$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Category:
    name: str
    headings: tuple[str, ...]
    cues: tuple[re.Pattern[str], ...]


@cache
def _table() -> dict[str, Any]:
    text = files("tui.core").joinpath("data", "offline.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _fixed_sections(phone: str) -> dict[str, tuple[str, ...]]:
    """Patient-safe wording for handout sections no note line fills; `{phone}` lines carry
    the clinic's number and are left out when context.toml gives none (the handout checks
    then say the number is missing)."""
    sections = {}
    for key, lines in _table().get("fixed_sections", {}).items():
        kept = [line.format(phone=phone) for line in lines if phone or "{phone}" not in line]
        sections[key] = tuple(kept)
    return sections


@cache
def _section_cues() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (phrase, tuple(re.compile(cue, re.IGNORECASE) for cue in cues))
        for phrase, cues in _table()["section_cues"].items()
    )


@cache
def _categories() -> tuple[Category, ...]:
    raw = _table()
    table = raw["categories"]
    return tuple(
        Category(
            name,
            tuple(table[name]["headings"]),
            tuple(re.compile(cue, re.IGNORECASE) for cue in table[name]["cues"]),
        )
        for name in raw["order"]
    )


class OfflineBackend:
    """Deterministic drafts from the note's own lines; never fails on a readable text note."""

    name = BACKEND_NAME

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        text = draft_text(prompt)
        on_text(text)
        return DraftResult(
            text=text,
            backend=self.name,
            model="",
            stop_reason="end_turn",
            aside=draft_aside(prompt),
        )


def draft_aside(prompt: Prompt) -> str:
    """What the drafter says beside the document: how it was made, and (for clinicians) every
    measurement found in the note, to check against the sections."""
    lines = [NOTICE]
    source = document_body(prompt.previous) if prompt.previous else prompt.note.body
    facts = [] if prompt.skill.patient_facing else extract_facts(source)
    if facts:
        lines += ["", MEASUREMENTS_HEADING.lstrip("# "), *(f"- {fact.render()}" for fact in facts)]
    return "\n".join(lines)


def draft_text(prompt: Prompt) -> str:
    """Build the offline document for a prompt: title, header line and the Skill's sections."""
    note = prompt.note
    if note.kind != "text":
        raise DraftingError(
            f"needs a model to read: {note.kind} notes ({note.name}) cannot be read offline; "
            "configure a model backend or add a typed note"
        )
    source = document_body(prompt.previous) if prompt.previous else note.body
    skill = prompt.skill
    items = split_items(source)
    patient_facing = skill.patient_facing
    # A handout's fixed sections ("When to call your therapist") always carry the fixed,
    # patient-safe wording: no note line (an assessment, a billing line) is placed there.
    fixed = _fixed_sections(prompt.clinic_phone) if patient_facing else {}
    placeable = [section for section in skill.sections if section.lower() not in fixed]
    placed = place_items(items, placeable or skill.sections)
    lines = [f"# {skill.name}", "", _header_line(prompt, patient_facing), ""]
    for section in skill.sections:
        lines += [f"## {section}", ""]
        body = list(fixed.get(section.lower(), ())) or placed.get(section, [])
        lines += [f"- {item}" for item in body] if body else [NOT_DOCUMENTED]
        lines.append("")
    text = "\n".join(lines).rstrip() + "\n"
    if skill.max_grade:
        text = plain_language(text, prompt.plain_language)
    return text


def _header_line(prompt: Prompt, patient_facing: bool) -> str:
    header = prompt.note.header()
    if patient_facing:
        return f"**For:** {header['name']} · **Date:** {header['date']}"
    shown = [
        ("Patient", header["name"]),
        ("Date", header["date"]),
        ("Visit", header["visit"]),
        ("Discipline", header["discipline"]),
        ("Payer", header["payer"]),
        ("Diagnosis", header["diagnosis"]),
    ]
    return " · ".join(f"**{key}:** {value}" for key, value in shown if value)


def split_items(text: str) -> list[str]:
    """The note as a list of statements: bullets and lines, prose split into sentences."""
    items: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and len(line) < 3):
            continue
        line = line.lstrip("#").strip() if line.startswith("#") else line
        line = _BULLET.sub("", line)
        if _LABEL_ONLY.match(line):
            continue
        if len(line) > 200 and not _BULLET.match(raw):
            items.extend(part.strip() for part in _SENTENCE.split(line) if part.strip())
        else:
            items.append(line)
    return items


def place_items(items: Sequence[str], sections: Sequence[str]) -> dict[str, list[str]]:
    """Assign each item to one section; items with no matching section go to the closest one."""
    section_category = {section: _section_category(section) for section in sections}
    placed: dict[str, list[str]] = {section: [] for section in sections}
    for item in items:
        section = _best_section(item, sections, section_category)
        placed[section].append(_PREFIX.sub("", item))
    return placed


def _section_category(section: str) -> str:
    lowered = section.lower()
    best, best_len = "", 0
    for category in _categories():
        for heading in category.headings:
            if heading in lowered and len(heading) > best_len:
                best, best_len = category.name, len(heading)
    return best


# When a note line's category has no section of its own, where it goes instead.
_FALLBACK = {
    "treatment": ("objective", "billing", "plan", "assessment"),
    "billing": ("treatment", "objective", "plan"),
    "history": ("subjective", "objective", "assessment"),
    "subjective": ("history", "objective", "assessment"),
    "objective": ("treatment", "assessment", "subjective", "history"),
    "assessment": ("objective", "plan", "subjective"),
    "plan": ("assessment", "treatment", "objective"),
}


def _best_section(item: str, sections: Sequence[str], categories: dict[str, str]) -> str:
    wanted = [_item_category(item)]
    wanted += list(_FALLBACK.get(wanted[0], ()))
    for category in wanted:
        candidates = [section for section in sections if categories[section] == category]
        if candidates:
            return max(candidates, key=lambda section: _section_score(item, section))
    uncategorised = [s for s in sections if not categories[s]]
    return uncategorised[0] if uncategorised else sections[0]


def _section_score(item: str, section: str) -> int:
    """How well a line fits a section among several of its category (first wins ties)."""
    heading = section.lower()
    return sum(
        sum(1 for cue in cues if cue.search(item))
        for phrase, cues in _section_cues()
        if phrase in heading
    )


def _item_category(item: str) -> str:
    prefix = _PREFIX.match(item)
    if prefix:
        key = prefix.group(1).lower()
        direct = {"s": "subjective", "o": "objective", "a": "assessment", "p": "plan"}
        direct |= {"tx": "treatment", "plan": "plan", "ideas": "plan"}
        return direct[key]
    scores = [
        (sum(1 for cue in category.cues if cue.search(item)), -index, category.name)
        for index, category in enumerate(_categories())
    ]
    score, _, name = max(scores)
    return name if score else "objective"
