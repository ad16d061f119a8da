"""The measures of each note (filled when a note is checked, and by a backfill for notes
recorded before), a patient's notes found by name or MRN, and the clinicians' answers on
whether two ways of writing a patient are one person (issue 17)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import TypeVar

from tui.core.records.store.base import Database
from tui.core.records.store.rows import now

_T = TypeVar("_T")
# (series, kind, instrument, value, text, unit): one measure of one visit.
MeasureRow = tuple[str, str, str, float | None, str, str]

_NOTE_COLUMNS = (
    "n.id, n.path, n.patient, n.mrn, n.dob, n.day, n.visit, n.skill, n.discipline,"
    " n.diagnosis, n.clinician, n.name_key"
)
# The latest readable version of each note file (a corrected note replaces the one before).
_LATEST = (
    "n.status = 'ok' AND n.day != '' AND n.version = (SELECT MAX(m.version) FROM notes m"
    " WHERE m.path = n.path AND m.status = 'ok')"
)

# Readable text notes (after an id) that `reader` has not measured and no draft of which is
# waiting to be drafted: parameters (after, reader).
_UNMEASURED = (
    "n.id > ? AND n.status = 'ok' AND c.media_type LIKE 'text/%' AND NOT EXISTS"
    " (SELECT 1 FROM measured_notes m WHERE m.note_id = n.id AND m.reader = ?) AND NOT EXISTS"
    " (SELECT 1 FROM drafts d WHERE d.note_id = n.id AND d.status IN ('queued', 'drafting'))"
)


@dataclass(frozen=True)
class EpisodeNote:
    """One note of a patient as the episode builder reads it (never its text)."""

    note_id: int
    path: str
    patient: str
    mrn: str
    dob: str
    day: str
    visit: int | None
    skill: str
    discipline: str
    diagnosis: str
    clinician: str  # as its header names the clinician
    name_key: str = ""  # first and last name, as the store indexes it


@dataclass(frozen=True)
class IdentityAnswer:
    """A clinician's recorded answer on whether two identities (by key) are one patient."""

    a: str
    b: str
    same: bool
    author: str
    at: str


