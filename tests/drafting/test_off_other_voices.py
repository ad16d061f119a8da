"""Offline drafts of notes in other voices (issue 12, OFF5): exports placed row by row, fillers
of other speakers, interviews, printed forms and comparison tables; each rule with a twin that
must not be read so."""

from __future__ import annotations

from tests.placing import PROGRESS, REEVAL, SOAP, where
from tui.core.checks.extract import extract_facts
from tui.core.drafting import dictation
from tui.core.drafting.csv_rows import csv_row
from tui.core.drafting.placement import place_items, split_items


def _all_lines(note: str, sections: tuple[str, ...] = SOAP) -> list[str]:
    return [line for lines in place_items(split_items(note), sections).values() for line in lines]


# -- exports: rows placed one by one, before tables are read -------------------------------------


def test_a_flowsheet_export_goes_part_by_part_written_as_the_checks_read_it() -> None:
    note = "\n".join(
        [
            '"Section","Field","Result","Remark"',
            '"Subjective","Patient says","wrist aches after typing","worse Fridays"',
            '"Objective","Grip","R 21 kg","L 30 kg"',
            '"Assessment","Summary","grip deficit persists",""',
            '"Plan","Next","add putty, recheck grip in 2 wk",""',
        ]
    )
    assert where(note, "wrist aches after typing") == ["Subjective"]
    assert where(note, "Grip") == ["Objective"]
    assert where(note, "grip deficit persists") == ["Assessment"]
    assert where(note, "add putty") == ["Plan"]
    lines = _all_lines(note)
    # the part's name and the column names are layout: the section says them
    assert not any(line.startswith(('"Section"', '"Objective"')) for line in lines)
    # the draft's record states the values the checks read in the note
    grip = next(line for line in lines if line.startswith("Grip"))
    assert {fact.render() for fact in extract_facts(grip)} == {
        fact.render() for fact in extract_facts(note)
    }


def test_an_export_of_measures_naming_no_part_stays_a_table() -> None:
    # twin: a CSV of measures has no part in its first column and bills nothing
    note = "\n".join(["Measure,Eval,Today", "TUG (s),18.6,12.1", "Gait speed (m/s),0.62,0.91"])
    placed = place_items(split_items(note), SOAP)
    tables = [line for lines in placed.values() for line in lines if "\n" in line]
    assert len(tables) == 1
    assert "TUG (s),18.6,12.1" in tables[0]


def test_a_charge_export_with_numbered_columns_is_billing_whole() -> None:
    note = "\n".join(
        [
            "A: tolerating the progression.",
            "qty,code,mod_1,mod_2,mins,desc",
            "2,97530,GO,KX,26,Therapeutic activities",
            "1,97535,GO,,12,Self-care training",
            "3,TOTAL,,,38,",
        ]
    )
    for snippet in ("qty,code,mod_1", "2,97530,GO,KX", "1,97535", "3,TOTAL"):
        assert where(note, snippet) == ["Billing"], snippet
    assert where(note, "tolerating the progression") == ["Assessment"]


def test_a_row_is_split_by_the_layouts_reader() -> None:
    row = csv_row('"Objective","Note","says ""ok"", walks 40 m",""')
    assert row is not None
    assert row.fields == ("Objective", "Note", 'says "ok", walks 40 m', "")
    # twin: prose with a space after each comma is no row
    assert csv_row("Knee sore, stiff, swollen, better with ice.") is None


# -- fillers of other voices ---------------------------------------------------------------------


def test_a_value_taken_back_with_wait_no_is_gone_from_draft_and_checks() -> None:
    said = "Left knee flexion was ninety, wait no, ninety five degrees."
    assert dictation.sentences(said) == ["Left knee flexion was 95 degrees."]
    assert [fact.value for fact in extract_facts(said) if fact.value in (90.0, 95.0)] == [95.0]
    # twin: "wait" that takes nothing back stays
    assert dictation.sentences("She had to wait ten minutes for the lift.") == [
        "She had to wait 10 minutes for the lift."
    ]


def test_the_speakers_hedge_before_a_judgement_goes() -> None:
    assert dictation.sentences("Prognosis, I'd say good, she is very motivated.") == [
        "Prognosis, good, she is very motivated."
    ]
    assert dictation.sentences("I would call it a mild flare.") == ["A mild flare."]
    # twins: the patient's words, and a call that is an action
    assert dictation.sentences("He said I'd call it a bad week.") == [
        "He said I'd call it a bad week."
    ]
    assert dictation.sentences("I would call the GP if the redness spreads.") == [
        "I would call the GP if the redness spreads."
    ]


def test_colon_said_before_a_test_named_in_capitals_is_a_mark() -> None:
    assert dictation.sentences("Balance screen after the warm up colon BESTEST twenty two.") == [
        "Balance screen after the warm up: BESTEST 22."
    ]
    # twin: the organ
    assert dictation.sentences("Her husband had surgery on his colon last year.") == [
        "Her husband had surgery on his colon last year."
    ]


