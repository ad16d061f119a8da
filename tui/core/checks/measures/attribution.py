"""What a value is of: its side, joint, motion, muscle, mode and whether it is an earlier value.

One model for every kind of value, so a side or a "previous" is read the same way for a range
of motion, a muscle grade, a grip or an outcome score:

- the nearest word of each sort before the value, within its sentence, names it ("R knee flex
  120, L 115": 115 is the left knee's flexion);
- a bracket that holds a value is that value's own scope: nothing in it names anything outside
  ("R ankle DF 8° (L 0-18°), PF 40°": PF 40° is the right ankle's), while a bracket with no value
  is a label like any other ("Motion (L shoulder) | Flexion | 110°");
- a side written straight after a value belongs to that value alone ("hip abd 4-/5 R, 4/5 L");
- a pair of sides ("R/L") names no single side (the aligned-list reader pairs them with values);
- a limb position names nothing ("ankle DF 12° knee straight": the ankle's, not the knee's);
- a value is an earlier measurement when a word right before it says so ("was 26 mm", "from
  55"), when an arrow leads from it to a later value ("LEFS 24/80 -> 63/80", "12-84° → 0-121°"),
  when it sits in a bracket opened by one, by a date or by "was" ("(IE 6/10 and 5/10)", "(5/18:
  49/80)", "(was 5/10 and 8/10)") or closed by when its values were taken ("(R -2°, L 0° at
  eval)", "(41 at 6 months)", "(38 on 04.12.2034)", "(11/20 on discharge)"),
  after a label that says so ("Previous QuickDASH: 45.5"), with words after it that say so ("62
  at eval"), or after "vs" when the line or the label above declares the order ("Tests (today
  vs IE):").

The cue words are data (measures.toml [attribution]). Each value looks back at most one
sentence (bounded by `WINDOW`), so attribution stays linear in the note's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.layouts.carried import carried
from tui.core.checks.measures import labels, legends
from tui.core.checks.measures.dated_values import dated_earlier
from tui.core.checks.measures.side_marks import names_next, unmarked
from tui.core.checks.measures.trial_runs import run_end, run_first
from tui.core.checks.tables import attribution_words, one_joint_motions, related_names
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import DATE_LABEL, FOLLOW, MONTH_NAMES
from tui.core.checks.text.scan import WINDOW, Scanner

_OPEN = "(["
_CLOSE = ")]"
_CLAUSE_END = re.compile(r"[,;:]")
_DIGIT = re.compile(r"\d")
_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
# A value as it is written before a side that follows it: a number with its unit or grade.
_VALUE_TAIL = (
    r"\d(?:\.\d+)?[ \t]*(?:°|deg\w*|degrees?|%|lbs?|kg|cm|mm|s|sec|secs|seconds|m|ft|reps?"
    r"|/[ \t]*\d+(?:\.\d+)?|[+-](?![\d]))?[ \t]*"
)
_LINES_BACK = 6
# A slash between two values' sides ("85° R / 90° L"), not inside a pair of sides ("R/L").
_SLASH = r"/(?![ \t]*(?:R|L|rt|lt|right|left)(?![A-Za-z0-9]))"
# A bracket straight after a value annotates that value ("62 ((previous))", "65° (seated)").
_ANNOTATES = re.compile(rf"{_VALUE_TAIL}$")


@dataclass(frozen=True)
class Attribution:
    """The side, anatomy and timepoint a value is of ("" when the text does not say)."""

    side: str = ""
    joint: str = ""
    motion: str = ""
    muscle: str = ""
    mode: str = ""
    prior: bool = False

    @property
    def previous(self) -> str:
        """The label suffix for an earlier value."""
        return " (previous)" if self.prior else ""


@dataclass(frozen=True)
class _Cues:
    prior_before: re.Pattern[str]
    copula: re.Pattern[str]
    prior_after: re.Pattern[str]
    current: re.Pattern[str]
    versus: re.Pattern[str]
    declared: re.Pattern[str]
    side_after: re.Pattern[str]
    prior_label: re.Pattern[str]
    positions: re.Pattern[str]
    timepoint: re.Pattern[str]
    not_retested: re.Pattern[str]
    report: re.Pattern[str]
    then_before: re.Pattern[str]


@cache
def _cues() -> _Cues:
    words = attribution_words()
    # "1st visit 45%", "the second session: 6/10": an earlier visit named by its place
    prior = either((*words.get("prior_before", ()), _ordinal_event()))
    # "from" makes the value after it an earlier one ("from 55"), never a label ("30-second
    # chair stand from her dining chair: 8")
    label_prior = either(tuple(word for word in words.get("prior_before", ()) if word != "from"))
    current = either(words.get("current", ()))
    timepoint = either(words.get("timepoint", ()))
    versus = either(words.get("versus", ()))
    side = either(words.get("side_after", ()))
    handedness = either(words.get("handedness", ()))
    after = (*words.get("prior_after", ()), *legends.legend_words().get("earlier_after", ()))
    edge = r"(?<![\w-])"
    tail = r"(?![A-Za-z0-9])"
    flags = re.IGNORECASE
    # "since last visit", "since eval": the start of a period, not an earlier value
    since = "".join(f"(?<!{word} )" for word in words.get("period_start", ()))
    # a key's words may be joined by underscores ("ODI_prior_0812: 48 %")
    key_edge = r"(?<![A-Za-z0-9-])"
    return _Cues(
        prior_before=re.compile(rf"{edge}{since}(?:{prior}){tail}", flags),
        copula=re.compile(rf"{edge}(?:{either(words.get('copula', ()))}){tail}", flags),
        # a word saying which of the ratings it was may stand before the earlier time ("Was
        # 6/10 average at eval", "7/10 worst at IE")
        prior_after=re.compile(
            rf"[ \t]*,?[ \t]*(?:(?:{either(words.get('rating_kinds', ()))})[ \t]+)?"
            rf"(?:{either(after)}){tail}",
            flags,
        ),
        current=re.compile(rf"{edge}(?:{current}){tail}", flags),
        versus=re.compile(rf"{edge}(?:{versus})(?![A-Za-z0-9])", flags),
        # "today vs IE", "vs visit 10", "NOW VS VISIT 10": the value after "vs" is the earlier
        declared=re.compile(
            rf"{edge}(?:(?:{versus})[ \t]*(?:{prior}|(?:{timepoint})[ \t]*#?[ \t]*\d+)"
            rf"|(?:{current})[ \t]*(?:{versus})){tail}",
            flags,
        ),
        side_after=re.compile(
            rf"[ \t]*(?:(?:{handedness})[ \t]+)?"
            rf"(?:\([ \t]*({side})[ \t]*\)|(?:on the[ \t]+|to the[ \t]+)?({side}){tail}"
            rf"(?:[ \t]+side\b|(?P<limb>{_placed_limb()}))?)"
            rf"(?=[ \t]*(?:[,;.)(\]]|$|\n|and\b|vs\b|versus\b|with\b|w/|{_SLASH}))",
            flags | re.MULTILINE,
        ),
        prior_label=re.compile(rf"{key_edge}{since}(?:{label_prior}){tail}[^:;\n]{{0,30}}:", flags),
        positions=re.compile(rf"{edge}(?:{either(words.get('positions', ()))}){tail}", flags),
        timepoint=re.compile(
            rf"[(\[][ \t]*(?:(?:{timepoint})[ \t]*#?[ \t]*\d+|{_ordinal_event()})"
            r"(?:[^:\d()\[\]\n]{0,25}:|[ \t]*[-\u2013=]?[ \t]+(?=\d))",
            flags,
        ),
        not_retested=re.compile(
            rf"[ \t]*(?:{either(words.get('not_retested', ()))}){tail}(?![ \t]*:)", flags
        ),
        then_before=re.compile(
            rf"{edge}(?:{either(words.get('then_before', ()))})[ \t]*:?[ \t]*$", flags
        ),
        report=re.compile(
            rf"(?:(?:{either(legends.legend_words().get('earlier_labels', ()))})[ \t]+)?"
            rf"(?:{either(legends.legend_words().get('earlier_reports', ()))})"
            r"(?:[ \t]*#?[ \t]*\d{1,2}(?![\d/.]))?[ \t]*[:=\-\u2013]?[ \t]*",
            flags,
        ),
    )


def _ordinal_event() -> str:
    """An earlier visit named by its place in the episode ("1st visit", "the second session",
    "3rd PR"): the words of legends.toml ordinals and dated_events."""
    words = legends.legend_words()
    ordinal, events = either(words.get("ordinals", ())), either(words.get("dated_events", ()))
    return rf"(?:the[ \t]+)?(?:{ordinal})[ \t]+(?:{events})s?(?![A-Za-z0-9])"


def prior_after(text: str, pos: int) -> int | None:
    """Where the words that make the value ending at `pos` an earlier one end, if any."""
    found = _cues().prior_after.match(text, pos)
    return found.end() if found else None


def said_earlier_after(text: str, end: int) -> bool:
    """Words of an earlier time follow the value ending at `end`, past its unit, and are its
    own ("BP 150/90 last week", "HR 96 bpm at eval"), not the lead of a next value ("50°,
    previously 35°", "7/13, last month it was 10")."""
    unit = _ANY_UNIT.match(text, end)
    for position in {end, _unit_end(text, end), unit.end() if unit else end}:
        said = _cues().prior_after.match(text, position)
        if said and not _NEXT_VALUE.match(text, said.end()) and not _leads_next(said):
            return True
    return False


# A unit of any reader's after a value ("bpm", "mmHg", "L/min"): a short word, tried as well as
# no unit at all, since "150/90 last week" has none.
_ANY_UNIT = re.compile(r"[ \t]*[A-Za-z%°][A-Za-z/%]{0,5}(?![A-Za-z])")


def side_after(text: str, pos: int, *, limb: bool = True) -> str:
    """The side written straight after a value that ends at `pos` ("70° R,", "4/5 bilat",
    "85° R / 90° L", "40° (R)"). A side with the limb placed for the test ("10 s R foot
    behind") only when `limb`: an instrument's score names the limb's place in its test ("FSST
    14 s R foot forward"), not a side of the test, which has none."""
    found = _cues().side_after.match(text, pos)
    if found is None or (found.group("limb") and not limb):
        return ""
    return labels.side_name(found.group(1) or found.group(2))


def _dominance_after(text: str, pos: int) -> bool:
    """A hand's dominance follows the value ending at `pos` ("25 kg dom R")."""
    return _dominance().match(text, pos) is not None


def _side_in_clause(text: str, origin: int, start: int) -> bool:
    """A side is named in the clause before the value at `start` ("L grip 25 kg"), not only
    in an earlier clause ("Grip 22 kg non-dom L, 30 kg dom R")."""
    clause = text[origin:start]
    opening = max(clause.rfind(","), clause.rfind(";"))
    return bool(labels.parts_of(clause[opening + 1 :]).side)


@cache
def _dominance() -> re.Pattern[str]:
    words = attribution_words()
    return re.compile(
        rf"[ \t]*(?:{either(words.get('handedness', ()))})[ \t]+(?=[A-Za-z(])", re.IGNORECASE
    )


def attribute(
    scanner: Scanner,
    start: int,
    end: int,
    *,
    floor: int = 0,
    after_side: bool = True,
    skip: tuple[int, int] | None = None,
) -> Attribution:
    """The attribution of the value at [start, end) of the scanner's text.

    `floor` stops the look-back (an outcome score looks no further back than its measure's
    name); `after_side` reads a side written straight after the value; `skip` is a stretch of
    the text that names nothing for this value (the label list an aligned value was paired
    with).
    """
    text = scanner.text
    sentence = scanner.sentence_before(start)
    origin = max(sentence, floor)
    visible = unmarked(scanner, start, scanner.visible(origin, start))
    if skip is not None:
        low, high = max(skip[0] - origin, 0), max(skip[1] - origin, 0)
        visible = (
            visible[:low]
            + " " * (min(high, len(visible)) - min(low, len(visible)))
            + visible[high:]
        )
    window, open_at = _scoped(visible)
    timed = _timed_clause(window, open_at, text[origin:start])
    # "55° (L 72°; wk 6 38°)": the earlier value's clause is the bracket's value's, not the
    # other side's written before it in the bracket
    named_in = window if timed is None else f"{window[:open_at]} {window[timed:]}"
    parts = _named_after(scanner, start, end) or _parts(named_in)
    # an instrument's score (read no further back than its name, `floor`) takes no side from
    # a limb's place
    side = side_after(text, end, limb=not floor) if after_side else ""
    if after_side and not side and (run := run_end(text, end)) > end:
        # "6.5/7.0/6.0 kg R": the side after a run of trials is every trial's
        side = side_after(text, run, limb=not floor)
    whole = origin == sentence and skip is None  # the window is the sentence's, scoped already
    prior = (
        timed is not None
        or _prior(scanner, window, open_at, origin, start, end)
        or _labelled_prior(
            window
            if whole
            else _scoped(unmarked(scanner, start, scanner.visible(sentence, start)))[0]
        )
    )
    if side and _dominance_after(text, end) and _side_in_clause(text, origin, start):
        side = ""  # "L grip 25 kg dom R": the dominant hand is no side of a value sided before
    listed = _listed(scanner, start, floor=floor, skip=skip)
    if listed is not None:
        side = side or listed.side
        prior = listed.prior if listed.prior is not None else prior
    elif not prior and skip is None:
        prior = _pair_prior(scanner, max(sentence, floor), start, floor)
    if (
        listed is None
        and (not prior or not (side or parts.side))
        and (first := run_first(text, scanner.line(start), start)) is not None
    ):
        # "Previous visit grip L 12/14/13 lb", "R 28 kg (eval 20/22/21 kg)": every trial of a
        # run is as early as its first, and of its side
        opener = attribute(scanner, *first, floor=floor, after_side=False, skip=skip)
        prior = prior or opener.prior
        side = side or parts.side or opener.side
    return Attribution(
        side=side or parts.side,
        joint=parts.joint,
        motion=parts.motion,
        muscle=parts.muscle,
        mode=parts.mode,
        prior=carried(text, start) or prior,
    )


@cache
def _clause_timepoint() -> re.Pattern[str]:
    """A clause that opens with a numbered earlier time ("wk 6", "at visit 3", "POD 10")."""
    timepoint = either(attribution_words().get("timepoint", ()))
    return re.compile(
        rf"[ \t]*(?:(?:at|on|by|in)[ \t]+)?(?:{timepoint})[ \t]*#?[ \t]*\d+[ \t]*:?[ \t]*[-+~]?\Z",
        re.IGNORECASE,
    )


def _timed_clause(window: str, open_at: int, written: str) -> int | None:
    """Where the value's clause starts when it is a later clause of its bracket (after a
    semicolon or a comma, an earlier clause before it) and it names a numbered earlier time
    and then the value ("55° (L 72°; wk 6 38°)", "4/5 (R 4+/5, visit 3 4-/5)"): that value is
    the earlier one of what the bracket follows. A bracket that opens with the time is read by
    `_prior` already. `written` is the window's text as the note has it (the window blanks the
    time's words, read as a timepoint)."""
    if open_at < 0 or len(written) != len(window):
        return None
    mark = max(window.rfind(";", open_at), window.rfind(",", open_at))
    if mark <= open_at + 1 or not _DIGIT.search(written, open_at, mark):
        return None
    return mark + 1 if _clause_timepoint().match(written, mark + 1) else None


# A row written value first: bullets before the value, and after it (and its unit) a leader (a
# dotted leader reads as a colon, an ellipsis, a dash) and the name of what it measures
# ("112 deg .... L knee flexion AROM [84 deg]", "4/5 \u2026 R wrist extensors").
_ROW_OPENING = re.compile(r"[ \t]*(?:[-*\u2022>|][ \t]*)?")
_LEADER = re.compile(r"[ \t]*(?::|\.{2,}|\u2026+|-{1,2}|\u2013|\u2014)[ \t]*(?=[A-Za-z])")
# The name after the leader ends at a bracket (the row's earlier value), a clause mark or the
# line's end.
_NAME_END = re.compile(r"[(\[,;\n]")


def row_name(scanner: Scanner, start: int, end: int) -> tuple[int, int] | None:
    """Where the name of a value-first row stands, after its leader, when the value at [start,
    end) opens its line and a leader follows it and its unit ("4/5 .... L hip abduction"). A
    sentence of values each before its name is turned round before any reader
    (layouts/value_first.py)."""
    text = scanner.text
    line_start, line_end = scanner.line(start)
    if _ROW_OPENING.fullmatch(text, line_start, start) is None:
        return None
    leader = _LEADER.match(text, _unit_end(text, end), line_end)
    if leader is None:
        return None
    stop = _NAME_END.search(text, leader.end(), min(line_end, leader.end() + WINDOW))
    return leader.end(), stop.start() if stop else min(line_end, leader.end() + WINDOW)


def _named_after(scanner: Scanner, start: int, end: int) -> labels.Parts | None:
    """The side and anatomy a value-first row names after its leader: that name is the value's
    own, whatever the rows above it say."""
    name = row_name(scanner, start, end)
    if name is None:
        return None
    named = _parts(scanner.text[name[0] : name[1]])
    return named if named != labels.Parts() else None


# A side's value and a comma right before the value read, led by the other side ("at eval R 95°,
# L 130°"): the two sides of one measure, written as a pair.
_SIDE_PAIR = re.compile(
    r"(?<![A-Za-z0-9/])(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*(-?\d+(?:\.\d+)?)"
    r"(?:[ \t]*(?:°|deg\w*|%|kg|lbs?|cm|mm|s|sec|/[ \t]*\d+))?[ \t]*,[ \t]*"
    r"(?:R|L|rt|lt|right|left)[ \t]*:?[ \t]*-?$",
    re.IGNORECASE,
)


def _pair_prior(scanner: Scanner, origin: int, start: int, floor: int) -> bool:
    """The second value of a pair of sides ("at eval R 95°, L 130°") is an earlier one when the
    words before the pair make the first one so; what is written after the first value ("R 60°
    (IE 40°), L 85°", "R 120° at IE, L 170°") is that value's alone, so only a pair with
    nothing between its first value and the comma counts.

    The first value may itself close a pair ("R 95°, L 130°, R 90, L 120"): the chain of first
    values is walked back first, then attributed from its start, each value's reading
    remembered for the note (`Scanner.remembered`), so a line of a thousand pairs reads in
    linear time without a bound on the chain or a deep recursion."""
    known = scanner.remembered()
    chain: list[tuple[str, int, int, int]] = []
    at = start
    while (pair := _SIDE_PAIR.search(scanner.visible(origin, at))) is not None:
        key = ("pair prior", origin + pair.start(1), origin + pair.end(1), floor)
        chain.append(key)
        if key in known:
            break
        at = key[1]
        origin = max(scanner.sentence_before(at), floor)
    for key in reversed(chain):
        if key not in known:
            _, first_start, first_end, _ = key
            known[key] = attribute(
                scanner, first_start, first_end, floor=floor, after_side=False
            ).prior
    return bool(chain) and bool(known[chain[0]])


def _listed(
    scanner: Scanner, start: int, *, floor: int, skip: tuple[int, int] | None
) -> legends.Position | None:
    """The side and timepoint of a value that is one of a list ("17.5 kg / 26.0 kg"): what a
    legend says of its place, else, for a later value of the list, the side and earlier
    timepoint of the list's first value ("IE -10° / -6°": both earlier)."""
    line = scanner.line(start)
    member = legends.member_of(scanner.text, line, start)
    if member is None:
        return None
    place = legends.position(scanner.text, line, member)
    if member.index == 0 or not member.spaced or (place.side and place.prior is not None):
        return place
    first = attribute(scanner, *member.first, floor=floor, after_side=False, skip=skip)
    return legends.Position(
        side=place.side or first.side,
        prior=place.prior if place.prior is not None else (True if first.prior else None),
    )


def _scoped(window: str) -> tuple[str, int]:
    """The window with closed brackets that hold a value blanked, and sides written after a
    value blanked (they are that value's); plus where the innermost open bracket starts."""
    chars = list(window)
    stack: list[int] = []
    for bracket in _BRACKET.finditer(window):
        index, char = bracket.start(), bracket.group()
        if char in _OPEN:
            stack.append(index)
        elif char in _CLOSE and stack:
            opened = stack.pop()
            if _DIGIT.search(window, opened, index) or (
                _ANNOTATES.search(window, 0, opened) and not names_next(window, opened, index)
            ):
                chars[opened : index + 1] = " " * (index + 1 - opened)
    blanked = "".join(chars)
    opened = stack[-1] if stack else -1
    # "120° L (IE 100°)": a side before the bracket the value read sits in is that value's too
    consumed = [
        m.span(1) for m in _postposed().finditer(blanked) if not _opens_at(blanked, m.end(), opened)
    ]
    consumed += [
        m.span(1)
        for m in _PREFIXED.finditer(blanked)
        if not _chained_after(blanked, m.end()) and not _annotated(blanked, m.end(), opened)
    ]
    for low, high in consumed:
        blanked = blanked[:low] + " " * (high - low) + blanked[high:]
    return blanked, (stack[-1] if stack else -1)


# A side right after a value and before a separator ("4/5 R,", "20 kg on the right side and",
# "10 s R foot behind,"): it belongs to that value.
@cache
def _postposed() -> re.Pattern[str]:
    return re.compile(
        rf"{_VALUE_TAIL}(?:on the[ \t]+|to the[ \t]+)?"
        r"((?:R|L|rt|lt|right|left|bilat(?:eral(?:ly)?)?|B/L|(?-i:B))(?![A-Za-z0-9])"
        rf"(?:[ \t]+side\b|{_placed_limb()})?)"
        rf"(?=[ \t]*(?:[,;.)(\]]|\n|and\b|vs\b|versus\b|{_SLASH}))",
        re.IGNORECASE,
    )


@cache
def _placed_limb() -> str:
    """After a side straight after a value, the limb it names and where that limb was placed
    ("10 s R foot behind", "6 s L foot in front", "15 s R LE"): the test's condition, named by
    its side (legends.toml placed_limbs and placements)."""
    words = legends.legend_words()
    limbs, placements = either(words.get("placed_limbs", ())), either(words.get("placements", ()))
    return rf"[ \t]+(?:{limbs})(?:[ \t]+(?:{placements}))?(?![A-Za-z0-9])"


# A side right before another value ("; L 138 cm; LSI 84%"): it is that value's, unless the
# value being read sits in a bracket after it ("R 60° (IE 40°)": the right side's earlier value).
_PREFIXED = re.compile(
    r"(?<![A-Za-z0-9/])(R|L|rt|lt|right|left|bilat(?:eral)?)[ \t]*:?[ \t]*(?=\d)", re.IGNORECASE
)


def _opens_at(window: str, position: int, opened: int) -> bool:
    """Only spaces lie between `position` and the open bracket at `opened`."""
    return opened >= position and not window[position:opened].strip()


def _chained_after(window: str, value_start: int) -> bool:
    """The value read is an earlier value of the one a side was written before ("L 41.5 cm vs
    44.0 cm"): only chaining words lie between, so the side is its too."""
    value = _VALUE_AT.match(window, value_start)
    # "Grip R 28/30/27 kg": the trials of a run before the value read are chained to it too
    return value is not None and bool(FOLLOW.fullmatch(window, run_end(window, value.end())))


def _annotated(window: str, value_start: int, opened: int) -> bool:
    """The bracket the value read sits in annotates the value a side was written before ("R 60°
    (IE 40°)": the right side's earlier value); a value between them ("L 80° (60°); ext 55°
    (30°)") owns the bracket instead."""
    value = _VALUE_AT.match(window, value_start)
    return opened >= 0 and value is not None and value.end() == opened


_VALUE_AT = re.compile(
    r"\d+(?:\.\d+)?[ \t]*(?:°|deg\w*|degrees?|%|lbs?|kg|cm|mm|s|sec|secs|seconds|m|ft"
    r"|/[ \t]*\d+(?:\.\d+)?|[+-](?![\d]))?[ \t]*"
)


_DIGITS = frozenset({"thumb", "finger", "great toe"})
_DIGIT_JOINTS = frozenset({"MCP", "MP", "IP", "PIP", "DIP", "CMC", "MTP"})


def _parts(window: str) -> labels.Parts:
    """The nearest side, joint, motion, muscle and mode mentioned in the window; a limb
    position ("knee straight") names nothing, and a pair of sides ("R/L") names no side."""
    window = _cues().positions.sub(lambda m: " " * len(m.group()), window)
    window = _POSITION_BRACKET.sub(lambda m: _as_position(window, m), window)
    last: dict[str, tuple[int, str]] = {}
    for position, part, name in labels.mentions(window):
        digit = last.get("joint")
        if part == "joint" and name in _DIGIT_JOINTS and digit and digit[1] in _DIGITS:
            between = window[digit[0] : position].lower().replace(digit[1], "", 1)
            if not between.strip(" \t-"):
                name = f"{digit[1]} {name}"  # "thumb IP", "finger PIP": the digit's joint
        last[part] = (position, name)
    side = last.get("side")
    if side is not None and _pair_at(window, side[0]):
        last.pop("side")
    elif side is not None and labels.limb_at(window, side[0]):
        # "hip flex 4/5, knee ext 4+/5; LLE 5/5": the limb after them is the whole limb's value
        for part in ("joint", "motion", "muscle"):
            if part in last and last[part][0] < side[0]:
                last.pop(part)
    _drop_other_naming(window, last)
    return labels.Parts(**{part: name for part, (_, name) in last.items()})


# A closed bracket with no value in it: a label of its own ("Motion (L shoulder)"), or the
# position of another joint during the test ("ankle DF (knee ext)").
_POSITION_BRACKET = re.compile(r"[(\[][^()\[\]\d\n]{1,40}[)\]]")


def _as_position(window: str, bracket: re.Match[str]) -> str:
    """The bracket blanked when it names a joint other than the one the words before it (since
    the last value) name with a motion, or that a motion of one joint names ("DF AROM (knee
    ext) 4°" is the ankle's): "R ankle DF (knee ext) 12°", "wrist ext (elbow flexed)
    60°", "shoulder ER (elbow at side) 45°" hold the other joint still, the value is the first
    joint's. A bracket that names the only joint ("Flexion (knee) 110", "ROM (L knee):") or a
    part of the named one ("MCP flex (index finger)") labels the value."""
    values = [m.end() for m in _DIGIT.finditer(window, 0, bracket.start())]
    before = labels.mentions(window[values[-1] if values else 0 : bracket.start()])
    named = {name.lower() for _, part, name in before if part == "joint"}
    # a motion of one joint names that joint ("DF AROM (knee ext)" is the ankle's dorsiflexion)
    named |= {
        one_joint_motions().get(name, "").lower() for _, part, name in before if part == "motion"
    } - {""}
    if not named or not any(part == "motion" for _, part, _ in before):
        return bracket.group()
    inside = {name.lower() for _, part, name in labels.mentions(bracket.group()) if part == "joint"}
    related = related_names().get("joint", {})
    if (
        not inside
        or inside & named
        or any(
            joint in related.get(other, frozenset()) or other in related.get(joint, frozenset())
            for joint in inside
            for other in named
        )
    ):
        return bracket.group()
    return " " * len(bracket.group())


def _drop_other_naming(window: str, last: dict[str, tuple[int, str]]) -> None:
    """A test is named by its muscle or by its joint and motion. When the value's own item
    (after the last value in the window) names it one way, the other way, named before that
    value, belonged to the earlier item ("R quads 4-/5, R hip abd 4/5" is hip abduction, not
    quadriceps hip abduction)."""
    values = [m.end() for m in _DIGIT.finditer(window)]
    if not values:
        return
    boundary = values[-1]
    own = {part for part, (position, _) in last.items() if position >= boundary}
    stale: tuple[str, ...]
    if not own & {"muscle", "joint", "motion"} and _named_unknown(window, boundary):
        stale = ("muscle", "joint", "motion")  # "biceps 5/5, ECRL 4/5": ECRL is not biceps
    elif "muscle" in own:
        stale = ("joint", "motion")
    elif own & {"joint", "motion"}:
        stale = ("muscle",)
        joint = one_joint_motions().get(last["motion"][1]) if "motion" in own else None
        if joint and "joint" not in own and last.get("joint", (0, joint))[1] != joint:
            stale = ("muscle", "joint")  # "knee ext 2/5, DF 0/5": dorsiflexion is the ankle's
    else:
        return
    for part in stale:
        if part in last and last[part][0] < boundary:
            last.pop(part)


# A name in capitals right before the value ("ECRL 4/5", "EPL: 3/5"): an item of its own, even
# when the checks do not know the name.
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,5})[ \t]*[:=]?[ \t]*$")


