"""Offline drafts, round 10 (OFF): transcripts and dictations written as a therapist edits them.
Speaker tags in any print, a clinician's turn asking only its question, "one" said as a pronoun,
a macro's run-on paragraph, an HTML table as a pipe table, and rows set in under a label; each
rule with a twin."""

from __future__ import annotations

from tests.placing import SOAP, where
from tui.core.drafting import dictation
from tui.core.drafting.interview import chat_turn, last_question
from tui.core.drafting.markup import as_text
from tui.core.drafting.placement import place_items, split_items


def test_a_speaker_tag_written_out_reads_in_any_case() -> None:
    assert chat_turn("[00:00:04] THERAPIST: Left Dix-Hallpike negative.") == (
        "clinician",
        "Left Dix-Hallpike negative.",
    )
    assert chat_turn("[00:35] CLIENT: Maybe a three.") == ("patient", "Maybe a three.")


def test_short_tags_keep_their_case_and_other_words_are_no_speaker() -> None:
    # twins: "PT" is the therapist and "Pt" the patient; "PAIN" names no one
    assert chat_turn("[10:02] PT: Pain now?")[0] == "clinician"
    assert chat_turn("[10:04] Pt: 6 out of 10")[0] == "patient"
    assert chat_turn("[10:05] PAIN: 3/10")[0] == ""


def test_a_clinicians_turn_asks_only_its_last_sentence() -> None:
    assert last_question("Okay, we're recording. How has the spinning been?") == (
        "Okay, we're recording.",
        "How has the spinning been?",
    )
    # twin: a turn that asks nothing is all statement
    assert last_question("Left Dix-Hallpike negative.") == ("Left Dix-Hallpike negative.", "")


def test_a_transcript_drops_its_tags_framing_and_questions() -> None:
    note = "\n".join(
        [
            "Visit audio, auto-transcribed, speaker labels by the scribe app:",
            "[00:12] CLINICIAN: Alright, the recording is on. How did the neck do?",
            "[00:19] CLIENT: Pretty good. I drove two hours and only got sore at the end.",
            "[01:10] CLINICIAN: Cervical rotation to the right is seventy degrees.",
        ]
    )
    placed = place_items(split_items(note), SOAP)
    lines = [line for section in placed.values() for line in section]
    text = "\n".join(lines)
    for gone in ("CLINICIAN", "CLIENT", "recording is on", "scribe app"):
        assert gone not in text, gone
    assert where(note, "I drove 2 hours") == ["Subjective"]
    assert where(note, "Cervical rotation to the right is 70 degrees") == ["Objective"]


def test_one_said_as_a_pronoun_stays_a_word() -> None:
    assert dictation.sentences("He says the old one fits better.") == [
        "He says the old one fits better."
    ]
    assert dictation.sentences("Infusions every twenty eight days, next one on the twelfth.") == [
        "Infusions every 28 days, next one on the twelfth."
    ]


def test_one_that_counts_or_measures_is_a_digit() -> None:
    # twins: a count, and a value with its unit after a pointing word
    assert dictation.sentences("He walked one lap of the corridor.") == [
        "He walked 1 lap of the corridor."
    ]
    assert dictation.sentences("Gait speed is above the one meter per second cut off.") == [
        "Gait speed is above the 1 meter per second cut off."
    ]


def test_a_dictated_macro_paragraph_goes_clause_by_clause() -> None:
    note = (
        "Dictated with macro. Pt seen for visit 5; reports LBP 5/10 after walking; relieved by "
        "sitting; SLR negative bilat; A: walking tolerance improving; P: add aquatic walking."
    )
    assert where(note, "Relieved by sitting") == ["Subjective"]
    assert where(note, "SLR negative bilat") == ["Objective"]
    assert where(note, "Walking tolerance improving") == ["Assessment"]
    assert where(note, "Add aquatic walking") == ["Plan"]


def test_a_dictated_sentence_of_few_clauses_stays_whole() -> None:
    # twin: two semicolons make no run-on line
    note = "Dictated. She reports pain 3/10 on stairs; better on the flat; sleeping well."
    assert where(note, "She reports pain 3/10 on stairs; better on the flat; sleeping well") == [
        "Subjective"
    ]


