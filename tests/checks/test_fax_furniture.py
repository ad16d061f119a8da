"""A fax machine's header line is page furniture (checks.layouts.page_furniture)."""

from __future__ import annotations

import pytest

from tui.core.checks.layouts.page_furniture import _faxed, furniture_spans, without_furniture

FAXED = [
    "05/27/2099 14:32    FROM: LAKEVIEW REHAB 555-0147        TO: DR HOLLINGS ORTHO   P.002/003",
    "MAY-27-2099 02:32PM FROM-LAKEVIEW REHAB 5550147 TO-912125550199 P.02",
    "May 27 2099 2:32PM   Lakeview Rehab  Fax: (555) 010-0147   p. 2",
    "05/27 14:32 FAX 555 0147 LAKEVIEW PT  PAGE 03/05",
]

NOT_FAXED = [
    "P: 2x/wk x 3 wks, next visit 14:30 to review HEP P 2/3",
    "Walked from gym to room at 14:30, pain 3/10, P.2",
    "Seen 14:30 from home. Pain P 4/10",
    "From: Dr Hollings  To: PT   re: knee, 2/3 visits done",
    "TO DO: call at 10:15 re orthosis, page 2",
    "TO DO: call 555-0199 at 10:15 re orthosis, page 2",
    "10:15 walked 300 ft TO nurse station, BP 128/80",
    "Fax sent to MD 14:05 with POC, p 3",
    "2:30 PM: TO: Dr Lee, HR 88 bpm SpO2 97/100",
    "Called pt 14:10 at 555-0147 to confirm, will fax HEP p 2",
    "Walked 1200 ft in 6:00 from gym TO lobby, HR 102, P 2/4",
    "Pain: 2/10 at 14:30 (555-0147 FROM home) P: 2/3",
]


@pytest.mark.parametrize("line", FAXED)
def test_fax_headers_are_furniture(line: str) -> None:
    assert _faxed(line)


@pytest.mark.parametrize("line", NOT_FAXED)
def test_lines_of_the_note_are_not(line: str) -> None:
    assert not _faxed(line)


def test_fax_headers_leave_the_draft_and_the_reading() -> None:
    text = (
        f"{FAXED[0]}\n\nDAILY NOTE\nS: knee better.\nO: knee flex 102.\n\n"
        "LAKEVIEW REHAB      CONFIDENTIAL      Page 1 of 2\n"
        f"{FAXED[0].replace('14:32', '14:33').replace('P.002', 'P.003')}\n\nA: improving.\n"
    )
    kept = without_furniture(text)
    assert "555-0147" not in kept and "P.00" not in kept and "Page 1" not in kept
    assert "knee flex 102" in kept and "A: improving." in kept
    assert len(furniture_spans(text)) == 3


def test_a_note_without_a_fax_header_keeps_its_lines() -> None:
    text = "S: pain 3/10\nO: walked from gym TO lobby 14:30 555-0147 P.2\n"
    assert furniture_spans(text) == []
