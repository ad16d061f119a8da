"""The billing and documentation audit of one note (finding codes from DESIGN.md).

Deterministic rules first: units against the documented minutes under the payer's rule,
timed codes without minutes, missing or inconsistent totals, untimed codes billed more than
once, progress reports and recertification coming due. Then three conservative heuristics
(skilled care, functional baseline, plan versus goals) that fire only when nothing in the note
could answer them; a model review may add its own findings, marked as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from tui.core.checks.billing.baseline import baseline_shown
from tui.core.checks.billing.payer_rules import configured_name, stated_rule
from tui.core.checks.billing.records import Billing
from tui.core.checks.billing.report_due import stated_report_visit
from tui.core.checks.billing.units import (
    RULES,
    split_units,
    units_for_minutes,
    valid_allocations,
)
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_section, billing_tables
from tui.core.checks.text.alternation import either, words_pattern
from tui.core.checks.text.lexicon import GOAL_START, HEADER_LINE
from tui.core.intake.notes import Note, note_day

ERROR = "error"
WARNING = "warning"
INFO = "info"

FINDING_CODES = (
    "UNITS_OVER_BILLED",
    "UNITS_UNDER_BILLED",
    "UNITS_MISALLOCATED",
    "TIMED_MINUTES_MISSING",
    "TOTAL_TIME_MISSING",
    "TOTAL_TIME_INCONSISTENT",
    "UNTIMED_CODE_MULTIPLE_UNITS",
    "SKILLED_JUSTIFICATION_MISSING",
    "FUNCTIONAL_BASELINE_MISSING",
    "PLAN_GOAL_MISALIGNED",
    "PROGRESS_REPORT_DUE",
    "PROGRESS_REPORT_SOON",
    "RECERTIFICATION_DUE",
    "RECERTIFICATION_SOON",
    "BILLING_UNREADABLE",
)
_REPORT_SKILLS = re.compile(r"progress|re[_-]?eval|recert|discharge", re.IGNORECASE)
# A title naming the note a report of its period ("PT Progress Note / Daily", "RE-EVALUATION"):
# the note is itself the report, so none is due of it.
_REPORT_TITLE = re.compile(
    r"\bprogress\s+(?:note|report)\b|\bre-?eval(?:uation)?\b|\brecert(?:ification)?\b"
    r"|\bdischarge\s+(?:summary|note|report)\b",
    re.IGNORECASE,
)


def _title(note: Note) -> str:
    """The note's first line, where its title is written."""
    return next((line for line in (note.text or note.body).splitlines() if line.strip()), "")


_PLAN_LINE = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:P\s*:|plan\b|POC\b|continue\b|cont\b|next\s+(?:visit|session)\b)",
    re.IGNORECASE,
)
_PLAN_LINE_START = re.compile(_PLAN_LINE.pattern, re.IGNORECASE | re.MULTILINE)
# Measurements a therapist takes by testing (pain and vital signs are reported or routine).
_TESTED_KINDS = frozenset({"rom", "mmt", "outcome", "strength", "girth"})


@dataclass(frozen=True)
class Finding:
    """One deficiency in a note; `source` says whether a rule or a model review found it.

    `line` is the 1-based line of the whole note text (header included, as the source pane
    numbers it) that the finding rests on, or 0 when it rests on no single line.
    """

    code: str
    severity: str
    message: str
    source: str = "rules"
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "line": self.line,
        }


