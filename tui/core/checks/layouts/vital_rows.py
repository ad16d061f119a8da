"""Vital signs written in rows and chains, each reading with its own sign and position.

Flowsheets put several signs over their values ("HR / BP (supine)  96 / 118/70"), or a header
of signs over rows of readings ("BP | HR | SpO2" then "pre  128/76 | 72 | 97%"); narrative notes
chain readings after one name ("HR 82 -> 96", "HR: rest 74, peak 131", "heart rate rose from 74
to 102 bpm"). The readers of single vitals take only the first value; these take the rest, by
position, and only readings in the sign's plausible range (data: measures.toml [vital_rows]).
Readings set apart by slashes are read only beside as many positions ("HR 72/96 sit/stand"),
and a row keyed as a limit or a goal ("limits: HR 130 | SpO2 88%") is never read.
The names are found once through their leading words; everything else works inside one line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import role_of, says_earlier, time_pair_data
from tui.core.checks.measures import labels
from tui.core.checks.tables import VitalSign, heart_rate_names, vital_row_words, vital_signs
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_PAIR = re.compile(
    r"(?<![\d./])(\d{2,3})[ \t]*/[ \t]*(\d{2,3})(?!\d|[/.]\d)(?:[ \t]*mm[ \t]*Hg)?", re.I
)
# One reading: never the first of a fraction or of a range ("HR 125-134" is a target zone).
_SINGLE = re.compile(
    r"(?<![\d./])(\d{1,3}(?:\.\d)?)(?!\d|[/.]\d|[ \t]*/[ \t]*\d|[ \t]*[-\u2013][ \t]*\d)"
    r"(?:[ \t]*(%|bpm))?"
)
# One sign's readings set apart by slashes ("72/96", "97/93%"), the unit after the last.
_SLASHED = re.compile(
    r"(?<![\d./])(?P<values>\d{1,3}(?:\.\d)?(?:[ \t]*/[ \t]*\d{1,3}(?:\.\d)?){1,3})(?![\d./])"
    r"(?:[ \t]*(?P<unit>%|bpm))?"
)
_NUMBERS = re.compile(r"\d{1,3}(?:\.\d)?")
# The tops of the scales a rating is written over ("6/10", "13/20"): a score, not two readings.
_SCALE_TOPS = (10.0, 20.0, 100.0)
# Between a sign and what follows it: spaces, maybe a colon.
_KEY_GAP = re.compile(r"[ \t]*(?:[:=][ \t]*)?")
# In a row the values are separated by slashes too ("96 / 118/70", "84/97%" under "HR/SpO2"):
# the first reading may stand before a slash, the next after one; the count of signs says
# where one ends (a BP's own slash is read by its pair).
_FIRST_CELL = re.compile(r"(?<![\d./])(\d{1,3}(?:\.\d)?)(?!\d|\.\d)(?:[ \t]*(%|bpm))?")
_NEXT_CELL = re.compile(r"(\d{1,3}(?:\.\d)?)(?!\d|[/.]\d)(?:[ \t]*(%|bpm))?")
# A key of the reading's own right after the sign, ended by a colon ("HR after_walk: 104").
_LEAD = re.compile(
    r"[ \t]+(?P<key>[A-Za-z][\w.-]{0,24}(?:[ \t][A-Za-z][\w.-]{0,12})?)[ \t]*[:=][ \t]*(?=\d)"
)
# The next group of a row's readings on its line, after its own words (", post 112/93%", "at 3
# min recovery 90/96%"): up to the readings set apart by a slash.
_NEXT_GROUP = re.compile(
    r"[ \t]*(?:[,;][ \t]*)?(?P<qual>[A-Za-z][\w .-]{0,24}?)[ \t]*[:=]?[ \t]*"
    r"(?=\d{1,3}(?:\.\d)?[ \t]*(?:%|bpm)?[ \t]*/[ \t]*\d)"
)
# Between the names of a row: a slash, a bar, a tab or a run of spaces.
_NAME_GAP = r"[ \t]*(?:/|\||,|&|and)[ \t]*|\t[ \t]*|[ \t]{2,}"
_VALUE_GAP = re.compile(r"[ \t]*(?:/|\||,|;)[ \t]*|[ \t]+")
_ROW_LABEL = re.compile(
    r"[ \t]*(?:[-*|][ \t]*)?(?P<label>[A-Za-z][\w .-]{0,24}?)?[ \t]*[:|]?[ \t]*(?=\d)"
)
# A flowsheet row's unit in brackets after the sign ("SpO2 (%)  95  91  89", "HR (bpm)  84").
_UNIT_BRACKET = re.compile(r"[ \t]*\([ \t]*(?:%|bpm|mm[ \t]*Hg|/min|breaths/min)[ \t]*\)", re.I)
# A tab-separated row's first cell, which may hold numbers of its own ("Treadmill 3.0 mph 5%").
_TAB_ROW_LABEL = re.compile(
    r"[ \t]*(?:[-*][ \t]*)?(?P<label>[A-Za-z][^\t\n|]{0,40}?)[ \t]*\t(?=[ \t]*\d)"
)
# Headings of other columns after the signs' own, set apart as columns are: short names.
_OTHER_HEADINGS = re.compile(
    r"(?:(?:\t|[ \t]{2,}|[ \t]*\|[ \t]*)[ \t]*[A-Za-z][\w%/.-]{0,15})+[ \t|]*"
)
# A bar between the cells of a sign's row ("HR (bpm)   96   | 118   | 101" under "rest | peak |
# recovery"): the next cell holds the sign's next reading.
_CELL_BAR = re.compile(r"[ \t]*\|[ \t]*")
# A remark in brackets between a sign and its reading, written by a table's column ("HR:
# (pre-tx) (previous) 78"): words only; a bracket holding a number is a reading or a limit.
_REMARK = re.compile(r"[ \t]*(?:\([ \t]*[A-Za-z][A-Za-z .-]{0,30}\)[ \t]*)+")
_HEAD_REST = re.compile(
    r"[ \t]*(?:\((?P<paren>[^)\n]{0,30})\))?[ \t]*(?P<qual>[A-Za-z][\w .-]{0,20}?)?"
    r"[ \t]*[:|=]?[ \t]*"
)


@dataclass(frozen=True)
class _Words:
    signs: tuple[VitalSign, ...]
    by_name: tuple[tuple[re.Pattern[str], VitalSign], ...]
    names: Led
    step: re.Pattern[str]
    changes: Led
    limited: Led
    limit_before: re.Pattern[str]
    paced: Led
    heart: re.Pattern[str]
    positions: re.Pattern[str]


@cache
def _words() -> _Words:
    signs = vital_signs()
    data = vital_row_words()
    by_name = tuple(
        (re.compile(rf"(?:{name})\Z", re.I), sign) for sign in signs for name in sign.names
    )
    every = sorted((name for sign in signs for name in sign.names), key=len, reverse=True)
    alternation = either(every)
    links = "|".join(re.escape(link) for link in data.get("links", ()))
    qualifiers = either(data.get("qualifiers", ()))
    halves = data.get("pressure_halves", ())
    half = either(halves)
    change = either(data.get("pressure_changes", ()))
    changes = (
        rf"\b(?:(?:{half})[ \t]+(?:{change})|(?:{change})[ \t]+(?:(?:in|of)[ \t]+)?(?:{half}))"
        r"[ \t]*(?:(?:of|by|=|:)[ \t]*)?(?P<value>\d{1,3})(?!\d|[/.]\d)(?:[ \t]*mm[ \t]*Hg)?"
    )
    return _Words(
        signs=signs,
        by_name=by_name,
        names=led(
            re.compile(
                rf"\b(?:{alternation})(?![\w-])(?:(?:{_NAME_GAP})(?:{alternation})(?![\w-]))*", re.I
            ),
            *every,
        ),
        changes=led(re.compile(changes, re.I), *halves, *data.get("pressure_changes", ())),
        limited=led(
            re.compile(
                rf"\b(?:{either(data.get('limited', ()))})(?![\w-])[ \t]*"
                rf"(?P<limit>(?:{either(data.get('limits', ()))})[ \t]*)?"
                r"(?P<value>\d{1,3})",
                re.I,
            ),
            *data.get("limited", ()),
        ),
        paced=led(
            re.compile(rf"\b(?:{either(data.get('paced', ()))})", re.I),
            *data.get("paced", ()),
        ),
        heart=re.compile(rf"\b(?:{either(heart_rate_names())})\b", re.I),
        # positions or moments set apart by slashes ("sit/stand", "rest/after walk"): each item
        # opens with a qualifier and holds two words at most
        positions=re.compile(
            rf"(?<![\w/])(?:{qualifiers})(?:[ \t]+[A-Za-z]+)?(?:[ \t]*/[ \t]*(?:{qualifiers})"
            rf"(?:[ \t]+[A-Za-z]+)?)+(?![\w/])",
            re.I,
        ),
        limit_before=re.compile(
            rf"(?<![\w-])(?:{either(data.get('limits_before', ()))})[ \t]*\Z", re.I
        ),
        # One step between readings of a chain: a link or a qualifier word, with spaces.
        step=re.compile(
            rf"[ \t]*(?:(?:{links}|[:=]|(?<![A-Za-z])(?:{qualifiers})(?![A-Za-z]))[ \t]*)?", re.I
        ),
    )


# A row's name before its first sign: a key ("limits:", "Goal |"), short and without numbers.
_ROW_KEY = re.compile(
    r"[ \t]*(?:[-*|>][ \t]*)?(?P<key>[A-Za-z][A-Za-z /()-]{0,30}?)[ \t]*[:;|][ \t]*\Z"
)
_ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_BEATS = re.compile(r"(?<![\d.])(\d{2,3})[ \t]*bpm\b", re.I)


def claim_vital_limits(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """ "no resistance > RPE 13", "keep HR below 120": a limit set for exercise; "VORx1 60 s at
    120 bpm": a beat set for it. Claimed before the readers of vital signs, never read as one."""
    words = _words()
    text = scanner.text
    for pace in words.paced.finditer(text):
        end = scanner.sentence_after(pace.end())
        for beat in _BEATS.finditer(text, pace.end(), end):
            if words.heart.search(text, pace.end(), beat.start()):
                break
            if scanner.free(*beat.span(1)):
                scanner.claim(*beat.span(1))
    for match in words.names.finditer(text):
        line_start, line_end = scanner.line(match.start())
        key = _ROW_KEY.match(text, line_start, match.start())
        if key and role_of(key.group("key")) == "goal":
            # "limits: HR 130 | MAP 110", "| Goal | HR < 100 |": a row of targets
            for number in _ANY_NUMBER.finditer(text, match.start(), line_end):
                if scanner.free(*number.span()):
                    scanner.claim(*number.span())
    for match in words.limited.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()].rstrip()
        said = match.group("limit") or words.limit_before.search(before + " ")
        if said and scanner.free(*match.span("value")):
            scanner.claim(*match.span("value"))


