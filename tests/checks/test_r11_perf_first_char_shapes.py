"""Patterns tried only where their matches can start (issue 12, speed): one that opens with
checks and then blanks before its first symbol ("(?<=\\bprior)[ \\t]*\\(") at the symbol and the
blanks right before it; one whose first digit is checked after itself ("\\d(?<![\\w.]\\d)") at the
number starts. The same matches as a plain search; a shape that may start elsewhere keeps it."""

from __future__ import annotations

import re

from tui.core.checks.text.first_char import AtNumbers, BlanksFirst, first_char

TEXT = "prior (5/18) x prior(6/1) eval \t (7/2) last\n(8/3) (9/4) prior  x (1/2)"


def test_blanks_before_a_bracket_are_tried_at_the_bracket_and_its_blanks_only() -> None:
    pattern = re.compile(
        r"(?:(?<=\bprior)|(?<=\beval)|(?<=\blast))[ \t]*\([ \t]*\d+/\d+[ \t]*\)", re.I
    )
    found = first_char(pattern)
    assert isinstance(found, BlanksFirst)
    read = [m.group() for m in found.scan(TEXT)]
    assert read == [m.group() for m in pattern.finditer(TEXT)]
    assert read == [" (5/18)", "(6/1)", " \t (7/2)"]


def test_any_whitespace_before_the_bracket_keeps_the_plain_search() -> None:
    pattern = re.compile(r"(?:(?<=\bprior)|(?<=\beval))\s*\(\d+/\d+\)", re.I)
    assert first_char(pattern) is pattern


def test_a_digit_checked_after_itself_is_tried_at_number_starts_only() -> None:
    pattern = re.compile(r"\d(?<![\w.]\d)\d*(?:\.\d+)?[ \t]*(?:MHz|Hz)\b")
    found = first_char(pattern)
    assert isinstance(found, AtNumbers)
    text = "US 1 MHz, 3.3 MHz x1 R12 MHz 1.5MHz 100 Hz"
    read = [m.group() for m in found.scan(text)]
    assert read == [m.group() for m in pattern.finditer(text)]
    assert read == ["1 MHz", "3.3 MHz", "1.5MHz", "100 Hz"]


def test_a_check_that_wants_a_digit_before_keeps_the_plain_search() -> None:
    pattern = re.compile(r"\d(?<![^\d]\d)\d*")
    assert first_char(pattern) is pattern
