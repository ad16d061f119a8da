"""Earlier messages of an e-mail or portal thread pasted into a note: a ">"-quoted block with a
header, quote marks nested deeper or a "wrote:" line above it, and anything under an "Original
Message" banner or a second message header, holds earlier values. Twins: a Markdown blockquote
or a list of ">>" chevrons with no sign of a thread, a single message's own header, and answers
typed between quoted lines are this visit's."""

from __future__ import annotations

import pytest

from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Today: Berg 47/56.\n\n> From: Dr. Osei\n> Sent: Monday 2/16\n> Berg was 39/56.\n",
            "outcome",
            {47: False, 39: True},
        ),
        (
            "In clinic today TUG 9.8 s.\n>> PT 2/25: TUG 16.4 s at the start.\n",
            "outcome",
            {9.8: False, 16.4: True},
        ),
        (
            "Pain 3/10 with lifting.\n\nOn Thu, Feb 19, 2044 at 8:03 AM, T. O. wrote:\n"
            "> It aches, about 6/10 by the evening.\n",
            "pain",
            {3: False, 6: True},
        ),
        (
            "Dr. Haddad wrote:\n> TUG 19.2 s in January.\nToday TUG 13.5 s.\n"
            "> DHI was 40.\nDHI 18 today.\n",
            "outcome",
            {19.2: True, 13.5: False, 40: True, 18: False},
        ),
        (
            "ODI 28% today.\n\n-----Original Message-----\nFrom: J. Ruiz\nSent: 2/10\n\n"
            "Per the eval summary: ODI 52%.\n",
            "outcome",
            {28: False, 52: True},
        ),
        (
            "From: PT\nTo: Dr. L\nSubject: update\n\nQuickDASH 22.7 today.\n\n"
            "From: Dr. L\nSent: 2/2\nSubject: update\n\nQuickDASH was 40.9 then.\n",
            "outcome",
            {22.7: False, 40.9: True},
        ),
    ],
)
def test_earlier_messages_hold_earlier_values(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("## Daily note\n\n> **Measured today**\n> Berg 47/56.\n", "outcome", {47: False}),
        (
            "From: Outpatient PT\nSent: Friday 3/13\nTo: Dr. L\n\nQuickDASH 22.7 today.\n",
            "outcome",
            {22.7: False},
        ),
        ("Single-leg stance:\n> Berg 50/56 today\n", "outcome", {50: False}),
        (">> Balance:\n>> Berg 50/56\n>> TUG 11.2 s\n", "outcome", {50: False, 11.2: False}),
    ],
)
def test_quotes_without_a_thread_stay_this_visits(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted
