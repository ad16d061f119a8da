"""Round 17 (GIRTH): strength in dynamometry tables, grip flowsheets, repetition maxima and job
matches. Each rule with the readings it must make and those it must not.
"""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact


def _facts(body: str) -> list[Fact]:
    return extract_facts(HEADER + body)


def _strength(body: str) -> dict[float, str]:
    """Each strength value -> its label."""
    return {
        float(fact.value): fact.label
        for fact in _facts(body)
        if fact.kind == "strength" and isinstance(fact.value, int | float)
    }


def _kinds(body: str, value: float) -> set[str]:
    return {fact.kind for fact in _facts(body) if fact.value == value}


MERGED = (
    "## Measures\n"
    "| | Hip ROM (°) | | Strength (HHD, kg) | |\n"
    "|---|---|---|---|---|\n"
    "| | **Flex** | **IR @90°** | **Abd** | **Ext** |\n"
    "| R (involved) | 112 | 24 | 18.4 | 21.0 |\n"
    "| L | 120 | 32 | 22.6 | 24.8 |\n"
    "| R at 6 wk | 98 | 15 | 13.1 | 16.2 |\n"
)


def test_a_group_heading_over_sub_headings_gives_each_column_its_kind() -> None:
    found = _strength(MERGED)
    for value in (18.4, 21.0, 22.6, 24.8, 13.1, 16.2):
        assert value in found
    assert _kinds(MERGED, 112) == {"rom"}


def test_a_test_position_in_a_sub_heading_is_no_range() -> None:
    assert "rom" not in _kinds(MERGED, 90)


def test_a_side_row_at_an_earlier_time_is_previous_and_today_is_not() -> None:
    found = _strength(MERGED)
    assert "previous" in found[13.1] and "previous" in found[16.2]
    assert "previous" not in found[18.4] and "previous" not in found[22.6]


def test_a_row_of_only_words_is_still_a_row_not_a_sub_heading() -> None:
    body = "| Test | R | L |\n|---|---|---|\n| | 3 reps | 4 reps |\n| Grip (kg) | 22 | 30 |\n"
    assert 22.0 in _strength(body) and 30.0 in _strength(body)


TRIALS = (
    "Isometric HHD (make test, N)\n"
    "Muscle          Trial 1   Trial 2   Mean    %BW    Eval\n"
    "R knee ext        301       315      308     49     212\n"
    "L knee ext        402       396      399     64     388\n"
)


def test_trial_columns_mean_and_eval_of_a_printed_dynamometry_table() -> None:
    found = _strength(TRIALS)
    assert found[308].startswith("R") and "previous" not in found[308]
    assert found[399].startswith("L")
    assert "previous" in found[212] and "previous" in found[388]
    assert 1.0 not in found and 2.0 not in found


def test_a_percent_of_body_weight_column_is_no_force_in_newtons() -> None:
    assert not [f for f in _facts(TRIALS) if f.value == 49 and f.unit == "N"]


def test_a_count_row_under_a_force_heading_is_no_force() -> None:
    body = "Hand-held dynamometry (make test, N):\n  ER R 88, L 121\nReps R 10\n"
    found = _strength(body)
    assert 88.0 in found and 121.0 in found
    assert 10.0 not in found


def test_a_heading_bracket_of_words_after_hhd_does_not_hide_side_and_time() -> None:
    found = _strength("HHD R knee ext: (Eval) 212 N.\n")
    assert found[212].startswith("R") and "previous" in found[212]


def test_grip_with_an_abbreviated_position() -> None:
    found = _strength("L grip (Jamar pos. 2) 19 kg\nR grip (Jamar pos. 2) 31 kg\n")
    assert found == {19.0: found[19.0], 31.0: found[31.0]}
    assert found[19.0].startswith("L") and found[31.0].startswith("R")
    assert 2 not in {f.value for f in _facts("L grip (Jamar pos. 2) 19 kg\n")}


def test_a_gauge_brand_joined_by_an_ampersand_names_no_side() -> None:
    assert _strength("R lat. pinch (B&L gauge) 7 kg\n")[7.0].startswith("R")


def test_an_estimated_repetition_maximum_is_read() -> None:
    found = _strength("Leg press 1RM est. 110 kg (5RM 95 kg)\n")
    assert 110.0 in found and 95.0 in found
    source = _strength("Bench press 1RM est. 52 kg (from 8RM 42 kg)\n")
    assert 52.0 in source and "previous" not in source.get(42.0, "")


def test_an_estimated_force_of_a_job_stays_unread() -> None:
    body = "neck rotation L ~45 deg to view monitor; transducer grip force est. 5 kg.\n"
    assert 5.0 not in _strength(body)


def test_a_list_under_a_heading_of_job_demands_is_no_test() -> None:
    body = (
        "Critical job demands measured on site:\n"
        " - Hand truck push, loaded: initial force 34 kg, sustained 19 kg (force gauge)\n"
        "Abilities measured today:\n"
        " - Push 26 kg initial (force gauge)\n"
        " - Floor to waist lift 16 kg occasional\n"
    )
    found = _strength(body)
    assert 34.0 not in found and 19.0 not in found
    assert 26.0 in found and 16.0 in found


def test_an_export_of_name_value_unit_rows() -> None:
    body = (
        "Circumference - Knee - Mid-patella - Right | 39.0 | cm\n"
        "Circumference - Knee - Mid-patella - Left | 42.5 | cm\n"
        "Strength - Dynamometry - Knee extension - Left | 18.5 | kg\n"
    )
    facts = _facts(body)
    assert {(f.kind, f.value) for f in facts} >= {
        ("girth", 39.0),
        ("girth", 42.5),
        ("strength", 18.5),
    }
    assert not [f for f in facts if f.kind == "rom"]


def test_a_relative_volume_change_is_a_measured_percentage() -> None:
    body = "Calculated volume (truncated cone): L 2142 mL, R 2035 mL -> RVC 5.3%\n"
    assert _kinds(body, 5.3) == {"other"}


def test_a_side_row_before_treatment_today_is_not_previous() -> None:
    body = (
        "| | Knee flex | Knee ext |\n|---|---|---|\n"
        "| R pre | 100 | -5 |\n| R post | 108 | -3 |\n| L at eval | 90 | -10 |\n| L | 120 | 0 |\n"
    )
    labels = {f.value: f.label for f in _facts(body) if f.kind == "rom"}
    assert "previous" not in labels[100] and "previous" not in labels[108]
    assert "previous" in labels[90] and "previous" not in labels[120]
