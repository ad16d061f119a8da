"""What a number is (round 9, KIND): each reading with its twin that must not be read.

tests/eval/CONVENTIONS.md decides the kinds: a jaw's motion in mm is a length (`other`), a time
in two units is one value in seconds, a quantity measured directly is `other` even where its
method has a name, and a named timed test's time is an `outcome`.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in
from tui.core.checks.facts import Fact


def _pairs(text: str, kind: str | None = None) -> list[tuple[str, object, str | None]]:
    return [(fact.kind, fact.value, fact.unit) for fact in facts_in(text, kind)]


def _one(text: str, value: object) -> Fact:
    found = [fact for fact in facts_in(text) if fact.value == value]
    assert len(found) == 1, (value, _pairs(text))
    return found[0]


# -- jaw motions in millimetres -------------------------------------------------------------------


def test_a_jaw_opening_in_mm_is_a_length_not_an_angle() -> None:
    text = "Active mouth opening 37 mm without pain (eval 29 mm). Protrusion 6 mm."
    assert ("other", 37, "mm") in _pairs(text) and ("other", 6, "mm") in _pairs(text)
    assert facts_in(text, "rom") == []
    assert "previous" in _one(text, 29).label


def test_a_bare_value_after_a_jaw_motion_is_in_mm() -> None:
    assert ("other", 36, "mm") in _pairs("Max opening up from 36 at the eval.")


def test_twin_an_opening_in_degrees_stays_an_angle() -> None:
    assert ("rom", 90, None) in _pairs("Hand opening 90° with the splint off.")


# -- times in two units ---------------------------------------------------------------------------


def test_a_time_in_minutes_and_seconds_is_one_value_in_seconds() -> None:
    text = "Route to the lunchroom with her walker: 3 min 12 s today; last month 4 min 05 s."
    found = {fact.value: fact for fact in facts_in(text, "other")}
    assert set(found) == {192, 245}
    assert found[192].unit == "s" and "previous" in found[245].label


def test_twin_a_rest_or_a_goal_in_two_units_is_no_result() -> None:
    assert facts_in("Rested 1 min 30 s between ramp trials.") == []
    assert facts_in("IEP goal: the route in under 2 min 45 s by June.") == []


# -- quantities measured directly -----------------------------------------------------------------


def test_a_method_of_direct_measurement_gives_an_other_value() -> None:
    text = (
        "Cranial scan: CVAI 5.9% (eval 7.4%). Perometer: LVD 16.8 %. "
        "Snellen static 20/25 with glasses."
    )
    found = _pairs(text)
    assert ("other", 5.9, "%") in found and ("other", 16.8, "%") in found
    assert ("other", "20/25", None) in found
    assert not [fact for fact in facts_in(text) if fact.kind == "outcome"]


def test_twin_a_questionnaire_in_percent_stays_an_outcome() -> None:
    assert [fact.kind for fact in facts_in("Oswestry 22% today.")] == ["outcome"]


def test_a_title_case_test_with_its_earlier_time_is_an_outcome() -> None:
    text = "Discharge (eval value in brackets):\nL Test 28.4 s [61.0 s]."
    found = [(fact.kind, fact.measure, fact.value) for fact in facts_in(text)]
    assert ("outcome", "L Test", 28.4) in found and ("outcome", "L Test", 61.0) in found


def test_twin_an_untitled_time_with_its_earlier_time_stays_other() -> None:
    assert [fact.kind for fact in facts_in("endurance 18 s (initial 9 s)")] == ["other", "other"]


# -- ratings that are not pain --------------------------------------------------------------------


def test_urge_bother_phantom_sensation_and_catches_are_not_pain() -> None:
    for text in (
        "urgency 4/10 on her scale this week",
        "Bother (0-10) :: 4",
        "phantom sensation 4/10 (not painful)",
        "Catch with tennis ball from 2 m: 7/10.",
    ):
        assert facts_in(text, "pain") == [], text


def test_twin_pain_beside_those_words_is_still_pain() -> None:
    assert [f.value for f in facts_in("Phantom pain 3/10 at night.", "pain")] == [3]
    assert [f.value for f in facts_in("pain 5/10 with a strong urge", "pain")] == [5]


# -- set-ups and distances that were not covered --------------------------------------------------


def test_a_set_up_changed_by_an_arrow_is_no_measurement() -> None:
    text = "desk height 74 cm -> 70 cm; monitor distance 45 cm -> 65 cm; ball (55 cm) sitting."
    assert facts_in(text) == []


def test_twin_a_step_length_changed_by_an_arrow_is_measured() -> None:
    assert [f.value for f in facts_in("Step length 48 cm -> 52 cm.")] == [48, 52]


def test_a_distance_planned_or_naming_an_item_is_not_walked() -> None:
    for text in (
        "Plan: ambulate 10 ft if FiO2 <= 40%.",
        "Will walk 300 ft next visit.",
        "walking 50 ft with turns still needs partial assist",
        "SpO2 92% after 10 ft transfer",
    ):
        assert not [f for f in facts_in(text) if f.unit == "ft"], text


def test_twin_a_distance_walked_today_is_read() -> None:
    assert ("other", 120, "ft") in _pairs("Gait with RW 120 ft x 2, CGA.")


# -- loads of a capacity test ---------------------------------------------------------------------


def test_fce_loads_under_a_heading_in_keys_and_on_a_gauge_are_strength() -> None:
    text = (
        "FUNCTIONAL CAPACITY EVALUATION\n"
        "Material handling (floor to waist, crate):\n"
        "  occasional 65 lb (start: 40 lb), frequent 30 lb\n"
        "carry_bilateral_30m: 20.4 kg\n"
        "push_pull_cart_force: {push: 178 N, pull: 160 N}\n"
    )
    assert sorted(f.value for f in facts_in(text, "strength")) == [20.4, 30, 40, 65, 160, 178]


def test_twin_a_job_demand_and_an_exercise_load_are_no_strength() -> None:
    text = (
        "FCE day 1.\nJob: housekeeper (DOT medium, must lift 20 kg occasionally).\n"
        "Ther ex: farmer carry, Pallof press 15 lb.\n"
    )
    assert facts_in(text, "strength") == []
