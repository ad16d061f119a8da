"""The eval figures may not fall below the floors they have reached (tests/eval/floors.toml).

This file scores the first half of the corpus and `test_floors_corpus_second.py` the second;
the corpus's floors are checked on both halves' figures pooled (pooled.py).
`test_floors_heldout.py` and `test_floors_heldout_even.py` hold the held-out sets: `make test`
runs each file on one worker, so the scoring runs on both cores. `make eval` prints the same
figures with their per-kind and per-code tables.
"""

from __future__ import annotations

import pytest

from tests.eval.corpus import SPLITS, cases
from tests.eval.pooled import assert_part_at_floors

# Scoring a split is no timing test: the corpus alone reads several hundred notes, which on a
# busy 2-core machine passes the suite's 120 s per test.
SCORING_SECONDS = 900


@pytest.mark.timeout(SCORING_SECONDS)
def test_no_figure_of_the_corpus_falls_below_its_floor(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert_part_at_floors("corpus", 0, request, tmp_path_factory)


def test_the_corpus_is_large_enough_and_its_expectations_are_well_formed() -> None:
    """At least 80 notes in all, each flaw's text present in its draft."""
    every = [case for split in SPLITS for case in cases(split)]
    assert len(every) >= 80
    for case in every:
        assert case.facts() or case.expect.get("must_not") or case.expect.get("sections")
        for flaw in case.flaws:
            assert case.draft is not None and flaw.find in case.draft, (case.name, flaw.find)
