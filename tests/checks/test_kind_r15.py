"""What a number is, round 15 (issue 12, KIND): each rule with its twin and two phrasings no set
has.

Pain scales read from a face or from behaviour are pain ratings; a slope walked is a setting; a
joint held at an angle is a position; an interval a thing is done at is a schedule; a sport's
event distance is history; a length over the other side is a difference; a symptom's rating out
of five is no muscle grade; an earlier value restates the unread number right before it, and a
muscle grade lives on 0-5.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _pairs(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in extract_facts(text)]


def test_face_and_behaviour_pain_scales_are_pain() -> None:
    assert _pairs("No c/o pain (FACES 0).") == [("pain", 0)]
    assert _pairs("Wong-Baker 4 with transfers.") == [("pain", 4)]


def test_twin_faces_as_a_word_is_no_rating() -> None:
    assert ("pain", 3) not in _pairs("Drew 3 faces on the worksheet.")


def test_slope_walked_is_a_setting() -> None:
    for line in (
        "Gait trng - treadmill 1.2 mph uphill 5%, cues for heel strike.",
        "Treadmill 2.0 mph, downhill 3 %, 6 min.",
        "Walked the ramp at a 5% gradient.",
    ):
        assert not any(v in (5, 3) and k == "other" for k, v in _pairs(line)), line


def test_twin_percent_measured_stays() -> None:
    assert ("other", 56) in _pairs("Legibility 56% on copying task.")


def test_joint_held_at_an_angle_is_a_position() -> None:
    found = _pairs("Knee ext lacks 20° bilat w/ hip at 90.")
    assert ("rom", 90) not in found and ("rom", 20) in found
    assert ("rom", 90) not in _pairs("ER 60° with the elbow @ 90 deg.")
    assert ("rom", 30) not in _pairs("Hamstring length: popliteal angle 35°, w/ R knee at 30°.")


def test_twin_angle_of_the_joint_itself_stays() -> None:
    assert ("rom", 90) in _pairs("R hip flexion 90°.")


def test_an_interval_is_a_schedule() -> None:
    for line in (
        "Attention held well with movement breaks every 10 min.",
        "Weight shifts every 30 minutes while up in chair.",
        "Check skin every 2 hrs.",
    ):
        assert not [v for k, v in _pairs(line) if k == "other"], line


def test_twin_a_time_held_stays() -> None:
    assert ("other", 10) in _pairs("Sitting tolerance 10 min before rest.")


def test_a_sport_event_distance_is_history() -> None:
    for line in (
        "S: 19 yo collegiate 1500 m runner.",
        "Former 400m hurdler, now coaching.",
        "Trains for a 10 km race in May.",
    ):
        assert not [v for k, v in _pairs(line) if k == "other"], line


def test_twin_a_distance_covered_stays() -> None:
    assert ("other", 1500) in _pairs("Amb 1500 m with rollator today.")


def test_a_length_over_the_other_side_is_a_difference() -> None:
    for line in (
        "Edema still 1.2-1.9 cm over L at each landmark.",
        "Figure-of-8 2 cm more than the R.",
        "Forearm 1.5 cm greater than uninvolved side.",
    ):
        assert not [v for k, v in _pairs(line) if k in ("girth", "other")], line


def test_twin_a_girth_measured_stays() -> None:
    assert ("girth", 41.5) in _pairs("Girth 10 cm above patella 41.5 cm.")


def test_a_symptom_rated_out_of_five_is_no_muscle_grade() -> None:
    found = extract_facts("Fatigue in hand reported at 3/5 on the tired hand scale.")
    assert [(f.kind, f.value, f.unit) for f in found] == [("other", 3, "/5")]
    found = extract_facts("Effort 4/5 by end of circuit.")
    assert [(f.kind, f.value) for f in found] == [("other", 4)]


def test_twin_a_grade_with_a_muscle_stays() -> None:
    assert ("mmt", "3") in _pairs("Hip abductors 3/5, fatigue after 8 reps.")
    assert ("mmt", "4-") in _pairs("Fatigue noted; MMT grip 4-/5.")


def test_an_earlier_value_belongs_to_the_unread_number_before_it() -> None:
    text = "Quad strength right 4 minus, left 4 plus.\nPT: 11 stands. Last time 8."
    assert not [f for f in extract_facts(text) if f.kind == "mmt" and f.value == 8]


def test_twin_an_earlier_value_of_the_value_read_stays() -> None:
    found = extract_facts("ODI 24%. Previous 36%.")
    assert [(f.kind, f.value) for f in found] == [("outcome", 24), ("outcome", 36)]


def test_a_muscle_grade_outside_zero_to_five_is_no_grade() -> None:
    text = "L quadriceps 4+/5. Last time 8."
    assert [(f.kind, f.value) for f in extract_facts(text)] == [("mmt", "4+")]


def test_a_target_with_a_time_frame_is_a_goal() -> None:
    assert ("rom", 150) not in _pairs("Re-check in 2 wks; target flexion 150° by week 8.")
    assert ("rom", 0) not in _pairs("Targeting knee ext 0 within 4 wks.")
    assert ("rom", 150) not in _pairs("Target knee flexion 150 deg.")


def test_twin_targets_of_an_exercise_and_a_value_measured_stay() -> None:
    assert ("rom", 120) in _pairs("Shoulder flexion 120°, target 150°.")
    assert ("rom", 95) in _pairs("Reach to targets 3 sets of 10. Shoulder flexion 95°.")


def test_a_body_segment_length_in_inches_is_read() -> None:
    found = [
        (f.value, f.unit)
        for f in extract_facts(
            '- Hip width 15.5"\n- Thigh length (buttock to popliteal) R 19", L 18.5"'
        )
    ]
    assert found == [(15.5, "in"), (19, "in"), (18.5, "in")]
    assert [(f.value, f.unit) for f in extract_facts("Seated shoulder height 22 in")] == [
        (22, "in")
    ]
    assert [(f.value, f.unit) for f in extract_facts("lower leg length 17.5 inches.")] == [
        (17.5, "in")
    ]


def test_twin_a_thing_in_inches_stays_unread() -> None:
    for line in (
        'Current chair: seat width 16", seat depth 17"; cushion 3".',
        "Step-ups on 6 in step x 10.",
        "Recommend seat width 16 in, depth 17 in.",
        "Goal: hip width 15 in cushion fit by delivery.",
    ):
        assert not extract_facts(line), line


def test_a_phone_note_grade_and_rating_with_the_slash_dropped() -> None:
    found = _pairs("mmt L er 4 5 scaption 4- 5")
    assert found == [("mmt", "4"), ("mmt", "4-")]
    found = _pairs("sx better pain 2 10 rest 5 10 reaching overhead")
    assert found == [("pain", 2), ("pain", 5)]
    assert _pairs("Strength: hip abd 3+ 5 R, 4 5 L") == [("mmt", "3+"), ("mmt", "4")]


def test_twin_numbers_after_the_dropped_slash_shapes_stay_what_they_are() -> None:
    assert ("pain", 2) not in _pairs("Bike 2 10 min intervals.")
    assert ("mmt", "4") not in _pairs("Knee flexion 4 5 times per day.")
    assert ("pain", 3) in _pairs("Pain 3 10 min after walking.")
    assert not [v for k, v in _pairs("Pain 3 10 min after walking.") if k == "pain" and v == 10]


def test_a_small_bare_number_in_a_sentence_of_muscle_testing_is_no_angle() -> None:
    assert ("rom", 4) not in _pairs("MMT: L ER 4, IR 5.")
    assert ("rom", 120) in _pairs("Strength 4/5 hip; knee flexion 120.")


def test_a_pain_rated_again_as_a_number_said_later_in_its_sentence() -> None:
    text = (
        "He says pain is a 2 out of 10 at rest and about a 5 by the end of a shift, down from a"
        " 7 at the eval."
    )
    found = [(f.kind, f.value, "previous" in f.label) for f in extract_facts(text)]
    assert found == [("pain", 2, False), ("pain", 5, False), ("pain", 7, True)]


def test_twin_a_count_or_a_size_after_a_rating_is_no_rating() -> None:
    assert _pairs("Pain 4/10, needs a 2 person assist for transfers.") == [("pain", 4)]
    assert _pairs("Pain 6/10 after a 3 mile walk.") == [("pain", 6)]


def test_a_task_time_said_as_the_time_to_do_it() -> None:
    text = "UB dressing seated EOB: min A, 11 min to complete (was 18 min on 03/02)."
    found = [(f.value, f.unit, "previous" in f.label) for f in extract_facts(text)]
    assert found == [(11, "min", False), (18, "min", True)]
    found = [
        (f.value, f.unit) for f in extract_facts("Don shirt: 4 minutes to don (IE 9 minutes).")
    ]
    assert found == [(4, "min"), (9, "min")]


def test_twin_a_time_allowed_or_planned_is_no_task_time() -> None:
    assert not extract_facts("Will allow 15 min to finish HEP.")
    assert not extract_facts("Plan: pt will need 10 min to complete dressing next visit.")


def test_segments_listed_after_a_size_each_take_their_own_name() -> None:
    found = extract_facts(
        "Body measures: hip width 15.5 in, thigh length L 18 in, R 18.5 in, lower leg 19.5 in."
    )
    assert [(f.value, f.label) for f in found] == [
        (15.5, "hip width"),
        (18, "L thigh length"),
        (18.5, "R thigh length"),
        (19.5, "lower leg"),
    ]
    assert [f.value for f in extract_facts('Hip width 17", 2" cushion on top.')] == [17]


def test_twin_a_comma_clause_restates_its_own_sentences_value() -> None:
    text = "Craniocervical flexion 24 mmHg, held 10 seconds x 10, last time 22."
    found = [(f.value, "previous" in f.label) for f in extract_facts(text) if f.unit == "mmHg"]
    assert found == [(24, False), (22, True)]


def test_a_ramps_grade_is_a_setting() -> None:
    assert not _pairs("Walked up a 4% ramp x 3 trials.")
    assert ("pain", 4) in _pairs("FPS-R 4 during dressing.")


def test_a_tolerance_said_with_its_verb_and_its_limit() -> None:
    found = [
        (f.value, f.unit)
        for f in extract_facts("Tolerated linear swing 5 min before dysregulation.")
    ]
    assert found == [(5, "min")]
    found = [
        (f.value, f.unit) for f in extract_facts("Tolerates standing 10 minutes until fatigue.")
    ]
    assert found == [(10, "min")]


def test_twin_a_session_tolerated_is_no_tolerance() -> None:
    assert not extract_facts("Pt tolerated 45 min session well.")


def test_the_other_side_said_bare_at_a_clause_end() -> None:
    text = "Single leg stance on the left 12 seconds, right 30."
    assert [(f.value, f.unit, f.label[:1]) for f in extract_facts(text)] == [
        (12, "s", "L"),
        (30, "s", "R"),
    ]
    assert [f.value for f in extract_facts("SLS L 8 s; right 15.")] == [8, 15]


def test_twin_a_side_before_more_words_is_no_other_side() -> None:
    text = "Single leg stance on the left 12 seconds, right 30 with UE support."
    assert [f.value for f in extract_facts(text)] == [12]
