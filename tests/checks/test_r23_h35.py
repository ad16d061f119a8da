"""Round 23, heldout35's reading failures by shape: an index scored out of ten beside its name
(BASMI, BASFI, BASDAI) is its score, never pain; an instrument's domains listed in the sentence
or on the line after its score (FIQR, KCCQ-12) are its subscales; a subscale's name with a noun
after it ("pain subscale 32/50"); a voice transcript's homophones beside digits ("won 40
degrees", "20 to kilograms", "for minus over 5"); footnote marks are no values; one bracket of
earlier values after two scales' scores gives each its own; a header's payer between spaced
dashes, and "no progress note written since" the evaluation. Each with the twin it must leave,
and the shapes that scan a note timed in CPU time on long lines."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from tests.checks.conftest import facts_in
from tui.core.checks.facts import Fact
from tui.core.checks.measures.bracket_earlier import read_respective_earlier
from tui.core.checks.measures.domain_sentences import read_domain_sentences
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.spoken import spoken_numbers
from tui.core.intake.header_segments import segment_fields
from tui.core.intake.notes import _HEADER_KEYS


def _one(facts: list[Fact], value: float) -> Fact:
    found = [fact for fact in facts if fact.value == value]
    assert len(found) == 1, found
    return found[0]


# -- indices out of ten ------------------------------------------------------------------------


def test_bath_indices_out_of_ten_are_scores_not_pain() -> None:
    text = "BASFI 4.0/10, down from 4.9/10 in Sept.\nBASMI 2.8 /10 (Jun 2158: 3.5)\n"
    facts = facts_in(text)
    assert not [fact for fact in facts if fact.kind == "pain"]
    assert _one(facts, 4.0).measure == "BASFI"
    assert _one(facts, 2.8).measure == "BASMI"
    earlier = _one(facts, 3.5)
    assert earlier.measure == "BASMI" and "previous" in earlier.label


def test_pain_named_beside_an_index_stays_pain() -> None:
    facts = facts_in("Low back pain 5/10 on waking. BASDAI 5.2 out of 10.\n")
    assert [fact.value for fact in facts if fact.kind == "pain"] == [5]
    assert _one(facts, 5.2).measure == "BASDAI"


# -- domains after the score -------------------------------------------------------------------


def test_domains_in_the_sentence_after_the_score() -> None:
    text = (
        "KCCQ-12 summary 55.2 (start of care: 47.9). Subscales: physical limitation 50.0; "
        "symptom frequency 62.5; quality of life 41.7 and social limitation 58.3.\n"
    )
    facts = facts_in(text, "outcome")
    for value, domain in (
        (50.0, "physical"),
        (62.5, "symptom"),
        (41.7, "quality"),
        (58.3, "social"),
    ):
        fact = _one(facts, value)
        assert fact.measure == "KCCQ-12" and domain in fact.label


def test_domains_on_the_line_after_the_score() -> None:
    facts = facts_in(
        "FIQR 44/100.\nFunction 12/30, symptoms 24/50, overall impact 8/20\n", "outcome"
    )
    assert {(fact.value, fact.label) for fact in facts if fact.value != 44} == {
        (12, "FIQR function"),
        (24, "FIQR symptoms"),
        (8, "FIQR overall impact"),
    }
    assert not [fact for fact in facts if fact.value in (30, 50, 20)]  # the domains' maxima


def test_goal_lead_and_counts_are_no_domains() -> None:
    text = (
        "KCCQ-12 62. Goals: physical limitation 75, quality of life 60.\n"
        "KCCQ-12 reviewed. Symptom frequency 3 days a week, social limitation 2 outings.\n"
    )
    assert {fact.value for fact in facts_in(text, "outcome")} == {62}


def test_subscale_noun_after_the_subscale_name() -> None:
    facts = facts_in("PRWE 40/100 (pain domain 18/50, function subscale 22/50).\n", "outcome")
    assert {(fact.value, fact.label) for fact in facts} == {
        (40, "PRWE"),
        (18, "PRWE pain"),
        (22, "PRWE function"),
    }


# -- homophones beside digits ------------------------------------------------------------------


def test_homophones_beside_digits() -> None:
    text = (
        "Objective right elbow flexion won 35 degrees. Manual muscle test right biceps for plus "
        "out of 5 with pain, triceps to minus over 5. Grip right 30 for pounds left 62 pounds.\n"
    )
    facts = facts_in(text)
    assert _one(facts, 135).kind == "rom"
    assert {fact.value for fact in facts if fact.kind == "mmt"} == {"4+", "2-"}
    grip = _one(facts, 34)
    assert grip.kind == "strength" and grip.unit == "lb"


def test_homophone_twins_keep_their_words() -> None:
    text = (
        "He won 3 of 5 games. Held a plank for over 5 minutes. Curls with a won pound "
        "dumbbell, progressing from 20 to 30 repetitions. Knee flexion from 90 to 120 degrees "
        "in the brace.\n"
    )
    facts = facts_in(text)
    assert not [fact for fact in facts if fact.kind in ("mmt", "strength")]
    assert 135 not in {fact.value for fact in facts}
    assert 22 not in {fact.value for fact in facts}


# -- footnote marks -----------------------------------------------------------------------------


def test_footnote_marks_are_no_values() -> None:
    text = (
        "Hip range remains restricted, most in internal rotation.[^2] HOOS JR has improved.[^5]\n"
        "\n---\n[^2]: L hip IR 12 deg.\n[^5]: HOOS JR 62.7 (eval 54.8).\n"
    )
    facts = facts_in(text)
    values = {fact.value for fact in facts}
    assert {12, 62.7, 54.8} <= values
    assert not values & {2, 5}


# -- one bracket of earlier values for two scores ---------------------------------------------


def test_bracket_of_two_earlier_values_goes_in_turn() -> None:
    facts = facts_in("FAAM-ADL 88%, FAAM-Sport 59% (eval 2/21: 61% / 28%).\n")
    adl, sport = _one(facts, 61), _one(facts, 28)
    assert adl.measure == "FAAM-ADL" and "previous" in adl.label
    assert sport.measure == "FAAM-Sport" and "previous" in sport.label
    assert len(facts) == 4


def test_bracket_of_goals_or_norms_after_two_scores_is_read_as_nothing() -> None:
    text = (
        "FABQ-PA 14, FABQ-W 20 (goal by discharge: 10 / 15).\n"
        "TUG 9.8 s, 5xSTS 11.2 s (age norms: 8.1 / 11.4).\n"
    )
    assert {fact.value for fact in facts_in(text)} == {14, 20, 9.8, 11.2}


# -- linear time ----------------------------------------------------------------------------------


def _cpu_of(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _scores(text: str, pattern: str) -> list[Fact]:
    """Today's scores at each "NAME value" of `pattern`, as the readers before would leave them."""
    return [
        Fact("outcome", float(m.group(2)), measure=m.group(1), label=m.group(1), span=m.span(2))
        for m in re.finditer(pattern, text)
    ]


