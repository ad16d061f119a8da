"""An earlier timepoint written before a measure's name makes its first score an earlier one
(tui/core/checks/measures/named_timepoints.py). Twins: a word of this visit, the start of a
period, a clause break or a word that only leads to a name ("from") leave the score current."""

from __future__ import annotations

import pytest

from tests.checks.conftest import one_fact


def _previous(text: str, value: object) -> bool:
    return "previous" in one_fact(text, "outcome", value).label


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("On admission his Tinetti was 14/28; Tinetti now 20/28.", 14, True),
        ("On admission his Tinetti was 14/28; Tinetti now 20/28.", 20, False),
        ("Baseline DHI 62 - DHI today 40.", 62, True),
        ("Baseline DHI 62 - DHI today 40.", 40, False),
        ("Initial COPM dressing P 3 S 2.", 3, True),
        ("Last month's PSFS 3.3; PSFS 6.0 at this session.", 3.3, True),
        ("Evaluation FGA 12/30 and reassessed FGA 19/30 today.", 12, True),
        ("Evaluation FGA 12/30 and reassessed FGA 19/30 today.", 19, False),
        ("Pre-op KOOS JR 48.", 48, True),
        ("Y-balance composite 81 % (12 wks ago SPPB 7).", 7, True),
    ],
)
def test_timepoint_before_the_name(text: str, value: object, previous: bool) -> None:
    assert _previous(text, value) is previous


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Since the initial visit the DHI has dropped, DHI 38 today.", 38),
        ("Re-evaluation Tinetti 22/28.", 22),
        ("Ambulated from the waiting room, TUG 13.2 s.", 13.2),
        ("Walked in from the car then TUG 13.2 s.", 13.2),
        ("Compared with baseline, Berg 47/56.", 47),
        ("Today's evaluation FGA 16/30.", 16),
    ],
)
def test_no_earlier_timepoint_before_the_name(text: str, value: object) -> None:
    assert not _previous(text, value)
