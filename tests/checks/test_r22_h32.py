"""Round 22, heldout32's classes: a grip or pinch squeezed on a bulb or a cuff reads in mmHg (a
strength, never a blood pressure); a count out of ten things ("7/10 principles") is no pain; a
disease's type ("SMA type 3") and a year ("at the 2132 review") are no scores; a French note's
side letters G and D are the sides L and R (languages.toml), and only in a French note."""

from __future__ import annotations

import time

from tests.checks.conftest import facts_in
from tui.core.checks.extract import extract_facts

CUFF = (
    "O:\n"
    "BP 128/76 mmHg sitting.\n"
    "Grip (bulb dynamometer, mmHg, mean of 3): R 118 mmHg   L 142 mm Hg  (eval: R 96, L 130)\n"
    "Tip pinch with the bulb: R 38 mmHg / L 46 mmHg.\n"
    "Ther ex with blood flow restriction cuff at 160 mmHg, 3 x 15.\n"
)


def _strengths(text: str) -> dict[float, str]:
    return {float(f.value): f.label for f in facts_in(text, "strength") if f.unit == "mmHg"}


def test_a_grip_in_mmhg_is_each_sides_strength_and_the_evaluations_are_previous() -> None:
    read = _strengths(CUFF)
    assert sorted(read) == [38, 46, 96, 118, 130, 142]
    assert read[118].startswith("R") and "previous" not in read[118]
    assert read[142].startswith("L")
    assert "previous" in read[96] and "previous" in read[130]


def test_a_blood_pressure_and_a_cuffs_setting_stay_no_strength() -> None:
    values = {f.value for f in extract_facts(CUFF)}
    assert "128/76" in values
    assert not {76, 128, 160} & set(_strengths(CUFF))


def test_a_weight_after_a_slash_is_still_the_second_of_a_pair() -> None:
    read = {float(f.value) for f in facts_in("O:\nGrip R/L 22/24 kg\n", "strength")}
    assert read == {22, 24}


def test_a_count_out_of_ten_things_is_no_pain() -> None:
    text = (
        "O:\nJoint protection check: 7/10 principles recalled correctly.\n"
        "Quiz 8/10 questions right.\nHand pain 4/10 today, 3/10 most days.\n"
    )
    assert sorted(float(f.value) for f in facts_in(text, "pain")) == [3, 4]


def test_a_disease_type_is_no_score() -> None:
    text = "A: decline as often seen in adults with SMA type 3; EDS type III too.\n"
    assert not [f for f in extract_facts(text) if f.kind == "outcome"]


def test_a_year_after_an_unlisted_instruments_score_is_no_score() -> None:
    text = "O:\nMotor: HFMSE 49/66 today, compared with 52/66 at the 2132 review.\n"
    assert 2132 not in {f.value for f in extract_facts(text)}
    assert 49 in {f.value for f in facts_in(text, "outcome")}


FRENCH = (
    "Note de traitement\n"
    "S : Douleur 3/10 à la marche.\n"
    "O :\n"
    "- Œdème / girth figure-of-8 : G 56,5 cm, D 53,0 cm\n"
    "- Genou D : flexion 112°\n"
    "- Équilibre unipodal yeux ouverts G 12 s, D 30 s\n"
    "- Force de préhension : D 26 kg, G 24 kg\n"
)


def test_french_side_letters_are_the_sides() -> None:
    girths = {float(f.value): f.label for f in facts_in(FRENCH, "girth")}
    assert girths[56.5].startswith("L") and girths[53.0].startswith("R")
    grips = {float(f.value): f.label for f in facts_in(FRENCH, "strength")}
    assert grips[26].startswith("R") and grips[24].startswith("L")
    rom = {float(f.value): f.label for f in facts_in(FRENCH, "rom")}
    assert rom[112].startswith("R")


def test_side_letters_in_an_english_note_are_no_sides() -> None:
    text = "O:\nGroup G exercises: pendulums. Vitamin D 2000 IU daily. Grip R 31 kg, L 38 kg.\n"
    labels = [f.label for f in extract_facts(text)]
    assert all(not label.startswith(("L 2000", "R 2000")) for label in labels)
    assert 2000 not in {f.value for f in extract_facts(text)}


def test_a_long_line_of_cuff_grips_reads_in_linear_time() -> None:
    """A 40 KB line: the grips among prose, so the time is the pattern's, not the facts'."""
    item = "grip on the bulb R 118 mmHg and L 121 mmHg " + "then she rested and talked " * 12
    line = (item * (40_000 // len(item) + 1))[:40_000]
    started = time.process_time()
    extract_facts("O:\n" + line + "\n")
    assert time.process_time() - started < 1.0
