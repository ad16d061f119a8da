"""A note's table writes its cells bare: a girth row gives its cells the unit of its landmark,
and a service row names the service in its first cell. A draft copying two cells side by side
in order is backed; a draft that swaps them is not; a draft naming the service in the row's
words, without the code, carries its minutes."""

from __future__ import annotations

from tui.core.checks.verify.verify import verify

_GIRTH = (
    "Patient: Test Person\nDate: 2047-02-01\n\n"
    "| Landmark | R eval | R today | L (ref) |\n"
    "|---|---|---|---|\n"
    "| 12 cm | 26.4 | 23.1 | 22.0 |\n"
)


def _girth_draft(cells: str) -> str:
    return f"## Objective\n- Right arm circumference, evaluation to today: 12 cm {cells} cm.\n"


def test_two_cells_copied_in_order_are_backed() -> None:
    result = verify(_GIRTH, _girth_draft("26.4 to 23.1"))
    assert result.clean, result.to_json()


def test_two_cells_swapped_are_not_backed() -> None:
    result = verify(_GIRTH, _girth_draft("23.1 to 26.4"))
    assert not result.clean


_SERVICES = (
    "Patient: Test Person\nDate: 2047-02-01\n\n"
    "| Service | Code | Min |\n"
    "|---|---|---|\n"
    "| Shoulder AAROM with pulleys, wand flexion, scapular sets | 97110 | 18 |\n"
    "| Supine rhythmic stabilisation, weight shifts on the ball | 97112 | 9 |\n"
)


def _services_draft(minutes: int) -> str:
    return (
        "## Objective\n"
        "- Shoulder AAROM with pulleys, wand flexion and scapular sets, 18 min.\n"
        f"- Supine rhythmic stabilisation and weight shifts on the ball, {minutes} min.\n"
    )


def test_services_named_in_the_rows_words_are_carried() -> None:
    result = verify(_SERVICES, _services_draft(9))
    assert result.clean, result.to_json()


def test_a_services_minutes_taken_from_another_row_drop_it() -> None:
    result = verify(_SERVICES, _services_draft(18))
    assert [fact.cpt for fact in result.missing] == ["97112"]
