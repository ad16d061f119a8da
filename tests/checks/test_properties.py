"""Property tests: the extractor and verifier never raise and always give valid spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.checks.conftest import in_two_units, note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.handouts.readability import plain_language, readability
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.verify import verify
from tui.core.intake.notes import NoteError

PIECES = [
    "pain",
    "pn",
    "fatigue",
    "4/10",
    "six out of ten",
    "10",
    "0-120",
    "5-102 deg",
    "°",
    "deg",
    "AROM",
    "PROM",
    "R",
    "L",
    "knee",
    "sh",
    "flex",
    "abd",
    "ER",
    "lacks",
    "-3",
    "MMT",
    "4-/5",
    "3+",
    "4 minus",
    "out of five",
    "LEFS",
    "38/80",
    "ODI",
    "Oswestry",
    "thirty four percent",
    "TUG",
    "13.8 s",
    "COPM",
    "P 5 S 4",
    "grip",
    "28 lb",
    "#",
    "Edema",
    "figure-8",
    "47.5 cm",
    "ther ex",
    "manual",
    "NMR",
    "US",
    "CP",
    "26 min",
    "fifteen minutes",
    "for",
    "about",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "\n",
    " ",
    "-",
    "x",
    "3x10",
    "2x/wk",
    "bike",
    "Billed:",
    "97110",
    "x2",
    "times two",
    "Total timed minutes:",
    "Total treatment time",
    "2026-11-02",
    "10/06/2026",
    "MRN: 480221",
    "Visit: 4",
    "STG:",
    "goal",
    ">90",
    "one hundred",
    "twenty",
    "point",
    "and",
    "was",
    "eval",
    "(eval 61.4)",
    "%",
    "percent",
    "ft",
    "SLS",
    "12 s",
    "→",
    "\u2212",
    "\u2013",
    "Patient: A B",
    "---",
    "97010 x2",
    "G0283",
    "minus",
    "plus",
]
clinical_text = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), clinical_text)


def _check_spans(text: str) -> None:
    for fact in extract_facts(text):
        start, end = fact.span
        assert 0 <= start < end <= len(text)
        # Spoken hundreds depend on the words before them ("knee one thirty" is 130), so the
        # span is normalised with the rest of its line before it.
        line_start = text.rfind("\n", 0, start) + 1
        written = normalize(text[line_start:end]).text
        value = str(fact.minutes if fact.kind == "service" else fact.value)
        if in_two_units(text[start:end], fact.value):
            continue  # "2 min 05 s" is 125 s (tests/eval/CONVENTIONS.md)
        digits = value.rstrip("+-")
        assert digits in written or digits.rstrip("0").rstrip(".") in written, (fact, written)
        assert isinstance(fact.to_json(), dict)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extractor_never_raises_and_spans_hold_their_values(text: str) -> None:
    _check_spans(text)
    billing = extract_billing(text)
    assert all(units >= 1 for units in billing.billed.values())
    assert billing.to_json()["billed"] == dict(billing.billed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clinical_text, clinical_text)
def test_verify_never_raises_and_a_text_verifies_against_itself(note: str, draft: str) -> None:
    result = verify(note, draft)
    for fact in result.unsupported:
        assert 0 <= fact.span[0] <= fact.span[1] <= len(draft)
    assert verify(note, note).missing == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clinical_text)
def test_audit_never_raises(body: str) -> None:
    text = "Patient: Pat Test\nVisit: 9\nLast progress report: visit 0\nPayer: Medicare\n\n" + body
    try:
        note = note_from_text(text + "\n" + "x" * 25)
    except NoteError:
        return
    audit = audit_note(note)
    assert isinstance(audit.to_json()["findings"], list)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_readability_never_raises(text: str) -> None:
    result = readability(text)
    assert isinstance(result.grade, float)
    assert isinstance(plain_language(text), str)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_normalize_maps_every_span_inside_the_original(text: str) -> None:
    norm = normalize(text)
    for start in range(0, len(norm.text), 7):
        a, b = norm.span(start, min(start + 5, len(norm.text)))
        assert 0 <= a <= b <= len(text)
