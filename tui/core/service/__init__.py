"""ClinicService: the one door through which the CLI and the review app reach the domain.

It ties the clinic folder, the store, the Skill registry, the drafting backends, the checks and
the audit log together, so the UI never touches SQLite or files itself.

It is built in layers, each in its own module: `base` (the clinic, its store and audit log),
`intake`, `checking` (prompts, checks of each version, the sign gate), `outcomes` (measures,
episodes of care), `review`, `signing` and `delivery`. `ClinicService` is all of them."""

from __future__ import annotations

from pathlib import Path

from tui.core.clinic import Clinic
from tui.core.drafting.base import Backend
from tui.core.records.store import Store
from tui.core.service.base import refuse_lost_store
from tui.core.service.delivery import DeliveryService
from tui.core.service.intake import IngestResult
from tui.core.service.outcomes import OutcomesService, PatientEpisodes
from tui.core.service.review import Poll, SavedUnlogged

__all__ = [
    "ClinicService",
    "IngestResult",
    "PatientEpisodes",
    "Poll",
    "SavedUnlogged",
    "refuse_lost_store",
]


class ClinicService(DeliveryService, OutcomesService):
    """Domain operations for one clinic folder."""

    @classmethod
    def open(cls, root: Path, backend: Backend | None = None) -> ClinicService:
        """Open a clinic; signatures a crash left half done are completed or rolled back."""
        clinic = Clinic.open(root)
        refuse_lost_store(clinic.paths)
        service = cls(clinic, Store(clinic.paths.db), backend)
        service.recover_signings()
        return service
