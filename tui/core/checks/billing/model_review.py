"""A model's second opinion on the audit's three judgement calls, never on its arithmetic.

Units, minutes, totals and episode dates are rules and stay with the rules. Whether a note
shows skilled care, a functional baseline, and a plan that serves its goals is judgement: the
offline heuristics answer it conservatively by keywords, and when the privacy gate allows a
model (`drafting.select`), the `billing_audit` Skill is asked for deficiencies of exactly those
three kinds. Its findings replace the heuristic ones and are marked ``source="model"``.

The model's answer is only ever parsed for findings: it is not stored, shown or used as text,
so a review can never rewrite a note. An answer that cannot be read, a refusal, or a failed
request leaves the heuristic findings standing, with the reason.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from tui.core.checks.billing.audit import ERROR, FINDING_CODES, INFO, WARNING, Finding, NoteAudit
from tui.core.context import ClinicContext
from tui.core.drafting.base import Backend, DraftingError
from tui.core.drafting.select import RefusedBackend, choose_backend
from tui.core.intake.notes import Note
from tui.core.prompt import Prompt, build_prompt
from tui.core.records.store import DraftResult
from tui.core.skills.registry import Skill

REVIEW_SKILL: Final = "billing_audit"
REVIEWED_CODES: Final = (
    "SKILLED_JUSTIFICATION_MISSING",
    "FUNCTIONAL_BASELINE_MISSING",
    "PLAN_GOAL_MISALIGNED",
)
MAX_MESSAGE: Final = 400
_SEVERITIES: Final = (ERROR, WARNING, INFO)
_HEADING: Final = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_BULLET: Final = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+(.+?)\s*$")
_CODE: Final = re.compile(r"\b[A-Z][A-Z_]{3,}\b")
_SEVERITY: Final = re.compile(r"\(\s*(error|warning|info)\s*\)", re.IGNORECASE)
_NONE_FOUND: Final = re.compile(r"no deficienc", re.IGNORECASE)
_LEAD: Final = re.compile(r"^[\s:\-\u2013\u2014|]+")
_DESCRIPTIONS: Final[Mapping[str, str]] = {
    "SKILLED_JUSTIFICATION_MISSING": (
        "the note does not show why a therapist was needed (decision-making, progression, "
        "cueing, manual technique, training, assessment of response)"
    ),
    "FUNCTIONAL_BASELINE_MISSING": (
        "the note documents no measurement and no functional status (what the patient can and "
        "cannot do)"
    ),
    "PLAN_GOAL_MISALIGNED": "the treatment and plan do not serve the stated goals",
}


@dataclass(frozen=True)
class ReviewChoice:
    """The backend a review may use (None: keep the heuristics) and why."""

    backend: Backend | None
    reason: str


@dataclass(frozen=True)
class ReviewResult:
    """The note's findings after review, whether a model reviewed them, and what it cost."""

    findings: list[Finding]
    reviewed: bool
    reason: str = ""
    usage: DraftResult | None = None
    sent: bool = False  # the note went to the model (even if the answer was of no use)

    def apply(self, audit: NoteAudit) -> NoteAudit:
        """The audit with its findings replaced by the reviewed ones."""
        return replace(audit, findings=list(self.findings))


def review_backend(ctx: ClinicContext, environ: Mapping[str, str] | None = None) -> ReviewChoice:
    """The clinic's model backend when the privacy gate allows one; offline or refused
    clinics get None, and their heuristic findings stand."""
    selection = choose_backend(ctx, environ)
    backend = selection.backend
    if isinstance(backend, RefusedBackend) or backend.name == "offline":
        return ReviewChoice(None, selection.reason)
    return ReviewChoice(backend, selection.reason)


def reviewer_name(backend: Backend) -> str:
    """Which backend and model reviewed, for reports: "local (claude-…)"."""
    model = str(getattr(backend, "model", "") or "")
    return f"{backend.name} ({model})" if model else backend.name


async def review_audit(
    audit: NoteAudit, note: Note, ctx: ClinicContext, skill: Skill | None, backend: Backend
) -> ReviewResult:
    """Ask the model, through `skill` (billing_audit), for the note's deficiencies of the
    three reviewed kinds; its findings replace the heuristic ones."""
    kept = [finding for finding in audit.findings if finding.code not in REVIEWED_CODES]
    why_not = _not_reviewable(audit, note, skill)
    if why_not or skill is None:
        return ReviewResult(list(audit.findings), False, why_not)
    prompt = build_prompt(ctx, skill, note, instruction=review_instruction(audit))
    return await _ask(prompt, audit, kept, backend)


