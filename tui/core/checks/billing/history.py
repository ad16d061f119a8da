"""A patient's episode from the store: the last progress report and the certification date.

The audit's episode rules (a progress report every 10 treatment days, recertification every 90
days) need more than one note shows. The store has every earlier note of the patient with its
date, visit number and Skill, so the last report and the plan-of-care date come from there,
merged with whatever the note's own header says (the later of the two wins, because a report
done on paper before the clinic used chartdesk is still a report).

Counting follows the billing rules: the evaluation is treatment day 1, so after an initial
evaluation at visit 1 the report is due by visit 10; after a progress report or re-evaluation
at visit N it is due by visit N + 10. Progress reports are per discipline (a PT report does not
cover OT), and a note whose MRN differs from this note's is another patient of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from tui.core.checks.billing.audit import PatientHistory
from tui.core.intake.notes import Note, NoteError, note_day, parse_note_text
from tui.core.records.store import PatientNote, Store

EVAL: Final = "eval"
REPORT: Final = "report"
_REPORT_SKILL: Final = re.compile(r"progress|discharge|re[_-]?eval|recert", re.IGNORECASE)
_RECERTIFIES: Final = re.compile(r"re[_-]?eval|recert", re.IGNORECASE)
_EVAL_SKILL: Final = re.compile(r"eval", re.IGNORECASE)


@dataclass(frozen=True)
class EpisodeVisit:
    """One earlier note of the patient, reduced to what the episode rules need."""

    day: date
    visit: int | None
    role: str  # EVAL (initial evaluation) | REPORT (progress, re-eval, discharge) | ""
    recertifies: bool
    certification: date | None


def patient_history(
    store: Store, note: Note, kinds: Mapping[str, str] | None = None, skill_id: str = ""
) -> PatientHistory:
    """What the store knows of this note's patient, merged with the note's own header.

    `kinds` maps Skill ids to their kind (``progress``, ``evaluation``), so a clinic's own
    report Skill counts; ids are matched by name when a Skill is unknown. `skill_id` is the
    Skill drafting this note: an evaluation or re-evaluation is itself the new plan of care.
    """
    kinds = kinds or {}
    skill_id = skill_id or note.skill
    own_role = skill_role(skill_id, kinds.get(skill_id, ""))
    recertifies = own_role == EVAL or bool(_RECERTIFIES.search(skill_id))
    if not note.patient:
        return history_from(note, [], recertifies=recertifies)
    day = note_day(note.date)
    rows = store.patient_notes(note.patient, day.isoformat() if day else "")
    visits = [visit for row in rows if (visit := episode_visit(row, note, kinds))]
    return history_from(note, visits, recertifies=recertifies)


def episode_visit(row: PatientNote, note: Note, kinds: Mapping[str, str]) -> EpisodeVisit | None:
    """The row as an episode visit, or None when it is this very note, another discipline,
    or another patient (a different MRN) who happens to share the name."""
    day = note_day(row.day)
    if day is None or row.sha256 == note.sha256:
        return None
    if _differs(note.discipline, row.discipline):
        return None
    header = _header(row)
    if header is not None and _differs(note.mrn, header.mrn):
        return None
    role = skill_role(row.skill, kinds.get(row.skill, ""))
    return EpisodeVisit(
        day=day,
        visit=row.visit,
        role=role,
        recertifies=role == EVAL or bool(_RECERTIFIES.search(row.skill)),
        certification=note_day(header.certification_date) if header else None,
    )


def skill_role(skill_id: str, kind: str = "") -> str:
    """REPORT for progress reports, re-evaluations and discharges, EVAL for an initial
    evaluation, "" for anything else (daily notes, letters, handouts)."""
    if kind == "progress" or _REPORT_SKILL.search(skill_id):
        return REPORT
    if kind == "evaluation" or _EVAL_SKILL.search(skill_id):
        return EVAL
    return ""


def history_from(
    note: Note, visits: Iterable[EpisodeVisit], *, recertifies: bool = False
) -> PatientHistory:
    """The history the audit uses, from the patient's earlier visits and the note itself
    (`recertifies`: the note is an evaluation, so its own day is the plan-of-care date)."""
    visits = list(visits)
    reports = [visit for visit in visits if visit.role]
    last = max(reports, key=lambda v: (v.day, v.visit or 0), default=None)
    last_visit = _report_visit(last)
    if note.last_progress_report is not None and (
        last_visit is None or note.last_progress_report > last_visit
    ):
        last_visit = note.last_progress_report
    since = None
    if last is not None and (note.visit is None or last_visit is None):
        since = _days_since(last, visits, note_day(note.date))
    return PatientHistory(
        last_progress_report_visit=last_visit,
        visits_since_progress_report=since,
        certification_date=_certification(note, visits, recertifies=recertifies),
    )


def _report_visit(last: EpisodeVisit | None) -> int | None:
    """The visit the reporting period restarts after: an initial evaluation is day 1 of the
    first period, so it counts as a report at the visit before it."""
    if last is None or last.visit is None:
        return None
    return last.visit - 1 if last.role == EVAL else last.visit


def _days_since(last: EpisodeVisit, visits: list[EpisodeVisit], today: date | None) -> int | None:
    """Treatment days since the last report, by distinct dates, when visit numbers cannot say
    (this note or the report has none); the evaluation day itself counts as day 1."""
    if today is None:
        return None

    def counts(day: date) -> bool:
        return (day >= last.day if last.role == EVAL else day > last.day) and day <= today

    days = {visit.day for visit in visits if counts(visit.day)}
    if counts(today):
        days.add(today)
    return len(days)


def _certification(note: Note, visits: list[EpisodeVisit], *, recertifies: bool) -> date | None:
    """The latest plan-of-care date known: a header's certification date, or the day of an
    evaluation or re-evaluation (where the plan of care is written), never after this note."""
    today = note_day(note.date)
    found = [note_day(note.certification_date), today if recertifies else None]
    found += [visit.certification for visit in visits]
    found += [visit.day for visit in visits if visit.recertifies]
    known = [day for day in found if day is not None and (today is None or day <= today)]
    return max(known, default=None)


def _header(row: PatientNote) -> Note | None:
    """The stored note's header fields (a text note), or None for a scan."""
    if not row.head:
        return None
    try:
        return parse_note_text(Path(row.path), row.head, row.sha256)
    except NoteError:
        return None


def _differs(ours: str, theirs: str) -> bool:
    """True only when both are known and differ (an unknown value never excludes a note)."""
    a, b = _plain(ours), _plain(theirs)
    return bool(a and b and a != b)


def _plain(value: str) -> str:
    return re.sub(r"[\s-]+", "", value or "").casefold()
