"""A long line of lists reads in linear time (issue 12, speed): each list's legend is looked
for before it once per line, bounded by the characters no legend can hold, with the same
legend as a search of the whole line's start for every list (text/barriers.py)."""

from __future__ import annotations

import re

from tui.core.checks.measures import legends
from tui.core.checks.text.barriers import never_read

LINE = (
    "Motor R / L: C8 4 / 5; then / now 3 / 4, grip R/L 21 kg / 18 kg; "
    "was / now / goal: 60 / 72 / 75 (then/now) 8 / 9; R / L 2 / 3"
)


def _scanned_before(line: str, start: int, size: int) -> list[str] | None:
    """The legend a search of the line's whole start finds (what `_before` did per list)."""
    found = [legends._items(m.group()) for m in legends._words().legend.finditer(line, 0, start)]
    matching = [items for items in found if len(items) == size]
    return matching[-1] if matching else None


def test_a_character_no_part_of_a_pattern_matches_bounds_it() -> None:
    bounds = never_read(re.compile(r"(?<![\w/])[a-z]+(?:[ \t]*/[ \t]*[a-z]+)+(?![\w,])"))
    assert ";" in bounds and ":" in bounds
    assert "," not in bounds  # read by the lookahead: an attempt sees it


def test_a_pattern_that_may_match_any_character_has_no_bound() -> None:
    assert never_read(re.compile(r"R.L")) == frozenset()
    assert never_read(re.compile(r"R[^x]L")) == frozenset()
    assert never_read(re.compile(r"(R)\1")) == frozenset()


def test_the_legend_before_each_list_is_the_whole_start_searched() -> None:
    assert ";" in never_read(legends._words().legend)
    for start in range(len(LINE) + 1):
        for size in (2, 3):
            assert legends._before(LINE, start, size) == _scanned_before(LINE, start, size)
    assert legends._before(LINE, LINE.index("3 / 4"), 2) == ["then", "now"]
    assert legends._before(LINE, LINE.index("2 / 3"), 2) == ["R", "L"]


def test_each_value_of_a_list_is_found_in_its_list_and_no_other_character_is() -> None:
    line = "knee 4/5 | 5/5 and grip 52/38 lb"
    for offset, char in enumerate(line):
        member = legends.member_of(line, (0, len(line)), offset)
        assert legends.in_list(line, offset) == (member is not None)
        if member is not None:
            spans = legends.member_spans(line, (0, len(line)), member)
            low, high = spans[member.index]
            assert low <= offset < high and char.strip()
    assert not legends.in_list(line, line.index("and"))
    assert legends.member_of(line, (0, len(line)), line.index("38")) is not None
