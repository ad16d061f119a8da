"""The lower-cased copy the word-led patterns search, and the matches kept for a long text, are
what a translation table and a fresh search give (issue 12, speed)."""

from __future__ import annotations

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from tests.spans import spans
from tui.core.checks.text.lexicon import DATE_WORDS, _lowered, matches

_ASCII_LOWER = str.maketrans(
    string.ascii_uppercase + "\u0130\u0131\u017f\u212a", string.ascii_lowercase + "iisk"
)


@given(st.text(alphabet=st.sampled_from("AbZz09 .°ÄñÑİıſǅΩ\u212a-\n")))
def test_only_the_letters_a_case_insensitive_search_takes_for_a_to_z_are_lowered(
    text: str,
) -> None:
    _lowered.cache_clear()
    assert _lowered(text) == text.translate(_ASCII_LOWER)


def test_a_long_text_gives_the_matches_a_fresh_search_gives() -> None:
    text = "Seen Jan 5, 2027 and 3 March 2027; Ä° note.\n" * 400  # past the remembered length
    fresh = spans(DATE_WORDS.finditer(text))
    assert spans(matches(DATE_WORDS, text)) == fresh
    assert spans(matches(DATE_WORDS, text)) == fresh  # kept, same again
    short = "Seen Jan 5, 2027."
    assert spans(matches(DATE_WORDS, short)) == spans(re.finditer(DATE_WORDS, short))
