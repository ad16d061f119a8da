"""Signing: who may sign, signatures, co-signatures and addenda (through `SigningDesk`), and the
handouts printed from signed documents."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from tui.core.clinic import ensure_private_dir, write_private
from tui.core.context import Clinician
from tui.core.errors import ChartdeskError
from tui.core.records.store import (
    Draft,
    Version,
    iso_day,
)
from tui.core.security.audit_log import os_user
from tui.core.service.review import ReviewService
from tui.core.signing.desk import SigningDesk
from tui.core.signing.journal import Recovery
from tui.core.signing.records import slug
from tui.core.signing.signers import (
    Choice,
    Signer,
    SigningRefused,
    authenticate,
    choices,
    discipline_refusal,
    document_discipline,
    example_refusal,
)


class SigningService(ReviewService):
    """Signers, signatures and what is made from them."""

    @cached_property
    def signing(self) -> SigningDesk:
        return SigningDesk(self)

    def signature_line(self, draft_id: int) -> str:
        """Who signed a draft and when, and the co-signature it has or awaits ("" unsigned)."""
        approval = self.store.approval(draft_id)
        if approval is None:
            return ""
        when = _local_minute(str(approval["signed_at"]))
        line = f"Signed by {approval['clinician']}, {approval['credentials']} on {when}"
        cosigned = approval["cosigned"]
        if cosigned is not None:
            line += f"; co-signed by {cosigned['clinician']}, {cosigned['credentials']}"
        elif approval["cosign_by"]:
            supervisor = self.context.clinician(approval["cosign_by"])
            who = supervisor.signature if supervisor else approval["cosign_by"]
            line += f"; awaiting co-signature by {who} (a)"
        if approval["override_codes"]:
            line += f"; signed over {', '.join(approval['override_codes'])}"
        return line

    def signer_choices(self) -> list[Choice]:
        """The clinicians who could sign in this session, this OS account's own first."""
        return choices(self.context, self.clinic.paths.state, os_user())

    def authenticate(self, clinician_key: str, pin: str | None = None) -> Signer:
        """Establish who signs (the account's own clinician, or a clinician with their PIN);
        a refusal is recorded in the audit log (who was named, never what was typed)."""
        try:
            return authenticate(
                self.context, self.clinic.paths.state, clinician_key, pin, os_user()
            )
        except SigningRefused:
            self.audit_log.append("sign_refused", clinician_key)
            raise

    def sign_refusal(self, draft: Draft, signer: Clinician) -> str | None:
        """Why this clinician may not sign this draft (a sample clinician of `init`, or the
        wrong discipline), or None."""
        example = example_refusal(signer)
        if example:
            return example
        skill = self.clinic.skills.get(draft.skill)
        disciplines = skill.disciplines if skill else ()
        discipline = document_discipline(draft.discipline, disciplines)
        return discipline_refusal(signer, discipline, skill.signers if skill else ())

    def approve(
        self, draft_id: int, signer: Signer, expected_sha256: str | None = None, reason: str = ""
    ) -> list[Path]:
        """Sign the latest version: its files written read-only to approved/, recorded, and
        logged, as one recoverable transaction.

        `expected_sha256` is the text the clinician read; if another session saved a newer
        version meanwhile, nothing is signed. The sign gate is asked again here, on the exact
        version: a refusal stops the signature, and open ERROR findings, unsupported values
        and handout findings need `reason`, which is kept with the signature.
        """
        return self.signing.approve(draft_id, signer, expected_sha256, reason)

    def cosign(self, draft_id: int, signer: Signer) -> list[Path]:
        """The supervisor's co-signature of an assistant's signed document: a new signed
        record (the whole document, both signatures) beside the original, which is never
        touched; only the clinician named by `cosign_by` can make it."""
        return self.signing.cosign(draft_id, signer)

    def add_addendum(self, draft_id: int, text: str, signer: Signer) -> list[Path]:
        """Sign an addendum to a signed document: a new version (origin ``addendum``) and new
        signed files beside the original, which is never touched."""
        return self.signing.add_addendum(draft_id, text, signer)

    def recover_signings(self) -> Recovery:
        """Roll back or complete the signatures a crash left half done (run at every open)."""
        return self.journal.recover()

    def signed_version(self, draft_id: int) -> Version | None:
        """The version a clinician signed (None for a draft that is not signed)."""
        approval = self.store.approval(draft_id)
        if approval is None:
            return None
        for version in self.store.versions(draft_id):
            if version.id == approval["version_id"]:
                return version
        return None

    def addenda(self, draft_id: int) -> list[Version]:
        return [v for v in self.store.versions(draft_id) if v.origin == "addendum"]

    def _addendum_draft_path(self, draft_id: int) -> Path:
        return self.clinic.paths.state / "addenda" / f"{draft_id}.md"

    def save_addendum_draft(self, draft_id: int, text: str) -> None:
        """Keep an unsigned addendum while it is typed (private, under .chartdesk/): an
        addendum is not a version until it is signed, but a dropped connection must not lose it."""
        path = self._addendum_draft_path(draft_id)
        ensure_private_dir(path.parent)
        write_private(path, text.encode("utf-8"))

    def addendum_draft(self, draft_id: int) -> str:
        try:
            return self._addendum_draft_path(draft_id).read_text(encoding="utf-8")
        except OSError:
            return ""

    def discard_addendum_draft(self, draft_id: int) -> None:
        self._addendum_draft_path(draft_id).unlink(missing_ok=True)

    def is_patient_facing(self, draft: Draft) -> bool:
        """Handouts: home exercise programmes and any Skill graded for plain language."""
        skill = self.clinic.skills.get(draft.skill)
        return skill is not None and (skill.kind == "hep" or skill.max_grade > 0)

    def export_handout(self, draft_id: int, clinician: str = "", paper: str = "auto") -> Path:
        """Write a signed patient-facing document as printable HTML to exports/, and beside it
        the same handout as a PDF, made the way signed documents' PDFs are (on the clinic's
        paper unless `paper` names one); returns the HTML's path."""
        from tui.core.records.export import PAPERS, Handout, handout_html

        draft = self.store.get_draft(draft_id)
        if not self.is_patient_facing(draft):
            raise ChartdeskError(f"{draft.skill} is not a patient handout; nothing to export")
        signed = self.signed_version(draft_id)
        approval = self.store.approval(draft_id)
        if signed is None or approval is None:
            raise ChartdeskError("only a signed handout is exported; sign it first")
        if paper not in PAPERS:
            raise ChartdeskError(f"paper must be one of {', '.join(PAPERS)}")
        skill = self.clinic.skills.get(draft.skill)
        page = handout_html(
            Handout(
                title=skill.name if skill else draft.skill,
                clinic=self.context.name,
                patient=draft.patient,
                date=draft.date,
                markdown=signed.text,
                signature=f"{approval['clinician']}, {approval['credentials']}",
            ),
            paper,
        )
        folder = self.clinic.paths.exports / (iso_day(draft.date) or approval["signed_at"][:10])
        ensure_private_dir(folder)
        path = folder / f"{slug(draft.patient) or 'patient'}-{draft.skill}-{draft.id}.html"
        data = page.encode("utf-8")
        pdf = self._handout_pdf(draft, signed.text, approval, paper)
        write_private(path, data)
        write_private(path.with_suffix(".pdf"), pdf)
        self.audit_log.append("export", clinician, draft=draft_id, sha256=_sha256(data),
                              pdf_sha256=_sha256(pdf))  # fmt: skip
        return path

    def _handout_pdf(self, draft: Draft, text: str, approval: dict[str, Any], paper: str) -> bytes:
        from tui.core.records.pdf import Identity, PdfDocument, SignatureBlock, document_pdf

        skill = self.clinic.skills.get(draft.skill)
        chosen = paper if paper in ("a4", "letter") else self.context.paper
        return document_pdf(
            PdfDocument(
                clinic=self.context.name,
                title=skill.name if skill else draft.skill,
                identity=Identity(draft.patient, date_of_service=iso_day(draft.date)),
                body=text,
                signatures=SignatureBlock((f"{approval['clinician']}, {approval['credentials']}",)),
                created=str(approval["signed_at"]),
            ),
            "a4" if chosen == "a4" else "letter",
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _local_minute(stamp: str) -> str:
    """A stored UTC time as the clinician's clock reads it ("2026-11-02 14:05"), as the
    versions list shows times; the record keeps the exact UTC time."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
