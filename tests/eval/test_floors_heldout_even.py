"""The second half of the held-out sets' figures may not fall below their floors (the first half
and the reason for the split are in `test_floors_heldout.py`)."""

from __future__ import annotations

import pytest

from tests.eval.floors import assert_at_floors
from tests.eval.test_floors import SCORING_SECONDS
from tests.eval.test_floors_heldout import HELD_OUT


@pytest.mark.timeout(SCORING_SECONDS)
@pytest.mark.parametrize("split", HELD_OUT[1::2])
def test_no_figure_falls_below_its_floor(split: str) -> None:
    assert_at_floors(split)
