"""Destination kinds by name: each `[[ehr]]` entry's kind names the module that builds it.

A kind is a module with a class whose ``from_settings(settings, clinic_dir)`` returns a
`Destination`. Modules are imported when a delivery needs them, so signing and the review app
never load an HTTP or JOSE stack, and a kind whose module is missing from this build is a
clear, recorded failure of its deliveries, never a crash of the worker.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from tui.core.ehr.delivery import Destination
from tui.core.ehr.settings import DestinationSettings
from tui.core.errors import ChartdeskError

KINDS: Final[Mapping[str, tuple[str, str]]] = {
    "folder": ("tui.core.ehr.folder", "FolderDestination"),
    "fhir": ("tui.core.ehr.fhir", "FhirDestination"),
}


class DestinationUnavailable(ChartdeskError):
    """A destination that cannot be built (unknown kind, a kind missing from this build, or
    settings its kind refuses); the reason is one line for the clinician."""


def build_destination(entry: DestinationSettings, clinic_dir: Path) -> Destination:
    """The destination for one `[[ehr]]` entry."""
    found = KINDS.get(entry.kind)
    if found is None:
        raise DestinationUnavailable(f"destination {entry.id}: unknown kind {entry.kind!r}")
    module_name, class_name = found
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise DestinationUnavailable(
            f"destination {entry.id}: kind {entry.kind!r} is not available in this chartdesk build"
        ) from exc
    kind = getattr(module, class_name, None)
    builder = getattr(kind, "from_settings", None)
    if builder is None:
        raise DestinationUnavailable(
            f"destination {entry.id}: kind {entry.kind!r} is not available in this chartdesk build"
        )
    destination: Destination = builder(entry.settings, clinic_dir)
    return destination
