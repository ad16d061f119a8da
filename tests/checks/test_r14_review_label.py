"""Round 14 review, group label: what ends a plan, a side from a placed limb, scores paired by
"respectively" with their earlier values, and an instrument's part. Each rule with the round's
reading it keeps."""

from __future__ import annotations

from tests.checks.conftest import facts_in


def readings(text: str, kind: str | None = None) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in facts_in(text, kind)]


def test_a_bare_today_line_goes_on_with_the_plan() -> None:
    """Only today's treatment ends a plan; a clause with a modal and a later time is a goal."""
    expected = "P: HEP reviewed\nToday: pt to return in 1 wk, expected knee flex 120 by then\n"
    assert readings(expected, "rom") == []
    assert readings("P: HEP reviewed\nToday: will reassess grip 30 kg next visit\n") == []
    assert readings("P: HEP reviewed\nTx: will reassess grip 30 kg next visit\n") == []


def test_todays_treatment_after_the_plan_is_measured() -> None:
    """The round's reading kept: "Tx:" ends the plan and its values are this visit's."""
    for heading in ("Tx:", "Today's treatment:"):
        text = f"P: cont 2x/wk next visit\n{heading} gait 15 min, Berg 44/56\n"
        assert [label for _, _, label in readings(text, "outcome")] == ["Berg"]


def test_a_limb_put_down_names_no_side() -> None:
    assert [label for _, _, label in readings("SLS 8 s R foot down\n")] == ["sls"]
    assert [label for _, _, label in readings("SLS 8 s R foot touched\n")] == ["sls"]


def test_a_test_without_sides_takes_none_from_a_limb() -> None:
    assert [label for _, _, label in readings("FSST 14 s R foot forward\n")] == [
        "Four Square Step Test"
    ]


def test_a_placed_limb_still_sides_a_stance() -> None:
    """The round's reading kept."""
    labels = [
        label for _, _, label in readings("Tandem stance: 10 s R foot behind, 6 s L foot behind\n")
    ]
    assert labels == ["R tandem stance", "L tandem stance"]
    assert [label for _, _, label in readings("SLS 15 s R LE, 9 s L LE\n")] == ["R sls", "L sls"]


def test_respectively_pairs_names_straight_before_the_values() -> None:
    assert readings("LEFS and ODI 52 and 30, respectively\n", "outcome") == [
        ("outcome", 52, "LEFS"),
        ("outcome", 30, "ODI"),
    ]
    labels = [label for _, _, label in readings("Berg and TUG 44/56 and 13 s respectively\n")]
    assert labels == ["Berg", "TUG"]


def test_respectively_from_earlier_values_pairs_them_as_earlier() -> None:
    text = "Berg and TUG: 44 and 13, respectively, from 40 and 16\n"
    assert readings(text, "outcome") == [
        ("outcome", 44, "Berg"),
        ("outcome", 13, "TUG"),
        ("outcome", 40, "Berg (previous)"),
        ("outcome", 16, "TUG (previous)"),
    ]


def test_respectively_with_a_link_is_kept() -> None:
    """The round's reading kept."""
    text = "Berg and TUG were 41 and 14.2 s respectively\n"
    assert [(value, label) for _, value, label in readings(text, "outcome")] == [
        (41, "Berg"),
        (14.2, "TUG"),
    ]


def test_a_count_of_modules_is_no_part_score() -> None:
    assert [label for _, _, label in readings("QuickDASH 29.5; module 2 of 4\n")] == ["QuickDASH"]
    assert [label for _, _, label in readings("QuickDASH 29.5; module 2\n")] == ["QuickDASH"]


def test_a_named_part_with_its_score_is_read() -> None:
    """The round's reading kept."""
    text = "QuickDASH 29.5; work module 43.8, sports module 62.5\n"
    assert [label for _, _, label in readings(text)] == [
        "QuickDASH",
        "QuickDASH work module",
        "QuickDASH sports module",
    ]
