"""Leftover reading classes of issue 12, each on notes of our own with a must-not-read twin:
a cut-off's denominator, rates and tolerances written in minutes, an inline goal, a Section GG
list, a dictated rating with words after it, a numbered flowsheet pain row."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts, extract_unclassified
from tui.core.checks.verify.verify import verify
from tui.core.drafting.placement import place_items, split_items

SOAP = ("Subjective", "Objective", "Assessment", "Plan")


def _read(text: str) -> list[tuple[str, object, str | None]]:
    return [(f.kind, f.value, f.unit) for f in extract_facts(text)]


def _unclassified(text: str) -> list[object]:
    return [item.value for item in extract_unclassified(text)]


# -- 1. a reference value's denominator ---------------------------------------------------------


def test_a_cut_off_written_as_a_fraction_is_no_score_and_no_unknown() -> None:
    text = "FGA 19/30 today; fall-risk cutoff 22/30. Mini-BESTest 17/28 (threshold <19/28)."
    assert _read(text) == [("outcome", 19, "/30"), ("outcome", 17, "/28")]
    assert _unclassified(text) == []


def test_twin_a_score_after_a_cut_off_sentence_is_read() -> None:
    facts = _read("Cutoff for community walkers is 22. FGA today 24/30.")
    assert ("outcome", 24, "/30") in facts


# -- 2. rates and tolerances ----------------------------------------------------------------------


def test_rates_per_minute_are_the_patients_measurements() -> None:
    text = "Far-point copying 7 letters/min; keyboarding 14 words per minute."
    assert _read(text) == [("other", 7, "letters/min"), ("other", 14, "wpm")]
    assert _unclassified(text) == []


def test_twin_a_dose_per_minute_is_not_a_rate_of_the_patient() -> None:
    facts = _read("Pt walked 4 laps on 2 L/min O2.")
    assert all(unit not in ("letters/min", "wpm") for _, _, unit in facts)


def test_tolerances_in_minutes_are_measurements_never_service_minutes() -> None:
    text = (
        "TherAct 23 min: kitchen task at counter. Standing tolerance of 12 minutes before "
        "seated rest; sitting tolerance: 40 min. 97530 x2."
    )
    facts = _read(text)
    assert ("other", 12, "min") in facts and ("other", 40, "min") in facts
    services = [(s.cpt, s.minutes) for s in extract_billing(text).services]
    assert services == [("97530", 23)]


def test_twin_minutes_of_a_service_beside_a_tolerance_word_stay_a_service() -> None:
    text = "Activity tolerance improving. TherEx 18 min for hip strength. 97110 x1."
    services = [(s.cpt, s.minutes) for s in extract_billing(text).services]
    assert services == [("97110", 18)]
    assert ("other", 18, "min") not in _read(text)


def test_twin_a_tolerance_limited_by_a_vital_sign_has_no_minutes() -> None:
    facts = _read("Exercise tolerance limited at HR 150.")
    assert all(unit != "min" for _, _, unit in facts)


def test_a_rate_in_a_table_row_is_labelled_by_its_row() -> None:
    text = "| Measure | Result |\n|---|---|\n| Near copy speed | 9 letters/min |\n"
    (fact,) = extract_facts(text)
    assert (fact.kind, fact.value, fact.unit) == ("other", 9, "letters/min")
    assert "near" in fact.label.lower()


def test_twin_endurance_minutes_of_an_exercise_are_no_tolerance() -> None:
    facts = _read("Cardio endurance 12 min on the bike.")
    assert ("other", 12, "min") not in facts


# -- 3. an inline goal is one clause --------------------------------------------------------------


def test_an_inline_target_blocks_only_its_own_clause() -> None:
    facts = _read("Stairs: target 14 steps recip; climbed 9 steps w/ rail, step-to. Amb 180 ft.")
    assert ("other", 180, "ft") in facts
    assert all(value != 14 for _, value, _ in facts)
    facts = _read("Working toward a goal of 400 ft; amb 260 ft w/ SPC today.")
    assert facts == [("other", 260, "ft")]


def test_twin_a_goal_heading_makes_its_whole_sentence_a_target() -> None:
    assert _read("LTG (6 wks): amb 400 ft w/ SPC; stairs 14 steps w/ rail.") == []
    assert _read("Goal #3 - amb 500 ft mod I; 5xSTS 12 s.") == []


# -- 4. a Section GG list, one item a line ---------------------------------------------------


def _levels(text: str) -> list[tuple[object, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.measure == "Section GG"]


def test_each_item_under_a_gg_heading_is_labelled_by_its_own_name() -> None:
    text = (
        "Mobility (GG0170):\n"
        "  Roll left and right: 05\n"
        "  Walk 150 feet: 02 - CGA, 2 rests\n"
        "  Walk 10 feet on uneven surfaces: 03\n"
        "  - 12 steps: 01 (was 01)\n"
        "Upper body dressing tolerated in sitting.\n"
    )
    assert _levels(text) == [
        (5, "Section GG Roll left and right"),
        (2, "Section GG Walk 150 feet"),
        (3, "Section GG Walk 10 feet on uneven surfaces"),
        (1, "Section GG 12 steps"),
        (1, "Section GG 12 steps (previous)"),
    ]


def test_twin_numbers_after_the_list_ends_are_not_gg_levels() -> None:
    text = "Self-care (GG0130):\n Eating: 04\nTherEx 3x10 SLR, 2 sets bridges.\n"
    assert _levels(text) == [(4, "Section GG Eating")]


# -- 6. a dictated rating with words after the number -------------------------------------------


def test_a_rating_said_later_in_a_sentence_about_pain_is_a_pain_rating() -> None:
    text = "so her hip pain, she tells me it gets to about a seven by evening and it's a 3 now."
    assert [(f.kind, f.value) for f in extract_facts(text)] == [("pain", 7), ("pain", 3)]


def test_twin_a_said_number_is_no_rating_when_the_sentence_is_not_about_pain() -> None:
    assert _read("The new cane, she says it is a 4 in the morning that she forgets it.") == []
    assert _read("Her hip pain is easing; she says it is a 2 mile walk to church.") == []


# -- 7. a numbered flowsheet pain row ------------------------------------------------------------

_ROWS = "1 Pain - now 6 0-10\n2 Pain - best 48h 2 0-10\n3 Grip R 40 lb\n4 Plan continue POC\n"


def test_a_numbered_pain_row_is_a_pain_rating_and_its_row_number_nothing() -> None:
    facts = [(f.kind, f.value, f.label) for f in extract_facts(_ROWS)]
    assert facts[:2] == [("pain", 6, "pain now"), ("pain", 2, "pain best 48h")]
    assert _unclassified(_ROWS) == []
    assert all(value not in (1, 3, 4) for _, value, _ in facts)


def test_a_numbered_pain_row_is_placed_like_a_pain_line() -> None:
    placed = place_items(split_items("FLOWSHEET\n" + _ROWS), SOAP)
    assert placed["Subjective"] == ["Pain - now 6 0-10", "Pain - best 48h 2 0-10"]
    assert "Grip R 40 lb" in placed["Objective"]


def test_twin_a_line_that_starts_with_a_count_keeps_its_number() -> None:
    note = "2 Sets of bridges w/ ball squeeze.\nPain 3/10 after.\n"
    placed = place_items(split_items(note), SOAP)
    assert placed["Objective"] == ["2 Sets of bridges w/ ball squeeze."]
    assert ("pain", 3, None) in _read(note)


# -- 5. a legend on the value's own line --------------------------------------------------------


def _outcomes(text: str) -> list[tuple[object, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.kind == "outcome"]


def test_a_legend_on_the_line_makes_the_bracketed_value_earlier_in_either_order() -> None:
    assert _outcomes("NDI 16% (intake in parens) (34%)") == [
        (16, "NDI"),
        (34, "NDI (previous)"),
    ]
    assert _outcomes("FOTO 61 (figures in parentheses are from SOC) (44)") == [
        (61, "FOTO"),
        (44, "FOTO (previous)"),
    ]


def test_twin_a_legend_naming_today_makes_nothing_earlier() -> None:
    labels = [label for _, label in _outcomes("NDI 16% (figures in parens are today) (34%)")]
    assert all("previous" not in label for label in labels)


# -- 1b. a visual analogue scale in millimetres ---------------------------------------------------


def test_a_vas_in_millimetres_is_a_pain_rating_on_its_line() -> None:
    text = "Knee pain on VAS 64 mm (0-100 mm) before session, 38/100 mm after."
    (fact,) = extract_facts("Knee pain on VAS 64 mm (0-100 mm) before session.")
    assert (fact.kind, fact.value, fact.unit, fact.render()) == ("pain", 64, "mm", "Pain 64 mm VAS")
    assert 100 not in [value for _, value, _ in _read(text)]
    assert verify(text, "S: knee pain VAS 64 mm before session.").unsupported == []


def test_twin_a_vas_of_another_thing_or_a_length_is_no_pain() -> None:
    assert _read("Fatigue VAS 52 mm.") == [("other", 52, "mm")]
    assert all(kind != "pain" for kind, _, _ in _read("Scar length 64 mm, wound edges closed."))
