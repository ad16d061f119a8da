"""The second half of the corpus, by note name: its tally is pooled with the first half's
(`test_floors.py`) and the corpus's floors are checked on the whole (pooled.py), so the corpus's
scoring runs on both of `make test`'s workers instead of one."""

from __future__ import annotations

import pytest

from tests.eval.pooled import assert_part_at_floors
from tests.eval.test_floors import SCORING_SECONDS


@pytest.mark.timeout(SCORING_SECONDS)
def test_no_figure_of_the_corpus_falls_below_its_floor(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert_part_at_floors("corpus", 1, request, tmp_path_factory)
