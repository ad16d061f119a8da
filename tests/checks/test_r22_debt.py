"""Round 22, debt the reviews of round 21 named, mended with the facts unchanged: markup.toml is
parsed once for markup.py and the XML export reader; the slash loads' alternations and the
finger grids' joint columns come from the shared helpers and one list; the steps a task took ask
the scanner whether a line is a job's demands. Two hot paths are linear: the part brackets keep
their facts in order as they read (no sort and no search of every fact per bracket), and a rule
of non-measures finds its line's gate once per line, not once per value (CPU time, counted)."""

from __future__ import annotations

import re
import time

import pytest

from tests.checks.conftest import facts_in
from tui.core.checks.facts import Fact
from tui.core.checks.layouts import finger_grids, xml_elements
from tui.core.checks.layouts.columns import data_table
from tui.core.checks.measures import not_measured
from tui.core.checks.measures.facts_by_span import FactsBySpan
from tui.core.checks.measures.part_brackets import read_part_brackets
from tui.core.checks.tables import markup_lists
from tui.core.checks.text import lexicon, markup
from tui.core.checks.text.scan import Scanner


def _cpu(call: object, *args: object) -> float:
    start = time.process_time()
    call(*args)  # type: ignore[operator]
    return time.process_time() - start


def test_markup_lists_serve_both_readers() -> None:
    assert markup._data() is markup_lists()
    assert {"td", "tr", "br", "span", "thead"} <= xml_elements._html_tags()
    assert "par" not in xml_elements._html_tags()  # an RTF word is no HTML tag


EXPORT = """<?xml version="1.0"?>
<Visit>
  <Goniometry side="R" joint="elbow" motion="flexion" value="128" unit="deg"/>
</Visit>
"""


def test_an_xml_export_is_still_read_and_a_web_page_is_not_one() -> None:
    assert [fact.value for fact in facts_in(EXPORT, "rom")] == [128]
    assert xml_elements._is_export(EXPORT)
    assert not xml_elements._is_export("<table><tr><td>6MWT</td><td>392 m</td></tr></table>\n")


def test_a_headed_run_of_loads_keeps_its_unit() -> None:
    found = [
        (f.value, f.unit, f.label)
        for f in facts_in("Grip (kg) R 31/33/30, L 24/22/25\n", "strength")
    ]
    assert found == [
        (31, "kg", "R grip"), (33, "kg", "R grip"), (30, "kg", "R grip"),
        (24, "kg", "L grip"), (22, "kg", "L grip"), (25, "kg", "L grip"),
    ]  # fmt: skip


def test_finger_grid_columns_are_the_digit_rows_joints_and_the_grids_own() -> None:
    column = finger_grids._column()
    for joint in (*data_table("digit_rows")["joints"], "CMC", "TAM", "TPM"):
        assert f"(?:{joint})" in column
    grid = "Hand ROM (R)\n        MP   PIP   DIP   TAM\nIndex   0/78  -15/82  -10/44  179\n"
    labels = [f.label for f in facts_in(grid, "rom")]
    assert "R Index PIP flexion" in labels and "R Index TAM" in labels


def test_steps_on_a_line_of_the_jobs_demands_are_the_jobs() -> None:
    assert [(f.value, f.unit) for f in facts_in("Pull test: 4 steps backward\n", "other")] == [
        (4, "steps")
    ]
    assert facts_in("Job demands: pull test 4 steps backward\n", "other") == []


def _parts_note(lines: int) -> tuple[Scanner, list[Fact]]:
    """Lines of two parts and a bracket of their earlier scores, which another reader took."""
    line = "KOOS symptoms 61, pain 58 (eval 40/35)\n"
    text = line * lines
    scanner = Scanner(text)
    facts: list[Fact] = []
    for at in range(0, len(text), len(line)):
        for value, label in ((61, "KOOS symptoms"), (58, "KOOS pain")):
            start = text.index(str(value), at)
            facts.append(
                Fact("outcome", value, measure="koos", label=label, span=(start, start + 2))
            )
        start = text.index("40/35", at)
        scanner.claim(start, start + 5)
        facts.append(
            Fact("outcome", 40, "/35", "koos", label="KOOS symptoms", span=(start, start + 5))
        )
    return scanner, facts


