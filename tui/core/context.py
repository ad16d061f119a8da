"""The clinic's context.toml: schema, validation, typed access, and rendering for prompts.

A bad context.toml stops start-up with ``FILE:LINE: field: problem`` (exit code 2): drafting with
a half-read clinic context could put the wrong payer rules or privacy setting into effect.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.ehr.settings import SCHEMA as EHR_SCHEMA
from tui.core.ehr.settings import DestinationSettings, destinations, ehr_problems
from tui.core.errors import ConfigError
from tui.core.security.bounded_read import FileRefused, read_bounded
from tui.core.tomlschema import (
    Field,
    Problem,
    Table,
    TomlSyntaxError,
    full_match,
    in_range,
    key_lines,
    one_of,
    parse_toml,
    validate,
)

PROVIDERS = ("auto", "offline", "anthropic")
MAX_CONTEXT_BYTES = 1024 * 1024
# Roles that sign only under a supervising clinician's co-signature (assistants).
COSIGN_ROLES = ("PTA", "COTA")
TIMED_RULES = ("cms", "per_code")
DISCIPLINES = ("PT", "OT")
PAPERS = ("letter", "a4")

_S = Field((str,))
_STR_LIST = Field((list,), items=(str,))

SCHEMA = Table(
    {
        "clinic": Table(
            {
                "name": Field((str,), required=True),
                "address": _S,
                "phone": _S,
                "setting": _S,
            },
            required=True,
        ),
        "clinicians": Table(
            {
                "id": Field(
                    (str,), check=full_match(r"[a-z0-9][a-z0-9_.-]*", "an id: a-z, 0-9, _ . -")
                ),
                "name": Field((str,), required=True),
                "credentials": Field((str,), required=True),
                "discipline": Field((str,), check=one_of(*DISCIPLINES)),
                "npi": _S,
                "os_user": _S,
                "role": _S,
                "cosign_by": _S,
                "example": Field((bool,)),
            },
            array=True,
        ),
        "documentation": Table(
            {
                "note_format": _S,
                "terminology": _S,
                "signature_block": _S,
                "paper": Field((str,), check=one_of(*PAPERS)),
            }
        ),
        "defaults": Table({"skill": Table(values=_S)}),
        "cpt": Table(
            {
                "frequent": _STR_LIST,
                "timed": Table(values=_S),
                "untimed": Table(values=_S),
            }
        ),
        "standards": Table(
            {
                "diagnosis": Field((str,), required=True),
                "codes": _STR_LIST,
                "requirements": Field((str,), required=True),
            },
            array=True,
        ),
        "payers": Table(
            values=Table(
                {
                    "timed_rule": Field((str,), check=one_of(*TIMED_RULES)),
                    "requirements": _STR_LIST,
                    "progress_report_visits": Field((int,), check=in_range(1, 60)),
                    "example": Field((bool,)),
                }
            )
        ),
        "measures": Table(
            {
                "in_use": _STR_LIST,
                "plain_language": Table(values=_S),
            }
        ),
        "instruments": Table(
            {
                "name": Field((str,), required=True),
                "min": Field((int, float), required=True),
                "max": Field((int, float), required=True),
                "direction": Field((str,), required=True),
                "unit": _S,
                "mcid": Field((int, float), check=in_range(0.000001, 1_000_000)),
                "mdc": Field((int, float), check=in_range(0.000001, 1_000_000)),
                "percent_of": Field((int, float), check=in_range(0.000001, 1_000_000)),
                "raw_max": Field((int, float), check=in_range(0.000001, 1_000_000)),
                "patient_specific": Field((bool,)),
                "region": _S,
                "source": _S,
            },
            array=True,
        ),
        "model": Table(
            {
                "provider": Field((str,), check=one_of(*PROVIDERS)),
                "model": _S,
                "base_url": _S,
                "api_key_file": _S,
                "max_concurrency": Field((int,), check=in_range(1, 32)),
                "max_tokens": Field((int,), check=in_range(256, 32000)),
                "timeout_seconds": Field((int, float), check=in_range(1, 600)),
            }
        ),
        "privacy": Table({"baa_signed": Field((bool,))}),
        "intake": Table(
            {
                "observer": Field((str,), check=one_of("native", "polling")),
                "max_file_mb": Field((int, float), check=in_range(0.01, 100)),
                "settle_seconds": Field((int, float), check=in_range(0, 30)),
                "rescan_seconds": Field((int, float), check=in_range(1, 3600)),
            }
        ),
        "lock": Table(
            {
                "idle_minutes": Field((int, float), check=in_range(0, 240)),
                "os_password": Field((bool,)),
                "pam_service": Field(
                    (str,), check=full_match(r"[\w.-]+", "a PAM service name (no spaces or /)")
                ),
            }
        ),
        "prices": Table(
            values=Table(
                {
                    "input": Field((int, float), required=True, check=in_range(0, 1000)),
                    "output": Field((int, float), required=True, check=in_range(0, 1000)),
                    "cache_write": Field((int, float), check=in_range(0, 1000)),
                    "cache_read": Field((int, float), check=in_range(0, 1000)),
                }
            )
        ),
        "ehr": EHR_SCHEMA,
        "ui": Table(
            {
                "mouse": Field((bool,)),
                "clipboard": Field((bool,)),
                "theme": _S,
                "keys": Table(values=_S),
            }
        ),
    }
)


@dataclass(frozen=True)
class Clinician:
    """A person who signs. `os_user` is the OS account that signs as them without a PIN;
    `cosign_by` names the supervising clinician whose co-signature their documents need."""

    name: str
    credentials: str
    discipline: str = ""
    id: str = ""
    os_user: str = ""
    role: str = ""
    cosign_by: str = ""
    npi: str = ""
    example: bool = False
    """A sample from `chartdesk init` (``example = true``), to be replaced: never signs."""

    @property
    def key(self) -> str:
        """The id scripts and PINs use: the configured id, else one made from the name."""
        return self.id or clinician_id(self.name)

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.credentials}"


def clinician_id(name: str) -> str:
    """An id from a name ("Alex Rivera" -> "alex-rivera"), for clinicians listed without one."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


