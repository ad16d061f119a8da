"""Round 16 (LAYOUT): struck and corrected values as exports write them: "[struck] ...
[/struck]" like "~~...~~" and "<del>", and a late entry that gives "the correct measurement"
for a value written earlier. The struck or amended value is never read; the value beside it
is. Each with a twin."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts


def _pairs(body: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(HEADER + body)]


def test_a_bracketed_struck_value_is_not_read() -> None:
    assert _pairs("S: Pain R shoulder [struck] 4/10 [/struck] 2/10 with dressing.\n") == [
        ("pain", 2)
    ]


def test_twin_an_html_struck_value_is_not_read() -> None:
    assert ("outcome", 38) not in _pairs("O: Berg <del>38</del> 41/56.\n")


def test_a_bracket_left_open_is_text() -> None:
    assert ("pain", 4) in _pairs("S: Pain [struck] 4/10 with dressing.\n")


def test_a_late_entry_amends_a_table_cell() -> None:
    body = (
        "O:\n| Measure | Today |\n|---|---|\n| L wrist flexion AROM | 45° |\n\n"
        "Late entry 05/10: L wrist flexion AROM was recorded above as 45°; the correct "
        "measurement is 50°.\n"
    )
    values = [value for kind, value in _pairs(body) if kind == "rom"]
    assert 50 in values and 45 not in values


def test_twin_the_correct_value_is() -> None:
    body = (
        "O: R knee flexion 112 deg.\n"
        "Addendum: R knee flexion entered as 112 deg; the correct value is 121 deg.\n"
    )
    values = [value for kind, value in _pairs(body) if kind == "rom"]
    assert 121 in values and 112 not in values
