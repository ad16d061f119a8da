"""Where each statement of a note belongs among a document's sections (the offline drafter).

A note says where its lines belong when it labels them ("PMH:", "Goal status:", "## Reason
for referral"): a labelled line goes to the section its topic names, and so do the unlabelled
lines under a label that stands on its own line. Unlabelled statements (dictation, prose) are
sorted by what they say, from the cue table: what the patient reports to Subjective, what was
done and measured to Objective, judgement to Assessment, next steps to Plan. Where a Skill has
a section of a topic's own (Posture and Grasp, Classroom Participation, Precautions), a line's
words name it (``content_topics``). Tables are data (``data/offline.toml``), not code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from tui.core.checks.layouts.captions import caption_start, plain_caption
from tui.core.checks.layouts.grids import grids
from tui.core.checks.layouts.keyed import unit_written
from tui.core.checks.layouts.mdtables import linearize
from tui.core.checks.layouts.row_numbers import numbered_rows, without_row_number
from tui.core.checks.measures.side_headings import names_side
from tui.core.checks.text.lexicon import GOAL_START, measure_matcher
from tui.core.drafting import dictation
from tui.core.drafting.about_note import about_the_note
from tui.core.drafting.content_topics import clause_copies, content_section
from tui.core.drafting.context_blocks import blocks_apart
from tui.core.drafting.csv_rows import ExportRow, export_rows
from tui.core.drafting.enclosed_labels import unenclosed
from tui.core.drafting.form_lines import fields_apart
from tui.core.drafting.interview import (
    Asked,
    answered,
    answers_joined,
    asked,
    asked_and_answered,
    chat_turn,
    last_question,
    reported,
)
from tui.core.drafting.offline_data import offline_table
from tui.core.drafting.part_marks import named_heading, unnumbered
from tui.core.drafting.section_columns import parted_rows

# A bullet of any print: "-", "*", "\u2022", chevrons ("\u00bb"), arrows, squares, circles.
_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u00bb\u203a\u2023\u2043\u2192\u25aa\u25ab\u25b8\u25ba\u25cb\u25cf\u25e6"
    r"\u25a0\u25a1\u27a2\u27a4]|\d+[.)]|\[[ xX]\])\s+"
)
# A Markdown heading ("## Plan"; "#1 STG ..." numbers a goal) or an Org-mode one, two stars or
# more and a space ("** S", "*** Objective"); "**Note:**" is bold, "** S ** text" a label set
# between stars (see enclosed_labels) and "* item" a bullet.
_HEADING = re.compile(r"^\s*(?:#{1,6}(?![\d#])|\*{2,}(?=[ \t]+\S)(?![^\n]*\*\*)\s)\s*")
# A Markdown quote opening a line of words ("> Athlete check-in: ..."); "> 90 deg" is a value.
_QUOTE = re.compile(r"^\s*>+\s+(?=[A-Za-z\"*_(\[])")
# An export's field name labels its line by its first part ("subjective.pain_now: 2/10"); a
# label may name who said it ("Teacher check-in (Ms. Ruiz):").
_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?P<label>[A-Za-z](?:[A-Za-z0-9_ &/()'\-]|\.(?=[A-Za-z_])"
    r"|\([^()\n]{1,40}\)(?=[ \t]*(?:\*\*)?:[ \t]*\S)"  # "Goals (revised, 6 wk): ..."
    r"|(?<=\b(?:Mr|Ms|Dr|Mx))\.|(?<=\bMrs)\.){0,45}?)(?:\*\*)?\s*"
    r"(?:[:=]|//|\t|[ \t]~[ \t]|\s(?:--?|[\u2014\u2013])\s|\*\*\s*[\u2014\u2013-])"
    r"\s*(?:\*\*)?\s*(?P<rest>.*)$"
)
# A printed form's label in capitals, its text after a column of spaces ("PLAN        Add ...");
# text in capitals after it is a table's heading row ("INTERVENTIONS    MIN   DETAIL").
_WIDE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z /&-]{0,30}[A-Z])[ \t]{2,}(?=[^\n]*[a-z])")
# A form's label and its leader dots ("ASSESSMENT...........: ...", "Room.......: 214-B"): the
# dots lead the eye to the value and are written as the colon they stand for.
_LEADER = re.compile(r"^(?P<label>[A-Za-z0-9][^.:\n]{0,60}?)[ \t]*\.{3,}[ \t]*:?[ \t]*(?=\S)")
# A sentence ends at a full stop, never at leader dots ("gait training ..... 16 min", "ER
# (arm at side) . 55°").
_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\.\.)(?<!\s\.)(?<!\bMs\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bvs\.)"
    r"(?<![\s(][A-Z]\.)(?<!^[A-Z]\.)\s+(?=[A-Z0-9\"(])"  # "by T. Villanueva": an initial goes on
)
# A line typed in lower case ("resident seen in gym. pain 2/10 L knee. bp 124/70 ..."): its
# sentences open in lower case too; a full stop after a word ends one, unless the word is an
# abbreviation that goes on ("e.g.", "approx.", "vs.").
_LOWER_SENTENCE = re.compile(
    r"(?<=[a-z0-9)\"'%][.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bapprox\.)(?<!\bincl\.)"
    r"(?<!\bcont\.)(?<!\bpt\.)\s+(?=[a-z][a-z/-]*\b)"
)


def _in_lower_case(line: str) -> bool:
    """A line typed in lower case: it opens with a small letter and a full stop inside it is
    followed by one ("resident seen in gym. pain 2/10")."""
    return line[:1].islower() and bool(re.search(r"\.\s+[a-z]", line))


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}|^\s*={3,}\s*$")  # a table's rule, an underline
# SOAP letters written as "S>", "A/", "S)", "O//", "[O]" or "(P)" label a line like "S:" does.
# ("A/P:" names two sections, "S/P" is status post: neither is a letter and a mark).
# So do "S-", "S~", "S::" and "A." before the text or alone on a line ("A-fib" is no letter).
_SOAP_MARK = re.compile(
    r"^(\s*)(?:\[([SOAP])\]|\(([SOAP])\)|([SOAP])\s*(?:>|\)|//?(?![A-Za-z])|::"
    r"|(?:--?|[~=]|\u2013|\u2014)(?=\s|$)))\s*"
)
# "History. She is ...", "**Impression.** Load ...": a heading that opens its paragraph.
_HEAD_SENTENCE = re.compile(
    r"^(?:\*\*|__)?(?P<head>[A-Za-z][A-Za-z &/'\-]{0,40}?)(?:\.(?:\*\*|__)?|(?:\*\*|__)\.)"
    r"\s+(?P<rest>\S.*)$"
)
_EMPHASIS_TAG = re.compile(r"</?(?:u|b|i|em|strong)>", re.IGNORECASE)  # "<u>Subjective</u>"
_UNDERSCORE_BOLD = re.compile(r"^(\s*)__(?=\S)(.{1,60}?)__")


def _soap_colon(line: str, stops: bool = False) -> str:
    """A line opened by a SOAP letter in any punctuation, written with a colon ("S: ..."); a
    letter and a full stop ("A.") only in a note that writes its letters so (`stops`), since
    "S. aureus" opens a line too."""
    line = _UNDERSCORE_BOLD.sub(r"\1**\2**", line)
    if stops:
        line = _SOAP_STOP.sub(r"\1\2: ", line)
    return _SOAP_MARK.sub(lambda m: f"{m.group(1)}{m.group(2) or m.group(3) or m.group(4)}: ", line)


_SOAP_STOP = re.compile(r"^(\s*)([SOAP])\.(?:\s+|$)")


def _soap_stops(lines: Sequence[str]) -> bool:
    """True when at least two SOAP letters open lines written with a full stop ("S." ... "A.")."""
    letters = {m.group(2) for line in lines if (m := _SOAP_STOP.match(_BULLET.sub("", line)))}
    return len(letters) >= _SOAP_STOP_LETTERS


_SOAP_STOP_LETTERS = 2
_HEAD_LETTERS = 2

# "s- ankle sore", "o- L ankle df 8", "a- stiff", "p- 2x wk": a note typed in lower case writes
# its SOAP letters so. One such letter opens many a line ("a- fib"? "p: ..."), so they are
# read as the letters only where the note opens lines with three of them or more.
_LOWER_MARK = re.compile(r"^(\s*)([soap])(?=[ \t]*(?:--?|:|>|\)|\u2013|\u2014)(?:[ \t]|$))")
_LOWER_MARK_LETTERS = 3


def _lower_marks_raised(lines: list[str]) -> list[str]:
    """The lines with their lower-case SOAP letters written as capitals, when at least three
    different letters open lines so; else the lines as they are."""
    letters = {m.group(2) for line in lines if (m := _LOWER_MARK.match(_BULLET.sub("", line)))}
    if len(letters) < _LOWER_MARK_LETTERS:
        return lines
    return [_LOWER_MARK.sub(lambda m: m.group(1) + m.group(2).upper(), line) for line in lines]


def _opened_by_heading(line: str) -> tuple[str, str, str] | None:
    """(heading, its topic, the text after it) for a paragraph its heading opens ("History.
    She is ..."); the heading is the section's, so the draft does not repeat it."""
    opened = _HEAD_SENTENCE.match(line)
    if not opened or len(opened.group("head")) < _HEAD_LETTERS:  # "S. aureus": see _soap_colon
        return None
    topic = _exact_topic(_in_full(_folded(opened.group("head"))))
    return (opened.group("head"), topic, opened.group("rest")) if topic else None


def _folded(label: str) -> str:
    """A label as the topic tables write it: lower case, one space, an export's dotted field
    name as words ("subjective.chief_complaint" -> "subjective chief complaint")."""
    return re.sub(r"[\s_]+|(?<=\w)\.(?=\w)", " ", label.strip(" *#:/").lower())


@dataclass(frozen=True)
class Item:
    """One statement of the note and the topic its label (or the label above it) gives."""

    text: str
    topic: str = ""
    label: str = ""
    forced: bool = False
    # A dictated heading said before the statement ("okay, objective"): where it goes when
    # its own words do not say.
    fallback: str = ""
    # Under the label above it, with no label of its own: its words may name a topic the
    # Skill has a section of its own for (see content_topics).
    under: bool = False
    # A heading that states how the client was seen: placed only in the section of a topic
    # it names, else left out as the heading it is.
    heading: bool = False
    # What the draft writes for the statement when it is not its text: a table as written,
    # placed by its rows as the checks read them.
    shown: str = ""
    # A table's rows as statements, each placed as the checks read it (see place_items).
    rows: tuple[Item, ...] = ()
    # A heading naming the columns of the rows under it ("Status at d/c vs IE:"): written
    # above the first of them, wherever that goes.
    columns: bool = False
    # A table whose rows carry their own part of the note (see section_columns): each row
    # goes to the section its part names, whatever most rows say.
    parted: bool = False
    # A bracket of values remarking on the values above it ("(last week 52.5, 50.0)"): it
    # goes where the statement before it went, whatever its own words say.
    follows: bool = False
    # Lines read only under the line above them (see context_blocks): the table goes whole to
    # the section most of its rows go to, however few agree.
    kept: bool = False


@dataclass(frozen=True)
class Category:
    name: str
    headings: tuple[str, ...]
    cues: tuple[re.Pattern[str], ...]
    leads: tuple[re.Pattern[str], ...] = ()
    # Openings that settle a statement only where the document has a section of the category
    # (see `opens` in offline.toml); no part of a line is parted by them.
    opens: tuple[re.Pattern[str], ...] = ()


@cache
def _table() -> dict[str, Any]:
    return dict(offline_table())


@cache
def _topic_labels() -> tuple[tuple[str, str], ...]:
    """(label, topic), longest label first."""
    pairs = [
        (label.lower(), topic)
        for topic, spec in _table().get("topics", {}).items()
        for label in spec.get("labels", ())
    ]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@cache
def _label_topic() -> dict[str, str]:
    """Each label to its topic (the first `_topic_labels` gives it): a label is looked up,
    not compared with every label in turn, as every line of every note asks."""
    topics: dict[str, str] = {}
    for written, topic in _topic_labels():
        topics.setdefault(written, topic)
    return topics


@cache
def _topic_sections() -> dict[str, tuple[str, ...]]:
    return {
        topic: tuple(spec.get("sections", ())) for topic, spec in _table().get("topics", {}).items()
    }


@cache
def _overrides() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Topics a statement belongs to whatever label it sits under ("... low complexity")."""
    return tuple(
        (topic, tuple(re.compile(cue, re.IGNORECASE) for cue in spec.get("override", ())))
        for topic, spec in _table().get("topics", {}).items()
        if spec.get("override")
    )


@cache
def categories() -> tuple[Category, ...]:
    raw = _table()
    table = raw["categories"]
    return tuple(
        Category(
            name,
            tuple(table[name]["headings"]),
            tuple(re.compile(cue, re.IGNORECASE) for cue in table[name]["cues"]),
            tuple(
                re.compile(lead, re.IGNORECASE)
                for key in ("leads", "reports", "next_steps")
                for lead in table[name].get(key, ())
            ),
            tuple(re.compile(lead, re.IGNORECASE) for lead in table[name].get("opens", ())),
        )
        for name in raw["order"]
    )


@cache
def _reports() -> tuple[re.Pattern[str], ...]:
    """Openings that say someone reports ("Caregiver states ...", "Back to full duty ..."): see
    `reports` in offline.toml."""
    spec = _table()["categories"].get("subjective", {})
    return tuple(re.compile(lead, re.IGNORECASE) for lead in spec.get("reports", ()))


def _as_reported(item: Item) -> Item:
    """A statement under a heading of what was examined ("Findings", "O:"), or after a label
    that names no part ("Status today:"), that says someone reports it: what the patient or
    family told, so Subjective; the label on the line goes with the move."""
    unnamed = not item.topic and bool(item.label)
    if item.forced or not (unnamed or item.topic in _examined_topics()):
        return item
    labelled = _LABEL.match(item.text)
    rest = labelled.group("rest") if labelled and item.label == labelled.group("label") else ""
    for text in (item.text, rest):
        if text and any(lead.search(text) for lead in _reports()):
            # its words may still name a section of a topic's own ("Impact on Participation")
            return replace(item, text=rest or item.text, topic="subjective", label="", under=True)
    return item


@cache
def _examined_topics() -> frozenset[str]:
    spec = _table()["categories"].get("subjective", {})
    return frozenset(spec.get("reports_over", ()))


@cache
def _section_cues() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (phrase, tuple(re.compile(cue, re.IGNORECASE) for cue in cues))
        for phrase, cues in _table()["section_cues"].items()
    )


@cache
def _compound() -> tuple[re.Pattern[str], frozenset[str]]:
    table = _table().get("compound", {})
    joins = "|".join(table.get("joins", ())) or r"(?!x)x"
    return re.compile(joins, re.IGNORECASE), frozenset(table.get("not_compound", ()))


def topic_of(label: str) -> str:
    """The topic a label names ("PMH" -> history, "STG 1" -> goal_status), or "". A heading
    naming two topics ("A/P", "Assessment & Plan") gives both, joined by "|"."""
    lowered = _in_full(_folded(label))
    joins, not_compound = _compound()
    parts = joins.split(lowered)
    if len(parts) == 2 and lowered not in not_compound:
        pair = [_exact_topic(part) for part in parts]
        if all(pair):  # "Dx/Hx" names one topic twice
            return "|".join(pair) if pair[0] != pair[1] else pair[0]
    named = _leading_label_topic(lowered)
    if _judged(named) and _names_a_screen(lowered):
        return "objective"  # "Safety screen: RASS 0": what was screened is measured
    return named


def _leading_label_topic(lowered: str) -> str:
    """The topic of the longest label the text is, or starts with before a space or a "(":
    the text's own ends, not every label, are where a label can stop."""
    topics = _label_topic()
    ends = [len(lowered), *(at for at in range(len(lowered) - 1, -1, -1) if lowered[at] in " (")]
    return next((topics[lowered[:end]] for end in ends if lowered[:end] in topics), "")


def _judged(topic: str) -> bool:
    """No topic, or one whose statements are a judgement ("safety": risks go to Assessment),
    not a part of its own (the plan, goals) nor something measured."""
    sections = _topic_sections().get(topic, ())
    return not topic or ("assessment" in sections and "objective" not in sections)


def _names_a_screen(label: str) -> bool:
    """A label of a few words whose head noun names a screen or a check ("safety screen",
    "fall risk screen", "sedation check"; see [label_heads] `measured`), whatever it screens for:
    what was looked at and scored, never a judgement of it."""
    prepositions, _, _ = _label_heads()
    words = label.split()
    cut = next((i for i, word in enumerate(words) if word in prepositions), len(words))
    heads = _table().get("label_heads", {}).get("measured", ())
    return _HEAD_WORDS <= cut <= _LABEL_WORDS and words[cut - 1] in heads


def label_topic(label: str) -> str:
    """The topic of a label that opens a line of text ("Clinical summary: ..."): as `topic_of`,
    else by its head noun (a heading standing alone, "PELVIC HEALTH FOLLOW-UP", may be a title)."""
    lettered = _lettered(label)
    named = _exact_topic(_in_full(lettered)) if lettered else ""
    return (
        named
        or topic_of(label)
        or _reported_topic(_folded(label))
        or _speaker_topic(label)
        or _head_topic(_in_full(_folded(label)))
    )


def _reported_topic(label: str) -> str:
    """ "Athlete says", "Coach reported": a label naming who speaks and ending with what they do
    is what someone reports (see [label_heads] `reported`)."""
    words = label.split()
    if not 1 < len(words) <= _LABEL_WORDS:
        return ""
    said = _table().get("label_heads", {}).get("reported", ())
    return "subjective" if any(label.endswith(" " + verb) for verb in said) else ""


def _speaker_topic(label: str) -> str:
    """ "Daughter:", "Pt:", "Caregiver (by phone):": a label naming only who speaks is what they
    said (see [label_heads] `speakers`); "PT:" as written is the therapist ([interview])."""
    named = re.sub(r"\s*\([^()]*\)", "", label).strip(" *")
    if named in _table().get("interview", {}).get("clinician_speakers", ()):
        return ""
    speakers = _table().get("label_heads", {}).get("speakers", ())
    return "subjective" if _folded(named) in speakers else ""


# "P (problem):", "I (intervention):": a letter with the name it stands for in this note's layout.
_LETTER_NAMED = re.compile(r"[a-z]\s*\(([a-z][a-z ]{2,30})\)")


def _lettered(label: str) -> str:
    """The name a letter stands for in this note's layout ("S (Situation)" is "situation"), or
    "" for any other label."""
    found = _LETTER_NAMED.fullmatch(_folded(label))
    return found.group(1) if found else ""


def _layout_key(label: str) -> str:
    """A label as a layout in offline.toml lists it: its name, where a letter stands for it."""
    return _lettered(label) or _folded(label)


@cache
def _label_heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = _table().get("label_heads", {})
    return (
        frozenset(table.get("prepositions", ())),
        frozenset(table.get("skip", ())),
        frozenset(table.get("skip_topics", ())),
    )


def _head_topic(label: str) -> str:
    """The topic a label of several words names by its head noun: the last word before any
    preposition ("clinical summary", "summary of care"); see [label_heads] in offline.toml."""
    prepositions, skip, skip_topics = _label_heads()
    words = label.split()
    if not _HEAD_WORDS <= len(words) <= _LABEL_WORDS:
        return ""  # a label is a few words; "Work a full day without arm symptoms" is a goal
    cut = next((i for i, word in enumerate(words) if word in prepositions), len(words))
    head = words[cut - 1] if cut else ""
    if not head or head in skip or head in _topic_lists("when"):  # "Pain today: 5/10"
        return ""
    topic = _exact_topic(head)
    return "" if topic in skip_topics else topic


_HEAD_WORDS = 2


@cache
def _short_words() -> dict[str, str]:
    return {str(k): str(v) for k, v in _table().get("label_words", {}).items()}


def _in_full(label: str) -> str:
    """A label with its short words written in full ("interval hx" -> "interval history"),
    unless the label as written is itself a label ("hx", "poc")."""
    if label in _label_topic():
        return label
    words = _short_words()
    return " ".join(words.get(word, word) for word in label.split(" "))


def _exact_topic(label: str) -> str:
    return _label_topic().get(label.strip(), "")


def _is_label(text: str) -> bool:
    """True when a text is one of the labels a topic is written with, and nothing else."""
    lowered = re.sub(r"[\s_]+", " ", text.strip(" *#:.").lower())
    return lowered in _label_topic()


def split_items(
    text: str, *, tables: bool = True, within: tuple[str, str] = ("", "")
) -> list[Item]:
    """The note as statements, each with the topic its label or the label above it gives;
    each table one statement holding its rows (`tables`), or its rows read as lines; `within`
    is the topic and label of the part a table's rows are read in."""
    dictated = dictation.is_dictated(text)
    items: list[Item] = []
    block, block_label = within
    spoken = ""
    first = not any(within)
    text, exports = _exports_apart(text) if tables else (text, {})
    source, apart = _tables_apart(text) if tables else (text, {})
    if tables:
        # lines read only under the line above them stay with it (see context_blocks)
        source, held = blocks_apart(source, _is_part_name, _part_topic, _names_columns)
        apart.update({key: (written, read, ()) for key, (written, read) in held.items()})
    else:
        held = {}
    lines = _lower_marks_raised(fields_apart(_continued(linearize(source).splitlines()), topic_of))
    rows = numbered_rows(lines)
    stops = _soap_stops(lines)
    layout = _layout_of(lines, stops)
    parent = ""  # the topic the last line at the margin named with its label
    set_in = False  # the lines under the last label are set in from the margin
    parts_named = _parts_named(lines, stops) >= _PAIR and not dictated
    # a part opened on its label's line ("S: ..."): the part it runs on as, and what it replaced
    run: tuple[str, str] | None = None
    before_run = ("", "")
    question: Asked | None = None  # an interview's question waiting for its answer
    for index, raw in enumerate(lines):
        line = _row_read(raw) if index in rows else raw.strip()
        if not line and run is not None:
            # a blank line ends a part run on from its label's line
            block, block_label = before_run if (block, block_label) == run else (block, block_label)
            run = None
        if not line or _TABLE_RULE.match(line):
            continue
        exported = exports.get(line)
        if exported is not None:
            # an export's row: placed by its part or its charge, before any table is read
            first = False
            if not exported.skip:
                items.append(Item(exported.text, exported.topic or block))
            continue
        indented = index not in rows and raw[:1] in (" ", "\t") and not _BULLET.match(raw)
        if not indented:
            parent = ""
        if indented:
            set_in = bool(block or block_label)
        elif set_in:
            # a label's rows set in under it ("Outcome measures:\n  Berg 34/56 -> 49/56") end
            # where the text comes back to the margin: the paragraph after is not theirs
            block = block_label = ""
            set_in = False
        line = _EMPHASIS_TAG.sub("", line)
        heading = bool(_HEADING.match(line))
        line = _QUOTE.sub("", line)
        line = _BULLET.sub("", _HEADING.sub("", line)).strip()
        # "1.1 Subjective: ...", "S - SITUATION": an outline's number, a part's letter
        line = _soap_colon(named_heading(unnumbered(line, topic_of), _is_label), stops)
        if about_the_note(line):
            continue  # how the note was made, or its sign-off: nothing of the patient
        # "[PLAN] Continue ...", "== Objective ==": a part's label set off by marks
        line = unenclosed(line, _names_part)
        led = _LEADER.match(line)
        if led and topic_of(led.group("label")):
            # "ASSESSMENT.....: ...", "Nursing report....: ...": a part's label; a measure's
            # row keeps its dots, which the checks read its value by
            line = _LEADER.sub(r"\g<label>: ", line, count=1)
        wide = _WIDE_LABEL.match(line)
        if wide and label_topic(wide.group("label")):
            # "ASSESSMENT   Flexion up 14 deg", "PATIENT STATES   Sleeping 5 h": a printed
            # form's label, set off by its column of spaces
            line = _WIDE_LABEL.sub(r"\g<label>: ", line, count=1)
        line = line.strip("|").replace(" | ", "; ").strip() if line.startswith("|") else line
        # an interview: the question goes, the answer is what the patient reports
        who, line = chat_turn(line)
        # a clinician's turn asks its last sentence; what they said before it is a line
        line, said_question = last_question(line) if who == "clinician" else (line, "")
        on_line = Asked(said_question, "") if said_question else asked(line)
        pending, question = question, on_line if on_line and not on_line.answer else None
        answer = on_line.answer if on_line else answered(line) if pending else ""
        answer = answer or (line if who == "patient" else "")
        if on_line or answer:
            first = False
            prompt = on_line or pending
            reply = reported(prompt.question, answer) if prompt else answer
            if reply and dictated:  # a transcript's turn, said: numbers as digits, no fillers
                reply = " ".join(dictation.sentences(reply))
            if reply:
                items.append(Item(reply, "subjective"))
            if not (said_question and line):
                continue
        table = apart.get(line)
        if table is not None:
            # a table stays a table: written as the note wrote it, placed by what its rows say
            first = False
            written, read, parted = table
            if parted:
                own = tuple(row for said, part in parted for row in _part_rows(said, part))
                items.append(Item(read, block, shown=written, rows=own, parted=True))
                continue
            read_rows = tuple(split_items(read, tables=False, within=(block, block_label)))
            items.append(Item(read, block, shown=written, rows=read_rows, kept=line in held))
            continue
        opened = _opened_by_heading(line)
        if opened:
            first = False
            head, opened_topic, rest = opened
            items += [
                replace(item, label="" if item.forced else item.label or head)
                for item in _statements(rest, opened_topic, dictated=dictated)
            ]
            continue
        bare = line.rstrip(":").strip("* ").rstrip(".:").rstrip(" \u2014\u2013~-")
        whole = topic_of(bare) or (_shared_head(bare) if _stands_alone(line) else "")
        reason = _title_reason(line) if first else ""
        if reason:
            # "RE-EVALUATION (requested by case manager: return to work)": why it was asked for
            first = False
            items += _statements(reason, "reason", dictated=dictated)
            continue
        timed = _visit_time().search(line) if first else None
        if timed and timed.start() and _opens_as_title(line[: timed.start()].strip()):
            # "FALLS CLINIC - PT EVALUATION   seen 9:40 AM - 10:38 AM": the title goes, the
            # time the patient was seen is the visit's time, billed with it
            first = False
            items.append(Item(_sentence_case(timed.group().strip()), "billing", forced=True))
            continue
        after = _after_title(line) if first else ""
        if after:
            # "DISCHARGE SUMMARY - episode 01/19 to 03/12, 9 visits.": the title goes, the
            # statement after its dash is placed by its words
            first = False
            items += _statements(after, "", dictated=dictated)
            continue
        if first and not _lead_is_label(line) and not _override(line) and _opens_as_title(line):
            # "RE-EVALUATION", "PELVIC HEALTH PT - FOLLOW-UP": the document's title labels
            # nothing under it; a remark that says more ("(pool 92°F, 4 ft depth)") stays
            first = False
            for detail in _title_remarks(line):
                items += _statements(detail, "", dictated=dictated)
            continue
        first = False
        underlined = index + 1 < len(lines) and bool(_UNDERLINE.match(lines[index + 1]))
        remark = _heading_remark(line, marked=underlined or heading)
        if remark:
            # "Objective (consent obtained; chaperone offered, declined)", "GOALS (12 wk)": a
            # section heading with a remark, which stays in the section it opens
            block_label, remarked = remark
            block = topic_of(block_label)
            items += _statements(remarked, block, dictated=dictated)
            continue
        alone = heading or _stands_alone(line)
        only_heading = alone and (not whole or _only_heading(bare, line, heading))
        if only_heading:
            block_label = bare
        if whole and only_heading:
            block = whole
            if heading and not _exact_topic(_in_full(_folded(bare))):
                items.append(Item(bare, heading=True))
            elif _names_columns(bare):
                # "Measures - was / now / target:": the rows under it are read by its columns
                items.append(Item(f"{bare}:", whole))
            continue
        label = _LABEL.match(line)
        topic = label_topic(label.group("label")) if label and label.group("rest") else ""
        topic = topic or (topic_of(label.group("label")) if label else "")
        if run is not None and (block, block_label) == run and _labels_itself(line):
            # a line with a label of its own ends the part run on ("Edema - figure-of-8: ...",
            # "Facturación: 97110 x3", "P. progress to ...")
            block, block_label = before_run
            run = None
        if indented and not topic:
            # "Goal 2: ...\n    Baseline: 1 of 5   Q3: 4 of 5": a line set in under a labelled
            # line goes on with it
            topic = parent
        elif not indented:
            parent = topic
        if not topic and whole and alone and not heading:
            topic = whole  # "Plan continue HEP", "SUBJ knee stiff": a label word opens the line
        if label and not label.group("rest").strip() and (topic or _named_any(label)):
            block, block_label = topic, label.group("label")
            if not topic and (
                _names_columns(block_label) or names_side(block_label) or _gives_unit(block_label)
            ):
                # "Status at d/c vs IE:": which value is which in the rows under it; "Left
                # hand:": whose values they are; "Wrist HHD (lb):": what unit they are in
                items.append(Item(f"{block_label}:", columns=True))
            continue
        if heading and not whole:
            block = ""
        own_label = label.group("label") if label and _named_any(label) else ""
        if dictated and not (topic or block):
            said, spoken = _dictated(line, spoken)
            items += said
            continue
        statements = [
            # a statement its words place whatever its label keeps the label's topic, for a
            # Skill with no section of theirs ("Interval hx: visits 1-6 ...")
            replace(item, label="", fallback=item.fallback or topic or block)
            if item.forced
            # a line whose own label names a topic is not under the label above it
            else replace(
                item,
                label=item.label or own_label or ("" if topic else block_label),
                under=bool(block or block_label) and not (topic or own_label or item.label),
            )
            for item in _statements(line, topic or block, dictated=dictated)
        ]
        if items and _EARLIER_REMARK.match(line) and _DIGIT_AT_END.search(items[-1].text):
            # "GT+24cm 40.0cm" / "(last week 52.5, 50.0, 46.5)": a bracket of values remarks on
            # the values above it, and goes where they go
            statements = [replace(item, follows=True) for item in statements]
        part = layout.get(_layout_key(label.group("label"))) if label else None
        if part is not None:
            statements = [_by_its_words(item, *part) for item in statements]
        elif block_label and not topic and _layout_key(block_label) in layout:
            # the lines under a layout's label standing alone ("A (Assessment):" over bullets)
            part = layout[_layout_key(block_label)]
            statements = [_by_its_words(replace(item, label=""), *part) for item in statements]
        own_lead = label is not None and _says_when(label.group("label"))
        if own_lead and not topic:
            statements = [part for item in statements for part in _parted_by_opening(item)]
        block_lead = not label and _folded(block_label) in _mixed_labels()
        if own_lead or block_lead:
            statements = [_by_its_lead(item) for item in statements]
        items += statements
        opens = parts_named and not indented and label is not None and label.group("rest")
        if opens and label is not None and _runs_on(label.group("label")) and topic:
            # "S: Runner, 10k race in 9 wks.": the lines after it are the part's too
            if run is None or (block, block_label) != run:
                before_run = (block, block_label)
            run = block, block_label = topic, label.group("label")
    # a sentence that only says how the note was made ("Scribed by ...") is none of its parts
    return [_as_reported(item) for item in items if not about_the_note(item.text)]


def _continued(lines: list[str]) -> list[str]:
    """The note's lines with a line broken mid-phrase joined to the next (a scan's or a narrow
    form's line breaks: "Pain 3/10 at rest," / "5/10 after stairs."): a line that ends with a
    comma or inside brackets goes on, unless the next line opens a part, a bullet or a table."""
    joined: list[str] = []
    for line in lines:
        if joined and _WRAPPED_AT.search(joined[-1]) and _WRAPPED_ON.match(line):
            # a dictation wrapped inside a number or between it and its unit ("over seventy" /
            # "six sitting", "latency about three" / "seconds"): one number, as the checks read it
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        elif joined and _goes_on(joined[-1]) and _carries_on(line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


# A line that is one bracket holding a list of values ("(last week 52.5, 50.0, 46.5)", "[IE: 32 /
# 30]"): the earlier values of the rows above, one each; a bracket of one value says its own.
_EARLIER_REMARK = re.compile(
    r"^[ \t]*[(\[][^()\[\]\n\d]*\d[\d.]*(?:(?:[ \t]*[,;]|[ \t]+/)[ \t]*\d[\d.]*)+"
    r"[ \t]*[)\]][ \t.]*$"
)
# A line ending in a value (its unit after it): the line a bracket of values below remarks on.
_DIGIT_AT_END = re.compile(r"\d[ \t]*(?:[A-Za-z%°/]{1,4})?[ \t.]*$")


_WRAPPED_AT = re.compile(
    r"\b(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)[ \t]*$",
    re.IGNORECASE,
)
_WRAPPED_ON = re.compile(
    r"[ \t]*(?:one|two|three|four|five|six|seven|eight|nine|seconds?|minutes?|degrees?|feet"
    r"|percent)\b(?![ \t]*:)",
    re.IGNORECASE,
)


def _goes_on(line: str) -> bool:
    said = line.rstrip()
    return bool(said) and (said.endswith(",") or said.count("(") > said.count(")"))


def _carries_on(line: str) -> bool:
    said = line.strip()
    if not said or _BULLET.match(line) or _HEADING.match(line) or said.startswith("|"):
        return False
    label = _LABEL.match(_soap_colon(said))
    return not (label and label_topic(label.group("label")))


# A line opening with a label of its own, in any alphabet ("Edema - ...", "Facturación: ...").
_OWN_LABEL = re.compile(
    r"^(?:\*\*)?[^\W\d_][\w &/()'.\-]{0,40}?(?:\*\*)?\s*(?::|\s[-\u2013\u2014]\s)"
)
_SLASHED_WORD = re.compile(r"\b([a-z])/([a-z])\b")
_COLUMN_BREAK = re.compile(r"\s*(?:/|->|\u2192|,|\bvs\.?\b|\bversus\b)\s*", re.IGNORECASE)


@cache
def _run_on_labels() -> frozenset[str]:
    """The labels of a note's parts that go on past their line (see [parts] in offline.toml)."""
    return frozenset(_table().get("parts", {}).get("run_on", ()))


def _runs_on(label: str) -> bool:
    """Whether a label names one of the note's parts ("S", "Assessment", "SITUATION")."""
    return _layout_key(label) in _run_on_labels()


def _labels_itself(line: str) -> bool:
    """Whether a line opens with a label of its own, in any alphabet ("Edema - ...",
    "Facturación: ..."), or with a part's name in capitals in any mark ("P. progress ...",
    "Plan continue HEP")."""
    opening = _FIRST_WORD.match(line)
    named = opening is not None and opening.group(1)[0].isupper() and _runs_on(opening.group(1))
    return named or bool(_OWN_LABEL.match(line))


_FIRST_WORD = re.compile(r"^\W*([A-Za-z]+)\b")


def _parts_named(lines: Sequence[str], stops: bool) -> int:
    """How many of the note's parts its lines name by their labels, on a line of their own or
    before text ("S: ...", "OBJECTIVE", "## Plan"): a note written in parts."""
    named = set()
    for line in lines:
        bare = _soap_colon(_BULLET.sub("", _HEADING.sub("", line.strip())).strip(), stops)
        found = _LABEL.match(bare)
        label = found.group("label") if found else bare.strip("* ").rstrip(":").strip()
        if _runs_on(label):
            named.add(topic_of(label))
    return len(named)


def _names_columns(heading: str) -> bool:
    """Whether a heading names the columns of the rows under it by when each was measured or
    what it is ("Measures - was / now / target", "eval -> now (goal)"): two or more of its
    parts name a time or a target (see [headings] columns in offline.toml)."""
    words = _column_words()
    # a short word written with a slash is one word ("d/c"), not two parts
    parts = _COLUMN_BREAK.split(_SLASHED_WORD.sub(r"\1\2", heading.lower()))
    named = [part for part in parts if set(re.findall(r"[a-z]+", part)) & words]
    return len(parts) > 1 and len(named) >= _PAIR


def _gives_unit(heading: str) -> bool:
    """Whether a heading gives the rows under it their unit ("Wrist HHD (lb)", "Girth (cm)"):
    their values are written bare, so a draft without the heading loses what they measure."""
    unit = unit_written(heading)
    return bool(unit and unit.strip())


@cache
def _column_words() -> frozenset[str]:
    return frozenset(_table().get("headings", {}).get("columns", ()))


@cache
def _visit_time() -> re.Pattern[str]:
    """When the patient was seen, said after a title (see [titles] visit_time)."""
    return re.compile(_table().get("titles", {}).get("visit_time", "(?!x)x"), re.IGNORECASE)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names_part(label: str) -> bool:
    """Whether a label set off by marks names a part of the note ("WHY DISCHARGED", "Plan")."""
    return bool(label_topic(label))


def _part_rows(said: str, part: str) -> list[Item]:
    """A row of a table whose rows carry their part, as statements of that part."""
    return [
        item if item.forced else replace(item, topic=part, label="", under=False)
        for item in split_items(said, tables=False, within=(part, ""))
    ]


# A table as written, its rows as the checks read them, and (for a table whose rows carry
# their part of the note) each row so read with its part's topic.
_Table = tuple[str, str, tuple[tuple[str, str], ...]]


def _tables_apart(text: str) -> tuple[str, dict[str, _Table]]:
    """The text with each table (Markdown, piped, tab-separated, printed in columns) set apart
    as one line holding a key, and each key's table: as written, and its rows as the checks
    read them (`linearize`), by which it is placed."""
    found = grids(text)
    if not found:
        return text, {}
    out: list[str] = []
    tables: dict[str, _Table] = {}
    pos = 0
    for number, grid in enumerate(found):
        spans = [*grid.lines, *grid.rules]
        start = text.rfind("\n", 0, min(start for start, _ in spans)) + 1
        # a caption that names what the table measures ("### Grip (kg)") goes with it
        top = caption_start(text, start) if start else None
        start = start if top is None else top
        end = text.find("\n", max(end for _, end in spans))
        end = len(text) if end < 0 else end
        if start < pos:
            continue
        key = f"\x00table {number}\x00"
        parts = parted_rows(grid, _part_topic)
        lead = _part_lead(text, start) if top is not None else ""
        captioned = plain_caption(text[start + len(lead) : end].strip("\n"))
        written, after = (captioned, "") if parts else _parts_after(captioned)
        tables[key] = (written, linearize(written).strip("\n"), parts)
        out += [text[pos:start], f"{lead.strip()}\n" if lead else "", key, after]
        pos = end
    out.append(text[pos:])
    return "".join(out), tables


# A part's label opening a table's caption ("O: GIRTH (cm), 0 = superior pole"): the part the
# table belongs to, kept as its own line before the table so the table is placed in it.
_LEAD = re.compile(r"[ \t]*([A-Za-z]{1,12})[ \t]*:[ \t]*")


def _part_lead(text: str, start: int) -> str:
    """The part's label opening the caption at `start`, as written, or ""."""
    lead = _LEAD.match(text, start)
    return lead.group() if lead is not None and _names_part(lead.group(1)) else ""


_CELLS = re.compile(r"\t|[ \t]{2,}|[ \t]*\|[ \t]*")
_CODE = re.compile(r"\b(?:9\d{4}|G\d{4})\b")


def _parts_after(written: str) -> tuple[str, str]:
    """A table without its last rows that are parts of the note of their own ("BILLED<tab>97112
    x1, 97110 x1" after the services, "PLAN<tab>Continue 1x/wk"): (the table, those rows as
    lines). A row naming a part is one only when it states no value ("Total<tab>52/80" is the
    table's) or, for the billing, bills a code."""
    lines = written.split("\n")
    keep = len(lines)
    while keep > _TABLE_LINES and _part_of_its_own(lines[keep - 1]):
        keep -= 1
    if keep == len(lines):
        return written, ""
    return "\n".join(lines[:keep]), "\n" + "\n".join(lines[keep:])


_TABLE_LINES = 2


def _part_of_its_own(line: str) -> bool:
    cells = [cell for cell in _CELLS.split(line.strip().strip("|")) if cell.strip()]
    topic = _part_topic(cells[0]) if len(cells) > 1 else ""
    if not topic:
        return False
    valued = any(ch.isdigit() for ch in line)
    return not valued or (topic == "billing" and bool(_CODE.search(line)))


def _exports_apart(text: str) -> tuple[str, dict[str, ExportRow]]:
    """The text with each row of an export placed row by row (`csv_rows`) set apart as a line
    holding a key, so no table reader takes it, and each key's row."""
    lines = text.split("\n")
    found = export_rows(lines, _part_topic, linearize)
    if not found:
        return text, {}
    keys = {index: f"\x00row {index}\x00" for index in found}
    kept = [keys.get(index, line) for index, line in enumerate(lines)]
    return "\n".join(kept), {keys[index]: row for index, row in found.items()}


def _is_part_name(label: str) -> bool:
    """Whether a label is a part's own name ("objective", "goals"), not a measure's that
    belongs in one ("mmt")."""
    return _part_topic(label) == _folded(label)


def _part_topic(field: str) -> str:
    """The topic an export's first field names when it is a part's name ("Objective",
    "Charges"); a measure's name ("Pain (NPRS)") names none."""
    return _exact_topic(_in_full(_folded(field)))


@dataclass(frozen=True)
class _Layout:
    labels: frozenset[str]
    unless: frozenset[str]
    means: dict[str, str]
    mixed: frozenset[str]


@cache
def _layouts() -> tuple[_Layout, ...]:
    return tuple(
        _Layout(
            frozenset(spec["labels"]),
            frozenset(spec.get("unless", ())),
            dict(spec["means"]),
            frozenset(spec.get("mixed", ())),
        )
        for spec in _table().get("layouts", {}).values()
    )


def _layout_of(lines: Sequence[str], stops: bool) -> dict[str, tuple[str, bool]]:
    """What each label means in this note's layout (label -> (topic, mixed)), when every label of
    a layout in offline.toml opens a line of the note ("A -", "P -", "I -", "E -" is APIE)."""
    opened = set()
    for line in lines:
        plain = named_heading(unnumbered(_BULLET.sub("", line.strip()), topic_of), _is_label)
        found = _LABEL.match(_soap_colon(plain, stops))
        if found:
            opened.add(_layout_key(found.group("label")))
    for layout in _layouts():
        if layout.labels <= opened and not layout.unless & opened:
            return {label: (topic, label in layout.mixed) for label, topic in layout.means.items()}
    return {}


def _by_its_words(item: Item, topic: str, mixed: bool) -> Item:
    """A statement under a label of the note's layout: the label's topic there, or, in a part
    that gathers several topics, where its own words say (the part's topic when they say
    nothing)."""
    if item.forced:
        return item
    if not mixed:
        return replace(item, topic=topic)
    labelled = _LABEL.match(item.text)
    own = labelled is not None and item.label == labelled.group("label")
    text = labelled.group("rest") if labelled and own else item.text
    return replace(item, text=text, topic="", label="", fallback=topic)


@cache
def _topic_lists(key: str) -> frozenset[str]:
    """The labels every topic lists under `key` in offline.toml (`when`, `mixed`)."""
    topics = _table().get("topics", {}).values()
    return frozenset(str(label).lower() for spec in topics for label in spec.get(key, ()))


def _mixed_labels() -> frozenset[str]:
    """Labels for a part of the note that gathers several topics (DAP's "Data", a "Response"
    to treatment): see [topics] `mixed` in offline.toml."""
    return _topic_lists("mixed")


def _lead_labels() -> frozenset[str]:
    """Labels under which a statement's opening decides: those that say when, not what
    ("Today:"), and those of a part that gathers several topics (see `_mixed_labels`)."""
    return _topic_lists("when") | _mixed_labels()


def _says_when(label: str) -> bool:
    """A label under which a statement's opening decides (`_lead_labels`), or one shaped as a
    time before or after a part of the session ("Pre-pool (land)"; see `when_shape`)."""
    folded = _folded(label)
    return folded in _lead_labels() or bool(_when_shape().search(folded))


@cache
def _when_shape() -> re.Pattern[str]:
    shapes = [spec["when_shape"] for spec in _table()["topics"].values() if "when_shape" in spec]
    return re.compile("|".join(shapes) or "(?!x)x", re.IGNORECASE)


def _parted_by_opening(item: Item) -> list[Item]:
    """A statement after a time label listing values of several kinds ("Pre-pool (land): pain B
    knees 5/10, BP 136/82, TUG 12.8 s"): each run of values whose openings settle one category
    is a statement of its own, the label before each, so the patient's rating goes to
    Subjective and the vitals and tests to Objective."""
    labelled = _LABEL.match(item.text)
    clauses = _value_clauses(labelled.group("rest")) if labelled else []
    if len(clauses) < _PAIR or labelled is None:
        return [item]
    runs: list[tuple[str, list[str]]] = []
    for clause in clauses:
        category = _lead_category(clause) or (runs[-1][0] if runs else "")
        if runs and runs[-1][0] == category:
            runs[-1][1].append(clause)
        else:
            runs.append((category, [clause]))
    if len(runs) < _PAIR:
        return [item]
    label = labelled.group("label")
    return [replace(item, text=f"{label}: {', '.join(run)}") for _, run in runs]


def _value_clauses(text: str) -> list[str]:
    """A list of values parted by commas outside brackets, each clause with a number; [] for
    any other text."""
    clauses = _parted_outside_brackets(text, ",")
    if all(any(ch.isdigit() for ch in clause) for clause in clauses):
        return clauses
    return []


def _parted_outside_brackets(text: str, mark: str) -> list[str]:
    """A text parted at each `mark` outside brackets, each part stripped (empty ones kept)."""
    parts: list[str] = []
    depth = start = 0
    for at, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if char == mark and depth <= 0:
            parts.append(text[start:at].strip())
            start = at + 1
    parts.append(text[start:].strip())
    return parts


def _by_its_lead(item: Item) -> Item:
    """A statement under a label that says when, or that gathers several topics: placed by its
    opening when that settles it ("Today: ... Per CNA no falls this week" is what staff report;
    "Data: Pt reports ..." is Subjective, "Response: Berg 41/56" is measured)."""
    labelled = _LABEL.match(item.text)
    text = labelled.group("rest") if labelled and _is_label(labelled.group("label")) else item.text
    if labelled and _says_when(labelled.group("label")) and text == item.text:
        # "Pre-test: pain 3/10 low back": the time stays with the words, the opening decides
        opened = _lead_category(labelled.group("rest"))
        if opened in _topic_sections() and not item.forced:
            return replace(item, topic=opened, label="")
    if item.forced or not _lead_category(text):
        return item
    return replace(item, text=text, topic="", label="")


def _lead_category(text: str) -> str:
    """The category a statement's opening settles ("Pt reports ..." Subjective), or ""."""
    return next((c.name for c in categories() if any(lead.search(text) for lead in c.leads)), "")


def _joined_labels(label: str) -> bool:
    """Whether a label is two labels as written joined ("Referral and background", "History
    and onset", "Vitals / skin")."""
    joins, not_compound = _compound()
    folded = _folded(label)
    parts = joins.split(folded)
    return (
        len(parts) == _PAIR
        and folded not in not_compound
        and all(_exact_topic(_in_full(part.strip())) for part in parts)
    )


def _shared_head(label: str) -> str:
    """The topic of a heading whose two parts share their last word ("Developmental and medical
    history" is developmental history and medical history): the topic of the part that is a
    label as written, when the other part with that word is a label too; else ""."""
    joins, _ = _compound()
    parts = [part.strip() for part in joins.split(_folded(label))]
    if len(parts) != _PAIR or len(parts[0].split()) != 1 or _exact_topic(parts[0]):
        return ""
    named = _exact_topic(_in_full(parts[1]))
    head = parts[1].split()[-1] if parts[1] else ""
    return named if named and label_topic(f"{parts[0]} {head}") else ""


_PAIR = 2


def _only_heading(bare: str, line: str, heading: bool) -> bool:
    """A line of words that opens with a label is a heading only when it is marked up as one,
    ends with a colon or a dash, is a label as written, or has every word capitalised
    ("Objective Findings"); "Plan continue HEP" is a statement, and nothing of it is lost."""
    if (
        heading
        or line.startswith("**")
        or line.rstrip(" *").endswith((":", "-", "\u2014", "\u2013"))
    ):
        return True
    if _exact_topic(_in_full(_folded(bare))) or _joined_labels(bare) or _shared_head(bare):
        # a label as written, two labels joined ("Reason for referral / occupational profile")
        # or sharing their last word ("Developmental and medical history")
        return True
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", bare)
    return all(word[0].isupper() for word in words if word.lower() not in _STOP_WORDS)


def _row_read(raw: str) -> str:
    """A flowsheet row without its row number ("1 Pain - current 5 0-10" is placed as a pain
    line); a row is never a heading, so one that would read as a heading keeps its number."""
    line = without_row_number(raw).strip()
    if topic_of(line.rstrip(":").strip("* ").rstrip(".:")) and _stands_alone(line):
        return raw.strip()
    return line


def _dictated(line: str, heading: str) -> tuple[list[Item], str]:
    """A dictated line as statements, and the topic of the last heading said aloud ("okay,
    objective", "Plan, continue ...": a heading said aloud opens a sentence or stands alone).

    A sentence that opens with a heading goes where the heading says; one that does not goes
    where its words say, and under the heading said before it only when they say nothing."""
    items: list[Item] = []
    for sentence in _dictated_clauses(line):
        bare = _bare_head().match(sentence)
        if bare:
            # "Assessment she's improving ...": the part's name said with no pause stays in
            # the sentence, which goes to that part
            heading = _spoken_topic(bare.group("head"))
            items.append(Item(sentence, _override(sentence) or heading, label=bare.group("head")))
            continue
        said = _SPOKEN_HEAD.match(_heading_unframed(sentence))
        topic = _spoken_topic(said.group("head")) if said else ""
        if said and said.group("rest") is None and not _is_label(said.group("head")):
            topic = ""  # "Plan continue twice weekly.": a sentence, not a heading
        override = _override(sentence)
        if topic and said:
            heading = topic
            rest = (said.group("rest") or "").strip()
            if rest:
                text = rest[0].upper() + rest[1:]
                items.append(Item(text, override or topic, label=said.group("head")))
            continue
        if not override and asked_and_answered(sentence):
            override = "subjective"  # "Fatigue 0 to 10? 6, she says.": what the patient reports
        items.append(Item(sentence, override, forced=bool(override), fallback=heading))
    return items, heading


def _dictated_clauses(line: str) -> list[str]:
    """A dictated line's sentences, a run-on one of many clauses parted by semicolons (a macro's
    paragraph) as its clauses, each a sentence placed by what it says."""
    clauses = []
    for sentence in answers_joined(dictation.sentences(line)):
        parts = _run_on_clauses(sentence.rstrip("."))
        if len(parts) == 1:
            parts = _chained_clauses(sentence.rstrip("."))
        clauses += [sentence] if len(parts) == 1 else [dictation.clean(part) for part in parts]
    return [clause for clause in clauses if clause]


def _chained_clauses(sentence: str) -> list[str]:
    """A dictated sentence run on through many ", and ..." links ("she came in saying ...,
    and her flexion was ..., and we did ..., and the plan is ..."), as its clauses, each placed
    by what it says; a sentence of a few links stays whole, and so does a list said with "and"
    between its items ("pain with stairs, and squatting, and kneeling, and running"): an item of
    a word or two is no clause, and parted from its list it says nothing."""
    clauses = [clause for clause in _chain().split(sentence) if clause.strip()]
    if len(clauses) < _RUN_ON_CLAUSES or any(
        len(clause.split()) < _CLAUSE_WORDS for clause in clauses
    ):
        return [sentence]
    return clauses


@cache
def _chain() -> re.Pattern[str]:
    """Where a speaker chains one clause to the next: a comma, then a link word (see
    [dictation] run_on_links)."""
    links = _table().get("dictation", {}).get("run_on_links", ())
    said = "|".join(re.escape(link).replace(r"\ ", r"[ \t]+") for link in links) or "(?!x)x"
    return re.compile(rf",[ \t]+(?:{said})[ \t]+", re.IGNORECASE)


@cache
def _bare_head() -> re.Pattern[str]:
    """A part's name said with no pause before what it opens (see [dictation] bare_heads)."""
    table = _table().get("dictation", {})
    heads = "|".join(re.escape(head) for head in table.get("bare_heads", ())) or "(?!x)x"
    stops = "|".join(re.escape(word) for word in table.get("bare_head_not_before", ()))
    return re.compile(
        rf"^(?P<head>{heads})[ \t]+(?!(?:{stops or '(?!x)x'})\b)(?P<rest>(?-i:[a-z])\S*[ \t]\S.*)$",
        re.IGNORECASE,
    )


@cache
def _heading_frame() -> re.Pattern[str]:
    """The words said around a heading inside a phrase (see [dictation] heading_leads)."""
    table = _table().get("dictation", {})
    leads = "|".join(re.escape(lead) for lead in table.get("heading_leads", ()))
    tails = "|".join(re.escape(tail) for tail in table.get("heading_tails", ()))
    return re.compile(
        rf"^(?:{leads or '(?!x)x'})\s+(?P<head>[A-Za-z][A-Za-z &/'-]{{0,40}}?)"
        rf"(?:\s+(?:{tails or '(?!x)x'}))?(?P<mark>\s*(?:[,:]|\.?$))",
        re.IGNORECASE,
    )


def _heading_unframed(sentence: str) -> str:
    """ "For the subjective part, she's been ..." as "subjective, she's been ...": a heading said
    inside a phrase, unframed when its words are a label; any other sentence as it is."""
    framed = _heading_frame().match(sentence)
    if not framed or not _is_label(framed.group("head")):
        return sentence
    return framed.group("head") + framed.group("mark") + sentence[framed.end() :]


# "Objective, passive flexion ...", "Plan: continue ...", "Objective.": a few words, then a mark.
_SPOKEN_HEAD = re.compile(r"(?P<head>[A-Za-z][A-Za-z &/'-]{0,40}?)\s*(?:[,:]\s*(?P<rest>.*)|\.?$)")


def _spoken_topic(head: str) -> str:
    """The topic of a heading said aloud: a label as written, or a label and one more word
    ("objective findings"); "Past history of hypertension, on lisinopril" is a statement."""
    if len(head.split()) > _SPOKEN_HEAD_WORDS and not _exact_topic(_in_full(_folded(head))):
        return ""
    return topic_of(head)


_SPOKEN_HEAD_WORDS = 2


def _override(sentence: str) -> str:
    return next(
        (name for name, cues in _overrides() if any(cue.search(sentence) for cue in cues)), ""
    )


# A line that only underlines the one above it ("MEASURES" over "--------"): that line is a heading.
_UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
# A heading with any remark in brackets: read as one only where the note sets it out as a heading.
_MARKED_HEAD = re.compile(
    r"(?:\*\*)?(?P<head>[A-Za-z][A-Za-z &/'\-]{0,45}?)(?:\*\*)?[ \t]*"
    r"\((?P<remark>[^()]{1,60})\)[ \t]*:?"
)


def _in_capitals(head: str) -> bool:
    """A heading written in capitals ("WHY RE-EVALUATED", "OBJ"), two letters or more."""
    letters = [ch for ch in head if ch.isalpha()]
    return len(letters) >= _HEAD_LETTERS and all(ch.isupper() for ch in letters)


_HEAD_REMARK = re.compile(
    r"(?:\*\*)?(?P<head>[A-Za-z][A-Za-z &/'\-]{0,45}?)(?:\*\*)?[ \t]*"
    r"\((?P<remark>[^()\d]{3,120})\)[ \t]*:?"
)


# "GOALS (12 wk)", "Goals (by 10 wks)", "PLAN — next 8 wks": a section heading with the time it
# covers, which stays in the section it opens (a heading in capitals before a dash; a short
# remark in brackets after any heading).
_HEAD_QUALIFIER = re.compile(
    r"(?:\*\*)?(?P<head>[A-Za-z][A-Za-z &/'\-]{0,45}?)(?:\*\*)?[ \t]*"
    r"\((?P<remark>[^()]{2,25})\)[ \t]*:?"
    r"|(?:\*\*)?(?P<caps>(?-i:[A-Z][A-Z &/']{1,45}?))(?:\*\*)?[ \t]+[\u2014\u2013-]+[ \t]+"
    r"(?P<after>[^.:;]{2,30}?)[ \t]*:?"
)


def _heading_remark(line: str, *, marked: bool = False) -> tuple[str, str] | None:
    """(heading, remark) for a section heading written with a remark or the time it covers; a
    heading set out as one (underlined, marked up, or in capitals: "MEASURES (today / at eval
    11/28)", "OBJ (R / L)") with any remark, which stays with its words (the columns' dates)."""
    if _lettered(line.strip(" *:")):
        return None  # "A (Assessment):": the letter and the name it stands for, one heading
    found = _HEAD_REMARK.fullmatch(line)
    if found and topic_of(found.group("head")):
        return found.group("head"), found.group("remark")
    found = _MARKED_HEAD.fullmatch(line)
    if found and (marked or _in_capitals(found.group("head"))) and topic_of(found.group("head")):
        return found.group("head"), line.strip(" *:")
    found = _HEAD_QUALIFIER.fullmatch(line)
    if found is None:
        return None
    head = found.group("head") or found.group("caps")
    said = found.group("remark") or found.group("after")
    # the time frame stays with the heading's words: "12 wk" alone says nothing
    return (head, line.strip(" *:")) if topic_of(head) and _time_frame().search(said) else None


@cache
def _time_frame() -> re.Pattern[str]:
    """The time a section heading covers ("12 wk", "next 6 visits"): see [headings] in
    offline.toml."""
    return re.compile(_table().get("headings", {}).get("time_frame", "(?!x)x"), re.IGNORECASE)


_TITLE_REMARK = re.compile(r"(?P<title>[^()]+?)[ \t]*\((?P<remark>[^()]{3,300})\)[ \t]*:?")


@cache
def _reason_cues() -> tuple[re.Pattern[str], ...]:
    cues = _table().get("topics", {}).get("reason", {}).get("title_remark", ())
    return tuple(re.compile(cue, re.IGNORECASE) for cue in cues)


def _title_reason(line: str) -> str:
    """The reason a title's remark gives for the document, or "" (see [topics.reason])."""
    titled = _TITLE_REMARK.fullmatch(line)
    if not titled or not _is_title(titled.group("title")):
        return ""
    remark = titled.group("remark").strip()
    if not any(cue.search(remark) for cue in _reason_cues()):
        return ""
    return remark[0].upper() + remark[1:] + ("" if remark.endswith(".") else ".")


def _is_title(line: str) -> bool:
    """A first line written in capitals with no value: the note's title."""
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= _TITLE_LETTERS
        and all(ch.isupper() for ch in letters)
        and not any(ch.isdigit() for ch in line)
        and ":" not in line.rstrip(":")
    )


_TITLE_LETTERS = 6
_TITLE_SPLIT = re.compile(r"\s+(?:--?|[\u2014\u2013])\s+|\s*\(")
_PARENS = re.compile(r"\([^()]*\)")
_TITLE_WORDS = 9
_SHORT_TITLE = 3


def _opens_as_title(line: str) -> bool:
    """The note's first line as its title: in capitals ("RE-EVALUATION"), capitals before a dash
    or a remark ("HAND THERAPY — 3rd visit (post-op wk 6)"), or a few words naming the setting
    or the kind of visit, set off by a dash or alone ("Home health PT - visit 11", "Neck clinic
    f/u"; see [titles] in offline.toml). A sentence is never a title: no comma, no inner stop."""
    if _is_title(line):
        return True
    if measure_matcher().finder.pattern.search(line):
        return False  # "PULMONARY REHAB - 6 MINUTE WALK": what the values under it measure
    bare = _PARENS.sub("", line).strip().rstrip(".").strip()
    if not bare or any(mark in bare for mark in ",;.") or ":" in bare:
        return False
    lead = _TITLE_SPLIT.split(line, maxsplit=1)[0]
    if lead != line and _is_title(lead):
        return True
    words = bare.split()
    dashed = bool(_TITLE_SPLIT.search(bare))
    if len(words) > _TITLE_WORDS or not (dashed or len(words) <= _SHORT_TITLE):
        return False
    return any(pattern.search(bare) for pattern in _title_words())


_TITLE_DASH = re.compile(r"\s+(?:--?|[\u2014\u2013])\s+")


def _after_title(line: str) -> str:
    """The statement after a first line's title in capitals and a dash, when it says more than
    a title's remark does (a clause, a list, a span of dates); "" for any other line."""
    parts = _TITLE_DASH.split(line, maxsplit=1)
    if len(parts) != _PAIR or not _is_title(parts[0]) or _lead_is_label(line):
        return ""
    if _opens_as_title(line) and not _override(line):
        return ""  # "HAND THERAPY - 3rd visit": a title and its remark, left out whole
    if measure_matcher().finder.pattern.search(line):
        return ""  # "PULMONARY REHAB - 6 MINUTE WALK": what the values under it measure, kept
    return _sentence_case(parts[1].strip())


def _lead_is_label(line: str) -> bool:
    """Whether a line opens with a section's label as written ("PLAN — next 8 wks",
    "SUBJECTIVE (copied from 03/02)"), which no title does."""
    lead = _TITLE_SPLIT.split(line, maxsplit=1)[0].rstrip(":").strip("* ")
    return bool(_exact_topic(_in_full(_folded(lead))))


def _title_remarks(line: str) -> list[str]:
    """A title's remarks in brackets that say more than a word or two: a list of details
    ("pool 92°F, 4 ft depth") or a phrase of their own; "(Part B)", "(pre-road)" go with it."""
    remarks = [found.strip("() ") for found in _PARENS.findall(line)]
    return [
        remark[0].upper() + remark[1:]
        for remark in remarks
        if remark and (any(mark in remark for mark in ",;:") or len(remark.split()) > _SHORT_TITLE)
    ]


@cache
def _title_words() -> tuple[re.Pattern[str], ...]:
    words = _table().get("titles", {}).get("words", ())
    return tuple(re.compile(word, re.IGNORECASE) for word in words)


def _named_any(label: re.Match[str]) -> bool:
    """A line label worth matching against section names: a few words, no digits."""
    words = label.group("label").split()
    return 0 < len(words) <= _LABEL_WORDS and not any(ch.isdigit() for ch in label.group("label"))


_LABEL_WORDS = 4
_STOP_WORDS = frozenset({"and", "of", "the", "for", "to", "a", "an", "in", "on", "by"})


def _label_words(text: str) -> frozenset[str]:
    """The words of a label or a section name, lower case, plurals folded ("Trials" = "trial")."""
    words = re.findall(r"[a-z]+", text.lower())
    return frozenset(
        word[:-1] if len(word) > 3 and word.endswith("s") else word
        for word in words
        if word not in _STOP_WORDS
    )


def named_section(label: str, sections: Sequence[str]) -> str | None:
    """The section a note's label names: the same words ("Medical necessity:"), else the
    section whose name holds every word of the label with the fewest others ("Trials:" ->
    Equipment Trials and Alternatives, "Findings:" -> Assessment Findings)."""
    wanted = _label_words(label)
    if not wanted:
        return None
    best: tuple[int, str] | None = None
    for section in sections:
        have = _label_words(section)
        if have == wanted:
            return section
        if wanted <= have and (best is None or len(have) < best[0]):
            best = (len(have), section)
    return best[1] if best else None


def _stands_alone(line: str) -> bool:
    """A line that is only a label ("Objective", "**Examination**", "Goal status:", "Goals --",
    "OBJECTIVE ~"). A label is short: a longer line is never one, and is not matched at all (its
    blank runs would make the pattern's optional blanks try every split of them)."""
    bare = line.rstrip()
    return len(bare) <= _LABEL_MAX and bool(_ALONE.fullmatch(bare))


# A label's longest form: bold marks, a 46-character name, blanks and a mark after it.
_LABEL_MAX = 80
_ALONE = re.compile(
    r"(?:\*\*)?[A-Za-z][A-Za-z &/()'\-]{0,45}?(?:\*\*)?"
    r"\s*(?::|\s[\u2014\u2013~-]+)?\s*(?:\*\*)?"
)


def _statements(line: str, topic: str, *, dictated: bool) -> list[Item]:
    """A line as statements: dictation cleaned sentence by sentence, long prose split."""
    if dictated:
        parts = dictation.sentences(line)
    else:
        breaks = _LOWER_SENTENCE if _in_lower_case(line) else _SENTENCE
        parts = [part.strip() for part in breaks.split(line) if part.strip()]
        if _INLINE_SOAP.match(line) and len(_INLINE_SOAP_SPLIT.findall(line)) >= _INLINE_LETTERS:
            # "S: knee stiff O: flex 100 A: slow": each letter opens a statement (one letter
            # inside a line is no sign: "O: Grade A: no laxity")
            parts = [piece for part in parts for piece in _INLINE_SOAP_SPLIT.split(part) if piece]
        if not topic:
            parts = [clause for part in parts for clause in _run_on_clauses(part)]
        elif "assessment" in topic.split("|"):
            parts = [clause for part in parts for clause in _steps_apart(part)]
    parts = _ratings_joined(answers_joined(parts))
    items = []
    for index, part in enumerate(parts):
        label = _LABEL.match(part)
        own = label_topic(label.group("label")) if label and label.group("rest") else ""
        if not own and dictated:
            own = _spoken_label(part)
        override = _override(part) or ("subjective" if asked_and_answered(part) else "")
        wish = own in _own_goal_topics() and topic == "subjective" and not _DIGIT.search(part)
        if wish:
            own = ""  # "S: ... Goal: kneel to pray": the patient's own wish, in their report
        judged = topic == "assessment" and _recommends_setting(part)
        if judged:
            own = ""  # "A: ... Recommend IRF: tolerating 30+ min": the judgement's conclusion
        named = label.group("label") if label and _named_any(label) and not wish else ""
        if index and not (override or own or judged) and topic == "assessment" and _next_step(part):
            # "Summary: steady gains. Continue 1x/wk.": the next step after the judgement
            override = "plan"
        items.append(Item(part, override or own or topic, label=named, forced=bool(override)))
        if own and label and not dictated:
            # "S: ... now. O: R hip flex ...": a label inside a line names what follows it
            topic = own
    return items if dictated else _next_steps_kept(items)


def _next_steps_kept(items: list[Item]) -> list[Item]:
    """A plan's line of next steps ("P: Cont 2x/wk. Progress to 8" step-downs. Recheck girth.")
    as the one statement it was written as: consecutive sentences of the plan whose own words
    are next steps stay together, so the draft's plan reads as the clinician wrote it; a
    sentence with a label or words of another part (a goal, a report) still goes its own way."""
    kept: list[Item] = []
    for item in items:
        before = kept[-1] if kept else None
        if (
            before is not None
            and item.topic == before.topic == "plan"
            and not (item.forced or before.forced or _own_label(item.text))
            and {_item_category(before.text), _item_category(item.text)} <= _NEXT_STEP_PARTS
        ):
            kept[-1] = replace(before, text=f"{before.text} {item.text}")
        else:
            kept.append(item)
    return kept


_DIGIT = re.compile(r"\d")


def _own_label(text: str) -> bool:
    """A sentence opening with a label of its own ("Goal: ...", "HEP: ...")."""
    label = _LABEL.match(text)
    return bool(label and label.group("rest") and label_topic(label.group("label")))


# What a plan's next steps say: the plan itself, or how an exercise will progress.
_NEXT_STEP_PARTS = frozenset({"plan", "progression"})


@cache
def _own_goal_topics() -> frozenset[str]:
    """Goal labels that, inside what the patient reports and with no measure or time frame,
    are the patient's own wish (offline.toml [categories.subjective] own_goals)."""
    return frozenset(_table()["categories"]["subjective"].get("own_goals", ()))


def _steps_apart(part: str) -> list[str]:
    """A judgement whose clause after a semicolon opens with a next step ("quad still < 90% LSI;
    begin jog progression next wk"), or after a comma with how often or how long ("good
    progress, continue 1x/week for 6 weeks, then discharge"): what will be done is the plan's,
    a statement of its own with the clauses after it. The text is parted only there, each
    part as written (a decimal comma, "2,7 s", parts nothing)."""
    cuts = [0]
    depth = 0
    for at, char in enumerate(part):
        depth += (char in "([") - (char in ")]")
        if char not in ";," or depth > 0 or (char == "," and not part[at + 1 : at + 2].isspace()):
            continue
        rest = part[at + 1 :].strip()
        if _next_step(rest) and (char == ";" or _says_frequency(rest.split(",", 1)[0])):
            cuts.append(at)
    cuts.append(len(part))
    pieces = [part[start:end] for start, end in itertools.pairwise(cuts)]
    return [piece.lstrip(";,").strip() for piece in pieces if piece.lstrip(";,").strip()]


@cache
def _frequencies() -> tuple[re.Pattern[str], ...]:
    words = _table()["categories"].get("plan", {}).get("frequencies", ())
    return tuple(re.compile(str(word), re.IGNORECASE) for word in words)


def _says_frequency(clause: str) -> bool:
    """True when the clause says how often or how long care goes on (offline.toml)."""
    return any(pattern.search(clause) for pattern in _frequencies())


_BARE_RATING = re.compile(r"\d{1,2}\s*/\s*10\b")


def _ratings_joined(parts: list[str]) -> list[str]:
    """A sentence opening with a bare rating after one saying what the patient reports ("pt
    says elbow bttr!! 2/10 typing, 5/10 pouring kettle") goes on with that report: the rating
    names no symptom of its own, so it is theirs."""
    joined: list[str] = []
    for part in parts:
        if joined and _BARE_RATING.match(part) and _lead_category(joined[-1]) == "subjective":
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _run_on_clauses(part: str) -> list[str]:
    """A run-on statement of many clauses parted by semicolons, under no label ("c/o L jaw
    clicking ...; night guard worn 6/7 nights; JFLS-8 22/80; MIO 38 mm ..."), as its clauses,
    each placed by what it says; a semicolon inside brackets parts nothing. A labelled line,
    or one of a few clauses, stays whole."""
    label = _LABEL.match(part)
    if label and label_topic(label.group("label")):
        return [part]
    clauses = [clause for clause in _parted_outside_brackets(part, ";") if clause]
    if label and _named_any(label) and all(_item_value(clause) for clause in clauses):
        # "VOMS: baseline HA 1; smooth pursuits 1; ...": the items of what its label names
        return [part]
    return clauses if len(clauses) >= _RUN_ON_CLAUSES else [part]


_RUN_ON_CLAUSES = 4
# The fewest words a chained part says to be a clause of its own ("flexion is 120"), not an
# item of a list said with "and" between its items ("..., and kneeling, and running").
_CLAUSE_WORDS = 3


def _item_value(clause: str) -> bool:
    """A clause that is one item and its value ("smooth pursuits 1", "NPC 4 cm (avg of 3)"): a
    few words and a number, no account of its own."""
    words = _PARENS.sub("", clause).split()
    return len(words) <= _ITEM_WORDS and any(ch.isdigit() for ch in clause)


_ITEM_WORDS = 6


@cache
def _next_steps() -> tuple[re.Pattern[str], ...]:
    steps = _table()["categories"].get("plan", {}).get("next_steps", ())
    return tuple(re.compile(step, re.IGNORECASE) for step in steps)


@cache
def _settings_judged() -> tuple[re.Pattern[str], ...]:
    words = _table()["categories"].get("plan", {}).get("settings_judged", ())
    return tuple(re.compile(str(word), re.IGNORECASE) for word in words)


def _recommends_setting(sentence: str) -> bool:
    """A recommendation of where the patient goes next (IRF, SNF, home with home health), said
    without how often: inside a judgement it is the clinician's conclusion, not a next step
    (offline.toml [categories.plan] settings_judged)."""
    return not _says_frequency(sentence) and any(p.match(sentence) for p in _settings_judged())


def _next_step(sentence: str) -> bool:
    """Whether a sentence opens with a next step ("Continue ...", "Will add ...")."""
    return any(step.search(sentence) for step in _next_steps())


_INLINE_SOAP = re.compile(r"^[SOAP]:\s")
_INLINE_SOAP_SPLIT = re.compile(r"\s+(?=[SOAP]:\s)")
_INLINE_LETTERS = 2


def _spoken_label(sentence: str) -> str:
    """ "Systems review, blood pressure ...": a dictated label is followed by a comma."""
    head = sentence.split(",", 1)[0]
    return topic_of(head) if "," in sentence and len(head.split()) <= 3 else ""


def place_items(items: Sequence[Item], sections: Sequence[str]) -> dict[str, list[str]]:
    """Assign each statement to one section: its topic's section, else by what it says. A table
    goes whole to the section most of its rows go to; rows that part ways go one by one. A
    heading naming its rows' columns goes above the first of them, wherever that goes."""
    section_category = {section: _section_category(section) for section in sections}
    placed: dict[str, list[str]] = {section: [] for section in sections}
    columns = ""  # a column heading waiting for the first row under it
    last = ""  # the section the last statement went to
    for item in items:
        if item.columns:
            columns = item.text
            continue
        if item.follows and last:
            placed[last].append(item.shown or _without_prefix(item.text))
            continue
        sizes = {section: len(lines) for section, lines in placed.items()}
        _place_one(item, sections, section_category, placed)
        grown = next((s for s in sections if len(placed[s]) > sizes[s]), None)
        last = grown or last
        if grown is not None and columns:
            placed[grown].insert(sizes[grown], columns)
            columns = ""
    return placed


def _place_one(
    item: Item,
    sections: Sequence[str],
    section_category: dict[str, str],
    placed: dict[str, list[str]],
) -> None:
    """One statement (or table) in its section."""
    if item.heading:
        titled = content_section(item.text, sections, titles=True)
        if titled is not None:
            placed[titled].append(item.text)
        return
    if item.parted:
        for row in item.rows:
            _place(row, _section_of(row, sections, section_category), sections, placed)
        return
    if item.rows:
        where = [_section_of(_measured(row), sections, section_category) for row in item.rows]
        # what the rows measured decides; a row of a status column alone ("TUG; Status
        # Met.") says where a goal stands, not what the table is
        voting = [
            section
            for row, section in zip(item.rows, where, strict=True)
            if any(ch.isdigit() for ch in row.text)
        ] or where
        most = max(dict.fromkeys(voting), key=voting.count)
        if item.kept or voting.count(most) >= _TABLE_AGREES * len(voting):
            placed[most].append(item.shown)
            return
        for row, section in zip(item.rows, where, strict=True):
            _place(row, section, sections, placed)
        return
    _place(item, _section_of(item, sections, section_category), sections, placed)


_TABLE_AGREES = 0.75
_CELL_BREAK = re.compile(r"[;,][ \t]*")


def _measured(row: Item) -> Item:
    """A table's row without its goal column ("ER: (eval) 10°; (now) 48°; Goal ≥ 60°"): where
    the row goes is what was measured, the goal it is compared with says nothing of that."""
    for cell in _CELL_BREAK.finditer(row.text):
        if cell.start() and GOAL_START.match(row.text, cell.end()):
            return replace(row, text=row.text[: cell.start()])
    return row


def _place(item: Item, section: str, sections: Sequence[str], placed: dict[str, list[str]]) -> None:
    placed[section].append(item.shown or _without_prefix(item.text))
    for also, line in clause_copies(item.text, section, sections):
        placed[also].append(line)


def _section_of(item: Item, sections: Sequence[str], section_category: dict[str, str]) -> str:
    """The section a statement goes to: its label's, its topic's, else by what it says."""
    section = named_section(item.label, sections) if item.label else None
    if section is None and _words_decide(item, sections):
        section = content_section(item.text, sections)
    if section is None and "|" in item.topic:
        section = _either_section(item, sections, section_category)
    elif section is None and item.topic:
        section = _topic_section(item.topic, sections)
        if section is None and item.forced and item.fallback:
            section = _topic_section(item.fallback, sections)
    if section is None and item.fallback and not _cued(item.text):
        section = _topic_section(item.fallback, sections)
    if section is None:
        section = _best_section(item.text, sections, section_category)
    return section


def _words_decide(item: Item, sections: Sequence[str]) -> bool:
    """Whether a statement's own words may name its section: it has no label, or sits under
    one that is no label as written ("HEP update today:", a title), names a whole program
    ("HEP:") or has no section in this Skill ("O:" in a handwriting report). "## Impressions"
    keeps its lines."""
    if item.forced or (item.topic and not item.under):
        return False
    if not item.topic:
        return True
    as_written = _exact_topic(_in_full(_folded(item.label)))
    return (
        not as_written or as_written in _by_words() or _topic_section(as_written, sections) is None
    )


@cache
def _by_words() -> frozenset[str]:
    """Topics whose label names a whole program, not a section: see `by_words` in offline.toml."""
    return frozenset(
        topic for topic, spec in _table().get("topics", {}).items() if spec.get("by_words")
    )


def _either_section(
    item: Item, sections: Sequence[str], section_category: dict[str, str]
) -> str | None:
    """Under a heading naming two topics, the section of the two the statement's words fit."""
    candidates = list(
        dict.fromkeys(
            found
            for topic in item.topic.split("|")
            if (found := _topic_section(topic, sections)) is not None
        )
    )
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # "Assessment/Plan: lift-off still painful": the label's own words say nothing of the clause
    labelled = _LABEL.match(item.text)
    own = labelled is not None and labelled.group("label") == item.label
    said = labelled.group("rest") if labelled and own else item.text
    return _best_section(said, candidates, section_category)


def _topic_section(topic: str, sections: Sequence[str]) -> str | None:
    return _first_named(_topic_sections().get(topic, ()), sections)


def _first_named(names: Sequence[str], sections: Sequence[str]) -> str | None:
    """The first section whose heading holds one of `names`, in the order `names` gives."""
    for wanted in names:
        for section in sections:
            if wanted in section.lower():
                return section
    return None


_PREFIX = re.compile(
    r"^\s*(?:\*\*)?(?:S|O|A|P|Tx|Plan|Ideas|Subj|Obj|Assess|Subjective|Objective|Assessment)"
    r"(?:\*\*)?(?:\s*:|\s+(?:--?|~|[\u2014\u2013])(?=\s))\s*(?:\*\*)?\s*",
    re.IGNORECASE,
)


def _without_prefix(text: str) -> str:
    return _PREFIX.sub("", text)


def _section_category(section: str) -> str:
    lowered = section.lower()
    best, best_len = "", 0
    for category in categories():
        for heading in category.headings:
            if heading in lowered and len(heading) > best_len:
                best, best_len = category.name, len(heading)
    return best


# When a statement's category has no section of its own, where it goes instead.
_FALLBACK = {
    "exercise": ("treatment", "objective", "plan"),
    "progression": ("plan", "exercise", "assessment"),
    "precautions": ("plan", "assessment"),
    "treatment": ("objective", "billing", "plan", "assessment"),
    "systems": ("objective", "assessment"),
    "billing": ("treatment", "objective", "plan"),
    "history": ("subjective", "objective", "assessment"),
    "subjective": ("history", "objective", "assessment"),
    "objective": ("treatment", "assessment", "subjective", "history"),
    "assessment": ("objective", "plan", "subjective"),
    "plan": ("assessment", "treatment", "objective"),
}


def _best_section(item: str, sections: Sequence[str], section_category: dict[str, str]) -> str:
    """The section among `sections` a statement's words point to."""
    available = frozenset(section_category[section] for section in sections)
    wanted = [_item_category(item, available)]
    preferred = _preferred_section(wanted[0], sections)
    if preferred is not None:
        return preferred
    wanted += list(_FALLBACK.get(wanted[0], ()))
    for category in wanted:
        candidates = [section for section in sections if section_category[section] == category]
        if candidates:
            return max(candidates, key=lambda section: _section_score(item, section))
    uncategorised = [s for s in sections if not section_category[s]]
    return uncategorised[0] if uncategorised else sections[0]


def _preferred_section(category: str, sections: Sequence[str]) -> str | None:
    """The section a category's statements go to first where the document has it (see
    `prefer` in offline.toml: a report to Subjective, else to an Interval History)."""
    return _first_named(_table()["categories"].get(category, {}).get("prefer", ()), sections)


def _section_score(item: str, section: str) -> int:
    """How well a statement fits a section among several of its category (first wins ties)."""
    heading = section.lower()
    return sum(
        sum(1 for cue in cues if cue.search(item))
        for phrase, cues in _section_cues()
        if phrase in heading
    )


def _cued(item: str) -> bool:
    """True when a statement's own words point to a category (a lead, a cue, a measure)."""
    return bool(measure_matcher().finder.pattern.search(item)) or any(
        any(pattern.search(item) for pattern in (*category.leads, *category.cues))
        for category in categories()
    )


# A goal in brackets beside a value ("static stoop 4 min (goal 10 min)") compares the value with
# its target: it says nothing of where the line goes.
_GOAL_ASIDE = re.compile(r"\((?:goal|target|tgt|STG|LTG)\b[^()]*\)", re.IGNORECASE)


@cache
def _leads_fall_to(name: str) -> frozenset[str]:
    """The categories a category's opening settles a statement for where the document has no
    section of its own (a service done today: Objective); see `leads_fall_to` in offline.toml."""
    return frozenset(_table()["categories"].get(name, {}).get("leads_fall_to", ()))


def _item_category(item: str, available: frozenset[str] = frozenset()) -> str:
    """The category a statement's words point to; an opening that settles it (`leads`) counts
    only where the document has a section of that category."""
    prefix = _PREFIX.match(item)
    if prefix:
        key = prefix.group().strip(" :*").lower()
        direct = {"s": "subjective", "o": "objective", "a": "assessment", "p": "plan"}
        direct |= {"tx": "treatment", "plan": "plan", "ideas": "plan", "subj": "subjective"}
        direct |= {"obj": "objective", "assess": "assessment", "subjective": "subjective"}
        direct |= {"objective": "objective", "assessment": "assessment"}
        return direct.get(key, "objective")
    # an export's field name is words ("pain_now: 2/10" opens with a pain rating)
    item = _GOAL_ASIDE.sub("", item).replace("_", " ")
    for category in categories():
        settles = category.name in available or bool(_leads_fall_to(category.name) & available)
        if settles and any(lead.search(item) for lead in (*category.leads, *category.opens)):
            return category.name
    measured = "objective" if measure_matcher().finder.pattern.search(item) else ""
    scores = [
        (
            sum(1 for cue in category.cues if cue.search(item)) + (category.name == measured),
            -index,
            category.name,
        )
        for index, category in enumerate(categories())
    ]
    score, _, name = max(scores)
    return name if score else "objective"
