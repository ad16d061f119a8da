"""Several instruments on one line: every score is read under its own name, however many names
the line lists and however they are spelled (SF-36, PHQ-9, GAD-7, 9-HPT, Mini-BESTest, FABQ-W).

A line of instrument names is written in capitals, but it is not a line shouted in capitals."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def scores(text: str) -> list[tuple[str, float]]:
    return [
        (fact.label, float(fact.value))  # type: ignore[arg-type]
        for fact in extract_facts(text)
        if fact.kind == "outcome"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "O: KOOS 30, NDI 24%, FABQ-PA 12, SF-36 PCS 40, PHQ-9 4.\n",
            [("KOOS", 30), ("NDI", 24), ("FABQ-PA", 12), ("SF-36 PCS", 40), ("PHQ-9", 4)],
        ),
        (
            "O: LEFS 38/80, ODI 42%, NDI 24%, KOOS 30, FABQ-PA 12, FABQ-W 15, PHQ-9 4, GAD-7 3.\n",
            [
                ("LEFS", 38), ("ODI", 42), ("NDI", 24), ("KOOS", 30), ("FABQ-PA", 12),
                ("FABQ-W", 15), ("PHQ-9", 4), ("GAD-7", 3),
            ],
        ),
        (
            "Scores: SF-36 PCS 40, SF-36 MCS 52, PHQ-9 4, GAD-7 3, FABQ-PA 12, FABQ-W 15, "
            "PSEQ 40.\n",
            [
                ("SF-36 PCS", 40), ("SF-36 MCS", 52), ("PHQ-9", 4), ("GAD-7", 3),
                ("FABQ-PA", 12), ("FABQ-W", 15), ("PSEQ", 40),
            ],
        ),
        (
            "PRWE 34, VISA-A 62, PHQ-9 4, GAD-7 3, AM-PAC 15, FABQ-PA 12\n",
            [
                ("PRWE", 34), ("VISA-A", 62), ("PHQ-9", 4), ("GAD-7", 3), ("AM-PAC", 15),
                ("FABQ-PA", 12),
            ],
        ),
        (
            "Outcomes: PHQ-9 4, GAD-7 3, 9-HPT 22 s, Mini-BESTest 20/28, FABQ-W 15.\n",
            [("PHQ-9", 4), ("GAD-7", 3), ("9HPT", 22), ("Mini-BESTest", 20), ("FABQ-W", 15)],
        ),
        (
            "9-HPT R 22 s, L 25 s; Mini-BESTest 20/28; PHQ-9 4; GAD-7 3; SF-36 PCS 40\n",
            [
                ("9HPT R", 22), ("9HPT L", 25), ("Mini-BESTest", 20), ("PHQ-9", 4),
                ("GAD-7", 3), ("SF-36 PCS", 40),
            ],
        ),
        (
            "O: PHQ-9 4 (was 9), GAD-7 3 (was 6), FABQ-W 15 (was 20), KOOS 30.\n",
            [
                ("PHQ-9", 4), ("PHQ-9 (previous)", 9), ("GAD-7", 3), ("GAD-7 (previous)", 6),
                ("FABQ-W", 15), ("FABQ-W (previous)", 20), ("KOOS", 30),
            ],
        ),
    ],
)  # fmt: skip
def test_every_instrument_of_a_list_keeps_its_score(
    line: str, expected: list[tuple[str, float]]
) -> None:
    assert scores(line) == expected


@pytest.mark.parametrize(
    "order",
    [
        ("KOOS 30", "NDI 24%", "FABQ-PA 12", "SF-36 PCS 40", "PHQ-9 4"),
        ("PHQ-9 4", "SF-36 PCS 40", "FABQ-PA 12", "NDI 24%", "KOOS 30"),
        ("FABQ-PA 12", "PHQ-9 4", "KOOS 30", "SF-36 PCS 40", "NDI 24%"),
    ],
)
def test_a_list_is_read_the_same_in_any_order(order: tuple[str, ...]) -> None:
    found = dict(scores("O: " + ", ".join(order) + ".\n"))
    assert found == {"KOOS": 30, "NDI": 24, "FABQ-PA": 12, "SF-36 PCS": 40, "PHQ-9": 4}


def test_a_shouted_line_is_still_not_read_as_instruments() -> None:
    line = "PT TOLERATED TREATMENT WELL WITHOUT COMPLAINT, RETURNS NEXT WEEK FOR 2 VISITS\n"
    assert scores(line) == []


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("- MMT R quads 4-/5, R hip abd 4/5\n", ["R quadriceps", "R hip abduction"]),
        (
            "MMT: L glute med 3+/5, L hip flexion 4/5, R ankle DF 5/5\n",
            ["L gluteus medius", "L hip flexion", "R ankle dorsiflexion"],
        ),
        ("Strength R hip flex 4/5, abd 4-/5\n", ["R hip flexion", "R hip abduction"]),
    ],
)
def test_a_muscle_and_a_joint_motion_of_neighbouring_grades_stay_apart(
    text: str, labels: list[str]
) -> None:
    """A test is named by its muscle or by its joint and motion; the earlier item's muscle
    never joins the next item's joint and motion."""
    assert [fact.label for fact in extract_facts(text) if fact.kind == "mmt"] == labels
