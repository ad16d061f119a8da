"""The `[[ehr]]` entries of context.toml: where signed documents go, and which ones.

Each entry has an id, a kind (`fhir` or `folder`), optional filters (`skills`, `disciplines`,
`payers`: a document goes to a destination when it matches every filter given) and the
settings of its kind. The schema and the rules here run with the rest of context.toml, so
`chartdesk skills check` and every start report a bad entry as ``FILE:LINE: field: problem``
before anything is signed against it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from tui.core.tomlschema import Field, Problem, Table, full_match, in_range, one_of

KINDS: Final = ("fhir", "folder")
AUTHS: Final = ("none", "bearer", "smart")
FILE_NAME_FIELDS: Final = ("stem", "patient", "mrn", "date", "skill", "draft", "kind", "sha8")
DEFAULT_FILE_NAME: Final = "{stem}"

_S = Field((str,))
_STR_LIST = Field((list,), items=(str,))

SCHEMA: Final = Table(
    {
        "id": Field(
            (str,), required=True,
            check=full_match(r"[a-z0-9][a-z0-9_.-]*", "an id: a-z, 0-9, _ . -"),
        ),
        "kind": Field((str,), required=True, check=one_of(*KINDS)),
        "skills": _STR_LIST,
        "disciplines": _STR_LIST,
        "payers": _STR_LIST,
        # fhir
        "base_url": _S,
        "auth": Field((str,), check=one_of(*AUTHS)),
        "token_file": _S,
        "client_id": _S,
        "key_file": _S,
        "token_url": _S,
        "key_id": _S,
        "scope": _S,
        "patient_identifier_system": _S,
        "document_types": Table(values=_S),
        "timeout_seconds": Field((int, float), check=in_range(1, 300)),
        # folder
        "path": _S,
        "file_name": _S,
        "include_json": Field((bool,)),
    },
    array=True,
)  # fmt: skip


@dataclass(frozen=True)
class DestinationSettings:
    """One `[[ehr]]` entry: its id, kind, filters and the whole table (for its kind)."""

    id: str
    kind: str
    skills: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    payers: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def takes(self, skill: str, discipline: str, payer: str) -> bool:
        """Whether a document of this Skill, discipline and payer goes here."""
        wanted = (
            (self.skills, skill),
            (self.disciplines, discipline.upper()),
            (tuple(p.casefold() for p in self.payers), payer.strip().casefold()),
        )
        return all(not allowed or value in allowed for allowed, value in wanted)


def destinations(entries: Any) -> tuple[DestinationSettings, ...]:
    """The validated `[[ehr]]` entries, typed."""
    return tuple(
        DestinationSettings(
            id=entry["id"],
            kind=entry["kind"],
            skills=tuple(entry.get("skills", ())),
            disciplines=tuple(d.upper() for d in entry.get("disciplines", ())),
            payers=tuple(entry.get("payers", ())),
            settings=dict(entry),
        )
        for entry in entries or ()
    )


def ehr_problems(entries: Any, file: str, lines: Mapping[str, int]) -> list[Problem]:
    """What the schema cannot see: unique ids, each kind's required settings, https for any
    server not on this machine, and file-name patterns with known fields only."""
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):

        def problem(key: str, message: str, index: int = index) -> None:
            line = lines.get(f"ehr.{index}.{key}", lines.get(f"ehr.{index}", 1))
            problems.append(Problem(file, line, f"ehr[{index}].{key}", message))

        key = entry.get("id")
        if isinstance(key, str) and key:
            if key in seen:
                problem("id", f"{key!r} is already the id of destination {seen[key] + 1}")
            seen.setdefault(key, index)
        kind = entry.get("kind")
        if kind == "fhir":
            _fhir_problems(entry, problem)
        elif kind == "folder":
            _folder_problems(entry, problem)
    return problems


def _fhir_problems(entry: Mapping[str, Any], problem: Any) -> None:
    # The destination's own judge of "this machine" (the one the privacy gate's host parsing
    # backs), imported only when a fhir entry is checked: context parsing stays light.
    from tui.core.ehr.fhir_settings import is_loopback_url as is_loopback

    base_url = entry.get("base_url")
    if not isinstance(base_url, str) or not base_url:
        problem("base_url", "a fhir destination needs base_url")
        return
    scheme = urlsplit(base_url).scheme
    loopback = is_loopback(base_url)
    if scheme not in ("https", "http") or not urlsplit(base_url).hostname:
        problem("base_url", "must be an https:// URL")
    elif scheme != "https" and not loopback:
        problem("base_url", "must be https:// (plain http only for a server on 127.0.0.1)")
    if not entry.get("patient_identifier_system"):
        problem("patient_identifier_system", "name the MRN's identifier system")
    auth = entry.get("auth", "none")
    if auth == "none" and not loopback:
        problem("auth", 'auth = "none" is for a test server on 127.0.0.1 only')
    required = {"bearer": ("token_file",), "smart": ("client_id", "key_file", "token_url")}
    for key in required.get(auth, ()):
        if not entry.get(key):
            problem(key, f'auth = "{auth}" needs {key}')
    token_url = entry.get("token_url")
    if (
        isinstance(token_url, str)
        and token_url
        and urlsplit(token_url).scheme != "https"
        and not is_loopback(token_url)
    ):
        problem("token_url", "must be https:// (plain http only on 127.0.0.1)")


def _folder_problems(entry: Mapping[str, Any], problem: Any) -> None:
    if not entry.get("path"):
        problem("path", "a folder destination needs path (the folder the EHR imports from)")
    pattern = entry.get("file_name", DEFAULT_FILE_NAME)
    if isinstance(pattern, str):
        why = file_name_problem(pattern)
        if why:
            problem("file_name", why)


def file_name_problem(pattern: str) -> str | None:
    """Why a file-name pattern cannot be used, or None."""
    try:
        parts = [(n, s, c) for _, n, s, c in string.Formatter().parse(pattern) if n is not None]
    except ValueError as exc:
        return f"not a valid pattern ({exc})"
    if any(spec or conversion for _, spec, conversion in parts):
        return "fields take no format spec ({draft}, not {draft:05d})"
    names = [name for name, _, _ in parts]
    unknown = [n for n in names if n not in FILE_NAME_FIELDS]
    if unknown:
        return f"unknown field {{{unknown[0]}}}; use {', '.join(FILE_NAME_FIELDS)}"
    if not names:
        return "needs at least one field, e.g. {stem}, or every document gets the same name"
    if "/" in pattern or pattern.startswith("."):
        return "a file name only (no / and not starting with a dot)"
    return None
