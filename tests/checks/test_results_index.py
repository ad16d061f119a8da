"""The indexes `missing_counts` reads through give the same answers as the plain walks they
replace (issue 12, speed): a fact overlapping a count, a draft sentence stating a count."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.core.checks.measures.results import Count, _Held, _Statements
from tui.core.checks.text.lexicon import NUM

SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda s: (min(s), max(s))),
    max_size=12,
)


@given(SPANS, st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_held_spans_overlap_as_a_walk_over_them_says(
    spans: list[tuple[int, int]], span: tuple[int, int]
) -> None:
    walked = any(start < span[1] and span[0] < end for start, end in spans)
    assert _Held(spans).overlaps(span) == walked


SENTENCE = st.lists(
    st.sampled_from(["3", "5", "3.0", "10", "of", "falls", "trials", "reps", "pegs", "/"]),
    max_size=8,
).map(" ".join)


@given(
    st.lists(SENTENCE, max_size=5),
    st.sampled_from([3.0, 5.0, 10.0]),
    st.sampled_from([None, 5.0, 10.0]),
    st.sampled_from(["", "falls", "trials", "reps"]),
)
def test_a_stated_count_is_found_as_a_walk_over_the_sentences_finds_it(
    sentences: list[str], value: float, whole: float | None, noun: str
) -> None:
    count = Count(value, whole, noun, (0, 1))

    def states(sentence: str) -> bool:
        numbers = {float(n) for n in re.findall(NUM, sentence)}
        if value not in numbers or (whole is not None and whole not in numbers):
            return False
        return not count.stem or count.stem in sentence

    draft = ". ".join(sentences)
    walked = any(states(s.group().lower()) for s in re.finditer(r"[^.;\n]+", draft))
    assert _Statements(draft).states(count) == walked
