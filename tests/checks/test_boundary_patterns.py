"""The sentence-boundary patterns are written to open on their first character so the engine
skips straight to it (issue 12, speed): they find exactly what the plain forms find, on random
and adversarial text (stops after blanks and digits, leader dots, a text's first character)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.spans import spans
from tui.core.checks.text.scan import _BOUNDARY
from tui.core.checks.verify.sentences import _SENTENCES

_PLAIN_BOUNDARY = re.compile(r"\n|(?<![.\s])[.!?]+(?<!\.\.)(?=\s|$)")
# A full stop in a run of dots (a dotted leader, an ellipsis) ends no sentence.
_PLAIN_SENTENCES = re.compile(r"(?<![\d.])\.(?!\.)|\.(?![\d.])(?<!\.\.)|\n|;")

_TEXT = st.lists(
    st.sampled_from(
        [
            ".",
            "!",
            "?",
            ";",
            "\n",
            " ",
            "\t",
            "\r",
            "1",
            "42",
            "a",
            "Dr",
            "..",
            "...",
            "?!",
            "\u00a0",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_sentence_boundaries_match_the_plain_form(text: str) -> None:
    assert spans(_BOUNDARY.finditer(text)) == spans(_PLAIN_BOUNDARY.finditer(text))


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_verification_sentences_match_the_plain_form(text: str) -> None:
    assert spans(_SENTENCES.finditer(text)) == spans(_PLAIN_SENTENCES.finditer(text))


def test_leader_dots_and_decimals_are_no_boundary() -> None:
    text = "gait training .... 16. ER 4.5 cm.\nNext"
    assert [text[s:e] for s, e in spans(_BOUNDARY.finditer(text))] == [".", ".", "\n"]
    assert spans(_SENTENCES.finditer("4.5 cm; 3.")) == [(6, 7), (9, 10)]
