"""The held-out sets' figures may not fall below their floors (the corpus's are in
`test_floors.py`, a file of its own so that `make test` scores the two on separate workers)."""

from __future__ import annotations

import pytest

from tests.eval.corpus import SPLITS
from tests.eval.floors import assert_at_floors
from tests.eval.test_floors import SCORING_SECONDS


@pytest.mark.timeout(SCORING_SECONDS)
@pytest.mark.parametrize("split", [split for split in SPLITS if split != "corpus"])
def test_no_figure_falls_below_its_floor(split: str) -> None:
    assert_at_floors(split)
