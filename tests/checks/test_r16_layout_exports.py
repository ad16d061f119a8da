"""Round 16 (LAYOUT): documents exported from other systems. A paged export's furniture at a
page break (page number, the header and footer every page repeats) is no part of the note and
does not part a table; a form's label over its value and a row of labels over a row of values
read as fields; two fields sharing a line are parted; a print's stamp and furniture never reach
an offline draft. Each with a twin and the lines they must leave alone."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts
from tui.core.checks.layouts.page_furniture import furniture_spans, without_furniture
from tui.core.checks.layouts.stacked_fields import joined_fields

PAGED = (
    "ACME REHAB   Printed 03/02/2050 18:05\nPatient: Valbuena, Ines   MRN 920305\n"
    "-----------------------------\n"
    + HEADER
    + "S: Knee pain 2/10.\nO:\nKnee ROM (deg)   Eval   Today\n"
    "Flexion          98     121\n"
    "-----------------------------\nAcme Rehab | 12 Elm St | 555-0100\nPage 1 of 2   CONFIDENTIAL\n"
    "ACME REHAB   Printed 03/02/2050 18:05\nPatient: Valbuena, Ines   MRN 920305\n"
    "-----------------------------\n"
    "Extension        -6     -2\nQuad lag noted.\n"
    "-----------------------------\nAcme Rehab | 12 Elm St | 555-0100\nPage 2 of 2   CONFIDENTIAL\n"
)


def _values(text: str) -> set[object]:
    return {fact.value for fact in extract_facts(text)}


def test_a_page_break_is_taken_out_and_the_table_reads_on() -> None:
    facts = {f.value: f.label for f in extract_facts(PAGED) if f.kind == "rom"}
    # a joint short of neutral is its deficit ("knee extension (deficit)" 2)
    assert "extension" in facts[2] and "previous" not in facts[2]
    assert "previous" in facts[6] and "previous" not in facts[121]
    assert not {12, 555, 100, 1805, 920305} & _values(PAGED)


def test_twin_the_furniture_is_every_line_of_the_break() -> None:
    gone = "".join(PAGED[start:end] for start, end in furniture_spans(PAGED))
    assert "Page 1 of 2" in gone and "Elm St" in gone and "Patient: Valbuena" in gone
    assert "Extension" not in gone and "Quad lag" not in gone and "Flexion" not in gone


def test_a_note_that_numbers_no_page_has_no_furniture() -> None:
    text = HEADER + "O: Tolerated well.\n----------\nTolerated well.\n----------\n"
    assert furniture_spans(text) == []


def test_an_offline_draft_keeps_no_furniture_nor_stamp() -> None:
    kept = without_furniture(PAGED)
    assert "Page 1" not in kept and "Elm St" not in kept and "Printed" not in kept
    assert "Quad lag noted." in kept and "Extension" in kept
    assert "Printed" not in without_furniture("VISIT FORM    Printed: 02/11/2050 09:47\nO: ok\n")
    assert "printed" in without_furniture("O: HEP printed and reviewed.\n")


def test_a_label_over_its_value_is_a_field() -> None:
    facts = extract_facts(
        HEADER + "O:\nTimed Up and Go (s)\n13.6\n10 Meter Walk Test (m/s)\n0.84\n"
    )
    assert [(f.measure, f.value) for f in facts] == [("TUG", 13.6), ("10MWT", 0.84)]


def test_twin_a_row_of_labels_over_a_row_of_values_under_a_caption() -> None:
    body = (
        "S:\nPain Rating (0-10)\n"
        "Current            Worst           Goal\n3                  7               ____\n"
    )
    assert [(f.kind, f.value) for f in extract_facts(HEADER + body)] == [("pain", 3), ("pain", 7)]
    assert "Pain Rating (0-10): Current 3; Worst 7" in joined_fields(body)


def test_a_sentence_over_a_number_is_no_label() -> None:
    body = "S: Walked to the mailbox today.\n3\n"
    assert joined_fields(body) == body


def test_a_table_heading_over_its_rows_is_no_row_of_fields() -> None:
    body = "  point   L   R\n  0 cm    17.2   15.9\n  8 cm    22.4   20.1\n"
    assert joined_fields(body) == body


def test_two_fields_sharing_a_line_are_parted() -> None:
    facts = extract_facts(HEADER + "O:\nSingle-leg stance (s):  R  24    L  19\n")
    assert sorted((f.label.split()[0], f.value) for f in facts) == [("L", 19), ("R", 24)]


def test_twin_two_services_sharing_a_line_keep_their_minutes() -> None:
    body = "Tx: 97110 Ther ex ....... 20 min     97530 Ther act .... 8 min\nTotal 28 min\n"
    services = {f.cpt: f.minutes for f in extract_facts(HEADER + body) if f.kind == "service"}
    assert services == {"97110": 20, "97530": 8}


def test_values_standing_before_their_row_name_are_no_two_fields() -> None:
    body = "Circumference, cm (L | R):\n  26.0 | 22.5   ankle, 10 cm from floor\n"
    assert joined_fields(body) == body


def test_a_word_printed_then_a_later_date_is_no_stamp() -> None:
    line = "Plan: HEP updated (printed), review with consultant 17/03/2033.\n"
    assert without_furniture(line) == line


def test_a_tab_separated_row_is_no_line_of_fields() -> None:
    body = "Phase\tHR\tBP\tSpO2\tRPE\tMETs\tRhythm\nRest\t70\t118/72\t98\t6\t1.0\tSR\n"
    assert joined_fields(body) == body
    body = "Supine hip flexion slides 0-90\t2 x 10\twithin precautions\n"
    assert joined_fields(body) == body
