"""Round 18, ROM: tables of side columns under an empty corner, gaps counted in finger widths,
the spine's side bend, an exercise taken to an angle with its load, muscles by their full
names, an earlier week's value after the other side in a bracket, a range restating a motion
called full, and the popliteal angle (each rule with the readings it must not make)."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str, kind: str = "rom") -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in extract_facts(text) if fact.kind == kind]


def _values(text: str, kind: str = "rom") -> list[object]:
    return [value for value, _ in _read(text, kind)]


# -- a table of side columns whose heading row opens with the empty corner ---------------------


def test_an_empty_corner_keeps_each_side_over_its_column() -> None:
    text = (
        "O:\n"
        "           | R (inv)  | L      | wk 6 R\n"
        "Wrist ext  | 55°      | 72°    | 38°\n"
        "Wrist flex | 48°      | 80°    | 30°\n"
    )
    assert _read(text) == [
        (55, "R wrist extension"),
        (72, "L wrist extension"),
        (38, "R wrist extension (previous)"),
        (48, "R wrist flexion"),
        (80, "L wrist flexion"),
        (30, "R wrist flexion (previous)"),
    ]


def test_a_heading_naming_a_numbered_week_is_a_heading() -> None:
    text = "Motion | R | L | wk 6 R\nWrist ext | 55° | 72° | 38°\nWrist flex | 48° | 80° | 30°\n"
    assert (38, "R wrist extension (previous)") in _read(text)


def test_grades_under_spelled_out_sides() -> None:
    text = "          | Right | Left\nHip abd   | 4/5   | 5/5\nHip ext   | 4-/5  | 5/5\n"
    assert _read(text, "mmt") == [
        ("4", "R hip abduction"),
        ("5", "L hip abduction"),
        ("4-", "R hip extension"),
        ("5", "L hip extension"),
    ]


def test_pre_and_post_columns_under_an_empty_corner_stay_today() -> None:
    text = "          | Pre | Post\nHR        | 88  | 112\n"
    assert all("previous" not in label for _, label in _read(text, "other"))


def test_day_columns_under_an_empty_corner_are_not_made_a_table() -> None:
    text = "      | Mon | Tue | Wed\nPain  | 3/10 | 4/10 | 2/10\nHR    | 80 | 82 | 78\n"
    assert _values(text, "other") == [80, 82, 78]


# -- a gap counted in finger widths --------------------------------------------------------------


def test_a_subluxation_in_fingerbreadths_is_no_angle() -> None:
    for text in (
        "R shoulder subluxation 1 fingerbreadth; sling worn for transfers only.\n",
        "Subluxation L GH 1 fingerbreadth\n",
        "L shoulder subluxation 1.5 fingerbreadths, inferior\n",
        "R shoulder subluxation 2 FB\n",
        "L GH sublux 1 finger width\n",
    ):
        assert _values(text) == [], text
        assert _values(text, "mmt") == [], text


def test_a_range_beside_a_subluxation_is_still_read() -> None:
    assert _values("R shoulder subluxation 2 FB, flexion 0-95\n") == [95]


# -- the spine's side bend ------------------------------------------------------------------------


def test_a_side_bend_in_degrees_is_a_range_of_motion() -> None:
    text = "Lumbar AROM: flexion 40°, L side bend 20°, R side bend 25°.\n"
    assert _read(text)[1:] == [
        (20, "L lumbar side bending AROM"),
        (25, "R lumbar side bending AROM"),
    ]
    assert _values("Trunk lateral bending 25 deg L\n") == [25]


def test_an_exercise_bend_keeps_its_depth_out() -> None:
    for text in ("knee bends to 60° 3x10\n", "forward bends 45° x10\n", "mini squats to 45°\n"):
        assert _values(text) == [], text


# -- an exercise taken to an angle with its load -------------------------------------------------


def test_an_exercise_to_an_angle_with_its_load_is_its_dose() -> None:
    for text in (
        "ther ex 28 min (AAROM pulleys, ER/IR band yellow 3x15, scaption to 90° 0.5 kg, "
        "rhythmic stabilization)\n",
        "97110 ther ex 24 min (ER/IR band, scaption to 90° no weight, rows)\n",
        "Ther ex progressed: wall walk to 150° unweighted.\n",
    ):
        assert _values(text) == [], text


def test_a_measured_angle_beside_a_load_or_weight_bearing_is_read() -> None:
    assert _values("R shoulder flexion AROM to 120° today, 2 lb weights for HEP\n") == [120]
    assert _values("R knee flexion to 90° no weight bearing through R LE\n") == [90]
    assert _values("L shoulder flexion to 145° with no pain\n") == [145]


# -- muscles by their full names ------------------------------------------------------------------


def test_an_export_row_names_its_muscle_in_full() -> None:
    text = (
        "section,item,side,value,unit,comment\n"
        "objective,MMT lower trapezius,R,3+,/5,\n"
        "objective,MMT serratus anterior,L,4,/5,\n"
    )
    assert _read(text, "mmt") == [("3+", "R lower trapezius"), ("4", "L serratus anterior")]


def test_a_side_is_not_named_twice_beside_a_full_muscle_name() -> None:
    assert _read("R lower trapezius 3+/5, R serratus anterior 4-/5\n", "mmt") == [
        ("3+", "R lower trapezius"),
        ("4-", "R serratus anterior"),
    ]


# -- an earlier week's value after the other side's in a bracket --------------------------------


def test_an_earlier_week_in_a_bracket_clause_is_the_bracketed_value() -> None:
    text = "R wrist extension 55° (L 72°; week 6 38°)\n"
    assert _read(text) == [
        (55, "R wrist extension"),
        (72, "L wrist extension"),
        (38, "R wrist extension (previous)"),
    ]
    assert _read("R hip abd 4/5 (L 5/5; wk 3 3+/5)\n", "mmt")[-1] == (
        "3+",
        "R hip abduction (previous)",
    )
    assert _read("R knee ext -4° (L 0°, at visit 3 -12°)\n")[-1] == (
        12,
        "R knee extension (previous) (deficit)",
    )


def test_a_bracket_clause_without_a_numbered_time_keeps_its_reading() -> None:
    assert _values("R knee flex 120° (L 135°; goal 130°)\n") == [120, 135]
    assert _read("R knee flex 120° (L 135°, 3 wks post-op)\n") == [
        (120, "R knee flexion"),
        (135, "L knee flexion"),
    ]


# -- a range restating a motion called full --------------------------------------------------------


def test_a_range_after_full_takes_the_motion_before() -> None:
    assert _read("Elbow AROM full, 0-145 bilat.\n") == [(145, "bilateral elbow flexion AROM")]
    assert _read("Knee AROM WNL, 0-135\n") == [(135, "knee flexion AROM")]


def test_a_count_after_full_is_no_angle() -> None:
    for text in (
        "Shoulder AROM full, 3 x 10 wall slides\n",
        "Elbow AROM full, 2-3 lb curls\n",
        "Hip AROM full, 10-15 min bike\n",
        "Ankle ROM full, 10-12 reps heel raises\n",
        "Knee ROM WNL, 2-3 wks post injury\n",
        "Shoulder AROM full, 2-3x/wk HEP\n",
        "Hip PROM full, 1-2 sets\n",
    ):
        assert _values(text) == [], text


# -- the popliteal angle ---------------------------------------------------------------------------


def test_both_popliteal_angles_are_read() -> None:
    assert _read("Popliteal angle R 150° L 145°\n") == [
        (150, "R popliteal angle"),
        (145, "L popliteal angle"),
    ]


def test_a_set_up_angle_is_still_no_range() -> None:
    assert 20 not in _values("supine 20° angle, knee flex R 120° L 130°\n")


# -- a finger's joints named once as a slashed legend ----------------------------------------------


def test_a_joint_legend_names_each_slashed_range() -> None:
    text = "L index AROM (MP / PIP / DIP):\n  3/4/2102:  0-78 / 10-82 / 5-45      TAM 190°\n"
    read = _read(text)
    assert [value for value, _ in read] == [78, 10, 82, 5, 45, 190]
    joints = [next(w for w in label.split() if w in ("MP", "PIP", "DIP")) for _, label in read[:5]]
    assert joints == ["MP", "PIP", "PIP", "DIP", "DIP"]
    assert _values("R long MCP/PIP/DIP AROM 0-85 / 10-95 / 0-60\n") == [85, 10, 95, 60]


def test_a_joint_legend_over_other_lists_names_no_range() -> None:
    for text in (
        "MCP/PIP/DIP pain 2-3 / 4-5 / 1-2\n",
        "MCP/PIP/DIP 2-3 / 4-5 / 1-2 reps\n",
        "MCP/PIP/DIP:\ngrip 20-22 / 18-19 / 15-16 kg\n",
        "MCP/PIP blocking 3x10, BP 120-80 / 60-70\n",
        "MCP/PIP/DIP splint at 0-30 / 0-20 / 0-10\n",
        "MP / PIP / DIP: 0-78 / 10-82\n",
    ):
        assert _values(text) == [], text


# -- a motion of one joint with another joint's position in a bracket -----------------------------


def test_a_one_joint_motion_keeps_its_label_over_a_bracketed_position() -> None:
    text = "| Motion | R | L |\n|---|---|---|\n| DF AROM (knee ext) | 4° | 12° |\n"
    assert _read(text) == [(4, "R dorsiflexion AROM"), (12, "L dorsiflexion AROM")]
    assert _read("Supination (elbow at side) 70°\n") == [(70, "forearm supination")]


def test_a_bracket_naming_the_only_joint_still_labels() -> None:
    assert _read("Knee ext (hip flexed) 0°\n") == [(0, "knee extension")]


# -- a goals heading joined to another by a slash, with the date it is due by ---------------------


def test_a_goals_heading_with_a_slash_and_a_due_date_makes_targets() -> None:
    assert _values("PLAN / GOALS (by 05/09/2103)\n1. R knee AROM 0-115 deg.\n") == []
    assert _values("GOALS (05/09/2103)\n1. R knee AROM 0-115 deg.\n") == []


def test_a_heading_with_a_rating_in_its_bracket_is_no_goals_heading() -> None:
    assert _values("Pain / goals (pt 4/10)\nR knee flex 110\n") == [110]
    assert _values("Goals 2/4 met\nR knee AROM 0-110 deg.\n") == [110]


# -- the other side's value after one named by its own words ---------------------------------


def test_the_other_side_after_a_worded_value_keeps_its_name() -> None:
    assert _read(" - SLR L 58 deg, R 75 deg\n") == [(58, "L SLR"), (75, "R SLR")]


def test_a_value_after_vs_with_no_side_follows_on_as_before() -> None:
    assert _read("Knee flex R 120°, L 135°\n") == [(120, "R knee flexion"), (135, "L knee flexion")]
    assert _values("Horizontal visual field (confrontation): R 70°, L 85°; total 155°.\n") == []
