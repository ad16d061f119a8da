"""Range of motion: single values, ranges ("5-102 deg" is flexion 102 lacking 5 of extension),
deficits ("lacks 10", "ext -3"), earlier values in brackets, and spelled-out degrees.

A number is read as ROM only when a degree sign follows it, a motion or joint word names it in
its clause, or it follows another ROM value of the same sentence ("(was 8-95 last wk)");
exercise set-ups ("scaption to 90 w/ 1#") and thresholds ("elevation >90") are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks import labels
from tui.core.checks.facts import Fact
from tui.core.checks.labels import prior_suffix
from tui.core.checks.lexicon import CHAIN_PRIOR, DEGREES, FOLLOW, PRIOR_AFTER, words
from tui.core.checks.numbers import to_number
from tui.core.checks.scan import WINDOW, Scanner

_BAD_AFTER = re.compile(
    r"\s*(?:/|%|percent\b|x\b|reps?\b|sets?\b|min\b|mins\b|minutes?\b|s\b|sec\b|secs\b|seconds?\b"
    r"|lbs?\b|#|kg\b|cm\b|mm\b|ft\b|feet\b|m\b|meters?\b|in\b|inch|times\b|days?\b|wks?\b|weeks?\b"
    r"|visits?\b|points?\b|pts?\b|units?\b|hours?\b|hrs?\b|y/o|yo\b|steps?\b|words?\b|letters?\b)",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"(\d{{1,3}}(?:\.\d+)?)\s*(?:-|to|through|thru)\s*(\d{{1,3}}(?:\.\d+)?)(?!\.?\d)(\s*{DEGREES})?",
    re.IGNORECASE,
)
# A range starts at 0 or at an extension deficit; "95 to 105" is two measurements, not a range.
_MAX_RANGE_START = 30
_SINGLE = re.compile(rf"(\d{{1,3}}(?:\.\d+)?)(?!\.?\d)(\s*{DEGREES})?")
_LACKS = re.compile(r"\b(?:lacks?|lacking|lag|lagging|short)\b", re.IGNORECASE)
_NOT_ROM = re.compile(
    r"\b(?:incline|decline|slant|board|wedge|tilt|ramp|treadmill|angle|elevation|scaption)\b",
    re.IGNORECASE,
)


# "60° right and 70° left": a side written right after a value is that value's side.
_SIDE_AFTER = re.compile(
    rf"(?:\s*{DEGREES})?\s*(?:on the\s+|to the\s+)?(right|left|R|L|rt|lt)\b"
    r"(?!\s*(?:knee|hip|ankle|shoulder|elbow|wrist|sh\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Rom:
    end: int
    motion: str
    prior: bool = False


def read_rom(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every free number that reads as range of motion, sentence by sentence."""
    previous: _Rom | None = None
    sentence = (-1, -1)
    for token in scanner.tokens():
        if not scanner.free(token.start(), token.end()):
            continue
        if scanner.sentence(token.start()) != sentence:
            sentence = scanner.sentence(token.start())
            previous = None
        found = _rom_at(scanner, facts, token.start(), previous)
        if found is not None:
            previous = found


def _rom_at(scanner: Scanner, facts: list[Fact], pos: int, previous: _Rom | None) -> _Rom | None:
    """Read a ROM value (or range) starting at `pos`, emitting facts; None when it is not."""
    text = scanner.text
    ranged = _range_at(scanner, pos)
    match = ranged or _SINGLE.match(text, pos)
    if match is None:
        return None
    has_unit = bool(match.group(3 if ranged else 2))
    if not has_unit and _BAD_AFTER.match(text, match.end(2) if ranged else match.end(1)):
        return None
    clause = text[scanner.clause_start(pos) : pos]
    keyword = _last_rom_word(clause)
    follow = previous is not None and bool(FOLLOW.fullmatch(text[previous.end : pos]))
    if not (has_unit or keyword or follow) or (_NOT_ROM.search(clause) and not keyword):
        return None
    written = [match.group(1), match.group(2)] if ranged else [match.group(1)]
    if any(to_number(number) > 200 for number in written):
        return None
    context = _rom_context(scanner, pos, clause, previous if follow else None)
    before = text[previous.end : pos] if follow and previous is not None else clause
    prior = prior_suffix(before)
    if follow and previous is not None and not prior:
        inherited = previous.prior and ")" not in before
        prior = " (previous)" if inherited or CHAIN_PRIOR.search(before) else ""
    value_end = match.end()
    if not prior and PRIOR_AFTER.match(text, value_end):
        prior = " (previous)"
    if ranged:
        _emit_range(scanner, facts, ranged, context, prior)
    else:
        lacks = text[max(0, pos - 1) : pos] == "-" or bool(_LACKS.search(clause))
        _emit_single(scanner, facts, match, context, prior, lacks, bare=not keyword and not follow)
    return _Rom(end=match.end(), motion=context.motion or "flexion", prior=bool(prior))


