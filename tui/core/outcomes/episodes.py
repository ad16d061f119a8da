"""A patient's episodes of care, from the initial evaluation to discharge, with every measure
by visit, its change since the evaluation and whether that change is clinically important.

Which document a note is comes from its Skill (kind "evaluation" or "progress", a re-evaluation
or discharge by id). An initial evaluation opens an episode; a new evaluation while another
episode is open starts another one when its diagnosis differs (same discipline and diagnosis:
the episode goes on, the evaluation read as a re-evaluation); a discharge closes it. Notes of
other disciplines belong to their own episodes. Notes before any evaluation form an episode
of their own, whose baseline is its first measured visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any, Final

from tui.core.intake.notes import note_day
from tui.core.outcomes.goals import Goal, reached, read_goals
from tui.core.outcomes.instruments import Instrument, lookup
from tui.core.outcomes.mcid import Change, change, in_unit
from tui.core.outcomes.measures import Measurement, grade_rank
from tui.core.records.store import EpisodeNote

EVALUATION: Final = "evaluation"
REEVALUATION: Final = "re-evaluation"
PROGRESS: Final = "progress report"
DISCHARGE: Final = "discharge"
DAILY: Final = "daily note"
REPORT_ROLES: Final = (PROGRESS, REEVALUATION, DISCHARGE)
_RE_EVAL: Final = re.compile(r"re[_-]?eval|recert", re.IGNORECASE)
_DISCHARGE: Final = re.compile(r"discharge|\bd/?c\b", re.IGNORECASE)
_PROGRESS: Final = re.compile(r"progress", re.IGNORECASE)
_EVAL: Final = re.compile(r"eval", re.IGNORECASE)
_WORDS: Final = re.compile(r"[a-z]+")
# A range of motion written as what is missing ("knee extension (deficit)", "lacking",
# "extensor lag"): smaller is better.
DEFICIT: Final = re.compile(r"\b(?:deficit|lacking|lacks|lag)\b", re.IGNORECASE)
_ICD: Final = re.compile(r"\b([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)\b")
_GOAL_UNIT: Final = re.compile(r"(%|/\d+|\blbs?\b|#|\bkg\b|\bft\b|\bfeet\b|\bm\b)", re.IGNORECASE)


def note_role(skill_id: str, kind: str = "") -> str:
    """What document a note is, from its Skill's kind and id."""
    if _DISCHARGE.search(skill_id):
        return DISCHARGE
    if _RE_EVAL.search(skill_id):
        return REEVALUATION
    if kind == "progress" or _PROGRESS.search(skill_id):
        return PROGRESS
    if kind == "evaluation" or _EVAL.search(skill_id):
        return EVALUATION
    return DAILY


@dataclass(frozen=True)
class Visit:
    """One note of the episode: its day, visit number, role and measures."""

    note_id: int
    day: date
    visit: int | None
    role: str
    skill: str
    clinician: str
    measures: tuple[Measurement, ...]


@dataclass(frozen=True)
class Point:
    """One measured value of a series."""

    day: date
    visit: int | None
    value: float | None  # in the series' unit ("NDI 13/50" in a series kept in % is 26)
    text: str  # as written
    unit: str = ""  # as written ("%", "/50")
    converted: str = ""  # the value in the series' unit when written in another ("26%")

    @property
    def written(self) -> str:
        shown = with_unit(self.text, self.unit)
        return f"{shown} ({self.converted})" if self.converted else shown


