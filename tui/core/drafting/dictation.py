"""Turning a dictated note into statements a therapist can edit: framing and fillers removed,
spoken punctuation made into marks, numbers written as digits, one sentence per statement.

The patterns are data (``data/offline.toml`` [dictation]; the spoken marks are
``data/spoken_marks.toml``, which the checks read too); the numbers come from the same
normaliser the checks use, so the draft states each value exactly as the checks read it (and
a value the speaker took back, "sorry, make that 12", is gone from both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import Normalized, normalize
from tui.core.checks.text.spoken_marks import spoken_marks as said_marks
from tui.core.drafting.offline_data import offline_section

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# "no, no active elevation", "the the": a word said twice in a row is written once.
_REPEATED = re.compile(r"\b([A-Za-z]+)(?:,?[ \t]+\1\b)+", re.IGNORECASE)
_LOOSE_COMMAS = re.compile(r"\s*,(?:\s*,)+|^\s*,\s*|\s*,\s*$")
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+(?=[,.:;?!])")
# A spoken label opens a sentence: a colon is a mark only after a few words, or before a value
# or the name of a test in capitals ("internal exam with consent colon PERFECT P 3").
_LABEL_WORDS = 3
_ACRONYM = re.compile(r"[A-Z]{3,}\b")


@dataclass(frozen=True)
class _Mark:
    mark: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    markers: tuple[re.Pattern[str], ...]
    framing: tuple[re.Pattern[str], ...]
    framing_as_said: tuple[re.Pattern[str], ...]
    fillers: tuple[re.Pattern[str], ...]
    marks: tuple[_Mark, ...]
    this_is: re.Pattern[str]
    retraction: re.Pattern[str]


@cache
def _rules() -> _Rules:
    table = offline_section("dictation")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in table.get(key, ()))

    marks = tuple(
        _Mark(mark, re.compile(rf"[ \t]*,?[ \t]*\b(?:{'|'.join(said)})\b,?[ \t]*", re.IGNORECASE))
        for mark, said in said_marks().marks.items()
    )
    return _Rules(
        compiled("markers"),
        compiled("framing"),
        compiled("framing_as_said"),
        compiled("fillers"),
        marks,
        _this_is_pattern(table.get("this_is", {})),
        _retraction_pattern(table.get("retractions", ()), table.get("retraction_restate", ())),
    )


def _retraction_pattern(markers: list[str], restate: list[str]) -> re.Pattern[str]:
    """A retraction marker set off by commas (or opening the sentence), the words said again
    after it (`again`) and their first word (`first`)."""
    said = "|".join(re.escape(m).replace(r"\ ", r"[\s,]+") for m in markers) or "(?!x)x"
    again = "|".join(re.escape(r) for r in restate) or "(?!x)x"
    return re.compile(
        rf"(?:^|,)[ \t]*\b(?:{said})\b[ \t]*,[ \t]*(?P<restate>(?:{again})\s+)?"
        r"(?P<again>(?P<first>[A-Za-z]+)\b)",
        re.IGNORECASE,
    )


def _this_is_pattern(spec: dict[str, str]) -> re.Pattern[str]:
    """The one "This is ..." opener (see [dictation.this_is]): the kind of note alone before a
    comma or the end, or a name with or without the kind before it, or the kind said for a name
    without "this is"; `rest` is what follows."""
    lead, kind, name, titles = spec["lead"], spec["kind"], spec["name"], spec["titles"]
    said_for = rf"(?:{kind})\s+for\s+(?!{titles})(?:{name})(?=\s*(?:,|\.?$))"
    return re.compile(
        rf"^(?:{lead}(?:(?:{kind})\s*(?:,\s*|$)|(?:(?:{kind})\s+)?(?:for\s+)?(?:{name})\b)"
        rf"|{said_for})[\s,]*(?P<rest>.*)$",
        re.IGNORECASE,
    )


def is_dictated(text: str) -> bool:
    """True when a note reads as a transcript (a transcript label, fillers, spoken marks)."""
    return any(pattern.search(text) for pattern in _rules().markers)


def sentences(line: str) -> list[str]:
    """A dictated line as clean sentences: no framing, no fillers, numbers as digits."""
    said = spoken_marks(line)
    digits = _pronouns_kept(said, normalize(said, languages=False))
    kept: list[str] = []
    for sentence in _sentences_said(digits):
        if kept and (corrected := _corrects(kept[-1], sentence)):
            kept[-1] = corrected
            continue
        cleaned = clean(sentence)
        if cleaned:
            kept.append(cleaned)
    return kept


def _sentences_said(text: str) -> list[str]:
    """A dictated text parted at its full stops, except one closing a title or a short word
    that goes on ("Mrs. Gallacher", "Dr. Osei", "vs. last week"; see [dictation]
    `goes_on`): a name is never a sentence of its own."""
    parts: list[str] = []
    for part in _SENTENCE_END.split(text):
        last = parts[-1].rsplit(None, 1)[-1].rstrip(".").lower() if parts else ""
        if parts and parts[-1].endswith(".") and last in _goes_on():
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


@cache
def _goes_on() -> frozenset[str]:
    table = offline_section("dictation")
    return frozenset(word.lower() for word in table.get("goes_on", ()))


# A "1" standing alone: not part of a longer number ("11", "1.5", "1,000", "1/2"); a comma or a
# full stop after it ends the clause ("the worse one, pain ...").
_ONE = re.compile(r"(?<![\d/])(?<!\d[.,])1(?![\d/]|[.,]\d)")
_WORDS = re.compile(r"[A-Za-z']+")


def _pronouns_kept(said: str, normal: Normalized) -> str:
    """The normalised text with each "one" said as a pronoun written as said ("that last one
    made me woozy", "the next one on the twelfth"): a number only when it counts or measures
    (see `_counts`). The checks normalise the draft as they do the note, so the word reads the
    same to them; the clinician reads the sentence as it was meant."""
    out: list[str] = []
    at = 0
    for digit in _ONE.finditer(normal.text):
        start, end = normal.span(digit.start(), digit.end())
        if said[start:end].lower() != "one" or _counts(said, start, end):
            continue
        out += [normal.text[at : digit.start()], said[start:end]]
        at = digit.end()
    return "".join(out) + normal.text[at:]


def _counts(said: str, start: int, end: int) -> bool:
    """Whether a "one" counts: not within two words after a word that points to a thing ("the
    one", "that last one", "the worse one"), or before a unit ("the one metre per second")."""
    before = _WORDS.findall(said[max(0, start - 40) : start])
    after = _WORDS.findall(said[end : end + 40])
    rules = _pronoun_rules()
    pointed = [word.lower() for word in before[-_POINTER_REACH:]]
    if not any(word in rules.after for word in pointed):
        return True
    return bool(after) and after[0].lower() in rules.units


_POINTER_REACH = 2  # "the one", "the worse one": the pointing word, and one word after it


@dataclass(frozen=True)
class _PronounRules:
    after: frozenset[str]
    units: frozenset[str]


@cache
def _pronoun_rules() -> _PronounRules:
    table = offline_section("dictation").get("pronoun_one", {})
    return _PronounRules(
        frozenset(word.lower() for word in table.get("after", ())),
        frozenset(word.lower() for word in table.get("units", ())),
    )


def _corrects(before: str, sentence: str) -> str:
    """The sentence before, corrected by one that only says a phrase of it again ("... on the
    8-inch platform." + "No wait, it was the 6-inch platform." -> "... on the 6-inch
    platform."), or "". Only a phrase the checks read no value from: a value taken back is
    theirs to settle."""
    taken = _rules().retraction.match(sentence.strip())
    if taken is None:
        return ""
    again = sentence.strip()[taken.start("again") :].rstrip(" .!")
    words = again.split()
    if not words or any(ch in again for ch in ",;"):
        return ""
    shape = r"\s+".join(re.sub(r"\d+", r"\\d+", re.escape(word)) for word in words)
    found = list(re.finditer(rf"\b{shape}\b", before, re.IGNORECASE))
    if len(found) != 1 or found[0].group() == again:
        return ""
    if extract_facts(found[0].group()) or extract_facts(again):
        return ""
    return before[: found[0].start()] + again + before[found[0].end() :]


def spoken_marks(line: str) -> str:
    """Punctuation said aloud ("comma", "period", "new paragraph", "colon") written as marks,
    except where the word is a noun ("the reporting period", "sigmoid colon")."""
    for mark in _rules().marks:
        line = _written(line, mark)
    return _SPACE_BEFORE_MARK.sub("", line)


def _written(line: str, mark: _Mark) -> str:
    """One spoken mark written throughout a line."""

    def replace(match: re.Match[str]) -> str:
        return _mark_or_word(line, match, mark.mark)

    return mark.pattern.sub(replace, line)


def _mark_or_word(line: str, match: re.Match[str], mark: str) -> str:
    said = match.group().strip(" \t,").lower()
    before = re.findall(r"[A-Za-z']+", line[: match.start()])
    nouns = said_marks().noun_before.get(said.split()[0], frozenset())
    if before and before[-1].lower() in nouns:
        return match.group()
    after = line[match.end() :].lstrip()
    if said == "period" and after.lower().startswith("of "):
        return match.group()  # "a period of two weeks"
    if mark == ":":
        sentence = re.split(r"[.!?]\s", line[: match.start()])[-1]
        words = re.findall(r"[A-Za-z']+", sentence)
        if not (0 < len(words) <= _LABEL_WORDS or after[:1].isdigit() or _ACRONYM.match(after)):
            return match.group()
    return mark + (" " if after else "")


def _tidy_commas(text: str) -> str:
    """Commas left together where a filler was taken out become one; none open or end."""

    def replace(match: re.Match[str]) -> str:
        return "," if match.start() and match.end() < len(text) else ""

    return _LOOSE_COMMAS.sub(replace, text)


def clean(sentence: str) -> str:
    """One sentence without fillers, or "" when it only frames the recording."""
    text = _retracted(sentence.strip())
    for _ in range(4):
        before = text
        for pattern in _rules().fillers:
            text = pattern.sub(" ", text)
        text = _tidy_commas(text)
        text = re.sub(r"\s{2,}", " ", text).strip(" ,")
        if text == before:
            break
    text = _without_this_is(text)
    text = _SPACE_BEFORE_MARK.sub("", _REPEATED.sub(r"\1", text))
    bare = text.rstrip(".!?,;: ").strip()
    said = sentence.strip().rstrip(".!?,;: ").strip()
    if not bare or any(pattern.search(bare) for pattern in _rules().framing):
        return ""
    if any(pattern.search(said) for pattern in _rules().framing_as_said):
        return ""  # framing known by its opening words, which are fillers ("Right, so Casimir.")
    asks = text.rstrip(" ,").endswith("?")  # a question said stays a question
    return bare[0].upper() + bare[1:] + ("" if bare[-1] in ".!?" else "?" if asks else ".")


_PARALLEL_WORDS = 3


def _retracted(text: str) -> str:
    """A sentence with the words its speaker took back gone ("on her first try, wait no, on the
    second try" -> "on the second try", "left knee, no wait, right knee" -> "right knee"); a
    marker that opens the sentence, or whose retracted words hold a number or are not found,
    goes alone."""
    taken = _rules().retraction.search(text)
    if taken is None:
        return text
    again = taken.start("again")
    before, said = text[: taken.start()], text[again:]
    first = re.escape(taken.group("first"))
    starts = [m.start() for m in re.finditer(rf"\b{first}\b", before, re.IGNORECASE)]
    if starts and not any(ch.isdigit() for ch in before[starts[-1] :]):
        return _retracted(before[: starts[-1]] + said)
    clause = before.rsplit(",", 1)[-1]
    words = clause.split()
    said_again = [w.strip(".,;:!?").lower() for w in said.split()[:_PARALLEL_WORDS]]
    if words and words[-1].lower() in said_again and not any(ch.isdigit() for ch in clause):
        # the clause that ends as the words said again: its words that were said again go
        count = said_again.index(words[-1].lower()) + 1
        head = before[: len(before) - len(clause)] + " ".join(words[:-count])
        return _retracted(f"{head.rstrip()} {said}".strip())
    if not before.strip():  # "No wait, it was the 6-inch platform."
        return _retracted(text[taken.start("restate") if taken.group("restate") else again :])
    return _retracted(f"{before}, {said}")


def _without_this_is(text: str) -> str:
    """A sentence without its "This is ..." opener: the kind of note, the name and the parts
    after them that only frame the recording ("visit 5", "daily note") go; "" when nothing of
    what the speaker says about the patient is left."""
    opened = _rules().this_is.match(text)
    if opened is None:
        return text
    parts = opened.group("rest").split(",")
    while parts and (
        not parts[0].strip(" .")
        or any(pattern.search(parts[0].strip(" .")) for pattern in _rules().framing)
    ):
        parts.pop(0)
    return ",".join(parts).strip()
