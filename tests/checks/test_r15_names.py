"""Round 15, how a number is tied to the scale it is the result of: a faces scale is a pain
rating, each with its twin."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


def test_a_faces_scale_score_is_a_pain_rating() -> None:
    assert _read("No c/o pain (FACES 0).\n") == [("pain", 0)]
    assert _read("Wong-Baker 4/10 after session.\n") == [("pain", 4)]
    assert _read("FPS-R 2 at rest.\n") == [("pain", 2)]


def test_faces_as_a_word_or_another_scale_stays_what_it_is() -> None:
    assert ("pain", 30) not in _read("Faces the wall for 30 s standing balance.\n")
    assert ("pain", 2) not in _read("Pt faces 2 steps to enter home.\n")
    assert _read("FLACC 3/10 during ROM.\n") == [("pain", 3)]


def test_a_part_out_of_ten_in_a_totals_bracket_is_no_pain() -> None:
    found = _read("Fugl-Meyer UE total 38/66 (A 22/36, B wrist 4/10, C hand 8/14).\n")
    assert ("pain", 4) not in found
    assert ("pain", 6) not in _read("FMA-UE 44/66 (wrist 6/10, hand 9/14).\n")


def test_a_rating_in_a_bracket_after_a_total_with_a_pain_word_or_alone_stays_pain() -> None:
    assert ("pain", 4) in _read("Berg 41/56 (pain 4/10 during standing).\n")
    assert ("pain", 4) in _read("LEFS 38/80 (4/10 pain with stairs).\n")
    assert ("pain", 6) in _read("Pain 3/10 (was 6/10 at eval).\n")
    assert ("pain", 7) in _read("L calf 2/10 (was 7/10 leg at IE 1/9/30).\n")
    assert ("pain", 5) in _read("ODI 22/50 (pain 5/10 on 3/4/69).\n")


def test_the_score_said_before_the_next_name_is_that_names() -> None:
    found = extract_facts("Pt scored 18 on the Tinetti and 9/24 on the DGI.\n")
    assert [(f.measure, f.value) for f in found] == [("Tinetti", 18), ("DGI", 9)]
    found = extract_facts("Scored 41 on the Berg and 12.4 s on the TUG.\n")
    assert [(f.measure, f.value, f.unit) for f in found] == [("Berg", 41, None), ("TUG", 12.4, "s")]


def test_a_rating_or_a_score_after_the_next_name_stays_where_it_was() -> None:
    found = extract_facts("Berg 41/56 and DGI 14/24 today.\n")
    assert [(f.measure, f.value) for f in found] == [("Berg", 41), ("DGI", 14)]
    assert ("pain", 2) in _read("2/10 on the bike, 41 on the Berg.\n")


def test_stroke_scales_by_long_name_and_acronym_with_their_parts() -> None:
    line = "Motor Activity Log: Amount of Use 2.1 (pre 0.9), Quality of Movement 2.4.\n"
    found = extract_facts(line)
    assert [(f.measure, f.value) for f in found] == [("MAL", 2.1), ("MAL", 0.9), ("MAL", 2.4)]
    found = extract_facts("modified Rankin Scale 3, NIH Stroke Scale 4.\n")
    assert [(f.measure, f.value) for f in found] == [("mRS", 3), ("NIHSS", 4)]
    assert [(f.measure, f.value) for f in extract_facts("TSK-11: 27\n")] == [("TSK", 27)]


def test_a_value_outside_a_named_scales_range_is_none_of_its_scores() -> None:
    assert [f.measure for f in extract_facts("mRS 14 days post stroke.\n")] == []
    assert "TSK" not in [f.measure for f in extract_facts("TSK-11 down 7 points.\n")]


def test_a_score_before_an_unlisted_name_keeps_its_earlier_score_after_up_from() -> None:
    found = extract_facts("He scored 41 on the PEDI-CAT mobility domain, up from 33 at eval.\n")
    assert [(f.value, "previous" in f.label) for f in found] == [(41, False), (33, True)]
    found = extract_facts("Scored 22 on the SCAT, down from 30 last week.\n")
    assert [f.value for f in found] == [22, 30]


def test_from_a_time_or_a_span_after_the_comma_is_no_earlier_score() -> None:
    assert [f.value for f in extract_facts("Scored 22 on the SCAT, from 8 am to noon.\n")] == [22]
    found = extract_facts("He scored 12 on the PHQ-9, up from 5 to 6 hours sleep.\n")
    assert [f.value for f in found] == [12]
    assert [f.value for f in extract_facts("Scored 22 on the SCAT, 3 days post injury.\n")] == [22]


def test_a_pegboard_count_per_hand_is_its_score() -> None:
    found = extract_facts("Purdue Pegboard R hand 4 pins.\n")
    assert [(f.measure, f.value) for f in found] == [("Purdue Pegboard", 4)]


def test_the_university_is_no_pegboard() -> None:
    assert extract_facts("Student at Purdue 2 yrs, plays club soccer.\n") == []


def test_a_lab_value_is_no_instrument_and_no_item_of_the_score_before_it() -> None:
    assert extract_facts("CBG 142 pre-session, FSBS 88 post.\n") == []
    assert [(f.measure, f.value) for f in extract_facts("PHQ-9 12, FBG 110.\n")] == [("PHQ-9", 12)]


def test_an_instruments_item_after_its_score_is_still_read() -> None:
    found = extract_facts("FOTO 54, lumbar FS 48.\n")
    assert [f.value for f in found][:1] == [54]
    found = extract_facts("Tinetti 20/28 (balance 11/16, gait 9/12).\n")
    assert [f.value for f in found] == [20, 11, 9]
