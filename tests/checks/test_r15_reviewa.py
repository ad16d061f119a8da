"""Round 15 review of the merged rules (reviewa): lines near KIND's, NAMES' and AUDIT's rules
that the merge read wrongly or lost, each with its twin the rule was written for."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import minutes
from tui.core.checks.extract import extract_facts


def _pairs(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in extract_facts(text)]


def test_a_target_said_met_opens_todays_value() -> None:
    assert ("rom", 120) in _pairs("Target met: knee flex 120 deg today.")
    assert ("rom", 120) in _pairs("Target achieved, knee flexion 120 deg.")


def test_twin_a_line_opened_by_target_is_still_a_goal() -> None:
    assert ("rom", 150) not in _pairs("Target knee flexion 150 deg.")


def test_a_body_length_one_side_exceeds_the_other_by_is_no_length() -> None:
    assert not any(k == "other" for k, _ in _pairs("Arm length 1 in longer on R."))
    assert ("other", 2) not in _pairs("Thigh length 2 in more than L.")


def test_twin_body_lengths_beside_a_difference_stay() -> None:
    found = _pairs('Leg length R 1" shorter than L; thigh length R 19", L 18.5".')
    assert found == [("other", 19), ("other", 18.5)]
    assert ("other", 17) in _pairs('Hip width 17" R, L 16".')


def test_mental_health_care_is_no_moist_heat() -> None:
    assert minutes("S: Pt sees MH counselor 1x/wk, 60 min sessions.\n") == {}
    assert minutes("S: MH counseling 45 min yesterday.\nTherEx 20 min.\n") == {"97110": 20}


def test_twin_moist_heat_written_mh_is_97010() -> None:
    assert minutes("Tx: MH 10 min to neck.\n") == {"97010": 10}
    assert minutes("MH 10' R hip, post\n") == {"97010": 10}


def test_a_n_after_a_pain_rating_that_rates_another_thing_is_no_pain() -> None:
    assert ("pain", 6) not in _pairs("Pain 4/10, fatigue a 6.")
    assert ("other", 6) in _pairs("Pain 4/10, fatigue a 6.")
    assert ("pain", 2) not in _pairs("Pain 4/10; rated a 2 for effort.")
    assert ("pain", 7) not in _pairs("Pain 3/10, effort a 7 with stairs.")
    assert ("pain", 3) not in _pairs("Pain 4/10, dyspnea a 3 after stairs.")


def test_twin_pain_rated_again_as_a_n_stays_pain() -> None:
    assert ("pain", 3) in _pairs("Pain 6/10 at worst, a 3 at best.")
    assert ("pain", 4) in _pairs("Pain 6 out of 10, a 4 after ice.")
    assert ("pain", 3) in _pairs("Pain 5/10, a 3 for sitting.")


def _labels(text: str) -> list[tuple[object, str]]:
    return [(f.value, f.label) for f in extract_facts(text)]


def test_the_arat_subtests_keep_their_names() -> None:
    found = _labels("ARAT grasp 12/18, grip 8/12.")
    assert (12, "ARAT grasp") in found
    assert (8, "ARAT grip") in found


def test_twin_the_arat_total_and_a_grip_in_kg_stay_theirs() -> None:
    assert _pairs("ARAT R 45/57, grip 20 kg.") == [("outcome", 45), ("strength", 20)]