def test_the_kind_of_note_said_for_a_name_is_framing() -> None:
    assert dictation.sentences("Um, aquatic session for Priya Lal, warm pool.") == ["Warm pool."]
    assert dictation.sentences("okay so discharge visit for Tomas Weir.") == []
    # twins: a next step naming a doctor, and one naming a person after the name
    assert dictation.sentences("Follow-up for Dr Osei in three weeks.") == [
        "Follow-up for Dr Osei in 3 weeks."
    ]
    assert dictation.sentences("Re-eval for Tomas next month.") == ["Re-eval for Tomas next month."]


def test_a_word_said_alone_between_sentences_goes() -> None:
    assert dictation.sentences("Visit went fine. So. She walked two hundred feet. Right then.") == [
        "Visit went fine.",
        "She walked 200 feet.",
    ]
    # twin: "right" that is a side stays
    assert dictation.sentences("Okay. Right knee flexion one ten.") == ["Right knee flexion 110."]


def test_end_said_alone_closes_the_recording() -> None:
    assert dictation.sentences("Plan twice weekly. Okay, end.") == ["Plan twice weekly."]
    # twin: end range is a finding
    assert dictation.sentences("End range pain with flexion.") == ["End range pain with flexion."]


# -- an interview --------------------------------------------------------------------------------


def test_an_interviews_question_goes_and_its_answer_is_what_the_patient_reports() -> None:
    note = "\n".join(
        [
            "Q: How did the new brace feel? A: Comfortable after the first hour.",
            "Q: Sleep?",
            "A: Better, up once a night.",
            "Q: Any falls?",
            "A: None.",
            "O: R ankle DF 12 deg.",
            "A: Gains in DF; brace tolerated.",
        ]
    )
    placed = place_items(split_items(note), SOAP)
    assert "Comfortable after the first hour." in placed["Subjective"]
    assert "Sleep: better, up once a night." in placed["Subjective"]
    assert "Any falls? None." in placed["Subjective"]
    lines = _all_lines(note)
    assert not any(line.startswith(("Q:", "A:", "How did")) for line in lines)
    # twin: "A:" after no question is the assessment
    assert placed["Assessment"] == ["Gains in DF; brace tolerated."]


# -- printed forms and labels --------------------------------------------------------------------


def test_a_printed_forms_label_in_capitals_opens_its_part() -> None:
    note = "\n".join(
        [
            "PT REPORTS      Knee ached on the hike, 3/10 today.",
            "                Off ibuprofen since Monday.",
            "TUG 10.4 s.",
            "IMPRESSION      Hike tolerance improving; quad control still the limiter.",
            "NEXT STEPS      Add step-downs next visit.",
        ]
    )
    assert where(note, "Knee ached on the hike") == ["Subjective"]
    assert where(note, "Off ibuprofen since Monday") == ["Subjective"]
    assert where(note, "quad control still the limiter") == ["Assessment"]
    assert where(note, "Add step-downs next visit") == ["Plan"]
    # twin: a heading row in capitals is no label and text
    assert not any("MINUTES" in line for line in _all_lines("TREATMENT     MINUTES   NOTES"))


def test_billing_lines_with_modifiers_are_billing_however_separated() -> None:
    note = "\n".join(
        [
            "S: no new complaints.",
            "Codes: 97140-GP-59 x1 / 97110-GP x2",
            "97530-GO-KX x2 | 97535-GO x1",
            "Bill: 97112-GP x1",
            "Ther ex (97110-GP) 24 min: wall slides, rows.",
        ]
    )
    assert where(note, "97140-GP-59 x1") == ["Billing"]
    assert where(note, "97530-GO-KX x2 | 97535-GO x1") == ["Billing"]
    assert where(note, "97112-GP x1") == ["Billing"]
    # twin: what was done, its code written beside it, is the treatment
    assert where(note, "wall slides, rows") == ["Objective"]


def test_any_bullet_mark_opens_a_labelled_line() -> None:
    note = "\n".join(["\u203a Pt reports: wants to garden again.", "\u25aa Plan: continue 2x/wk."])
    assert where(note, "wants to garden again") == ["Subjective"]
    assert where(note, "continue 2x/wk") == ["Plan"]


def test_a_label_with_a_remark_in_brackets_names_its_part() -> None:
    note = "\n".join(
        [
            "Interval: no falls, back at work.",
            "Goals (updated, 8 wk): 10MWT > 1.0 m/s; stairs reciprocal with rail.",
            "6MWT 280 m (eval 190 m).",
        ]
    )
    assert where(note, "10MWT > 1.0 m/s", REEVAL) == ["Goals"]
    assert where(note, "6MWT 280 m", REEVAL) == ["Tests and Measures"]


