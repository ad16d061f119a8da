"""Round 16 review (LAYOUT, GIRTH, OTHER): wrong readings the merged rules made that main did
not, each with the reading the rule must still make."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_candidates
from tui.core.checks.layouts.page_furniture import furniture_spans, without_furniture


def _facts(body: str) -> list[tuple[str, int | float | str, str]]:
    return [(f.kind, f.value, f.label) for f in extract_candidates(HEADER + body)]


def _values(body: str) -> list[int | float | str]:
    return [value for _, value, _ in _facts(body)]


def test_a_page_named_in_a_sentence_is_no_furniture() -> None:
    facts = _facts("O: See page 2 of 3 for the ROM table. Knee flexion 115 deg.\n")
    assert ("rom", 115, "knee flexion") in facts
    assert 80 in _values("O: Page 3 of 10 of the exercise booklet given. HR 80 bpm.\n")
    assert 118 in _values("O: Knee flex 118 deg. See page 2 of 3\n")


def test_twin_a_page_number_line_is_still_furniture() -> None:
    text = (
        "Pain 4/10\nDr. Smith PT          Page 1 of 2\n\nKnee flexion 110\n"
        "Dr. Smith PT          Page 2 of 2\n"
    )
    assert len(furniture_spans(text)) == 2
    assert "Page" not in without_furniture(text)
    kept = "See page 2 of 3 for the ROM table. Knee flexion 115 deg."
    assert kept in without_furniture(f"{kept}\nPg 1/1\n")


def test_a_weight_after_a_clause_naming_a_thing_is_no_body_weight() -> None:
    assert 8 not in _values("O: Carried laundry basket, weight 8 kg.\n")
    assert 5 not in _values("O: Shoulder press, weight 5 kg, 3 sets.\n")
    assert 5 not in _values("O: During ther ex, weight 5 lb.\n")


def test_twin_a_weight_after_a_circumstance_or_opening_its_sentence_is_read() -> None:
    assert ("other", 81.6, "body weight") in _facts("O: On 2 L NC at rest, weight 81.6 kg.\n")
    assert ("other", 80.2, "body weight") in _facts("O: After HD, wt 80.2 kg.\n")
    assert ("other", 80, "body weight") in _facts("O: Pain 2/10. Weight 80 kg.\n")
    assert ("other", 58, "body weight") in _facts("O: Ht 5'3\" (160 cm), wt 58 kg (128 lb).\n")


def test_a_pair_beside_a_heart_rate_with_words_of_its_own_is_no_pressure() -> None:
    for body in (
        "O: HR 80, shoulder ER 90/60 (R/L).\n",
        "O: HR 80, shoulder ER 90/60.\n",
        "O: Pulse 88; PSFS items 120/90 seconds.\n",
        "O: HR 92 bpm after stairs; pt reports 100/80 effort split between legs.\n",
    ):
        assert not [f for f in _facts(body) if f[2] == "blood pressure"], body


def test_twin_a_pair_standing_alone_beside_a_heart_rate_is_a_pressure() -> None:
    assert "110/72" in _values("O: HR 84 bpm, SpO2 97%, 110/72\n")
    assert "110/70" in _values("O: HR 90 (standing 110/70)\n")


def test_a_respiratory_load_set_from_the_measure_is_no_reading() -> None:
    assert 30 not in _values("O: IMT at 50% MIP = 30 cmH2O, 30 breaths BID.\n")
    assert 25 not in _values("O: MIP trainer resistance 25 cmH2O.\n")


def test_twin_the_measure_itself_is_still_read() -> None:
    assert 40 in _values("O: HEP: IMT daily; MIP was 40 cmH2O at eval.\n")
    assert ("other", -52, "MIP") in _facts("O: MIP -52 cmH2O, MEP 71 cmH2O.\n")


def test_a_maximum_glued_to_its_name_is_no_heart_rate() -> None:
    facts = _facts("O: Vitals: HR 72 bpm; HRmax 180 bpm.\n")
    assert ("other", 180, "heart rate") not in facts
    assert ("other", 72, "heart rate") in facts
