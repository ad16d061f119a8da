"""A bare untimed code listed before a counted one is billed once and the count is the other
code's; two timed codes before one count still cannot be read."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing

HEADER = (
    "Patient: Idris Fairweather\nMRN: 920301\nDate: 2092-03-01\nVisit: 1\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: L knee pain, M25.562\n\n"
)


def test_a_bare_untimed_code_before_a_counted_one_is_billed_once() -> None:
    read = extract_billing(
        HEADER + "PT evaluation 40 min. Ther ex 12 min.\nBilled: 97162, 97110 x1\n"
    )
    assert dict(read.billed) == {"97162": 1, "97110": 1}
    assert not read.unreadable


def test_two_timed_codes_before_one_count_cannot_be_read() -> None:
    read = extract_billing(HEADER + "Manual 15 min. Ther ex 20 min.\nBilled: 97140, 97110 x2\n")
    assert dict(read.billed) == {}
    assert read.unreadable


def test_a_slash_keeps_an_untimed_code_in_the_group() -> None:
    read = extract_billing(HEADER + "Ther ex 25 min. HP 10 min.\nBilled: 97010/97110 x2\n")
    assert read.unreadable