def test_a_heading_with_a_remark_and_nothing_after_it_keeps_the_lines_under_it() -> None:
    # twin: a remark with a comma on a heading alone names no part of its own
    note = "\n".join(
        [
            "Client priorities (COPM, 2 areas):",
            "  1. cooking a meal - performance 3 / satisfaction 2",
            "GG self-care (today, 6-pt scale):",
            "  GG0130A Eating ....... 05 set-up",
        ]
    )
    assert where(note, "GG0130A Eating") == ["Objective"]


# -- a comparison table with a goal column -------------------------------------------------------


def test_a_comparison_table_stays_whole_though_it_has_a_goal_column() -> None:
    note = "\n".join(
        [
            "| Measure | At eval | Today | Target |",
            "|---|---|---|---|",
            "| Hip flexion PROM | 85° | 102° | ≥ 110° |",
            "| Hip abduction PROM | 20° | 31° | ≥ 35° |",
            "| Oswestry (%) | 52 | 38 | ≤ 20 |",
            "| Stairs | step-to | reciprocal | reciprocal, no rail |",
        ]
    )
    placed = place_items(split_items(note), PROGRESS)
    assert len(placed["Objective Comparison"]) == 1
    assert "| Hip abduction PROM | 20° | 31° | ≥ 35° |" in placed["Objective Comparison"][0]
    assert not placed["Plan"] and not placed["Goal Status"]


def test_a_tables_last_rows_naming_parts_of_their_own_go_to_them() -> None:
    note = "\n".join(
        [
            "CODE\tMIN\tWHAT",
            "97530\t24\ttransfers, kitchen task with walker",
            "97110\t14\tsit to stand, step-ups",
            "BILLED\t97530 x2, 97110 x1",
            "PLAN\tContinue 2x/wk; trial shower chair",
        ]
    )
    assert where(note, "97530 x2, 97110 x1") == ["Billing"]
    assert where(note, "trial shower chair") == ["Plan"]
    assert where(note, "kitchen task with walker") == ["Objective"]
    # twin: a total that states the table's score is the table's
    scored = "\n".join(
        [
            "| LEFS item | Score |",
            "|---|---|",
            "| Stairs | 3 |",
            "| Squatting | 2 |",
            "| Total | 52/80 |",
        ]
    )
    placed = place_items(split_items(scored), SOAP)
    assert any("| Total | 52/80 |" in line for line in placed["Objective"])


def test_a_status_column_does_not_pull_a_comparison_table_apart() -> None:
    note = "\n".join(
        [
            "| Test | Start | Today | Aim | Status |",
            "|---|---|---|---|---|",
            "| DGI | 14/24 | 19/24 | ≥ 20/24 | Progressing |",
            "| Five times sit to stand | 17.9 s | 13.0 s | < 14 s | Met |",
            "| Single-leg stance R | 4 s | 9 s | 10 s | Progressing |",
            "| Stairs | step-to | reciprocal | reciprocal | Met |",
        ]
    )
    placed = place_items(split_items(note), PROGRESS)
    assert len(placed["Objective Comparison"]) == 1
    assert "| DGI | 14/24 | 19/24 | ≥ 20/24 | Progressing |" in placed["Objective Comparison"][0]
    assert not placed["Goal Status"] and not placed["Assessment"]


def test_a_chat_logs_turns_are_read_by_who_speaks() -> None:
    note = "\n".join(
        [
            "[09:14] OT: How did the splint do overnight?",
            "[09:15] Pt: Fine, no numbness when I woke up.",
            "[09:16] OT: Grip R 22 kg (was 17 kg).",
            "[09:18] Client: I can hold my coffee cup again.",
            "[09:20] OT: Assessment: nerve glides helping; grip up 5 kg.",
            "[09:21] OT: Plan: wean splint to nights only.",
        ]
    )
    placed = place_items(split_items(note), SOAP)
    assert placed["Subjective"] == [
        "How did the splint do overnight? Fine, no numbness when I woke up.",
        "I can hold my coffee cup again.",
    ]
    assert placed["Objective"] == ["Grip R 22 kg (was 17 kg)."]
    assert placed["Assessment"] == ["nerve glides helping; grip up 5 kg."]
    assert placed["Plan"] == ["wean splint to nights only."]
    # twin: the same speakers without a chat log's time stamps are lines as written
    assert where("PT: ankle DF 8 deg.", "ankle DF 8 deg") == ["Objective"]


def test_plain_english_headings_name_their_parts() -> None:
    note = "\n".join(
        [
            "What he told me",
            "Knee gave way once on the stairs.",
            "What we did",
            "Step-downs 3 x 10, 20 min.",
            "What I think",
            "Quad control is improving but not yet reliable.",
            "What's next",
            "Add hop progressions in 2 weeks.",
        ]
    )
    assert where(note, "Knee gave way once") == ["Subjective"]
    assert where(note, "Step-downs 3 x 10") == ["Objective"]
    assert where(note, "Quad control is improving") == ["Assessment"]
    assert where(note, "Add hop progressions") == ["Plan"]
    # twin: the words inside a sentence of what was done name no part
    assert where("Asked what is next for her return to tennis.", "return to tennis") != ["Plan"]
