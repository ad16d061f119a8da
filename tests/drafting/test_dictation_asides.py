"""What a speaker says to the transcriptionist or to themselves goes from an offline draft: a
sign-off ("Thank you.", "Thanks, end dictation."), an aside ("just FYI"), "like" said between
commas and a value checked and said again ("9.8 seconds, let me check, yes 9.8"). The same
words carrying content stay."""

from __future__ import annotations

from tui.core.drafting.dictation import sentences


def test_sign_offs_go() -> None:
    assert sentences("Thank you.") == []
    assert sentences("Thanks, end dictation.") == []
    assert sentences("Okay thanks so much, that is the end of the recording.") == []


def test_twin_thanks_that_carries_content_stays() -> None:
    assert sentences("Thanks to the new walker she is safer.") == [
        "Thanks to the new walker she is safer."
    ]
    assert sentences("Thank you for the referral of Mrs Diaz.") == [
        "Thank you for the referral of Mrs Diaz."
    ]


def test_asides_and_like_between_commas_go() -> None:
    assert sentences("He checked his sugar at home, just FYI.") == ["He checked his sugar at home."]
    assert sentences("FYI the surgeon wants WBAT.") == ["The surgeon wants WBAT."]
    assert sentences('He says the knee is, like, "tight as a drum" in the mornings.') == [
        'He says the knee is "tight as a drum" in the mornings.'
    ]


def test_twin_like_as_a_verb_stays() -> None:
    assert sentences("She would like, if possible, to return to tennis.") == [
        "She would like, if possible, to return to tennis."
    ]


def test_a_value_checked_and_said_again_is_said_once() -> None:
    assert sentences(
        "Timed twenty five foot walk nine point eight seconds, let me check, yes nine point eight."
    ) == ["Timed 25 foot walk 9.8 seconds."]
    assert sentences("Berg forty one, let me check, yeah forty one, up from thirty six.") == [
        "Berg 41, up from 36."
    ]
    assert sentences("Grip was twenty two kilos, let me check.") == ["Grip was 22 kg."]


def test_twin_checking_something_named_stays() -> None:
    assert sentences("Let me check the chart, she had the injection on Monday.") == [
        "Let me check the chart, she had the injection on Monday."
    ]
