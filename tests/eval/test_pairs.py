"""The scorer pairs each expected fact with a found one so that a right reading is never
scored as a label problem because a same-valued fact stood earlier in the note."""

from tests.eval.score import _pairs
from tui.core.checks.facts import Fact

TODAY = {"kind": "outcome", "value": 4, "label_has": ["Stairs"], "label_not": ["previous"]}
EARLIER = {"kind": "outcome", "value": 4, "label_has": ["previous"]}


def test_each_expectation_gets_the_fact_whose_label_is_right() -> None:
    facts = [
        Fact("outcome", 4, label="FIM Transfers (previous)"),
        Fact("outcome", 4, label="FIM Stairs"),
    ]
    assert _pairs(facts, [TODAY, EARLIER]) == {0: 1, 1: 0}


def test_a_wrong_label_is_still_a_pair_when_no_right_one_exists() -> None:
    facts = [Fact("outcome", 4, label="FIM Transfers")]
    assert _pairs(facts, [TODAY]) == {0: 0}


def test_as_many_pairs_as_there_can_be() -> None:
    """The first expectation could take either fact; the second only the first one."""
    facts = [Fact("pain", 3, label="pain"), Fact("pain", 3, label="pain (previous)")]
    loose = {"kind": "pain", "value": 3}
    earlier = {"kind": "pain", "value": 3, "label_has": ["previous"]}
    pairs = _pairs(facts, [loose, earlier])
    assert pairs == {0: 0, 1: 1}


def test_a_value_no_fact_has_stays_unpaired() -> None:
    assert _pairs([Fact("pain", 3, label="pain")], [{"kind": "pain", "value": 5}]) == {}
