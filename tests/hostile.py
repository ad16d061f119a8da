"""A clinic whose notes and file names carry terminal escape sequences (synthetic patients).

Patient names, a note body and file names hold OSC 52 (write the clipboard), OSC 0 and OSC 2
(retitle the window), ``ESC [2J`` (clear the screen), OSC 8 (a link), a one-character C1 CSI
and a bidirectional override; one file name holds a newline. Shared by the command-line, Pilot
and pseudo-terminal tests: none of these bytes may ever reach a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from tui.core.clinic import init_clinic
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService

OSC52: Final = "\x1b]52;c;UFdORUQ=\x07"  # base64 "PWNED"
TITLE: Final = "\x1b]0;PWNED-TITLE\x07"
TITLE2: Final = "\x1b]2;PWNED-TITLE2\x1b\\"
CLEAR: Final = "\x1b[2J"
LINK: Final = "\x1b]8;;https://example.org/x\x1b\\here\x1b]8;;\x1b\\"
C1_CSI: Final = "\x9b31m"
BIDI: Final = "\u202e"

# Raw byte sequences that must never appear in anything a terminal receives.
FORBIDDEN: Final = (
    b"\x1b]52",
    b"\x1b]0;",
    b"\x1b]2;",
    b"\x1b]8;",
    b"\x1b[2J",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
)
FORBIDDEN_TEXT: Final = tuple(seq.decode("utf-8") for seq in FORBIDDEN)

_FILLER = "\n".join(
    f"- ther ex set {n}: step ups 4 in 2x10, heel slides 2x10, quad sets 2x10, cues for alignment"
    for n in range(40)
)  # keeps the few control characters well under the one-in-a-hundred "binary" threshold

NOTES: Final = {
    f"2026-11-02_whit{TITLE}field-dana_soap.txt": (
        f"Patient: Dana{OSC52} Whit{TITLE2}field{CLEAR}\n"
        "MRN: 480221\nDate: 2026-11-02\nVisit: 4\nDiscipline: PT\nPayer: Medicare\n\n"
        f"- pt reports knee pain 4/10 at worst {LINK} and {C1_CSI}red{BIDI}txet\n"
        f"- R knee AROM 5-102 deg {OSC52}\n{_FILLER}\n"
        "- ther ex 26 min\nTotal timed minutes: 26\nBilled: 97110 x2\n"
    ),
    "2026-11-02_oka\nfor-james_soap.txt": (
        "Patient: James Okafor\nMRN: 100877\nDate: 2026-11-02\nVisit: 2\nDiscipline: PT\n"
        "Payer: Aetna\n\n- low back pain 6/10 in the morning, 3/10 after walking\n"
        f"- bridges 2x15, walked 10 min treadmill\n{_FILLER}\n"
    ),
}


def hostile_clinic(root: Path) -> Path:
    """A clinic (offline drafter) with the hostile notes ingested and drafted."""
    paths = init_clinic(root)
    text = paths.context.read_text(encoding="utf-8")
    paths.context.write_text(text.replace('provider = "auto"', 'provider = "offline"', 1))
    service = ClinicService.open(paths.root)
    try:
        for name, body in NOTES.items():
            note = paths.inbox / name
            note.write_text(body, encoding="utf-8")
            result = service.ingest(note)
            assert result.status == "drafted", (name, result)
        draft_queued(service, owner="hostile")
    finally:
        service.close()
    return paths.root


def hostile_note_files(root: Path) -> list[Path]:
    return sorted((root / "inbox").iterdir())
