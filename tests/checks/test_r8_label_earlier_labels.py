"""A sentence opened by an earlier visit's label ("Last session 5/29:", "Previous test (5/20):",
"Prior visit:") holds earlier values, vital signs too, which their readers name by their own
words. Twins: "Baseline:" and "Prior to session:" over vital signs are today's rest values, and
a word of this visit after the label ("today") ends it."""

from __future__ import annotations

import pytest

from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Last session 5/29: HR 128 bpm peak, RPE 13.\nToday: HR 121 bpm peak, RPE 12.\n",
            {128: True, 13: True, 121: False, 12: False},
        ),
        ("Previous test (5/20): symptoms at min 8, HR 150 bpm.\n", {150: True}),
        ("Prior visit: SpO2 87% on room air.\n", {87: True}),
        ("Last session: HR 128 bpm; today HR 120 bpm.\n", {128: True, 120: False}),
    ],
)
def test_an_earlier_visits_label_holds_for_its_sentence(
    text: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, "other") == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Baseline: HR 74 bpm, SpO2 96%.\n", {74: False, 96: False}),
        ("Prior to session: HR 76 bpm.\n", {76: False}),
        ("HR 90 bpm after the last set.\n", {90: False}),
        ("Last 24 h: HR 88 bpm at rest.\n", {88: False}),
        ("Last visit: 3/20; SpO2 95% at rest.\n", {95: False}),
    ],
)
def test_rest_values_of_today_stay_current(text: str, wanted: dict[object, bool]) -> None:
    assert earlier_by_value(text, "other") == wanted
