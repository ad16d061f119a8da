"""What each value is of: side, joint, motion and timepoint read by one model for every kind of
value (tui/core/checks/measures/attribution.py), values aligned with label lists, units written
in keys and headings, instruments the tables do not list, and numbers that are not measurements."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact
from tui.core.checks.text.numbers import normalize


def _words(label: str) -> set[str]:
    return set(label.replace("(", " ").replace(")", " ").split())


@pytest.mark.parametrize(
    ("text", "kind", "value", "has", "lacks"),
    [
        # a bracket holding a value is that value's scope; the outer side goes on after it
        ("R ankle DF 8° (L 0-18°), PF 40° (L 55°).", "rom", 40, {"R", "plantarflexion"}, {"L"}),
        ("R ankle DF 8° (L 0-18°), PF 40° (L 55°).", "rom", 55, {"L", "plantarflexion"}, {"R"}),
        ("R shoulder flex AROM 150° (L 175°), abd 140° (L 170°).", "rom", 140, {"R"}, {"L"}),
        # a side written after a value is that value's alone
        ("MMT: hip abd 4-/5 R, 4/5 L.", "mmt", "4-", {"R", "hip", "abduction"}, {"L"}),
        ("MMT: hip abd 4-/5 R, 4/5 L.", "mmt", "4", {"L", "hip"}, {"R"}),
        ("Cervical rotation 70° R, 65° L.", "rom", 65, {"L", "rotation"}, {"R"}),
        ("Knee flex AROM 145° B.", "rom", 145, {"bilateral", "knee", "flexion"}, set()),
        # a side right before another value is that value's ("; L 138 cm; LSI 84%")
        (
            "| Test | R | L | LSI |\n|---|---|---|---|\n| Single hop (cm) | 165 | 138 | 84% |\n",
            "other",
            84,
            {"LSI"},
            {"L", "R"},
        ),
        # a limb position names nothing
        ("L ankle flexion (DF) 12° knee straight, 18° knee bent.", "rom", 18, {"ankle"}, {"knee"}),
        (
            "L ankle flexion (DF) 12° knee straight, 18° knee bent.",
            "rom",
            12,
            {"dorsiflexion"},
            set(),
        ),
        # the nearest muscle of the sentence names a grade after a side change
        ("MMT quads R 4-/5, L 5/5; hamstrings R 4/5.", "mmt", "5", {"L", "quadriceps"}, {"R"}),
    ],
)
def test_side_joint_and_motion_come_from_the_nearest_label_in_scope(
    text: str, kind: str, value: object, has: set[str], lacks: set[str]
) -> None:
    words = _words(one_fact(text, kind, value).label)
    assert has <= words and not lacks & words, words


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("Mouth opening 32 mm (was 26 mm).", "other", 26, True),
        ("Mouth opening 32 mm (was 26 mm).", "other", 32, False),
        ("neck 4/10, R arm 2/10 (IE 6/10 and 5/10).", "pain", 5, True),
        ("neck 4/10, R arm 2/10 (IE 6/10 and 5/10).", "pain", 2, False),
        ("Previous QuickDASH: 45.5", "outcome", 45.5, True),
        ("knees 2/10 after 5 km run (4/10 last week).", "pain", 4, True),
        ("MoCA 24/30 at the start of the episode.", "outcome", 24, True),
        # "was" right after a name is the tense of a narrative, not an earlier value
        ("Kujala was 62 out of 100.", "outcome", 62, False),
        ("Today her Mini-BESTest was 19/28, up from 15/28.", "outcome", 19, False),
        ("Today her Mini-BESTest was 19/28, up from 15/28.", "outcome", 15, True),
        # a heading declares the order of "X vs Y"
        ("Tests (today vs IE):\n- LEFS 46/80 vs 28/80.", "outcome", 28, True),
        ("Tests (today vs IE):\n- LEFS 46/80 vs 28/80.", "outcome", 46, False),
        ("Grip R 62 lb vs L 70 lb.", "strength", 70, False),
        # a column heading is a label like any other
        (
            "| Measure | Initial | Discharge |\n|---|---|---|\n| LEFS | 48 | 79 |\n",
            "outcome",
            48,
            True,
        ),
        (
            "| Measure | Initial | Discharge |\n|---|---|---|\n| LEFS | 48 | 79 |\n",
            "outcome",
            79,
            False,
        ),
    ],
)
def test_an_earlier_value_is_marked_previous(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert ("previous" in one_fact(text, kind, value).label) is previous


def test_values_aligned_with_a_list_of_labels() -> None:
    text = "Cx AROM flex/ext/rot R/rot L = 45/40/60/70 deg (IE 30/25/40/65)."
    roms = [(f.value, f.label) for f in facts_in(text, "rom")]
    assert [value for value, _ in roms] == [45, 40, 60, 70, 30, 25, 40, 65]
    assert "flexion" in roms[0][1] and "extension" in roms[1][1]
    assert _words(roms[2][1]) >= {"R", "rotation"} and _words(roms[3][1]) >= {"L", "rotation"}
    assert all("previous" in label for _, label in roms[4:])
    grades = facts_in("UE MMT R/L elbow flexion 4/4-, wrist extension 3+/3.", "mmt")
    assert [(g.value, g.label.split()[0]) for g in grades] == [
        ("4", "R"), ("4-", "L"), ("3+", "R"), ("3", "L"),
    ]  # fmt: skip
    pair = facts_in("Cervical rotation R/L 85°/70° (last visit 85°/60°).", "rom")
    assert [(f.value, f.label.split()[0], "previous" in f.label) for f in pair] == [
        (85, "R", False), (70, "L", False), (85, "R", True), (60, "L", True),
    ]  # fmt: skip
    # "R/L 4/5" stays one grade, "3/10" one rating
    assert [f.value for f in facts_in("Hip abd R/L 4/5.", "mmt")] == ["4"]


def test_units_in_keys_and_headings_are_read_with_the_value() -> None:
    flowsheet = (
        "Pain with activity (0-10): 4\nR shoulder flexion AROM (deg): 135\n"
        "R shoulder ER MMT (/5): 4-\nQuickDASH (0-100): 31.8\nTherapeutic exercise (min): 24\n"
    )
    found = {(f.kind, f.value) for f in facts_in(flowsheet)}
    assert {("pain", 4), ("rom", 135), ("mmt", "4-"), ("outcome", 31.8)} <= found
    assert ("outcome", 100) not in found and ("rom", 10) not in found
    assert any(f.kind == "service" and f.minutes == 24 for f in facts_in(flowsheet))
    assert normalize("Total timed (min): 36").text == "Total timed: 36 min"
    table = "| Test | R | L |\n|---|---|---|\n| Single hop (cm) | 165 | 138 |\n"
    assert {(f.value, f.unit) for f in facts_in(table, "other")} == {(165, "cm"), (138, "cm")}


@pytest.mark.parametrize(
    ("text", "measure", "value", "label_word"),
    [
        ("Fugl-Meyer UE 31/66 (was 24/66).", "Fugl-Meyer", 31, "UE"),
        ("AM-PAC 6-Clicks basic mobility 15/24.", "AM-PAC", 15, "mobility"),
        ("Stair climb test 22.4 s.", "Stair climb test", 22.4, "Stair"),
        ("symptom severity score 22 on SCAT (was 41).", "SCAT", 41, "previous"),
        ("IADLs: medication set-up with blister pack; Lawton IADL 4/8.", "Lawton IADL", 4, "IADL"),
        ("Tinetti 20/28 (balance 11/16, gait 9/12), was 16/28 at SOC.", "Tinetti", 9, "gait"),
        ("Tinetti 20/28 (balance 11/16, gait 9/12), was 16/28 at SOC.", "Tinetti", 16, "previous"),
        (
            "SPM-2 home T-score 68 (some problems), hearing 72. School total T-score 66.",
            "SPM-2",
            66,
            "School",
        ),
    ],
)
def test_instruments_the_tables_do_not_list(
    text: str, measure: str, value: object, label_word: str
) -> None:
    found = [f for f in facts_in(text, "outcome") if f.value == value]
    assert found and found[0].measure == measure and label_word in found[0].label, found


def test_tinetti_main_score_is_not_an_item() -> None:
    text = "Tinetti 20/28 (balance 11/16, gait 9/12), was 16/28 at SOC."
    labels = {f.value: f.label for f in facts_in(text)}
    assert labels[16] == "Tinetti (previous)" and labels[20] == "Tinetti"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("TUG with a cognitive task (serial 3s) 18.9 s.", 3),
        ("AIMS raw score 21 (40th percentile).", 40),
        ("6MWT 398 m (IE 342 m); endurance improving (6MWT +56 m, above MCID).", 56),
        ("Safe for d/c home once amb 100 ft w/ RW SBA.", 100),
        ("R hip flexion limited to 90° per precautions.", 90),
        ("Progress running volume 10% per wk.", 10),
        ("Flexion has plateaued at 95-100° for 4 wks.", 95),
        ("Flexion has plateaued at 95-100° for 4 wks.", 100),
        ("Jumps forward 4 inches with 2 feet.", 2),
        ("Pain at rest (0-10) after the run.", 10),
        ("Max opening 24 mm (normal 40-50 mm).", 50),
        ("Interval walking 3 x 4 min at RPE 12-13.", 12),
        ("Dorsal blocking orthosis adjusted to 30° wrist ext.", 30),
        ("Mid-wheel base with power tilt (up to 50°).", 50),
    ],
)
def test_numbers_that_are_not_measurements(text: str, value: object) -> None:
    assert value not in [fact.value for fact in facts_in(text)], facts_in(text)


def test_dictation_hundreds_minus_and_spoken_ratings() -> None:
    text = (
        "He says the right knee is about a three today, it was up to a five after gardening. "
        "Right knee flexion one twenty, extension minus five, left knee flexion one thirty five."
    )
    assert [f.value for f in facts_in(text, "pain")] == [3, 5]
    roms = {f.value: f.label for f in facts_in(text, "rom")}
    assert roms[120] == "R knee flexion" and roms[135] == "L knee flexion"
    assert "extension" in roms[5] and 1 not in roms and 20 not in roms
    assert normalize("I did one twenty second hold").text == "I did 1 20 second hold"


def test_jaw_motions_in_millimetres() -> None:
    """Jaw motions in mm are lengths, not angles (tests/eval/CONVENTIONS.md): kind other."""
    text = "Mouth opening 32 mm (was 26 mm), lateral excursion R 7 mm, L 9 mm."
    assert facts_in(text, "rom") == []
    facts = facts_in(text, "other")
    assert [(f.value, f.unit) for f in facts] == [(32, "mm"), (26, "mm"), (7, "mm"), (9, "mm")]
    assert facts[3].label == "L lateral excursion"