def test_a_bracket_taken_by_another_reader_is_read_one_a_part() -> None:
    scanner, facts = _parts_note(2)
    read_part_brackets(scanner, facts, ())
    assert [(f.value, f.label) for f in facts] == [
        (61, "KOOS symptoms"), (58, "KOOS pain"), (61, "KOOS symptoms"), (58, "KOOS pain"),
        (40, "KOOS symptoms (previous)"), (35, "KOOS pain (previous)"),
        (40, "KOOS symptoms (previous)"), (35, "KOOS pain (previous)"),
    ]  # fmt: skip


def test_facts_by_span_keeps_its_order_as_facts_are_added_and_dropped() -> None:
    facts = [Fact("outcome", n, label="x", span=(n, n + 1)) for n in (5, 1, 3)]
    by_span = FactsBySpan(facts)
    assert [f.value for f in by_span.starting(0, 9)] == [1, 3, 5]
    facts.append(Fact("outcome", 9, label="y", span=(3, 4)))
    by_span.add(facts[-1])
    assert [f.value for f in by_span.starting(3, 4)] == [3, 9]  # ties in the order read
    by_span.drop([facts[2]])
    assert [f.value for f in by_span.starting(0, 9)] == [1, 9, 5]
    by_span.settle()
    assert [f.value for f in facts] == [5, 1, 9]


def test_part_brackets_grow_linearly() -> None:
    small, large = _parts_note(500), _parts_note(4000)
    cost_small = _cpu(read_part_brackets, *small, ())
    cost_large = _cpu(read_part_brackets, *large, ())
    assert len(large[1]) == 4000 * 4
    assert cost_large < 8 * 2.5 * max(cost_small, 0.01)  # a sort per bracket was 64 times


def test_a_dose_needs_its_gate_before_it_on_its_line() -> None:
    dosed = not_measured.not_measured_spans("Botox today: gastroc 100 U, FDL 40 U\n")
    assert [trap for trap, _span, _blocks in dosed] == ["dose", "dose"]
    assert not_measured.not_measured_spans("gastroc 100 U, FDL 40 U (no botox)\n") == ()


def test_a_long_line_of_values_without_its_gate_reads_in_linear_time() -> None:
    line = "gastroc " + "FDL 40 U, " * 4000 + "\n"  # 40 KB, no injection named
    assert _cpu(not_measured.not_measured_spans, line) < 1.0
    gated = "Botox " + line
    assert _cpu(not_measured.not_measured_spans, gated) < 1.0
    assert len(not_measured.not_measured_spans(gated)) == 4000


GOALS = (
    "STG #1: knee flexion 120 deg. LTGs: TUG under 10 s\n"
    " - Target knee flexion 150 deg by week 8\n"
    "\u2022 target ext 0 within 4 wks; aiming for 120; hoping to get Berg to 50/56\n"
    "Expected outcome: gait speed 1.0 m/s; would like to return to 5 km runs\n"
)


def test_goal_opening_words_are_derived_from_the_pattern_and_cover_every_match() -> None:
    words = lexicon.GOAL_START_WORDS
    assert {"stg", "ltg", "goal", "objective", "target", "aim", "hop", "expect", "would"} <= set(
        words
    )
    found = [match.start() for match in lexicon.GOAL_START.finditer(GOALS)]
    assert len(found) >= 7
    low = GOALS.lower()
    for start in found:
        opening = low[start:].lstrip(lexicon.GOAL_START_BLANKS)
        assert opening.startswith(words), low[start : start + 20]


def test_an_alternative_with_no_opening_word_is_refused() -> None:
    with pytest.raises(ValueError):
        lexicon._opening_words(re.compile(r"\bgoal|\d+ reps"), "")
