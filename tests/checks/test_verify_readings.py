"""Verification where the note's and the draft's readers read one value differently: as two
kinds, with a unit the note elides, in another unit, or a date range read as a score. Each
faithful wording is clean and each twin that changes the value is still caught."""

from __future__ import annotations

import pytest

from tui.core.checks.verify.verify import verify

HEADER = "Patient: Ines Valdrada\nDate: 2031-05-06\n\n"


def unsupported(note: str, draft: str) -> list[float]:
    """The draft's unsupported values as numbers (a grade "4" as 4; dates left out)."""
    found = verify(HEADER + note, draft).unsupported
    return [float(f.value) for f in found if str(f.value).replace(".", "", 1).isdigit()]


def missing(note: str, draft: str) -> list[float]:
    found = verify(HEADER + note, draft).missing
    return [float(f.value) for f in found if not isinstance(f.value, str)]


JAW = "O: Jaw opening (MIO) 36 mm; protrusion 6 mm. Lat excursion R 10 mm, L 8 mm.\n"


def test_a_length_read_as_two_kinds_is_one_fact() -> None:
    draft = (
        "Maximal incisal opening 36 mm and protrusion 6 mm. "
        "Lateral excursion: right 10 mm, left 8 mm."
    )
    assert unsupported(JAW, draft) == []
    assert missing(JAW, draft) == []


def test_a_length_given_the_other_sides_value_is_caught() -> None:
    draft = (
        "Maximal incisal opening 36 mm and protrusion 6 mm. "
        "Lateral excursion: right 8 mm, left 8 mm."
    )
    assert 8 in unsupported(JAW, draft)


STRIDE = "Stride length R 98 cm / L 92 cm barefoot; 104 / 101 in running shoes.\n"


def test_a_unit_the_note_elides_after_the_first_value_is_carried() -> None:
    draft = "Stride length barefoot: right 98 cm, left 92 cm; in running shoes 104 cm and 101 cm."
    assert unsupported(STRIDE, draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        (
            "Stride length barefoot: right 98 cm, left 92 cm; in running shoes 107 cm and 101 cm.",
            107,
        ),
        ("Stride length barefoot: right 98 cm, left 92 cm. Overhead reach 104 cm.", 104),
    ],
)
def test_an_elided_unit_backs_only_its_own_value_and_subject(draft: str, value: float) -> None:
    assert value in unsupported(STRIDE, draft)


IMPERIAL = "O: Ambulated 200 ft with SPC, SBA. Wt 165 lb on clinic scale.\n"


def test_a_value_converted_exactly_is_the_notes() -> None:
    draft = "He walked 61 m with a single-point cane and stand-by assist. Weight 74.8 kg."
    assert unsupported(IMPERIAL, draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("He walked 65 m with a single-point cane and stand-by assist. Weight 74.8 kg.", 65),
        ("He walked 61 m with a single-point cane and stand-by assist. Weight 75.8 kg.", 75.8),
    ],
)
def test_a_wrong_conversion_is_caught(draft: str, value: float) -> None:
    assert value in unsupported(IMPERIAL, draft)


STAY = "Hx: acute rehab stay 5/14-5/29, then home with family. Pain 3/10.\n"


def test_a_date_range_the_note_writes_is_no_score() -> None:
    draft = "Acute rehabilitation stay 5/14-5/29, then home with her family. Pain 3/10."
    assert verify(HEADER + STAY, draft).unsupported == []


def test_a_month_and_day_the_note_never_writes_is_still_questioned() -> None:
    draft = "Acute rehabilitation stay 5/18-5/29, then home with her family. Pain 3/10."
    assert verify(HEADER + STAY, draft).unsupported != []


POSITION = "O: Ankle DF (knee ext) R 7 deg, L 16 deg. Shoulder ER (in 90 abd) R 62 deg, L 88 deg.\n"


def test_a_motion_measured_in_a_position_agrees_with_either_joint_named() -> None:
    draft = (
        "With the knee extended, ankle dorsiflexion is 7° on the right and 16° on the left. "
        "Shoulder external rotation in 90° of abduction: right 62°, left 88°."
    )
    assert unsupported(POSITION, draft) == []
    assert missing(POSITION, draft) == []


def test_a_motion_measured_in_a_position_given_the_other_side_is_caught() -> None:
    draft = (
        "With the knee extended, ankle dorsiflexion is 16° on the right and 16° on the left. "
        "Shoulder external rotation in 90° of abduction: right 62°, left 88°."
    )
    assert 16 in unsupported(POSITION, draft)


