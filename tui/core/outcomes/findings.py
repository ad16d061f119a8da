"""Episode findings: the gaps in a plan of care and a progress report that lead to medical-
necessity denials, which one note alone cannot show.

- GOAL_NOT_MEASURABLE: a goal of an evaluation, re-evaluation or new goal of a report without
  a measure, a target or a date.
- OUTCOME_NOT_REASSESSED: an outcome measure taken at the evaluation that a progress report,
  re-evaluation or discharge does not repeat.
- NO_MEASURABLE_PROGRESS: at a report, none of the measures repeated from the start of the
  reporting period (the evaluation or the last report) improved in its better direction; the
  finding names the measures that stalled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from tui.core.checks.audit import WARNING, Finding
from tui.core.outcomes.episodes import (
    DEFICIT,
    EVALUATION,
    REEVALUATION,
    REPORT_ROLES,
    Visit,
)
from tui.core.outcomes.goals import read_goals
from tui.core.outcomes.instruments import Instrument, lookup
from tui.core.outcomes.mcid import change
from tui.core.outcomes.measures import Measurement, grade_rank

EPISODE_FINDING_CODES: Final = (
    "GOAL_NOT_MEASURABLE",
    "OUTCOME_NOT_REASSESSED",
    "NO_MEASURABLE_PROGRESS",
)


@dataclass(frozen=True)
class NoteInEpisode:
    """The note being checked: its text, day, role and measures, and the visits of its
    episode before it (oldest first; empty when the store knows no earlier visit)."""

    text: str
    body_offset: int
    day: date | None
    role: str
    measures: Sequence[Measurement]
    earlier: Sequence[Visit] = ()


def episode_findings(
    note: NoteInEpisode, instruments: dict[str, Instrument], extra_measures: Sequence[str] = ()
) -> list[Finding]:
    """The episode findings of one note (none for a daily note)."""
    found = _unmeasurable_goals(note, extra_measures)
    if note.role in REPORT_ROLES and note.earlier:
        found += _not_reassessed(note)
        found += _no_progress(note, instruments)
    return found


def _unmeasurable_goals(note: NoteInEpisode, extra: Sequence[str]) -> list[Finding]:
    if note.role not in (EVALUATION, REEVALUATION, *REPORT_ROLES):
        return []
    found = []
    for goal in read_goals(note.text, note.day, extra):
        if note.role in REPORT_ROLES and goal.status:
            continue  # a report's status line on an existing goal, not a new goal
        gaps = goal.missing
        if not gaps:
            continue
        found.append(
            Finding(
                "GOAL_NOT_MEASURABLE",
                WARNING,
                f'Goal "{_clip(goal.text)}" is not measurable: it has no {_words(gaps)}. '
                "Payers look for a measure, a target and a date.",
                line=goal.line,
            )
        )
    return found


def _not_reassessed(note: NoteInEpisode) -> list[Finding]:
    evaluation = next((v for v in note.earlier if v.role == EVALUATION), None)
    if evaluation is None:
        return []
    taken = {_name(m) for m in note.measures if m.kind == "outcome"}
    missing = [m.series for m in evaluation.measures
               if m.kind == "outcome" and _name(m) not in taken]  # fmt: skip
    if not missing:
        return []
    return [
        Finding(
            "OUTCOME_NOT_REASSESSED",
            WARNING,
            f"{_list(missing)} {'was' if len(missing) == 1 else 'were'} taken at the evaluation "
            f"({evaluation.day.isoformat()}) but not repeated in this {note.role}: reassess "
            "to show the change since the evaluation.",
        )
    ]


def _no_progress(note: NoteInEpisode, instruments: dict[str, Instrument]) -> list[Finding]:
    start = next(
        (v for v in reversed(note.earlier) if v.role in (EVALUATION, REEVALUATION, *REPORT_ROLES)),
        None,
    )
    if start is None:
        return []
    before = {m.series: m for m in start.measures}
    compared: list[str] = []
    improved: list[str] = []
    for now in note.measures:
        then = before.get(now.series)
        if then is None:
            continue
        verdict = _improved(then, now, instruments)
        if verdict is None:
            continue
        compared.append(now.series)
        if verdict:
            improved.append(now.series)
    if not compared or improved:
        return []
    return [
        Finding(
            "NO_MEASURABLE_PROGRESS",
            WARNING,
            f"No measurable progress since {start.day.isoformat()} ({start.role}): "
            f"{_list(compared)} did not improve. State the skilled "
            "need and the plan change that justifies continuing.",
        )
    ]


def _improved(then: Measurement, now: Measurement, table: dict[str, Instrument]) -> bool | None:
    """Whether `now` is better than `then` in the measure's better direction (a muscle grade
    by its place on the scale); None when the two cannot be compared."""
    if then.kind == "mmt":
        a, b = grade_rank(then.text), grade_rank(now.text)
        return None if a is None or b is None else b > a
    if then.value is None or now.value is None:
        return None
    instrument = lookup(table, now.instrument) if now.instrument else None
    if instrument is not None:
        first = instrument.normalised(then.value, then.unit)
        last = instrument.normalised(now.value, now.unit)
        return change(instrument, first, last).improvement > 0
    if DEFICIT.search(now.series):
        return now.value < then.value
    return now.value > then.value


def _name(item: Measurement) -> str:
    return (item.instrument or item.series).casefold()


def _list(names: Sequence[str]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _words(gaps: Sequence[str]) -> str:
    plain = [gap.removeprefix("a ") for gap in gaps]
    return _list(plain)


def _clip(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