def test_an_html_table_is_a_pipe_table_with_its_heading_ruled() -> None:
    note = (
        "<h4>Objective</h4><table><tr><th>Test</th><th>Today</th></tr>"
        "<tr><td>Lumbar flexion</td><td>50&deg;</td></tr></table><p>Bird dog 2&times;8.</p>"
    )
    lines = as_text(note).splitlines()
    assert lines[1:4] == ["| Test | Today |", "| --- | --- |", "| Lumbar flexion | 50° |"]
    # twin: a row of data cells is no heading, so no rule follows it
    assert (
        as_text("<p>a</p><p>b</p><table><tr><td>Grip</td><td>R 20 kg</td></tr></table>")[-18:]
        == "| Grip | R 20 kg |"
    )


def test_rows_set_in_under_a_label_end_at_the_margin() -> None:
    note = "\n".join(
        [
            "Measures today:",
            "    R knee flexion    118 deg",
            "    TUG               9.8 s",
            "She is moving with much more confidence; kneeling is the remaining limit.",
        ]
    )
    assert where(note, "TUG") == ["Objective"]
    assert where(note, "much more confidence") == ["Assessment"]


def test_lines_under_a_label_at_the_margin_stay_under_it() -> None:
    # twin: nothing set in, so the label's part goes on
    note = "Assessment:\nGait more symmetrical.\nStill guarded on stairs 4 steps."
    assert where(note, "Still guarded on stairs") == ["Assessment"]


def test_a_heading_naming_its_columns_stays_above_its_rows() -> None:
    note = "\n".join(
        [
            "Measures - was / now / target:",
            "  L ankle PF AROM ..... 60 deg / 72 deg / 75 deg",
            "Assessment: settled.",
        ]
    )
    placed = place_items(split_items(note), SOAP)
    assert placed["Objective"][0] == "Measures - was / now / target:"
    # twin: a heading naming no columns opens its part and is no line of it
    plain = place_items(split_items("Measures:\n  L ankle PF AROM 72 deg"), SOAP)
    assert plain["Objective"] == ["L ankle PF AROM 72 deg"]


def test_the_time_seen_after_a_title_is_the_visits_time() -> None:
    note = "GERIATRIC FALLS CLINIC - PT EVALUATION   seen 9:40 AM - 10:38 AM\nBerg 41/56"
    placed = place_items(split_items(note), SOAP)
    assert placed["Billing"] == ["Seen 9:40 AM - 10:38 AM"]
    assert not any("CLINIC" in line for lines in placed.values() for line in lines)
    assert where("Pt seen 1015-1110.\nBerg 41/56", "Pt seen 1015-1110") == ["Billing"]
    # twin: a time inside a statement of what was done stays with it
    assert where("Walked 10:00 to 10:06 without a rest, 6MWT 310 m.", "Walked") == ["Objective"]


def test_text_struck_through_is_no_part_of_the_draft() -> None:
    assert as_text("S: Pt reports R wrist pain ~~5/10~~ 3/10 with cooking") == (
        "S: Pt reports R wrist pain 3/10 with cooking"
    )
    assert as_text("<p>pain <s>5/10</s> 3/10</p><p>Plan</p><p>Continue</p>").splitlines()[0] == (
        "pain 3/10"
    )
    # twin: a tilde for "about" strikes nothing
    assert as_text("~3 wks, approx ~5 reps") == "~3 wks, approx ~5 reps"


def test_an_australian_ax_label_is_the_assessment() -> None:
    assert where("Ax: improving PFM strength; leaking w/ running persists.", "leaking") == [
        "Assessment"
    ]
    assert where("Back at futsal training (non-contact) 3/7 ago.", "futsal") == ["Subjective"]
    # twin: a return named with no activity after it is no report of one
    assert where("ROM back to the baseline of 110 deg.", "ROM back") == ["Objective"]


def test_a_note_said_to_be_dictated_is_framing_unless_it_states_a_value() -> None:
    assert dictation.sentences(
        "Session note dictated after the pull-out group. Priya, second grade."
    ) == ["Priya, second grade."]
    # twin: a sentence with a value is what the note documents
    assert dictation.sentences("Progress note recorded by aide shows 3 falls.") == [
        "Progress note recorded by aide shows 3 falls."
    ]


def test_a_drafted_statement_opens_with_a_capital() -> None:
    from tui.core.drafting.offline import _capitalised

    assert _capitalised("continue POC") == "Continue POC"
    # twins: a first word with a digit, a slash or an inner capital is written as it is
    for kept in ("x2 daily", "s/p TKA", "mL of fluid", "iPad typing", "Berg 41/56"):
        assert _capitalised(kept) == kept