def read_vital_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Readings of vital signs in rows (several names over their values) and in chains after
    one name; each reading labelled by its sign and the words of its position."""
    words = _words()
    for change in words.changes.finditer(scanner.text):
        if scanner.free(*change.span("value")):
            scanner.claim(*change.span("value"))  # "SBP drop 22": a change, not a reading
    for match in words.names.finditer(scanner.text):
        signs = _signs(words, match.group())
        if not signs:
            continue
        if len(signs) == 1:
            unit = _UNIT_BRACKET.match(scanner.text, match.end())
            _chain(scanner, facts, signs[0], unit.end() if unit else match.end())
        else:
            _row(scanner, facts, signs, match.end())


def _signs(words: _Words, written: str) -> list[VitalSign]:
    found = []
    for name in re.split(_NAME_GAP, written):
        sign = next((sign for pattern, sign in words.by_name if pattern.match(name.strip())), None)
        if sign is None:
            return []
        found.append(sign)
    return found


def _reading(
    scanner: Scanner, sign: VitalSign, pos: int, single: re.Pattern[str] = _SINGLE
) -> re.Match[str] | None:
    """The sign's reading at `pos`, when it is plausible for the sign."""
    text = scanner.text
    if sign.low_pair is not None:
        pair = _PAIR.match(text, pos)
        if pair is None:
            return None
        high, low = int(pair.group(1)), int(pair.group(2))
        plausible = sign.low <= high <= sign.high and sign.low_pair[0] <= low <= sign.low_pair[1]
        return pair if plausible and high > low else None
    found = single.match(text, pos)
    if found is None or (found.group(2) and found.group(2) != (sign.unit or "")):
        return None
    return found if sign.low <= float(found.group(1)) <= sign.high else None


