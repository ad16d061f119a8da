"""Words other clinics write short (issue 12, voices): "Rx" for treatment in a total, "Ax"
for the assessment an earlier value was taken at, "neuromusc re-ed" and "ADL retraining" for
their services. Each has a twin that keeps its meaning."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts

_HEAD = "Patient: Maeve Dunphy\nDate: 2031-08-06\n\n"


def test_total_rx_time_is_the_total_treatment_time() -> None:
    note = _HEAD + "Gait re-ed 20 mins.\nTimed 20 mins; total Rx time 32 mins.\n"
    billing = extract_billing(note)
    assert billing.total_treatment_minutes == 32
    # twin: an "Rx:" heading with minutes is a service line, not a total
    plain = extract_billing(_HEAD + "Rx: gait re-ed 20 mins.\n")
    assert plain.total_treatment_minutes is None


def test_a_value_at_ax_is_an_earlier_value() -> None:
    facts = extract_facts(_HEAD + "ODI 30% (Ax 44%). Berg 47/56 (40/56 at ax).\n")
    earlier = {f.value for f in facts if "previous" in f.label}
    assert earlier == {44, 40}
    # twin: today's values keep no "previous"
    assert {f.value for f in facts if "previous" not in f.label} == {30, 47}


def test_services_written_short_are_read_with_their_codes() -> None:
    note = _HEAD + "Neuromusc re-ed 11 min (DNF endurance).\nADL retraining 25 mins (dressing).\n"
    services = {(f.cpt, f.value) for f in extract_facts(note) if f.kind == "service"}
    assert services == {("97112", 11), ("97535", 25)}


def test_a_load_written_before_its_sets_and_reps_is_no_strength() -> None:
    note = _HEAD + "Ther ex: putty for grip, biceps 3# 2x10, wrist ext 1 kg 3x15.\nGrip R 18 kg.\n"
    strengths = [f.value for f in extract_facts(note) if f.kind == "strength"]
    # twin: the grip measured on the next line stays
    assert strengths == [18]


def test_symbols_for_words_are_not_read_as_values() -> None:
    # an arrow before a number is a change; "2° to" a word is "secondary to"
    note = _HEAD + "R shoulder flex 120° (↑ 15°). ↓ knee pain 2° to OA flare.\n"
    assert [(f.kind, f.value) for f in extract_facts(note)] == [("rom", 120)]


def test_values_after_an_arrow_and_a_word_and_ranges_stay() -> None:
    # twins: "↑ to 4/5" is today's grade; "2° to 125°" is a range of motion
    assert [f.value for f in extract_facts(_HEAD + "Hip abd ↑ to 4/5.\n")] == ["4"]
    assert [f.value for f in extract_facts(_HEAD + "Knee ext 2° to 125°.\n")] == [2, 125]


def test_an_aim_is_a_goal_and_a_cut_off_said_after_its_value_is_a_reference() -> None:
    note = _HEAD + "Knee flex 98°. Aim 0-110° by 6/52.\nTUG 14.2 s, above the 13.5 s cut off.\n"
    assert [f.value for f in extract_facts(note)] == [98, 14.2]
    # twin: "aiming" says no goal, so the value after it stays
    assert [f.value for f in extract_facts(_HEAD + "Aiming for stairs, knee flex 98°.\n")] == [98]


def test_an_instrument_named_aims_is_no_goal() -> None:
    # twin of "Aim 0-110°": the Alberta Infant Motor Scale's score stays a score
    assert [f.value for f in extract_facts(_HEAD + "AIMS 38 today.\n")] == [38]