class MeasureStore(Database):
    """Measures by note, a patient's candidate notes, identity decisions."""

    def record_measures(self, note_id: int, rows: Sequence[MeasureRow], reader: str) -> None:
        """Replace the note's measures with `rows` (in order) and mark it measured."""
        with self.write() as conn:
            conn.execute("DELETE FROM measures WHERE note_id = ?", (note_id,))
            conn.executemany(
                "INSERT INTO measures (note_id, n, series, kind, instrument, value, text, unit)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(note_id, n, *row) for n, row in enumerate(rows)],
            )
            conn.execute(
                "INSERT OR REPLACE INTO measured_notes (note_id, reader, at) VALUES (?,?,?)",
                (note_id, reader, now()),
            )

    def unmeasured_notes(self, reader: str, limit: int = 500, after: int = 0) -> list[int]:
        """Readable text notes after id `after` not yet measured by this `reader`, oldest
        first (the backfill's work). A note whose draft is still queued or drafting is left:
        checking its draft measures it."""
        rows = self.db.execute(
            f"SELECT n.id FROM notes n JOIN note_content c ON c.note_id = n.id WHERE {_UNMEASURED}"
            " ORDER BY n.id LIMIT ?",
            (after, reader, limit),
        ).fetchall()
        return [int(row[0]) for row in rows]

    def unmeasured_count(self, reader: str) -> int:
        """How many notes the backfill has left."""
        row = self.db.execute(
            f"SELECT COUNT(*) FROM notes n JOIN note_content c ON c.note_id = n.id"
            f" WHERE {_UNMEASURED}",
            (0, reader),
        ).fetchone()
        return int(row[0])

    def note_text(self, note_id: int) -> str:
        """A text note's whole text ("" for a scan)."""
        row = self.db.execute(
            "SELECT media_type, data FROM note_content WHERE note_id = ?", (note_id,)
        ).fetchone()
        if row is None or not str(row[0]).startswith("text/"):
            return ""
        return bytes(row[1]).decode("utf-8", "replace")

    def candidate_notes(
        self, name_keys: Iterable[str], mrns: Iterable[str], first_day: str = "", last_day: str = ""
    ) -> list[EpisodeNote]:
        """Every readable note written under one of these names (first and last, any order)
        or MRNs, oldest first, dated between two ISO days when given: the notes that may be
        one patient's (or, for many names, several patients')."""
        keys, numbers = sorted(set(name_keys) - {""}), sorted(set(mrns) - {""})
        found: dict[int, EpisodeNote] = {}
        span = (first_day or "0000", last_day or "9999")
        # `!= ''` lets SQLite use the partial index on MRNs.
        for column, values in (("name_key", keys), ("mrn", numbers)):
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                rows = self.db.execute(
                    f"SELECT {_NOTE_COLUMNS} FROM notes n"
                    f" WHERE n.{column} IN ({','.join('?' * len(chunk))}) AND n.{column} != ''"
                    f" AND n.day BETWEEN ? AND ? AND {_LATEST}",
                    (*chunk, *span),
                )
                for row in rows:
                    note = _episode_note(row)
                    found[note.note_id] = note
        return sorted(found.values(), key=lambda n: (n.day, n.visit or 0, n.note_id))

    def discharges_before(
        self, before: str, name_keys: Set[str], skills: Sequence[str]
    ) -> dict[tuple[str, str], str]:
        """The day of the latest note before an ISO day drafted with one of `skills` (the
        discharges), by (name key, discipline): where the episodes after it begin at the
        earliest. Read from the index on name key, Skill and day (a few notes per patient)."""
        found: dict[tuple[str, str], str] = {}
        keys = sorted(name_keys - {""})
        if not skills:
            return found
        skill_marks = ",".join("?" * len(skills))
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self.db.execute(
                f"SELECT n.name_key, UPPER(n.discipline), MAX(n.day) FROM notes n"
                f" WHERE n.name_key IN ({','.join('?' * len(chunk))}) AND n.name_key != ''"
                f" AND n.skill IN ({skill_marks}) AND n.day < ? AND n.day != ''"
                " AND n.status = 'ok' GROUP BY n.name_key, UPPER(n.discipline)",
                (*chunk, *skills, before),
            )
            for key, discipline, day in rows:
                found[(str(key), str(discipline))] = str(day)
        return found

    def notes_from(
        self, since: Mapping[str, str], mrns: Mapping[str, str], last_day: str
    ) -> list[EpisodeNote]:
        """The readable notes (latest versions) written under each name key, and under each
        MRN, from its own ISO day ("" for its first note) to `last_day`, oldest first: each
        patient read from where the episodes wanted of them can begin, and no further back.
        Notes found by MRN are first found by id in the MRN index: only those not already
        read under a name are read."""
        rows: dict[int, Sequence[object]] = {}
        for chunk in _chunks(sorted(since.items()), 400):
            rows.update((int(row[0]), row) for row in self.db.execute(
                f"WITH wanted(key, since) AS (VALUES {','.join('(?,?)' for _ in chunk)})"
                f" SELECT {_NOTE_COLUMNS}, n.version FROM wanted CROSS JOIN notes n"
                " ON n.name_key = wanted.key AND n.name_key != ''"
                " AND n.day BETWEEN wanted.since AND ? WHERE n.day != '' AND n.status = 'ok'",
                (*(item for pair in chunk for item in pair), last_day),
            ))  # fmt: skip
        more: set[int] = set()
        for chunk in _chunks(sorted(mrns.items()), 400):
            # CROSS JOIN keeps the MRNs the outer loop; `!= ''` lets SQLite use the partial
            # index on MRN and day, which holds the ids: no note is read here.
            more.update(int(row[0]) for row in self.db.execute(
                f"WITH wanted(key, since) AS (VALUES {','.join('(?,?)' for _ in chunk)})"
                " SELECT n.id FROM wanted CROSS JOIN notes n ON n.mrn = wanted.key"
                " AND n.mrn != '' AND n.day BETWEEN wanted.since AND ?",
                (*(item for pair in chunk for item in pair), last_day),
            ))  # fmt: skip
        for ids in _chunks(sorted(more - set(rows)), 500):
            rows.update((int(row[0]), row) for row in self.db.execute(
                f"SELECT {_NOTE_COLUMNS}, n.version FROM notes n WHERE n.id IN"
                f" ({','.join('?' * len(ids))}) AND n.day != '' AND n.status = 'ok'",
                ids,
            ))  # fmt: skip
        latest: dict[str, int] = {}
        for row in rows.values():
            latest[str(row[1])] = max(latest.get(str(row[1]), 0), int(str(row[-1])))
        notes = [_episode_note(r) for r in rows.values() if int(str(r[-1])) == latest[str(r[1])]]
        return sorted(notes, key=lambda n: (n.day, n.visit or 0, n.note_id))

    def notes_between(
        self, first_day: str, last_day: str, skills: Sequence[str]
    ) -> list[EpisodeNote]:
        """The readable notes dated between two ISO days (inclusive) drafted with one of
        `skills` (the discharges an outcomes report starts from)."""
        if not skills:
            return []
        rows = self.db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes n"
            f" WHERE n.day BETWEEN ? AND ? AND n.skill IN ({','.join('?' * len(skills))})"
            f" AND {_LATEST} ORDER BY n.day, n.id",
            (first_day, last_day, *skills),
        ).fetchall()
        return [_episode_note(row) for row in rows]

    def signers(self, note_ids: Sequence[int]) -> dict[int, str]:
        """Who signed each of these notes (its first signed draft), by note id."""
        ids = list(note_ids)
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.db.execute(
                "SELECT d.note_id, a.clinician FROM drafts d JOIN approvals a ON a.draft_id = d.id"
                f" WHERE d.note_id IN ({','.join('?' * len(chunk))}) ORDER BY a.id DESC",
                chunk,
            )
            found.update((int(note_id), str(name)) for note_id, name in rows)
        return found

    def measures_of(
        self, note_ids: Sequence[int], kinds: Sequence[str] = ()
    ) -> dict[int, list[MeasureRow]]:
        """The recorded measures of these notes (of these `kinds` only, when given), in the
        order each note states them."""
        found: dict[int, list[MeasureRow]] = {}
        ids = list(note_ids)
        only = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds else ""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.db.execute(
                "SELECT note_id, series, kind, instrument, value, text, unit FROM measures"
                f" WHERE note_id IN ({','.join('?' * len(chunk))}){only} ORDER BY note_id, n",
                (*chunk, *kinds),
            )
            for note_id, *item in rows:
                found.setdefault(note_id, []).append(tuple(item))
        return found

    def measured(self, note_ids: Sequence[int], reader: str) -> set[int]:
        """Which of these notes have measures recorded by `reader`."""
        ids = list(note_ids)
        done: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.db.execute(
                "SELECT note_id FROM measured_notes WHERE reader = ?"
                f" AND note_id IN ({','.join('?' * len(chunk))})",
                (reader, *chunk),
            )
            done.update(int(row[0]) for row in rows)
        return done

    def link_identities(self, a: str, b: str, same: bool, author: str) -> None:
        """Record a clinician's answer: identities `a` and `b` are (not) one patient."""
        first, second = sorted((a, b))
        with self.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO identity_links (a, b, same, author, at) VALUES (?,?,?,?,?)",
                (first, second, int(same), author, now()),
            )

    def unlink_identities(self, a: str, b: str) -> bool:
        """Forget the answer on identities `a` and `b` (the pair is asked again); False when
        none was recorded."""
        first, second = sorted((a, b))
        with self.write() as conn:
            gone = conn.execute(
                "DELETE FROM identity_links WHERE a = ? AND b = ?", (first, second)
            ).rowcount
        return bool(gone)

    def identity_answers(self, keys: Iterable[str]) -> list[IdentityAnswer]:
        """The answers recorded about any pair with one of these identity keys, newest
        first: what the patient screen lists to undo."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self.db.execute(
            f"SELECT a, b, same, author, at FROM identity_links WHERE a IN ({marks})"
            f" UNION SELECT a, b, same, author, at FROM identity_links WHERE b IN ({marks})"
            " ORDER BY at DESC, a, b",
            (*wanted, *wanted),
        )
        return [IdentityAnswer(str(a), str(b), bool(same), str(author), str(at))
                for a, b, same, author, at in rows]  # fmt: skip

    def identity_links(self, keys: Iterable[str]) -> Mapping[frozenset[str], bool]:
        """The answers recorded about any pair among these identity keys."""
        wanted = sorted(set(keys))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.db.execute(
            f"SELECT a, b, same FROM identity_links WHERE a IN ({marks}) AND b IN ({marks})",
            (*wanted, *wanted),
        )
        return {frozenset((str(a), str(b))): bool(same) for a, b, same in rows}


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _episode_note(row: Sequence[object]) -> EpisodeNote:
    visit = row[6]
    return EpisodeNote(
        note_id=int(str(row[0])),
        path=str(row[1]),
        patient=str(row[2]),
        mrn=str(row[3]),
        dob=str(row[4]),
        day=str(row[5]),
        visit=int(str(visit)) if visit is not None else None,
        skill=str(row[7]),
        discipline=str(row[8]),
        diagnosis=str(row[9] or ""),
        clinician=str(row[10] or ""),
        name_key=str(row[11] or ""),
    )
