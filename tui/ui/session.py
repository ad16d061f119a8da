"""What one review session knows beyond the store: the service and who is signing.

Screens receive the session instead of reaching for ``self.app`` so they stay testable alone and
typed; the clinician chosen at the first signature is remembered here for the whole session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.core.context import Clinician
from tui.core.service import ClinicService


@dataclass
class Session:
    service: ClinicService
    keymap: Mapping[str, str] = field(default_factory=dict)
    clinician: Clinician | None = None

    @property
    def clinicians(self) -> tuple[Clinician, ...]:
        return tuple(self.service.context.clinicians)

    @property
    def signer_name(self) -> str:
        """Who is recorded with edits and rejections: the signing clinician once chosen."""
        return self.clinician.name if self.clinician else ""

    def default_clinician(self) -> Clinician | None:
        """The remembered clinician, or the only one when the clinic has just one."""
        if self.clinician is not None:
            return self.clinician
        clinicians = self.clinicians
        return clinicians[0] if len(clinicians) == 1 else None
