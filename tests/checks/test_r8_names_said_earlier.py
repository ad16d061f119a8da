"""An instrument's earlier score said after its score without its name: in a clause whose
subject is left out ("T25FW 9.8 s, the average of 2 trials, was 11.6 at the eval") or in the
next sentence by a pronoun ("DHI 40. Last time it was 58."). Each has a twin that must not be
read: another fact between, another sentence's subject, a number with a unit of its own.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def scores(text: str, measure: str) -> list[tuple[object, bool]]:
    return [
        (fact.value, "previous" in fact.label)
        for fact in extract_facts(text)
        if fact.kind == "outcome" and fact.measure == measure
    ]


def test_a_clause_without_its_subject_gives_the_earlier_score() -> None:
    text = "T25FW 9.8 s, the average of 2 trials, was 11.6 at the eval.\n"
    assert scores(text, "T25FW") == [(9.8, False), (11.6, True)]


def test_another_fact_between_takes_the_clause() -> None:
    assert scores("6MWT 348 m, HR 110, was 88 at eval.\n", "6MWT") == [(348, False)]


@pytest.mark.parametrize(
    ("text", "measure", "earlier"),
    [
        ("MSWS-12 54 out of 100. Last time it was 62.\n", "MSWS-12", 62),
        ("DHI 40 today. It was 58 at the eval.\n", "DHI", 58),
        ("Berg 45/56. At the eval she scored 38.\n", "Berg", 38),
    ],
)
def test_the_next_sentence_turning_back_gives_the_earlier_score(
    text: str, measure: str, earlier: float
) -> None:
    assert scores(text, measure)[-1] == (earlier, True)


@pytest.mark.parametrize(
    "text",
    [
        "TUG 12.1 s. Last time it was 15 degrees outside.\n",
        "Berg 45/56 and HR 80. Last time it was 38.\n",
        "Berg 45/56. Gait belt used. Last time it was 38.\n",
    ],
)
def test_a_sentence_that_does_not_turn_back_to_the_score_gives_none(text: str) -> None:
    measure = "TUG" if text.startswith("TUG") else "Berg"
    assert [value for value, earlier in scores(text, measure) if earlier] == []


def test_words_of_an_earlier_time_before_it_was_label_the_value_after_them() -> None:
    text = "Scar rating modified Vancouver 7 out of 13, last month it was 10.\n"
    assert scores(text, "mVSS") == [(7, False), (10, True)]


def test_words_of_an_earlier_time_after_a_value_alone_still_label_it() -> None:
    assert scores("Berg 40/56 last month, 45/56 today.\n", "Berg") == [(40, True), (45, False)]
