"""Round 23, speed: a pattern searched only over the lines holding a word it needs
(text/line_scan.py) finds exactly what a search of the whole text finds, reads no line it
need not, and stays linear on a long line."""

from __future__ import annotations

import re
import time

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.text import line_scan as module
from tui.core.checks.text.line_scan import line_scan

_TEXT = (
    "Posture: Cobb 24 deg thoracic curve.\n"
    "R knee flexion 120 deg, ext -5 deg\n"
    "x(Phalen's) positive at 40 s\n"
    "\n"
    "dizziness 6/10; Dynamometry: R 30 kg\n"
    "COBB 12\u00b0 lumbar\n"
    "cobb\n"
    "18 deg\n"
    "\u212aNEE flex 90"
)

_PATTERNS = [
    r"(?<![A-Za-z])(?:Cobb(?:[ \t]+angles?)?)[ \t]*(?P<v>\d+)",
    r"(?i)\bcobb\b[^\n]*?(\d+)",
    r"(?im)^[^\n]*?\bdynamometry\b",
    r"(?<=\()Phalen'?s\)",
    r"(?i)knee[ \t]+flex(?:ion)?[ \t]+(\d+)",
    r"(?m)deg$",
    r"deg$",  # "$" is the text's end: searched whole
    r"(?i)cobb\s+(\d+)",  # "\s" takes a line end: searched whole
    r"(?s)cobb.*?deg",  # "." takes a line end: searched whole
    r"(?i)(?:x|y)?\d+",  # every match may need no word: searched whole
    r"(?i)\b(?:[RL])[ \t]+\d+[ \t]*kg",
]


@pytest.mark.parametrize("source", _PATTERNS)
def test_same_matches_as_a_whole_search(source: str) -> None:
    pattern = re.compile(source)
    for text in (_TEXT, _TEXT * 40, _TEXT.replace("\n", "\r\n")):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in line_scan(pattern, text)] == expected


def test_a_line_end_reading_pattern_is_searched_whole() -> None:
    for source in (r"(?i)cobb\s+(\d+)", r"(?s)cobb.*?deg", r"deg$", r"(?i)(?:x|y)?\d+"):
        assert module._plan(re.compile(source)) is None


def test_only_lines_holding_the_word_are_searched() -> None:
    """Counting, not timing: the stretches searched are the two Cobb lines and the lines right
    after them only when they too hold the word."""
    pattern = re.compile(r"(?i)\bcobb\b[ \t]*(\d+)")
    text = "a 1\ncobb 2\nb 3\nc 4\nCOBB 5\ncobb 6\nd 7\n" * 3 + "x 8\n" * 100
    plan = module._plan(pattern)
    assert plan is not None
    stretches = module._stretches(plan, text)
    assert stretches is not None
    searched = "".join(text[start:end] for start, end in stretches)
    assert searched == "cobb 2\nCOBB 5\ncobb 6\n" * 3
    assert [m.group(1) for m in line_scan(pattern, text)] == ["2", "5", "6"] * 3


def test_a_note_where_the_word_stands_everywhere_is_searched_whole() -> None:
    pattern = re.compile(r"(?i)\bcobb\b[ \t]*(\d+)")
    plan = module._plan(pattern)
    assert plan is not None
    assert module._stretches(plan, "cobb 1\n" * 50) is None


def test_the_kelvin_sign_is_read_as_k_ignoring_case() -> None:
    """The lower-cased copy writes the letters that match an ASCII letter ignoring case as it,
    so no line holding one is skipped."""
    pattern = re.compile(r"(?i)knee[ \t]+flex[ \t]+(\d+)")
    text = "x\n" * 200 + "\u212aNEE flex 90\n" + "y\n" * 200
    assert [m.group(1) for m in line_scan(pattern, text)] == ["90"]


def test_a_reading_through_a_line_scanned_reader() -> None:
    """The posture reader and the symptom ratings search only their words' lines: the Cobb
    angle and the dizziness rating are read, the knee's angle stays the knee's."""
    facts = extract_facts(
        "Posture: Cobb 24 deg thoracic curve.\nR knee flexion 120 deg.\n"
        "Pt reports dizziness 6/10 with head turns.\n"
    )
    read = {(fact.kind, fact.value, fact.label) for fact in facts}
    assert ("other", 24, "Cobb") in read
    assert ("rom", 120, "R knee flexion") in read
    assert ("other", 6, "dizziness rating") in read
    assert not any(fact.kind == "rom" and fact.value == 24 for fact in facts)


def test_a_long_line_reads_in_linear_time() -> None:
    pattern = re.compile(r"(?<![A-Za-z])(?:Cobb(?:[ \t]+angles?)?)[ \t]*(?P<v>\d+)")
    line = "Cobb 24 deg, " * 3_100  # 40 KB on one line
    started = time.process_time()
    found = list(line_scan(pattern, line))
    assert time.process_time() - started < 0.5
    assert len(found) == 3_100
