"""Round 21, debt the reviews of round 20 named: a job's demands are a section the scanner
answers for (as it does for goals), so a reader that reads blocked numbers on purpose (a walk
in bouts or in miles) asks it rather than guessing from a wholly blocked line."""

from __future__ import annotations

from tests.checks.conftest import facts_in
from tui.core.checks.measures.demand_sections import block_demand_sections
from tui.core.checks.text.scan import Scanner

DEMANDS = (
    "ESSENTIAL FUNCTIONS (route driver)\n"
    "- Walks 2 x 150 ft between stops, carries 30 lb\n"
    "\n"
    "WORKER RESULTS\n"
    "Walked 2 x 150 ft with SBA, no rest.\n"
)


def _walked(text: str) -> list[float | str]:
    return sorted(fact.value for fact in facts_in(text, "other") if fact.unit in ("ft", "mi"))


def test_a_demands_section_is_the_jobs_and_the_scanner_says_so() -> None:
    scanner = Scanner(DEMANDS)
    block_demand_sections(scanner, [], ())
    walk = DEMANDS.index("150")
    result = DEMANDS.rindex("150")
    assert scanner.in_demands(walk) and scanner.is_blocked(walk, walk + 3)
    assert not scanner.in_demands(result) and not scanner.is_blocked(result, result + 3)
    assert scanner.fork().in_demands(walk)


def test_a_line_keyed_by_the_jobs_demands_is_the_jobs() -> None:
    text = "Job demands (picker): walks 3 mi a shift, kneels 20 min\nWalked 1.2 mi on the track.\n"
    scanner = Scanner(text)
    block_demand_sections(scanner, [], ())
    assert scanner.in_demands(text.index("3 mi"))
    assert not scanner.in_demands(text.index("1.2"))
    assert _walked(text) == [1.2]


def test_a_walk_in_bouts_under_the_jobs_demands_is_no_walk() -> None:
    assert _walked(DEMANDS) == [150]


def test_a_walk_under_a_heading_that_compares_the_worker_is_still_read() -> None:
    text = "Job demands vs abilities:\nWalked 0.5 mi on the treadmill without rest\n"
    scanner = Scanner(text)
    block_demand_sections(scanner, [], ())
    assert not scanner.in_demands(text.index("0.5"))
    assert _walked(text) == [0.5]