ELBOW = (
    "O: R elbow flex 118 deg (L 145 deg; R at wk 3 102 deg).\n"
    "R elbow supination 62 deg (L 85 deg; R at wk 3 40 deg).\n"
)


def test_a_legend_says_whose_each_bracketed_value_is() -> None:
    draft = (
        "Right elbow AROM (left; right at week 3): "
        "flexion 118° (145°; 102°), supination 62° (85°; 40°)."
    )
    assert missing(ELBOW, draft) == []
    assert unsupported(ELBOW, draft) == []


def test_a_legend_does_not_hide_values_given_to_the_wrong_side() -> None:
    draft = (
        "Right elbow AROM (left; right at week 3): "
        "flexion 118° (102°; 145°), supination 62° (85°; 40°)."
    )
    assert 102 in unsupported(ELBOW, draft)


TARGETS = (
    "O: Berg 38/56; fall risk while Berg < 45.\n"
    "| Test | IE | Today | Goal |\n|---|---|---|---|\n| 6MWT | 180 m | 262 m | 300 m |\n"
)


def test_a_goal_or_threshold_the_draft_restates_as_such_is_clean() -> None:
    draft = (
        "Berg 38/56; the fall risk remains while the Berg is below 45. "
        "The six-minute walk test rose from 180 m to 262 m (goal 300 m)."
    )
    assert unsupported(TARGETS, draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("Berg 45/56. The six-minute walk test rose from 180 m to 262 m (goal 300 m).", 45),
        ("Berg 38/56. On the 6MWT she now walks 300 m, up from 180 m.", 300),
    ],
)
def test_a_goal_or_threshold_given_as_todays_score_is_caught(draft: str, value: float) -> None:
    assert value in unsupported(TARGETS, draft)


ARC = "O: L shoulder flex 160 deg, MMT ER 4/5. Painful arc 75-115.\n"


def test_an_angle_the_note_writes_bare_on_the_same_subject_is_the_notes() -> None:
    draft = (
        "Left shoulder flexion 160°, external rotation strength 4/5. "
        "A painful arc from seventy-five to one hundred fifteen degrees."
    )
    assert unsupported(ARC, draft) == []


def test_an_angle_on_another_subject_is_not_backed_by_a_bare_number() -> None:
    draft = (
        "Left shoulder flexion 160°, external rotation strength 4/5. "
        "Left elbow flexion 115°. No painful arc."
    )
    assert 115 in unsupported(ARC, draft)


KNEE = "O: R knee flex AROM 118 deg (IE 92 deg). KOOS JR 64.7 (IE 48.2).\n"


def test_earlier_values_written_as_earlier_are_clean() -> None:
    draft = "Right knee flexion 118° (92° at the initial evaluation). KOOS JR 64.7 (48.2 at IE)."
    assert unsupported(KNEE, draft) == []


def test_todays_and_the_earlier_value_swapped_are_caught() -> None:
    draft = "Right knee flexion 92° (118° at the initial evaluation). KOOS JR 64.7 (48.2 at IE)."
    assert 92 in unsupported(KNEE, draft)


UNLISTED = "O: Lysholm 71/100 (IE 52/100). Y-balance composite 88%. HEP 3x/wk.\n"


def test_scores_on_unlisted_instruments_written_as_the_note_does_are_clean() -> None:
    draft = (
        "The Lysholm Knee Scoring Scale is 71/100, up from 52/100 at the initial evaluation. "
        "Y-balance composite 88%. Home program three times a week."
    )
    assert unsupported(UNLISTED, draft) == []


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("The Lysholm Knee Scoring Scale is 77/100, up from 52/100. Y-balance composite 88%.", 77),
        ("Lysholm 71/100 (52/100 before). The Tegner Activity Scale is 3. Y-balance 88%.", 3),
    ],
)
def test_a_changed_or_invented_score_on_an_unlisted_instrument_is_caught(
    draft: str, value: float
) -> None:
    assert value in unsupported(UNLISTED, draft)


SPOKEN = "objective colon Oswestry twenty eight percent comma it was forty four at evaluation\n"


def test_a_score_the_note_writes_after_another_name_of_the_measure_is_the_notes() -> None:
    draft = "ODI 28%; it was 44 at evaluation."
    assert unsupported(SPOKEN, draft) == []


