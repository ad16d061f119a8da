"""The embedded offline drafter: deterministic, no network, no language model.

It cannot write prose, so it does the next most useful thing: it sorts the note's own statements
into the Skill's sections (by the labels the note uses and the cue tables in
``data/offline.toml``; see ``placement``), cleans dictation (``dictation``) and marks empty
sections ``[not documented]``. Because it reuses the clinician's words, its drafts verify clean
against the note. What it says about the draft (that no model wrote it, and the measurements the
fact extractor found) goes beside the document (`DraftResult.aside`), never into the text a
clinician signs.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.handouts.readability import plain_language
from tui.core.checks.layouts.page_furniture import without_furniture
from tui.core.checks.layouts.stacked_fields import joined_fields
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.other_people import without_other_people
from tui.core.checks.verify.dates_written import dates_in, same_day_no_year
from tui.core.drafting import placement
from tui.core.drafting.about_note import letter_body
from tui.core.drafting.base import DraftingError, TextSink
from tui.core.drafting.email_furniture import email_body
from tui.core.drafting.form_fields import filled_in
from tui.core.drafting.markup import as_text
from tui.core.drafting.offline_data import offline_table
from tui.core.drafting.placement import Item
from tui.core.drafting.shorthand import written_out
from tui.core.prompt import Prompt
from tui.core.records.document import MEASUREMENTS_HEADING, NOT_DOCUMENTED, document_body
from tui.core.records.store import DraftResult

BACKEND_NAME = "offline"
NOTICE = (
    "Drafted offline, without a language model: each line is the clinician's own note text, "
    "sorted into this document's sections. Review and complete before signing."
)


@cache
def _table() -> dict[str, Any]:
    return dict(offline_table())


def _fixed_sections(phone: str) -> dict[str, tuple[str, ...]]:
    """Patient-safe wording for handout sections no note line fills; `{phone}` lines carry
    the clinic's number and are left out when context.toml gives none (the handout checks
    then say the number is missing)."""
    sections = {}
    for key, lines in _table().get("fixed_sections", {}).items():
        kept = [line.format(phone=phone) for line in lines if phone or "{phone}" not in line]
        sections[key] = tuple(kept)
    return sections


class OfflineBackend:
    """Deterministic drafts from the note's own lines; never fails on a readable text note."""

    name = BACKEND_NAME

    async def draft(self, prompt: Prompt, on_text: TextSink) -> DraftResult:
        # Reading a long note takes seconds: off the event loop, so other drafts go on.
        text, aside = await asyncio.to_thread(lambda: (draft_text(prompt), draft_aside(prompt)))
        on_text(text)
        return DraftResult(
            text=text,
            backend=self.name,
            model="",
            stop_reason="end_turn",
            aside=aside,
        )


def draft_aside(prompt: Prompt) -> str:
    """What the drafter says beside the document: how it was made, and (for clinicians) every
    measurement found in the note, to check against the sections."""
    lines = [NOTICE]
    source = document_body(prompt.previous) if prompt.previous else prompt.note.body
    facts = [] if prompt.skill.patient_facing else extract_facts(source)
    if facts:
        lines += ["", MEASUREMENTS_HEADING.lstrip("# "), *(f"- {fact.render()}" for fact in facts)]
    if prompt.timeline:  # a report's episode from the store: to write the comparison from
        lines += ["", "Episode timeline (from the clinic's records):", prompt.timeline]
    return "\n".join(lines)


def draft_text(prompt: Prompt) -> str:
    """Build the offline document for a prompt: title, header line and the Skill's sections."""
    note = prompt.note
    if note.kind != "text":
        raise DraftingError(
            f"needs a model to read: {note.kind} notes ({note.name}) cannot be read offline; "
            "configure a model backend or add a typed note"
        )
    # a form's blanks and unticked boxes document nothing, nor does a letter's or a paged
    # export's furniture: none
    # of them reaches the draft; texting shorthand is written out
    source = (
        document_body(prompt.previous)
        if prompt.previous
        else written_out(filled_in(letter_body(email_body(_unpaged(as_text(note.body))))))
    )
    skill = prompt.skill
    # a group note's lines about another patient are no part of this patient's document
    items = split_items(without_other_people(source, note.header().get("name") or ""))
    patient_facing = skill.patient_facing
    # A handout's fixed sections ("When to call your therapist") always carry the fixed,
    # patient-safe wording: no note line (an assessment, a billing line) is placed there.
    fixed = _fixed_sections(prompt.clinic_phone) if patient_facing else {}
    placeable = [section for section in skill.sections if section.lower() not in fixed]
    placed = place_items(items, placeable or skill.sections, source)
    lines = [f"# {skill.name}", "", _header_line(prompt, patient_facing), ""]
    for section in skill.sections:
        lines += [f"## {section}", ""]
        body = list(fixed.get(section.lower(), ())) or placed.get(section, [])
        if not body and not patient_facing:
            body = _from_header(section, _header_fields(prompt))
        lines += _written(body) if body else [NOT_DOCUMENTED]
        lines.append("")
    text = "\n".join(lines).rstrip() + "\n"
    if skill.max_grade:
        text = plain_language(text, prompt.plain_language)
    return text


