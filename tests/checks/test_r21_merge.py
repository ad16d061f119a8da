"""Round 21's readers met at the merge: a templated note's bracket fields (STRUCT,
layouts/template_fields) and an EHR form's drop-downs (H32, layouts/dropdowns) in one note."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def test_a_templated_note_with_drop_downs_reads_both() -> None:
    text = (
        "Pain now: [ 3 ]/10\n"
        "Berg: [ 41 ]/56\n"
        "TUG: [ 14.2 ] s\n"
        "Knee MMT (R):    quad [ 4 ▼]/5   hamstring [ 4+ ▼]/5\n"
        "Knee AROM (R): flex [ 118 ▼]°\n"
    )
    read = {(fact.kind, str(fact.value)) for fact in extract_facts(text)}
    assert read == {
        ("pain", "3"),
        ("outcome", "41"),
        ("outcome", "14.2"),
        ("mmt", "4"),
        ("mmt", "4+"),
        ("rom", "118"),
    }
