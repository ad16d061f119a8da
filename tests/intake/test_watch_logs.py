"""`chartdesk watch` logs ids and reasons, never header, note or model text.

A real `watch` process drafts through the real SDK against a fake model server on 127.0.0.1,
with the SDK's own debug logging switched on (``ANTHROPIC_LOG=debug``, which logs request
bodies). The notes carry a recognisable synthetic patient, Ezra Quillfeather, born 1951-07-04:
in the header, in a ``Skill:`` line that names no Skill, and in the body; the model server
answers with an error message or a refusal that repeats the name. Nothing of it may reach
the log, whose lines must still report every note by id and status.
"""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fakes.anthropic_server import FakeAnthropic, Reply
from tests.intake.conftest import WatchProcess, configure, drafts, wait_until_sync
from tui.core.logs import PrivateFormatter, configure_file

NAME, DOB = "Quillfeather", "1951-07-04"
SECRETS = (NAME, DOB, "Ezra")
HEADER = f"Patient: Ezra {NAME}\nDOB: {DOB}\nDate: 2026-11-02\nVisit: 3\nDiscipline: PT\n"
BODY = (
    f"\nS: Ezra {NAME} reports R knee pain 4/10 after stairs, sleeping better.\n"
    "O: R knee flexion AROM 104 deg. Gait 150 ft with SPC.\n"
    "Therapeutic exercise 97110 x 25 min.\nA: Progressing.\nP: Continue 2x/wk.\n"
)
NOTES = {
    "2026-11-02_case-17.txt": HEADER + f"Skill: progress note for {NAME} DOB {DOB} knee\n" + BODY,
    "2026-11-02_case-18.txt": HEADER + BODY,
}
ANSWERS = {
    "error": Reply(status=400, error_message=f"cannot read the note of Ezra {NAME} ({DOB})"),
    "refusal": Reply(
        text=f"I will not write this for Ezra {NAME}.",
        stop_reason="refusal",
        stop_details={"type": "refusal", "category": None, "explanation": f"{NAME} {DOB}"},
    ),
    "drafted": Reply(text=f"## Subjective\n\nEzra {NAME} reports less pain.\n"),
}

StartWatch = Callable[..., WatchProcess]


@pytest.fixture
def model_server() -> Iterator[FakeAnthropic]:
    with FakeAnthropic() as server:
        yield server


@pytest.mark.parametrize("answer", sorted(ANSWERS))
@pytest.mark.parametrize("json_lines", [True, False])
def test_watch_logs_no_header_note_or_model_text(
    clinic: Path,
    watch_processes: StartWatch,
    model_server: FakeAnthropic,
    answer: str,
    json_lines: bool,
) -> None:
    model_server.default = ANSWERS[answer]
    configure(clinic, model={"provider": "anthropic", "base_url": model_server.url})
    process = watch_processes(
        clinic, json_lines=json_lines, environ={"ANTHROPIC_LOG": "debug", "ANTHROPIC_API_KEY": ""}
    )
    process.wait_for("drafting")
    for name, text in NOTES.items():
        (clinic / "inbox" / name).write_text(text, encoding="utf-8")

    finished = {"failed", "ready"}
    # The package's generous wait, not 30 s: under load a whole run of this test took 29.5 s.
    wait_until_sync(
        lambda: len(entries := drafts(clinic)) == 2 and {e["status"] for e in entries} <= finished
    )
    assert process.terminate() == 0
    log = "".join(process.out + process.err)

    assert model_server.messages, "the note did go to the (local) model server"
    for secret in SECRETS:
        assert secret not in log, (secret, log)
    statuses = {e["note"]: e["status"] for e in drafts(clinic)}
    assert statuses["inbox/2026-11-02_case-17.txt"] == "failed"
    for name, status in statuses.items():
        if json_lines:
            lines = [json.loads(line) for line in process.out if name in line]
            assert any(line["status"] == status for line in lines), (name, process.out)
        else:
            assert any(name in line and status in line for line in process.out), process.out


def test_the_unknown_skill_reason_says_where_without_quoting_the_header(clinic: Path) -> None:
    from tui.core.service import ClinicService

    name = "2026-11-02_case-17.txt"
    (clinic / "inbox" / name).write_text(NOTES[name], encoding="utf-8")
    service = ClinicService.open(clinic)
    try:
        result = service.ingest(clinic / "inbox" / name)
    finally:
        service.close()
    assert result.status == "failed"
    assert "Skill" in result.reason and "header" in result.reason
    assert NAME not in result.reason and DOB not in result.reason


def test_the_formatter_keeps_exception_types_and_places_but_never_their_messages() -> None:
    record = _record_of_failure()
    text = PrivateFormatter().format(record)

    assert "ValueError" in text and "test_watch_logs.py" in text and "_fail_on" in text
    assert NAME not in text and DOB not in text
    assert "intake failed for note 7 (file 2026␛]0;x␇.txt)" in text


def _fail_on(value: str) -> None:
    int(value)


def _record_of_failure() -> logging.LogRecord:
    try:
        _fail_on(f"Ezra {NAME} {DOB}")
    except ValueError:
        import sys

        return logging.LogRecord(
            "tui.core.intake.pipeline",
            logging.ERROR,
            __file__,
            1,
            "intake failed for note %d (file %s)",
            (7, "2026\x1b]0;x\x07.txt"),
            sys.exc_info(),
        )
    raise AssertionError("int() accepted a name")


@pytest.fixture
def logging_state() -> Iterator[None]:
    """Put the process's logging set-up back as it was (pytest's own capture included)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(False)


def test_the_review_apps_log_file_is_private_and_as_careful(
    tmp_path: Path, logging_state: None
) -> None:
    path = tmp_path / "app.log"
    handler = configure_file(path)
    try:
        record = _record_of_failure()
        logging.getLogger(record.name).handle(record)
    finally:
        handler.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "ValueError" in text and NAME not in text
