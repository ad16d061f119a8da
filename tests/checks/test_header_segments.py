"""Episode fields written several to a line at a note's top (intake.header_segments)."""

from __future__ import annotations

from pathlib import Path

from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.intake.header_segments import segment_fields
from tui.core.intake.notes import _HEADER_KEYS, parse_note_text

BODY = "\n\nS: Pt reports knee better.\nO: knee flex 0-120.\nA: progressing.\nP: continue.\n"


def _fields(head: str) -> dict[str, str]:
    return segment_fields(head + BODY, _HEADER_KEYS)


def test_pipe_separated_fields_give_payer_and_visit() -> None:
    fields = _fields(
        "Pelvic Health PT\nPt: D. Reyes | MRN 9900010 | 05/11/2099 | Visit 3 | Payer: BlueCross"
    )
    assert fields == {"payer": "BlueCross", "visit": "3"}


def test_space_separated_fields_and_last_report() -> None:
    head = (
        "OT Daily Note\nResident: F. Pratt   MRN 9900012\n"
        "DOS 05/12/2099   Medicare Part B   Visit 10   "
        "Last progress report: visit 1 (eval 04/14/2099)"
    )
    fields = _fields(head)
    assert fields["visit"] == "10"
    assert fields["last_progress_report"].startswith("visit 1")
    # a segment opening with a payer's name is the payer without its key (billing.toml
    # [payer_names], heldout33: "BlueCross commercial", "Aetna (commercial)"); other bare
    # segments are never guessed (test_r22_h33)
    assert fields["payer"] == "Medicare Part B"


def test_markdown_middle_dots_and_tabs() -> None:
    fields = _fields(
        "**Patient:** A. B · **Date:** 08 Jan 2090 · **Payer:** Medicare\nVisit #4\tInsurance: x"
    )
    assert fields["payer"] == "Medicare" and fields["visit"] == "4"


def test_near_misses_are_not_fields() -> None:
    # a visit date is no visit number; a payer after the first blank line is no header;
    # a key this module does not read ("Visit date", "Referring") stays unread
    head = (
        "Follow-up\nVisit 05/20/2099   Visit date: 05/20/2099   Referring: Dr. Payer\n"
        "Next visit 3 days"
    )
    text = head + "\n\nPayer: Aetna\n" + BODY
    assert segment_fields(text, _HEADER_KEYS) == {}
    assert _fields("Title\nVisit 10/12   Visit 1.5 h") == {}
    assert _fields("Plan: visit 4 next week | payer pending") == {}


def test_only_the_leading_block_is_read() -> None:
    lines = "\n".join(f"line {i}" for i in range(20))
    assert _fields(lines + "\nPayer: Aetna") == {}


def test_header_block_wins_over_segments() -> None:
    text = "Payer: Medicare\nVisit: 6\nPatient: A | Payer: Aetna | Visit 9" + BODY
    note = parse_note_text(Path("n.txt"), text, "x")
    assert note.payer == "Medicare" and note.visit == 6


def test_segment_payer_sets_the_per_code_rule() -> None:
    text = (
        "PROGRESS REPORT\nPatient: B. Kincaid   MRN 9900013   Payer: Aetna\n\n"
        "Today's treatment: 97110 ther ex 24 min, 97140 manual 10 min.\n"
        "Total timed 34 min; total treatment time 34 min.\nBilled: 97110 x2, 97140 x1\n"
    )
    note = parse_note_text(Path("n.txt"), text, "x")
    audit = audit_note(note, AuditRules(payer_rules={"aetna": "per_code"}))
    assert note.payer == "Aetna"
    assert audit.rule == "per_code" and audit.units_allowed == 3
    assert not [f for f in audit.findings if f.code.startswith("UNITS_")]


def test_visit_and_report_written_without_colons() -> None:
    head = (
        "Balance & Falls Program\nT. G  |  DOB 1/30/2024  |  2/22/2103  |  Visit 9  |"
        "  Medicare B  |  Last progress report visit 1 (01/19/2103)"
    )
    assert _fields(head) == {
        "visit": "9",
        "last_progress_report": "visit 1 (01/19/2103)",
        "payer": "Medicare B",  # a segment opening with a payer's name (round 22)
    }
    head = "OT Tx Note\nRes: P. B   Medicare Part B   Tx day 12   Last progress report: tx day 3"
    assert _fields(head)["visit"] == "12"
    assert _fields("Neuro\nName: H. P   Treatment visit #11")["visit"] == "11"


def test_sentences_of_a_header_line_are_segments() -> None:
    head = "Neuro PT\nI. T, 67 y/o F, R MCA CVA 11/19/2102 w L hemiparesis. Visit #9. Medicare B."
    assert _fields(head) == {"visit": "9", "payer": "Medicare B"}
    head = "Home visit\nReferred after 2 falls. Payer: Medicare Part B. Visit 1 (eval 03/06)."
    assert _fields(head) == {"payer": "Medicare Part B", "visit": "1"}


def test_twin_days_and_reports_that_are_not_the_episode() -> None:
    # a hospital day, post-op day, a report's date alone and a visit count are no visit number
    assert _fields("Acute PT\nHD #4   POD 3   Day 2 of admission") == {}
    assert _fields("Note\nLast progress report pending   Visits 6 of 12") == {}


def test_a_dictated_opening_names_its_payer() -> None:
    from tui.core.intake.header_segments import spoken_payer

    text = "This is a daily note for L. A., visit number six, payer Aetna commercial. Dx L5."
    assert spoken_payer(text) == "Aetna"
    assert spoken_payer("Her insurer is Cigna PPO.") == "Cigna PPO"


def test_twin_words_about_insurance_name_no_payer() -> None:
    from tui.core.intake.header_segments import spoken_payer

    for text in (
        "insurance pending",
        "Insurance not verified",
        "Insurance Verification done",
        "Insurance ID 4455",
        "He asked whether his insurance covers aquatic therapy",
        "payer mix reviewed",
    ):
        assert spoken_payer(text) == "", text
    assert spoken_payer("x" * 900 + " payer Aetna") == ""  # past the opening
