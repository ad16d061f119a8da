"""A pattern that opens with checks and then blanks before its first symbol ("(?<=\\bprior)
[ \\t]*\\(") is tried only at the symbol and the blanks right before it (issue 12, speed): the
same matches as a plain search; a run of any whitespace ("\\s*") keeps the plain search."""

from __future__ import annotations

import re

from tui.core.checks.text.first_char import BlanksFirst, first_char

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
