"""Round 23, the shapes a reviewer's probes read wrong: a machine's cadence, a grip heading's side
legend, a deficit restated in its bracket, pain "was a 6 last week", UFOV subtests named by
number, the ankle's dorsiflexion over a run of the knee's held positions, myotome runs, SCIM
subscales in a sentence, vital signs around today's walk test and "(eval)" rows under a
measure's row. Each with the near miss that must stay as it was, and the new readers' cost on a
long line of their shape (CPU time)."""

from __future__ import annotations

import time
from collections.abc import Callable

from tests.checks.conftest import facts_in
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.layouts.position_brackets import position_bracket_pieces
from tui.core.checks.measures.direct_measures import read_numbered_subtests
from tui.core.checks.measures.myotomes import read_myotomes
from tui.core.checks.measures.others import read_others
from tui.core.checks.measures.restated_deficits import drop_restated_deficits
from tui.core.checks.measures.session_vitals import unmark_session_vitals
from tui.core.checks.text.scan import Scanner


def _cpu(call: Callable[[str], list[Fact]], text: str) -> float:
    start = time.process_time()
    call(text)
    return time.process_time() - start


def _read(text: str, kind: str) -> list[tuple[object, str]]:
    return [(fact.value, fact.label) for fact in facts_in(text, kind)]


# -- a machine's cadence ---------------------------------------------------------------------


def test_a_cadence_on_a_pedalled_machine_is_its_dose() -> None:
    assert not facts_in("Nustep L5 x 10 min, 85 spm")
    assert not facts_in("SciFit recumbent stepper level 6 x 12 min at 78 spm")


def test_a_cadence_walked_is_the_patients() -> None:
    found = facts_in("Cadence 162 spm on treadmill at 10 km/h.", "other")
    assert [(fact.value, fact.unit) for fact in found] == [(162, "steps/min")]
    later = facts_in("UBE 6 min. Cadence 104 steps/min over 10 m.", "other")
    assert [fact.value for fact in later] == [104]  # another sentence: no machine's


# -- a grip heading's side legend ------------------------------------------------------------


def test_a_grip_headings_legend_gives_each_row_its_sides() -> None:
    text = "Grip (kg), R / L\nJamar II: 22 / 30\nLateral pinch: 5 / 7\n"
    assert [(f.value, f.unit, f.label) for f in facts_in(text)] == [
        (22, "kg", "R grip Jamar II"),
        (30, "kg", "L grip Jamar II"),
        (5, "kg", "R Lateral pinch"),
        (7, "kg", "L Lateral pinch"),
    ]
    assert not facts_in(text, "outcome")  # Jamar is the dynamometer, no instrument


def test_a_pinch_row_may_open_with_its_points() -> None:
    text = "Pinch (kg), R / L\n3-jaw chuck: 5 / 6\n"
    assert [(f.value, f.label) for f in facts_in(text, "strength")] == [
        (5, "R pinch jaw chuck"),
        (6, "L pinch jaw chuck"),
    ]


# -- a deficit restated ----------------------------------------------------------------------


def test_a_deficit_restated_in_its_bracket_is_read_once() -> None:
    assert _read("Knee ext -5° (lacks 5°)", "rom") == [(5, "knee extension (deficit)")]


def test_a_bracket_of_another_time_or_value_is_a_reading_of_its_own() -> None:
    assert _read("R knee ext -8° (was lacking 12°)", "rom") == [
        (8, "R knee extension (deficit)"),
        (12, "R knee extension (previous) (deficit)"),
    ]
    assert [v for v, _ in _read("R knee ext -5° (lacks 8°)", "rom")] == [5, 8]


# -- pain "was a 6 last week" ----------------------------------------------------------------


def test_pain_was_a_number_last_week_is_the_earlier_pain() -> None:
    assert _read("pain is 3 today, was a 6 last week", "pain") == [
        (3, "pain today"),
        (6, "pain last week (previous)"),
    ]
    found = _read("Pain is a 4 now; it was a 7 yesterday.", "pain")
    assert [v for v, _ in found] == [4, 7] and "previous" in found[1][1]


# -- UFOV subtests by number -----------------------------------------------------------------


def test_ufov_subtests_named_by_number_are_their_times() -> None:
    found = facts_in("UFOV 1: 17 ms, 2: 60 ms, 3: 210 ms")
    assert [(f.kind, f.value, f.unit, f.label) for f in found] == [
        ("other", 17, "ms", "UFOV subtest 1"),
        ("other", 60, "ms", "UFOV subtest 2"),
        ("other", 210, "ms", "UFOV subtest 3"),
    ]


def test_a_subtests_cut_off_is_no_time() -> None:
    found = facts_in("UFOV 2: 60 ms (cut-off 100 ms)")
    assert [f.value for f in found] == [60]


# -- the ankle's dorsiflexion over the knee's held positions ---------------------------------


def test_dorsiflexion_over_a_run_of_knee_positions_is_the_ankles() -> None:
    found = _read("Silfverskiold test: DF knee ext 5°, knee flex 15°", "rom")
    assert found == [(5, "dorsiflexion"), (15, "dorsiflexion")]
    spelled = _read("R ankle DF PROM: knee straight -2°, knee bent 12°", "rom")
    assert [v for v, _ in spelled] == [2, 12]
    assert all("ankle dorsiflexion" in label for _, label in spelled)


def test_the_knees_own_motion_after_the_run_is_the_knees() -> None:
    found = _read("R ankle DF w/ knee flexed 12°, knee flex 120°", "rom")
    assert found == [(12, "R ankle dorsiflexion"), (120, "R knee flexion")]
    assert _read("R knee ext 5°, knee flex 115°", "rom") == [
        (5, "R knee extension"),
        (115, "R knee flexion"),
    ]