@dataclass(frozen=True)
class AuditRules:
    """The clinic's rules: payer unit rules, extra codes, progress-report interval, measures."""

    payer_rules: Mapping[str, str] = field(default_factory=dict)
    payer_progress_visits: Mapping[str, int] = field(default_factory=dict)
    default_rule: str = "cms"
    extra_timed_codes: Mapping[str, str] = field(default_factory=dict)
    extra_untimed_codes: Mapping[str, str] = field(default_factory=dict)
    progress_report_visits: int = field(
        default_factory=lambda: billing_tables().progress_report_visits
    )
    progress_report_soon: int = field(default_factory=lambda: billing_tables().progress_report_soon)
    recert_days: int = field(default_factory=lambda: billing_tables().recert_days)
    recert_soon_days: int = field(default_factory=lambda: billing_tables().recert_soon_days)
    measures: tuple[str, ...] = ()

    @classmethod
    def from_context(cls, ctx: object) -> AuditRules:
        """Rules from a ClinicContext, read defensively so a partial context still works."""
        payers = getattr(ctx, "payers", {}) or {}
        rules: dict[str, str] = {}
        visits: dict[str, int] = {}
        for name, payer in dict(payers).items():
            rule = getattr(payer, "timed_rule", "cms")
            if rule in RULES:
                rules[str(name).casefold()] = rule
            interval = getattr(payer, "progress_report_visits", None)
            if isinstance(interval, int) and interval > 0:
                visits[str(name).casefold()] = interval
        return cls(
            payer_rules=rules,
            payer_progress_visits=visits,
            extra_timed_codes=dict(getattr(ctx, "timed_codes", {}) or {}),
            extra_untimed_codes=dict(getattr(ctx, "untimed_codes", {}) or {}),
            measures=tuple(getattr(ctx, "measures", ()) or ()),
        )

    @property
    def timed_codes(self) -> dict[str, str]:
        return {**billing_tables().timed, **self.extra_timed_codes}

    @property
    def untimed_codes(self) -> dict[str, str]:
        untimed = {**billing_tables().untimed, **self.extra_untimed_codes}
        return {code: name for code, name in untimed.items() if code not in self.extra_timed_codes}

    def rule_for(self, payer: str) -> str:
        """The rule the payer line states, else the configured payer's it names, else the
        default (checks.billing.payer_rules)."""
        stated = stated_rule(payer)
        if stated is not None and stated in RULES:
            return stated
        name = configured_name(payer, self.payer_rules)
        return self.payer_rules.get(name or "", self.default_rule)

    def progress_interval_for(self, payer: str) -> int:
        name = configured_name(payer, self.payer_progress_visits)
        return self.payer_progress_visits.get(name or "", self.progress_report_visits)


@dataclass(frozen=True)
class PatientHistory:
    """What the store knows about the patient's episode (overrides the note header)."""

    last_progress_report_visit: int | None = None
    visits_since_progress_report: int | None = None
    certification_date: date | None = None


