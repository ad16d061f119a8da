"""The unit gate, the subtests' reader and the columns of times in linear time with the same
readings (issue 12, speed, round 20): the posture and equipment names before each angle of a
line are found once per line (each angle searched its line's start: 40 KB of "flex 12 deg / 30
deg ext 18 / 38 " took 16 times as long as 10 KB), a value's position in the normalised text is
found by bisection instead of trying every position of a 400-character window, and the facts
under each cell of a heading of times are found by bisection instead of a look at every fact
for every cell. Each test compares the faster reading with the search it replaced, and counts
the work on a text and on one four times longer (or per cell) instead of timing it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.layouts import timepoint_columns
from tui.core.checks.measures import item_totals, labels, unit_gate
from tui.core.checks.measures.labels import PREVIOUS
from tui.core.checks.text.per_reading import reading
from tui.core.checks.text.scan import Scanner

LINE = (
    "O: pt in standing, Cobb angle thoracic 24°, lumbar 18 deg; scoliometer ATR 7°, "
    "incline board 10 deg, knee flex 110 deg, tilt-table 60° then hip flex 95, "
    "pelvic tilt 5 deg ext 12 / 30 HOB 30 deg wedge 4 rib hump 9"
)


def _plain_before(pattern: re.Pattern[str], text: str, start: int) -> list[tuple[int, int]]:
    """What `_posture` searched before: the line's whole start, up to the number."""
    line_start = text.rfind("\n", 0, start) + 1
    return [m.span() for m in pattern.finditer(text, line_start, start)]


def _numbers(text: str) -> Iterator[int]:
    return (m.start() for m in unit_gate._NUMBER.finditer(text))


@pytest.mark.parametrize("within_reading", [True, False])
def test_the_names_before_each_number_are_the_line_start_searched(within_reading: bool) -> None:
    rules = unit_gate._rules()
    text = f"Date: 2031-05-02\n{LINE}\nS: 3 wedges, 2 inclines 15\n{LINE[3:]}"
    with reading() if within_reading else _no_reading():
        for start in _numbers(text):
            for pattern in (rules.body, rules.settings):
                line_start = text.rfind("\n", 0, start) + 1
                found = unit_gate._names_before(pattern, text, line_start, start)
                assert [m.span() for m in found] == _plain_before(pattern, text, start)


def test_a_name_that_reaches_the_number_is_searched_afresh() -> None:
    # a pattern that reads digits: the line's matches could hold the number, so no shortcut
    digits = re.compile(r"(?<![A-Za-z])(?:C7|L4[ \t]*5?|wedge)(?![A-Za-z])")
    text = "x L4 5 wedge L45 C7 12"
    with reading():
        for start in range(len(text) + 1):
            found = unit_gate._names_before(digits, text, 0, start)
            assert [m.span() for m in found] == _plain_before(digits, text, start)


def test_the_gate_judges_every_reading_as_it_did() -> None:
    text = f"Date: 2031-05-02\n{LINE}\n"
    facts = extract_facts(text)
    assert any(fact.kind == "other" and "Cobb" in fact.label for fact in facts)
    assert not any(fact.kind == "rom" and fact.value == 10 for fact in facts)  # incline board


class _Counted:
    """A compiled pattern that counts the characters its searches run over."""

    def __init__(self, pattern: re.Pattern[str], searched: list[int]) -> None:
        self.pattern, self.flags, self._compiled = pattern.pattern, pattern.flags, pattern
        self._searched = searched

    def finditer(self, text: str, pos: int = 0, endpos: int = -1) -> Iterator[re.Match[str]]:
        end = len(text) if endpos < 0 else min(endpos, len(text))
        self._searched.append(max(0, end - pos))
        return self._compiled.finditer(text, pos, end)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)


