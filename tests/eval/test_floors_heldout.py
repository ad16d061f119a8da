"""The first half of the held-out sets' figures may not fall below their floors.

`make test` runs each test file on one worker (`--dist loadfile`), so the scoring is spread over
four files: the corpus's two halves (`test_floors.py`, `test_floors_corpus_second.py`, pooled by
pooled.py), the held-out sets in odd places of SPLITS (here) and those in even places
(`test_floors_heldout_even.py`). One file of every held-out set was the suite's last straggler,
with the other core idle.
"""

from __future__ import annotations

import pytest

from tests.eval.corpus import SPLITS
from tests.eval.floors import assert_at_floors
from tests.eval.test_floors import SCORING_SECONDS

HELD_OUT = [split for split in SPLITS if split != "corpus"]


@pytest.mark.timeout(SCORING_SECONDS)
@pytest.mark.parametrize("split", HELD_OUT[::2])
def test_no_figure_falls_below_its_floor(split: str) -> None:
    assert_at_floors(split)