@dataclass(frozen=True)
class Series:
    """One measure across the episode (a timeline row)."""

    name: str
    kind: str
    unit: str
    instrument: Instrument | None
    points: tuple[Point, ...]
    scale: float = 1.0  # what one unit of the series is on the instrument's scale

    @property
    def numbers(self) -> list[float]:
        return [p.value for p in self.points if p.value is not None]

    def change(self) -> Change | None:
        """From the first value to the latest; None with fewer than two numbers."""
        numbers = self.numbers
        if len(numbers) < 2:
            return None
        lower = self.instrument is None and bool(DEFICIT.search(self.name))
        return change(
            self.instrument, numbers[0], numbers[-1], lower_better=lower, scale=self.scale
        )

    def threshold(self) -> tuple[float, str] | None:
        """The MCID (or MDC) from the first value, in the series' unit; None without an
        instrument or a value."""
        numbers = self.numbers
        if self.instrument is None or not numbers:
            return None
        return in_unit(self.instrument.threshold(numbers[0] * self.scale), self.scale)

    def grade_change(self) -> int | None:
        """For muscle grades: steps up (positive) or down the grade scale since the first."""
        ranks = [grade_rank(p.text) for p in self.points]
        known = [rank for rank in ranks if rank is not None]
        return known[-1] - known[0] if len(known) >= 2 else None

    def to_json(self) -> dict[str, Any]:
        found = self.change()
        data: dict[str, Any] = {
            "measure": self.name,
            "kind": self.kind,
            "unit": self.unit,
            "instrument": self.instrument.name if self.instrument else None,
            "values": [
                {"date": p.day.isoformat(), "visit": p.visit, "value": p.value, "text": p.written}
                for p in self.points
            ],
            "change": found.to_json() if found else None,
        }
        if self.kind == "mmt":
            data["grade_steps"] = self.grade_change()
        if self.instrument is not None and self.instrument.source:
            data["source"] = self.instrument.source
        return data


@dataclass(frozen=True)
class GoalStatus:
    """A goal of the plan of care judged at its due date: met by then, met late, not met,
    open (not due yet), or as a report states it when no value decides it."""

    goal: Goal
    status: str  # met | met late | not met | open | not reassessed | stated status | unknown
    latest: str  # the latest value of its measure, as written ("" when not measured)
    judged_on: date | None = None  # the day of the value the status rests on
    judged_value: str = ""  # that value, as written

    def to_json(self) -> dict[str, Any]:
        return self.goal.to_json() | {
            "status": self.status,
            "latest": self.latest,
            "judged_on": self.judged_on.isoformat() if self.judged_on else None,
            "judged_value": self.judged_value or None,
        }


@dataclass
class Episode:
    """One episode of care of one patient."""

    number: int
    discipline: str
    diagnosis: str
    visits: list[Visit] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    goals: list[GoalStatus] = field(default_factory=list)
    primary: str = ""
    signer: str = ""  # who signed its first note, when the store knows

    @property
    def start(self) -> date:
        return self.visits[0].day

    @property
    def end(self) -> date:
        return self.visits[-1].day

    @property
    def discharged(self) -> bool:
        return self.visits[-1].role == DISCHARGE

    @property
    def evaluated(self) -> bool:
        return self.visits[0].role == EVALUATION

    @property
    def clinician(self) -> str:
        """Who signed the first note, else the first clinician a note's header names."""
        return self.signer or next((v.clinician for v in self.visits if v.clinician), "")

    @property
    def region(self) -> str:
        primary = self.primary_series()
        if primary is not None and primary.instrument is not None and primary.instrument.region:
            return primary.instrument.region
        return ""

    def primary_series(self) -> Series | None:
        return next((s for s in self.series if s.name == self.primary), None)

    def visit_count(self) -> int:
        """Visits of the episode: by the notes' visit numbers where they give them (notes
        of visits not charted here still count), else one per day with a note."""
        numbers = [v.visit for v in self.visits if v.visit]
        days = len({v.day for v in self.visits})
        return max(max(numbers) - min(numbers) + 1, days) if numbers else days

    @property
    def diagnosis_code(self) -> str:
        """The ICD-10 code(s) of the diagnosis when written, else its words: the outcomes
        report groups "Knee OA, M17.11" and "M17.11 R knee OA" together."""
        codes = sorted(set(_ICD.findall(self.diagnosis.upper())))
        return ", ".join(codes) if codes else " ".join(self.diagnosis.split())

    def to_json(self) -> dict[str, Any]:
        primary = self.primary_series()
        found = primary.change() if primary else None
        return {
            "episode": self.number,
            "discipline": self.discipline,
            "diagnosis": self.diagnosis,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "status": "discharged" if self.discharged else "open",
            "evaluated": self.evaluated,
            "clinician": self.clinician,
            "region": self.region,
            "visits": [
                {"date": v.day.isoformat(), "visit": v.visit, "document": v.role, "skill": v.skill}
                for v in self.visits
            ],
            "primary_measure": self.primary or None,
            "primary_mcid_met": found.met if found else None,
            "measures": [s.to_json() for s in self.series],
            "goals": [g.to_json() for g in self.goals],
        }


