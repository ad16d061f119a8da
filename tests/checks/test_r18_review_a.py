"""Round 18 review A: wrong readings the merged rules made on lines none of the engineers wrote,
each with the line that showed it and the near-misses the mend must leave as they were.
"""

from __future__ import annotations

import pytest

from tests.checks.conftest import labels_of
from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


def _of(body: str, kind: str) -> dict[float, str]:
    """Each value of `kind` in the note `body` -> its label."""
    return labels_of(HEADER + body, kind)


@pytest.mark.parametrize(
    "line",
    [
        "Dynamometer: R grip 25 kg. Elbow flexion R 12 kg, L 10 kg.",
        "Dynamometer: R grip 25 kg, L 22 kg; elbow flex R 12 kg, L 10 kg",
    ],
)
def test_a_dynamometers_next_item_is_no_grip(line: str) -> None:
    """others.read_regions: an item after the grip's clause keeps its own motion."""
    found = _of("O: " + line + "\n", "strength")
    assert found[25] == "R grip"
    assert "elbow flexion" in found[12] and "grip" not in found[12]
    assert "elbow flexion" in found[10] and "grip" not in found[10]


def test_a_dynamometers_own_items_are_unchanged() -> None:
    found = _of("O: HHD knee ext R 22.4 kg, L 30.1 kg. Knee flex R 14.0 kg.\n", "strength")
    assert found[14.0] == "R knee flexion hhd"
    assert found[22.4] == "R knee extension hhd"
    found = _of("O: Grip R 25 kg, L 22 kg. Home program 2 kg dumbbell 3x10.\n", "strength")
    assert 2 not in found and found[22] == "L grip"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Pain was 6/10 visit 1, 3/10 today", 6),
        ("Pain 6/10 @ session #1, now 2/10", 6),
        ("Berg 41/56 visit 1, 48/56 today", 41),
    ],
)
def test_a_value_of_the_first_visit_is_an_earlier_one(line: str, value: float) -> None:
    """measures.toml prior_after: 'visit 1' after a value names the first visit."""
    facts = [f for f in _facts("O: " + line + "\n") if f.value in (value, f"{value}/56")]
    assert facts and all("(previous)" in f.label for f in facts)


@pytest.mark.parametrize(
    "line", ["Pain 4/10, visit 1 of 12", "Pain 5/10 visit 3", "Pain 4/10 visit 10", "Pain 4/10"]
)
def test_a_visit_counted_or_numbered_later_makes_no_earlier_value(line: str) -> None:
    assert not [f for f in _facts("O: " + line + "\n") if "previous" in f.label]


def test_ratings_parted_by_and_each_take_their_own_circumstance() -> None:
    """scores._CIRCUMSTANCE_ENDS: "and" parts two ratings as a comma does."""
    found = _of("O: NPRS 2 at rest, 6 with stairs and 8 after work\n", "pain")
    assert found[6] == "NPRS with stairs"
    assert found[8] == "NPRS after work"
    found = _of("O: NPRS 3 at rest and 5 with walking, 7 at night\n", "pain")
    assert found[5] == "NPRS with walking" and found[7] == "NPRS at night"


@pytest.mark.parametrize(
    "line",
    [
        "Pain 3/10, 6 of 10 patients report relief with PT.",
        "Pain 3 of 10, 8 of 10 adults improve.",
        "Pain 3/10; 7/10 people improve with exercise.",
    ],
)
def test_people_counted_are_no_rating(line: str) -> None:
    """measures.toml [not_measurements] counted: people counted out of ten."""
    assert set(_of("O: " + line + "\n", "pain")) == {3}


def test_of_ten_ratings_still_read() -> None:
    found = _of("O: Pain 6 of 10 with stairs, 2 of 10 at rest.\n", "pain")
    assert set(found) == {6, 2}


@pytest.mark.parametrize(
    ("line", "value", "label"),
    [
        ("L shoulder pain 3/10; neck pain 2/10", 2, "pain cervical"),
        ("Wife has R knee pain 7/10; pt pain 2/10.", 2, "pain"),
        ("L shoulder stiff; pain 3/10", 3, "pain"),
        ("L shoulder pain 3/10; neck pain 2/10", 3, "pain shoulder L"),
        ("Left shoulder pain 3/10 with overhead reach.", 3, "pain with overhead reach shoulder L"),
        ("Pain R elbow 4/10 at rest.", 4, "pain at rest elbow R"),
    ],
)
def test_a_pain_ratings_part_comes_from_its_own_clause(line: str, value: float, label: str) -> None:
    """scores._part_rated: a joint or side named before a semicolon is another rating's."""
    assert _of("O: " + line + "\n", "pain")[value] == label
