"""The review session's core pieces without a terminal: PIN, FHIR, handout HTML, the day's
figures, the queue's lean rows, and the `pin` / `audit-log verify` commands."""

from __future__ import annotations

import io
import json
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tui.core.errors import ChartdeskError
from tui.core.records import fhir
from tui.core.records.export import Handout, handout_html
from tui.core.records.store import QueueEntry
from tui.core.review.stats import day_bounds, format_duration, kept_share, kept_words
from tui.core.security.pin import check_pin, clear_pin, has_pin, pin_path, set_pin
from tui.core.service import ClinicService

FAST = 2**10


def test_pin_is_stored_only_as_a_slow_hash(tmp_path: Path) -> None:
    assert not has_pin(tmp_path)
    record = set_pin(tmp_path, "482913", n=FAST)
    stored = pin_path(tmp_path).read_text()
    assert "482913" not in stored and json.loads(stored)["kdf"] == "scrypt"
    assert stat.S_IMODE(pin_path(tmp_path).stat().st_mode) == 0o600
    assert record.n == FAST and len(record.salt) == 32
    assert check_pin(tmp_path, "482913")
    assert not check_pin(tmp_path, "482914") and not check_pin(tmp_path, "")
    with pytest.raises(ChartdeskError, match="at least"):
        set_pin(tmp_path, "12")
    assert clear_pin(tmp_path) and not has_pin(tmp_path)
    assert not check_pin(tmp_path, "482913")


def _signed(**extra: Any) -> fhir.SignedDocument:
    values: dict[str, Any] = {
        "document": b"# SOAP\n\nPain 3/10.\n",
        "file_name": "sam-doe-soap_note-7.md",
        "title": "Sam Doe · soap_note · 2026-11-09",
        "skill_kind": "note",
        "skill_id": "soap_note",
        "patient": "Sam Doe",
        "service_date": "2026-11-09",
        "signed_at": "2026-11-09T10:00:00+00:00",
        "signer": "Alex Rivera",
        "signature": "Alex Rivera, PT, DPT",
        "clinic": "Riverside",
        "draft_id": 7,
        "sha256": "a" * 64,
    }
    return fhir.SignedDocument(**(values | extra))


def test_fhir_document_reference_validates() -> None:
    resource = fhir.document_reference(_signed())
    fhir.validate(resource)
    assert resource["type"]["coding"][0]["code"] == "11506-3"
    assert resource["context"]["period"]["start"] == "2026-11-09"
    addendum = fhir.document_reference(_signed(appends_sha256="b" * 64))
    fhir.validate(addendum)
    assert addendum["relatesTo"][0]["target"]["identifier"]["value"] == "b" * 64
    assert "context" not in fhir.document_reference(_signed(service_date="next week"))


def test_fhir_validation_refuses_bad_resources() -> None:
    resource = fhir.document_reference(_signed())
    with pytest.raises(ChartdeskError, match="status"):
        fhir.validate(resource | {"status": "signed"})
    with pytest.raises(ChartdeskError, match="invalid FHIR"):
        fhir.validate(resource | {"subject": "Sam Doe"})


def test_handout_html_escapes_the_draft() -> None:
    page = handout_html(
        Handout("Home exercises", "Riverside", "Sam <Doe>", "2026-11-09",
                "## Exercises\n\n- <script>alert(1)</script> heel slides", "A. Rivera, PT"),
        "letter",
    )  # fmt: skip
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Sam &lt;Doe&gt;" in page
    assert 'data-paper="letter"' in page and "<h2>Exercises</h2>" in page
    with pytest.raises(ValueError):
        handout_html(Handout("t", "c", "p", "d", "m", "s"), "a5")  # type: ignore[arg-type]


def test_day_figures_helpers() -> None:
    assert kept_words("a b c d", "a b x d") == (3, 4)
    assert kept_share([("a b", "a b"), ("c d", "")]) == 0.5
    assert kept_share([]) is None
    assert format_duration(None) == "–"
    assert [format_duration(s) for s in (42, 185, 3900)] == ["42s", "3m", "1h05"]
    start, end = day_bounds(date(2026, 11, 6))
    assert start < end and start[:4] == "2026"


def test_queue_entries_match_the_drafts(service: ClinicService) -> None:
    entries = {entry.id: entry for entry in service.queue_entries()}
    drafts = service.drafts()
    assert list(entries) == [d.id for d in drafts]
    for draft in drafts:
        assert entries[draft.id] == QueueEntry.of(draft)
        assert entries[draft.id].check_summary == draft.check_summary


def _cli(argv: list[str]) -> int:
    from tui.cli import build_parser

    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


def test_pin_and_audit_log_commands(
    clinic_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tui.core.security.pin.SCRYPT_N", FAST)
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert _cli(["pin", "--clinic", str(clinic_root), "--stdin"]) == 0
    assert check_pin(clinic_root / ".chartdesk", "2468")

    service = ClinicService.open(clinic_root)
    draft_id = service.drafts()[0].id
    service.record_open(draft_id, "Alex Rivera")
    service.reject(draft_id, "duplicate note")
    service.close()
    capsys.readouterr()
    assert _cli(["audit-log", "verify", "--clinic", str(clinic_root), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["entries"] >= 3

    log = clinic_root / ".chartdesk" / "audit.log"
    lines = log.read_text().splitlines()
    opened = next(i for i, line in enumerate(lines) if '"open"' in line)
    lines[opened] = lines[opened].replace('"open"', '"edit"')
    log.write_text("\n".join(lines) + "\n")
    assert _cli(["audit-log", "verify", "--clinic", str(clinic_root), "--json"]) == 1
    broken = json.loads(capsys.readouterr().out)
    assert not broken["ok"] and broken["line"] == opened + 1, "the changed entry is named"
    assert "MAC does not match" in broken["problem"]

    del lines[opened]
    log.write_text("\n".join(lines) + "\n")
    assert _cli(["audit-log", "verify", "--clinic", str(clinic_root)]) == 1
    assert "BROKEN" in capsys.readouterr().out