def test_a_changed_earlier_score_after_another_name_is_caught() -> None:
    draft = "ODI 28%; it was 46 at evaluation."
    assert 46 in unsupported(SPOKEN, draft)


GOALS = (
    "| Measure | Initial | Current | Goal |\n|---|---|---|---|\n"
    "| R shoulder flex AROM | 95° | 138° | 150° |\n"
    "Return if pain > 6/10 at night. Pain now 2/10.\n"
)


def test_a_target_restated_as_a_target_is_clean() -> None:
    draft = (
        "Right shoulder flexion is now 138°, up from 95° (goal 150°). Pain 2/10; she will "
        "return if night pain exceeds 6/10."
    )
    assert unsupported(GOALS, draft) == []


def test_a_target_given_as_todays_value_is_caught() -> None:
    draft = "Right shoulder flexion is now 150°, up from 95°. Pain 2/10."
    assert 150 in unsupported(GOALS, draft)


TWO_UNITS = "O: 6MWT 312 m (1024 ft). Grip R 52 lb, L 61 lb.\n"


def test_a_value_the_draft_gives_only_in_the_other_unit_is_carried() -> None:
    draft = "Six-minute walk test 312 m. Grip strength: right 23.6 kg, left 27.7 kg."
    assert missing(TWO_UNITS, draft) == []
    assert unsupported(TWO_UNITS, draft) == []


def test_a_value_dropped_with_no_conversion_of_it_is_missing() -> None:
    draft = "Six-minute walk test 312 m. Grip strength: right 23.6 kg."
    assert missing(TWO_UNITS, draft) == [61]


EHR = "ROM Right Knee Flexion Active: 110 degrees\nROM Right Knee Extension Active: -5 degrees\n"


def test_the_motion_named_right_after_a_value_is_its_own() -> None:
    draft = "Right knee active flexion 110°, lacking 5° of extension."
    assert unsupported(EHR, draft) == []
    assert missing(EHR, draft) == []


def test_a_value_moved_to_the_motion_named_after_it_is_caught() -> None:
    draft = "Right knee active flexion 110°; the right hip lacks 5° of extension."
    assert 5 in unsupported(EHR, draft)


TEMPLATE = (
    "97161 (PT eval, low) x1 ........ 35 min\n"
    "neuromusc re-ed 12 min (tandem walking, foam stance w/ head turns).\n"
    "Cert period 06/02/2031-07/28/2031.\n"
    "Screen: MoCA deferred (Mini-Cog 5/5).\n"
    "Berg 38/56 -> 45/56; motor score down 4 (MCID 3).\n"
    "HIP ROM (deg)   R   L\nER (seated)      30  41\n"
)
TEMPLATE_DRAFT = (
    "97161 x1 (evaluation 35 min). Neuromuscular re-education, 12 min: tandem walking and "
    "foam stance with head turns. Certification 06/02/2031 to 07/28/2031. Mini-Cog 5/5. "
    "Berg Balance Scale 45/56 (38/56 before); the motor score improved by 4 points. "
    "Right hip ER 30°, left hip ER 41°."
)


def test_template_layouts_drafted_in_prose_are_clean() -> None:
    assert unsupported(TEMPLATE, TEMPLATE_DRAFT) == []
    assert verify(HEADER + TEMPLATE, TEMPLATE_DRAFT).unsupported == []


@pytest.mark.parametrize(
    ("find", "replace", "value"),
    [
        ("(evaluation 35 min)", "(evaluation 40 min)", 40),
        ("re-education, 12 min", "re-education, 14 min", 14),
        ("Mini-Cog 5/5", "Mini-Cog 4/5", 4),
        ("45/56 (38/56", "47/56 (38/56", 47),
        ("improved by 4 points", "improved by 6 points", 6),
        ("left hip ER 41°", "left hip ER 44°", 44),
    ],
)
def test_template_layouts_still_catch_a_changed_value(
    find: str, replace: str, value: float
) -> None:
    assert value in unsupported(TEMPLATE, TEMPLATE_DRAFT.replace(find, replace))


def test_a_date_the_note_gives_as_the_end_of_a_range_is_the_notes() -> None:
    draft = TEMPLATE_DRAFT.replace("07/28/2031", "07/21/2031")
    assert any(f.value == "07/21/2031" for f in verify(HEADER + TEMPLATE, draft).unsupported)
