"""Home health's OASIS functional items are scores of their items, read by item number with the
item's name as the label; numbers of other OASIS items, and responses outside the items' range,
are not."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _outcomes(text: str) -> list[tuple[str | None, str, int | float | str]]:
    return [(f.measure, f.label, f.value) for f in extract_facts(text) if f.kind == "outcome"]


def test_oasis_items_are_scores_labelled_by_their_names() -> None:
    got = _outcomes("ROC visit\nM1840 Toilet transferring: 2\nM1830 Bathing - 5 (chair in tub)")
    assert ("OASIS", "OASIS Toilet transferring", 2) in got
    assert any(value == 5 and "Bathing" in label for _, label, value in got)
    assert not any(value in (1840, 1830) for _, _, value in got)


def test_twin_other_item_numbers_and_impossible_responses_are_not_scores() -> None:
    assert _outcomes("M1033 Hospitalization risk: 3 falls in 6 mo.") == []
    assert _outcomes("M1800 Grooming: 9 (see note)") == []


def test_six_clicks_raw_score_is_an_am_pac_score() -> None:
    assert _outcomes("Acute PT: 6-Clicks mobility raw 19, JH-HLM 6.")[0][::2] == ("AM-PAC", 19)
    assert _outcomes("Six-Clicks 21/24 today.")[0][::2] == ("AM-PAC", 21)


def test_twin_its_t_score_and_a_two_person_assist_are_not_raw_scores() -> None:
    assert not any(m == "AM-PAC" for m, _, _ in _outcomes("6-Clicks t-score 45.2 (CMS 50%)."))
    assert _outcomes("Transfer with 2-person assist, bed to chair.") == []
