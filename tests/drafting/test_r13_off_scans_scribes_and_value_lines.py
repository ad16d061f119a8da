"""Offline drafts, round 13 (OFF), read as a therapist would: a scan's line broken mid-phrase,
a scribe's and a scan's notes about the note, the time of service, a measured value with a
remark, and a test's items listed after its name; each rule with a twin."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting.placement import place_items, split_items


def _all_lines(note: str) -> list[str]:
    placed = place_items(split_items(note), SOAP)
    return [line for lines in placed.values() for line in lines]


def test_a_line_broken_after_a_comma_goes_on() -> None:
    note = "S: Pain 3/10 at rest,\n5/10 after stairs.\nO: Ther ex 25 min (heel slides,\nSLR 2x10)."
    lines = _all_lines(note)
    assert "Pain 3/10 at rest, 5/10 after stairs." in lines
    assert "Ther ex 25 min (heel slides, SLR 2x10)." in lines


def test_twin_a_new_part_after_a_comma_is_its_own_line() -> None:
    note = "S: knee sore on stairs,\nO: knee flexion 110 deg\nA: slow gains\n"
    assert where(note, "knee flexion 110") == ["Objective"]
    assert where(note, "knee sore on stairs") == ["Subjective"]


def test_how_the_note_was_made_goes() -> None:
    note = (
        "[Scanned handwritten note - OCR text, not corrected]\n"
        "Scribe documentation. Scribed by T. Villanueva (scribe) in the presence of Dr. Ana "
        "Ruiz, PT.\n"
        "Pt reports pain 4/10.\n"
        "Attestation: I, Ana Ruiz, PT, personally performed the services described here.\n"
    )
    text = " ".join(_all_lines(note))
    assert "Scanned" not in text
    assert "Scribed" not in text
    assert "Attestation" not in text
    assert where(note, "pain 4/10") == ["Subjective"]


def test_twin_a_line_naming_who_recorded_a_value_stays() -> None:
    assert where("Recorded by nursing: BP 140/90 at 08:00.", "BP 140/90") == ["Objective"]


def test_an_initial_ends_no_sentence() -> None:
    assert "Seen with T. Okoro, PTA, for gait." in _all_lines("Seen with T. Okoro, PTA, for gait.")


def test_the_time_of_service_is_billing() -> None:
    assert where("Time of service 15:10-15:55. Pt reports pain 2/10.", "Time of service") == [
        "Billing"
    ]


def test_a_named_value_in_its_unit_is_measured_whatever_its_remark() -> None:
    note = "Knuckle to shoulder: 11 kg (limited by R shoulder pain 6/10, hitching observed)"
    assert where(note, "Knuckle to shoulder") == ["Objective"]


def test_twin_a_rating_after_its_name_is_no_measure() -> None:
    assert where("Pain: 6/10 with lifting, limits work.", "6/10 with lifting") != ["Objective"]


def test_a_tests_items_after_its_name_stay_one_line() -> None:
    note = "VOMS: baseline HA 1; smooth pursuits 1; saccades H 2; NPC 4 cm; VMS 3."
    assert _all_lines(note) == [note]


def test_twin_an_unlabelled_run_on_is_parted_by_its_clauses() -> None:
    note = "c/o jaw clicking on waking; night guard worn 6/7 nights; JFLS-8 22/80; MIO 38 mm"
    assert where(note, "c/o jaw clicking") == ["Subjective"]
    assert where(note, "MIO 38 mm") == ["Objective"]


def test_twin_a_labelled_run_on_of_accounts_is_still_parted() -> None:
    note = (
        "Jaw clinic: c/o L jaw clicking on opening daily & ache 4/10 chewing bagels; "
        "night guard worn 6/7 nights; JFLS-8 22/80; MIO 38 mm"
    )
    assert where(note, "c/o L jaw clicking") == ["Subjective"]