@dataclass(frozen=True)
class EpisodeInputs:
    """What building episodes needs besides the notes: Skill kinds, the instruments table,
    and a way to read a note's whole text (for goals)."""

    kinds: Mapping[str, str]
    instruments: Mapping[str, Instrument]
    text_of: Callable[[int], str]
    today: date | None = None


def build_episodes(
    notes: Sequence[EpisodeNote],
    measures: Mapping[int, Sequence[Measurement]],
    inputs: EpisodeInputs,
) -> list[Episode]:
    """The episodes of one patient's notes (oldest first), with their measures and goals."""
    episodes = group_episodes(notes, inputs.kinds)
    for episode in episodes:
        fill_episode(episode, measures, inputs)
    return episodes


def group_episodes(notes: Sequence[EpisodeNote], kinds: Mapping[str, str]) -> list[Episode]:
    """The episodes of one patient's notes (oldest first), as visits without measures yet:
    the outcomes report reads measures only for the episodes it reports."""
    episodes: list[Episode] = []
    open_by_discipline: dict[str, list[Episode]] = {}
    for note in notes:
        day = _day(note.day)
        if day is None:
            continue
        discipline = note.discipline.upper()
        diagnosis = note.diagnosis
        role = note_role(note.skill, kinds.get(note.skill, ""))
        clinician = note.clinician
        current = open_by_discipline.setdefault(discipline, [])
        episode = _episode_for(current, role, diagnosis)
        if episode is None:
            episode = Episode(len(episodes) + 1, discipline, diagnosis)
            episodes.append(episode)
            current.append(episode)
            role = EVALUATION if role == REEVALUATION else role
        elif role == EVALUATION:
            role = REEVALUATION
        if not episode.diagnosis and diagnosis:
            episode.diagnosis = diagnosis
        episode.visits.append(Visit(note.note_id, day, note.visit, role, note.skill, clinician, ()))
        if role == DISCHARGE:
            current.remove(episode)
    return episodes


def fill_episode(
    episode: Episode,
    measures: Mapping[int, Sequence[Measurement]],
    inputs: EpisodeInputs,
    *,
    goals: bool = True,
) -> None:
    """Give the episode's visits their measures, then its series, primary measure and (with
    `goals`) the goals of its plan of care."""
    episode.visits = [
        Visit(v.note_id, v.day, v.visit, v.role, v.skill, v.clinician,
              tuple(measures.get(v.note_id, ())))
        for v in episode.visits
    ]  # fmt: skip
    _fill(episode, inputs, goals=goals)


def _episode_for(current: list[Episode], role: str, diagnosis: str) -> Episode | None:
    """The open episode a note belongs to; None when it starts a new one."""
    if not current:
        return None
    matching = [e for e in current if _same_diagnosis(e.diagnosis, diagnosis)]
    if role == EVALUATION:
        return matching[-1] if matching else None
    return matching[-1] if matching else current[-1]


@lru_cache(maxsize=4096)
def _same_diagnosis(a: str, b: str) -> bool:
    """Unknown on either side matches; ICD-10 codes decide when both have one (a clinic
    writes few diagnoses, each on many notes: the answers are kept)."""
    if not a or not b:
        return True
    codes_a, codes_b = set(_ICD.findall(a.upper())), set(_ICD.findall(b.upper()))
    if codes_a and codes_b:
        return bool(codes_a & codes_b)
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@lru_cache(maxsize=4096)
def _day(text: str) -> date | None:
    """A stored note's day (ISO; many notes share one)."""
    return note_day(text)


