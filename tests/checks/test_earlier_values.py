"""Earlier values told from this visit's (tui/core/checks/measures/attribution.py,
layouts/carried.py): blocks copied from an earlier note, timepoint brackets, "N weeks ago", keys
joined by underscores, "since last visit", bare brackets under a "today vs initial" line, and
"was" as the tense of a sentence. Each class has a twin that must not be read as earlier."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, one_fact


def _previous(text: str, kind: str, value: object) -> bool:
    return "previous" in one_fact(text, kind, value).label


_COPIED_QUOTED = (
    "OBJ:\n"
    "  > values pulled forward from the 3/02 visit - not retaken:\n"
    "  >    L knee flexion AROM 112°, quad MMT 4-/5.\n"
    "  >    KOOS JR 55.\n"
    "  Retested this session:\n"
    "    L knee flexion AROM 121°. KOOS JR 61.\n"
)
_COPIED_BANNER = (
    "Daily note\n"
    "=== copy-forward of prior note (edit as needed) ===\n"
    "   Pt walked 200 ft w/ SPC, TUG 14.2 s.\n"
    "=== end copied section ===\n"
    "Pt walked 320 ft w/ SPC today, TUG 11.9 s.\n"
)
_COPIED_FLAT = (
    "Last session:\nR elbow flexion 118°, pain 5/10.\n\nR elbow flexion 126° now, pain 3/10.\n"
)


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        (_COPIED_QUOTED, "rom", 112, True),
        (_COPIED_QUOTED, "outcome", 55, True),
        (_COPIED_QUOTED, "rom", 121, False),
        (_COPIED_QUOTED, "outcome", 61, False),
        (_COPIED_BANNER, "outcome", 14.2, True),
        (_COPIED_BANNER, "outcome", 11.9, False),
        (_COPIED_FLAT, "rom", 118, True),
        (_COPIED_FLAT, "pain", 5, True),
        (_COPIED_FLAT, "rom", 126, False),
        (_COPIED_FLAT, "pain", 3, False),
    ],
)
def test_a_block_copied_from_an_earlier_note_holds_earlier_values(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert _previous(text, kind, value) is previous


@pytest.mark.parametrize(
    "text",
    [
        # a marker word in a sentence with its own value, not a marker line
        "Prior to surgery pt walked 2 miles; today gait 0.9 m/s.\nBerg 44/56.\n",
        # "last visit" inside a sentence that goes on
        "HEP reviewed from last visit and progressed.\n  Berg 44/56 today.\n",
        # "since last visit:" opens this visit's changes
        "Changes since last visit:\n  Berg 44/56, up 3.\n",
    ],
)
def test_a_marker_word_that_opens_no_copied_block_marks_nothing(text: str) -> None:
    assert not _previous(text, "outcome", 44)


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("Oswestry 30% (wk 2: 46%).", "outcome", 46, True),
        ("Oswestry 30% (wk 2: 46%).", "outcome", 30, False),
        ("Calf girth 38.5 cm (visit 4 before wrap: 40.1 cm).", "girth", 40.1, True),
        ("Calf girth 38.5 cm (visit 4 before wrap: 40.1 cm).", "girth", 38.5, False),
        # a bracket with a timepoint but no colon is a remark, not an earlier value
        ("Calf girth 38.5 cm (wk 4 of wrapping).", "girth", 38.5, False),
        ("Gait speed 1.05 m/s (3 weeks ago 0.81 m/s).", "outcome", 0.81, True),
        ("Gait speed 1.05 m/s, 0.81 m/s 3 weeks ago.", "outcome", 0.81, True),
        ("Gait speed 1.05 m/s, 0.81 m/s 3 weeks ago.", "outcome", 1.05, False),
    ],
)
def test_a_timepoint_in_a_bracket_or_ago_marks_an_earlier_value(
    text: str, kind: str, value: object, previous: bool
) -> None:
    assert _previous(text, kind, value) is previous


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("objective.NDI_last_visit: 40 %\nobjective.NDI: 28 %\n", 40, True),
        ("objective.NDI_last_visit: 40 %\nobjective.NDI: 28 %\n", 28, False),
        ("NDI_prev = 40%; NDI_today = 28%\n", 28, False),
    ],
)
def test_a_key_joined_by_underscores_can_say_earlier(text: str, value: int, previous: bool) -> None:
    assert _previous(text, "outcome", value) is previous


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Interval hx since eval: pain-free at work, NPRS 2/10 (was 6/10).", 2, False),
        ("Interval hx since eval: pain-free at work, NPRS 2/10 (was 6/10).", 6, True),
        ("Status since the last visit: NPRS 3/10 at night.", 3, False),
        # the twin: a label that does say the values are earlier
        ("Status at the last visit: NPRS 3/10 at night.", 3, True),
    ],
)
def test_since_starts_a_period_of_this_visit(text: str, value: int, previous: bool) -> None:
    assert _previous(text, "pain", value) is previous


_DECLARED = (
    "Discharge vs initial eval:\n"
    "- Shoulder AROM flex R 160° (95°), abd R 150° (80°); ER 70° (20°).\n"
)


@pytest.mark.parametrize(
    ("text", "value", "previous", "side"),
    [
        (_DECLARED, 160, False, "R"),
        (_DECLARED, 95, True, "R"),
        (_DECLARED, 80, True, "R"),
        (_DECLARED, 70, False, ""),
        (_DECLARED, 20, True, ""),
        # the twin: without the declared order a bare bracket is no earlier value
        ("Shoulder AROM flex R 160° (95°).", 95, False, "R"),
    ],
)
def test_a_bare_bracket_under_a_today_vs_initial_line_is_the_earlier_value(
    text: str, value: int, previous: bool, side: str
) -> None:
    label = one_fact(text, "rom", value).label
    assert ("previous" in label) is previous
    words = set(label.split())
    assert (side in words) if side else not words & {"R", "L"}, label


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Gait speed over the central 4 m of an 8 m path was 0.66 m/s.", 0.66, False),
        ("Gait speed 0.66 m/s today, was 0.48 m/s.", 0.48, True),
        ("Gait speed 0.66 m/s today, was 0.48 m/s.", 0.66, False),
    ],
)
def test_was_after_a_noun_is_tense_and_after_a_value_an_earlier_value(
    text: str, value: float, previous: bool
) -> None:
    assert _previous(text, "outcome", value) is previous


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        # after a comma the "was" compares again, with a pronoun for subject
        ("Hip pain 2/10 this morning, it was as high as 6/10 on the weekend.", 6, True),
        ("Hip pain 2/10 this morning, it was as high as 6/10 on the weekend.", 2, False),
    ],
)
def test_was_after_a_comma_marks_the_earlier_value(text: str, value: int, previous: bool) -> None:
    assert _previous(text, "pain", value) is previous


def test_a_force_written_once_after_a_side_list_is_each_sides_grip_or_pinch() -> None:
    found = [
        (f.value, f.unit, f.label)
        for f in facts_in("Key pinch R/L  7 / 4.5 kg (eval 5 / 3 kg).\n", "strength")
    ]
    assert found == [
        (7, "kg", "R key pinch"),
        (4.5, "kg", "L key pinch"),
        (5, "kg", "R key pinch (previous)"),
        (3, "kg", "L key pinch (previous)"),
    ]
    # the twin: a load lifted per side is no grip
    assert facts_in("Bicep curls R/L 6/4 lb, 2 x 12.\n", "strength") == []


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        # a legend line names which values are earlier; the others after it are this visit's
        ("Admission figures in square brackets: elbow flex 128° [104°].", "rom", 128, False),
        ("Admission figures in square brackets: elbow flex 128° [104°].", "rom", 104, True),
        # the twin: a label that says every value after it is earlier
        ("Admission figures: elbow flex 104°.", "rom", 104, True),
        # "prev." is an abbreviation, not the end of a sentence
        ("Worst pain 5/10 (prev. 8/10).", "pain", 8, True),
        ("Worst pain 5/10 (prev. 8/10).", "pain", 5, False),
    ],
)
def test_legends_and_abbreviated_cues(text: str, kind: str, value: int, previous: bool) -> None:
    assert _previous(text, kind, value) is previous


def test_a_dictated_decimal_with_oh_is_one_number() -> None:
    text = "Walking speed, self paced, two point oh six metres per second."
    assert [(f.value, f.unit) for f in facts_in(text, "outcome")] == [(2.06, "m/s")]
    # the twin: "oh" outside a decimal stays a word
    assert [f.value for f in facts_in("Oh, and pain two out of ten.", "pain")] == [2]


@pytest.mark.parametrize(
    ("text", "kind", "value", "read"),
    [
        # a goal heading written with a full stop: the rest of its line is goals
        (
            "LTG. By discharge: 6MWT 400 m, walks 800 ft outdoors.\nWalked 420 ft w/ SPC.",
            "other",
            800,
            False,
        ),
        (
            "LTG. By discharge: 6MWT 400 m, walks 800 ft outdoors.\nWalked 420 ft w/ SPC.",
            "other",
            420,
            True,
        ),
        # the twin: a goal word ending a sentence inside the line heads nothing after it
        ("Reviewed the goals. Walked 420 ft w/ SPC.", "other", 420, True),
        # a next step's target, and the twin: what was done today
        ("P: advance walking distance to 300 ft, add curbs.", "other", 300, False),
        ("Advanced walking distance to 300 ft w/ SBA today.", "other", 300, True),
    ],
)
def test_targets_of_goals_and_next_steps_are_not_read(
    text: str, kind: str, value: int, read: bool
) -> None:
    assert any(f.value == value for f in facts_in(text, kind)) is read


@pytest.mark.parametrize(
    ("text", "kind", "value", "previous"),
    [
        ("FGA (wk 2) 18/30. Not re-measured this visit.\nBerg 47/56.", "outcome", 18, True),
        ("FGA (wk 2) 18/30. Not re-measured this visit.\nBerg 47/56.", "outcome", 47, False),
        ("Berg 47/56, not retested since the eval.", "outcome", 47, True),
        # the twin: a list of what was not retested names other tests
        ("Berg 47/56. Not retested: FGA, DGI.", "outcome", 47, False),
    ],
)
def test_a_value_said_not_measured_again_is_earlier(
    text: str, kind: str, value: int, previous: bool
) -> None:
    assert _previous(text, kind, value) is previous


def test_hand_muscles_name_their_own_grade() -> None:
    text = "L hand MMT: wrist flexion 4/5, lumbricals 3/5, thenar 3-/5."
    labels = {f.value: f.label for f in facts_in(text, "mmt")}
    assert labels == {"4": "L wrist flexion", "3": "L lumbricals", "3-": "L thenar muscles"}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a change in a bracket after its word is no range of motion
        ("Wrist ext improving (20° since the splint came off).", []),
        ("Hip abd ROM increased (by 10°) to 35°.", [35]),
        # the twin: a bracket after a value holds its earlier value
        ("Hip abd ROM 35° (up from 25°).", [35, 25]),
    ],
)
def test_a_change_in_a_bracket_is_not_a_value(text: str, values: list[int]) -> None:
    assert [f.value for f in facts_in(text, "rom")] == values
