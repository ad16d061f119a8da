"""verify's sentence_around: the sentence holding a value, found by bisection over the text's
breaks, is the one a scan of its line from the start finds."""

from __future__ import annotations

import itertools

from tui.core.checks.verify.sentences import _SENTENCES, sentence_around


def scanned(text: str, at: int) -> tuple[int, int]:
    """The sentence around `at` found by scanning its line from its start."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    start, end = line_start, line_end
    for brk in _SENTENCES.finditer(text, line_start, line_end):
        if brk.end() <= at:
            start = brk.end()
        else:
            end = brk.start()
            break
    return start, end


def test_every_position_of_short_texts_is_placed_as_a_line_scan_places_it() -> None:
    for chars in itertools.product("a1.;\n ", repeat=5):
        text = "".join(chars)
        for at in range(len(text) + 1):
            assert sentence_around(text, at) == scanned(text, at), (text, at)


def test_decimal_points_and_leaders_do_not_end_a_sentence() -> None:
    text = "Pain 4.5/10 at rest; 97162 x1 ....... 45 min. Walked 300 ft\nNext line 7"
    assert text[slice(*sentence_around(text, text.index("4.5")))] == "Pain 4.5/10 at rest"
    assert text[slice(*sentence_around(text, text.index("45 min")))] == " 97162 x1 ....... 45 min"
    assert text[slice(*sentence_around(text, text.index("300")))] == " Walked 300 ft"
    assert text[slice(*sentence_around(text, text.rindex("7")))] == "Next line 7"