@dataclass(frozen=True)
class Payer:
    name: str
    timed_rule: str = "cms"
    requirements: tuple[str, ...] = ()
    progress_report_visits: int = 10
    example: bool = False
    """A sample payer from `chartdesk init`, to be replaced with the clinic's own rules."""


@dataclass(frozen=True)
class Standard:
    diagnosis: str
    codes: tuple[str, ...]
    requirements: str


@dataclass(frozen=True)
class ModelSettings:
    provider: str = "auto"
    model: str = ""
    base_url: str = ""
    api_key_file: str = ""
    max_concurrency: int = 4
    max_tokens: int = 0
    timeout_seconds: float = 120.0


@dataclass(frozen=True)
class Price:
    """USD per million tokens."""

    input: float
    output: float
    cache_write: float
    cache_read: float


@dataclass(frozen=True)
class IntakeSettings:
    observer: str = "native"
    max_file_mb: float = 2.0
    settle_seconds: float = 0.3
    rescan_seconds: float = 60.0

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@dataclass(frozen=True)
class UISettings:
    mouse: bool = True
    clipboard: bool = False
    theme: str = ""
    keys: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ClinicContext:
    """Typed view of a validated context.toml."""

    name: str
    path: Path | None = None
    setting: str = ""
    phone: str = ""
    clinicians: tuple[Clinician, ...] = ()
    note_format: str = ""
    terminology: str = ""
    signature_block: str = ""
    default_skills: Mapping[str, str] = field(default_factory=dict)
    frequent_cpt: tuple[str, ...] = ()
    timed_codes: Mapping[str, str] = field(default_factory=dict)
    untimed_codes: Mapping[str, str] = field(default_factory=dict)
    standards: tuple[Standard, ...] = ()
    payers: Mapping[str, Payer] = field(default_factory=dict)
    measures: tuple[str, ...] = ()
    instruments: tuple[Mapping[str, Any], ...] = ()
    plain_language: Mapping[str, str] = field(default_factory=dict)
    model: ModelSettings = ModelSettings()
    baa_signed: bool = False
    intake: IntakeSettings = IntakeSettings()
    idle_minutes: float = 5.0
    os_password_unlock: bool = True
    pam_service: str = "chartdesk"
    prices: Mapping[str, Price] = field(default_factory=dict)
    ui: UISettings = UISettings()
    paper: str = "letter"
    """The signed documents' PDF paper size: letter or a4."""
    ehr: tuple[DestinationSettings, ...] = ()
    """Where signed documents are delivered (`[[ehr]]`)."""

    @property
    def examples(self) -> list[str]:
        """What is still a sample of `chartdesk init`: "clinician Alex Rivera", "payer …"."""
        found = [f"clinician {c.name}" for c in self.clinicians if c.example]
        return found + [f"payer {name}" for name, payer in self.payers.items() if payer.example]

    def clinician(self, key: str) -> Clinician | None:
        """The clinician with this id (or name-made id), if listed."""
        for clinician in self.clinicians:
            if clinician.key == key:
                return clinician
        return None

    def payer(self, name: str) -> Payer:
        """The payer's rules; an unknown payer gets Medicare's conservative defaults."""
        for key, payer in self.payers.items():
            if key.lower() == name.strip().lower():
                return payer
        return Payer(name=name or "unknown")

    def default_skill(self, discipline: str) -> str:
        return self.default_skills.get(discipline.upper(), "") or "soap_note"

    def rendered(self) -> dict[str, str]:
        """The `clinic.*` placeholder values. Deterministic: identical for every note."""
        return {
            "clinic.name": self.name,
            "clinic.phone": self.phone or "[no clinic phone given]",
            "clinic.note_format": self.note_format or "[no clinic format given]",
            "clinic.terminology": self.terminology or "[no clinic terminology given]",
            "clinic.measures": ", ".join(self.measures) or "[none listed]",
            "clinic.context": render_context(self),
        }


