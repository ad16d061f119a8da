"""Numbers that say what is asked, set or required of the patient, not what was measured: an
exercise prescription ("Aerobic Rx: 90% of 168 -> HR 150", "keep heart rate under 135"), a job's
demands ("return to work as a stocker (lifts 18 kg to a 152 cm shelf)", "does not meet the
occasional lift of 23 kg"), a plan's target ("Next: amb to 50 ft") and a vertebral level
("C five six", "T 4", "L 4 5").

Each is decided by the meaning of its clause, not by the numbers: a word that prescribes or
sets a ceiling, a job's demand or a comparison with one, a plan's opening heading, or a spine's
letter with its segment number beside a spinal word. The clause is blocked from the cue on, so
the same numbers in a clause that reports what the patient did ("HR peaked at 158", "floor to
waist lift 18 kg", "amb 40 ft") stay facts. Words are data (measures.toml [asked_values]);
every search is bounded by its sentence and line, so the pass is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.lexicon import Led, led, words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

# How far a clause reaches past its cue, so a note written as one sentence is read linearly.
_REACH = 160
# A clause ends at a semicolon or a full stop that is no decimal point; a soft clause (a cue
# with no colon after it) at a comma too ("keep HR < 130, HR 118 at the end" reports the 118).
_HARD_END = re.compile(r";|\.(?![\d])")
_SOFT_END = re.compile(r"[,;]|\.(?![\d])")
# A bracket opening right after a job's name holds its description ("work as a picker (totes
# up to 23 kg ...; 11 kg frequent)"): every clause inside it is the job's.
_BRACKET_OPEN = re.compile(r"[ \t]*[(\[]")
_BRACKET_CLOSE = re.compile(r"[)\]]")
_COLON = re.compile(r"[ \t]*[:=-]")
# An angle, or a range of angles ("~40 deg", "0-90\u00b0", "20 degrees").
_ANGLE = re.compile(
    r"(?<![\w.])\d{1,3}(?:\.\d+)?(?:[ \t]*(?:-|to)[ \t]*\d{1,3}(?:\.\d+)?)?[ \t]*"
    r"(?:\u00b0|deg\w*|degrees?)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_RANGE = re.compile(r"\d[ \t]*(?:-|\u2013|to)[ \t]*\d")
# A distance in a plan's clause ("amb to 50 ft", "gait 200 ft").
_DISTANCE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?[ \t]*(?:ft|feet|foot|m|meters?|metres?|yds?|yards?|laps?|blocks?)"
    r"(?![A-Za-z/])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Cues:
    prescriptions: Led
    computed: re.Pattern[str]
    demands: Led
    comparisons: Led
    devices: Led
    making: re.Pattern[str]
    holding: Led
    tested_in: Led
    measured: re.Pattern[str]
    plan_openers: re.Pattern[str]
    today: re.Pattern[str]
    results: re.Pattern[str]
    vital_signs: re.Pattern[str]
    sides: re.Pattern[str]
    named_results: re.Pattern[str]
    level: re.Pattern[str]
    spinal: re.Pattern[str]


@cache
def _words() -> dict[str, tuple[str, ...]]:
    data = measures_section("asked_values")
    return {str(key): tuple(str(word) for word in words) for key, words in data.items()}


@cache
def _cues() -> _Cues:
    words = _words()
    flags = re.IGNORECASE
    openers = either((*legend_words().get("plan_headings", ()), *words.get("plan_openers", ())))
    return _Cues(
        prescriptions=_led(words.get("prescriptions", ())),
        computed=re.compile(either(words.get("computed_targets", ())), flags),
        demands=_led(words.get("demands", ())),
        comparisons=_led(words.get("comparisons", ())),
        devices=_led(words.get("devices_held", ())),
        making=re.compile(rf"(?<![\w-])(?:{either(words.get('device_making', ()))})", flags),
        holding=_led(words.get("holding", ())),
        # "ER (90 deg abd) 60", "IR (at 90° abduction) not tested": a rotation's bracket of an
        # angle and another motion is the position it was tested in
        tested_in=led(
            re.compile(
                rf"(?<![\w-])(?:{either(words.get('rotations', ()))})[ \t]*"
                rf"(?P<position>\([ \t]*(?:at|in|@)?[ \t]*\d{{1,3}}[ \t]*(?:\u00b0|deg\w*)?[ \t]*"
                rf"(?:of[ \t]+)?(?:{either(words.get('position_motions', ()))})[ \t]*\))",
                flags,
            ),
            *words.get("rotations", ()),
        ),
        measured=re.compile(either(words.get("measured", ())), flags),
        plan_openers=re.compile(
            rf"(?:^|(?<=[.;])[ \t]+)[ \t#*>\u2022-]*(?:{openers})[ \t]*(?::|[ \t]-[ \t])",
            flags | re.MULTILINE,
        ),
        today=re.compile(
            rf"(?<![\w-])(?:{either(legend_words().get('later', ()))})(?![\w-])", flags
        ),
        results=_whole(words.get("results", ())),
        vital_signs=re.compile(
            rf"[ \t]*(?:and[ \t]+)?(?:{either(words.get('vital_signs', ()))})(?![\w-])", flags
        ),
        sides=re.compile(rf"(?<![\w-])(?:{either(words.get('sides', ()))})[ \t]*:?[ \t]*\d", flags),
        named_results=re.compile(
            rf"(?<![\w-])(?:{either(words.get('named_results', ()))})[ \t]*[:=]?[ \t]*$", flags
        ),
        # a spine's letter and its segment, with a second segment or not: "C 5 6", "C 1 C 2",
        # "L 4-5", "L 5 S 1", "C5/6", "T 4"; never a value with a unit, a decimal or a score
        level=re.compile(
            r"(?<![A-Za-z0-9])(?-i:(?P<letter>[CTLS]))(?P<gap>[ \t]?-?[ \t]?)(?P<first>\d{1,2})"
            r"(?:[ \t]*(?P<joint>-|/|to|through|thru|and|,)?[ \t]*"
            r"(?P<next>(?-i:[CTLS]))?[ \t]?-?[ \t]?(?P<second>\d{1,2}))?"
            rf"(?![\d.]\d|\d|[ \t]*(?:[%\u00b0:=]|/[ \t]*\d|{_UNITS}))",
            flags,
        ),
        spinal=re.compile(
            rf"(?<![\w-])(?:{either(words.get('spinal_words', ()))})(?![\w-])", flags
        ),
    )


_UNITS = r"(?:deg\w*|degrees?|cm|mm|in\b|kg|lbs?|s\b|sec\w*|min\w*|bpm|ft|m\b|reps?|x\b)"


def _led(fragments: tuple[str, ...]) -> Led:
    """Any of the fragments as a whole word or phrase, found through its leading word."""
    return led(_whole(fragments), *fragments)


def _whole(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the fragments as a whole word or phrase."""
    return whole_words(fragments)


