"""Labels of values in neuro and rehab strength lists: a motion of one joint only (dorsiflexion,
eversion, pronation) does not take the joint of the value before it; a twin keeps a joint the
value's own item names."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _labels(text: str) -> list[str]:
    return [f.label for f in extract_facts(text) if f.kind in ("mmt", "rom")]


def test_one_joint_motion_drops_the_joint_of_the_value_before() -> None:
    got = _labels("L LE: hip abd 3/5, knee flex 3+/5, eversion 2/5")
    assert got[-1] == "L eversion"
    got = _labels("R UE: elbow ext 4/5, pronation 3/5")
    assert "elbow" not in got[-1]


def test_twin_a_motion_with_its_own_joint_or_a_joint_of_its_kind_keeps_it() -> None:
    assert _labels("L ankle PF 4/5, inversion 3/5")[-1] == "L ankle inversion"
    assert _labels("R hip flex 4/5, knee ext 4-/5")[-1] == "R knee extension"


def _outcome_labels(text: str) -> list[tuple[int | float | str, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.kind == "outcome"]


def test_value_after_adm_or_roc_is_previous() -> None:
    got = _outcome_labels("LEMS 24/50 (adm 15/50). Tinetti 17/28 (ROC 12/28).")
    assert [label.endswith("(previous)") for _, label in got] == [False, True, False, True]


def test_twin_a_score_before_an_admission_plan_is_current() -> None:
    got = _outcome_labels("Tinetti 18/28 today; adm to IRF planned for Monday.")
    assert got == [(18, "Tinetti")]
