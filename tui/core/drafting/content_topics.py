"""Topics a statement names by its words, for Skills with a section of that topic's own.

A handwriting report has a section for grasp, one for legibility, one for the classroom; a
note seldom labels its lines that finely ("- Uses a fisted grasp on a standard pencil" under a
title, or under "O:"). The words each topic is written in are data (`[topics.NAME.content]` in
``data/offline.toml``): `sections` the Skill sections that are the topic's own (never a general
one such as Objective, where the label and cue rules already place the line), `words` the
regular expressions its statements are written with, `unless` what rules the topic out (an
exercise's dose is no rationale, whatever it measures). A heading may say how the child was seen
("# Handwriting observation, 30 min, classroom + pull-out"): `titles` are the further words
(a setting, a length of time) such a heading states that topic with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.drafting.offline_data import offline_section


@dataclass(frozen=True)
class ContentTopic:
    name: str
    sections: tuple[str, ...]
    words: tuple[re.Pattern[str], ...]
    # Words a heading says how the client was seen with (its setting, its length).
    title_words: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()


@cache
def content_topics() -> tuple[ContentTopic, ...]:
    """The topics with content words, in the order offline.toml lists them (first wins ties)."""
    topics = offline_section("topics")
    return tuple(
        ContentTopic(
            name,
            tuple(str(section).lower() for section in spec["content"]["sections"]),
            tuple(re.compile(word, re.IGNORECASE) for word in spec["content"]["words"]),
            tuple(re.compile(word, re.IGNORECASE) for word in spec["content"].get("titles", ())),
            tuple(re.compile(word, re.IGNORECASE) for word in spec["content"].get("unless", ())),
        )
        for name, spec in topics.items()
        if "content" in spec
    )


def own_section(topic: ContentTopic, sections: Sequence[str]) -> str | None:
    """The Skill's section that is the topic's own, or None when the Skill has none."""
    for wanted in topic.sections:
        for section in sections:
            if wanted in section.lower():
                return section
    return None


def content_section(text: str, sections: Sequence[str], *, titles: bool = False) -> str | None:
    """The section of the topic whose words the statement uses most, among the topics the
    Skill has a section of its own for; None when its words name none (`titles`: only the
    topics a heading may state)."""
    best: tuple[int, str] | None = None
    for topic in content_topics():
        if titles and not topic.title_words:
            continue
        section = own_section(topic, sections)
        if section is None:
            continue
        if any(veto.search(text) for veto in topic.unless):
            continue
        words = (*topic.words, *topic.title_words) if titles else topic.words
        score = sum(1 for word in words if word.search(text))
        if score and (best is None or score > best[0]):
            best = (score, section)
    return best[1] if best else None


@dataclass(frozen=True)
class Clause:
    sections: tuple[str, ...]
    pattern: re.Pattern[str]


@cache
def _clauses() -> tuple[Clause, ...]:
    return tuple(
        Clause(
            tuple(str(section).lower() for section in spec["sections"]),
            re.compile(spec["clause"], re.IGNORECASE),
        )
        for spec in offline_section("clauses").values()
    )


_NAME_END = re.compile(r"\s+\d|\s*[,;(]")


def clause_copies(text: str, placed_in: str, sections: Sequence[str]) -> list[tuple[str, str]]:
    """(section, line) for each clause of a statement that a section of its own also asks for
    ("progress to single leg when 3x15 pain-free" for Progression Criteria), written after the
    name of what it is about ("heel raises bilateral: progress to ...")."""
    copies = []
    for clause in _clauses():
        section = next(
            (s for wanted in clause.sections for s in sections if wanted in s.lower()), None
        )
        if section is None or section == placed_in:
            continue
        found = clause.pattern.search(text)
        if not found:
            continue
        name = _NAME_END.split(text[: found.start()], maxsplit=1)[0].strip()
        copies.append(
            (section, f"{name}: {found.group('clause')}" if name else found.group("clause"))
        )
    return copies