def _emit(
    scanner: Scanner, facts: list[Fact], sign: VitalSign, found: re.Match[str], how: str
) -> None:
    start, end = found.start(1), found.end()
    if not scanner.free(start, found.end(found.lastindex or 1)):
        return
    value: int | float | str
    if sign.low_pair is not None:
        value = f"{found.group(1)}/{found.group(2)}"
    else:
        number = float(found.group(1))
        value = int(number) if number.is_integer() else number
    if _session_time().search(how):
        # "| HR | Pre | Post |": a column of the session's own times, before and after the
        # exercise, is this visit's reading, whatever an earlier-visit reading of "pre" says
        how = _PREVIOUS_WORD.sub(" ", how)
    label = labels.join(sign.label, " ".join(how.split()))
    if says_earlier(how) and "previous" not in label and not _session_time().search(how):
        label = f"{label} (previous)"  # "HR: (Eval) 88" under a table's earlier column
    scanner.emit(facts, "other", value, (start, end), label, unit=sign.unit)
    if _today().search(how) and facts[-1].label.endswith(" (previous)"):
        # "[copied from 2/17 - TODAY'S CHANGES IN CAPS] ... HR 70 -> TODAY 78": the reading the
        # chain says is today's is no copied value
        facts[-1] = dataclasses.replace(facts[-1], label=facts[-1].label[: -len(" (previous)")])