def _range_at(scanner: Scanner, pos: int) -> re.Match[str] | None:
    """A range starting at `pos` ("0-115", "5 to 102"), when both ends are free numbers."""
    ranged = _RANGE.match(scanner.text, pos)
    if ranged is None or not scanner.free(ranged.start(2), ranged.end(2)):
        return None
    return ranged if to_number(ranged.group(1)) <= _MAX_RANGE_START else None


def _emit_range(
    scanner: Scanner, facts: list[Fact], match: re.Match[str], context: labels.Parts, prior: str
) -> None:
    """The end of a range is the motion's value; a start above 0 is an extension deficit."""
    motion = context.motion or "flexion"
    _emit_rom(
        scanner,
        facts,
        to_number(match.group(2)),
        (match.start(2), match.end()),
        context,
        motion,
        prior,
    )
    start = to_number(match.group(1))
    if start > 0:
        lacking = context.motion in ("", "flexion", "extension")
        suffix = " (deficit)" if lacking else " (range start)"
        motion = "extension" if lacking else context.motion
        _emit_rom(
            scanner, facts, start, (match.start(1), match.end(1)), context, motion, prior + suffix
        )


def _emit_single(
    scanner: Scanner,
    facts: list[Fact],
    match: re.Match[str],
    context: labels.Parts,
    prior: str,
    lacks: bool,
    *,
    bare: bool,
) -> None:
    """One value; "-3" or "lacks 3" is a deficit of 3 (of extension unless a motion is named)."""
    motion = context.motion or ("extension" if lacks else "")
    suffix = " (deficit)" if lacks else ""
    negative = scanner.text[max(0, match.start() - 1) : match.start()] == "-"
    span = (match.start() - 1 if negative else match.start(), match.end())
    _emit_rom(
        scanner,
        facts,
        to_number(match.group(1)),
        span,
        context,
        motion,
        prior + suffix,
        fallback=bare,
    )


def _last_rom_word(clause: str) -> re.Match[str] | None:
    """The last ROM word in a clause, provided no number sits between it and the value."""
    start = max(0, len(clause) - 40)
    while start > 0 and clause[start - 1].isalnum():
        start -= 1
    matches = list(words().rom_any.finditer(clause, start))
    if not matches:
        return None
    between = clause[matches[-1].end() :]
    if re.search(r"\d", between) or len(between) > 30:
        return None
    return matches[-1]


def _rom_context(scanner: Scanner, pos: int, clause: str, previous: _Rom | None) -> labels.Parts:
    line_start, _ = scanner.line(pos)
    window_start = line_start if pos - line_start < WINDOW else scanner.sentence_before(pos)
    line = labels.parts_of(scanner.text[window_start:pos])
    here = labels.parts_of(clause)
    motion = here.motion or (previous.motion if previous else "")
    return labels.Parts(side=line.side, joint=line.joint, motion=motion, mode=line.mode)


def _emit_rom(
    scanner: Scanner,
    facts: list[Fact],
    value: int | float,
    span: tuple[int, int],
    context: labels.Parts,
    motion: str,
    suffix: str,
    *,
    fallback: bool = False,
) -> None:
    joint = context.joint
    after = _SIDE_AFTER.match(scanner.text, span[1])
    if after:
        context = labels.Parts(
            side=labels.side_name(after.group(1)),
            joint=joint,
            motion=context.motion,
            mode=context.mode,
        )
    if motion in ("supination", "pronation"):
        joint = "forearm"
    if fallback and not motion:
        head = labels.context_words(scanner.text[scanner.sentence_before(span[0]) : span[0]], 8)
        label = labels.join(head, suffix.strip())
    else:
        label = labels.join(context.side, joint, motion, context.mode) + suffix
    scanner.emit(facts, "rom", value, span, label.strip() or "ROM")
