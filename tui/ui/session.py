"""What one review session knows beyond the store: the service, who is signing, the clock and
the drafter running in this process (if any).

Screens receive the session instead of reaching for ``self.app`` so they stay testable alone and
typed; the clinician chosen at the first signature is remembered here for the whole session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from tui.core.context import Clinician
from tui.core.service import ClinicService

if TYPE_CHECKING:
    from tui.core.unlock import Unlocker


class Drafter(Protocol):
    """What the review screens ask of an in-process drafter (tui.core.pipeline.Pipeline)."""

    def wake(self) -> None: ...

    def cancel(self, draft_id: int, reason: str = ...) -> bool: ...

    def partial_text(self, draft_id: int) -> str: ...


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Session:
    service: ClinicService
    keymap: Mapping[str, str] = field(default_factory=dict)
    clinician: Clinician | None = None
    clock: Callable[[], datetime] = _now
    drafter: Drafter | None = None
    unlocker: Unlocker | None = None
    """What the lock screen accepts; None: the clinic's settings (built when first locked)."""

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

    def today(self) -> date:
        return self.clock().date()