_PREVIOUS_WORD = re.compile(r"\bprevious\b", re.IGNORECASE)


@cache
def _session_time() -> re.Pattern[str]:
    """A word naming a time of the session itself (pre, post, rest, peak: columns.toml
    [time_pairs] session), never an earlier visit."""
    words = either(str(word) for word in time_pair_data().get("session", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _rising() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{either(vital_row_words().get('rising', ()))})\b", re.IGNORECASE)


@cache
def _today() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{either(vital_row_words().get('today', ()))})\b", re.IGNORECASE)


def _chain(scanner: Scanner, facts: list[Fact], sign: VitalSign, pos: int) -> None:
    """ "HR 82 -> 96 after gait", "HR: rest 74, peak 131": readings after one name, to the end
    of the line or the first word that is neither a link nor a qualifier. A chain whose
    qualifiers follow their readings ("HR 76 resting, 104 peak") is read so: the words before
    a comma after a reading are that reading's, never the next one's."""
    text = scanner.text
    step = _words().step
    _, line_end = scanner.line(pos)
    how_start = start = pos
    lead = _LEAD.match(text, pos, line_end)
    if lead is not None:
        if role_of(lead.group("key")) == "goal":
            return  # "HR goal_max: 120", "SpO2 target: 92%": set, not read
        pos = lead.end()  # "HR after_walk: 104": the reading's own key
    last: tuple[int, int] | None = None
    trailing = False
    while pos < line_end:
        found = _reading(scanner, sign, pos)
        if found is not None:
            written = text[how_start:pos]
            after = _after_reading(written) if last is not None else None
            if after is not None and last is not None:
                _qualify(scanner, facts, last, _how(after[0]))
                written, trailing = after[1], True
            _emit(scanner, facts, sign, found, _how(written))
            last = (found.start(1), found.end())
            pos = how_start = found.end()
            continue
        moved = step.match(text, pos, line_end)
        if moved is None or moved.end() == pos or _CELL_BAR.match(text, moved.end(), line_end):
            moved = _CELL_BAR.match(text, pos, line_end) or _REMARK.match(text, pos, line_end)
        if moved is None or moved.end() == pos:
            break
        if how_start == start and _rising().search(text, pos, moved.end()):
            return  # "HR up to 120 bpm" with no reading before it: a limit, never a peak
        pos = moved.end()
    if trailing and last is not None:
        # "..., 104 peak": the chain's last qualifier follows its reading too
        _qualify(scanner, facts, last, _how(text[how_start:pos]))


