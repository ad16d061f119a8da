"""Long lines read in linear time with the same readings (issue 12, speed): a line's legends
searched only from where one can open, a sentence searched once for what follows each value,
the text with blocked characters as spaces kept, and a value's normalised position remembered.
Each test compares the faster reading with the search it replaced, on short strings."""

from __future__ import annotations

import re

from tui.core.checks.measures import legends
from tui.core.checks.text.offsets import RunMap
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.searched_once import matches_from

# No character a legend cannot hold, so only where legends open bounds the search.
UNPUNCTUATED = "flex 12 deg / 30 deg ext 18 / 38 then / now 8 / 9 rt / lt 4 / 5 ext 7 / 6 "


def _scanned_before(line: str, start: int, size: int) -> list[str] | None:
    found = [legends._items(m.group()) for m in legends._words().legend.finditer(line, 0, start)]
    matching = [items for items in found if len(items) == size]
    return matching[-1] if matching else None


def test_a_legend_is_searched_from_where_one_can_open_with_the_same_result() -> None:
    assert legends._words().legend_start is not None
    for start in range(len(UNPUNCTUATED) + 1):
        for size in (2, 3):
            assert legends._before(UNPUNCTUATED, start, size) == _scanned_before(
                UNPUNCTUATED, start, size
            )
    assert legends._before(UNPUNCTUATED, UNPUNCTUATED.index("8 / 9"), 2) == ["then", "now"]
    assert legends._before(UNPUNCTUATED, UNPUNCTUATED.index("12 deg"), 2) is None


def test_a_line_with_no_legend_has_nowhere_one_opens() -> None:
    line = "flex 12 deg / 30 deg ext 18 / 38 " * 3
    assert legends._legends(line).opening_from(0) == len(line)


_SAID = re.compile(r"\b(?:it|that)\b")


def test_a_sentence_searched_once_gives_the_matches_from_any_point() -> None:
    text = "pain 3/10, it is a 2, that was a 5 and it's a 4. Next it is 1"
    stretch = (0, text.index(".") + 1)
    for start in range(stretch[1]):
        want = [m.span() for m in _SAID.finditer(text, start, stretch[1])]
        assert [m.span() for m in matches_from(_SAID, text, stretch, start)] == want
    # a point inside a match is searched afresh ("hat" holds no "that")
    inside = text.index("that") + 1
    assert [m.group() for m in matches_from(_SAID, text, stretch, inside)] == ["it"]


def test_visible_shows_blocked_characters_as_spaces_as_they_are_blocked() -> None:
    scanner = Scanner("Knee 90° on 3/4/2025, then 95° - é 12")
    date = scanner.text.index("3/4/2025")
    scanner.block(date, date + 8)
    assert scanner.visible(0, len(scanner.text)) == scanner.text.replace("3/4/2025", " " * 8)
    twin = scanner.fork()
    twin.block(0, 4)
    assert twin.visible(0, 12) == "     90° on "
    assert scanner.visible(0, 12) == "Knee 90° on "  # the fork's blocks are its own
    assert scanner.visible(date - 3, date + 50) == "on         , then 95° - é 12"


def test_a_value_s_normalised_position_is_the_first_that_starts_at_it() -> None:
    offsets = RunMap()
    offsets.copied(0, 5)
    offsets.replaced(5, 12, 2)  # "seven" ... written as "7 "
    offsets.copied(12, 6)
    for source in range(-1, 20):
        want = next((pos for pos in range(offsets.size) if offsets.start_at(pos) == source), None)
        assert offsets.position_of(source) == want
    offsets.copied(18, 2)  # a map that grows answers for its new positions too
    assert offsets.position_of(18) == 13
