"""Goals said in a clause rather than under a goal heading: a modal word and a later time, or a
goal's status beside today's value.

"Berg 43/56 today; she should reach 48/56 by discharge", "TUG 13.1 s, expected to drop under 11 s
in 4 weeks", "hoping to be at 1.0 m/s before she returns to work": the clause says what a value
should, will or is hoped to be at a time after this visit, so its values are targets, whatever
the goal's wording. Both cues must be in the clause: a modal alone ("pain should settle, 2/10
today") or a time alone ("walked 300 ft in 6 min") states no goal. The words are data
(legends.toml goal_modals, goal_times); each clause is bounded, so the pass is linear. A goal
status beside a value of today ("Berg 50/56: not met (46/56 today)") makes the other value of
its sentence the target.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner


@cache
def _words(table: str) -> re.Pattern[str]:
    """Any of a legends.toml list as whole words: goal_modals (what a value should or will be),
    goal_times (a time after this visit), goal_status (a goal's status)."""
    words = either(legend_words().get(table, ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


# What ends a clause: a comma, a semicolon, a full stop that is no decimal point, a bracket, or
# a conjunction that starts another clause ("she will return to work in 2 weeks and pain is
# 3/10": the pain is today's).
_CLAUSE_MARK = re.compile(r"[,;()\[\]]|\.(?!\d)|\b(?:and|but|while|although)\b", re.IGNORECASE)


def block_modal_goals(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block the values after a modal word in a clause that also names a later time ("she should
    reach 48/56 by discharge", "by week 8 it will be 120°"): the clause states a goal, so none of
    its values after the modal is this visit's measurement. The clause before it is untouched
    ("Berg 43/56 today; she should reach 48/56 by discharge"). A plan's later time counts
    ("Today: will reassess grip 30 kg next visit"), wherever the plan section ends."""
    text = scanner.text
    times = _words("goal_times"), _words("plan_times")
    for modal in line_scan(_words("goal_modals"), text):
        start, end = _clause(scanner, modal.start())
        if any(pattern.search(text, start, end) for pattern in times):
            scanner.block(modal.end(), end)


@cache
def _plan_step() -> re.Pattern[str]:
    """A verb of progression opening its clause and leading, within a few words, to "to" or
    "toward(s)" (legends.toml goal_steps)."""
    verbs = either(legend_words().get("goal_steps", ()))
    opening = r"(?:^|(?<=[,;:.(])|(?<=\bthen))[ \t]*(?:[-*\u2022>][ \t]*)?"
    return re.compile(
        rf"{opening}(?:{verbs})(?:[ \t]+[A-Za-z][\w/-]*){{0,3}}?[ \t]+to(?:wards?)?(?![\w-])",
        re.IGNORECASE | re.MULTILINE,
    )


def block_plan_steps(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block the values of a clause opened by a verb of progression in its plain form ("P: 1x/wk,
    progress to independent walking 10 ft", "advance gait to 300 ft"): the clause says what the
    patient is to reach, so its values are targets. A value of this visit said in the clause
    ("progress to 10 ft; walks 6 ft today") ends it."""
    text = scanner.text
    for step in line_scan(_plan_step(), text):
        _, end = _clause(scanner, step.end())
        current = _current_value().search(text, step.end(), end)
        scanner.block(step.end(), current.start() if current else end)


@cache
def _plan_heading() -> re.Pattern[str]:
    """A line opened by a plan heading (legends.toml plan_headings) in any style: with a colon or
    a dash ("P:", "P-", "Plan - "), alone on its line ("PLAN", "## Plan", "**Plan of care**"),
    or said in a dictation with a spoken mark or none ("Plan, cont...", "Plan continue ...")."""
    headings = either(legend_words().get("plan_headings", ()))
    return re.compile(
        rf"^[ \t>*-]*(?:#{{1,6}}[ \t]*)?(?:\*\*|__)?[ \t]*(?:{headings})[ \t]*(?:\*\*|__)?"
        r"(?:[ \t]*(?::|-(?=[ \t])|,|\.(?=[ \t]|$)|$)"
        r"|[ \t]+(?:comma|period|colon)(?![A-Za-z])"
        r"|(?-i:(?<=[A-Z][a-z]{3})) (?=[a-z]))",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _section_end() -> re.Pattern[str]:
    """A line that opens another part of the note: a blank line, a Markdown or bold heading, a
    label alone on its line ("OBJECTIVE:", "GOALS"), or a word of another part (legends.toml
    section_openers) before a colon, a dash or a space ("A: ...", "Total timed 30 min")."""
    openers = either(legend_words().get("section_openers", ()))
    return re.compile(
        r"^[ \t]*(?:$|#|\*\*|__|[A-Za-z][\w /&'()-]{0,40}:[ \t]*$|(?-i:[A-Z][A-Z /&]+)[ \t]*$"
        rf"|(?:{openers})(?:[ \t]*[:\-]|[ \t]))",
        re.IGNORECASE | re.MULTILINE,
    )


def plan_sections(text: str) -> list[tuple[int, int]]:
    """Each plan section as a span: its heading's line and the lines after it up to the next
    part of the note; blank lines straight after a heading alone on its line are skipped
    ("## Plan", a blank line, then its items)."""
    sections = []
    for heading in _plan_heading().finditer(text):
        end = text.find("\n", heading.end())
        end = len(text) if end < 0 else end
        bare = not text[heading.end() : end].strip()
        while end < len(text):
            following = text.find("\n", end + 1)
            following = len(text) if following < 0 else following
            line = text[end + 1 : following]
            if bare and not line.strip():
                end = following
                continue
            if _section_end().match(line):
                break
            bare = False
            end = following
        sections.append((heading.start(), end))
    return sections


def block_plan_clauses(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block each clause of a plan section that names a later time ("P: cont 2x/wk, IMT trial at
    30% MIP next visit", "PLAN:" then "Amb 300 ft with RW next visit"): a value there is
    planned, not measured. A plan's clause without a later time ("Plan: pain 2/10 at d/c
    today") is left to the other readers."""
    text = scanner.text
    times = _words("plan_times"), _words("goal_times")
    for start, end in plan_sections(text):
        for pattern in times:
            for time in pattern.finditer(text, start, end):
                scanner.block(*_clause(scanner, time.start()))


def names_later_time(scanner: Scanner, position: int) -> bool:
    """The clause holding `position` names a time after this visit ("by week 6", "next
    visit"): what it says of a value is planned."""
    start, end = _clause(scanner, position)
    return any(
        pattern.search(scanner.text, start, end)
        for pattern in (_words("plan_times"), _words("goal_times"))
    )


def _clause(scanner: Scanner, position: int) -> tuple[int, int]:
    """The clause holding `position`, inside its sentence and line."""
    sentence_start, sentence_end = scanner.sentence(position)
    line_start, line_end = scanner.line(position)
    low, high = max(sentence_start, line_start), min(sentence_end, line_end)
    start = low
    for mark in _CLAUSE_MARK.finditer(scanner.text, max(low, position - _CLAUSE_REACH), position):
        start = mark.end()
    after = _CLAUSE_MARK.search(scanner.text, position, min(high, position + _CLAUSE_REACH))
    return start, after.start() if after else min(high, position + _CLAUSE_REACH)


# How far a clause reaches either side of its modal word, so a note of one line is read linearly.
_CLAUSE_REACH = 120


@cache
def _current_value() -> re.Pattern[str]:
    """A value marked as this visit's, the word before it or after it (legends.toml later)."""
    later = either(legend_words().get("later", ()))
    value = r"\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?"
    return re.compile(
        rf"(?<![\w-])(?:{later})[ \t]+(?:(?:about|around|at|~)[ \t]+)?{value}"
        rf"|{value}[ \t]*[A-Za-z%\u00b0]{{0,4}}[ \t]+(?:{later})(?![\w-])",
        re.IGNORECASE,
    )


_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+)?")


def block_goal_targets(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """In a sentence that states a goal's status and today's value ("Berg 50/56: not met (46/56
    today)", "Amb 300 ft: partially met, currently 220 ft"), block the values before today's:
    they are the goal's target. A status with no value of today ("Not met: R -2°") blocks
    nothing: its value is the measurement."""
    text = scanner.text
    for status in line_scan(_words("goal_status"), text):
        sentence_start, sentence_end = scanner.sentence(status.start())
        line_start, line_end = scanner.line(status.start())
        start, end = max(sentence_start, line_start), min(sentence_end, line_end)
        start = text.rfind(";", start, status.start()) + 1 or start  # the status's own clause
        current = _current_value().search(
            text, status.end(), min(end, status.end() + _CLAUSE_REACH)
        )
        if current is None:
            continue
        for number in _NUMBER.finditer(
            text, max(start, status.start() - _CLAUSE_REACH), current.start()
        ):
            scanner.block(*number.span())
