"""A bracket on a line that names which of the line's values were carried from an earlier note
("PF/inv/ev carried from 04/03, not re-measured") makes those values earlier ones; the values it
does not name stay this visit's, and a value "same as last visit" is today's."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts

HEADER = (
    "Patient: Ada Quill\nMRN: 550101\nDate: 2071-02-02\nVisit: 6\nDiscipline: PT\n"
    "Payer: Aetna\nDiagnosis: R ankle fx\n\n"
)


def labels(body: str) -> dict[object, str]:
    return {f.value: f.label for f in extract_facts(HEADER + body) if f.kind != "service"}


def test_the_values_a_bracket_names_as_carried_are_earlier() -> None:
    found = labels("R ankle AROM DF 9°, PF 38°, inversion 20° (PF/inv carried from 04/03)\n")
    assert "previous" in found[38] and "previous" in found[20]


def test_the_values_it_does_not_name_are_todays() -> None:
    found = labels("R ankle AROM DF 9°, PF 38°, inversion 20° (PF/inv carried from 04/03)\n")
    assert "previous" not in found[9]


def test_a_value_the_same_as_last_visit_is_todays() -> None:
    found = labels("Pain 2/10 walking (same as last visit).\n")
    assert "previous" not in found[2]
