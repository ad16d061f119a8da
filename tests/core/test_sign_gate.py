"""The sign gate: what is signed is what was checked, and a record belongs to a patient, a
visit and a real person (issue 11)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import TEST_PIN, sample_notes, signer
from tests.core.conftest import drafted, signed_files
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import draft_queued
from tui.core.records.store import MIGRATIONS, Store
from tui.core.security.pin import set_pin
from tui.core.service import ClinicService
from tui.core.signing.gate import NOTICE, OVERRIDE, REFUSAL
from tui.core.signing.signers import SigningRefused

WHITFIELD = next(p for p in sample_notes() if "whitfield" in p.name)
OKAFOR = next(p for p in sample_notes() if "okafor" in p.name)


def audit_entries(service: ClinicService, action: str) -> list[dict[str, object]]:
    lines = service.clinic.paths.audit_log.read_text().splitlines()
    return [entry for entry in map(json.loads, lines) if entry["action"] == action]


# Checks follow the text -----------------------------------------------------------------------


def test_an_edit_that_changes_a_value_is_checked_before_it_is_signed(
    service: ClinicService,
) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    assert service.gate(draft_id).of_kind(OVERRIDE) == []
    text = service.text(draft_id)
    assert "LEFS 38/80" in text
    version = service.save_edit(draft_id, text.replace("LEFS 38/80", "LEFS 44/80"))
    assert service.draft(draft_id).checking, "a new version's checks are pending, not inherited"

    gate = service.gate(draft_id)
    assert gate.version_n == version.n
    unsupported = [i for i in gate.of_kind(OVERRIDE) if i.code == "UNSUPPORTED_VALUE"]
    assert len(unsupported) == 1 and "44" in unsupported[0].message
    line = int(unsupported[0].where.split()[-1])
    assert "LEFS 44/80" in version.text.splitlines()[line - 1]
    missing = [i for i in gate.of_kind(NOTICE) if i.code == "MISSING_FACT"]
    assert missing and "38" in missing[0].message and missing[0].where.startswith("note line")
    draft = service.draft(draft_id)
    assert not draft.checking and len(draft.checks["unsupported"]) == 1


def test_signing_over_an_unsupported_value_takes_a_recorded_reason(
    service: ClinicService,
) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    text = service.text(draft_id).replace("LEFS 38/80", "LEFS 44/80")
    service.save_edit(draft_id, text)
    with pytest.raises(ChartdeskError, match="UNSUPPORTED_VALUE"):
        service.approve(draft_id, signer(service))
    with pytest.raises(ChartdeskError, match="at least 8 characters"):
        service.approve(draft_id, signer(service), reason="ok")
    assert signed_files(service) == []

    reason = "LEFS re-scored with the patient today"
    files = service.approve(draft_id, signer(service), reason=reason)
    record = json.loads(next(p for p in files if p.name.endswith(".json")).read_text())
    assert record["override"] == {"reason": reason, "open": ["UNSUPPORTED_VALUE"]}
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["override_reason"] == reason
    entry = audit_entries(service, "approve")[0]
    assert entry["override"] == ["UNSUPPORTED_VALUE"]
    assert reason not in service.clinic.paths.audit_log.read_text(), "the log keeps its hash"


def test_a_clean_version_signs_with_no_reason(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    gate = service.gate(draft_id)
    assert not gate.refused and not gate.needs_reason
    service.approve(draft_id, signer(service))
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["override_reason"] == ""
    assert "override" not in audit_entries(service, "approve")[0]


def test_an_error_finding_needs_a_reason(service: ClinicService) -> None:
    draft_id = drafted(service, OKAFOR.read_bytes())
    gate = service.gate(draft_id)
    assert "UNITS_OVER_BILLED" in gate.override_codes
    item = next(i for i in gate.items if i.code == "UNITS_OVER_BILLED")
    assert "timed units billed" in item.message, "the finding in words, not its code"
    with pytest.raises(ChartdeskError, match="UNITS_OVER_BILLED"):
        service.approve(draft_id, signer(service))


def test_checks_run_on_every_kind_of_saved_version(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    original = service.text(draft_id)
    service.autosave(draft_id, original.replace("LEFS 38/80", "LEFS 50/80"))
    assert service.check_pending() == 1
    assert len(service.draft(draft_id).checks["unsupported"]) == 1
    service.restore_version(draft_id, 1)
    assert service.draft(draft_id).checking
    service.check_version(draft_id)
    assert service.draft(draft_id).checks["unsupported"] == []


# No scaffolding in the record -------------------------------------------------------------


def test_a_signed_offline_draft_carries_no_drafting_scaffolding(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    draft = service.draft(draft_id)
    assert "without a language model" in draft.aside
    assert "Measurements found in the note" in draft.aside
    md = service.approve(draft_id, signer(service))[0]
    signed = md.read_text()
    assert "Drafted offline" not in signed and "Measurements found" not in signed


def test_text_that_still_carries_scaffolding_is_refused(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    legacy = "> Drafted offline, without a language model.\n\n" + service.text(draft_id)
    service.save_edit(draft_id, legacy + "\n## Measurements found in the note\n\n- pain 4/10\n")
    gate = service.gate(draft_id)
    refusals = gate.of_kind(REFUSAL)
    assert {item.code for item in refusals} == {"SCAFFOLDING"}
    assert refusals[0].where == "text line 1"
    with pytest.raises(ChartdeskError, match="offline drafter"):
        service.approve(draft_id, signer(service), reason="nothing can sign this over")


def test_not_documented_sections_are_listed(service: ClinicService) -> None:
    draft_id = drafted(service, "Patient: Ann Test\nDate: 2026-11-02\n\n- walked 20 min today\n")
    notices = [i for i in service.gate(draft_id).of_kind(NOTICE) if i.code == "NOT_DOCUMENTED"]
    assert notices and all("[not documented]" in item.message for item in notices)
    section = next(item for item in notices if item.message.startswith("Assessment"))
    assert section.message == "Assessment is left [not documented]."


def test_a_placeholder_among_text_is_named_as_one(service: ClinicService) -> None:
    draft_id = drafted(service, "Patient: Ann Test\nDate: 2026-11-02\n\n- walked 20 min today\n")
    text = service.text(draft_id)
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    service.save_edit(draft_id, text.replace(heading, f"{heading}\n\nHTN controlled.", 1))
    messages = [i.message for i in service.gate(draft_id).of_kind(NOTICE)]
    section = heading.removeprefix("## ")
    wanted = f"A [not documented] placeholder is left in {section}, among text."
    assert wanted in messages, messages
    assert not any(m.startswith("[not documented] in") for m in messages)


# A record needs a patient and a day ----------------------------------------------------------


def test_a_note_without_a_header_is_signed_only_once_identified(service: ClinicService) -> None:
    draft_id = drafted(service, "- pain 3/10 at rest, walked 20 min, SLR 3x10\n", name="memo.txt")
    codes = {item.code for item in service.gate(draft_id).of_kind(REFUSAL)}
    assert codes == {"NO_PATIENT", "NO_SERVICE_DATE"}
    with pytest.raises(ChartdeskError, match="names no patient"):
        service.approve(draft_id, signer(service))
    assert signed_files(service) == []

    changed = service.identify(
        draft_id,
        {"patient": "Ann Test", "date": "2026-11-02", "mrn": "A-1001", "dob": "1950-02-03"},
        "Alex Rivera",
    )
    assert changed == ["patient", "date", "mrn", "dob"]
    assert service.gate(draft_id).of_kind(REFUSAL) == []
    files = service.approve(draft_id, signer(service))
    md, js, fhir = (
        next(p for p in files if p.name.endswith(s)) for s in (".md", ".json", ".fhir.json")
    )
    assert md.read_text().startswith(
        "Patient: Ann Test | MRN: A-1001 | DOB: 1950-02-03 | Date of service: 2026-11-02"
    )
    assert md.parent.name == "2026-11-02"
    record = json.loads(js.read_text())
    assert (record["mrn"], record["dob"]) == ("A-1001", "1950-02-03")
    subject = json.loads(fhir.read_text())["subject"]
    assert subject["display"] == "Ann Test" and subject["identifier"]["value"] == "A-1001"
    entry = audit_entries(service, "identify")[0]
    assert entry["fields"] == ["patient", "date", "mrn", "dob"]
    assert "Ann Test" not in service.clinic.paths.audit_log.read_text()


def test_identity_is_part_of_the_signed_record(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    service.approve(draft_id, signer(service))
    with pytest.raises(ChartdeskError, match="signed"):
        service.identify(draft_id, {"patient": "Someone Else"})
    other = drafted(service, "Patient: B Two\n\n- walked 20 min, pain 2/10 after\n", "b.txt")
    with pytest.raises(ChartdeskError, match="not a date"):
        service.identify(other, {"date": "next tuesday"})


# One open draft per visit -----------------------------------------------------------------


def test_a_corrected_note_supersedes_the_old_draft(service: ClinicService) -> None:
    original = OKAFOR.read_text()
    first = drafted(service, original, name="okafor.txt")
    corrected = original.replace("97530 times two", "97530 times one")
    assert corrected != original
    second = drafted(service, corrected, name="okafor.txt")
    old = service.draft(first)
    assert old.status == "superseded" and old.superseded_by == second
    assert old.reason == f"replaced by draft {second} from the corrected note"
    with pytest.raises(ChartdeskError, match=r"superseded|only a ready draft"):
        service.approve(first, signer(service), reason="trying to sign the stale one")
    entry = next(e for e in service.queue_json()["drafts"] if e["id"] == first)
    assert entry["status"] == "superseded" and entry["superseded_by"] == second
    assert service.queue_json("superseded")["drafts"][0]["id"] == first


def test_the_same_visit_from_another_file_supersedes_and_a_second_visit_does_not(
    service: ClinicService,
) -> None:
    text = "Patient: Ann Test\nDate: 2026-11-02\nVisit: 3\n\n- walked 20 min, pain 3/10\n"
    first = drafted(service, text, name="a.txt")
    again = drafted(service, text + "- also stairs x1 flight\n", name="a-resent.txt")
    assert service.draft(first).status == "superseded"
    assert service.draft(first).superseded_by == again
    later = drafted(service, text.replace("Visit: 3", "Visit: 4") + "- PM session\n", name="pm.txt")
    assert service.draft(again).status == "ready", "a second visit the same day is its own"
    assert service.draft(later).status == "ready"


def test_the_day_audit_counts_a_superseded_draft_as_open_work(service: ClinicService) -> None:
    from tui.core.review.day_audit import build_day_audit

    original = OKAFOR.read_text()
    first = drafted(service, original, name="okafor.txt")
    second = drafted(service, original.replace("times two", "times one"), name="okafor.txt")
    audit = build_day_audit(service, __import__("datetime").date(2026, 11, 3))
    open_ids = {item.draft_id: item.status for item in audit.open_work}
    assert open_ids == {first: "superseded", second: "ready"}
    service.approve(second, signer(service), reason="units as corrected in the note")
    audit = build_day_audit(service, __import__("datetime").date(2026, 11, 3))
    assert audit.open_work == (), "signing the replacement closes the visit"


def test_a_second_document_for_a_signed_visit_needs_a_reason(service: ClinicService) -> None:
    text = "Patient: Ann Test\nDate: 2026-11-02\n\n- walked 20 min, pain 3/10\n"
    first = drafted(service, text, name="a.txt")
    service.approve(first, signer(service))
    second = drafted(service, text + "- stairs x1 flight\n", name="b.txt")
    assert service.draft(second).status == "ready"
    gate = service.gate(second)
    assert "VISIT_ALREADY_SIGNED" in gate.override_codes


# Who signs ------------------------------------------------------------------------------------


def test_nobody_signs_as_another_clinician(service: ClinicService) -> None:
    with pytest.raises(SigningRefused, match="no signing PIN"):
        service.authenticate("jlee")
    set_pin(service.clinic.paths.state, TEST_PIN, n=2**4, clinician="jlee")
    with pytest.raises(SigningRefused, match="wrong signing PIN"):
        service.authenticate("jlee", "0000")
    with pytest.raises(SigningRefused, match="wrong signing PIN"):
        service.authenticate("jlee")
    assert service.authenticate("jlee", TEST_PIN).auth == "pin"
    refusals = audit_entries(service, "sign_refused")
    assert [entry["clinician"] for entry in refusals] == ["jlee"] * 3
    assert TEST_PIN not in service.clinic.paths.audit_log.read_text()


def test_the_os_account_signs_as_its_own_clinician_without_a_pin(
    service: ClinicService,
) -> None:
    from tui.core.security.audit_log import os_user

    context = service.clinic.paths.context
    context.write_text(
        context.read_text().replace('os_user = "arivera"', f'os_user = "{os_user()}"')
    )
    service = ClinicService.open(service.clinic.paths.root)
    who = service.authenticate("arivera")
    assert (who.clinician.name, who.auth) == ("Alex Rivera", "os_user")
    choices = service.signer_choices()
    assert choices[0].clinician.key == "arivera" and not choices[0].needs_pin
    assert all(choice.needs_pin for choice in choices[1:])


def test_a_pt_document_is_not_signed_by_an_ot(service: ClinicService) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    with pytest.raises(ChartdeskError, match="cannot sign a PT document"):
        service.approve(draft_id, signer(service, "jlee"))
    assert signed_files(service) == []
    service.approve(draft_id, signer(service, "arivera"))


def test_an_assistants_signature_awaits_the_supervisors_cosignature(
    service: ClinicService,
) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    files = service.approve(draft_id, signer(service, "spatel"))
    md = next(p for p in files if p.name.endswith(".md"))
    assert "Awaiting co-signature by Alex Rivera, PT, DPT" in md.read_text()
    fhir = json.loads(next(p for p in files if p.name.endswith(".fhir.json")).read_text())
    assert fhir["docStatus"] == "preliminary"
    assert "awaiting co-signature by Alex Rivera" in service.signature_line(draft_id)
    assert service.store.awaiting_cosignature() == [(draft_id, "arivera")]

    with pytest.raises(ChartdeskError, match="only Alex Rivera"):
        service.cosign(draft_id, signer(service, "jlee"))
    cosigned = service.cosign(draft_id, signer(service, "arivera"))
    text = next(p for p in cosigned if p.name.endswith(".md")).read_text()
    assert "Electronically signed by Sam Patel, PTA" in text
    assert "Co-signed by Alex Rivera, PT, DPT" in text
    resource = json.loads(next(p for p in cosigned if p.name.endswith(".fhir.json")).read_text())
    assert resource["relatesTo"][0]["code"] == "signs"
    assert [a["display"] for a in resource["author"]] == ["Sam Patel", "Alex Rivera"]
    assert md.read_text().count("Co-signed") == 0, "the first signed file is never touched"
    assert service.store.awaiting_cosignature() == []
    assert "co-signed by Alex Rivera" in service.signature_line(draft_id)
    with pytest.raises(ChartdeskError, match="already co-signed"):
        service.cosign(draft_id, signer(service, "arivera"))
    assert [e["action"] for e in audit_entries(service, "cosign")] == ["cosign"]


# Handouts for patients ------------------------------------------------------------------------


def test_a_handout_with_codes_or_shorthand_needs_a_reason(service: ClinicService) -> None:
    hep = service.clinic.skills.get("hep_patient")
    assert hep is not None and hep.patient_facing
    note = (
        "Patient: Ann Test\nDate: 2026-11-02\nSkill: hep_patient\n\n"
        "- calf stretch against the wall, hold for thirty seconds, three times a day\n"
    )
    draft_id = drafted(service, note)
    assert service.draft(draft_id).skill == "hep_patient"
    clean = service.gate(draft_id)
    assert not [i for i in clean.items if i.code.startswith("HANDOUT")], clean.items
    text = service.text(draft_id).replace(
        "## Stay Safe", "- ankle DF AROM 12 deg, SLR 3x10\n- Billed: 97110 x2\n\n## Stay Safe"
    )
    service.save_edit(draft_id, text)
    codes = set(service.gate(draft_id).override_codes)
    assert {"HANDOUT_CODE", "HANDOUT_BILLING", "HANDOUT_SHORTHAND"} <= codes
    with pytest.raises(ChartdeskError, match="HANDOUT"):
        service.approve(draft_id, signer(service))


# Honest actions -------------------------------------------------------------------------------


def test_the_offline_drafter_refuses_an_instruction_it_cannot_follow(
    service: ClinicService,
) -> None:
    draft_id = drafted(service, WHITFIELD.read_bytes())
    with pytest.raises(ChartdeskError, match="cannot follow instructions"):
        service.regenerate(draft_id, "make it shorter")
    assert service.draft(draft_id).status == "ready" and len(service.versions(draft_id)) == 1
    service.regenerate(draft_id)
    draft_queued(service)
    assert len(service.versions(draft_id)) == 1, "the same text again is no new version"


def test_a_rejected_draft_is_closed_to_every_action(service: ClinicService) -> None:
    from tui.core.review.rules import approve_refusal, edit_refusal, regenerate_refusal

    draft_id = drafted(service, WHITFIELD.read_bytes())
    service.reject(draft_id, "duplicate of another note")
    draft = service.draft(draft_id)
    for refusal in (edit_refusal, approve_refusal, regenerate_refusal):
        why = refusal(draft)
        assert why is not None and "rejected" in why
    with pytest.raises(ChartdeskError, match="closed"):
        service.regenerate(draft_id)


# The store moves forward ----------------------------------------------------------------------


def test_a_store_of_the_previous_schema_is_migrated_with_its_drafts(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO notes (path, sha256, patient, date, received_at)"
        " VALUES ('inbox/x.txt', 'abc', 'Whitfield, Dana', '11/02/2026', 'now')"
    )
    conn.execute(
        "INSERT INTO drafts (note_id, skill, status, checks_json, created_at, updated_at)"
        " VALUES (1, 'soap_note', 'ready', '{\"missing\": []}', 'now', 'now')"
    )
    conn.execute(
        "INSERT INTO draft_versions (draft_id, n, text, sha256, origin, created_at)"
        " VALUES (1, 1, 'text', 'h', 'model', 'now')"
    )
    conn.commit()
    conn.close()
    store = Store(path)
    draft = store.get_draft(1)
    assert (draft.status, draft.latest_n, draft.checked_n) == ("ready", 1, 1)
    assert store.version_checks(1, 1) == {"missing": []}
    assert store.patient_notes("Dana Whitfield")[0].day == "2026-11-02"
    store.db.execute("UPDATE drafts SET status = 'superseded' WHERE id = 1")
    assert store.get_draft(1).status == "superseded"
