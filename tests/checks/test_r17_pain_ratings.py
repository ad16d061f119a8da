"""Pain ratings in shapes the readers missed (issue 12, round 17): a pain scale's ratings by
circumstance parted by semicolons, a pain field's list of bare numbers, marks on a VAS line
listed in mm, an earlier rating said as a move ("down from 6", an arrow), a spoken "period"
after a rating, and ratings of other symptoms beside pain. Each rule has the reading it must
make and the readings it must not make."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str, kind: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == kind]


def _values(text: str, kind: str) -> list[object]:
    return [value for value, _ in _read(text, kind)]


# -- a pain scale's ratings parted by semicolons --------------------------------------------------


def test_semicolons_part_a_forms_pain_fields() -> None:
    assert _values("Pain (NPRS)   Current: 3; Best: 1; Worst: 6", "pain") == [3, 1, 6]


def test_semicolons_part_a_pain_scales_ratings_by_circumstance() -> None:
    assert _values("Pain (NRS 0-10):  now 2;  best 0;  worst 7", "pain") == [2, 0, 7]


def test_a_time_window_in_the_next_fields_bracket_is_no_rating() -> None:
    read = _values("NPRS    Today: 4;   Best (24 h): 2;   Worst (24 h): 8", "pain")
    assert read == [4, 2, 8]
    assert 24 not in read


def test_a_semicolon_before_a_new_clause_still_ends_a_score() -> None:
    facts = extract_facts("HOOS JR 60; R abductor weakness persists 4")
    assert [fact.value for fact in facts if fact.kind == "outcome"] == [60]


# -- a pain field's list of bare numbers ---------------------------------------------------------


def test_a_pain_field_lists_its_ratings_by_circumstance() -> None:
    read = _read("Pain: rest 1, activity 5, worst 7 (0-10) on the L hip.", "pain")
    assert read == [(1, "pain rest"), (5, "pain activity"), (7, "pain worst")]


def test_a_pain_field_parted_by_semicolons() -> None:
    assert _values("pain: current 3; best 1; worst 6", "pain") == [3, 1, 6]


def test_one_bare_number_after_a_pain_field_is_no_list() -> None:
    assert _values("Pain: rest 1.", "pain") == []


def test_a_pain_field_of_places_and_times_is_no_list() -> None:
    assert _values("Pain: location L knee, onset 3 days ago", "pain") == []
    assert _values("Pain: L hip, onset 3 wks, 2 sites", "pain") == []


# -- marks on a VAS line, listed in mm -----------------------------------------------------------


def test_a_list_of_marks_on_a_vas_line_is_pain_in_mm() -> None:
    facts = extract_facts("VAS (100 mm line): at rest 18 mm, walking 46 mm, worst 72 mm.")
    assert [(f.kind, f.value, f.unit) for f in facts] == [
        ("pain", 18, "mm"),
        ("pain", 46, "mm"),
        ("pain", 72, "mm"),
    ]


def test_a_mark_after_a_comma_and_the_first_marks_circumstance() -> None:
    facts = extract_facts("VAS 34 mm at rest, 61 mm after walking.")
    assert [(f.kind, f.value) for f in facts] == [("pain", 34), ("pain", 61)]


def test_another_measure_in_mm_after_a_bare_mark_is_not_the_scales() -> None:
    facts = extract_facts("VAS 34 mm, jaw opening 38 mm")
    assert [(f.kind, f.value) for f in facts] == [("pain", 34), ("other", 38)]


def test_another_symptoms_vas_list_stays_that_symptoms() -> None:
    facts = extract_facts("fatigue VAS 40 mm, 55 mm after")
    assert {f.kind for f in facts} == {"other"}


# -- an earlier rating said as a move ------------------------------------------------------------


def test_down_from_in_a_bracket_gives_the_earlier_rating() -> None:
    # the rating's label names the joint rated (round 18), and so does the earlier one's
    read = _read("Knee pain 3/10 (down from 6).", "pain")
    assert read == [(3, "pain knee"), (6, "pain knee (previous)")]


def test_an_arrow_before_from_and_a_circumstance_before_the_bracket() -> None:
    read = _read("LBP 3/10, L leg 1/10 (\u2193 from 5).", "pain")
    assert read[-1] == (5, "pain L (previous)")  # the side of the leg rated (round 18)
    read = _read("Knee pain 3/10 on stairs (\u2193 from 6 at IE).", "pain")
    assert read == [(3, "pain on stairs knee"), (6, "pain on stairs knee (previous)")]


def test_a_bracket_after_another_number_restates_nothing() -> None:
    facts = extract_facts("NDI 18 today, desk work 2 h (intake: 30)")
    assert [fact.value for fact in facts] == [18]


# -- a spoken mark after a rating, and a counter before "out of 10" --------------------------------


def test_a_spoken_period_ends_a_pain_ratings_label() -> None:
    read = _read("Pain at rest 2/10 period pain with stairs 5/10 period", "pain")
    assert [label for _, label in read] == ["pain", "pain"]


def test_a_rating_out_of_ten_after_a_time_word_is_no_counter() -> None:
    assert _values("Pain average over the past week 4 out of 10, worst 8 out of 10.", "pain") == [
        4,
        8,
    ]


# -- other symptoms rated beside pain ------------------------------------------------------------


def test_other_symptoms_rated_beside_pain_are_not_pain() -> None:
    text = "Symptom ratings (0-10): pain 3/10, stiffness 6/10, fatigue 5/10, dizziness 2/10."
    assert _values(text, "pain") == [3]
    assert _values(text, "other") == [6, 5, 2]


def test_a_pain_field_after_a_dash_or_the_scales_range() -> None:
    assert _values("Pain - rest: 2; walking: 5; night: 6", "pain") == [2, 5, 6]
    assert _values("Pain 0-10: rest 2 / walking 5 / night 6", "pain") == [2, 5, 6]


def test_an_earlier_time_after_the_moved_value() -> None:
    read = _read("Neck pain 4/10 (\u2191 from 2 last wk)", "pain")
    assert read == [(4, "pain cervical"), (2, "pain cervical (previous)")]
    assert _read("Pain 3/10 (was 5 last visit)", "pain")[-1] == (5, "pain (previous)")


def test_a_preposition_opens_a_pain_scales_next_circumstance() -> None:
    assert _read("Pain NRS now 3; at worst 7; at best 1", "pain") == [
        (3, "NPRS"),
        (7, "NPRS worst"),
        (1, "NPRS best"),
    ]
