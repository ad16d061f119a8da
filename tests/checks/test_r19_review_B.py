"""Round 19 review B: phrasings near the merged readers that a stranger wrote, each fixed
reading with its near miss: a version before a colon, a listed one-word name or a score of
the form; an earlier pair of muscle grades; a bike fit's line of settings."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object, str | None, str]]:
    return [(f.kind, f.value, f.unit, f.label) for f in extract_facts(text)]


# -- versions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "blocked"),
    [
        # a colon between the version and the domain that goes on naming the form
        ("Stroke Impact Scale 3.0: hand domain 45, mobility 60", {45, 60}, 3.0),
        # a listed instrument written as one capitalised word, then "version"
        ("Oswestry version 2.1: 34%", {34}, 2.1),
        # the form's score right after its edition
        ("LEFS 2.0 52/80", {52}, 2.0),
    ],
)
def test_version_is_no_score(text: str, kept: set[float], blocked: float) -> None:
    values = {value for _, value, _, _ in _read(text)}
    assert kept <= values
    assert blocked not in values


@pytest.mark.parametrize(
    "text",
    [
        "QuickDASH 2.3: improved from 40",  # a score, then a word of its change
        "VAP 1.8 (eval 2.6)",  # a score and its earlier one
        "LYMQOL overall 2.1",
    ],
)
def test_score_with_one_decimal_stays(text: str) -> None:
    assert any(kind == "outcome" and value in (1.8, 2.1, 2.3) for kind, value, _, _ in _read(text))


# -- side pairs of grades --------------------------------------------------------------------


def test_earlier_pair_of_grades_takes_each_side() -> None:
    read = _read("Hip abd R 4/5, L 5/5 (prior 3/5, 4+/5)")
    assert ("mmt", "3", None, "R hip abduction (previous)") in [
        (k, str(v), u, lab) for k, v, u, lab in read
    ]
    assert ("mmt", "4+", None, "L hip abduction (previous)") in [
        (k, str(v), u, lab) for k, v, u, lab in read
    ]


def test_goal_pair_of_grades_is_no_earlier_pair() -> None:
    read = _read("Hip abd R 4/5, L 5/5 (goal 5/5, 5/5)")
    assert not any("previous" in label for _, _, _, label in read)


# -- bike fit --------------------------------------------------------------------------------


def test_bike_fit_line_holds_settings() -> None:
    assert _read("Bike fit: saddle setback 6 cm, reach 52 cm") == []


def test_functional_reach_after_a_bike_fit_stays() -> None:
    read = _read("Bike fit done today. Functional reach 25 cm.")
    assert ("other", 25, "cm", "Functional reach") in read


# -- domain lines another reader misread -----------------------------------------------------


def test_domain_lines_under_a_listed_heading_are_its_scores() -> None:
    read = _read("Mini-BESTest:\n  Anticipatory 4/6\n  Reactive 3/6\n  Gait 8/10\n  Total 20/28")
    assert [f.measure for f in extract_facts("Mini-BESTest:\n  Anticipatory 4/6\n  Gait 8/10")] == [
        "Mini-BESTest",
        "Mini-BESTest",
    ]
    assert not any(kind == "pain" for kind, _, _, _ in read)


def test_pain_line_under_vitals_stays_pain() -> None:
    read = _read("Vitals:\n  Pain 4/10\n  HR 72")
    assert ("pain", 4, None, "pain") in read
