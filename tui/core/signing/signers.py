"""Who may sign: a signature names a real person, never whoever is at the keyboard.

A clinician whose ``os_user`` (context.toml) is the OS account running chartdesk signs as
themselves: the login was their authentication. Anyone else signs only with their own signing
PIN (``chartdesk pin --clinician ID``, kept as an scrypt hash like the clinic PIN), so a shared
clinic account can sign for several people but nobody can sign as another. A document of one
discipline is signed by that discipline unless its Skill lets either sign, and an assistant's
signature (PTA, COTA: ``cosign_by``) leaves the document awaiting the supervisor's co-signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tui.core.context import ClinicContext, Clinician
from tui.core.errors import ChartdeskError
from tui.core.security.pin import check_pin, has_pin

BY_OS_USER: Final = "os_user"
BY_PIN: Final = "pin"


class SigningRefused(ChartdeskError):
    """A signature that cannot be made (wrong person, wrong PIN, wrong discipline)."""


@dataclass(frozen=True)
class Signer:
    """A clinician whose identity was established for one signature, and how."""

    clinician: Clinician
    auth: str  # os_user | pin
    os_user: str


@dataclass(frozen=True)
class Choice:
    """A clinician offered in the sign dialog, and whether they must type their PIN."""

    clinician: Clinician
    needs_pin: bool
    has_pin: bool


def own_clinician(ctx: ClinicContext, user: str) -> Clinician | None:
    """The clinician this OS account signs as, if context.toml maps it to one."""
    if not user:
        return None
    return next((c for c in ctx.clinicians if c.os_user == user), None)


def choices(ctx: ClinicContext, state_dir: Path, user: str) -> list[Choice]:
    """Everyone who could sign here, the account's own clinician first (no PIN needed)."""
    own = own_clinician(ctx, user)
    listed = [Choice(own, False, True)] if own is not None else []
    for clinician in ctx.clinicians:
        if clinician != own:
            listed.append(Choice(clinician, True, has_pin(state_dir, clinician.key)))
    return listed


def authenticate(
    ctx: ClinicContext, state_dir: Path, key: str, pin: str | None, user: str
) -> Signer:
    """Establish who signs: the account's own clinician, or a clinician with their PIN."""
    clinician = ctx.clinician(key)
    if clinician is None:
        raise SigningRefused(f"no clinician {key!r} in context.toml")
    if user and clinician.os_user == user:
        return Signer(clinician, BY_OS_USER, user)
    if not has_pin(state_dir, clinician.key):
        raise SigningRefused(
            f"{clinician.name} has no signing PIN on this account; set it with "
            f"`chartdesk pin --clinician {clinician.key}`"
        )
    if not pin or not check_pin(state_dir, pin, clinician.key):
        raise SigningRefused(f"wrong signing PIN for {clinician.name}")
    return Signer(clinician, BY_PIN, user)


def document_discipline(note_discipline: str, skill_disciplines: Sequence[str]) -> str:
    """The discipline a document belongs to: the note's, else its Skill's only one, else ""
    (a Skill used by both disciplines on a note that does not say)."""
    if note_discipline.upper() in ("PT", "OT"):
        return note_discipline.upper()
    return skill_disciplines[0] if len(skill_disciplines) == 1 else ""


def discipline_refusal(
    signer: Clinician, discipline: str, skill_signers: Sequence[str]
) -> str | None:
    """Why this clinician may not sign a document of `discipline` (None when they may)."""
    own = signer.discipline.upper()
    if not discipline or not own or own == discipline or own in skill_signers:
        return None
    return (
        f"{signer.name} ({own}) cannot sign a {discipline} document; a {discipline} clinician "
        "signs it (or the Skill lists both disciplines under `signers`)"
    )


def example_refusal(signer: Clinician) -> str | None:
    """A sample clinician of `chartdesk init` never signs: a record signed by "Alex Rivera,
    PT, DPT" of the example file would name someone who does not work at the clinic."""
    if not signer.example:
        return None
    return (
        f"{signer.name} is a sample clinician from `chartdesk init` (example = true in "
        "context.toml): replace the samples with your clinic's clinicians, without "
        "`example = true`, before anyone signs"
    )


def supervisor(ctx: ClinicContext, signer: Clinician) -> Clinician | None:
    """The clinician who must co-sign this signer's documents (None: none needed)."""
    return ctx.clinician(signer.cosign_by) if signer.cosign_by else None
