"""OCR of handwriting (round 13, LAYOUT): a letter read inside a number is its digit when the
token's shape says it is a number (a unit, a slash, a range, three digits), and a value the
page's line break parted from its name is read with it. Each reading has a twin left as written:
words and codes with the same letters, a heading or a dose on the next line.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in
from tui.core.checks.text.numbers import normalize


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in facts_in(text)]


def test_letters_inside_a_measured_number_are_its_digits() -> None:
    assert normalize("AROM 4-1O2 deg, pain 3/l0, TUG l4.2 s, ther ex 2S min.").text == (
        "AROM 4-102 deg, pain 3/10, TUG 14.2 s, ther ex 25 min."
    )


def test_an_ocr_angle_and_time_are_read() -> None:
    assert _read("L knee AROM 4-1O2 deg.\nTUG l4.2 s.\n") == [
        ("rom", 4),
        ("rom", 102),
        ("outcome", 14.2),
    ]


def test_words_and_codes_with_the_same_letters_stay_as_written() -> None:
    text = "O2 2 L NC, SpO2 96%. L1-L2, I10, G0283, T1O. Oct 3. 10 lb. ROM WFL. gr Ill."
    assert normalize(text).text == text


def test_a_level_or_a_visit_number_needs_a_unit_to_be_read() -> None:
    assert normalize("l4-5 fusion, visit l2.").text == "l4-5 fusion, visit l2."
    assert normalize("bike l2 min").text == "bike 12 min"


def test_a_value_broken_from_its_name_is_read_with_it() -> None:
    assert _read("PROM flex\nl08.\nGrip L\n18 kg, R 26 kg.\n") == [
        ("rom", 108),
        ("strength", 18),
        ("strength", 26),
    ]


def test_a_heading_a_list_number_or_a_dose_on_the_next_line_is_not_joined() -> None:
    text = "Goals:\n1. L shoulder flexion 140 deg.\nShoulder flexion\n2 sets of 10.\n"
    assert normalize(text).text == text
