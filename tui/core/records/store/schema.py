"""The store's schema, as the migrations that build it: each moves it one version on."""

from __future__ import annotations

import sqlite3
from typing import Final

# Each entry moves the schema from version N to N+1. Never edit a released entry; append.
MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        kind TEXT NOT NULL DEFAULT 'text',
        patient TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        visit INTEGER,
        discipline TEXT NOT NULL DEFAULT '',
        payer TEXT NOT NULL DEFAULT '',
        skill TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failed', 'superseded')),
        reason TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX notes_ok_sha ON notes(sha256) WHERE status = 'ok';
    CREATE TABLE note_content (
        note_id INTEGER PRIMARY KEY REFERENCES notes(id),
        media_type TEXT NOT NULL,
        data BLOB NOT NULL
    );
    CREATE INDEX notes_path ON notes(path);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        skill TEXT NOT NULL,
        parent_id INTEGER REFERENCES drafts(id),
        status TEXT NOT NULL CHECK (status IN
            ('queued', 'drafting', 'ready', 'failed', 'approved', 'rejected')),
        reason TEXT NOT NULL DEFAULT '',
        backend TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        skill_sha256 TEXT NOT NULL DEFAULT '',
        request_id TEXT NOT NULL DEFAULT '',
        stop_reason TEXT NOT NULL DEFAULT '',
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        checks_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ready_at TEXT
    );
    CREATE INDEX drafts_status ON drafts(status);
    CREATE INDEX drafts_note ON drafts(note_id);
    CREATE TABLE draft_versions (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        n INTEGER NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        origin TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (draft_id, n)
    );
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        instruction TEXT NOT NULL DEFAULT '',
        partial_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_state ON jobs(state);
    CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL UNIQUE REFERENCES drafts(id),
        version_id INTEGER NOT NULL REFERENCES draft_versions(id),
        clinician TEXT NOT NULL,
        credentials TEXT NOT NULL,
        os_user TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        note_sha256 TEXT NOT NULL,
        files_json TEXT NOT NULL
    );
    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        reason TEXT NOT NULL,
        os_user TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # A change log fed by triggers: review sessions follow other processes by a monotonic
    # integer cursor instead of clock timestamps, which can collide within a millisecond.
    """
    CREATE TABLE draft_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        draft_id INTEGER NOT NULL
    );
    CREATE TRIGGER drafts_inserted AFTER INSERT ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER drafts_updated AFTER UPDATE ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER versions_inserted AFTER INSERT ON draft_versions BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.draft_id);
    END;
    """,
    # The sign gate (issue 11): drafts can be superseded by a newer draft of the same visit,
    # checks belong to each version (`checked_n` says which version the draft's checks
    # describe), scaffolding is kept beside the text (`aside`), notes carry MRN, DOB and indexed
    # patient and day keys, and signatures carry who signed how, overrides and co-signatures.
    # SQLite cannot widen a CHECK constraint in place, so `drafts` is rebuilt (foreign keys are
    # off while migrations run, and checked before they commit).
    """
    CREATE TABLE drafts_v3 (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        skill TEXT NOT NULL,
        parent_id INTEGER REFERENCES drafts(id),
        status TEXT NOT NULL CHECK (status IN ('queued', 'drafting', 'ready', 'failed',
            'approved', 'rejected', 'superseded')),
        reason TEXT NOT NULL DEFAULT '',
        backend TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        skill_sha256 TEXT NOT NULL DEFAULT '',
        request_id TEXT NOT NULL DEFAULT '',
        stop_reason TEXT NOT NULL DEFAULT '',
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        checks_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ready_at TEXT,
        superseded_by INTEGER REFERENCES drafts(id),
        aside TEXT NOT NULL DEFAULT '',
        latest_n INTEGER NOT NULL DEFAULT 0,
        checked_n INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO drafts_v3 (id, note_id, skill, parent_id, status, reason, backend, model,
        skill_sha256, request_id, stop_reason, input_tokens, output_tokens, cache_write_tokens,
        cache_read_tokens, cost_usd, checks_json, created_at, updated_at, ready_at, latest_n,
        checked_n)
    SELECT d.id, d.note_id, d.skill, d.parent_id, d.status, d.reason, d.backend, d.model,
        d.skill_sha256, d.request_id, d.stop_reason, d.input_tokens, d.output_tokens,
        d.cache_write_tokens, d.cache_read_tokens, d.cost_usd, d.checks_json, d.created_at,
        d.updated_at, d.ready_at,
        COALESCE((SELECT MAX(v.n) FROM draft_versions v WHERE v.draft_id = d.id), 0),
        COALESCE((SELECT MAX(v.n) FROM draft_versions v WHERE v.draft_id = d.id
            AND v.origin IN ('model', 'regenerate')), 0)
    FROM drafts d;
    DROP TABLE drafts;
    ALTER TABLE drafts_v3 RENAME TO drafts;
    CREATE INDEX drafts_status ON drafts(status);
    CREATE INDEX drafts_note ON drafts(note_id);
    CREATE TRIGGER drafts_inserted AFTER INSERT ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER drafts_updated AFTER UPDATE ON drafts BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.id);
    END;
    ALTER TABLE draft_versions ADD COLUMN checks_json TEXT;
    UPDATE draft_versions SET checks_json = (SELECT d.checks_json FROM drafts d
        WHERE d.id = draft_versions.draft_id AND d.checked_n = draft_versions.n);
    ALTER TABLE notes ADD COLUMN mrn TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN dob TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN patient_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN day TEXT NOT NULL DEFAULT '';
    UPDATE notes SET patient_key = chartdesk_patient(patient),
        day = chartdesk_day(CASE WHEN date != '' THEN date ELSE path END);
    CREATE INDEX notes_patient_day ON notes(patient_key, day);
    CREATE INDEX notes_day ON notes(day);
    CREATE TABLE header_edits (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        field TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL
    );
    ALTER TABLE approvals ADD COLUMN signer_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN auth TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE approvals ADD COLUMN override_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE approvals ADD COLUMN cosign_by TEXT NOT NULL DEFAULT '';
    CREATE TABLE cosignatures (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL UNIQUE REFERENCES drafts(id),
        clinician TEXT NOT NULL,
        credentials TEXT NOT NULL,
        signer_id TEXT NOT NULL,
        os_user TEXT NOT NULL,
        auth TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        files_json TEXT NOT NULL
    );
    """,
    # Signing as one recoverable transaction (issue 13): a signature is announced (its files
    # and their hashes, and the audit entry it owes) before a file is written, recorded with
    # the approval in one transaction, and done once the audit log has its entry. Whatever a
    # crash interrupts, the next start rolls back or completes it.
    """
    CREATE TABLE signings (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        kind TEXT NOT NULL CHECK (kind IN ('approve', 'addendum', 'cosign')),
        files_json TEXT NOT NULL,
        audit_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('writing', 'recorded', 'done', 'rolled_back')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX signings_open ON signings(state) WHERE state IN ('writing', 'recorded');
    """,
    # Honest accounting of model servers (issue 14): the model id the server reported when it
    # differs from the configured one, a local server's prompt-prefix reuse apart from prompt
    # caching, and every drafting attempt with its usage, the failed ones included.
    """
    ALTER TABLE drafts ADD COLUMN server_model TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN reused_tokens INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE draft_attempts (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        job_id INTEGER NOT NULL REFERENCES jobs(id),
        attempt INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ready', 'retrying', 'failed')),
        backend TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        server_model TEXT NOT NULL DEFAULT '',
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        reused_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL
    );
    CREATE INDEX draft_attempts_draft ON draft_attempts(draft_id);
    """,
    # A clinic's tenth year (issue 15): the day's figures read the drafts that became ready and
    # the signatures made today, and the queue lists what became ready in its recent days; with
    # hundreds of thousands of drafts each of those was a scan of the whole table.
    """
    CREATE INDEX drafts_ready_at ON drafts(ready_at);
    CREATE INDEX approvals_signed_at ON approvals(signed_at);
    """,
    # The outbox (issue 16): a signing names the deliveries it owes (one per matching `[[ehr]]`
    # destination) before its files are written, and they are queued in the transaction that
    # records it. A worker claims one by a lease (several processes may deliver), and each
    # change of a delivery is a change of its draft, so review sessions see it.
    """
    ALTER TABLE signings ADD COLUMN deliveries_json TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id),
        signing_id INTEGER NOT NULL REFERENCES signings(id),
        destination TEXT NOT NULL,
        parcel_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0,
        lease_owner TEXT NOT NULL DEFAULT '',
        lease_until REAL NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (signing_id, destination)
    );
    CREATE INDEX deliveries_due ON deliveries(next_try) WHERE state = 'waiting';
    CREATE INDEX deliveries_draft ON deliveries(draft_id);
    CREATE INDEX deliveries_open ON deliveries(state) WHERE state != 'sent';
    CREATE TRIGGER deliveries_inserted AFTER INSERT ON deliveries BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.draft_id);
    END;
    CREATE TRIGGER deliveries_updated AFTER UPDATE OF state, reason, remote_id ON deliveries
    BEGIN
        INSERT INTO draft_changes (draft_id) VALUES (NEW.draft_id);
    END;
    """,
    # Outcomes across the episode of care (issue 17; schema version 8, after the outbox's 7):
    # notes found by first and last name (any order, case and accents aside) and by MRN, with
    # the diagnosis and clinician of their header (episodes are read without the notes), the
    # measures of each note as rows filled when it is checked (and by a backfill for notes
    # recorded before), and the clinicians' answers on whether two identities are one patient.
    """
    ALTER TABLE notes ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN diagnosis TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN clinician TEXT NOT NULL DEFAULT '';
    UPDATE notes SET name_key = chartdesk_name(patient);
    UPDATE notes SET
        diagnosis = chartdesk_header((SELECT c.data FROM note_content c WHERE c.note_id = notes.id
            AND c.media_type LIKE 'text/%'), 'diagnosis'),
        clinician = chartdesk_header((SELECT c.data FROM note_content c WHERE c.note_id = notes.id
            AND c.media_type LIKE 'text/%'), 'clinician');
    CREATE INDEX notes_name_key ON notes(name_key, day);
    CREATE INDEX notes_mrn ON notes(mrn) WHERE mrn != '';
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        n INTEGER NOT NULL,
        series TEXT NOT NULL,
        kind TEXT NOT NULL,
        instrument TEXT NOT NULL DEFAULT '',
        value REAL,
        text TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX measures_note ON measures(note_id);
    CREATE TABLE measured_notes (
        note_id INTEGER PRIMARY KEY REFERENCES notes(id),
        reader TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE identity_links (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        same INTEGER NOT NULL CHECK (same IN (0, 1)),
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (a, b)
    );
    """,
    # The outcomes report reads each patient discharged in its period from their previous
    # discharge (issue 17): that day is found in the index on name key, Skill and day without
    # reading a note, and the ids of a patient's notes under their MRN in a range of days from
    # the index on MRN and day alone (it replaces the index on MRN).
    """
    CREATE INDEX notes_name_skill_day ON notes(name_key, skill, day);
    CREATE INDEX notes_mrn_day ON notes(mrn, day) WHERE mrn != '';
    DROP INDEX notes_mrn;
    """,
)

SCHEMA_VERSION: Final = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a migration script into complete statements (trigger bodies hold semicolons)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