def _unpaged(text: str) -> str:
    """An export's text as one document: its page furniture and print stamps gone, each form
    label joined to the value under it (a draft places the note's lines one by one)."""
    return joined_fields(without_furniture(text))


def _written(body: Sequence[str]) -> list[str]:
    """A section's statements as a list; a table (several lines) as the note wrote it, set
    apart by blank lines so it stays a table."""
    lines: list[str] = []
    for item in body:
        lines += ["", item, ""] if "\n" in item else [f"- {_capitalised(item)}"]
    return lines


def _capitalised(statement: str) -> str:
    """A statement opening with a capital, as a chart's sentence does ("continue POC" as
    "Continue POC"); a first word with a digit, a slash or a capital inside it is written as
    it is ("x2", "s/p", "mL")."""
    first = statement.split(" ", 1)[0]
    if not first[:1].islower() or any(ch.isdigit() or ch == "/" or ch.isupper() for ch in first):
        return statement
    return statement[0].upper() + statement[1:]


def _header_fields(prompt: Prompt) -> dict[str, str]:
    """The note's header fields, and the first visit of the reporting period it gives."""
    fields = prompt.note.header()
    if not _dated(prompt.note.text or prompt.note.body, fields.get("date", "")):
        fields["date"] = ""  # a day only the file's name gives (see _dated)
    restart = prompt.note.last_progress_report
    if restart is not None:
        fields["period_start"] = str(restart + 1)
    return fields


def _from_header(section: str, header: dict[str, str]) -> list[str]:
    """A section no note line fills, from the header fields it asks for ("Reporting Period"
    from the visit and the last progress report); none when a field is missing."""
    heading = section.lower()
    for words, template in _table().get("header_sections", {}).items():
        if words not in heading:
            continue
        # a bracketed field the header lacks is left out with its brackets ("({date})")
        template = re.sub(
            r"[ \t]*\(\{(\w+)\}\)", lambda m: m.group(0) if header.get(m.group(1)) else "", template
        )
        fields = re.findall(r"\{(\w+)\}", template)
        if all(header.get(field) for field in fields):
            return [template.format(**header)]
    return []


def _header_line(prompt: Prompt, patient_facing: bool) -> str:
    header = dict(prompt.note.header())
    if not _dated(prompt.note.text or prompt.note.body, header.get("date", "")):
        header["date"] = ""
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


def _dated(text: str, day: str) -> bool:
    """Whether the draft may print `day` as the note's date: the note writes that day (in any
    format), or writes no date at all. A day known only from the file's name, in a note that
    dates other things ("Last PR: 01/26/2103"), is not the note's to state: a draft that printed
    it would say something the note does not (checks.verify flags it)."""
    written = dates_in(day)
    if not written:
        return True
    stated = frozenset(dates_in(text))
    return not stated or bool(written & stated) or same_day_no_year(written, stated)


def split_items(text: str) -> list[Item]:
    """The note as statements, each with the topic its label gives (see placement)."""
    return placement.split_items(text)


def place_items(
    items: Sequence[Item], sections: Sequence[str], source: str = ""
) -> dict[str, list[str]]:
    """Each statement in its section; an evaluation's complexity from its billed code when
    the note does not state it."""
    placed = placement.place_items(items, sections)
    complexity = next((s for s in sections if "complexity" in s.lower()), None)
    if complexity and not placed[complexity] and source:
        placed[complexity] = _complexity_from_billing(source)
    return placed


def _complexity_from_billing(source: str) -> list[str]:
    tables = billing_tables()
    billed = extract_billing(source).billed
    evaluations = [
        code for code in billed if code in tables.untimed and "evaluation" in tables.name_of(code)
    ]
    return [f"Billed {code}: {tables.name_of(code)}." for code in sorted(evaluations)]
