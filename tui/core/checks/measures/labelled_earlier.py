"""A sentence opened by a label of an earlier visit: its values are earlier, whoever read them.

"Last session 5/2: HR 128 bpm peak, BP 148/86, RPE 13." gives the last session's vital signs,
and readers that name a value by its own words (heart rate, blood pressure, exertion) do not
look back to the label. After every reader, each value whose sentence opens with such a label
(last, previous or prior before a visit, session, test or the like, then a colon) is labelled
earlier, unless a semicolon or a word of this visit stands between the label and the value
("Last visit: 3/20; SpO2 95%", "Last session: 128, today 120"). "Last 24 h:" or "Last night:"
names no visit: what the patient reports under it is today's report. A tag in brackets opening
a line that says it was carried over from an earlier note ("[carried forward from 01/20] Berg
39/56.", "(copied from last visit) Pain 4/10. ODI 36%.", "O: ** copied from 02/05 ** Gait RW
75 ft") labels the whole line the same way.
The words are data (legends.toml earlier_labels, dated_events; measures.toml [attribution]
carried_opener, and current for this visit's words). Each fact looks back over its own sentence
only, so the pass is linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# The words of a label before its colon, at most this many characters ("Last session 5/2:").
_LABEL_REACH = 30


@dataclass(frozen=True)
class _Cues:
    label: re.Pattern[str]
    tag: re.Pattern[str]
    current: re.Pattern[str]


@cache
def _cues() -> _Cues:
    table = legend_words()
    words = either(table.get("earlier_labels", ()))
    events = either(table.get("dated_events", ()))
    current = either(attribution_words().get("current", ()))
    carried = either(attribution_words().get("carried_opener", ()))
    return _Cues(
        label=re.compile(
            # after a section's letter or heading, if any ("O: At last visit, ...")
            rf"[ \t\-*\u2022>]*(?:[A-Z][A-Za-z]{{0,11}}:[ \t]+)?"
            rf"(?:(?:{words})[ \t]+(?:{events})s?(?![A-Za-z0-9])"
            rf"[^:;.\n]{{0,{_LABEL_REACH}}}:"
            # "At last check, TUG 14 s; now 11 s": an opening phrase of an earlier visit
            rf"|(?:at|on|during|in)[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?(?:{words})[ \t]+"
            rf"(?:{events})s?[ \t]*,)",
            re.IGNORECASE,
        ),
        tag=re.compile(
            # after a section's letter, if any ("O: ** copied from 02/05 ** Gait 75 ft"), in
            # brackets or between asterisks
            rf"[ \t\-*\u2022>]*(?:[A-Z][A-Za-z]{{0,11}}:[ \t]+)?(?:[\[(]|\*{{1,3}})[ \t]*"
            rf"(?:{carried})(?![A-Za-z0-9])[^\[\]()*\n]{{0,{_LABEL_REACH}}}(?:[\])]|\*{{1,3}})",
            re.IGNORECASE,
        ),
        current=re.compile(rf"(?<![\w-])(?:{current})(?![A-Za-z0-9])", re.IGNORECASE),
    )


def _labelled(scanner: Scanner, start: int) -> bool:
    """The sentence holding `start` opens with an earlier visit's label, or its line with a
    carried-over tag, and no word of this visit stands between the label and the value."""
    cues = _cues()
    line_start, _ = scanner.line(start)
    tag = cues.tag.match(scanner.visible(line_start, start))
    if tag is not None:
        return not cues.current.search(scanner.visible(line_start + tag.end(), start))
    # a banner between asterisks is markup the normalised text drops: read the line as written
    written_start, written_end = scanner.span(line_start, start)
    written = scanner.norm.original[written_start:written_end]
    tag = cues.tag.match(written) if "*" in written else None
    if tag is not None:
        return not cues.current.search(written, tag.end())
    sentence = scanner.sentence_before(start)
    label = cues.label.match(scanner.visible(sentence, start))
    if label is None:
        return False
    between = scanner.visible(sentence + label.end(), start)
    return ";" not in between and not cues.current.search(between)


def mark_labelled(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value of a sentence opened by an earlier visit's label."""
    mark_earlier_where(scanner, facts, _labelled)


def mark_earlier_where(
    scanner: Scanner, facts: list[Fact], earlier: Callable[[Scanner, int], bool]
) -> None:
    """Label "(previous)" each measurement not yet so labelled whose value, at its start in the
    normalised text, `earlier` says is an earlier one."""
    for index, fact in enumerate(facts):
        if not may_be_earlier(fact):
            continue
        start = normalised(scanner, fact.span[0])
        if start is not None and earlier(scanner, start):
            facts[index] = as_earlier(fact)
