"""Episode findings: the gaps in a plan of care and a progress report that lead to medical-
necessity denials, which one note alone cannot show.

- GOAL_NOT_MEASURABLE: a goal of an evaluation, re-evaluation or new goal of a report without
  a measure, a target or a date.
- OUTCOME_NOT_REASSESSED: an outcome measure taken at the evaluation that a progress report,
  re-evaluation or discharge does not repeat.
- NO_MEASURABLE_PROGRESS: at a report, none of the measures repeated from the start of the
  reporting period (the evaluation or the last report) changed for the better by more than
  measurement error: the instrument's MDC where published, else its MCID (a smaller change
  cannot be told from a retest's noise); 5° for a range of motion and two plus/minus steps
  for a muscle grade (instruments.toml [noise]). A measure already at the best end of its
  scale is not judged. The finding names the measures that stalled, with their change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from tui.core.checks.billing.audit import WARNING, Finding
from tui.core.outcomes.episodes import (
    DEFICIT,
    EVALUATION,
    REEVALUATION,
    REPORT_ROLES,
    Visit,
    with_unit,
)
from tui.core.outcomes.goals import read_goals
from tui.core.outcomes.instruments import HIGHER_BETTER, Instrument, lookup, noise
from tui.core.outcomes.measures import Measurement, grade_rank

_TOLERANCE: Final = 1e-9
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
    before = _period_baselines(note.earlier, start)
    stalled: list[str] = []
    progressed = False
    for now in note.measures:
        then = before.get(now.series)
        judged = None if then is None else _progress(then, now, instruments)
        if judged is None:
            continue
        beyond, detail = judged
        progressed = progressed or beyond
        if not beyond:
            stalled.append(detail)
    if progressed or not stalled:
        return []
    return [
        Finding(
            "NO_MEASURABLE_PROGRESS",
            WARNING,
            f"No measurable progress since {start.day.isoformat()} ({start.role}): no measure "
            "changed beyond measurement error (its MDC, else its MCID). Stalled: "
            f"{'; '.join(stalled)}. State the skilled need and the plan change that justifies "
            "continuing.",
        )
    ]


def _period_baselines(earlier: Sequence[Visit], start: Visit) -> dict[str, Measurement]:
    """Each measure's value at the start of the reporting period: taken at its first visit
    (the evaluation or last report), else the latest before it, else the first after it."""
    index = earlier.index(start)
    order = [*reversed(earlier[: index + 1]), *earlier[index + 1 :]]
    found: dict[str, Measurement] = {}
    for visit in order:
        for item in visit.measures:
            found.setdefault(item.series, item)
    return found


def _progress(
    then: Measurement, now: Measurement, table: dict[str, Instrument]
) -> tuple[bool, str] | None:
    """Whether `now` is better than `then` by more than measurement error, with the change
    in words; None when the two cannot be judged (no threshold known, or the first value was
    already the best the scale records)."""
    shown = f"{now.series} {_written(then)} to {_written(now)}"
    if then.kind == "mmt":
        a, b = grade_rank(then.text), grade_rank(now.text)
        steps = noise("mmt")
        if a is None or b is None or steps is None or a == grade_rank("5"):
            return None
        return b - a >= steps, f"{shown} (under {steps:g} grade steps)"
    if then.value is None or now.value is None:
        return None
    instrument = lookup(table, now.instrument) if now.instrument else None
    if instrument is not None:
        return _instrument_progress(instrument, then, now, shown)
    degrees = noise("rom")
    if then.kind != "rom" or degrees is None:
        return None
    delta = now.value - then.value
    better = -delta if DEFICIT.search(now.series) else delta
    return better + _TOLERANCE >= degrees, f"{shown} (under {degrees:g}°)"


def _instrument_progress(
    instrument: Instrument, then: Measurement, now: Measurement, shown: str
) -> tuple[bool, str] | None:
    assert then.value is not None and now.value is not None
    first = instrument.normalised(then.value, then.unit)
    last = instrument.normalised(now.value, now.unit)
    best = instrument.high if instrument.direction == HIGHER_BETTER else instrument.low
    found = instrument.real_change(first)
    if found is None or first == best:
        return None
    threshold, basis = found
    beyond = instrument.better(last - first) + _TOLERANCE >= threshold
    scale = instrument.factor(then.unit)
    unit = _unit_of(instrument, then)
    if instrument.factor(now.unit) != scale:  # "ODI 42% to 19/50 (38%)"
        shown += f" ({with_unit(f'{round(last / scale, 2):g}', unit)})"
    in_unit = threshold if scale == 1.0 else round(threshold / scale, 2)
    return beyond, f"{shown} ({basis} {with_unit(f'{in_unit:g}', unit)})"


def _unit_of(instrument: Instrument, item: Measurement) -> str:
    """The unit a threshold is stated in beside a value written in `item`'s unit."""
    return instrument.unit if instrument.factor(item.unit) == 1.0 else item.unit


def _written(item: Measurement) -> str:
    return with_unit(item.text, item.unit)


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