@dataclass(frozen=True)
class NoteAudit:
    """The audit of one note."""

    file: str
    patient: str
    timed_minutes: int | None
    units_allowed: int | None
    units_billed: int
    billed: Mapping[str, int]
    findings: list[Finding]
    rule: str = "cms"
    valid_allocations: list[dict[str, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "patient": self.patient,
            "timed_minutes": self.timed_minutes,
            "units_allowed": self.units_allowed,
            "units_billed": self.units_billed,
            "billed": dict(self.billed),
            "rule": self.rule,
            "findings": [finding.to_json() for finding in self.findings],
        }


@dataclass
class _Context:
    """One audit in progress."""

    note: Note
    rules: AuditRules
    billing: Billing
    rule: str
    findings: list[Finding] = field(default_factory=list)
    units_allowed: int | None = None
    allocations: list[dict[str, int]] = field(default_factory=list)

    def add(self, code: str, severity: str, message: str, at: int | None = None) -> None:
        """Record a finding; `at` is an offset into the note body, if it rests on a line."""
        line = line_of(self.note, at) if at is not None else 0
        self.findings.append(Finding(code=code, severity=severity, message=message, line=line))

    @property
    def timed_billed(self) -> dict[str, int]:
        timed = self.rules.timed_codes
        return {code: units for code, units in self.billing.billed.items() if code in timed}


def line_of(note: Note, body_offset: int) -> int:
    """The 1-based line, in the whole note text, of an offset into the note's body."""
    if note.text:
        position = min(note.body_offset + max(body_offset, 0), len(note.text))
        return note.text.count("\n", 0, position) + 1
    return note.body.count("\n", 0, max(body_offset, 0)) + 1


def _header_line(note: Note, key: str) -> int | None:
    """Where the header states `key` ("Visit"), as a body-relative offset for `add`."""
    match = re.search(rf"^[ \t]*{key}[ \t]*:", note.text or "", re.IGNORECASE | re.MULTILINE)
    return None if match is None else match.start() - note.body_offset


def audit_note(
    note: Note, rules: AuditRules | None = None, history: PatientHistory | None = None
) -> NoteAudit:
    """Audit one note; a note with nothing billed gets no billing findings."""
    rules = rules or AuditRules()
    billing = extract_billing(note.body, timed_codes=tuple(rules.timed_codes))
    ctx = _Context(note=note, rules=rules, billing=billing, rule=rules.rule_for(note.payer))
    _unreadable(ctx)
    if billing.billed and not billing.unreadable:
        _untimed_units(ctx)
        _timed_units(ctx)
        _totals(ctx)
    elif billing.unreadable:
        _documented_without_units(ctx)
    if billing.billed or billing.unreadable:
        _heuristics(ctx)
    _progress_report(ctx, history)
    _recertification(ctx, history)
    return NoteAudit(
        file=note.name,
        patient=note.patient,
        timed_minutes=billing.documented_timed_minutes,
        units_allowed=ctx.units_allowed,
        units_billed=sum(ctx.timed_billed.values()),
        billed=dict(billing.billed),
        findings=ctx.findings,
        rule=ctx.rule,
        valid_allocations=ctx.allocations,
    )


# -- deterministic billing rules -------------------------------------------------------------


def _unreadable(ctx: _Context) -> None:
    """A billing line whose units cannot be given to its codes: said, never guessed."""
    body = ctx.note.body
    for offset in ctx.billing.unreadable:
        end = body.find("\n", offset)
        written = body[offset : end if end >= 0 else len(body)].strip()
        ctx.add(
            "BILLING_UNREADABLE",
            ERROR,
            f"The billing could not be read fully: line {line_of(ctx.note, offset)} "
            f'("{_clip(written)}") leaves the units of some codes unsaid, shared or written '
            "elsewhere; write each code with its units (97110 x2, 97140 x1). Units were not "
            "checked.",
            offset,
        )


def _totals_missing(ctx: _Context, timed: bool, at: int | None) -> None:
    """TOTAL_TIME_MISSING when the note leaves out the total timed minutes (for timed codes)
    or the total treatment time, resting on the billing line it names."""
    missing = []
    if timed and ctx.billing.stated_timed_minutes is None:
        missing.append("total timed minutes")
    if ctx.billing.stated_treatment_minutes is None:
        missing.append("total treatment time")
    if missing:
        ctx.add("TOTAL_TIME_MISSING", ERROR, f"The note does not state {' or '.join(missing)}.", at)


def _documented_without_units(ctx: _Context) -> None:
    """What the note must show whatever the units were, for the codes an unreadable billing
    line names: minutes for each timed code (or a total timed), and both totals."""
    timed = ctx.rules.timed_codes
    named = sorted(
        code for code in {*ctx.billing.billed, *ctx.billing.unreadable_codes} if code in timed
    )
    per_code = ctx.billing.timed_minutes_by_code
    stated = ctx.billing.stated_timed_minutes
    without = [code for code in named if code not in per_code]
    if without and stated is None:
        how = "with no documented minutes" if not per_code else "without minutes for that service"
        _minutes_missing(ctx, without, how)
    if named:
        _totals_missing(ctx, True, ctx.billing.unreadable[0])


def _clip(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _untimed_units(ctx: _Context) -> None:
    untimed = ctx.rules.untimed_codes
    for code, units in sorted(ctx.billing.billed.items()):
        if code in untimed and units > 1:
            ctx.add(
                "UNTIMED_CODE_MULTIPLE_UNITS",
                ERROR,
                f"{code} ({untimed[code]}) is untimed: 1 unit per day, billed {units}.",
                ctx.billing.billed_at,
            )


def _timed_units(ctx: _Context) -> None:
    """Units billed against units allowed by the documented minutes.

    Per-code minutes are optional when the note states the total timed minutes
    (billing-rules.md): a code without minutes of its own is then judged on the total, and when
    it is the only one its minutes are what the total leaves ("Total timed 30", 97110 20 min and
    manual therapy: 97140 has 10). Only the per-code rule, which rounds each code alone, needs
    every code's minutes and cannot judge two codes that share what is left.
    """
    billed = ctx.timed_billed
    per_code = ctx.billing.timed_minutes_by_code
    stated = ctx.billing.stated_timed_minutes
    without = sorted(code for code in billed if code not in per_code)
    if billed and not per_code and stated is None:
        _minutes_missing(ctx, billed, "with no documented minutes")
        return
    if without and stated is None:
        _minutes_missing(ctx, without, "without minutes for that service")
        return
    if len(without) == 1 and stated is not None:
        left = stated - sum(per_code.values())
        if left <= 0:
            _nothing_left(ctx, billed, without[0], stated)
            return
        per_code = {**per_code, without[0]: left}
    elif without and stated is not None and ctx.rule == "per_code":
        _shared_remainder(ctx, billed, per_code, len(without), stated)
        return
    totals = _candidate_totals(per_code if not without or len(without) == 1 else {}, stated)
    if not totals:
        return
    allowed_range = _allowed_units(ctx, per_code if len(without) <= 1 else {}, totals)
    ctx.units_allowed = allowed_range[0]
    # minutes that only the total gives are good for counting units, not for saying which code
    # should have had them (another service's minutes may be what the reader missed)
    consistent = len(set(totals)) == 1 and not without
    _compare_units(ctx, billed, per_code, allowed_range, consistent=consistent)


def _nothing_left(ctx: _Context, billed: Mapping[str, int], code: str, stated: int) -> None:
    """A code billed with no minutes when the other services' minutes make up the whole stated
    total: over-billed when the total allows fewer units, else a code with no time at all."""
    ctx.units_allowed = units_for_minutes(stated)
    if sum(billed.values()) > ctx.units_allowed:
        _compare_units(ctx, billed, {}, [ctx.units_allowed], consistent=False)
        return
    _minutes_missing(
        ctx, [code], "with no minutes: the other services' minutes make up the stated total"
    )


def _shared_remainder(
    ctx: _Context, billed: Mapping[str, int], per_code: Mapping[str, int], count: int, stated: int
) -> None:
    """Under the per-code rule, codes without minutes share what the stated total leaves: the
    units are wrong only when no split of those minutes could give them."""
    left = max(stated - sum(per_code.values()), 0)
    known = sum(units_for_minutes(minutes) for minutes in per_code.values())
    low, high = split_units(left, count)
    allowed = [known + low, known + high]
    ctx.units_allowed = allowed[0] if low == high else None
    _compare_units(ctx, billed, per_code, allowed, consistent=False)


def _minutes_missing(ctx: _Context, codes: Iterable[str], how: str) -> None:
    ctx.add(
        "TIMED_MINUTES_MISSING",
        ERROR,
        f"Timed code(s) {', '.join(sorted(codes))} billed {how}.",
        ctx.billing.billed_at,
    )


def _candidate_totals(per_code: Mapping[str, int], stated: int | None) -> list[int]:
    totals = []
    if stated is not None:
        totals.append(stated)
    if per_code:
        totals.append(sum(per_code.values()))
    return totals


def _allowed_units(ctx: _Context, per_code: Mapping[str, int], totals: list[int]) -> list[int]:
    if ctx.rule == "per_code" and per_code:
        return [sum(units_for_minutes(m) for m in per_code.values())]
    return [units_for_minutes(total) for total in totals]


def _compare_units(
    ctx: _Context,
    billed: Mapping[str, int],
    per_code: Mapping[str, int],
    allowed: list[int],
    *,
    consistent: bool,
) -> None:
    units_billed = sum(billed.values())
    minutes = ", ".join(f"{code} {m} min" for code, m in sorted(per_code.items()))
    rule_name = "8-minute rule" if ctx.rule == "cms" else "per-code rule"
    if units_billed > max(allowed):
        ctx.add(
            "UNITS_OVER_BILLED",
            ERROR,
            f"{units_billed} timed units billed; the documented minutes allow {max(allowed)} "
            f"({rule_name}{'; ' + minutes if minutes else ''}).",
            ctx.billing.billed_at,
        )
        return
    if units_billed < min(allowed):
        ctx.add(
            "UNITS_UNDER_BILLED",
            WARNING,
            f"{units_billed} timed units billed; the documented minutes allow {min(allowed)} "
            f"({rule_name}{'; ' + minutes if minutes else ''}).",
            ctx.billing.billed_at,
        )
        return
    if not consistent or not per_code or any(code not in per_code for code in billed):
        return
    ctx.allocations = valid_allocations(
        per_code, ctx.rule, ctx.rules.timed_codes, ctx.rules.untimed_codes
    )
    billed_all = {code: billed.get(code, 0) for code in per_code}
    if billed_all not in ctx.allocations:
        expected = " or ".join(_allocation_text(a) for a in ctx.allocations)
        ctx.add(
            "UNITS_MISALLOCATED",
            WARNING,
            f"Units billed as {_allocation_text(billed_all)}; the minutes ({minutes}) give "
            f"{expected}.",
            ctx.billing.billed_at,
        )


def _allocation_text(allocation: Mapping[str, int]) -> str:
    return ", ".join(f"{code} x{units}" for code, units in sorted(allocation.items()) if units)


def _totals(ctx: _Context) -> None:
    """Total timed minutes and total treatment time: present and consistent."""
    billing = ctx.billing
    stated_timed = billing.stated_timed_minutes
    treatment = billing.stated_treatment_minutes
    _totals_missing(ctx, bool(ctx.timed_billed), ctx.billing.billed_at)
    per_code = billing.timed_minutes_by_code
    timed_sum = sum(per_code.values())
    untimed_sum = sum(billing.untimed_minutes_by_code.values())
    every_code_timed = all(code in per_code for code in ctx.timed_billed)
    problems = []
    if stated_timed is not None and timed_sum and every_code_timed and timed_sum != stated_timed:
        problems.append(
            f"per-service timed minutes add up to {timed_sum}, but the stated total timed "
            f"minutes are {stated_timed}"
        )
    # the treatment total against the timed total the note states: with no stated timed total,
    # service minutes that add past the treatment total leave the timed total unstated
    # (TOTAL_TIME_MISSING), no two stated totals disagree (CONVENTIONS, Billing)
    if (
        stated_timed is not None
        and treatment is not None
        and treatment < stated_timed + untimed_sum
    ):
        problems.append(
            f"total treatment time ({treatment} min) is less than the timed ({stated_timed}) "
            f"plus untimed ({untimed_sum}) minutes documented"
        )
    if problems:
        message = "; ".join(problems)
        at = (
            billing.timed_total_at
            if billing.timed_total_at is not None
            else billing.treatment_total_at
        )
        ctx.add("TOTAL_TIME_INCONSISTENT", WARNING, message[0].upper() + message[1:] + ".", at)


# -- episode rules -------------------------------------------------------------------------------


def _progress_report(ctx: _Context, history: PatientHistory | None) -> None:
    note = ctx.note
    if (
        _REPORT_SKILLS.search(note.skill or "")
        or _REPORT_TITLE.search(_title(note))
        or billing_tables().report_codes & set(ctx.billing.billed)
    ):
        return
    interval = ctx.rules.progress_interval_for(note.payer)
    since = _visits_since_report(note, history)
    if since is None and note.visit is not None:
        # "progress report due at visit 10": the named visit ends the reporting period
        due = stated_report_visit(note.body, note.visit)
        since = None if due is None else interval - (due - note.visit)
    if since is None or not (ctx.billing.billed or note.payer):
        return
    if since >= interval:
        ctx.add(
            "PROGRESS_REPORT_DUE",
            ERROR,
            f"{since} visits since the last progress report; one is due at least every "
            f"{interval} treatment days.",
            _header_line(note, "visit"),
        )
    elif since >= interval - ctx.rules.progress_report_soon:
        ctx.add(
            "PROGRESS_REPORT_SOON",
            INFO,
            f"{since} visits since the last progress report; one is due by visit "
            f"{(note.visit or since) + interval - since}.",
            _header_line(note, "visit"),
        )


def _visits_since_report(note: Note, history: PatientHistory | None) -> int | None:
    """Visits since the last progress report, when the store or the note header says.

    A note that gives its visit number but no "Last progress report" line says nothing about
    the episode's reports, so no finding is made from the visit number alone.
    """
    if history and history.visits_since_progress_report is not None:
        return history.visits_since_progress_report
    last = note.last_progress_report
    if history and history.last_progress_report_visit is not None:
        last = history.last_progress_report_visit
    if note.visit is None or last is None:
        return None
    return note.visit - last


def _recertification(ctx: _Context, history: PatientHistory | None) -> None:
    certified = history.certification_date if history else None
    certified = certified or note_day(ctx.note.certification_date)
    seen = note_day(ctx.note.date)
    if certified is None or seen is None:
        return
    elapsed = (seen - certified).days
    if elapsed >= ctx.rules.recert_days:
        ctx.add(
            "RECERTIFICATION_DUE",
            ERROR,
            f"Plan of care certified {certified.isoformat()}, {elapsed} days ago; "
            f"recertification is due every {ctx.rules.recert_days} days.",
            _certification_line(ctx.note),
        )
    elif elapsed >= ctx.rules.recert_days - ctx.rules.recert_soon_days:
        ctx.add(
            "RECERTIFICATION_SOON",
            INFO,
            f"Plan of care recertification due in {ctx.rules.recert_days - elapsed} days.",
            _certification_line(ctx.note),
        )


def _certification_line(note: Note) -> int | None:
    for key in ("certification date", "plan of care date", "poc date", "cert date"):
        found = _header_line(note, key)
        if found is not None:
            return found
    return None


# -- conservative heuristics -----------------------------------------------------------------


def _heuristics(ctx: _Context) -> None:
    tables = billing_tables()
    body = _clinical_text(ctx.note.body)
    facts = extract_facts(ctx.note.body, ctx.rules.measures)
    if ctx.timed_billed and not _assessed(body, facts):
        care = _care_text(HEADER_LINE.sub("", body))
        if not words_pattern(tables.skilled_terms).search(care):
            ctx.add(
                "SKILLED_JUSTIFICATION_MISSING",
                WARNING,
                "Nothing in the note shows skilled care (cueing, progression, manual technique, "
                "assessment, training); it reads as an established program repeated.",
            )
    if not baseline_shown(body, facts):
        ctx.add(
            "FUNCTIONAL_BASELINE_MISSING",
            WARNING,
            "No measurement or functional status is documented (pain, ROM, strength, "
            "outcome score, or what the patient can and cannot do).",
        )
    _plan_goals(ctx, body)


def _assessed(body: str, facts: list[Fact]) -> bool:
    """A note that measures the patient with tests (angles, grades, outcome scores, lengths and
    times taken with a tape or a watch: a wound's size, a hold time) and never says the session
    repeated an established program shows a therapist's assessment."""
    unskilled = words_pattern(billing_tables().unskilled_terms)
    return not unskilled.search(body) and any(_tested(fact) for fact in facts)


def _tested(fact: Fact) -> bool:
    """A measurement a therapist takes by testing; an `other` one only in a unit of length or
    time (billing.toml [audit] tested_units), not a vital sign or a count."""
    if fact.kind in _TESTED_KINDS:
        return True
    return fact.kind == "other" and (fact.unit or "") in _tested_units()


@cache
def _tested_units() -> frozenset[str]:
    return frozenset(str(unit) for unit in billing_section("audit").get("tested_units", ()))


def _care_text(body: str) -> str:
    """Where skilled care can show (the header lines, "Last progress report: visit 2
    (re-evaluation)", "Precautions: needs cues", are taken off before): not the plan (a plan to
    progress is not care given), not a template's options left unticked ("[ ] progressing"), not
    section labels ("Assessment:") nor skilled words denied ("w/o cues"), and, in a note that
    says the session repeated an established program ("same as prior visits", "per flowsheet,
    no changes"), not the sentences that say so."""
    body = _not_care().sub(" ", _denied(_UNCHECKED.sub(" ", body)))
    unskilled = words_pattern(billing_tables().unskilled_terms)
    if not unskilled.search(body):
        return body
    kept = []
    for line in body.splitlines():
        if _PLAN_LINE.match(line):
            continue
        kept += [part for part in re.split(r"(?<=[.;])\s+", line) if not unskilled.search(part)]
    return "\n".join(kept)


# A template's box left empty and the option written after it ("Goals: [ ] met  [ ] progressing"):
# an option nobody chose says nothing of the care given, up to the next box or the line's end.
# A field whose every box is empty ("Skilled care today: [ ] cues  [ ] HEP updated") was not
# filled in, and its label says nothing either.
_UNCHECKED = re.compile(
    r"^[ \t]*[^\n:\[\]]{1,40}:(?:[ \t]*\[[ \t]?\][^\[\n]*)+$|\[[ \t]?\][^\[\n]*", re.MULTILINE
)


@cache
def _not_care() -> re.Pattern[str]:
    """Phrases with a skilled word that are not care given (billing.toml [audit] not_care):
    "Progressing per protocol" is not the program progressed, "aide supervised" not skilled."""
    return words_pattern(str(term) for term in billing_section("audit").get("not_care", []))


def _denied(body: str) -> str:
    """The text with section labels and denied words ("completed w/o cues", "no verbal cueing")
    blanked, so neither reads as skilled care. A denial that says what the patient cannot do
    without the care ("unable to stand without tactile cues") is care needed, and stays."""
    return _denial_patterns()[0].sub(_blank_denial, body)


def _blank_denial(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if match.group("negation") and _denial_patterns()[1].search(before.rsplit(".", 1)[-1]):
        return match.group()
    return " "


@cache
def _denial_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tables = billing_tables()
    negations = either(re.escape(word) for word in tables.negations)
    labels = either(tables.section_labels)
    denied = re.compile(
        rf"(?P<negation>(?<![\w/])(?:{negations})(?![\w/])(?:[ \t]+[\w/'-]+){{1,2}})"
        rf"|^[ \t]*(?:[-*\u2022][ \t]*)?(?:\*\*)?(?:{labels})(?:\*\*)?[ \t]*[:.)]",
        re.IGNORECASE | re.MULTILINE,
    )
    needs = words_pattern(tables.needs)
    return denied, needs


def _clinical_text(body: str) -> str:
    """The note without its billing lines, which say nothing about care."""
    lines = [
        line
        for line in body.splitlines()
        if not re.match(r"\s*(?:billed|billing|total\b|charges)", line, re.IGNORECASE)
    ]
    return "\n".join(lines)


def _plan_goals(ctx: _Context, body: str) -> None:
    """Fire only when goals name body regions and the plan (or, with no region in the plan,
    the treatment given) names only regions of the other quarter of the body: goals for the
    ankle and a plan for the shoulder."""
    regions = words_pattern(billing_tables().region_terms)
    goals, rest = _split_goals(body)
    goal_text = "\n".join(goals)
    goal_regions = _found(regions, goal_text)
    if not goal_regions:
        return
    plan_at = next((m.start() for m in _PLAN_LINE_START.finditer(ctx.note.body)), None)
    care_text = "\n".join(line for line in rest if _PLAN_LINE.match(line))
    what = "the plan"
    if not _found(regions, care_text):
        care_text, what = "\n".join(_service_lines(ctx.note.body, ctx.billing)), "the treatment"
    care_regions = _found(regions, care_text)
    if care_regions and not _quarters(goal_text) & _quarters(care_text):
        ctx.add(
            "PLAN_GOAL_MISALIGNED",
            WARNING,
            f"Goals address {', '.join(sorted(goal_regions))}, but {what} addresses "
            f"{', '.join(sorted(care_regions))}.",
            plan_at,
        )


def _quarters(text: str) -> set[str]:
    """The quarters of the body (upper, lower) whose regions the text names."""
    return {
        quarter
        for quarter, terms in billing_tables().region_quarters.items()
        if words_pattern(terms).search(text)
    }


def _split_goals(body: str) -> tuple[list[str], list[str]]:
    """The goal statements (from STG/LTG/goal to the end of the line) and the other lines."""
    goals = []
    rest = []
    for line in body.splitlines():
        match = GOAL_START.search(line)
        if match:
            goals.append(line[match.start() :])
            rest.append(line[: match.start()])
        else:
            rest.append(line)
    return goals, rest


def _service_lines(body: str, billing: Billing) -> list[str]:
    """The lines of the note that document a service with minutes (the treatment given)."""
    lines = []
    for service in billing.services:
        start = body.rfind("\n", 0, service.span[0]) + 1
        end = body.find("\n", service.span[0])
        lines.append(body[start : end if end >= 0 else len(body)])
    return lines


def _found(pattern: re.Pattern[str], text: str) -> set[str]:
    return {match.group().lower() for match in pattern.finditer(text)}


def audit_notes(notes: Iterable[Note], rules: AuditRules | None = None) -> list[NoteAudit]:
    """Audit several notes with the same rules."""
    return [audit_note(note, rules) for note in notes]
