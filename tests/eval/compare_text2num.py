"""How text2num (a well-kept number-word library) would do in place of chartdesk's own
normaliser, measured on the corpus (issue 12 asked for the comparison before adopting either).

    .venv/bin/pip install text2num && .venv/bin/python -m tests.eval.compare_text2num [SPLIT...]

Each corpus note is read three ways: chartdesk's normaliser alone (what ships), text2num's
`alpha2digit` alone (chartdesk's number-word step switched off), and text2num first then
chartdesk's. Reported: fact recall, false facts and billing fields right for each. text2num is
not a dependency; the script says so and stops when it is not installed.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace

from tests.eval.corpus import Case, cases
from tests.eval.score import score
from tui.core.checks import extract
from tui.core.checks.text import numbers
from tui.core.intake.notes import parse_note_text

PHRASES = (
    "ninety-seven one ten times two",
    "four minus over five",
    "one thirty over eighty four",
    "thirty eight point six",
    "one hundred twenty-five degrees",
    "a three out of ten",
    "nine seven zero one two times one",
    "total treatment thirty seven",
    "elbow flexion one oh five degrees",
    "TUG twelve and a half seconds",
    "knee flexion a hundred and five degrees",
    "quads a four minus",
    "it's a two today",
    "grip twenty kilos, sorry, make that twenty two kilos",
    "in oh nine thirty out ten twelve",
)


@contextlib.contextmanager
def _without_own_number_words() -> Iterator[None]:
    """chartdesk's normaliser with its number-word step off (typography and tables kept)."""
    run, special = numbers._RUN, numbers._special_pieces
    numbers._RUN = re.compile(r"(?!x)x")
    numbers._special_pieces = lambda _text: []  # type: ignore[assignment]
    extract._read.cache_clear()
    try:
        yield
    finally:
        numbers._RUN, numbers._special_pieces = run, special
        extract._read.cache_clear()


def _converted(case: Case, convert: Callable[[str], str]) -> Case:
    text = convert(case.text)
    note = parse_note_text(case.note.path, text, case.note.sha256)
    return replace(case, note=note, draft=None, flaws=())


def main() -> int:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        print("text2num is not installed: pip install text2num")
        return 2

    def t2n(text: str) -> str:
        return str(alpha2digit(text, "en"))

    print("split      reader                   fact recall  false/100  billing  sections")
    for split in sys.argv[1:] or ("corpus",):
        notes = list(cases(split))
        own = score(notes)
        with _without_own_number_words():
            only = score([_converted(case, t2n) for case in notes])
        hybrid = score([_converted(case, t2n) for case in notes])
        readers = (
            ("chartdesk normaliser", own),
            ("text2num only", only),
            ("text2num then chartdesk", hybrid),
        )
        for name, tally in readers:
            f = tally.figures()
            print(
                f"{split:<10} {name:<24} {100 * f['fact_recall']:6.1f} %   "
                f"{f['false_facts_per_100']:6.2f}    {100 * f['billing_fields_right']:5.1f} %"
                f"  {100 * f['offline_sections_right']:5.1f} %"
            )
    print("\nphrase -> text2num | chartdesk")
    for phrase in PHRASES:
        print(f"  {phrase!r} -> {t2n(phrase)!r} | {numbers.normalize(phrase).text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
