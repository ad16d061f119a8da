"""The `folder` destination: signed PDFs (and optionally their JSON records) written into a
folder an EMR or document system imports from, often a mounted share.

An importer may pick up a file the moment its name appears, so a file never appears under its
final name half written: it is written to a hidden temp file in the same folder, synced, then
linked to its final name (a link, unlike a rename, never replaces a file already there) and
the temp name removed. Delivering the same parcel twice finds the file already there with the
same bytes and does nothing, so a retry after a crash never makes a second file; a different
file under that name is a failure that says so (a file-name pattern that is not unique).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from tui.core.ehr.delivery import DeliveryFailed, Parcel
from tui.core.ehr.settings import DEFAULT_FILE_NAME, file_name_problem

FILE_MODE: Final = 0o640
"""Readable by the importer's group, not by everyone: the files are patient records."""
TEMP_SUFFIX: Final = ".chartdesk-tmp"
_UNSAFE: Final = re.compile(r"[^\w.-]+")


class FolderDestination:
    """Writes each parcel's PDF (and JSON, with `include_json`) into `path`."""

    def __init__(
        self, id: str, path: Path, file_name: str = DEFAULT_FILE_NAME, include_json: bool = False
    ) -> None:
        why = file_name_problem(file_name)
        if why:
            raise ValueError(f"file_name: {why}")
        self._id = id
        self.path = path
        self.file_name = file_name
        self.include_json = include_json

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], clinic_dir: Path) -> FolderDestination:
        """From an `[[ehr]]` entry; a relative path is relative to the clinic folder."""
        path = Path(str(settings["path"])).expanduser()
        return cls(
            str(settings["id"]),
            path if path.is_absolute() else clinic_dir / path,
            str(settings.get("file_name", DEFAULT_FILE_NAME)),
            bool(settings.get("include_json", False)),
        )

    @property
    def id(self) -> str:
        return self._id

    def deliver(self, parcel: Parcel) -> str:
        """Write the parcel's files; returns the PDF's file name in the folder."""
        if not self.path.is_dir():
            raise DeliveryFailed(f"folder {self.path} is not there (not mounted?)", transient=True)
        name = self._name(parcel)
        sources = [(parcel.pdf_path, f"{name}.pdf")]
        if self.include_json:
            sources.append((parcel.record_path, f"{name}.json"))
        for source, target in sources:
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise DeliveryFailed(
                    f"signed file {source.name} cannot be read ({exc.strerror or exc})",
                    transient=False,
                ) from exc
            self._place(data, self.path / target)
        return f"{name}.pdf"

    def _name(self, parcel: Parcel) -> str:
        """The file name (without suffix) from the pattern and the signed record."""
        try:
            record = json.loads(parcel.record_path.read_bytes())
        except (OSError, ValueError) as exc:
            raise DeliveryFailed(
                f"signed record {parcel.record_path.name} cannot be read", transient=False
            ) from exc
        fields = {
            "stem": parcel.pdf_path.stem,
            "patient": str(record.get("patient", "")),
            "mrn": str(record.get("mrn", "")),
            "date": str(record.get("date_of_service", "")),
            "skill": parcel.skill,
            "draft": str(parcel.draft_id),
            "kind": _kind(record),
            "sha8": parcel.identifier[:8],
        }
        safe = {key: _UNSAFE.sub("-", value).strip("-.") or "-" for key, value in fields.items()}
        return self.file_name.format_map(safe)[:200]

    def _place(self, data: bytes, target: Path) -> None:
        """Put `data` at `target` atomically; the same bytes already there are success."""
        existing = _sha256_of(target)
        if existing is not None:
            if existing == hashlib.sha256(data).hexdigest():
                return
            raise DeliveryFailed(
                f"{target.name} already exists in {self.path} with other content "
                "(make file_name unique, e.g. with {draft} or {stem})",
                transient=False,
            )
        for leftover in self.path.glob(f".{target.name}.*{TEMP_SUFFIX}"):
            leftover.unlink(missing_ok=True)  # a write a killed process left half done
        temp = self.path / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(temp, target)
            except FileExistsError:
                self._place_raced(data, target)
            _sync_dir(self.path)
        except OSError as exc:
            raise DeliveryFailed(
                f"cannot write to {self.path} ({exc.strerror or exc})", transient=True
            ) from exc
        finally:
            temp.unlink(missing_ok=True)

    def _place_raced(self, data: bytes, target: Path) -> None:
        if _sha256_of(target) != hashlib.sha256(data).hexdigest():
            raise DeliveryFailed(
                f"{target.name} appeared in {self.path} with other content", transient=False
            )


def _kind(record: Mapping[str, Any]) -> str:
    """Which signature of a document a record is: signed, addendum-N or cosigned."""
    if record.get("addendum"):
        return f"addendum-{record['addendum']}"
    return "cosigned" if record.get("cosigns_sha256") else "signed"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DeliveryFailed(
            f"{path.name} cannot be read ({exc.strerror or exc})", transient=True
        ) from exc


def _sync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some shares cannot fsync a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
