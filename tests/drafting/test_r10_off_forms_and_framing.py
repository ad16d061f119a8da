"""Offline drafts, round 10 (OFF): what a note says of itself or leaves blank never reaches a
draft. A form's blanks and unticked boxes, a clinician's aside about how the note was made, a
letter's furniture and texting shorthand; each rule with a twin that must be kept."""

from __future__ import annotations

from tests.placing import DISCHARGE, where
from tui.core.drafting.about_note import about_the_note, letter_body
from tui.core.drafting.form_fields import filled_in
from tui.core.drafting.shorthand import written_out

# -- a form's blanks and boxes --------------------------------------------------------------------


def test_an_unticked_box_takes_its_option_with_it() -> None:
    assert (
        filled_in("Pain: 3/10   Location: L hip   [ ] denies pain")
        == "Pain: 3/10   Location: L hip"
    )
    assert filled_in("[ ] 2 lb wrist weights issued for HEP") == ""
    assert filled_in("Brought by: ( ) mother  (X) grandmother") == "Brought by: grandmother"


def test_a_ticked_box_leaves_its_option_as_the_statement() -> None:
    # twin: what was ticked was documented
    assert filled_in("PMH: [x] DM2  [ ] cardiac  [x] HTN") == "PMH: DM2, HTN"
    assert filled_in("\u2611 Fine motor: coins to the bank") == "Fine motor: coins to the bank"
    assert filled_in("Plan: [x] continue POC  [ ] d/c  next: add curb step") == (
        "Plan: continue POC  next: add curb step"
    )


def test_a_line_left_blank_goes_whole() -> None:
    assert filled_in("Vitals: BP ___/___  HR ___  SpO2 ___%") == ""
    assert filled_in("Assessment: ______________") == ""
    assert filled_in("Goals reviewed: [ ] met  [ ] progressing  [ ] not met") == ""


def test_a_scale_of_numbered_boxes_and_emphasis_stay_as_written() -> None:
    # twins: the checks read the ticked number of a scale; underscores around words are bold
    scale = "Pain now: [ ]0 [ ]1 [ ]2 [x]3 [ ]4"
    assert filled_in(scale) == scale
    assert filled_in("__Subjective__ knee stiff") == "__Subjective__ knee stiff"
    assert filled_in("No boxes here: R knee flex 110 deg") == "No boxes here: R knee flex 110 deg"


# -- what the note says of itself ----------------------------------------------------------------


def test_an_aside_about_how_the_note_was_made_is_no_line_of_it() -> None:
    for aside in (
        "(typed on phone btwn pts, tidy up l8r)",
        "[typed on mobile in between patients - will clean up tonight]",
        "Dictated with macro, not proofread.",
        "Voice-typed via Dragon from the clinic phrase, unedited.",
        "Session recording, auto-transcribed, speaker labels added by the app:",
        "K. Lindell, PT, DPT",
        "thanks - R. Okoro, PT, DPT",
    ):
        assert about_the_note(aside), aside


def test_the_patients_own_typing_recording_and_a_colleague_stay() -> None:
    # twins: what the patient typed or recorded, a value, a colleague seen with
    for line in (
        "Typed with one hand, slowly",
        "Pt recorded 4 falls in diary",
        "Recorded by nursing: BP 140/90",
        "Seen with Janet Smith, PTA",
        "Grip, PT",
        "Will fill in goals later",
    ):
        assert not about_the_note(line), line


def test_a_letters_furniture_goes_and_its_body_stays() -> None:
    letter = "\n".join(
        [
            "Dear Mr Achebe,",
            "",
            "Re: Mrs Lorna Fairweather (DOB 02/07/1950)",
            "",
            "She can now hang washing on the line.",
            "",
            "Yours sincerely,",
            "",
            "Priya Natarajan",
            "Senior Physiotherapist",
        ]
    )
    body = letter_body(letter)
    assert "hang washing on the line" in body
    for furniture in ("Dear", "Re:", "sincerely", "Natarajan", "Senior"):
        assert furniture not in body, furniture
    assert where(letter, "hang washing", DISCHARGE) == ["Functional Status"]


def test_a_closing_without_a_letter_keeps_what_follows() -> None:
    # twin: "Thank you." in a note that greeted no one ends no letter
    note = "Thank you.\nPlan\nContinue 2x/wk"
    assert letter_body(note) == "Plan\nContinue 2x/wk"


# -- texting shorthand ---------------------------------------------------------------------------


def test_texting_shorthand_is_written_out() -> None:
    assert written_out("pt says elbow bttr!! up to 1.5kg nxt, tidy up l8r") == (
        "pt says elbow better! up to 1.5kg next, tidy up later"
    )
    assert (
        written_out("jogging b4 his trip tmrw, thx") == "jogging before his trip tomorrow, thanks"
    )


def test_the_charts_own_abbreviations_stay() -> None:
    # twins: clinical shorthand, capitals and a word holding a listed form
    line = "Pt HEP w/ band 2x/wk; DEF WD noted; ABT; abtx; Thru-hole"
    assert written_out(line) == line


# -- a phone note's sentences --------------------------------------------------------------------


def test_a_bare_rating_after_a_report_goes_on_with_it() -> None:
    note = "pt says elbow better! 2/10 typing, 5/10 pouring kettle"
    assert where(note, "2/10 typing") == ["Subjective"]
    assert where(note, "Pt says elbow better! 2/10 typing") == []  # capitalised only when drafted
    # twin: a rating after a measurement names nothing the patient said
    assert where("Grip R 22 kg. 2/10 with the test.", "Grip R 22 kg") == ["Objective"]


def test_a_phone_notes_billing_lines_are_billing() -> None:
    assert where("tot timed 26m / tot tx 26m", "tot timed") == ["Billing"]
    assert where("bill 97110x1 97140x1", "bill 97110x1") == ["Billing"]
    # twin: a timed test is measured
    assert where("timed up and go 12 s", "timed up and go") == ["Objective"]


def test_an_evaluations_minutes_alone_are_billing() -> None:
    from tests.placing import PT_EVAL

    assert where("Eval 45 min.\nBerg 41/56", "Eval 45 min", PT_EVAL) == ["Billing"]
    # twin: minutes said with what else was done stay with it
    assert where("Eval 60 min; self-care training 15 min after eval.", "Eval 60 min", PT_EVAL) == [
        "Tests and Measures"
    ]
