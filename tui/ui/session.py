"""What one review session knows beyond the store: the service, who is signing, the clock and
the drafter running in this process (if any).

Screens receive the session instead of reaching for ``self.app`` so they stay testable alone and
typed; the clinician chosen at the first signature is remembered here for the whole session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from tui.core.context import Clinician
from tui.core.records.store import Draft
from tui.core.service import ClinicService
from tui.core.signing.signers import Signer, document_discipline

if TYPE_CHECKING:
    from tui.core.security.unlock import Unlocker
    from tui.core.signing.gate import Gate
    from tui.ui.screens.approve import ApproveScreen, SignRequest


class Drafter(Protocol):
    """What the review screens ask of an in-process drafter (tui.core.intake.pipeline.Pipeline)."""

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
        """Who is recorded with edits and rejections: the account's own clinician, else the
        clinician who last signed in this session."""
        if self.clinician is not None:
            return self.clinician.name
        own = next((c.clinician for c in self.service.signer_choices() if not c.needs_pin), None)
        return own.name if own else ""

    def sign_screen(
        self,
        draft: Draft,
        gate: Gate | None,
        *,
        only: str = "",
        **options: Any,
    ) -> ApproveScreen:
        """The sign dialog for a draft: everyone who could sign here (or only the clinician
        with id `only`, for a co-signature), each checked against the document's discipline."""
        from tui.ui.screens.approve import ApproveScreen

        choices = self.service.signer_choices()
        if only:
            choices = [choice for choice in choices if choice.clinician.key == only]
        skill = self.service.clinic.skills.get(draft.skill)
        return ApproveScreen(
            draft,
            choices,
            gate=gate,
            refusal=partial(self.service.sign_refusal, draft),
            remembered=self.clinician,
            discipline=document_discipline(draft.discipline, skill.disciplines if skill else ()),
            **options,
        )

    def authenticate(self, request: SignRequest) -> Signer:
        """Who signs, established from the dialog's answer (raises ChartdeskError)."""
        signer = self.service.authenticate(request.clinician.key, request.pin or None)
        self.clinician = signer.clinician
        return signer

    def today(self) -> date:
        return self.clock().date()
