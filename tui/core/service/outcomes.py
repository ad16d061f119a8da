"""Outcomes across episodes of care (issue 17): the measures of each note recorded when it is
checked (and backfilled for older notes), a patient's episodes found by name or MRN, the
clinicians' confirmations of ambiguous matches, and the clinic's outcomes over a period."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from tui.core.errors import ChartdeskError
from tui.core.intake.backfill import FOREGROUND_BATCH
from tui.core.intake.notes import Note, note_day
from tui.core.records.store import EpisodeNote
from tui.core.service.checking import CheckingService
from tui.core.skills.registry import Skill

if TYPE_CHECKING:
    from tui.core.checks.billing.audit import Finding
    from tui.core.outcomes.episodes import Episode, Visit
    from tui.core.outcomes.findings import NoteInEpisode
    from tui.core.outcomes.instruments import Instrument
    from tui.core.outcomes.matching import Ambiguity, Patient
    from tui.core.outcomes.measures import Measurement

# The episode builder and its tables are imported when first used, not with the service: the
# review app and `chartdesk watch` start without them (their start-up time is measured).

# Bump when the fact extractor reads notes differently: notes are measured again.
READER: Final = "facts-1"


@dataclass(frozen=True)
class Answered:
    """A recorded answer on two identities of a patient (by key, with how each is written
    when the notes read hold it), which the patient screen can undo."""

    a: str
    b: str
    a_shown: str
    b_shown: str
    same: bool
    author: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "a": {"id": self.a, "identity": self.a_shown},
            "b": {"id": self.b, "identity": self.b_shown},
            "same": self.same,
            "by": self.author,
            "at": self.at,
        }


@dataclass
class PatientEpisodes:
    """One patient's episodes, as `chartdesk episode` and the patient screen show them."""

    patient: Patient
    episodes: list[Episode]
    ambiguities: list[Ambiguity] = field(default_factory=list)
    answered: list[Answered] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "patient": self.patient.label,
            "identities": [
                {"id": ident.key, "identity": ident.describe()} for ident in self.patient.identities
            ],
            "episodes": [episode.to_json() for episode in self.episodes],
            "to_confirm": [amb.to_json() for amb in self.ambiguities],
            "answered": [answer.to_json() for answer in self.answered],
        }