def _searched_by_the_gate(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """The characters the gate's name patterns run over to judge the text's angles."""
    angles = [fact for fact in extract_facts(text) if fact.kind == "rom"]
    assert angles
    searched: list[int] = []
    rules = unit_gate._rules()
    counted = dataclasses.replace(
        rules,
        body=_Counted(rules.body, searched),  # type: ignore[arg-type]
        settings=_Counted(rules.settings, searched),  # type: ignore[arg-type]
    )
    with monkeypatch.context() as patched:
        patched.setattr(unit_gate, "_rules", lambda: counted)
        unit_gate.unit_gated(angles, text)
    return sum(searched)


def test_one_long_line_of_angles_is_searched_for_names_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    piece = "flex 12 deg / 30 deg ext 18 / 38 "
    short = "Date: 2031-05-02\nO: " + piece * 40
    long = "Date: 2031-05-02\nO: " + piece * 160
    small, large = (_searched_by_the_gate(monkeypatch, text) for text in (short, long))
    assert large <= 5 * small, (small, large)  # a search of the line's start per angle: 16x


class _no_reading:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


# -- item_totals: a value's normalised position ---------------------------------------------

SUBTESTS = (
    "Date: 2031-05-02\nO: Beery VMI standard score eighty two (initial seventy four); visual "
    "perception supplemental 91; motor coordination 77\n"
    "| Test | Score |\n|---|---|\n| BOT-2 | 41 |\n"
    "PDMS-2 scaled score 8 (5); Fine Motor Integration 7 (6); Manual Dexterity 9\n"
    "AIMS: prone 8, supine 8, sitting 4, standing 2; total 22\n"
    "Beery VMI standard score 82; visual perception 91, motor coordination 77\n"
)


def _window_scan(scanner: Scanner, fact: Fact) -> int | None:
    """What `_normalised_start` did: every position of the window mapped back in turn."""
    line_start, _ = scanner.line(min(fact.span[0], len(scanner.text) - 1))
    for at in range(max(0, line_start - 200), min(len(scanner.text), fact.span[0] + 200)):
        if scanner.span(at, at + 1)[0] == fact.span[0]:
            return at
    return None


@pytest.mark.parametrize(
    "text", [SUBTESTS, SUBTESTS.replace("eighty two", "82"), "x" * 450 + SUBTESTS]
)
def test_a_value_s_normalised_start_is_the_first_of_its_window(text: str) -> None:
    scanner = Scanner(text)
    assert scanner.norm.offsets is not None or "eighty" not in text
    facts = extract_facts(text)
    assert any(fact.kind == "outcome" for fact in facts)
    for source in range(len(text)):
        fact = Fact(
            kind="outcome", value=1, unit=None, measure="M", label="M", span=(source, source + 1)
        )
        assert item_totals._normalised_start(scanner, fact) == _window_scan(scanner, fact), source


def test_a_value_s_normalised_start_maps_back_a_few_times_not_a_window_s_worth(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scanner = Scanner(SUBTESTS * 8)
    calls: list[int] = []
    spanned = Scanner.span

    def counted(self: Scanner, start: int, end: int) -> tuple[int, int]:
        calls.append(start)
        return spanned(self, start, end)

    monkeypatch.setattr(Scanner, "span", counted)
    facts = [fact for fact in extract_facts(SUBTESTS * 8) if fact.kind == "outcome"]
    calls.clear()
    for fact in facts:
        item_totals._normalised_start(scanner, fact)
    assert len(calls) == 0, len(calls) / len(facts)


# -- timepoint_columns: each cell's facts ---------------------------------------------------

TABLE = (
    "CROM (inclinometer)     today    04/06\n  Flexion               48       42\n"
    "  Rotation R            66       58\n\n"
    "ROM (goniometer, degrees)     R     L\n  Knee flexion     120     95\n"
    "Knee ROM     IE     wk 4     wk 8\n  Flexion    90     105      118\n\n"
)


class _CountedFacts(list[Fact]):
    """The facts, counting each look at all of them."""

    looks = 0

    def __iter__(self) -> Iterator[Fact]:
        _CountedFacts.looks += 1
        return super().__iter__()


def _marked_by_every_fact(facts: list[Fact], marks: list[tuple[int, int, str]]) -> list[Fact]:
    """What the pass did with its cells: every fact looked at for every cell."""
    facts = list(facts)
    for low, high, role in marks:
        for position, fact in enumerate(facts):
            if not low <= fact.span[0] < high or fact.kind == "service":
                continue
            if role == "prior" and labels.may_be_earlier(fact):
                facts[position] = labels.as_earlier(fact)
            elif role in ("R", "L") and not labels.parts_of(fact.label).side:
                facts[position] = dataclasses.replace(fact, label=f"{role} {fact.label}")
    return facts


def test_each_cell_s_facts_are_found_by_bisection_with_the_same_labels() -> None:
    text = "Date: 2031-05-02\n" + TABLE * 30
    scanner = Scanner(text)
    facts = [
        Fact(
            kind="rom",
            value=int(m.group()),
            unit=None,
            measure=None,
            label="Flexion",
            span=m.span(),
        )
        for m in re.finditer(r"\d+", text)
    ]
    want_marks = _marks_of(text)
    counted = _CountedFacts(facts)
    _CountedFacts.looks = 0
    timepoint_columns.mark_timepoint_columns(scanner, counted, ())
    looks = _CountedFacts.looks
    assert list(counted) == _marked_by_every_fact(facts, want_marks)
    assert sum(PREVIOUS in fact.label for fact in counted) >= 30 * 3
    assert len(want_marks) > 100 and looks == 1, looks  # once, not once per cell


def _marks_of(text: str) -> list[tuple[int, int, str]]:
    """The cells the pass marks, found as it finds them."""
    marks: list[tuple[int, int, str]] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        roles = timepoint_columns._heading(lines[index])
        if roles is None:
            index += 1
            continue
        row = index + 1
        while row < len(lines) and row <= index + timepoint_columns._ROWS:
            cells = list(timepoint_columns._CELL.finditer(lines[row]))
            values = cells[-len(roles) :] if len(cells) > len(roles) else []
            if not values or not all(
                timepoint_columns._VALUE_CELL.fullmatch(cell.group()) for cell in values
            ):
                break
            for cell, role in zip(values, roles, strict=True):
                marks.append((offsets[row] + cell.start(), offsets[row] + cell.end(), role))
            row += 1
        index = row
    return marks