def _named_unknown(window: str, boundary: int) -> bool:
    """The value's own item, after the last value in the window, is named by a capitalised
    word that is neither an anatomy word, a side, a mode nor a timepoint word."""
    found = _ACRONYM_BEFORE.search(window, boundary)
    if found is None:
        return False
    word = found.group(1)
    cues = _cues()
    return not (
        labels.mentions(word)
        or labels.is_noise(word)
        or any(
            cue.fullmatch(word)
            for cue in (cues.prior_before, cues.current, cues.copula, cues.versus)
        )
    )


_PAIR = re.compile(r"\b(?:R|L|rt|lt|right|left)\s*/\s*(?:R|L|rt|lt|right|left)\b", re.IGNORECASE)


# After words of an earlier time, the value they introduce: "last month it was 10".
_NEXT_VALUE = re.compile(
    r"[ \t]+(?:(?:it|that|he|she|they)[ \t]+)?(?:was|were|had been)[ \t]+(?:a[ \t]+)?\d",
    re.IGNORECASE,
)

# After a comma and words of an earlier time, a value straight after them: "ER now 50°,
# previously 35°" (the words lead the 35, not the 50).
_VALUE_NEXT = re.compile(r"[ \t]*:?[ \t]*[-~]?\d")


# After earlier-time words set off by a comma, the end of their clause: then they date the value
# before the comma ("BP 150/90, last week.").
_CLAUSE_CLOSES = re.compile(
    r"[ \t]*(?:[.;,)\]]|$|\n|(?:and|but|comma|period|semicolon)(?![A-Za-z]))",
    re.IGNORECASE | re.MULTILINE,
)


