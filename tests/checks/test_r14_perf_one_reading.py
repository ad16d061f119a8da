"""One reading of a note serves every check (issue 12, speed): the passes that do not use the
clinic's measure names run once per text, whichever checks ask for it with or without those
names, and what readers remember of a note's lines lives only while it is read."""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import pytest

from tui.core.checks import extract
from tui.core.checks.measures import legends
from tui.core.checks.text.per_reading import reading, remembered

NOTE = (
    "Date: 2031-05-02\nS: pain 4/10 at rest.\nO: knee flex R/L 118/125 deg; LEFS 41/80; "
    "HR 78 bpm\n97110 x2, 97140 x1. Total timed 38 min.\n"
)


def counted_cache(calls: Counter[object], name: str, work: Callable[..., object]) -> object:
    """`work` memoised as extract.py memoises it, each computation counted by its arguments."""

    def counted(*args: object) -> object:
        calls[(name, *args)] += 1
        return work(*args)

    return lru_cache(maxsize=64)(counted)


def test_the_general_passes_never_take_the_clinic_measure_names() -> None:
    for step in extract._GENERAL_PASSES:
        third = list(inspect.signature(step).parameters)[2]
        assert third.startswith("_"), f"{step.__name__} reads the measure names"


def test_a_text_read_with_and_without_measure_names_is_read_by_the_general_passes_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: Counter[object] = Counter()
    for name in ("_base", "_general"):
        wrapped = getattr(extract, name).__wrapped__
        monkeypatch.setattr(extract, name, counted_cache(calls, name, wrapped))
    monkeypatch.setattr(extract, "_read", lru_cache(maxsize=64)(extract._read.__wrapped__))
    body = NOTE.split("\n", 1)[1]
    plain = extract.extract_facts(body)  # the offline drafter
    named = extract.extract_facts(body, ("LEFS", "Custom Scale"))  # the audit
    billing = extract.extract_billing(body, timed_codes=("97110", "97140"))
    assert calls == Counter({("_base", body): 1, ("_general", body): 1})
    assert {fact.measure for fact in named if fact.kind == "outcome"} == {"LEFS"}
    assert [fact.value for fact in plain] == [fact.value for fact in named]
    assert billing.billed == {"97110": 2, "97140": 1}


def test_the_same_facts_whichever_measure_names_are_read_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extract, "_general", lru_cache(maxsize=64)(extract._general.__wrapped__))
    monkeypatch.setattr(extract, "_read", lru_cache(maxsize=64)(extract._read.__wrapped__))
    named_first = extract.extract_facts(NOTE, ("LEFS",)), extract.extract_facts(NOTE)
    extract._general.cache_clear()
    extract._read.cache_clear()
    plain_first = extract.extract_facts(NOTE), extract.extract_facts(NOTE, ("LEFS",))
    assert named_first == plain_first[::-1]


def test_what_a_reading_remembers_of_a_line_is_dropped_with_it() -> None:
    asked: list[str] = []

    def answer() -> int:
        asked.append("once")
        return len(asked)

    with reading():
        assert remembered(("q", NOTE, (0, 5)), answer) == 1
        assert remembered(("q", NOTE, (0, 5)), answer) == 1  # the same line: not asked again
        with reading():  # a reading within a reading shares its memo
            assert remembered(("q", NOTE, (0, 5)), answer) == 1
    assert remembered(("q", NOTE, (0, 5)), answer) == 2  # outside a reading: asked afresh
    with reading():
        assert remembered(("q", NOTE, (0, 5)), answer) == 3  # a new reading starts empty


def test_the_legend_lookups_keep_no_note_text_after_its_reading() -> None:
    line = "grip R/L 52/38 lb; knee 4/5 | 5/5"
    text = f"O: {line}\n"
    bounds = (3, 3 + len(line))
    with reading():
        member = legends.member_of(text, bounds, text.index("38"))
        assert member is not None
        assert legends.member_spans(text, bounds, member) == [
            (text.index("52"), text.index("52") + 2),
            (text.index("38"), text.index("38") + 2),
        ]
    for name in ("_held_at", "_firsts_at", "_each_named_at"):
        assert not hasattr(getattr(legends, name), "cache_info"), name
    assert legends.member_of(text, bounds, text.index("38")) == member  # same outside
