"""Rows written value first, the name after a leader or a gap ("62/80 ... LEFS [31/80]", a
column of girths before their landmarks, a side pair before its motion): each value is read with
its name, its column's side and unit, and an earlier value in a bracket stays earlier. Each
reading has a twin of the same layout whose numbers are no measurement (reps, numbered goals,
visit counts, clock times, a landmark's distance)."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2071-02-02\nVisit: 6\nDiscipline: PT\n"
    "Payer: Aetna\nDiagnosis: R ankle sprain, S93.401D\n\n"
)


def facts(body: str) -> list[Fact]:
    return [fact for fact in extract_facts(HEADER + body) if fact.kind != "service"]


def readings(body: str) -> set[tuple[str, object, str]]:
    return {(fact.kind, fact.value, fact.label) for fact in facts(body)}


def values(body: str) -> set[object]:
    return {fact.value for fact in facts(body)}


def test_a_dot_leader_row_reads_its_result_and_its_bracketed_earlier_value() -> None:
    body = (
        "Results (value, then test; eval in brackets):\n"
        " 58/80 ... LEFS [29/80]\n 4/5 .... R ankle eversion [3/5]\n"
    )
    found = readings(body)
    assert ("outcome", 58, "LEFS") in found
    assert ("outcome", 29, "LEFS (previous)") in found
    assert ("mmt", "4", "R ankle eversion") in found
    assert ("mmt", "3", "R ankle eversion (previous)") in found


def test_a_dot_leader_row_of_sets_and_reps_reads_nothing() -> None:
    body = "HEP:\n 3 x 10 ........ heel raises\n 2 x 12 ........ band eversion\n"
    assert values(body) == set()


def test_a_spaced_dash_parts_a_score_from_its_test() -> None:
    body = "Balance:\n- 47/56 \u2013 Berg Balance Scale (SOC 39/56)\n"
    found = readings(body)
    assert ("outcome", 47, "Berg") in found
    assert ("outcome", 39, "Berg (previous)") in found


def test_a_numbered_list_parted_by_a_gap_is_no_column_of_values() -> None:
    body = "Goals:\n1   stairs with 1 rail\n2   pain with stairs under 3/10\n3   walk 300 ft\n"
    assert {fact.value for fact in facts(body) if fact.kind == "pain"} <= {3}
    assert not {1, 2} & values(body)


def test_girths_before_their_landmarks_take_the_sides_of_the_heading() -> None:
    body = (
        "Circumference, cm (L | R), landmarks from the floor:\n"
        "  24.5 | 22.0   ankle, 10 cm from floor\n"
        "  36.0 | 33.5   calf, 30 cm from floor\n"
    )
    girths = {(f.value, f.label.split()[0]) for f in facts(body) if f.kind == "girth"}
    assert girths == {(24.5, "L"), (22.0, "R"), (36.0, "L"), (33.5, "R")}


def test_a_landmark_distance_in_a_girth_row_is_no_girth() -> None:
    body = (
        "Circumference, cm (L | R), landmarks from the floor:\n"
        "  24.5 | 22.0   ankle, 10 cm from floor\n"
        "  36.0 | 33.5   calf, 30 cm from floor\n"
    )
    assert not {10, 30} & values(body)


def test_a_side_pair_in_degrees_reads_each_side_with_its_motion() -> None:
    body = "Shoulder AROM in degrees, R | L, then the motion:\n   110 | 170    flexion\n"
    body += "    95 | 160    abduction\n"
    found = {(f.value, f.label) for f in facts(body) if f.kind == "rom"}
    assert found == {
        (110, "R flexion"),
        (170, "L flexion"),
        (95, "R abduction"),
        (160, "L abduction"),
    }


def test_a_tabbed_time_log_is_no_column_of_values() -> None:
    body = "Time log:\n1030\tarrived, paraffin set up\n1045\tther ex started\n"
    assert values(body) == set()


def test_visit_counts_and_doses_after_a_leader_are_no_facts() -> None:
    body = (
        "Episode tracker:\n  12 ........ visits ordered\n   9 ........ visits made\n"
        "Meds:\n  40 mg ..... furosemide AM\n"
    )
    assert values(body) == set()
