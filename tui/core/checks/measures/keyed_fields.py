"""Values of a key: value template or an export read under their key's meaning.

Two readings a clinician makes of a key that the prose readers miss:

- a key naming a reference ("thirty_sec_chair_stand_norm_reps: 12", "TUG cutoff: 13.5 s",
  "grip_predicted_kg: 31", "pain_goal: 2", "target_hr: 118") holds the population's, the
  test's or the plan's value, never the patient's: its value, and the values of the keys
  nested under it, are claimed for no reader to take (`block_reference_keys`, before every
  reader);
- a key of a pain word and the words of when or with what it was rated ("pain_worst_week: 6",
  "Pain at rest: 1", "Pain with prolonged sitting: 5") holds a 0-10 rating, written bare as
  a template writes it; a key with a word of a dose, a count, a duration or another
  instrument ("Pain meds taken: 2", "Pain-free sitting: 30 min", "Pain interference: 6") holds
  something else (`read_pain_fields`, after the readers of instruments and ratings, so it takes
  only what they left).

Words are in data/exports.toml; the words that make a pain key's value no rating are
measures.toml [pain_keys] not_rating, shared with pain_keys.py. Only lines holding a colon are
looked at, each once.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.export_words import export_words
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.pain_keys import names_no_rating
from tui.core.checks.tables import measure_defs
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A key and its value: the key opens its line (after a bullet) or follows a semicolon that
# parts two fields of a row ("Pain at rest: (previous) 2; Pain at rest: 1").
_KEY = re.compile(
    r"(?:^|(?<=;))[ \t]*(?:[-*\u2022][ \t]+)?(?P<key>[A-Za-z0-9][^:;=\n]{0,60}?)[ \t]*[:=]"
    r"(?P<value>[^;\n]*)",
    re.MULTILINE,
)
_MAX_KEY_WORDS = 8
# A bare rating after a pain key: a number to ten, maybe over ten, maybe after the marker of
# an earlier column, ending its field.
_RATING = re.compile(
    r"[ \t]*(?:\((?P<mark>[a-z ]{1,20})\)[ \t]*)?(?P<n>\d{1,2}(?:\.\d)?)(?:[ \t]*/[ \t]*10)?"
    r"(?!\d|\.\d)[ \t]*(?:[,.]|\Z)"
)
# The time window of a rating inside its key ("worst 24h", "past 7 days"): no word of its own.
_WINDOW = re.compile(
    r"\b\d{1,3}[ \t]*(?:h|hrs?|hours?|d|days?|wks?|weeks?)\b|\(\s*\)", re.IGNORECASE
)
_KEY_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@cache
def _reference() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:{either(re.escape(w) for w in export_words('reference_keys', 'words'))})"
        r"(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _instruments() -> re.Pattern[str]:
    return whole_words(re.escape(alias) for m in measure_defs() for alias in m.aliases)


def _is_key(key: str) -> bool:
    """A key's words: a few, no sentence's end, no bracket left open ("HR peak 138 (target
    70% HRR = 151" is a sentence holding an equation, not a key)."""
    return (
        len(_KEY_WORD.findall(key)) <= _MAX_KEY_WORDS
        and not re.search(r"[.!?]\s", key)
        and key.count("(") == key.count(")")
    )


# A legend naming its columns ("FIM (SOC / today / goal):"): the goal is one column of several,
# which the readers of legends take apart.
_LEGEND = re.compile(r"[/|(]")
# A reference's value: a number first, maybe after a comparison.
_READING = re.compile(r"[ \t]*(?:[<>\u2264\u2265~]=?[ \t]*)?-?\d")
# The value of a key, up to the end of its field: a clause mark, a bracket or a sentence's end.
_FIELD_END = re.compile(r"[,;()]|\.(?:\s|\Z)")


def block_reference_keys(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Claim the values of the keys naming a reference, and of the keys nested under one."""
    del facts  # a reference is no fact
    text = scanner.text
    if ":" not in text and "=" not in text:
        return
    for match in _KEY.finditer(text):
        key = match["key"]
        if not _is_key(key) or _LEGEND.search(key) or _reference().search(key) is None:
            continue
        start, end = match.span("value")
        if text[start:end].strip():
            if not _READING.match(text, start, end):
                continue  # "Target met: knee flex 120 deg today": words, a sentence of its own
            closed = _FIELD_END.search(text, start, end)
            scanner.claim(start, closed.start() if closed is not None else end)
            continue
        _claim_nested(scanner, match.start("key"), end)


def _claim_nested(scanner: Scanner, key_start: int, end: int) -> None:
    """A parent key holding no value: the lines indented deeper under it are its values."""
    text = scanner.text
    line_start = text.rfind("\n", 0, key_start) + 1
    column = key_start - line_start
    at = end + 1
    while at < len(text):
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        line = text[at:line_end]
        if not line.strip() or len(line) - len(line.lstrip(" \t")) <= column:
            return
        scanner.claim(at, line_end)
        at = line_end + 1


def read_pain_fields(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A bare rating under a key of a pain word and its circumstance."""
    text = scanner.text
    pain = words().pain
    if ":" not in text and "=" not in text:
        return
    for match in _KEY.finditer(text):
        key = match["key"]
        named = pain.search(key)
        if named is None or not _is_key(key):
            continue
        rating = _RATING.match(match["value"])
        if rating is None or rating["mark"] not in (None, "previous", "prior"):
            continue
        start = match.start("value") + rating.start("n")
        end = match.start("value") + rating.end("n")
        number = to_number(rating["n"])
        if number > 10 or not scanner.free(start, end):
            continue
        said = _circumstance(key, named.start(), named.end())
        if said is None:
            continue
        found = attribute(scanner, start, end, after_side=False)
        prior = " (previous)" if rating["mark"] else found.previous
        # the body part the key names before its pain word is in the words already
        part = found.joint if found.joint.lower() not in said.lower() else ""
        side = found.side if part and found.side not in said.split() else ""
        label = labels.join("pain", said, part, side) + prior
        scanner.emit(facts, "pain", number, (start, end), label)


def _circumstance(key: str, start: int, end: int) -> str | None:
    """The words of a pain key besides its pain word ("at rest", "worst week"), or None when
    one of them says the value is something else than the rating, or the key names another
    instrument or a hyphened pain word ("pain-free")."""
    if key[end : end + 1] == "-" or key[start - 1 : start] == "-":
        return None
    rest = _WINDOW.sub(" ", key[:start] + " " + key[end:])
    if re.search(r"\d", rest) or _instruments().search(rest):
        return None
    said = [w.lower() for w in _KEY_WORD.findall(rest)]
    if any(names_no_rating(w) for w in said):
        return None
    return " ".join(_KEY_WORD.findall(rest))