def block_asked(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block the numbers that are asked, set or required (see the module) before any reader
    takes them."""
    cues = _cues()
    _block_prescriptions(scanner, cues)
    _block_demands(scanner, cues)
    _block_plan_targets(scanner, cues)
    _block_levels(scanner, cues)
    _block_positions(scanner, cues)
    for tested in cues.tested_in.finditer(scanner.text):
        scanner.block(*tested.span("position"))


def _block_prescriptions(scanner: Scanner, cues: _Cues) -> None:
    """A prescription's clause from its cue on ("Exercise prescription: 80% of 162 = HR 130,
    20 min daily", "keep heart rate under 135 bpm", "a zone of 115-125 bpm"), and a target
    worked out from a peak ("90% of 168 -> HR 150") wherever it is written."""
    text = scanner.text
    for cue in cues.prescriptions.finditer(text):
        pieces = list(_clauses(text, cue.end(), _clause_end(scanner, cue.end())))
        for start, end in _asked_pieces(text, cues, pieces):
            scanner.block(start, end)
    for computed in line_scan(cues.computed, text):
        scanner.block(*computed.span())


def _asked_pieces(text: str, cues: _Cues, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of a prescription's clause that ask: all but a single value with a word of a
    result ("HR 112 at end of walk", "BP 142/80 post") and the single vital signs listed right
    before one ("HR 118 bpm, BP 142/80 post"), which were measured at the bout's end; a range
    is a zone ("HR 100-115, BP check post")."""
    asked: list[tuple[int, int]] = []
    measured = False
    for start, end in reversed(pieces):
        single = bool(_DIGIT.search(text, start, end)) and not _RANGE.search(text, start, end)
        if single and cues.results.search(text, start, end):
            measured = True
        elif not (measured and single and cues.vital_signs.match(text, start, end)):
            measured = False
            asked.append((start, end))
    return asked


def _block_demands(scanner: Scanner, cues: _Cues) -> None:
    """A job's demand from its cue to its clause's end, or to the end of the bracket that
    describes the job ("work as a stocker (lifts 18 kg ...; 9 kg frequently)"); a comparison
    with a demand ("does not meet frequent overhead stocking at 152 cm with 9 kg") to its
    clause's end, a comma included."""
    text = scanner.text
    for cue in cues.demands.finditer(text):
        bracket = _BRACKET_OPEN.match(text, cue.end())
        if bracket is not None:
            _, line_end = scanner.line(cue.end())
            close = _BRACKET_CLOSE.search(text, bracket.end(), min(line_end, cue.end() + _REACH))
            if close is not None:
                _block_demanded(scanner, cues, bracket.end(), close.start())
                continue
        _block_demanded(scanner, cues, cue.end(), _clause_end(scanner, cue.end(), hard=True))
    for cue in cues.comparisons.finditer(text):
        scanner.block(cue.end(), _clause_end(scanner, cue.end()))


def _block_demanded(scanner: Scanner, cues: _Cues, start: int, end: int) -> None:
    """Block a job's clause but its pieces that give the patient's own values, by a side or a
    word of today ("Job requires frequent gripping, grip R 30 kg, L 32 kg", "(grip R 30 kg,
    L 32 kg today)"): a demand names neither."""
    text = scanner.text
    for piece_start, piece_end in _clauses(text, start, end):
        if cues.sides.search(text, piece_start, piece_end):
            continue
        if cues.today.search(text, piece_start, piece_end):
            continue
        scanner.block(piece_start, piece_end)


def _block_plan_targets(scanner: Scanner, cues: _Cues) -> None:
    """In a clause opened by a plan's heading ("P:", "Next:", "Plan for tomorrow:", "Next
    session -"), the distances: the plan's targets, unless the
    clause says they are today's ("P: amb 150 ft today, cont POC")."""
    text = scanner.text
    for opener in cues.plan_openers.finditer(text):
        _, line_end = scanner.line(opener.end())
        for start, end in _clauses(text, opener.end(), min(line_end, opener.end() + _REACH)):
            if cues.today.search(text, start, end):
                continue
            for target in _DISTANCE.finditer(text, start, end):
                if not cues.named_results.search(text, start, target.start()):
                    scanner.block(*target.span())


def _block_positions(scanner: Scanner, cues: _Cues) -> None:
    """The angles after an orthosis, a splint, a brace or a cast in a sentence that makes, fits
    or sets it ("custom thumb CMC orthosis, 2.4 mm thermoplastic, CMC in palmar abduction ~40
    deg, MCP 10 deg flexion"): the positions the device holds, up to a word that says a range
    was measured ("AROM", "measured out of the orthosis"), after which the angles are the
    patient's again. A clause that says a part is held or positioned at an angle ("thumb held
    in 40 deg palmar abduction") sets it."""
    text = scanner.text
    for device in cues.devices.finditer(text):
        end = min(scanner.sentence_after(device.end()), scanner.line(device.end())[1])
        start = max(scanner.sentence_before(device.start()), scanner.line(device.start())[0])
        if not cues.making.search(text, start, end):
            continue  # "amb with R AFO; ankle DF 5 deg": worn, not made or set
        _block_angles(scanner, cues, device.end(), _positions_end(scanner, device.end()))
    for held in cues.holding.finditer(text):
        _block_angles(scanner, cues, held.end(), _clause_end(scanner, held.end()))


# A clause after a semicolon that opens on a joint and its angle ("Resting hand splint
# fabricated; wrist 20 deg ext, MCP 60 deg flex"): the positions the device holds, listed on.
_POSITION_LIST = re.compile(
    r";[ \t]*(?:(?:R|L|rt|lt|right|left)[ \t]+)?(?P<joint>[A-Za-z]{2,12})[ \t]+(?:(?:in|at)[ \t]+)?"
    r"~?\d{1,3}[ \t]*(?:\u00b0|deg)",
    re.IGNORECASE,
)


def _positions_end(scanner: Scanner, start: int) -> int:
    """Where a device's positions end: its clause, and the next one when it lists joints at
    angles straight after a semicolon (a word of measuring stops both, see _block_angles)."""
    end = _clause_end(scanner, start, hard=True)
    listed = _POSITION_LIST.match(scanner.text, end)
    if listed is None or not words().joint.fullmatch(listed.group("joint")):
        return end
    return _clause_end(scanner, end + 1, hard=True)


def _block_angles(scanner: Scanner, cues: _Cues, start: int, end: int) -> None:
    """The angles from `start` up to the clause's `end` or a word that says a range was
    measured ("knee flexion measured at 110 deg"), after which they are the patient's, and an
    angle whose own piece (up to a comma) says so after it ("knee 110 deg flexion AROM")."""
    text = scanner.text
    measured = cues.measured.search(text, start, end)
    for angle in _ANGLE.finditer(text, start, measured.start() if measured else end):
        piece = _PIECE_END.search(text, angle.end(), end)
        if cues.measured.search(text, angle.end(), piece.start() if piece else end):
            continue  # "Splint issued; knee 110 deg flexion AROM": measured, said after it
        scanner.block(*angle.span())


_PIECE_END = re.compile(r"[,;]")


def _block_levels(scanner: Scanner, cues: _Cues) -> None:
    """A vertebral level: a spine's letter and its segment with a second segment after it
    ("C 5 6", "L 4-5", "C 1 C 2"), or with a spinal word in its clause ("upper thoracic
    manipulation T 4", "the C 6 dermatome")."""
    text = scanner.text
    for level in cues.level.finditer(text):
        letter, first = level["letter"], int(level["first"])
        if not _in_range(letter, first):
            continue
        if _paired(level, letter, first) or _spinal_near(scanner, cues, level):
            scanner.block(*level.span())


def _paired(level: re.Match[str], letter: str, first: int) -> bool:
    """A second segment after the first: the next one or two of the same part ("C 5 6", "L 4-5")
    or a segment of a part named again ("C 1 C 2", "L 5 S 1")."""
    if level["second"] is None or (level["joint"] == "/" and level["gap"]):
        return False  # "L 4/5" is a left side's grade; "L4/5" a level
    second = int(level["second"])
    if level["next"]:
        return _in_range(level["next"], second)
    return _in_range(letter, second) and first < second <= first + 2


# The segments each part of the spine has (a sacral or coccygeal number beyond is no level).
_SEGMENTS = {"C": 8, "T": 12, "L": 5, "S": 5}


def _in_range(letter: str, number: int) -> bool:
    return 1 <= number <= _SEGMENTS[letter]


def _spinal_near(scanner: Scanner, cues: _Cues, level: re.Match[str]) -> bool:
    """A spinal word right after the level ("L 5 radiculopathy"), or, for a cervical or a
    thoracic level, in its clause before it ("upper thoracic manipulation T 4"): "L" and "S"
    alone are as often a side or a heading ("L 4/5", "S: 3/10")."""
    text = scanner.text
    _, line_end = scanner.line(level.end())
    if cues.spinal.match(text, _skip_blank(text, level.end()), min(line_end, level.end() + 30)):
        return True
    start = max(scanner.clause_start(level.start()), level.start() - 60)
    return level["letter"] in "CT" and bool(cues.spinal.search(text, start, level.start()))


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _clause_end(scanner: Scanner, position: int, *, hard: bool = False) -> int:
    """Where the clause from `position` ends: at its sentence's and line's end, within reach;
    a clause after a colon ("Rx: ...") runs to its sentence's end, commas and all."""
    sentence_end = scanner.sentence_after(position)
    _, line_end = scanner.line(position)
    limit = min(sentence_end, line_end, position + _REACH)
    marks = _HARD_END if hard or _COLON.match(scanner.text, position) else _SOFT_END
    found = marks.search(scanner.text, position, limit)
    return found.start() if found else limit


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The comma- and semicolon-separated clauses between `start` and `end`."""
    for mark in _SOFT_END.finditer(text, start, end):
        yield start, mark.start()
        start = mark.end()
    yield start, end
