"""Numbers said aloud and taken back (issue 12): spoken forms read as one number, units said in
full, and a speaker's self-corrections, so the retracted value is never read as a fact. Each
note has a twin that must not be read the same way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize
from tui.core.checks.text.spoken import _rules, spoken_units
from tui.core.checks.verify.verify import verify


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


def _pain(text: str) -> list[object]:
    return [
        fact.value
        for fact in extract_facts(text)
        if fact.kind == "pain" or (fact.kind == "outcome" and fact.measure == "NPRS")
    ]


def test_a_number_said_digit_by_digit_with_oh_is_one_number() -> None:
    assert _values("Elbow flexion one oh five degrees today.", "rom") == [105]
    # twin: "one, oh, five reps" is not a hundred and five, and "oh" alone is a word
    assert "105" not in normalize("Oh, she did one set of five reps.").text


def test_and_a_half_and_a_hundred_are_parts_of_the_number() -> None:
    assert normalize("TUG was twelve and a half seconds.").text == "TUG was 12.5 seconds."
    assert _values("Knee flexion a hundred and five degrees.", "rom") == [105]
    # twin: "a half" with no number before it stays words; "a hundred" is never doubled
    assert normalize("Walked a half block.").text == "Walked a half block."
    assert "100105" not in normalize("a hundred and five").text


def test_a_grade_said_with_minus_or_plus_is_a_muscle_grade() -> None:
    assert normalize("quads are a four minus").text == "quads are a 4-"
    assert normalize("glute med three plus over five").text == "glute med 3+/5"
    # twin: "five minus two" is arithmetic, not a grade (no sign glued to the five)
    assert "5-" not in normalize("five minus two is three").text


def test_units_said_in_full_are_read_like_typed_units() -> None:
    note = "Grip right twenty four kilograms, left thirty one kilos."
    grips = [fact for fact in extract_facts(note) if fact.kind == "strength"]
    assert [(fact.value, fact.unit) for fact in grips] == [(24, "kg"), (31, "kg")]
    # twin: a word that merely contains a unit name, with no number before it, is left alone
    assert normalize("She weighs herself in kilograms at home.").text.endswith("kilograms at home.")


def test_a_corrected_number_keeps_only_the_corrected_value() -> None:
    note = "Pain five out of ten, sorry, make that six out of ten."
    assert _pain(note) == [6]
    # twin: two numbers with no correction between them are both read
    assert _pain("Pain five out of ten at rest, seven out of ten with stairs.") == [5, 7]


def test_a_bare_correction_replaces_the_number_where_it_stands() -> None:
    assert _pain("Pain is a four out of ten, scratch that, three.") == [3]
    # twin: the denominator is never the number taken back
    assert normalize("Pain 4 out of 10, I mean 3.").text == "Pain 3 out of 10."


def test_i_mean_before_a_restated_measurement_retracts_the_first() -> None:
    assert _values("Knee flexion one ten, I mean one fifteen degrees.", "rom") == [115]
    # twin: a number in another unit after the marker is new information, not a correction
    text = normalize("Grip 20 kg, I mean 3 weeks since surgery.").text
    assert "20 kg" in text


def test_a_spoken_fraction_or_grade_is_taken_back_whole() -> None:
    """ "four over five, I mean four minus over five" once kept both grades: the correction
    compared "over" with "minus" as if they were units and gave up."""
    grades = [
        ("Great toe extension four over five, I mean four minus over five.", ["4-"]),
        ("Hip abd three plus over five, no wait, four minus over five.", ["4-"]),
        ("Ankle DF 3 out of 5, actually 3+ out of 5.", ["3+"]),
    ]
    for note, expected in grades:
        assert _values(note, "mmt") == expected, note
    # twin: a bare number still corrects the first number where it stands
    assert normalize("Pain 5/10 sorry 6").text == "Pain 6/10"
    # twin: two grades of two muscles with no marker are both read
    assert _values("Hip abd four over five, hip ext three plus over five.", "mmt") == ["4", "3+"]


def test_a_correction_after_scratch_that_keeps_what_the_value_is_of() -> None:
    """ "back pain today is a six, sorry, scratch that, a five" once dropped the sentence's
    subject with the six: an article before the corrected number is part of the restating."""
    note = "Back pain today is a six, sorry, scratch that, a five out of ten."
    assert normalize(note).text == "Back pain today is a 5 out of 10."
    # twin: "scratch that" with no number after it still takes back its clause
    assert normalize("Ultrasound 8 min, scratch that. Pain 2/10.").text.strip() == "Pain 2/10."


def test_times_said_before_a_number_is_a_dose_not_a_measurement() -> None:
    """A dictated "repeated extension in standing times ten" once gave extension ROM 10°."""
    for note in (
        "Repeated extension in standing times ten, centralised.",
        "Shoulder flexion wand times fifteen, then rows.",
    ):
        assert [f for f in extract_facts(note) if f.kind == "rom"] == [], note
    # twin: "at times" before a rating is how often, and the rating stays
    assert _pain("Knee pain at times seven out of ten.") == [7]
    assert _values("Knee flexion one ten, times two sessions.", "rom") == [110]


def test_scratch_that_takes_back_the_sentence_before_it() -> None:
    note = "Walked three hundred feet with the walker. Scratch that. Walked two hundred feet."
    distances = [fact.value for fact in extract_facts(note) if fact.unit == "ft"]
    assert distances == [200]
    # twin: "scratch" as a word (a scratch test, a scratch on the skin) retracts nothing
    kept = normalize("Apley scratch test reached T8; walked 300 feet.").text
    assert "300 feet" in kept


def test_a_retracted_value_in_a_draft_is_not_support_for_the_draft() -> None:
    note = "Pain six out of ten, sorry, make that five out of ten."
    assert verify(note, "Pain 5/10.").clean
    # twin: the value the speaker took back is not in the note any more
    assert not verify(note, "Pain 6/10.").clean


def test_a_pain_rating_said_again_later_in_the_sentence() -> None:
    note = "He says the knee throbs after work, about a six out of ten, and in bed it's a three."
    assert _pain(note) == [6, 3]
    # twin: "it's a 2" naming a thing (a step, a drop in points) is not a rating
    assert _pain("Pain 5/10 on stairs, it's a 2 inch step at home.") == [5]


def test_hundreds_said_as_a_digit_and_tens_are_an_angle_never_a_percentage() -> None:
    assert "140" in normalize("Shoulder abduction one forty today.").text
    # twin: a share said after a joint is two numbers, never "140 %"
    assert "140" not in normalize("Shoulder one forty percent of the other side").text


def _each_unit_on_its_own(text: str) -> list[tuple[int, int, str]]:
    """Units found the plain way, one pass a unit, the earliest and then longest kept."""
    found = sorted(
        (
            (m.start(), m.end(), written)
            for pattern, written in _rules().units
            for m in pattern.finditer(text)
        ),
        key=lambda hit: (hit[0], -hit[1]),
    )
    kept: list[tuple[int, int, str]] = []
    for hit in found:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


_UNIT_PIECES = [
    "3",
    "12.5",
    " ",
    "\t",
    "kilograms",
    "kilo",
    "pounds",
    "meters",
    "metres per second",
    "millimeters of mercury",
    "millimeters",
    "percent",
    "per cent",
    "degrees fahrenheit",
    "beats a minute",
    "x",
    ",",
    "Meters",
    "PERCENT",
    "\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=30).map("".join))
def test_units_found_in_one_pass_are_those_each_unit_finds_alone(text: str) -> None:
    one_pass = [(p.start, p.end, p.value.strip()) for p in spoken_units(text)]
    assert one_pass == [(s, e, w) for s, e, w in _each_unit_on_its_own(text)]