def _how(written: str) -> str:
    """The words of when and how between readings, without links and punctuation."""
    return re.sub(r"[^A-Za-z0-9 ]+|_|\b(?:to|from|at|then|in|on|rose|fell|went)\b", " ", written)


# Words straight after a reading, then a comma or a semicolon ("76 resting, 104"): the words
# are the reading's own qualifier.
# A bracket may hold them ("HR 71 (rest), 118 (peak)").
_TRAILING = re.compile(
    r"[ \t]*(?:\([ \t]*(?P<bracket>[A-Za-z0-9][A-Za-z0-9 -]{0,30}?)[ \t]*\)"
    r"|(?P<words>[A-Za-z][A-Za-z -]*?))[ \t]*[,;][ \t]*"
)


def _after_reading(written: str) -> tuple[str, str] | None:
    """The qualifier of the reading before (words, then a comma) and what is left for the next
    reading, or None when the words between are the next reading's alone."""
    match = _TRAILING.match(written)
    if match is None:
        return None
    words = match.group("words") or match.group("bracket")
    if not _how(words).strip():
        return None
    return words, written[match.end() :]


def _qualify(scanner: Scanner, facts: list[Fact], reading: tuple[int, int], how: str) -> None:
    """Add the words to the label of the fact read at `reading` (normalised offsets)."""
    words = " ".join(how.split())
    if not words:
        return
    at = scanner.span(*reading)[0]
    for index, fact in enumerate(facts):
        if fact.span[0] != at or fact.kind != "other" or words in fact.label:
            continue
        earlier = fact.label.endswith(" (previous)")
        label = fact.label[: -len(" (previous)")] if earlier else fact.label
        label = labels.join(label, words) + (" (previous)" if earlier else "")
        facts[index] = dataclasses.replace(fact, label=label)
        return


