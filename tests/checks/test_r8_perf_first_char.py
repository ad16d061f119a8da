"""A pattern whose first alternative opens with several checks in a row ("(?<=R )(?<!° R )") is
tried only where its first character stands, like one with a single check (issue 12, speed);
an alternative that reads a character before the symbol keeps the plain search."""

from __future__ import annotations

import re

from tui.core.checks.text.anchored import Anchored
from tui.core.checks.text.first_char import first_char

TEXT = "knee flex /120, R /5 ° R /4 (/3) =/2\n/7 hip /60 a/1"


def test_checks_in_a_row_before_a_slash_are_tried_at_the_slashes_only() -> None:
    pattern = re.compile(
        r"(?:^|(?<=[A-Za-z(:=] )(?<![°%a-z] (?-i:[RL]) )|(?<=[(:=]))/\s?\d+", re.I | re.M
    )
    anchored = first_char(pattern)
    assert isinstance(anchored, Anchored)
    found = [m.group() for m in anchored.scan(TEXT)]
    assert found == [m.group() for m in pattern.finditer(TEXT)]
    assert found == ["/120", "/5", "/3", "/2", "/7", "/60"]


def test_a_character_read_before_the_slash_keeps_the_plain_search() -> None:
    pattern = re.compile(r"(?:^|(?<=[a-z] )(?<!R )a)/\s?\d+", re.I | re.M)
    assert first_char(pattern) is pattern
