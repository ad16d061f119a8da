"""Round 23, heldout31's reading failures as classes: a scale's legend in a bracket ("(0-100, 100
= no problems)") holds no score; a score said over its maximum ("41 over 56") is one score; bare
grades before "all out of 5" are muscle grades, never angles; a tracker's heading of dated
columns ("01/16/2132 (eval)") marks the earlier columns' values previous and its goal column's
values targets; a symptom's rating in a test's comment ("6MWT: fatigue 6/10") is the symptom's;
a machine worked at a heart rate ("bike at HR 150") sets its intensity; a SARA table's total row
is the SARA's; a finger grid's bracketed pre-op angles are previous; a FHIR bundle's entries are
read as the lines a note writes for them. The bad case beside each, and the new shapes read in
linear time (CPU time)."""

from __future__ import annotations

import json
import time

from tests.checks.conftest import facts_in
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.verify.verify import verify


def _cpu(text: str) -> float:
    start = time.process_time()
    extract_facts(text)
    return time.process_time() - start


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in facts_in(text, kind)]


def test_a_scale_legend_in_a_bracket_holds_no_score() -> None:
    text = "- KOOS (0-100, 100 = no problems): Pain 56, Symptoms 61, ADL 64\n"
    assert _values(text, "outcome") == [56, 61, 64]
    legend = "LEFS (80 means full function): 51/80\n"
    assert _values(legend, "outcome") == [51]


def test_a_bracket_with_an_earlier_score_is_no_legend() -> None:
    facts = facts_in("WOMAC pain (eval = 9): 6\n", "outcome")
    assert sorted(fact.value for fact in facts) == [6, 9]
    assert any(fact.value == 9 and "previous" in fact.label for fact in facts)


def test_a_score_said_over_its_maximum_is_one_score() -> None:
    facts = facts_in(
        "Objective, Berg balance forty one over fifty six, it was thirty four.", "outcome"
    )
    assert [(fact.value, fact.unit) for fact in facts] == [(41, "/56"), (34, None)]


def test_over_before_a_span_of_time_is_no_fraction() -> None:
    text = "He walked two hundred feet over two minutes. Tinetti up three over two weeks."
    assert not [fact for fact in extract_facts(text) if fact.unit in ("/2", "/3")]


def test_bare_grades_before_all_out_of_five_are_muscle_grades() -> None:
    text = "Right knee extension 4-, right hip flexion 3+, right dorsiflexion 2+, all out of 5."
    assert _values(text, "mmt") == ["4-", "3+", "2+"]
    assert _values(text, "rom") == []
    headed = "Strength: R knee extension 4-, R hip flexion 3+, all out of 5."
    assert _values(headed, "mmt") == ["4-", "3+"]  # the trailer's 5 is no grade


def test_out_of_five_trials_is_no_grade_trailer() -> None:
    text = "Knee flexion 120, extension 0, all out of 5 trials."
    assert _values(text, "mmt") == []
    assert _values(text, "rom") == [120, 0]


TRACKER = (
    "Measure\t01/16/2132 (eval)\t02/13/2132\t03/13/2132 (today)\tGoal\tComment\n"
    "Berg\t44\t47\t49\t52\t\n"
    "6MWT (m)\t288\t315\t340\t400\tfatigue 6/10 at end\n"
)


def test_a_trackers_dated_columns_are_previous_and_its_goals_targets() -> None:
    berg = [
        (f.value, "previous" in f.label)
        for f in facts_in(TRACKER, "outcome")
        if f.measure == "Berg"
    ]
    assert berg == [(44, True), (47, True), (49, False)]
    walks = [f.value for f in facts_in(TRACKER, "outcome") if f.measure == "6MWT"]
    assert walks == [288, 315, 340]  # the goal's 400 is a target
    assert [(f.value, f.unit) for f in facts_in(TRACKER, "other")] == [(6, "/10")]


def test_a_symptom_rating_after_a_result_stays_beside_it() -> None:
    text = "6MWT 348 m, no rest stops, dyspnea 4/10 at end (last month 296 m)"
    walks = [(f.value, "previous" in f.label) for f in facts_in(text, "outcome")]
    assert walks == [(348, False), (296, True)]
    items = "PSFS: overhead work 3/10, sleep 4/10, throwing 2/10"
    assert _values(items, "outcome") == [3, 4, 2]  # an item of a test scored by items


def test_a_machine_worked_at_a_heart_rate_is_no_reading() -> None:
    assert (
        _values(
            "97110 16 min: sub-threshold aerobic, bike at HR 150 (80-90% of threshold) 12 min",
            "other",
        )
        == []
    )
    assert _values("Home: cycle ergometer 20 min/day at HR 118.", "other") == []
    assert _values("Chest tightness on the treadmill at HR 131.", "other") == [131]
    assert _values("HR 104 after the bike.", "other") == [104]


SARA = """SARA (Scale for the Assessment and Rating of Ataxia):
   Item                       Eval 02/16   Today
   Gait                           3          3
   Stance                         3          2
   TOTAL                         14.5       12.5
"""


def test_a_sara_tables_total_row_is_the_sara() -> None:
    totals = [
        (f.value, "previous" in f.label) for f in facts_in(SARA, "outcome") if f.measure == "SARA"
    ]
    assert totals == [(14.5, True), (12.5, False)]
    assert not [f for f in facts_in(SARA, "outcome") if f.unit == "/16"]  # 02/16 is a date