# -- myotomes --------------------------------------------------------------------------------


def test_a_myotome_run_grades_each_level() -> None:
    assert _read("Myotomes: C5 5, C6 4, C7 3", "mmt") == [
        ("5", "C5 myotome"),
        ("4", "C6 myotome"),
        ("3", "C7 myotome"),
    ]
    assert _read("Left key muscles - C5 4, C6 3", "mmt") == [
        ("4", "L C5 myotome"),
        ("3", "L C6 myotome"),
    ]
    assert _read("Motor exam: C5 R 5 L 4", "mmt") == [("5", "R C5 myotome"), ("4", "L C5 myotome")]


def test_levels_with_no_myotome_word_are_no_grades() -> None:
    assert not facts_in("NLI C6, sensory level C6 on both sides", "mmt")
    assert not facts_in("C5-6 disc; myotomes intact", "mmt")


# -- SCIM subscales --------------------------------------------------------------------------


def test_scim_subscales_in_one_sentence_are_each_the_scim() -> None:
    found = facts_in("SCIM self-care 12, respiration and sphincter 30, mobility 18")
    assert [(f.value, f.measure, f.label) for f in found] == [
        (12, "SCIM III", "SCIM III self-care"),
        (30, "SCIM III", "SCIM III respiration and sphincter"),
        (18, "SCIM III", "SCIM III mobility"),
    ]
    long_name = facts_in("SCIM III: self-care 12/20, respiration and sphincter management 30/40")
    assert [f.value for f in long_name] == [12, 30]


# -- vital signs around today's test ---------------------------------------------------------


def test_vitals_around_todays_walk_are_todays() -> None:
    found = facts_in("6MWT 320 m. HR 78->112, SpO2 97->93%.", "other")
    assert [(f.value, f.label) for f in found] == [
        (78, "heart rate"),
        (112, "heart rate"),
        (97, "SpO2"),
        (93, "SpO2"),
    ]


def test_vitals_across_visits_stay_earlier() -> None:
    assert _read("HR 88 -> 72 since starting the program", "other")[0] == (
        88,
        "heart rate (previous)",
    )
    assert _read("Resting HR 88 at eval -> 72 today", "other")[0][1].endswith("(previous)")


# -- one row under grades and sides ---------------------------------------------------------


def test_one_row_under_a_heading_of_grades_and_sides_is_each_sides_grade() -> None:
    assert _read("MMT  R  L\nhip abd  4-  3+\n", "mmt") == [
        ("4-", "R hip abduction"),
        ("3+", "L hip abduction"),
    ]
    assert not facts_in("MMT  R  L\nhip abd  4-  3+\n", "rom")


def test_one_row_under_a_joints_heading_stays_its_angles() -> None:
    assert _read("Knee  R  L\nflex  120  95\n", "rom") == [(120, "R flexion"), (95, "L flexion")]


# -- "(eval)" rows ---------------------------------------------------------------------------


def test_an_eval_row_is_the_row_above_at_the_evaluation() -> None:
    text = "MMT           R     L\nhip abd       4     4+\n(eval)        3     4-\n"
    assert _read(text, "mmt") == [
        ("4", "R hip abduction"),
        ("4+", "L hip abduction"),
        ("3", "R hip abduction (previous)"),
        ("4-", "L hip abduction (previous)"),
    ]


# -- an export's numbered visits -------------------------------------------------------------

_EXPORT = """<?xml version="1.0"?>
<Encounter>
  <measure name="TUG" visit="1" unit="s">14.2</measure>
  <measure name="TUG" visit="6" unit="s">11.0</measure>
</Encounter>
"""


def test_an_exports_earlier_numbered_visit_is_previous() -> None:
    assert _read(_EXPORT, "outcome") == [(14.2, "TUG (previous)"), (11.0, "TUG")]


def test_an_export_naming_one_visit_is_todays() -> None:
    one = _EXPORT.replace('visit="1"', 'visit="6"')
    assert _read(one, "outcome") == [(14.2, "TUG"), (11.0, "TUG")]


# -- cost on a long line ---------------------------------------------------------------------

_LINE = 40_000
_SHAPES = (
    "DF knee ext 5°, knee flex 15°, ",
    "Myotomes: C5 5, C6 4, C7 3, ",
    "UFOV 1: 17 ms, 2: 60 ms, ",
    "Nustep L5 x 10 min, 85 spm, ",
    "Knee ext -5° (lacks 5°), ",
    "HR 78->112, SpO2 97->93%, 6MWT, ",
)


def _long(piece: str, size: int = _LINE) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def test_the_new_passes_read_a_long_line_of_their_shape_fast() -> None:
    for piece in _SHAPES:
        text = _long(piece)
        extract_facts(text[:200])  # tables and patterns loaded once
        facts = extract_facts(text)
        scanner = Scanner(text)
        start = time.process_time()
        position_bracket_pieces(text)
        for step in (read_myotomes, read_numbered_subtests, read_others):
            step(scanner.fork(), [], ())
        for late in (drop_restated_deficits, unmark_session_vitals):
            late(scanner, list(facts), ())
        assert time.process_time() - start < 0.5, piece


def test_extraction_grows_linearly_on_a_long_line_of_each_shape() -> None:
    for piece in _SHAPES:
        extract_facts(_long(piece, 200))
        small = _cpu(extract_facts, _long(piece, _LINE // 4))
        large = _cpu(extract_facts, _long(piece))
        assert large < 8 * small + 0.2, piece  # four times the text: no square of it
