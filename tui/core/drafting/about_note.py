"""Lines that speak of the note itself, not of the patient: left out of a draft.

A clinician's aside about how the note was made ("(typed on phone btwn pts, tidy up l8r)",
"Dictated with macro, not proofread.", "Session recording, auto-transcribed, speaker labels
added by the app:") and their sign-off ("K. Lindell, PT, DPT") are no part of any section: the
draft is the clinician's to sign, and the aside was written for them, not for the chart. The
patterns are data (``data/offline.toml`` [about_the_note]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.drafting.offline_data import offline_section


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    table = offline_section("about_the_note")
    return tuple(re.compile(line, re.IGNORECASE) for line in table.get("lines", ()))


def about_the_note(line: str) -> bool:
    """Whether a whole line (its bullet gone) only says how the note was made, or signs it; a
    line holding a number states a value, so it is never one ("Recorded by nursing: BP 140/90")."""
    said = line.strip()
    if _BRACKETED.fullmatch(said):
        # "[Auto-transcribed dictation. Job 55817. 04/09/2114 17:12. Not reviewed by author.]":
        # a banner's job number, date and time are the record's, no values of the patient
        said = _RECORD_NUMBER.sub("", said)
    if not said or _NUMBER.search(said):
        return False
    return any(pattern.fullmatch(said) for pattern in _patterns())


# A number standing as a value ("4 falls", "140/90"); a digit inside a word ("l8r") is spelling.
_NUMBER = re.compile(r"(?<![A-Za-z])\d")
# A whole line in square brackets: a transcription's or an export's banner.
_BRACKETED = re.compile(r"\[[^\[\]\n]+\]\.?")
# A record's own numbers: a job or reference number, a date, a clock time.
_RECORD_NUMBER = re.compile(
    r"\b(?:job|ref|reference|id|doc|document|dictation|transcript(?:ion)?)\s*(?:#|no\.?|number)?"
    r"\s*:?\s*#?\d+\b\.?|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?",
    re.IGNORECASE,
)


@cache
def _letter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = offline_section("about_the_note")
    openings = "|".join(table.get("salutations", ())) or "(?!x)x"
    closings = "|".join(table.get("closings", ())) or "(?!x)x"
    return re.compile(openings, re.IGNORECASE), re.compile(closings, re.IGNORECASE)


def letter_body(text: str) -> str:
    """A letter's text without its furniture: the salutation ("Dear Dr Penhaligon,") and the
    subject line right under it ("Re: Mr Gwilym Inglis, DOB 14/03/1951"), which the header
    states, and the closing ("Kind regards,") with the signature block after it (short lines of
    name, credentials and post, none holding a number) when the letter opened with a salutation.
    A note that is no letter is as it is."""
    salutation, closing = _letter()
    kept: list[str] = []
    greeted = subject = signed = False
    for line in text.split("\n"):
        said = line.strip()
        if signed and said and (any(ch.isdigit() for ch in said) or len(said.split()) > _SIGNED):
            signed = False  # the letter goes on after all (a copy list, a postscript)
        if signed:
            continue
        if salutation.fullmatch(said):
            greeted = subject = True
            continue
        if closing.fullmatch(said):
            signed = greeted  # a signature block follows the closing of a letter only
            continue
        if subject and said:
            subject = False
            if _SUBJECT.match(said):
                continue
        kept.append(line)
    return "\n".join(kept)


_SIGNED = 6  # a signature block's line: a name, credentials, a post ("Clinical Specialist")
_SUBJECT = re.compile(r"re\s*:", re.IGNORECASE)
