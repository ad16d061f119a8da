"""Readings a review of round 12 found wrong, each with the twin that must stay read."""

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(f.kind, f.value, f.label) for f in extract_facts(text)]


ASKED = "CLINICIAN: Any pain right now, zero to ten?\nCLIENT: {}\n"


def test_a_number_that_counts_something_is_no_spoken_rating() -> None:
    assert _read(ASKED.format("I took 2 Advil this morning.")) == []
    assert _read(ASKED.format("About 2 of them.")) == []


def test_a_spoken_rating_with_its_time_or_a_clause_after_it_is_read() -> None:
    assert ("pain", 6, "pain") in _read(ASKED.format("A 6 today."))
    assert ("pain", 7, "pain") in _read(ASKED.format("Like a 7 when I climb stairs."))


def test_a_compound_unit_of_mets_is_no_workload() -> None:
    assert _read("Physical activity: 600 MET-min/week on IPAQ.") == []
    assert ("other", 3.2, "METs") in _read("arm ergometer, est. 3.2 METs")


def test_able_to_progress_to_a_distance_is_a_distance_covered() -> None:
    assert ("other", 60) in [f[:2] for f in _read("Pt was able to progress to ambulating 60 ft.")]
    assert _read("Plan: progress to independent walking 10 ft") == []


def test_a_pain_row_among_a_grids_items_is_no_item_and_the_grid_goes_on() -> None:
    read = _read("FIM (admit -> today):\nEating 5 -> 6\nPain 4 -> 2\nTransfers toilet 2 -> 3\n")
    assert not [f for f in read if f[0] == "outcome" and "Pain" in f[2]]
    assert ("outcome", 3, "FIM Transfers toilet") in read
