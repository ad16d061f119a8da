"""Dictations as therapists speak them (issue 12, round 16): a run-on paragraph, retractions of
every shape, speaker turns, spoken punctuation, goals said aloud and false starts. Each rule has
the reading it must make and the readings it must not make."""

from __future__ import annotations

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.text.numbers import normalize
from tui.core.drafting.placement import _chained_clauses


def _values(text: str, kind: str) -> list[object]:
    return [fact.value for fact in extract_facts(text) if fact.kind == kind]


def _labels(text: str, kind: str) -> list[str]:
    return [fact.label for fact in extract_facts(text) if fact.kind == kind]


# -- a whole retraction inside a run-on sentence takes back its clause only ----------------------

_RUN_ON = (
    "she rates it a four out of ten, and her knee flexion was ninety-eight degrees, no sorry, "
    "one hundred and two degrees, and manual therapy for ten minutes, and gait training, "
    "scratch that, we didn't get to gait training today, so total timed ten minutes"
)


def test_scratch_that_in_a_run_on_takes_back_its_clause_not_the_paragraph() -> None:
    text = normalize(_RUN_ON).text
    assert "102 degrees" in text and "manual therapy for 10 minutes" in text
    assert "gait training, scratch" not in text
    assert _values(_RUN_ON, "rom") == [102]
    assert _values(_RUN_ON, "pain") == [4]


def test_strike_that_takes_back_the_service_clause_before_it() -> None:
    text = (
        "and ther ex for twenty-three minutes, and ultrasound for eight minutes, strike that, "
        "we skipped the ultrasound today, and then manual therapy for fifteen minutes."
    )
    assert "ultrasound for 8" not in normalize(text).text
    assert [f.cpt for f in extract_billing(text).services] == ["97110", "97140"]


def test_a_false_start_before_a_retraction_is_no_clause_of_its_own() -> None:
    text = "LEMS improving, triceps against gravity on the right, no... scratch that, triceps not"
    assert normalize(text).text == "LEMS improving, triceps not"


def test_a_retraction_that_opens_a_sentence_still_takes_the_sentence_before() -> None:
    text = "Walked three hundred feet. Scratch that. Walked two hundred feet."
    assert normalize(text).text == "Walked 200 feet."


# -- corrections of other shapes ------------------------------------------------------------------


def test_let_me_rephrase_with_the_name_said_again_after_a_was() -> None:
    text = "and abduction was ninety-five, let me rephrase, abduction ninety degrees with a shrug"
    assert normalize(text).text == "and abduction 90 degrees with a shrug"
    assert _values(text, "rom") == [90]


def test_a_corrected_range_said_again_replaces_the_whole_range() -> None:
    text = "active flexion is zero to one twenty, correction, zero to one twenty-five degrees"
    assert normalize(text).text == "active flexion is 0 to 125 degrees"
    assert 120 not in _values(text, "rom")


def test_no_with_a_comma_and_a_number_takes_back_the_number_before() -> None:
    text = "Dorsiflexion is eight degrees, no, ten degrees, and plantarflexion forty degrees."
    assert _values(text, "rom") == [10, 40]
    # twins: "no" that denies something, or with no comma, takes nothing back
    assert "no pain" in normalize("Flexion ninety degrees, no pain at end range.").text
    assert "3/10, no 2 lb" in normalize("pain 3/10, no 2 lb weights").text


def test_a_number_broken_off_and_said_again_is_read_once() -> None:
    assert normalize("The Berg was forty... forty-three out of fifty-six").text == (
        "The Berg was 43 out of 56"
    )
    assert normalize("walk four hundred... four hundred and ten meters").text == ("walk 410 m")
    # twins: a range written with dots, and two different readings, are no false start
    assert normalize("flexion 0...120").text == "flexion 0...120"
    assert normalize("pain 3... 8 by evening").text == "pain 3... 8 by evening"


# -- spoken decimals, punctuation and speakers -----------------------------------------------------


def test_a_decimal_said_without_its_zero_before_a_unit() -> None:
    assert normalize("Gait speed point six meters per second.").text == "Gait speed 0.6 m/s."
    # twins: "at this point two" holds no decimal; "eleven point four" keeps its whole number
    assert normalize("At this point two goals are met.").text == "At this point 2 goals are met."
    assert normalize("eleven point four seconds").text == "11.4 seconds"