async def _ask(
    prompt: Prompt, audit: NoteAudit, kept: list[Finding], backend: Backend
) -> ReviewResult:
    """One request; any failure keeps the audit's own findings (and what was spent)."""
    try:
        result = await backend.draft(prompt, _ignore)
    except DraftingError as exc:
        usage = getattr(exc, "result", None)
        spent = replace(usage, text="") if isinstance(usage, DraftResult) else None
        why = f"model review failed: {exc}"
        return ReviewResult(list(audit.findings), False, why, spent, sent=True)
    spent = replace(result, text="")
    found = parse_findings(result.text)
    if found is None:
        reason = "model review unreadable: the answer had no Findings section"
        return ReviewResult(list(audit.findings), False, reason, spent, sent=True)
    return ReviewResult(kept + found, True, "", spent, sent=True)


async def review_audits(
    pairs: Sequence[tuple[NoteAudit, Note]],
    ctx: ClinicContext,
    skill: Skill | None,
    backend: Backend,
) -> list[ReviewResult]:
    """Review several notes at once, at most `[model] max_concurrency` requests at a time."""
    limit = asyncio.Semaphore(max(1, ctx.model.max_concurrency))

    async def one(audit: NoteAudit, note: Note) -> ReviewResult:
        async with limit:
            return await review_audit(audit, note, ctx, skill, backend)

    return list(await asyncio.gather(*(one(audit, note) for audit, note in pairs)))


def _not_reviewable(audit: NoteAudit, note: Note, skill: Skill | None) -> str:
    if skill is None:
        return f"model review needs the {REVIEW_SKILL} Skill, which is not loaded"
    if note.kind != "text":
        return "a scanned note is not audited from text"
    if not audit.billed:
        return "nothing billed: no skilled-care review needed"
    return ""


def review_instruction(audit: NoteAudit) -> str:
    """What the model is asked: deficiencies of the three reviewed kinds only, each confirmed
    against the note, with the keyword check's guesses to confirm or dismiss."""
    flagged = [f.code for f in audit.findings if f.code in REVIEWED_CODES]
    kinds = "\n".join(f"- {code}: {_DESCRIPTIONS[code]}" for code in REVIEWED_CODES)
    guesses = ", ".join(flagged) if flagged else "none of them"
    return (
        "Review only these documentation requirements of the note above:\n"
        f"{kinds}\n"
        "Units, minutes, totals, progress reports and recertification were already checked by "
        "rule: do not report them. A keyword check flagged: "
        f"{guesses}. Confirm a flagged deficiency only if the note truly lacks what it needs, "
        "and report one the keyword check missed. Under `## Findings`, write one bullet per "
        "deficiency as `CODE` (warning) - what is missing, quoting the note as evidence; write "
        '"No deficiencies found" when there are none. List deficiencies only: do not rewrite, '
        "complete or correct the note."
    )


def parse_findings(text: str) -> list[Finding] | None:
    """The reviewed-kind findings of a billing_audit answer, or None when the answer has no
    Findings section and no finding bullets (then it cannot be trusted to have reviewed)."""
    section = _findings_section(text)
    lines = section if section is not None else text.splitlines()
    findings: dict[str, Finding] = {}
    for line in lines:
        finding = _finding(line)
        if finding is not None and finding.code in REVIEWED_CODES:
            findings.setdefault(finding.code, finding)
    if section is None and not findings and not _listed_any(lines):
        return None
    return list(findings.values())


def _findings_section(text: str) -> list[str] | None:
    """The lines under a "Findings" heading, up to the next heading of its level or above."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and match.group(2).strip("*_ ").lower().startswith("findings"):
            level = len(match.group(1))
            body = []
            for rest in lines[index + 1 :]:
                following = _HEADING.match(rest)
                if following and len(following.group(1)) <= level:
                    break
                body.append(rest)
            return body
    return None


def _listed_any(lines: Sequence[str]) -> bool:
    """True when the answer lists findings of any code or says there are none."""
    return any(_finding(line) is not None or _NONE_FOUND.search(line) for line in lines)


def _finding(line: str) -> Finding | None:
    bullet = _BULLET.match(line)
    if not bullet:
        return None
    item = bullet.group(1)
    code = next((c for c in _CODE.findall(item) if c in FINDING_CODES or c == "OTHER"), None)
    if code is None:
        return None
    severity_match = _SEVERITY.search(item)
    severity = severity_match.group(1).lower() if severity_match else WARNING
    message = item.replace(code, "", 1)
    if severity_match:
        message = message.replace(severity_match.group(0), "", 1)
    message = _LEAD.sub("", message.replace("`", "").replace("**", "")).strip()
    message = message or _DESCRIPTIONS.get(code, "reported by the model review")
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1].rstrip() + "…"
    return Finding(code, severity if severity in _SEVERITIES else WARNING, message, "model")


def _ignore(_text: str) -> None:
    """Streamed text of a review is not shown: only the parsed findings are used."""
