"""A sentence a draft copies word for word from its note says nothing the note does not, however
the draft's reader labels its numbers; a changed number makes it another sentence."""

from __future__ import annotations

from tui.core.checks.verify.copied import copied_from, key, sentence_index
from tui.core.checks.verify.verify import verify

_NOTE = (
    "Patient: Test Person\nDate: 2047-02-01\n"
    "Today: re-evaluation 35 minutes (97164), then 14 minutes of gait training with a trial "
    "of a posterior leaf spring AFO on the right (97116).\n"
    "Billed 97164 x1, 97116 x1. Timed 14 min; total 49 min.\n"
)


def _draft(minutes: int) -> str:
    return (
        "## Billing\n\n"
        f"- Today: re-evaluation 35 minutes (97164), then {minutes} minutes of gait training "
        "with a trial of a posterior leaf spring AFO on the right (97116).\n"
        "- Billed 97164 x1, 97116 x1. Timed 14 min; total 49 min.\n"
    )


def test_a_copied_sentence_is_the_notes() -> None:
    result = verify(_NOTE, _draft(14))
    assert result.unsupported == [], result.to_json()


def test_a_changed_number_in_the_sentence_is_caught() -> None:
    result = verify(_NOTE, _draft(16))
    assert not result.clean


def test_bullets_and_spacing_aside_the_sentences_are_one() -> None:
    assert key("-   Grip R 14 kg,  L 12 kg.") == key("Grip R 14 kg, L 12 kg.")
    index = sentence_index("O: x\nGrip R 14 kg, L 12 kg (unchanged).\n")
    assert copied_from("- Grip R 14 kg, L 12 kg (unchanged).", 8, index) != []
    assert copied_from("- Grip R 14 kg, L 13 kg (unchanged).", 8, index) == []