def test_spoken_punctuation_parts_clauses_like_typed_marks() -> None:
    text = "the knee is three out of ten comma four on stairs comma down to one crutch"
    assert _values(text, "pain") == [3, 4]
    assert "pain comma" not in _labels(text, "pain")
    # twins: one mark said is not enough, and a full stop said keeps its word
    assert normalize("pain 2/10 comma better").text == "pain 2/10 comma better"
    said = normalize("flexion full period rapid pace walk 7 seconds comma 2 errors comma done")
    assert said.text == "flexion full period rapid pace walk 7 seconds, 2 errors, done"


def test_speaker_turns_tagged_like_a_header_are_read() -> None:
    text = (
        "Patient: Ines Vasquez\n\nTHERAPIST: Let me measure. Plantarflexion is forty degrees.\n"
        "PATIENT: Is that good? It feels better.\n"
    )
    assert _values(text, "rom") == [40]
    # twin: a header's name line is still a header ("Patient: J. Amberley" holds no speech)
    assert _values("Patient: J. Amberley 40\nKnee flexion 110 degrees.", "rom") == [110]


# -- what a dictation says of earlier visits and of goals ---------------------------------------


def test_a_was_deep_in_a_narrated_clause_is_no_earlier_value() -> None:
    text = "she is walking more, and when I measured her knee flexion it was 102 degrees"
    assert _labels(text, "rom") == ["knee flexion"]
    # twin: a "was" opening the clause after a value compares with it
    assert "(previous)" in _labels("Knee flexion 110 degrees today, was 95 degrees.", "rom")[1]


def test_goals_said_aloud_are_targets() -> None:
    assert (
        _values("and we want her at 115 degrees of flexion by the end of next month.", "rom") == []
    )
    berg = "Berg 43/56 today. We'd like her Berg up to 48 by recert."
    assert _values(berg, "outcome") == [43]
    # twin: a want with no later time is no goal
    assert _values("She wants to know her flexion: 115 degrees today.", "rom") == [115]


# -- spoken billing -----------------------------------------------------------------------------


def test_billing_said_inside_a_run_on_sentence() -> None:
    text = (
        "ther ex 25 minutes, neuro re-ed 15 minutes, total timed 40, bill 2 units of ther ex "
        "and 1 of neuro re-ed."
    )
    assert dict(extract_billing(text).billed) == {"97110": 2, "97112": 1}
    said = "ther ex 25 minutes and I'm billing 97110 times 2"
    assert dict(extract_billing(said).billed) == {"97110": 2}
    # twin: "billing" with no count or code after it bills nothing
    assert dict(extract_billing("ther ex 25 minutes, billing office notified").billed) == {}


# -- the offline draft of a run-on ----------------------------------------------------------------


def test_a_run_on_of_many_and_links_is_parted_into_clauses() -> None:
    run_on = "he aches at night, and he sleeps in bed, and flexion is 120, and we did ther ex"
    assert _chained_clauses(run_on) == [
        "he aches at night",
        "he sleeps in bed",
        "flexion is 120",
        "we did ther ex",
    ]
    # twin: a sentence of a few links stays whole
    short = "he aches at night, and flexion is 120"
    assert _chained_clauses(short) == [short]


def test_let_me_rephrase_says_the_whole_value_again() -> None:
    text = (
        "Hip abductors three plus bilaterally, let me rephrase, three plus on the right and "
        "four minus on the left."
    )
    assert normalize(text).text == "Hip abductors 3+ on the right and 4- on the left."
    assert "bilateral hip abductors" not in _labels(text, "mmt")
    # twin: after "sorry" a number with another unit is a new value, not a correction
    assert normalize("grip 20 kg, sorry, 5 reps").text == "grip 20 kg, sorry, 5 reps"


def test_a_bare_grade_ends_at_a_side_said_in_words() -> None:
    assert _labels("Hip abductors 3+ on the right.", "mmt") == ["R hip abductors"]
    # twin: a number before a side with no muscle named is no grade
    assert _values("She lifted 3 on the right.", "mmt") == []
