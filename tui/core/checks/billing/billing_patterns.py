"""The patterns several billing readers share: a code, its modifiers and count, minutes, fillers
between a service's name and its minutes.
"""

from __future__ import annotations

import re

from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM


def _other_codes() -> str:
    """The billing tables' codes outside the 9xxxx and Gxxxx families (20560/20561, dry
    needling), written out: a five-digit number elsewhere is no code."""
    section = [billing_section(name) for name in ("timed", "untimed")]
    codes = sorted({str(c) for table in section for c in table if str(c)[:1] not in "9G"})
    return "".join(f"|{re.escape(code)}" for code in codes)


CODE = rf"(?:9\d{{4}}|G\d{{4}}{_other_codes()})"

# Minutes, including the prime some clinicians write for them ("TherEx 25'"). A prime after a
# number too large for one service's minutes is feet ("amb 150'"), and so is one after a walk.
MINUTES = re.compile(
    rf"(?:(?<![A-Za-z0-9.])|(?<=(?<![\w.])x))({NUM})\s*(?:(?:min(?:ute)?s?|mins)\b|(')(?![\d'A-Za-z]))",
    re.IGNORECASE,
)

# Minutes followed by a frequency are a home dose ("scar massage 5 min 2x/day", "moist heat 10
# min PRN"), not a service.
_HOME = billing_section("home_dose")
HOME_DOSE = re.compile(
    r"\s*,?\s*(?:x\s*)?(?:\d+\s*x?\s*(?:/|per|a|times\s+a)\s*"
    rf"(?:{either(re.escape(str(w)) for w in _HOME.get('periods', ()))})\b"
    rf"|(?:{either(re.escape(str(w)) for w in _HOME.get('words', ()))})\b)",
    re.IGNORECASE,
)

# "97110 x 15 min" is the code's minutes, never 15 units.
COUNT = (
    r"(?:\s*(?:x|\*|times|@|qty\.?|quantity|\#)\s*:?\s*(\d{1,2})(?:\s*(?:units?|u))?\b"
    r"(?![ \t]*(?:min(?:ute)?s?\b|mins\b|'))"
    r"|\s*\(\s*(\d{1,2})\s*(?:units?|u)?\s*\)"
    r"|\s*[:\-=]?\s*(\d{1,2})\s*(?:units?|u)\b"
    r"|\s*[:\-=]\s*(\d)\b(?![:.]\d|\s*(?:min|minutes|')))"
)

# Modifiers after a code, bare, after a dash or in brackets ("97110 [GP]", "97140 (59)").
MODIFIERS = (
    r"(?:\s*-?\s*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT)\b"
    r"|\s*[\[(][ \t]*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT)"
    r"(?:[ \t]*[,/][ \t]*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU]|76|77|95|GT))*[ \t]*[\])])*"
)

NAMED_COUNT = re.compile(COUNT, re.IGNORECASE)

# A code on a billing line, and what ends the text that belongs to it: its line, its sentence
# (a full stop that is not a leader "....."), a semicolon or a table cell.
# "2x97110": a count glued to the code is a count, not part of a word.
# Codes outside the therapy tables (strapping 29582, an orthosis L3807) are charges only with
# their units right after them: a bare five-digit number on a billing line may be anything.
_OTHER_CODE = r"(?:[0-8]\d{4}|[A-FH-V]\d{4})"

_COUNT_AHEAD = (
    r"(?=(?:\s*-?\s*[A-Z]{2}\b|\s*-?\s*\d{2}\b(?!\s*(?:units?|u)\b))*"
    r"(?:\s*(?:x|\u00d7|\*)\s*\d|\s*\(\s*\d{1,2}\s*(?:units?|u)?\s*\)|\s*\d{1,2}\s*(?:units?|u)\b))"
)

CHARGE_CODE = re.compile(
    rf"(?:(?<![\w.])|(?<=\d[xX\u00d7]))({CODE}|{_OTHER_CODE}(?!\d){_COUNT_AHEAD}){MODIFIERS}(?!\d)",
    re.IGNORECASE,
)

# The units of a row that names one code, in a cell or clause of their own ("97110 | Ther ex |
# 23 min | 2 units", a table row read as "CPT 97110 23 min; Service Ther ex; Units 2.").
ROW_UNITS = re.compile(
    r"(?<![\w.])(\d{1,2})\s*(?:units?|u)\b"
    r"|\b(?:units?|qty|quantity)\b\.?\s*[:=]?\s*(\d{1,2})(?!\d|\.\d)",
    re.IGNORECASE,
)

JOINER = re.compile(r"[\s,/+&\-\u2013]*(?:(?:and|or)[\s,/+&]*)?", re.IGNORECASE)

WHOLE_CODE = re.compile(CODE, re.IGNORECASE)