def _fill(episode: Episode, inputs: EpisodeInputs, *, goals: bool = True) -> None:
    """The episode's series, primary measure and goals, from its visits."""
    rows: dict[str, list[Point]] = {}
    meta: dict[str, tuple[Measurement, Instrument | None, float]] = {}
    for visit in episode.visits:
        for written in visit.measures:
            item = _timed_apart(written, inputs)
            if item.series not in meta:
                found = lookup(inputs.instruments, item.instrument) if item.instrument else None
                meta[item.series] = (item, found, found.factor(item.unit) if found else 1.0)
            first, instrument, scale = meta[item.series]
            point = Point(visit.day, visit.visit, item.value, item.text, item.unit)
            if item.value is not None and instrument is not None:
                factor = instrument.factor(item.unit)
                if factor != scale:
                    value = round(item.value * factor / scale, 2)
                    shown = with_unit(f"{value:g}", _series_unit(first, instrument, scale))
                    point = Point(visit.day, visit.visit, value, item.text, item.unit, shown)
            rows.setdefault(item.series, []).append(point)
    episode.series = []
    for name, points in rows.items():
        item, instrument, scale = meta[name]
        unit = _series_unit(item, instrument, scale)
        episode.series.append(Series(name, item.kind, unit, instrument, tuple(points), scale))
    episode.primary = _primary(episode)
    episode.goals = _goals(episode, inputs) if goals else []


def _timed_apart(item: Measurement, inputs: EpisodeInputs) -> Measurement:
    """A test scored in another unit written as the seconds it took ("10MWT 9.8 s" where the
    table keeps 10MWT in m/s): a series of its own, in seconds and with no instrument, since
    no factor turns a time into a speed and the table's thresholds are in the other unit."""
    if item.unit != "s" or not item.instrument:
        return item
    found = lookup(inputs.instruments, item.instrument)
    if found is None or found.unit in ("", "s") or found.factor("s") != 1.0:
        return item
    return item._replace(series=f"{item.series} (s)", instrument="")


def _series_unit(first: Measurement, instrument: Instrument | None, scale: float) -> str:
    """A series' unit: as its first note writes it when that is not the instrument's own
    ("NDI 44%", a grip in lb), else the instrument's."""
    if instrument is not None and instrument.unit and scale == 1.0:
        return instrument.unit
    return first.unit


def _primary(episode: Episode) -> str:
    """The measure the episode is judged on: the first standardised outcome instrument
    (not a patient-specific one such as PSFS or COPM, whose items differ from patient to
    patient) with a known MCID measured at the first visit, else the first such instrument
    of any kind, else the first outcome measured there, else pain."""
    first = {m.series for m in episode.visits[0].measures}
    outcomes = [s for s in episode.series if s.kind == "outcome" and s.name in first]
    with_mcid = [s for s in outcomes if s.instrument is not None and s.instrument.mcid is not None]
    for series in with_mcid:
        if series.instrument is not None and not series.instrument.patient_specific:
            return series.name
    for series in with_mcid:
        return series.name
    if outcomes:
        return outcomes[0].name
    pain = next((s for s in episode.series if s.kind == "pain" and s.name in first), None)
    return pain.name if pain else ""


def _goals(episode: Episode, inputs: EpisodeInputs) -> list[GoalStatus]:
    """The goals of the latest plan of care (evaluation or re-evaluation), each judged at its
    due date on the values of its measure, else as the latest report states it."""
    plans = [v for v in episode.visits if v.role in (EVALUATION, REEVALUATION)]
    if not plans:
        return []
    plan = plans[-1]
    extra = tuple(inputs.instruments)
    goals = read_goals(inputs.text_of(plan.note_id), plan.day, extra)
    stated: list[Goal] = []
    for visit in episode.visits:
        if visit.day > plan.day and visit.role in REPORT_ROLES:
            stated += read_goals(inputs.text_of(visit.note_id), visit.day, extra)
    today = inputs.today or episode.end
    return [_status(goal, episode, stated, today, plan.day) for goal in goals]


def _status(
    goal: Goal, episode: Episode, stated: Sequence[Goal], today: date, planned: date
) -> GoalStatus:
    """Judged at the goal's due date on the values measured after the plan was written; else
    as a report states it; else "not reassessed" (measured only when the goal was set) or
    "unknown"."""
    series = _series_of(goal, episode)
    latest_point = series.points[-1] if series and series.points else None
    latest = latest_point.written if latest_point else ""
    said = next((g.status for g in reversed(stated) if g.status and _same_goal(g, goal)), "")
    after = [p for p in series.points if p.day > planned] if series else []
    if latest_point is not None and not after:
        return GoalStatus(goal, said or "not reassessed", latest)
    measured = [p for p in after if p.value is not None]
    if series is not None and measured:
        values = [_in_goal_unit(goal, series, p.value or 0.0) for p in measured]
        if reached(goal, values[-1]) is not None:
            closed = episode.discharged and episode.end <= today
            return _judged(goal, measured, values, (today, closed), latest)
    return GoalStatus(goal, said or "unknown", latest)