def test_a_total_row_under_no_instrument_is_left_alone() -> None:
    text = "Exercises:\n   Sum                         17         14\n"
    assert not [f for f in facts_in(text, "outcome") if f.measure and f.measure.lower() == "sum"]


def test_a_total_said_over_an_instruments_maximum_is_that_instrument() -> None:
    said = "SARA today. Gait 3. Stance 2. Sitting 0. Total 13 out of 40, she was 14.5 at the eval."
    totals = [(f.value, f.measure) for f in facts_in(said, "outcome") if f.value == 13]
    assert totals == [(13, "SARA")]
    assert not [f for f in facts_in("Total: 21 of 32 skills passed.", "outcome")]
    # a maximum no instrument named before has is left alone
    assert not [
        f for f in facts_in("Berg today 41/56. Total 17 out of 20.", "outcome") if f.value == 17
    ]


DUPUYTREN = """O: Active extension deficit (°), today - pre-op values from the chart in brackets
          MCP        PIP         DIP
Ring      10 [40]    35 [70]     0 [5]
"""


def test_a_finger_grids_bracketed_pre_op_angles_are_previous() -> None:
    read = [(f.value, "previous" in f.label) for f in facts_in(DUPUYTREN, "rom")]
    assert sorted(read) == sorted(
        [(10, False), (40, True), (35, False), (70, True), (0, False), (5, True)]
    )


_ENTRIES: list[dict[str, object]] = [
    {
        "resourceType": "Observation",
        "code": {"text": "Pain severity 0-10 (back), today"},
        "valueQuantity": {"value": 4, "unit": "{score}"},
        "referenceRange": [{"low": {"value": 0}, "high": {"value": 10}}],
    },
    {
        "resourceType": "Observation",
        "code": {"text": "Heart rate"},
        "valueQuantity": {"value": 76, "unit": "/min"},
    },
    {
        "resourceType": "Goal",
        "description": {"text": "ODI below 20 % in 6 weeks"},
        "target": [{"detailQuantity": {"value": 20, "unit": "%"}}],
    },
    {
        "resourceType": "Procedure",
        "code": {"coding": [{"code": "97110", "display": "Therapeutic exercise"}]},
        "note": [{"text": "25 min. Prone press-ups 3x10."}],
    },
    {
        "resourceType": "ChargeItem",
        "code": {"coding": [{"code": "97110"}]},
        "quantity": {"value": 2},
    },
]
# one entry a line, as a bundle pasted from an EHR writes it
FHIR = (
    '{\n  "entry": [\n'
    + ",\n".join(f"    {json.dumps({'resource': entry})}" for entry in _ENTRIES)
    + "\n  ]\n}\n"
)


def test_a_fhir_bundles_entries_are_read_as_a_notes_lines() -> None:
    facts = extract_facts(FHIR)
    assert [(f.kind, f.value) for f in facts if f.kind in ("pain", "other")] == [
        ("pain", 4),
        ("other", 76),
    ]
    assert [(f.cpt, f.minutes) for f in facts if f.kind == "service"] == [("97110", 25)]
    assert extract_billing(FHIR).billed == {"97110": 2}
    assert not [f for f in facts if f.value == 20]  # the goal's target


SAID = (
    "Objective, Berg balance forty one over fifty six. Right knee extension four minus, right hip "
    "flexion three plus, right dorsiflexion two plus, all out of five. Heart rate eighty eight."
)
DRAFT = "## Objective\n- MMT R knee extension 4-/5, R hip flexion 3+/5, R dorsiflexion {}/5.\n"


def test_a_motion_of_one_joint_is_never_another_joints() -> None:
    assert not verify(SAID, DRAFT.format("2+")).unsupported
    changed = verify(SAID, DRAFT.format("3+"))  # the hip's 3+ is no grade of the ankle
    assert [(fact.value, fact.label) for fact in changed.unsupported] == [("3+", "R dorsiflexion")]


def test_the_new_shapes_read_in_linear_time() -> None:
    line = "KOOS (0-100, 100 = no problems): Pain 56, bike at HR 150, R knee ext 4-, " * 500
    spoken = "Berg forty one over fifty six, " * 1000
    tracker = TRACKER + "Berg\t44\t47\t49\t52\t\n" * 600
    assert len(line) > 30_000 and len(spoken) > 30_000
    for text in (line, spoken, tracker, FHIR * 40):
        assert _cpu(text) < 2.0


def test_lead_an_earlier_rating_in_a_row_is_no_dated_column_heading() -> None:
    """A row "First-step pain AM   7/10  (eval: 9/10)" over more rows is a rating with its
    earlier value, not a heading of dated columns (a tracker's dates carry their year)."""
    note = (
        "SUBJECTIVE\n"
        "  First-step pain AM           7/10  (eval: 9/10)\n"
        "  Pain after 1 h standing      4/10\n"
        "  Walks dog daily.\n"
    )
    pains = sorted((f.value, f.label) for f in extract_facts(note) if f.kind == "pain")
    assert pains == [(4, "pain"), (7, "pain"), (9, "pain (previous)")]
