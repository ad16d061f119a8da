"""Signing, co-signing and addenda: the one place where text becomes a legal record.

Each signature asks the sign gate again on the exact version, checks who signs, builds its
files (`tui.core.signing.records`) and writes them through the signing journal
(`tui.core.signing.journal`), so the store, ``approved/`` and the audit log agree whatever
happens mid-way. Audit entries carry ids and hashes, never a patient's name or a file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.context import Clinician
from tui.core.ehr.outbox import planned_deliveries
from tui.core.errors import ChartdeskError
from tui.core.records.pdf import Identity, PdfDocument, SignatureBlock, document_pdf
from tui.core.records.store import Draft, StoreError, iso_day, text_sha256
from tui.core.review.rules import title as draft_title
from tui.core.security.audit_log import os_user
from tui.core.signing.gate import OVERRIDE, REFUSAL, reason_problem
from tui.core.signing.journal import AuditEntry
from tui.core.signing.records import (
    FileSet,
    file_set,
    harmless,
    record_header,
    signed_markdown,
    stem,
)
from tui.core.signing.signers import Signer, example_refusal, supervisor

if TYPE_CHECKING:
    from tui.core.service.signing import SigningService


class SigningDesk:
    """Signatures on one clinic's drafts (reached through `ClinicService`)."""

    def __init__(self, service: SigningService) -> None:
        self.service = service
        self.store = service.store

    def approve(
        self, draft_id: int, signer: Signer, expected_sha256: str | None = None, reason: str = ""
    ) -> list[Path]:
        """Sign the latest version (see `ClinicService.approve`)."""
        service = self.service
        draft = self.store.get_draft(draft_id)
        version = self.store.latest_version(draft_id)
        if expected_sha256 is not None and (version is None or version.sha256 != expected_sha256):
            raise ChartdeskError("the draft changed in another session; review it again to sign")
        if draft.status != "ready" or version is None:
            raise ChartdeskError(
                f"draft {draft_id} is {draft.status}; only a ready draft can be signed"
            )
        gate = service.gate(draft_id)
        if gate.refused:
            raise ChartdeskError(gate.of_kind(REFUSAL)[0].message)
        why = service.sign_refusal(draft, signer.clinician)
        if why:
            raise ChartdeskError(why)
        reason = " ".join(reason.split()) if gate.needs_reason else ""
        if gate.needs_reason and reason_problem(reason):
            count = len(gate.of_kind(OVERRIDE))
            raise ChartdeskError(
                f"{count} open finding{'s' if count != 1 else ''} "
                f"({', '.join(gate.override_codes)}): {reason_problem(reason)}"
            )
        clinician = signer.clinician
        cosigner = supervisor(service.context, clinician)
        signed_at = _now()
        awaiting = f"Awaiting co-signature by {cosigner.signature}.\n" if cosigner else ""
        document = signed_markdown(
            record_header(draft) + version.text, clinician.signature, signed_at, awaiting
        )
        record = (
            _identity(draft)
            | {
                "date": draft.date,
                "text": document,
                "sha256": text_sha256(document),
                "draft_version": version.n,
                "draft_version_sha256": version.sha256,
                "source_note": draft.note_path,
                "source_note_sha256": draft.note_sha256,
                "backend": draft.backend,
                "model": draft.model,
                "override": {"reason": reason, "open": gate.override_codes} if reason else None,
                "cosign_by": cosigner.key if cosigner else None,
            }
            | _signer(signer, signed_at)
        )
        block = [f"Electronically signed by {clinician.signature} on {signed_at}"]
        block += [f"Awaiting co-signature by {cosigner.signature}"] if cosigner else []
        files = self._files(draft, stem(draft), document, record, signer, signed_at, block,
                            preliminary=bool(cosigner))  # fmt: skip
        skill = service.clinic.skills.get(draft.skill)
        second = (
            skill.next if skill and skill.next and service.clinic.skills.get(skill.next) else ""
        )
        detail: dict[str, Any] = {"draft": draft_id, "auth": signer.auth} | files.hashes
        if cosigner:
            detail["cosign_by"] = cosigner.key
        if reason:
            detail |= {"override": gate.override_codes, "reason_sha256": text_sha256(reason)}
        started: list[int | None] = []

        def record_signature(signing: int) -> None:
            started.append(
                self.store.approve(
                    draft_id,
                    version,
                    clinician.name,
                    clinician.credentials,
                    os_user(),
                    signed_at,
                    draft.note_sha256,
                    [self.service.relative(f.path) for f in files.files],
                    document_sha256=text_sha256(document),
                    signer_id=clinician.key,
                    auth=signer.auth,
                    override_reason=reason,
                    override_codes=gate.override_codes if reason else (),
                    cosign_by=cosigner.key if cosigner else "",
                    signing=signing,
                    next_skill=second,
                )
            )

        paths = self._sign(draft, "approve", files, record_signature,
                           AuditEntry("approve", clinician.name, detail))  # fmt: skip
        if started and started[0] is not None:
            service.audit_log.append("chain", "", draft=started[0], target=second)
        return paths

    def cosign(self, draft_id: int, signer: Signer) -> list[Path]:
        """The supervisor's co-signature (see `ClinicService.cosign`)."""
        draft = self.store.get_draft(draft_id)
        approval = self.store.approval(draft_id)
        if draft.status != "approved" or approval is None:
            raise ChartdeskError(f"draft {draft_id} is not signed yet; nothing to co-sign")
        if not approval["cosign_by"]:
            raise ChartdeskError(f"draft {draft_id} needs no co-signature")
        if approval["cosigned"] is not None:
            raise ChartdeskError(f"draft {draft_id} is already co-signed")
        clinician = signer.clinician
        example = example_refusal(clinician)
        if example:
            raise ChartdeskError(example)
        if clinician.key != approval["cosign_by"]:
            required = self.service.context.clinician(approval["cosign_by"])
            who = required.signature if required else approval["cosign_by"]
            raise ChartdeskError(f"only {who} co-signs this document")
        signed = self.service.signed_version(draft_id)
        signed_at = _now()
        document = harmless(
            f"{record_header(draft)}{signed.text.rstrip() if signed else ''}\n\n---\n"
            f"Electronically signed by {approval['clinician']}, {approval['credentials']} on "
            f"{approval['signed_at']} (sha256 {approval['sha256']}).\n"
            f"Co-signed by {clinician.signature} on {signed_at}.\n"
        )
        record = (
            _identity(draft)
            | {
                "cosigns_sha256": approval["sha256"],
                "text": document,
                "sha256": text_sha256(document),
                "signed_by": {
                    "clinician": approval["clinician"],
                    "signed_at": approval["signed_at"],
                },
            }
            | _signer(signer, signed_at)
        )
        block = [
            f"Signed by {approval['clinician']}, {approval['credentials']} on "
            f"{approval['signed_at']}",
            f"Co-signed by {clinician.signature} on {signed_at}",
        ]
        files = self._files(draft, stem(draft, "-cosigned"), document, record, signer, signed_at,
                            block, signs_sha256=approval["sha256"],
                            authors=(approval["clinician"], clinician.name),
                            title=f"{draft_title(draft)} (co-signed)")  # fmt: skip

        def record_cosignature(signing: int) -> None:
            self.store.cosign(
                draft_id,
                clinician.name,
                clinician.credentials,
                clinician.key,
                os_user(),
                signer.auth,
                signed_at,
                text_sha256(document),
                [self.service.relative(f.path) for f in files.files],
                signing=signing,
            )

        detail = {"draft": draft_id, "auth": signer.auth} | files.hashes
        return self._sign(draft, "cosign", files, record_cosignature,
                          AuditEntry("cosign", clinician.name, detail))  # fmt: skip

    def add_addendum(self, draft_id: int, text: str, signer: Signer) -> list[Path]:
        """Sign an addendum (see `ClinicService.add_addendum`)."""
        clinician = signer.clinician
        draft = self.store.get_draft(draft_id)
        why = self.service.sign_refusal(draft, clinician)
        if why:
            raise ChartdeskError(why)
        approval = self.store.approval(draft_id)
        if draft.status != "approved" or approval is None:
            raise ChartdeskError(f"draft {draft_id} is not signed; edit it, no addendum needed")
        body = text.strip()
        if not body:
            raise ChartdeskError("the addendum is empty")
        number = len(self.service.addenda(draft_id)) + 1
        signed_at = _now()
        document = signed_markdown(
            f"# Addendum {number}: {draft_title(draft)}\n\n"
            f"Adds to the document signed by {approval['clinician']}, {approval['credentials']}"
            f" on {approval['signed_at']} (sha256 {approval['sha256']}).\n\n{body}\n",
            clinician.signature,
            signed_at,
        )
        record = (
            _identity(draft)
            | {
                "addendum": number,
                "appends_sha256": approval["sha256"],
                "date": draft.date,
                "text": document,
                "sha256": text_sha256(document),
            }
            | _signer(signer, signed_at)
        )
        block = [f"Electronically signed by {clinician.signature} on {signed_at}"]
        files = self._files(draft, stem(draft, f"-addendum-{number}"), document, record, signer,
                            signed_at, block, appends_sha256=approval["sha256"],
                            title=f"Addendum {number}: {draft_title(draft)}")  # fmt: skip
        versions: list[int] = []

        def record_addendum(signing: int) -> None:
            version = self.store.add_version(draft_id, body, "addendum", clinician.name,
                                             signing=signing)  # fmt: skip
            versions.append(version.n)

        detail = {"draft": draft_id, "auth": signer.auth} | files.hashes
        paths = self._sign(draft, "addendum", files, record_addendum,
                           AuditEntry("addendum", clinician.name, detail))  # fmt: skip
        self.service.discard_addendum_draft(draft_id)
        return paths

    def _sign(
        self, draft: Draft, kind: str, files: FileSet, record: Any, audit: AuditEntry
    ) -> list[Path]:
        """Run the signing transaction; it queues one delivery per `[[ehr]]` destination that
        takes this document."""

        def stored(signing: int) -> None:
            try:
                record(signing)
            except StoreError as exc:
                raise ChartdeskError(str(exc)) from exc

        service = self.service
        deliveries = planned_deliveries(service.context.ehr, draft, kind, files, service.relative)
        return service.journal.sign(draft.id, kind, files.files, stored, audit, deliveries)

    def _files(
        self,
        draft: Draft,
        file_stem: str,
        document: str,
        record: dict[str, Any],
        signer: Signer,
        signed_at: str,
        signatures: Sequence[str],
        *,
        preliminary: bool = False,
        appends_sha256: str = "",
        signs_sha256: str = "",
        authors: tuple[str, ...] = (),
        title: str = "",
    ) -> FileSet:
        """The signature's files, its FHIR resource validated before anything is written and
        its PDF laid out with `signatures` as the signature block."""
        from tui.core.records import fhir  # its models are not needed to open the queue

        service = self.service
        folder = service.clinic.paths.approved / (iso_day(draft.date) or signed_at[:10])
        skill = service.clinic.skills.get(draft.skill)
        resource = fhir.document_reference(
            fhir.SignedDocument(
                document=document.encode("utf-8"),
                file_name=f"{file_stem}.md",
                title=draft_title(draft),
                skill_kind=skill.kind if skill else "",
                skill_id=draft.skill,
                patient=draft.patient,
                service_date=iso_day(draft.date),
                signed_at=signed_at,
                signer=signer.clinician.name,
                signature=signer.clinician.signature,
                clinic=service.context.name,
                draft_id=draft.id,
                sha256=text_sha256(document),
                appends_sha256=appends_sha256,
                mrn=draft.mrn,
                preliminary=preliminary,
                signs_sha256=signs_sha256,
                authors=authors,
            )
        )
        fhir.validate(resource)
        pdf = document_pdf(
            PdfDocument(
                clinic=service.context.name,
                title=title or (skill.name if skill else draft.skill),
                identity=Identity(draft.patient, draft.mrn, draft.dob, iso_day(draft.date)),
                body=document,
                signatures=SignatureBlock(tuple(signatures)),
                sha256=text_sha256(document),
                created=signed_at,
            ),
            service.context.paper,
        )
        relative = service.relative(folder)
        return file_set(folder, file_stem, document, record, resource, relative, pdf)


def _second_pass(service: SigningService, draft: Draft) -> str:
    """The Skill a signature starts on this draft's text (hep_clinical -> hep_patient), if
    the Skill chains to one that is loaded."""
    skill = service.clinic.skills.get(draft.skill)
    if skill is None or not skill.next or service.clinic.skills.get(skill.next) is None:
        return ""
    return skill.next


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _identity(draft: Draft) -> dict[str, Any]:
    """Who and what a signed record is about."""
    return {
        "draft_id": draft.id,
        "patient": draft.patient,
        "mrn": draft.mrn,
        "dob": draft.dob,
        "date_of_service": iso_day(draft.date),
        "skill": draft.skill,
    }


def _signer(signer: Signer, signed_at: str) -> dict[str, Any]:
    """Who signed a record, how they were known, and when."""
    clinician: Clinician = signer.clinician
    return {
        "clinician": clinician.name,
        "clinician_id": clinician.key,
        "credentials": clinician.credentials,
        "authenticated_by": signer.auth,
        "os_user": os_user(),
        "signed_at": signed_at,
    }
