"""Round 23, a reviewer's probes of the merge: a scale's legend in square brackets, a span of
two days without their year after "Dates of service", and a deficit said in words with its
signed angle bracketed after it. Each with the near miss that must stay as it was."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(text)]


def test_square_bracket_legend_holds_no_score() -> None:
    # the legend's anchors are the scale's, never the patient's
    assert _read("DASH 38 [0 = no disability, 100 = most severe].") == [("outcome", 38, "DASH")]
    assert _read("NPRS 4 [0 = none, 10 = worst].") == [("pain", 4, "NPRS")]
    # twin: a round bracket's legend as before
    assert _read("DASH 38 (0 = no disability, 100 = most severe).") == [("outcome", 38, "DASH")]


def test_square_bracket_without_anchor_is_no_legend() -> None:
    # twin: a bracket of words is no legend and hides no reading after it
    facts = _read("Pain [worst] 6/10.")
    assert [(kind, value) for kind, value, _ in facts] == [("pain", 6)]


def test_span_of_days_is_no_rating() -> None:
    for text in (
        "Dates of service: 1/2\u20132/10",
        "Seen 1/2 \u2013 2/10.",
        "Dates of service: 3/2-4/10",
    ):
        assert _read(text) == [], text


def test_span_twins_keep_their_ratings() -> None:
    # twins: ratings joined by "to", and a rating after "seen" in its own clause
    assert [value for _, value, _ in _read("Pain 3/10 to 5/10.")] == [3, 5]
    assert [value for _, value, _ in _read("Seen today, pain 2/10.")] == [2]


def test_worded_deficit_with_signed_angle_bracketed_is_one_reading() -> None:
    assert _read("Knee extension lacks 10° (-10°).") == [("rom", 10, "knee extension (deficit)")]
    assert _read("Knee ext lacks 10 deg (-10 deg), flex 120.") == [
        ("rom", 10, "knee extension (deficit)"),
        ("rom", 120, "knee flexion"),
    ]


def test_worded_deficit_twins_stay_two_readings() -> None:
    # another angle in the bracket, or an earlier one
    assert len(_read("Knee ext lacks 10° (-15°).")) == 2
    assert [label for *_, label in _read("Knee ext lacks 10° (was -15°).")] == [
        "knee extension (deficit)",
        "knee extension (previous) (deficit)",
    ]
