"""A date the note writes in a table's heading ("<th>Eval 01/05/2037</th>") is a date the note
gives, however normalising the table rewrites its heading; a date the note never writes is still
reported."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

NOTE = (
    "Patient: Ione Vale\nMRN: 550201\nDate: 2037-02-02\nVisit: 5\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R TKA, Z96.651\n\n"
    "<table>\n<tr><th>Measure</th><th>Today</th><th>Eval 01/05/2037</th></tr>\n"
    "<tr><td>R knee flexion AROM</td><td>104&deg;</td><td>82&deg;</td></tr>\n</table>\n"
)


def _dates_flagged(draft: str) -> list[str]:
    result = verify(NOTE, draft)
    return [str(fact.value) for fact in result.unsupported if "date" in fact.label]


def test_a_date_in_a_table_heading_backs_the_draft() -> None:
    draft = "- R knee flexion AROM 104° (82° at evaluation on 01/05/2037).\n"
    assert _dates_flagged(draft) == []


def test_a_date_the_note_never_writes_is_reported() -> None:
    draft = "- R knee flexion AROM 104° (82° at evaluation on 01/19/2037).\n"
    assert _dates_flagged(draft) == ["01/19/2037"]