def _judged(
    goal: Goal,
    points: Sequence[Point],
    values: Sequence[float],
    when: tuple[date, bool],
    latest: str,
) -> GoalStatus:
    """A goal with a numeric target and values after its plan (`values`: the points' values
    in the goal's unit): met when the value standing at the due date reaches it, met late
    when only a later value does, not met once the date (or the episode: `when` is the day
    judged and whether the episode is closed by then) has passed without, open until then.
    Without a due date the latest value stands."""
    today, closed = when
    due = goal.due
    by_due = sum(1 for p in points if due is None or p.day <= due)
    if by_due and reached(goal, values[by_due - 1]):
        point = points[by_due - 1]
        return GoalStatus(goal, "met", latest, point.day, point.written)
    late = next((i for i in range(by_due, len(points)) if reached(goal, values[i])), None)
    if late is not None:
        return GoalStatus(goal, "met late", latest, points[late].day, points[late].written)
    final = points[-1]
    if closed or (due is not None and today > due):
        return GoalStatus(goal, "not met", latest, final.day, final.written)
    return GoalStatus(goal, "open", latest, final.day, final.written)


def with_unit(text: str, unit: str) -> str:
    """A value as written with its unit: "62/80", "10.1 s", "118°"."""
    attached = unit in ("", "%", "°") or unit.startswith("/")
    return f"{text}{unit}" if attached else f"{text} {unit}"


def _in_goal_unit(goal: Goal, series: Series, value: float) -> float:
    """A series' value in the unit its goal's target is written in ("NDI ≤ 30%" against a
    series kept out of 50, "grip ≥ 25 kg" against one in lb)."""
    found = _GOAL_UNIT.search(goal.target)
    if series.instrument is None or found is None:
        return value
    factor = series.instrument.factor(found.group(1))
    return value if factor == series.scale else round(value * series.scale / factor, 2)


@cache
def _measure_names() -> dict[str, str]:
    """Every way notes write an outcome measure ("gait speed", "30 second chair stand"),
    by the name its series carries ("10MWT", "30s chair stand")."""
    from tui.core.checks.tables import measure_defs

    return {alias.casefold(): m.name for m in measure_defs() for alias in (*m.aliases, m.name)}


def _series_of(goal: Goal, episode: Episode) -> Series | None:
    """The series a goal measures: by instrument or any of its names, or the series whose
    name holds the goal's measure word and shares most words with the goal ("R knee flexion
    ≥ 110°" is the "R knee flexion AROM" row)."""
    if not goal.measure:
        return None
    wanted = goal.measure.casefold()
    canonical = " ".join(wanted.replace("-", " ").split())
    wanted = _measure_names().get(canonical, wanted).casefold()
    for series in episode.series:
        names = {series.name.casefold()}
        if series.instrument is not None:
            names.add(series.instrument.name.casefold())
        if wanted in names or (series.kind == "pain" and wanted in ("pain", "nprs")):
            return series
    goal_words = set(_WORDS.findall(goal.text.casefold()))
    best: tuple[int, Series] | None = None
    for series in episode.series:
        words = set(_WORDS.findall(series.name.casefold()))
        if wanted not in words:
            continue
        score = len(words & goal_words)
        if best is None or score > best[0]:
            best = (score, series)
    return best[1] if best else None


def _same_goal(a: Goal, b: Goal) -> bool:
    if a.measure and b.measure:
        return a.measure.casefold() == b.measure.casefold()
    words_a = set(re.findall(r"[a-z]{4,}", a.text.casefold()))
    words_b = set(re.findall(r"[a-z]{4,}", b.text.casefold()))
    return len(words_a & words_b) >= 2
