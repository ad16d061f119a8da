"""Round 21, debt the reviews of round 20 named: a job's demands are a section the scanner
answers for (as it does for goals), so a reader that reads blocked numbers on purpose (a walk
in bouts or in miles) asks it rather than guessing from a wholly blocked line. A sentence with
a full 10/10 is searched for a word of pain once, not once per rating in it (counted). The
readers that kept a helper each to turn a section's words into patterns share one loader."""

from __future__ import annotations

import re

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.extract import extract_facts
from tui.core.checks.measures import full_marks
from tui.core.checks.measures.demand_sections import block_demand_sections
from tui.core.checks.text.alternation import NEVER
from tui.core.checks.text.line_spans import line_spans
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import SectionWords, measure_words

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


HEADER = "Patient: Bench Long\nDate: 2027-06-30\n\nO: "


def test_a_long_sentence_with_a_full_mark_is_searched_for_pain_once() -> None:
    full_marks._sentence_names_pain.cache_clear()
    facts = extract_facts(HEADER + "worst 10/10, " + "then 3/10, " * 400 + "\n")
    info = full_marks._sentence_names_pain.cache_info()
    assert info.misses <= 2
    assert info.hits >= 300
    assert sum(fact.kind == "pain" for fact in facts) >= 400


@pytest.mark.parametrize(
    ("text", "pain"),
    [
        ("Grasp release: at table 10/10, at shoulder height 7/10, overhead 3/10\n", set()),
        ("Back pain\nToday: 10/10, yesterday 8/10\n", {10, 8}),
        ("Knee: 10/10 this morning, 6/10 now\n", {10, 6}),
        ("Reach: behind the back 10/10, overhead 4/10\n", set()),
    ],
)
def test_a_full_mark_names_pain_only_where_its_sentence_or_heading_does(
    text: str, pain: set[int]
) -> None:
    assert {fact.value for fact in facts_in(text, "pain")} == pain


def test_a_sections_words_are_strings_and_a_missing_list_matches_nothing() -> None:
    listed = SectionWords({"units": ["ft", "m"], "counts": [3, 4], "name": "not a list"})
    assert listed.words("units") == ("ft", "m")
    assert listed.words("counts") == ("3", "4")
    assert listed.words("name") == () and listed.words("missing") == ()
    assert listed.either("units") == "(?:ft)|(?:m)"
    assert listed.either("missing") == NEVER
    assert re.search(listed.either("missing"), "anything") is None


def test_the_readers_share_one_loader_per_section() -> None:
    assert measure_words("walked_distances") is measure_words("walked_distances")
    assert "walk(?:s|ed|ing)?" in measure_words("walked_distances").words("walks")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("", []),
        ("one", [(0, 3)]),
        ("one\n", [(0, 3)]),
        ("a\n\nbc\n", [(0, 1), (2, 2), (3, 5)]),
        ("\nx", [(0, 0), (1, 2)]),
    ],
)
def test_the_lines_of_a_text_are_walked_once_each(text: str, spans: list[tuple[int, int]]) -> None:
    assert list(line_spans(text)) == spans
