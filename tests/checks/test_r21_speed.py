"""Round 21, speed: shared work that readers asked once per value is done once per pass or per
note, with the same readings. Real text in, facts out (including the readings the changed code
must still refuse), and the work counted where it used to grow with the note's facts."""

from __future__ import annotations

import random
from pathlib import Path

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.measures import facts_by_span, labels
from tui.core.checks.measures.not_measured import _Reach
from tui.core.checks.text.lexicon import GOAL_START
from tui.core.checks.text.scan import _goal_start

HEADER = "Patient: Speed Test\nDate: 2139-03-14\n\n"
CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"


def _read(body: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(HEADER + body)]


# -- rom: a scale's item scores, asked of the outcome scores by bisection ----------------------


def test_a_scales_item_scores_after_its_colon_are_no_angles() -> None:
    found = _read("Objective: SARA 14.5/40: gait 4, stance 2, finger chase R 1 / L 1.")
    assert [kind for kind, _, _ in found] == ["outcome"]


def test_small_angles_after_a_scale_in_its_own_sentence_are_still_read() -> None:
    found = _read("Objective: SARA 14.5/40. R knee flexion 5 deg, L knee flexion 8.")
    assert ("rom", 5, "R knee flexion") in found
    assert ("rom", 8, "L knee flexion") in found


# -- not measured: a fact overlapping a rule's span, found by bisection ------------------------


def test_reach_finds_the_same_overlaps_as_a_search_of_every_span() -> None:
    chance = random.Random(21)
    for _ in range(200):
        spans = []
        for _ in range(chance.randint(1, 12)):
            start = chance.randint(0, 80)
            spans.append((start, start + chance.randint(0, 9)))
        reach = _Reach(spans)
        for start in range(0, 90):
            for width in (0, 1, 3, 7):
                end = start + width
                brute = any(low < end and start < high for low, high in spans)
                assert reach.overlaps(start, end) == brute, (spans, start, end)


# -- goal statements: the pattern tried only where its opening words stand ---------------------

_GOAL_TEXTS = (
    "STG #2: knee flexion 120 deg by week 6.",
    "Goals:\n- Target knee flexion 120 deg\n* \u2022 target hip abd 30 deg in 4 weeks",
    "Pt met goal. target 90. Targets: 5/10",
    "targeting knee ext 0 within 4 wks; hit targets 8/10",
    "Target met: knee flex 120 deg today.",
    "Aim: 0-110 by 6/52. AIMS 42. aiming for 120. hoping to get Berg to 50/56.",
    "expected outcome: gait speed 1.0 m/s; desired outcomes 3; would like to reach 90",
    "\u017ftg 4 (a long s), \u0130target 3, x-target 5, _goal 2, 3goal 4, anticipated outcome 2",
    "",
    "target",
)


def test_goal_starts_are_the_patterns_own_matches() -> None:
    texts = list(_GOAL_TEXTS) + [
        p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))
    ]
    for text in texts:
        expected = [match.span() for match in GOAL_START.finditer(text)]
        assert [match.span() for match in _goal_start().scan(text)] == expected, text[:80]


def test_a_goals_numbers_are_still_targets_and_todays_are_not() -> None:
    found = _read("Goals: knee flexion 120 deg by week 6.\nToday R knee flexion 95 deg.")
    assert [value for kind, value, _ in found if kind == "rom"] == [95]


# -- part brackets: the facts of a bracket's line, sorted once per change ----------------------


def test_a_brackets_earlier_scores_go_to_the_parts_before_it() -> None:
    found = _read("Objective: FAAM symptom severity 3.1, physical function 2.6 (eval 3.6 / 3.0)")
    assert ("outcome", 3.6, "FAAM symptom severity (previous)") in found
    assert ("outcome", 3.0, "FAAM physical function (previous)") in found


def test_a_goal_bracket_or_one_number_too_many_gives_no_earlier_scores() -> None:
    for bracket in ("(goal 3.4 / 3.0)", "(eval 3.6 / 3.0 / 2.0)"):
        found = _read(f"Objective: FAAM symptom severity 3.1, physical function 2.6 {bracket}")
        assert [label for _, _, label in found if "previous" in label] == []


def _fact(start: int) -> Fact:
    return Fact(kind="outcome", value=1, span=(start, start + 1), label="x")


def test_the_facts_are_sorted_once_however_many_brackets_ask() -> None:
    facts = [_fact(start) for start in range(5000, 0, -1)]
    by_span = facts_by_span.FactsBySpan(facts)
    sorts = 0

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal sorts
        sorts += 1
        return sorted(*args, **kwargs)  # type: ignore[call-overload]

    facts_by_span.sorted = counted  # type: ignore[attr-defined]
    try:
        for start in range(0, 5000, 10):
            assert [fact.span[0] for fact in by_span.starting(start, start + 3)] == [
                s for s in range(start, start + 3) if s >= 1
            ]
        assert sorts == 1
        facts.append(_fact(2))
        by_span.changed()
        assert [fact.span[0] for fact in by_span.starting(2, 3)] == [2, 2]
        assert sorts == 2
    finally:
        del facts_by_span.sorted  # type: ignore[attr-defined]


# -- labels: the anatomy words of a text, remembered -------------------------------------------


def test_mentions_are_remembered_and_each_caller_gets_its_own_list() -> None:
    labels._mentions.cache_clear()
    first = labels.mentions("R knee ext rot 30")
    first.clear()
    second = labels.mentions("R knee ext rot 30")
    assert second and second[0][1] == "side"
    assert labels._mentions.cache_info().hits == 1
