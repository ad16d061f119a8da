"""Errors a user may see. Each carries a one-line message; the CLI prints it and exits 2."""

from __future__ import annotations


class ChartdeskError(Exception):
    """Bad usage or bad input, reported as one line on stderr with exit code 2."""

    exit_code = 2


class ConfigError(ChartdeskError):
    """A context.toml or Skill file that does not validate: ``FILE:LINE: field: problem``."""
