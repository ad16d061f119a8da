"""Two rewrites' maps composed into one give, at every position, the offsets that following one
map and then the other gives (issue 12, speed: a span is one bisection, not one per rewrite)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checks.text.numbers import _rewrite, normalize
from tui.core.checks.text.offsets import RunMap, composed
from tui.core.checks.text.pieces import Piece


def through_both(outer: RunMap, inner: RunMap, pos: int) -> tuple[int, int]:
    """The offsets read one map after the other, a position past the middle text's end
    standing for its end."""
    if outer.size == 0:
        return 0, 0
    last = outer.size - 1
    start = outer.start_at(min(inner.start_at(pos), last))
    return start, outer.end_at(min(max(inner.end_at(pos) - 1, 0), last))


def rewrite(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, RunMap]:
    """`text` with ordered, non-overlapping pieces replaced (an empty text stays one space)."""
    pieces, at = [], 0
    for start, length, value in cuts:
        start = max(start, at)
        end = min(start + length, len(text))
        if start > len(text):
            break
        pieces.append(Piece(start, end, value, start, end))
        at = end
    new, offsets = _rewrite(text, pieces)
    return new, offsets if offsets is not None else _copied(len(text))


def _copied(size: int) -> RunMap:
    offsets = RunMap()
    offsets.copied(0, size)
    return offsets


CUTS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 6), st.sampled_from(["", "x", "12", "abcde"])),
    max_size=6,
).map(sorted)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1\n", min_size=1, max_size=30), CUTS, CUTS)
def test_a_composed_map_reads_as_the_two_maps_one_after_the_other(
    text: str, first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]
) -> None:
    middle, outer = rewrite(text, first)
    _, inner = rewrite(middle, second)
    joined = composed(outer, inner)
    assert joined.size == inner.size
    for pos in range(inner.size):
        assert (joined.start_at(pos), joined.end_at(pos)) == through_both(outer, inner, pos)


def test_a_piece_at_the_middle_text_end_stands_for_its_last_character() -> None:
    middle, outer = rewrite("pain 7", [(5, 1, "seven")])  # "pain seven"
    inner = RunMap()
    inner.copied(0, len(middle))
    inner.replaced(len(middle), len(middle) + 1, 2)  # a piece after the end of the middle text
    joined = composed(outer, inner)
    assert (joined.start_at(len(middle)), joined.end_at(len(middle))) == (5, 6)
    assert (joined.start_at(5), joined.end_at(9)) == (5, 6)  # "seven" is the "7"
    assert (joined.start_at(0), joined.end_at(3)) == (0, 4)  # "pain" was copied


def test_an_empty_middle_text_maps_everything_to_the_start() -> None:
    inner = RunMap()
    inner.replaced(0, 1, 3)
    joined = composed(RunMap(), inner)
    assert [(joined.start_at(p), joined.end_at(p)) for p in range(3)] == [(0, 0)] * 3


def test_a_spoken_number_in_a_table_maps_back_to_what_was_said() -> None:
    text = "| Test | Result |\n|---|---|\n| Pain | six out of ten |\n\nflexion one twenty degrees"
    norm = normalize(text)
    start = norm.text.index("120")
    assert text[slice(*norm.span(start, start + 3))] == "one twenty"
    six = norm.text.index("6")
    assert text[slice(*norm.span(six, six + 1))] == "six"