class OutcomesService(CheckingService):
    """Measures, episodes and outcomes."""

    def instruments(self) -> dict[str, Instrument]:
        """The built-in instruments with the clinic's own (context.toml) on top."""
        from tui.core.outcomes.instruments import instrument_table

        return instrument_table(self.context.instruments)

    def check_document(self, skill: Skill, note: Note, previous: str, text: str) -> dict[str, Any]:
        """The checks of one text, with the episode findings of the note it was drafted from
        (goals, outcome measures repeated, progress) for evaluations and reports."""
        from tui.core.outcomes.episodes import DAILY, note_role

        checks = super().check_document(skill, note, previous, text)
        if note.kind == "text":
            self._record_measures(note)
        if note.kind == "text" and note_role(skill.id, skill.kind) != DAILY:
            found = [f.to_json() for f in self.episode_findings(note, skill.id)]
            if found:
                checks["findings"] = list(checks.get("findings", [])) + found
        return checks

    def episode_findings(self, note: Note, skill_id: str = "") -> list[Finding]:
        """GOAL_NOT_MEASURABLE, OUTCOME_NOT_REASSESSED and NO_MEASURABLE_PROGRESS for one
        note, read against its patient's episode in the store."""
        from tui.core.outcomes.findings import episode_findings

        skill_id = skill_id or note.skill
        kinds = {skill.id: skill.kind for skill in self.clinic.skills}
        instruments = self.instruments()
        return episode_findings(self.note_in_episode(note, skill_id, kinds), instruments,
                                tuple(instruments))  # fmt: skip

    def note_in_episode(self, note: Note, skill_id: str, kinds: dict[str, str]) -> NoteInEpisode:
        """The note with its role, its measures and the earlier visits of its episode."""
        from tui.core.outcomes.episodes import REPORT_ROLES, note_role
        from tui.core.outcomes.findings import NoteInEpisode
        from tui.core.outcomes.measures import note_measurements

        role = note_role(skill_id, kinds.get(skill_id, ""))
        day = note_day(note.date)
        measures = note_measurements(note.text or note.body, self.context.measures)
        earlier: list[Visit] = []
        if role in REPORT_ROLES and day is not None and (note.mrn or note.patient):
            episode = self._episode_of(note, day)
            note_id = self.store.note_by_sha(note.sha256)
            if episode is not None:
                earlier = [v for v in episode.visits if v.note_id != note_id and v.day <= day]
        return NoteInEpisode(note.text or note.body, note.body_offset if note.text else 0, day,
                             role, measures, earlier)  # fmt: skip

    def episode_timeline(self, skill: Skill, note: Note) -> str:
        """A progress report's, re-evaluation's or discharge's episode up to its own day, as
        text the model reads after the note and verification accepts values from."""
        from tui.core.outcomes.episodes import REPORT_ROLES, note_role

        day = note_day(note.date)
        if note_role(skill.id, skill.kind) not in REPORT_ROLES or day is None:
            return ""
        if note.kind != "text" or not (note.mrn or note.patient):
            return ""
        episode = self._episode_of(note, day)
        if episode is None:
            return ""
        from tui.core.outcomes.timeline import timeline_text

        return timeline_text(episode)

    def _episode_of(self, note: Note, day: date) -> Episode | None:
        """The episode a note belongs to (as it stood on the note's day): the one holding it
        in the store, else the patient's latest episode of its discipline begun by then."""
        try:
            found = self.patient_episodes(note.mrn or note.patient, today=day, until=day)
        except ChartdeskError:
            return None
        note_id = self.store.note_by_sha(note.sha256)
        episodes = [e for patient in found for e in patient.episodes]
        for episode in episodes:
            if any(visit.note_id == note_id for visit in episode.visits):
                return episode
        discipline = note.discipline.upper()
        fitting = [
            e
            for e in episodes
            if e.start <= day and (not discipline or e.discipline in ("", discipline))
        ]
        return fitting[-1] if fitting else None

    def _record_measures(self, note: Note) -> None:
        """Record a stored note's measures the first time it is checked (the timeline reads
        them from the store); a note the store does not hold (`chartdesk draft`) is left."""
        note_id = self.store.note_by_sha(note.sha256)
        if note_id is not None and not self.store.measured([note_id], READER):
            self.measure_note(note_id, note.text)

    def measure_note(self, note_id: int, text: str | None = None) -> int:
        """Record one note's measures (from `text` when the caller holds it); returns how
        many."""
        from tui.core.outcomes.measures import note_measurements

        text = self.store.note_text(note_id) if text is None else text
        found = note_measurements(text, self.context.measures)
        rows = [(m.series, m.kind, m.instrument, m.value, m.text, m.unit) for m in found]
        self.store.record_measures(note_id, rows, READER)
        return len(rows)

    def backfill_measures(self, limit: int | None = None, batch: int = FOREGROUND_BATCH) -> int:
        """Measure the notes recorded before measures were (or by an older reader), `limit`
        at most; returns how many. Each note is recorded measured as it is done, so a run
        stopped part way is resumed by the next."""
        done, after = 0, 0
        while limit is None or done < limit:
            size = batch if limit is None else min(batch, limit - done)
            measured, after = self.backfill_batch(after, size)
            if not measured:
                break
            done += measured
        return done

    def backfill_batch(self, after: int, size: int) -> tuple[int, int]:
        """Measure up to `size` unmeasured notes with ids above `after`: (how many, the last
        id done), the cursor for the next batch."""
        batch = self.store.unmeasured_notes(READER, size, after)
        for note_id in batch:
            self.measure_note(note_id)
        return len(batch), (batch[-1] if batch else after)

    def measures_backlog(self) -> int:
        """How many notes are still to be measured."""
        return self.store.unmeasured_count(READER)

    def patient_episodes(
        self, query: str, today: date | None = None, until: date | None = None
    ) -> list[PatientEpisodes]:
        """The patients a name or MRN finds, each with their episodes (from notes dated on or
        before `until`, when given); ambiguous matches are listed for confirmation, never
        merged. Raises when nothing is found."""
        from tui.core.outcomes.matching import name_key

        found = self._patients({name_key(query)}, {query.strip()}, today, until)
        if not found:
            raise ChartdeskError(f"no notes of a patient named or numbered {query!r}")
        return found

    def episodes_for_note(self, note_id: int) -> PatientEpisodes:
        """The episodes of the patient of one stored note (the patient screen of a draft)."""
        from tui.core.outcomes.matching import name_key

        identity = self.store.note_identity(note_id)
        if not (identity["mrn"] or identity["patient"]).strip():
            raise ChartdeskError("this note names no patient (set one with i)")
        found = self._patients({name_key(identity["patient"])}, {identity["mrn"]}, None, None)
        return next((p for p in found if note_id in p.patient.note_ids), found[0])

    def _patients(
        self, keys: set[str], mrns: set[str], today: date | None, until: date | None
    ) -> list[PatientEpisodes]:
        """The patients written under these names or MRNs, with their episodes: the notes of
        those names and numbers, then of any other name or number those notes carry."""
        from tui.core.outcomes.matching import name_key, plain_mrn

        keys, mrns = keys - {""}, mrns - {""}
        notes = self.store.candidate_notes(keys, mrns)
        more_keys, more_mrns = {name_key(n.patient) for n in notes}, {n.mrn for n in notes}
        if not more_keys <= keys or not more_mrns <= mrns | {""}:
            notes = self.store.candidate_notes(keys | more_keys, mrns | more_mrns)
        if until is not None:
            notes = [n for n in notes if n.day <= until.isoformat()]
        if not notes:
            return []
        patients, ambiguities = self._match(notes)
        numbers = {plain_mrn(m) for m in mrns}
        wanted = [
            p
            for p in patients
            if any(name_key(i.name) in keys or plain_mrn(i.mrn) in numbers for i in p.identities)
        ]
        shown = {ident.key: ident.describe() for p in patients for ident in p.identities}
        found = []
        for patient in wanted or patients:
            own = set(patient.note_ids)
            episodes = self._episodes([n for n in notes if n.note_id in own], today)
            pending = [a for a in ambiguities
                       if a.a in patient.identities or a.b in patient.identities]  # fmt: skip
            answers = self.store.identity_answers(i.key for i in patient.identities)
            answered = [
                Answered(x.a, x.b, shown.get(x.a, f"identity {x.a}"),
                         shown.get(x.b, f"identity {x.b}"), x.same, x.author, x.at)
                for x in answers
            ]  # fmt: skip
            found.append(PatientEpisodes(patient, episodes, pending, answered))
        return found

    def confirm_identities(self, a: str, b: str, same: bool, author: str) -> None:
        """Record whether two identities (by their ids) are one patient; the audit log gets
        a hash of the pair, never a name."""
        self.store.link_identities(a, b, same, author)
        self.audit_log.append(
            "identity_link", author, sha256=_pair_hash(a, b), method="same" if same else "different"
        )

    def forget_identities(self, a: str, b: str, author: str) -> None:
        """Undo a recorded answer on two identities: the pair is matched (or asked) afresh."""
        if not self.store.unlink_identities(a, b):
            raise ChartdeskError("no answer is recorded on these two identities")
        self.audit_log.append("identity_unlink", author, sha256=_pair_hash(a, b))

    def _match(self, notes: Sequence[EpisodeNote]) -> tuple[list[Patient], list[Ambiguity]]:
        from tui.core.outcomes.matching import NoteIdentity, match_patients

        seen = [NoteIdentity(n.note_id, n.patient, n.dob, n.mrn) for n in notes]
        keys = {item.identity.key for item in seen}
        return match_patients(seen, self.store.identity_links(keys))

    def _episodes(self, notes: Sequence[EpisodeNote], today: date | None) -> list[Episode]:
        from tui.core.outcomes.episodes import EpisodeInputs, build_episodes

        measures = self._measures([note.note_id for note in notes])
        inputs = EpisodeInputs(
            kinds={skill.id: skill.kind for skill in self.clinic.skills},
            instruments=self.instruments(),
            text_of=self.store.note_text,
            today=today,
        )
        episodes = build_episodes(notes, measures, inputs)
        signers = self.store.signers([episode.visits[0].note_id for episode in episodes])
        for episode in episodes:
            episode.signer = signers.get(episode.visits[0].note_id, "")
        return episodes

    def discharged_episodes(self, first: date, last: date) -> list[Episode]:
        """The episodes whose discharge note is dated from `first` to `last` (inclusive),
        each judged from its own first visit however long ago: their patients' notes are read
        from the patient's previous discharge of the same discipline before `first` (or from
        their first note), up to `last`, and measures only for the episodes reported."""
        from tui.core.outcomes.episodes import DISCHARGE, note_role

        kinds = {skill.id: skill.kind for skill in self.clinic.skills}
        skills = [sid for sid, kind in kinds.items() if note_role(sid, kind) == DISCHARGE]
        discharges = self.store.notes_between(first.isoformat(), last.isoformat(), skills)
        if not discharges:
            return []
        names, mrns = self._read_from(discharges, first, skills)
        notes = self.store.notes_from(names, mrns, last.isoformat())
        wanted = {n.note_id for n in discharges}
        found = self._discharged_in(notes, wanted, first, last, kinds)
        if any(not episode.evaluated for episode in found):
            # An episode without its evaluation in what was read may have begun before the
            # previous discharge (two episodes of one discipline at once, or notes under
            # another name): read its patients whole.
            whole = dict.fromkeys(names, ""), dict.fromkeys(mrns, "")
            notes = self.store.notes_from(*whole, last.isoformat())
            found = self._discharged_in(notes, wanted, first, last, kinds)
        return self._judge(found)

    def _read_from(
        self, discharges: Sequence[EpisodeNote], first: date, skills: Sequence[str]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """For each name key, and each MRN, of the discharges, the day to read its notes
        from: the earliest of its previous discharges, one per discipline discharged in the
        window ("" when a discipline has none before: from the first note). An MRN is read
        from its discharge's name's day."""
        keys = {n.name_key for n in discharges} - {""}
        before = self.store.discharges_before(first.isoformat(), keys, skills)
        names: dict[str, str] = {}
        mrns: dict[str, str] = {}
        for note in discharges:
            day = before.get((note.name_key, note.discipline.upper()), "")
            for found, key in ((names, note.name_key), (mrns, note.mrn)):
                if key:
                    found[key] = min(found.get(key, day), day)
        return names, mrns

    def _discharged_in(
        self,
        notes: Sequence[EpisodeNote],
        wanted: set[int],
        first: date,
        last: date,
        kinds: dict[str, str],
    ) -> list[Episode]:
        """The episodes of these notes that end with one of the `wanted` discharges."""
        from tui.core.outcomes.episodes import group_episodes

        found: list[Episode] = []
        for group in _linked(notes):
            patients, _pending = self._match(group)
            for patient in patients:
                own = set(patient.note_ids)
                for episode in group_episodes([n for n in group if n.note_id in own], kinds):
                    end = episode.visits[-1]
                    if end.note_id in wanted and episode.discharged and first <= end.day <= last:
                        found.append(episode)
        return found

    def _judge(self, found: list[Episode]) -> list[Episode]:
        """The episodes with their signers and the measures a report judges them on (outcome
        scores and pain: their other measures wait)."""
        from tui.core.outcomes.episodes import EpisodeInputs, fill_episode

        kinds = {skill.id: skill.kind for skill in self.clinic.skills}
        ids = [v.note_id for episode in found for v in episode.visits]
        measures = self._measures(ids, ("outcome", "pain"))
        signers = self.store.signers([episode.visits[0].note_id for episode in found])
        inputs = EpisodeInputs(kinds, self.instruments(), self.store.note_text)
        for episode in found:
            episode.signer = signers.get(episode.visits[0].note_id, "")
            fill_episode(episode, measures, inputs, goals=False)
        return found

    def _measures(
        self, note_ids: Sequence[int], kinds: Sequence[str] = ()
    ) -> dict[int, list[Measurement]]:
        """The recorded measures of these notes (of these `kinds` only, when given),
        measuring any not measured yet."""
        from tui.core.outcomes.measures import Measurement

        missing = set(note_ids) - self.store.measured(note_ids, READER)
        for note_id in sorted(missing):
            self.measure_note(note_id)
        stored = self.store.measures_of(note_ids, kinds)
        return {note_id: list(map(Measurement._make, rows)) for note_id, rows in stored.items()}


def _pair_hash(a: str, b: str) -> str:
    return hashlib.sha256("|".join(sorted((a, b))).encode()).hexdigest()


def _linked(notes: Sequence[EpisodeNote]) -> list[list[EpisodeNote]]:
    """The notes in groups that share a name or an MRN, each group possibly one patient
    (the matcher decides), in date order."""
    from tui.core.outcomes.matching import name_key, plain_mrn

    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def own(note: EpisodeNote) -> str:
        return f"n:{note.name_key or name_key(note.patient)}"

    for note in notes:
        if note.mrn:
            parent[root(f"m:{plain_mrn(note.mrn)}")] = root(own(note))
    groups: dict[str, list[EpisodeNote]] = {}
    for note in notes:
        groups.setdefault(root(own(note)), []).append(note)
    return list(groups.values())
