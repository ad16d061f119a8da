"""Where the built-in Skills and the example context.toml live, installed or in a checkout.

A wheel carries them under ``tui/_data/``; an editable install or a source checkout reads them
from the repository root, so both layouts resolve to the same files.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    installed = _PACKAGE / "_data"
    if (installed / "skills").is_dir():
        return installed
    return _PACKAGE.parent


def builtin_skills_dir() -> Path:
    return data_root() / "skills"


def example_context() -> Path:
    return data_root() / "context.toml"
