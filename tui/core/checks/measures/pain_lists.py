"""Pain rated in several circumstances as a field's list of bare numbers: "Pain: rest 1,
activity 5, worst 7 (0-10)", "pain: current 3; best 1; worst 6".

A pain word closing on a colon, then items of a few words and a number of the 0-10 scale each,
parted by commas or semicolons: each number is a pain rating, labelled with its circumstance.
Nothing says "/10" after each number, so the list must show its shape: two items at least, no
unit after a number, and every number on the scale; a single "pain: rest 1" is left to the
readers of a rating. The pain words are the vocabulary's (measures.toml [ratings] pain). Items
that all name things counted ("trials 2, errors 3") make the line no list of ratings (one alone
may be a circumstance: "night 6"); an item that names an earlier time ("initial 7, current
3") is that time's rating.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import says_earlier
from tui.core.checks.measures import labels
from tui.core.checks.names import norm_words
from tui.core.checks.tables import measures_section, not_measurement_words
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# After the pain word: a bracket naming the scale or region, or the scale's range, at most, then
# a colon or a dash.
_OPENS = re.compile(
    r"[ \t]*(?:\([^()\n]{0,24}\)[ \t]*|0[ \t]*[-\u2013][ \t]*10[ \t]*)?(?::|[ \t][-\u2013])[ \t]*"
    # or no mark at all, where the first item opens on its circumstance ("Pain at rest 2, on
    # walking 5 and at night 6")
    r"|[ \t]+(?=(?:at|with|on|during|in|after|when|while)[ \t]+[A-Za-z])"
)
# One item: its circumstance in one to three words, then a number of the scale standing alone
# (no unit, slash or decimal point after it), then the mark before the next item or the end.
_ITEM = re.compile(
    r"(?P<words>[A-Za-z][\w'/-]*(?:[ \t]+[A-Za-z][\w'/-]*){0,2})[ \t]*[:=]?[ \t]*"
    r"(?P<value>10|\d(?:\.\d)?)(?![\w/%\u00b0]|\.\d)"
    r"(?P<end>[ \t]*(?:[,;][ \t]*(?:and[ \t]+)?|/[ \t]+|[ \t]and[ \t]+"
    r"|\([ \t]*0[ \t]*[-\u2013][ \t]*10[ \t]*\)|(?=[.\n)]|\Z)))"
)
_FEWEST = 2


def read_pain_lists(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each pain word opening a list of ratings by circumstance: one pain fact an item."""
    text = scanner.text
    for pain in words().pain_finder.finditer(text):
        opened = _OPENS.match(text, pain.end())
        if opened is None or _aimed_before(text, pain.start()):
            continue
        items = _items(text, opened.end())
        spans = [item.span("value") for item in items]
        if len(items) < _FEWEST or not all(scanner.free(*span) for span in spans):
            continue
        if all(_counted().search(item.group("words")) for item in items):
            continue  # "Pain: trials 2, errors 3": counts under the heading, no ratings
        if any(_dosed().search(item.group("words")) for item in items):
            continue  # "Pain: sets 3, reps 10": an exercise's dose under the heading
        for item in items:
            label = labels.join("pain", item.group("words"))
            if says_earlier(item.group("words")):
                label = labels.join(label, labels.PREVIOUS)
            scanner.emit(facts, "pain", to_number(item.group("value")), item.span("value"), label)


def _aimed_before(text: str, start: int) -> bool:
    """Whether the words before the pain word on its line make the list a target or a norm
    ("Expected pain: rest 1, activity 3", "Norms: pain: rest 0, activity 1"): measures.toml
    [not_measurements] targets and instruments.toml norm_words, looked at within a bounded reach."""
    reach = max(0, start - _AIM_REACH)
    line = text.rfind("\n", reach, start) + 1 or reach
    return _aims().search(text, line, start) is not None


_AIM_REACH = 40


@cache
def _aims() -> re.Pattern[str]:
    return whole_words([*not_measurement_words().get("targets", ()), *norm_words()])


@cache
def _counted() -> re.Pattern[str]:
    """An item's last word naming a thing counted (measures.toml [not_measurements] counted)."""
    counted = either(not_measurement_words().get("counted", ()))
    return re.compile(rf"\b(?:{counted})[ \t]*\Z", re.IGNORECASE)


@cache
def _dosed() -> re.Pattern[str]:
    """An item naming a part of an exercise's dose (measures.toml [pain_lists] dose_items)."""
    return whole_words(measures_section("pain_lists").get("dose_items", ()))


def _items(text: str, at: int) -> list[re.Match[str]]:
    """The items of the list starting at `at`, up to the first that is not one."""
    found = []
    item = _ITEM.match(text, at)
    while item is not None:
        found.append(item)
        if not item.group("end").strip().startswith((",", ";", "/", "and")):
            break
        item = _ITEM.match(text, item.end())
    return found
