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