def _leads_next(said: re.Match[str]) -> bool:
    """The earlier-time words after a value and a comma open a clause of their own: with its
    own value ("ER now 50°, previously 35°") or with words of its own ("TUG 11.2 s, last time
    with the cane": what was used then, not when the 11.2 s was taken)."""
    if _cues().not_retested.match(said.group().lstrip(" \t,")):
        return False  # "Berg 47/56, not retested since the eval": said of the value itself
    return "," in said.group() and (
        bool(_VALUE_NEXT.match(said.string, said.end()))
        or not _CLAUSE_CLOSES.match(said.string, said.end())
    )


def _pair_at(window: str, position: int) -> bool:
    start = max(0, position - 6)
    return any(m.start() <= position < m.end() for m in _PAIR.finditer(window, start, position + 8))


def _prior(scanner: Scanner, window: str, open_at: int, origin: int, start: int, end: int) -> bool:
    """True when the value is an earlier measurement (see the module's rules)."""
    cues = _cues()
    said = cues.prior_after.match(scanner.text, end)
    if said and not _NEXT_VALUE.match(scanner.text, said.end()) and not _leads_next(said):
        return True  # "7/13, last month it was 10": the words are the 10's, not the 7's
    if arrow_after(scanner, end):
        return True
    if dated_earlier(scanner.text, end):
        return True  # "TUG 13.9 s in January", "ODI 46% on 3/5": measured on another day
    if _not_retested_after(scanner, end):
        return True
    if _numbered_visit_after(scanner, start, end) or _bracketed_earlier_after(scanner, end):
        return True  # "NDI 18% today; 34% week 1", "44/56 (at visit 6)", "110° (from last visit)"
    if (open_at >= 0 or _opened_before(scanner, start)) and _DATED_CLOSE.match(
        scanner.text, _unit_end(scanner.text, end)
    ):
        return True  # "7/13 (9/13 on 14/02)": a value dated in its own bracket is an earlier one
    if (
        open_at >= 0
        and _DISCHARGE_CLOSE.match(scanner.text, _unit_end(scanner.text, end))
        and not window[open_at + 1 :].strip()
        and _after_value(scanner, origin + open_at)
    ):
        return True  # "Barthel 14/20 (11/20 on discharge)": today's, then the one at discharge
    if open_at >= 0 and _closed_as_earlier(scanner, end):
        return True  # "(R -2°, L 0° at eval)": the words closing the bracket date all its values
    lead_start = max(open_at + 1, 0)
    for match in _CLAUSE_END.finditer(window, lead_start):
        lead_start = match.end()
    clause_start = lead_start
    digits = [m.end() for m in _DIGIT.finditer(window, lead_start)]
    lead_start = max([lead_start, *digits])
    if digits:  # "was 95 at the eval and it's 140": "at the eval" is the 95's
        said = cues.prior_after.match(window, _unit_end(window, lead_start))
        lead_start = said.end() if said else lead_start
    lead = window[lead_start:]
    if cues.current.search(lead):
        return False
    if any(
        not _leads_a_place(lead, found) for found in _said_before(lead, scanner.text[start:end])
    ):
        return True
    copula = cues.copula.search(lead)
    if (
        lead_start > 0
        and copula
        and (
            _opens_comparison(lead[: copula.start()])
            if lead_start == clause_start
            else _only_value_words(lead[: copula.start()])
        )
    ):
        return True
    if (copula or cues.then_before.search(lead)) and _LATER_AFTER.match(
        scanner.text, _unit_end(scanner.text, end)
    ):
        return True  # "TUG was 18.2 s, is 11.6 s", "Berg then 44, now 51": the earlier value
    if open_at >= 0 and (
        _opens_prior(window, open_at, scanner.text[start:end])
        or cues.timepoint.match(scanner.text, origin + open_at)
        or DATE_LABEL.match(scanner.text, origin + open_at + 1)
        or _MONTH_LABEL.match(scanner.text, origin + open_at + 1)
        or _legend_says_prior(scanner, start, window[open_at])
        or (_bare_after_value(window, open_at) and _declares_versus(scanner, origin, start))
    ):
        return True
    return (
        bool(cues.versus.search(lead))
        and _declares_versus(scanner, origin, start)
        and not _sides_versus(scanner, start)
    )


