"""Whose value it is: an earlier report named by its abbreviation, a parenthesis that holds
another joint still, a side written with the limb placed for the test, and the one list of
earlier-visit words. Each rule with its twin."""

from __future__ import annotations

from tests.checks.conftest import facts_in, one_fact


def test_a_bracket_opened_by_an_earlier_report_holds_that_reports_value() -> None:
    text = "Mini-BESTest 17/28 (PR 19/28). Berg 44/56 (PN: 41/56). FOTO 62 (prog note 55).\n"
    assert "previous" in one_fact(text, "outcome", 19).label
    assert "previous" in one_fact(text, "outcome", 41).label
    assert "previous" in one_fact(text, "outcome", 55).label
    assert "previous" not in one_fact(text, "outcome", 17).label
    assert "previous" not in one_fact(text, "outcome", 44).label


def test_a_legend_names_the_report_first_or_second() -> None:
    text = "T&M (PR 03/27 / today):\nBerg 44/56 / 47/56\n"
    assert "previous" in one_fact(text, "outcome", 44).label
    assert "previous" not in one_fact(text, "outcome", 47).label


def test_a_re_evaluation_in_a_bracket_is_not_made_earlier() -> None:
    """The twin: measures.toml reads "re-eval" as this visit, and the report rule keeps it."""
    text = "Re-eval: Berg 44/56 (IE 38/56).\n"
    assert "previous" not in one_fact(text, "outcome", 44).label
    assert "previous" in one_fact(text, "outcome", 38).label


def test_another_joint_held_still_in_a_parenthesis_names_nothing() -> None:
    label = one_fact("R ankle DF (knee ext) 12°\n", "rom", 12).label
    assert "ankle" in label and "knee" not in label
    label = one_fact("L wrist extension (elbow ext) 48°\n", "rom", 48).label
    assert "wrist" in label and "elbow" not in label


def test_a_parenthesis_naming_the_joint_measured_labels_it() -> None:
    """The twins: the bracket names the only joint, or a part of the named one."""
    assert "elbow" in one_fact("AROM (R elbow) flexion 130°\n", "rom", 130).label
    assert "MCP" in one_fact("MCP flex (index finger) 80\n", "rom", 80).label


def test_a_side_with_its_limb_placed_is_the_values() -> None:
    text = "Tandem stance: 10 s R foot behind, 6 s L foot behind.\n"
    assert one_fact(text, "other", 10).label.startswith("R ")
    assert one_fact(text, "other", 6).label.startswith("L ")


def test_a_limb_doing_something_else_names_no_side() -> None:
    """The twin: "L hand on rail" says where the hand was, not which side was tested."""
    label = one_fact("Romberg 30 s L hand on rail.\n", "other", 30).label
    assert "L" not in label.split()


def test_an_earlier_visit_by_its_counter_holds_that_visits_value() -> None:
    text = "ICU Mobility Scale 4 (prior day 3). BESS 12 errors (prev visit 17).\n"
    assert "previous" in one_fact(text, "outcome", 3).label
    assert "previous" in one_fact(text, "outcome", 17).label


def test_a_visits_day_of_the_month_is_no_value() -> None:
    """The twin: "initial visit 02 JAN" is the day the visit fell on."""
    assert [fact.value for fact in facts_in("Berg 44/56 (initial visit 02 JAN).\n", "outcome")] == [
        44
    ]


def test_todays_treatment_after_the_plan_is_measured_today() -> None:
    text = "P: cont 2x/wk.\nTreatment today: 5xSTS 15.8 s, reassess next visit.\n"
    assert [fact.value for fact in facts_in(text, "outcome")] == [15.8]


def test_a_plan_of_treatment_stays_a_plan() -> None:
    """The twin: "Tx plan:" opens no treatment; its value is a target."""
    text = "P: cont 2x/wk.\nTx plan: TUG 11 s by next visit.\n"
    assert facts_in(text, "outcome") == []