def render_context(ctx: ClinicContext) -> str:
    """The clinic context as prompt text, ordered as in the file so it caches byte-identically."""
    parts = [f"Clinic: {ctx.name}"]
    if ctx.phone:
        parts.append(f"Clinic phone: {ctx.phone}")
    if ctx.setting:
        parts.append(f"Setting: {ctx.setting}")
    if ctx.clinicians:
        parts.append(
            "Clinicians: " + "; ".join(f"{c.name}, {c.credentials}" for c in ctx.clinicians)
        )
    if ctx.note_format:
        parts.append(f"Note format:\n{ctx.note_format.strip()}")
    if ctx.terminology:
        parts.append(f"Terminology conventions:\n{ctx.terminology.strip()}")
    if ctx.frequent_cpt:
        parts.append("Frequently billed CPT codes: " + ", ".join(ctx.frequent_cpt))
    if ctx.measures:
        parts.append("Outcome measures in use: " + ", ".join(ctx.measures))
    for standard in ctx.standards:
        codes = f" ({', '.join(standard.codes)})" if standard.codes else ""
        parts.append(
            f"Documentation standard for {standard.diagnosis}{codes}:\n"
            f"{standard.requirements.strip()}"
        )
    for payer in ctx.payers.values():
        rule = "Medicare 8-minute rule" if payer.timed_rule == "cms" else "per-code rule of eights"
        lines = [f"Payer {payer.name}: timed units by the {rule}"]
        lines += [f"- {req}" for req in payer.requirements]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def load_context(path: Path) -> ClinicContext:
    """Read and validate context.toml; raises ConfigError naming file, line and field."""
    try:
        source = read_bounded(path, MAX_CONTEXT_BYTES).decode("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no context.toml here (run `chartdesk init DIR`)") from exc
    except FileRefused as exc:
        raise ConfigError(f"{path}:1: file: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}:1: file: cannot be read ({exc.__class__.__name__})") from exc
    return parse_context(path, source)


def parse_context(path: Path, source: str) -> ClinicContext:
    try:
        data = parse_toml(path, source)
    except TomlSyntaxError as exc:
        raise ConfigError(str(exc.problem)) from exc
    problems = context_problems_of(data, str(path), key_lines(source))
    if problems:
        raise ConfigError(str(problems[0]))
    return _build(data, path)


