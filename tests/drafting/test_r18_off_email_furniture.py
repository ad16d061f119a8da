"""An e-mail's furniture leaves the draft (drafting.email_furniture); the note's lines that
look like it stay."""

from __future__ import annotations

from tui.core.drafting.email_furniture import email_body

MAIL = (
    "From: C. Reyes, PT <creyes@northgate.example>\n"
    "To: Dana Mbatha <dmbatha@keystone.example>\n"
    "Date: Tue, 17 Mar 2102 16:42\n"
    "Subject: RE: claim WC-2101-88412 - PT update\n"
    "\n"
    "Hi Dana,\n"
    "R shoulder flexion AROM now 155 degrees (was 105).\n"
    "Please call me at 555-0193 ext 214 with any questions.\n"
    "\n"
    "--\n"
    "C. Reyes, PT, DPT | Northgate Rehab | Fax 555-0194\n"
    "CONFIDENTIALITY NOTICE: This e-mail may contain protected health information.\n"
)


def test_an_emails_header_signature_and_notice_leave() -> None:
    kept = email_body(MAIL)
    for gone in ("creyes@", "dmbatha@", "Subject", "555-0193", "555-0194", "CONFIDENTIALITY"):
        assert gone not in kept
    assert "R shoulder flexion AROM now 155 degrees" in kept


def test_a_notice_in_a_fax_or_letter_leaves_to_its_paragraphs_end() -> None:
    text = (
        "S: pain 2/10.\n\nThis facsimile may contain confidential health information.\n"
        "If received in error call 555-0100.\n\nA: improving.\n"
    )
    kept = email_body(text)
    assert "facsimile" not in kept and "555-0100" not in kept
    assert "S: pain 2/10." in kept and "A: improving." in kept


def test_twins_the_notes_own_lines_stay() -> None:
    text = (
        "Date: 03/17/2102\nVisit 12\n\n"  # one header key is no e-mail
        "Pt to call the clinic if pain rises above 6/10.\n"
        "Called pt at home re: HEP, no answer.\n"
        "Educated to contact MD if calf pain or swelling.\n"
        "Pt will email us her step counts (avg 5200/day).\n"
        "--\n"  # a rule in a note that is no e-mail
        "Plan: 2x/wk.\n"
    )
    assert email_body(text) == text