def _reads_in_linear_time(read: Callable[[str], object], shape: str) -> None:
    small = _cpu_of(lambda: read(shape * 250))
    large = _cpu_of(lambda: read(shape * 1000))
    assert large < 0.5, shape  # a line of some 40-70 KB
    assert large < 8 * max(small, 0.01), shape  # four times the text, never sixteen


def test_domain_sentences_read_in_linear_time() -> None:
    def read(text: str) -> None:
        scanner = Scanner(text)
        read_domain_sentences(scanner, _scores(text, r"(KCCQ-12) (41\.7)"), ())

    _reads_in_linear_time(read, "KCCQ-12 41.7. Physical limitation 37.5, symptom frequency 45.8. ")


def test_paired_earlier_brackets_read_in_linear_time() -> None:
    def read(text: str) -> None:
        scanner = Scanner(text)
        read_respective_earlier(scanner, _scores(text, r"(ODI|NDI) (\d+)%"), ())

    _reads_in_linear_time(read, "ODI 22%, NDI 18% (initial 1/12: 36% / 30%); ")


def test_homophones_and_footnote_marks_read_in_linear_time() -> None:
    _reads_in_linear_time(
        spoken_numbers, "flexion won 40 degrees, grip 20 to kilograms, ER for minus over 5; "
    )
    _reads_in_linear_time(lambda text: Scanner(text).block_non_measurements(), "IR 12 deg.[^2] ")


# -- the header: a payer between spaced dashes, no report written since the evaluation ------


def test_payer_between_spaced_dashes_and_no_report_since() -> None:
    text = (
        "Daily Note — Kit Rautenbach-Sola — 12 March 2152 — Aetna Open Access — Tx visit 10\n"
        "Initial evaluation 02/02/2152 was visit 1; no progress note written since.\n"
    )
    fields = segment_fields(text, _HEADER_KEYS)
    assert fields["payer"] == "Aetna Open Access"
    assert fields["visit"] == "10"
    assert fields["last_progress_report"] == "visit 1 (evaluation)"


def test_hyphens_cut_nothing_and_a_written_report_is_no_default() -> None:
    text = (
        "Daily Note — Kit Rautenbach-Sola — 12-03-2152 — visit 11\n"
        "Progress report written at visit 10 since the evaluation.\n"
    )
    fields = segment_fields(text, _HEADER_KEYS)
    assert "payer" not in fields
    assert fields["visit"] == "11"
    assert "last_progress_report" not in fields


# -- spelled numbers joined by "and" ----------------------------------------------------------


def test_and_joins_spelled_numbers_only_after_a_scale() -> None:
    def spelled(text: str) -> str:
        return Scanner(text).text

    assert spelled("arc between seventy and one hundred ten degrees") == (
        "arc between 70 and 110 degrees"
    )
    assert spelled("flexion one hundred and ten degrees") == "flexion 110 degrees"
    assert spelled("in two thousand and five") == "in 2005"


def test_an_aside_between_a_score_and_its_earlier_bracket() -> None:
    facts = facts_in("Timed 25-Foot Walk 8.9 s (avg of 2) (11/2151: 7.1 s).\n")
    earlier = _one(facts, 7.1)
    assert earlier.measure == "T25FW" and "previous" in earlier.label
    assert "previous" not in _one(facts, 8.9).label
    assert [f.value for f in facts_in("6MWT 320 m (treadmill) (norm: 500 m)\n")] == [320]