def read_paired_vitals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """ "HR 72/96 sit/stand", "SpO2 rest/after walk 97/93%": one sign's readings set apart by
    slashes with as many positions set apart by slashes right before or after them, each
    reading labelled by its position. Without the positions the slashes say nothing sure ("HR
    90/130" may be a reading and a limit), so the numbers are left out rather than the first
    read as the reading; a score over its scale's top ("RPE 13/20", "6/10") is left to its
    readers."""
    words = _words()
    text = scanner.text
    for match in words.names.finditer(text):
        signs = _signs(words, match.group())
        if len(signs) != 1 or signs[0].low_pair is not None:
            continue  # "BP 120/80" is one reading; "HR / BP" a row of signs
        sign = signs[0]
        _, line_end = scanner.line(match.end())
        gap = _UNIT_BRACKET.match(text, match.end()) or _KEY_GAP.match(text, match.end())
        start = gap.end() if gap else match.end()
        before = words.positions.match(text, start, line_end)
        at = _KEY_GAP.match(text, before.end(), line_end) if before else None
        values = _SLASHED.match(text, at.end() if at else start, line_end)
        if values is None:
            continue
        spans = [number.span() for number in _NUMBERS.finditer(text, *values.span("values"))]
        numbers = [float(text[left:right]) for left, right in spans]
        if numbers[-1] in (*_SCALE_TOPS, sign.high) or not all(scanner.free(*s) for s in spans):
            continue  # "RPE 13/20", "RPE 6/10": a rating over its scale's top
        gap = _KEY_GAP.match(text, values.end(), line_end)
        after = words.positions.match(text, gap.end() if gap else values.end(), line_end)
        named = before or after
        items = [item.strip() for item in named.group().split("/")] if named else []
        plausible = all(sign.low <= number <= sign.high for number in numbers)
        unit = values.group("unit")
        if len(items) != len(numbers) or not plausible or (unit and unit != (sign.unit or "")):
            for span in spans:
                scanner.claim(*span)
            continue
        for (left, right), item, number in zip(spans, items, numbers, strict=True):
            read = int(number) if number.is_integer() else number
            label = labels.join(sign.label, item)
            scanner.emit(facts, "other", read, (left, right), label, unit=sign.unit)


def _row(scanner: Scanner, facts: list[Fact], signs: list[VitalSign], pos: int) -> None:
    """Several names over their values: on the same line ("HR / BP (supine)  96 / 118/70") or
    on the lines under a header of names, one row of readings a line ("pre  128/76  72")."""
    text = scanner.text
    head = _HEAD_REST.match(text, pos)
    after = head.end() if head else pos
    _, line_end = scanner.line(pos)
    how = " ".join(head.group(group) or "" for group in ("paren", "qual")) if head else ""
    end = _values(scanner, facts, signs, after, how)
    worded = _NEXT_GROUP.match(text, pos, line_end) if end is None else None
    if worded is not None:  # "HR/SpO2 pre 84/97%": the readings after a word of their own
        end = _values(scanner, facts, signs, worded.end(), worded.group("qual"))
    while end is not None:
        # "HR/SpO2 pre 84/97%, post 112/93%": each group of readings after its own words
        more = _NEXT_GROUP.match(text, end, line_end)
        end = _values(scanner, facts, signs, more.end(), more.group("qual")) if more else None
        if end is None:
            return
    if text[after:line_end].strip():
        if not _OTHER_HEADINGS.fullmatch(text, pos, line_end):
            return
        how = ""  # "HR  BP  SpO2  RPE  METs": the signs' columns come first, others follow
    start = line_end + 1
    while start < len(text):
        _, end = scanner.line(start)
        row = _TAB_ROW_LABEL.match(text, start, end) or _ROW_LABEL.match(text, start, end)
        label = (row.group("label") or "") if row else ""
        if row is None or _values(scanner, facts, signs, row.end(), label) is None:
            return
        start = end + 1


def _values(
    scanner: Scanner, facts: list[Fact], signs: list[VitalSign], pos: int, how: str
) -> int | None:
    """One reading for each sign in order from `pos`, all or nothing; where they end. After
    the first, a reading may follow a bare slash ("84/97%" under "HR/SpO2")."""
    text = scanner.text
    found: list[re.Match[str]] = []
    for index, sign in enumerate(signs):
        if index:
            gap = _VALUE_GAP.match(text, pos)
            pos = gap.end() if gap else pos
        reading = _reading(scanner, sign, pos, _NEXT_CELL if index else _FIRST_CELL)
        if reading is None:
            return None
        found.append(reading)
        pos = reading.end()
    for sign, reading in zip(signs, found, strict=True):
        _emit(scanner, facts, sign, reading, how)
    return pos