_WORD = re.compile(r"[A-Za-z]+")


def _leads_a_place(lead: str, found: re.Match[str]) -> bool:
    """ "from" leads to where the patient moved from, not to an earlier value, when a word
    other than a filler of an amount stands between it and the value ("stood up from the floor
    in 6 s", "transferred from wheelchair to mat in 15 s"; but "from 6/10", "from a high of
    19.4 s"). The fillers are data (legends.toml from_fillers)."""
    if found.group().lower() != "from":
        return False
    fillers = legends.from_fillers()
    return any(word.group().lower() not in fillers for word in _WORD.finditer(lead, found.end()))


# Two sides set against each other before a pair of values ("Grip R vs L: 24 kg vs 19 kg"):
# the pair is the two sides of today, whatever order a heading above declares for times.
_SIDES_VERSUS = re.compile(
    r"(?<![A-Za-z0-9])(?:R|L|rt|lt|right|left)[ \t]*(?:vs\.?|versus|/|\|)[ \t]*"
    r"(?:R|L|rt|lt|right|left)(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _sides_versus(scanner: Scanner, start: int) -> bool:
    """The value's line sets two sides against each other before it."""
    return _on_line_before(scanner, _SIDES_VERSUS, start, WINDOW)


def _on_line_before(scanner: Scanner, pattern: re.Pattern[str], position: int, reach: int) -> bool:
    """The pattern is found on the line of `position`, before it and at most `reach` back."""
    line_start, _ = scanner.line(position)
    return bool(pattern.search(scanner.text, max(line_start, position - reach), position))


# After a value in a bracket, the day it was taken and the bracket's end ("on 14/02)", "- 3/2)",
# "on 04.12.2034)", "on POD 1)", "at visit 8)", "at 6 months)": the months since an operation;
# "at the 12-week re-eval)", "at 1st PR)": an earlier visit named by when it fell; "with RW two
# weeks prior)").
_DATED_CLOSE = re.compile(
    r"[ \t]*(?:(?:on|from|at|@|-|,)?[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|\d{1,2}([.-])\d{1,2}\1\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:POD|post-?op[ \t]+day|day|wk|week|visit|session)[ \t]*#?[ \t]*\d{1,3})"
    r"|(?:at|@)[ \t]*\d{1,3}[ \t]*(?:days?|months?|mos?|weeks?|wks?)(?:[ \t]+post-?op\w*)?"
    r"|(?:at|@)[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?\d{1,2}[ \t-]?(?:months?|mos?|weeks?|wks?)"
    r"[ \t]+(?:re-?eval\w*|eval\w*|visit|check\w*|assessment|progress[ \t]+report|PR)"
    r"|(?:(?:at|on|@)[ \t]+)?(?:the[ \t]+|her[ \t]+|his[ \t]+)?"
    r"(?:1st|2nd|3rd|\d{1,2}th|first|second|third)[ \t]+"
    r"(?:re-?eval\w*|eval\w*|visit|session|assessment|progress[ \t]+report|PR)"
    r"|(?:(?:with|w/|using|on)[ \t]*[A-Za-z][\w-]{0,11}[ \t]+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|a)[ \t]+(?:days?|weeks?|wks?|months?|mos?)[ \t]+"
    r"(?:ago|prior|before|earlier))"
    r"[ \t]*[)\]]",
    re.IGNORECASE,
)


def _after_value(scanner: Scanner, bracket: int) -> bool:
    """A value (as written, even where a reader blocked it) stands right before the bracket."""
    return _on_line_before(scanner, _ANNOTATES, bracket, _BRACKET_REACH)


def _opened_before(scanner: Scanner, start: int) -> bool:
    """A bracket opened before `start` on its line is still open ("(DGI 14/24 at 1st PR)",
    where the reader looked back no further than the name in the bracket)."""
    line_start, _ = scanner.line(start)
    before = scanner.text[max(line_start, start - _BRACKET_REACH) : start]
    return before.count("(") + before.count("[") > before.count(")") + before.count("]")


# How far back an open bracket is looked for, so a note of one long line is read in linear time.
_BRACKET_REACH = 80


# A bracket that holds a second value of the same measure and closes with the day of a
# discharge ("14/20 (11/20 on discharge)"): the discharge was an earlier day than today's visit.
_DISCHARGE_CLOSE = re.compile(
    r"[ \t]*(?:(?:with|w/|using)[ \t]*[A-Za-z][\w-]{0,11}[ \t]+)?"
    r"(?:on|at|@)[ \t]+(?:(?:hospital|ward|acute)[ \t]+)?(?:discharge|d/c)[ \t]*[)\]]",
    re.IGNORECASE,
)


# The last value of a bracket, the words after it and the bracket's end.
_LAST_IN_BRACKET = re.compile(r"[^()\[\]\n]*\d(?:\.\d+)?")


def _closed_as_earlier(scanner: Scanner, end: int) -> bool:
    """The bracket the value ending at `end` sits in closes, after its last value, with words
    that make that value an earlier one ("(R -2°, L 0° at eval)", "(4 and 6 at 6 months)"):
    they date every value of the bracket."""
    text = scanner.text
    _, line_end = scanner.line(end)
    last = _LAST_IN_BRACKET.match(text, end, line_end)
    if last is None:
        return False
    tail = _unit_end(text, last.end())
    said = _cues().prior_after.match(text, tail, line_end)
    if said is not None and _BRACKET_END.match(text, said.end(), line_end):
        return True
    return bool(_DATED_CLOSE.match(text, tail, line_end))


_BRACKET_END = re.compile(r"[ \t]*[)\]]")


# A word that can stand between a value and "was" without naming something of its own: a unit
# or a side ("32 mm, was 26 mm", "R 60° L was 45°").
_VALUE_WORD = re.compile(
    r"(?:°|deg\w*|degrees?|%|lbs?|kg|cm|mm|s|sec|secs|seconds|m|ft|and|but|[RL]|rt|lt|right|left)"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[A-Za-z]+")


# The most words a clause may say before its "was" and still compare with the value before
# ("3/10 today, was 6/10", "three today, it was up to a five", "and that was 8").
_COMPARING_WORDS = 2


def _opens_comparison(before: str) -> bool:
    """A "was" near the start of a clause after a comma compares with the value before; a
    clause that names what was measured before its "was" only tells the story in the past
    tense ("..., and when I measured her knee flexion it was 102 degrees"), as a dictation run
    on through commas does."""
    return len(_LETTERS.findall(before)) <= _COMPARING_WORDS


def _only_value_words(between: str) -> bool:
    """Nothing but units, sides and this-visit words between the value before (in the same
    clause) and a "was": "3/10 today was 6/10" compares two values, while "over a 10 m walkway
    was 0.42 m/s" is the tense of the sentence that names the only value. After a comma or a
    bracket ("three today, it was up to a five") the "was" compares again."""
    plain = _cues().current.sub(" ", between)
    return all(_VALUE_WORD.fullmatch(word.group()) for word in _LETTERS.finditer(plain))


# After a value said with "was", the same measure said again with "is" or "now" and its value.
_LATER_AFTER = re.compile(
    r"[ \t]*[,;][ \t]*(?:and[ \t]+|but[ \t]+)?(?:(?:it|she|he|that)(?:'s|[ \t]+is)|is|now)"
    r"[ \t]+(?:(?:at|about|around|a|an|up to|down to|only)[ \t]+)*-?\d",
    re.IGNORECASE,
)
# The unit after a value, before the words that may say when it was measured.
_UNIT_TAIL = re.compile(
    r"[ \t]*(?:(?:°|deg\w*|%|lbs?|kg|cm|mm|s|sec|secs|seconds|m|ft|reps?|/[ \t]*\d+)(?![A-Za-z]))?"
)


def _unit_end(text: str, end: int) -> int:
    """Where the unit written after a value ending at `end` stops."""
    unit = _UNIT_TAIL.match(text, end)
    return unit.end() if unit else end


# After a value (and the rest of its range and unit), an arrow to the next value: "from -> to".
# Typographic arrows are commas in the normalised text ("arrows read as then"), so those are
# recognised in the original text at the same place.
_ARROW_AFTER = re.compile(
    r"(?:[ \t]*-[ \t]*\d+(?:\.\d+)?)?[ \t]*(?:°|[A-Za-z%]{1,4}\b\.?)?[ \t]*"
    r"(?:\([^()\n]{0,30}\)[ \t]*)?"
    # the aid the value was taken with ("TUG 21.6 s w/ quad cane -> 14.8 s"), or where or when
    # ("dizziness 6/10 in bed -> now 2/10")
    r"(?:(?:w/|with|using|in|at|during|on)[ \t]*[A-Za-z][\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){0,2}"
    r"[ \t]*)?"
    r"(?:(-{1,2}>|=>)|(,))"
    r"(?=[ \t]*(?:(?:now|today|currently)[ \t:]*)?(?:[~≈]?[ \t]*-?\d|(?:none|nil|full|WNL|WFL)\b))"
)
_ARROWS = frozenset("\u2192\u21d2\u2794\u27f6")


def arrow_after(scanner: Scanner, end: int) -> bool:
    """An arrow leads from the value ending at `end` to a later one: the value is earlier."""
    found = _ARROW_AFTER.match(scanner.text, end)
    if found is None:
        return False
    if found.group(1):
        return True
    at = scanner.norm.span(found.start(2), found.end(2))[0]
    return scanner.norm.original[at : at + 1] in _ARROWS


# After a value and its unit, the numbered visit or week it was taken at, closing its clause
# ("34% week 1;", "45° at visit 4,"): not "week 2 post-op", which says how long since surgery.
_NUMBERED_VISIT = re.compile(
    r"[ \t]*(?:(at|@)[ \t]+|(?:in|on)[ \t]+)?(?:wk|week|visit|session|tx)[ \t]*#?[ \t]*\d{1,2}"
    r"(?=[ \t]*(?:[;,.)\]]|$))",
    re.IGNORECASE | re.MULTILINE,
)


_OPENS = re.compile(r"[ \t]*[(\[][ \t]*")
_AT_VISIT = re.compile(
    r"(?:at|in|on|@)[ \t]+(?:wk|week|visit|session|tx)[ \t]*#?[ \t]*\d{1,2}[ \t]*[)\]]",
    re.IGNORECASE,
)


def _bracketed_earlier_after(scanner: Scanner, end: int) -> bool:
    """A bracket straight after the value holds nothing but when it was taken, an earlier time
    ("110° (from last visit)", "44/56 (at visit 6)", "8/10 (at onset)")."""
    text = scanner.text
    opened = _OPENS.match(text, _unit_end(text, end))
    if opened is None:
        return False
    if _AT_VISIT.match(text, opened.end()):
        return True
    said = _cues().prior_after.match(text, opened.end())
    return said is not None and _BRACKET_END.match(text, said.end()) is not None


def _numbered_visit_after(scanner: Scanner, start: int, end: int) -> bool:
    """A numbered visit or week follows the value, and its sentence holds another value before
    it (the pair compares today's value with that visit's); a value standing alone with a week
    after it ("ROM 95° week 6.") may be today's week of the episode."""
    visit = _NUMBERED_VISIT.match(scanner.text, _unit_end(scanner.text, end))
    if visit is None:
        return False
    if visit.group(1):
        return True  # "20 kg at wk 1,": the preposition dates the value
    return bool(_DIGIT.search(scanner.visible(scanner.sentence_before(start), start)))


def _not_retested_after(scanner: Scanner, end: int) -> bool:
    """The sentence after the value's, on its line, says it was not measured again today."""
    _, sentence_end = scanner.sentence(end)
    _, line_end = scanner.line(end)
    if sentence_end >= line_end:
        return False
    return bool(_cues().not_retested.match(scanner.text, sentence_end))


def _labelled_prior(window: str) -> bool:
    """After a label that says the values are earlier ones ("IE: 90", "Previous QuickDASH:"),
    unless a word since says they are this visit's."""
    cues = _cues()
    labels_found = list(cues.prior_label.finditer(window))
    if not labels_found:
        return False
    last = labels_found[-1]
    if _legends(window, last.start(), last.end()):
        return False  # "Initial values in brackets:" says which values are earlier, not all
    # "Measures today vs initial:" declares an order for "X vs Y" pairs, not earlier values
    declared = cues.declared.search(window, max(0, last.start() - _DECLARED_REACH), last.end())
    # "Initial -> discharge:", "IE / now:": a label naming both times orders the values after
    # it (an arrow or a list says which is which); it does not make them all earlier
    return not declared and not cues.current.search(window, last.start())


_DECLARED_REACH = 12


def _bare_after_value(window: str, open_at: int) -> bool:
    """The value stands alone in a bracket right after another value ("75° (45°)"): under a
    line that says "today vs initial", the bracketed one is the earlier value."""
    return not window[open_at + 1 :].strip() and bool(_ANNOTATES.search(window, 0, open_at))


# A bracket opened by a month, with or without its day, and a colon ("(Oct: 48.9)", "[Sept 3:
# 41]"): the value in it was measured then.
_MONTH_LABEL = re.compile(
    rf"[ \t]*(?:{'|'.join(MONTH_NAMES)})[a-z]*\.?(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)?[ \t]*:",
    re.IGNORECASE,
)


_BRACKET_HEAD = re.compile(r"[(\[]\s*([^\d,;]{0,30})")


def _opens_prior(window: str, open_at: int, value: str) -> bool:
    """A bracket opened by an earlier-measurement word ("(IE 6/10 and 5/10)"), or by "was"
    and a value ("3/10 after pointe (was 5/10 and 8/10)": every value in it is an earlier
    one; "(was able to walk 100 ft)" says what was done, not when); or, right after a value,
    by the name of an earlier report ("17/28 (PR 19/28)", "44/56 (PN: 41/56)", "320 m
    (re-eval 290 m)"): a second value of the same measure, from the visit that report was."""
    head = _BRACKET_HEAD.match(window, open_at)
    if head is None:
        return False
    cues = _cues()
    if any(True for _ in _said_before(head.group(1), value)):
        return True
    if cues.report.fullmatch(head.group(1)) and _ANNOTATES.search(window, 0, open_at):
        return True
    # a side opening the bracket's values is no word of its own ("(was R 40° L 30°)")
    return bool(cues.copula.fullmatch(labels.without_sides(head.group(1)).strip()))


def _said_before(lead: str, value: str) -> list[re.Match[str]]:
    """The earlier-measurement words of the words before a value, read with the value after
    them, so a word that is one only before a number ("PR 19/28", not "PR stretch") is seen."""
    probe = lead if lead[-1:].isalnum() else lead + value
    return [found for found in _cues().prior_before.finditer(probe) if found.start() < len(lead)]


_LEGEND = re.compile(
    r"\b(?:(?:values?|scores?|measures?)\s+)?(?:at\s+)?(\w+(?:\s+\w+){0,2})\s+(?:values?\s+|scores?\s+)?"
    r"(?:are\s+|is\s+|shown\s+|given\s+)?in\s+(?:square\s+)?(brackets|parenthes[ei]s|parens)\b",
    re.IGNORECASE,
)
# The same legend said the other way round: "(numbers in parentheses are from eval)".
_LEGEND_AFTER = re.compile(
    r"\bin\s+(?:square\s+)?(brackets|parenthes[ei]s|parens)\s+(?:are|=|:|-)?\s*"
    r"(?:(?:from|at|the)\s+)*(\w+(?:\s+\w+)?)",
    re.IGNORECASE,
)


def _legends(text: str, start: int, stop: int) -> list[tuple[str, str]]:
    """Each legend between `start` and `stop` as (what it names, the kind of bracket)."""
    found = [(m.group(1), m.group(2)) for m in _LEGEND.finditer(text, start, stop)]
    found += [(m.group(2), m.group(1)) for m in _LEGEND_AFTER.finditer(text, start, stop)]
    return found


def _legend_says_prior(scanner: Scanner, start: int, bracket: str) -> bool:
    """A legend on the value's line or a line above ("Status at d/c (initial in brackets):")
    says the values in this kind of bracket are earlier ones."""
    text = scanner.text
    floor = max(0, start - _LEGEND_REACH)
    line_start, _ = scanner.line(start)
    position, stop = max(line_start, floor), start
    for _ in range(_LINES_BACK + 1):
        for named, kind in _legends(text, position, stop):
            square = kind.lower() == "brackets"
            if (bracket == "[") == square and _cues().prior_before.search(named):
                return True
        if position <= floor:
            return False
        line_start, stop = scanner.line(position - 1)
        position = max(line_start, floor)
    return False


# How far back a legend is looked for, so a long note is still read in linear time.
_LEGEND_REACH = 1200


def _declares_versus(scanner: Scanner, origin: int, start: int) -> bool:
    """The value's line, or a label line above it, says "vs IE" (the later value is earlier)."""
    text = scanner.text
    line_start, _ = scanner.line(start)
    if _cues().declared.search(text, line_start, start):
        return True
    position = line_start
    for _ in range(_LINES_BACK):
        if position <= 0:
            return False
        previous_start, previous_end = scanner.line(position - 1)
        line = text[previous_start:previous_end]
        if _cues().declared.search(line):
            return True
        if line.rstrip().endswith(":") or not line.strip():
            return False
        position = previous_start
    return False