def context_problems(path: Path, source: str) -> list[Problem]:
    """Every problem in a context file (for `skills check` style reports)."""
    try:
        data = parse_toml(path, source)
    except TomlSyntaxError as exc:
        return [exc.problem]
    return context_problems_of(data, str(path), key_lines(source))


def context_problems_of(
    data: Mapping[str, Any], file: str, lines: Mapping[str, int]
) -> list[Problem]:
    """Semantic problems first: a key pasted into the wrong place matters more than its type."""
    return _semantic_problems(data, file, lines) + validate(data, SCHEMA, file, lines)


def _semantic_problems(
    data: Mapping[str, Any], file: str, lines: Mapping[str, int]
) -> list[Problem]:
    problems: list[Problem] = []
    skills = data.get("defaults", {}).get("skill", {})
    if isinstance(skills, dict):
        for key in skills:
            if key not in DISCIPLINES:
                line = lines.get("defaults.skill", 1)
                problems.append(
                    Problem(file, line, f"defaults.skill.{key}", "discipline must be PT or OT")
                )
    problems += _clinician_problems(data.get("clinicians", []), file, lines)
    problems += ehr_problems(data.get("ehr", []), file, lines)
    problems += _instrument_problems(data.get("instruments", []), file, lines)
    model = data.get("model", {})
    if isinstance(model, dict) and "api_key" in model:
        problems.append(
            Problem(
                file,
                lines.get("model.api_key", 1),
                "model.api_key",
                "never put the key in context.toml; set ANTHROPIC_API_KEY or api_key_file",
            )
        )
    return problems


def _clinician_problems(listed: Any, file: str, lines: Mapping[str, int]) -> list[Problem]:
    """Who signs must be unambiguous: unique ids and OS accounts, and every co-signer a
    listed clinician of the same discipline who signs on their own."""
    if not isinstance(listed, list) or not all(isinstance(c, dict) for c in listed):
        return []
    problems: list[Problem] = []

    def problem(index: int, key: str, message: str) -> None:
        line = lines.get(f"clinicians.{index}.{key}", lines.get(f"clinicians.{index}", 1))
        problems.append(Problem(file, line, f"clinicians[{index}].{key}", message))

    by_id: dict[str, tuple[int, dict[str, Any]]] = {}
    users: dict[str, int] = {}
    for index, entry in enumerate(listed):
        name = entry.get("name")
        key = entry.get("id") or (clinician_id(name) if isinstance(name, str) else "")
        if not isinstance(key, str) or not key:
            continue
        if key in by_id:
            problem(index, "id", f"{key!r} is already the id of clinician {by_id[key][0] + 1}")
        by_id.setdefault(key, (index, entry))
        user = entry.get("os_user")
        if isinstance(user, str) and user:
            if user in users:
                problem(
                    index,
                    "os_user",
                    f"{user!r} already signs as clinician {users[user] + 1}; an OS account "
                    "signs as one person (a shared account leaves os_user out and uses PINs)",
                )
            users.setdefault(user, index)
    for index, entry in enumerate(listed):
        role = str(entry.get("role", "")).upper()
        supervisor = entry.get("cosign_by", "")
        if role in COSIGN_ROLES and not supervisor:
            problem(index, "cosign_by", f"a {role} signs under a supervisor: name their id")
        if not isinstance(supervisor, str) or not supervisor:
            continue
        found = by_id.get(supervisor)
        if found is None:
            problem(index, "cosign_by", f"no clinician has the id {supervisor!r}")
        elif found[1].get("cosign_by"):
            problem(index, "cosign_by", f"{supervisor!r} needs a co-signature too")
        elif found[1].get("discipline", "") != entry.get("discipline", ""):
            problem(index, "cosign_by", f"{supervisor!r} is of another discipline")
    return problems


