"""Copies of a clinic folder a fixture built once, for tests that change them.

A clinic's store is a SQLite database in WAL mode. A connection that a finished worker thread
still held can close while the folder is being copied, and the last close folds the `-wal`
file into the database and deletes it under `shutil.copytree` (seen on a busy CI machine). So
the store is copied with SQLite's backup API, which gives a consistent copy whatever state the
files are in, and everything else file by file, modes kept.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

_STORE_FILES = shutil.ignore_patterns("*.db", "*.db-wal", "*.db-shm", "*.db-journal")


def copy_clinic(template: Path, target: Path) -> Path:
    """`template` copied to `target` (which must not exist), its databases through SQLite."""
    shutil.copytree(template, target, symlinks=True, ignore=_STORE_FILES)
    for database in template.rglob("*.db"):
        copy = target / database.relative_to(template)
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        destination = sqlite3.connect(copy)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        shutil.copymode(database, copy)
    return target
