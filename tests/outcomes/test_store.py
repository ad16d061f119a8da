"""The store's outcomes migration on a store made before it: notes gain their name key,
diagnosis and clinician, and the measures are backfilled."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.records.store import MIGRATIONS, SCHEMA_VERSION, Store
from tui.core.records.store.base import _register_functions
from tui.core.records.store.schema import statements

OUTCOMES_MIGRATION = 7  # migration 8 (index 7) added the outcomes columns and tables
NOTE = (
    "Patient: Whitfield, Dána M.\nMRN: 480221\nDate: 2026-10-01\nDiagnosis: R knee OA, M17.11\n"
    "Clinician: Alex Rivera\nSkill: pt_initial_eval\n\nLEFS 38/80. Pain 6/10 with stairs.\n"
)


def older_store(path: Path) -> None:
    """A store at the schema before the outcomes migration, holding one note."""
    conn = sqlite3.connect(path)
    _register_functions(conn)
    for index, script in enumerate(MIGRATIONS[:OUTCOMES_MIGRATION]):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {index + 1}")
    conn.execute(
        "INSERT INTO notes (id, path, sha256, patient, date, status, received_at, mrn, day)"
        " VALUES (1, 'inbox/a.txt', 'x', 'Whitfield, Dána M.', '2026-10-01', 'ok', 'now',"
        " '480221', '2026-10-01')"
    )
    conn.execute(
        "INSERT INTO note_content (note_id, media_type, data) VALUES (1, 'text/plain', ?)",
        (NOTE.encode(),),
    )
    conn.commit()
    conn.close()


def test_the_migration_fills_names_diagnoses_and_clinicians(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    older_store(db)
    store = Store(db)
    assert store.schema_version() == SCHEMA_VERSION
    row = store.db.execute("SELECT name_key, diagnosis, clinician FROM notes").fetchone()
    assert row == ("dana whitfield", "R knee OA, M17.11", "Alex Rivera")
    [note] = store.candidate_notes(["dana whitfield"], [])
    assert (note.diagnosis, note.clinician) == ("R knee OA, M17.11", "Alex Rivera")
    assert store.unmeasured_notes("facts-1") == [1]
    store.close()


def test_identity_answers_are_kept_either_way_round(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    store.link_identities("bbbb", "aaaa", True, "arivera")
    store.link_identities("aaaa", "bbbb", False, "jlee")  # a later answer replaces it
    assert store.identity_links(["aaaa", "bbbb", "cccc"]) == {frozenset({"aaaa", "bbbb"}): False}
    store.close()