def _instrument_problems(listed: Any, file: str, lines: Mapping[str, int]) -> list[Problem]:
    """A clinic's instrument must say which way is better and what change matters, with
    where that figure comes from (the outcomes report judges episodes by it)."""
    from tui.core.outcomes.instruments import instrument_problems

    if not isinstance(listed, list):
        return []
    problems = []
    for index, entry in enumerate(listed):
        if not isinstance(entry, dict):
            continue
        for key, message in instrument_problems(entry):
            line = lines.get(f"instruments.{index}.{key}", lines.get(f"instruments.{index}", 1))
            problems.append(Problem(file, line, f"instruments[{index}].{key}", message))
    return problems


def _build(data: Mapping[str, Any], path: Path | None) -> ClinicContext:
    clinic = data["clinic"]
    docs = data.get("documentation", {})
    cpt = data.get("cpt", {})
    measures = data.get("measures", {})
    model = data.get("model", {})
    intake = data.get("intake", {})
    ui = data.get("ui", {})
    return ClinicContext(
        name=clinic["name"],
        path=path,
        setting=clinic.get("setting", ""),
        phone=clinic.get("phone", ""),
        clinicians=tuple(
            Clinician(
                c["name"],
                c["credentials"],
                c.get("discipline", ""),
                id=c.get("id", ""),
                os_user=c.get("os_user", ""),
                role=c.get("role", ""),
                cosign_by=c.get("cosign_by", ""),
                npi=c.get("npi", ""),
                example=c.get("example", False),
            )
            for c in data.get("clinicians", [])
        ),
        note_format=docs.get("note_format", ""),
        terminology=docs.get("terminology", ""),
        signature_block=docs.get("signature_block", ""),
        default_skills=dict(data.get("defaults", {}).get("skill", {})),
        frequent_cpt=tuple(cpt.get("frequent", [])),
        timed_codes=dict(cpt.get("timed", {})),
        untimed_codes=dict(cpt.get("untimed", {})),
        standards=tuple(
            Standard(s["diagnosis"], tuple(s.get("codes", [])), s["requirements"])
            for s in data.get("standards", [])
        ),
        payers={
            name: Payer(
                name=name,
                timed_rule=p.get("timed_rule", "cms"),
                requirements=tuple(p.get("requirements", [])),
                progress_report_visits=p.get("progress_report_visits", 10),
                example=p.get("example", False),
            )
            for name, p in data.get("payers", {}).items()
        },
        measures=tuple(measures.get("in_use", [])),
        instruments=tuple(dict(item) for item in data.get("instruments", [])),
        plain_language=dict(measures.get("plain_language", {})),
        model=ModelSettings(
            provider=model.get("provider", "auto"),
            model=model.get("model", ""),
            base_url=model.get("base_url", ""),
            api_key_file=model.get("api_key_file", ""),
            max_concurrency=model.get("max_concurrency", 4),
            max_tokens=model.get("max_tokens", 0),
            timeout_seconds=float(model.get("timeout_seconds", 120)),
        ),
        baa_signed=data.get("privacy", {}).get("baa_signed", False),
        intake=IntakeSettings(
            observer=intake.get("observer", "native"),
            max_file_mb=float(intake.get("max_file_mb", 2.0)),
            settle_seconds=float(intake.get("settle_seconds", 0.3)),
            rescan_seconds=float(intake.get("rescan_seconds", 60)),
        ),
        idle_minutes=float(data.get("lock", {}).get("idle_minutes", 5)),
        os_password_unlock=bool(data.get("lock", {}).get("os_password", True)),
        pam_service=str(data.get("lock", {}).get("pam_service", "chartdesk")),
        prices={
            name: Price(
                float(p["input"]),
                float(p["output"]),
                float(p.get("cache_write", p["input"] * 1.25)),
                float(p.get("cache_read", p["input"] * 0.1)),
            )
            for name, p in data.get("prices", {}).items()
        },
        ui=UISettings(
            mouse=ui.get("mouse", True),
            clipboard=ui.get("clipboard", False),
            theme=ui.get("theme", ""),
            keys=dict(ui.get("keys", {})),
        ),
        paper=docs.get("paper", "letter"),
        ehr=destinations(data.get("ehr", [])),
    )
