"""Scoring the checks on the corpus: facts, traps, billing, findings, verification, offline drafts.

Every figure is a count the report can show and a floor can hold: recall and false facts per
kind, trap violations per trap, finding precision and recall per code, faithful drafts with any
finding, planted flaws caught, and offline-draft lines in the right section.
"""

from __future__ import annotations

import asyncio
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tests.eval.corpus import Case, Flaw
from tui.core.checks.billing.audit import AuditRules, NoteAudit, audit_note
from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.measures.subscale_names import instrument_of
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.verify import verify
from tui.core.context import load_context
from tui.core.drafting.offline import OfflineBackend
from tui.core.prompt import build_prompt
from tui.core.resources import example_context
from tui.core.skills.registry import load_registry

CTX = load_context(example_context())
RULES = AuditRules.from_context(CTX)
REGISTRY = load_registry()


@dataclass
class Tally:
    """Counts for one split; `ratios` turns them into the reported figures."""

    expected: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    traps: Counter[str] = field(default_factory=Counter)
    finding_tp: Counter[str] = field(default_factory=Counter)
    finding_fp: Counter[str] = field(default_factory=Counter)
    finding_fn: Counter[str] = field(default_factory=Counter)
    finding_line_errors: int = 0
    billing_fields: int = 0
    billing_right: int = 0
    faithful: int = 0
    faithful_clean: int = 0
    offline_drafts: int = 0
    offline_clean: int = 0
    flaws: Counter[str] = field(default_factory=Counter)
    flaws_caught: Counter[str] = field(default_factory=Counter)
    section_lines: int = 0
    section_right: int = 0
    absent_kept: int = 0
    notes: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The headline figures a floor holds (ratios in 0..1, counts as counts)."""
        recall = _ratio(sum(self.recalled.values()), sum(self.expected.values()))
        found = sum(self.found.values())
        tp = sum(self.finding_tp.values())
        fp = sum(self.finding_fp.values())
        fn = sum(self.finding_fn.values())
        flaws = sum(self.flaws.values())
        return {
            "fact_recall": recall,
            "false_facts_per_100": 100 * sum(self.false.values()) / found if found else 0.0,
            "trap_violations": float(sum(self.traps.values())),
            "finding_precision": _ratio(tp, tp + fp),
            "finding_recall": _ratio(tp, tp + fn),
            "finding_line_errors": float(self.finding_line_errors),
            "billing_fields_right": _ratio(self.billing_right, self.billing_fields),
            "faithful_clean": _ratio(self.faithful_clean, self.faithful),
            "offline_drafts_clean": _ratio(self.offline_clean, self.offline_drafts),
            "flaws_caught": _ratio(sum(self.flaws_caught.values()), flaws),
            "offline_sections_right": _ratio(self.section_right, self.section_lines),
            "offline_fillers_kept": float(self.absent_kept),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def pooled(tallies: Iterable[Tally]) -> Tally:
    """The tallies of several parts of one split as the tally of the whole: every count summed,
    the misses joined in order. A split scored in parts (tests/eval/pooled.py) reaches the
    same figures as scored at once, since each note is counted on its own."""
    whole = Tally()
    for tally in tallies:
        for part in fields(Tally):
            value = getattr(tally, part.name)
            if isinstance(value, Counter):
                getattr(whole, part.name).update(value)
            elif isinstance(value, list):
                getattr(whole, part.name).extend(value)
            else:
                setattr(whole, part.name, getattr(whole, part.name) + value)
    return whole


def score(cases: Iterable[Case]) -> Tally:
    """Run every check on every case and count what went right and wrong."""
    tally = Tally()
    for case in cases:
        tally.notes += 1
        _score_facts(case, tally)
        audit = audit_note(case.note, RULES)  # once: billing and findings both read it
        _score_billing(case, audit, tally)
        _score_findings(case, audit, tally)
        _score_offline(case, tally)
        _score_drafts(case, tally)
    return tally


# -- facts ---------------------------------------------------------------------------------------


def _kind_of(fact: Fact) -> str:
    if fact.kind == "outcome" and fact.measure == "NPRS":
        return "pain"
    return fact.kind


def _fold(text: object) -> str:
    return re.sub(r"[\s\-_.]+", "", str(text)).casefold()


def _same_value(a: object, b: object) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    assert isinstance(a, int | float) and isinstance(b, int | float)
    return abs(float(a) - float(b)) < 1e-9


# Traps for a minus sign lost: a deficit labelled as one keeps it.
_SIGN_TRAPS = frozenset({"sign-dropped", "negative-sign"})


def _short_of_neutral(fact: Fact) -> bool:
    """A joint short of neutral, which chartdesk writes as the angle missing with a label
    that says so ("R knee extension AROM (deficit)"), as shared/samples/expected.json does."""
    return fact.kind == "rom" and bool(re.search(r"\b(?:deficit|lacks)\b", fact.label, re.I))


def _same_fact_value(fact: Fact, want: object) -> bool:
    """The same value; a range of motion short of neutral may be expected either way the sets
    write it: the angle missing (5, as the shared samples do) or a signed angle (-5, as a
    goniometer reads it). Both say the same, so either matches."""
    if _same_value(fact.value, want):
        return True
    return (
        _short_of_neutral(fact)
        and isinstance(fact.value, int | float)
        and _same_value(-fact.value, want)
    )


def _same_measure(measure: str, want: str) -> bool:
    """The expected measure, or a subscale of the expected instrument (CONVENTIONS, Measures):
    a set that files "FAAM" with "ADL" in the label expects what the reader names "FAAM-ADL".
    Never the reverse: an expected subscale needs that subscale, not its instrument."""
    if _fold(measure) == _fold(want):
        return True
    instrument = instrument_of(measure)
    return instrument is not None and _fold(instrument) == _fold(want)


def matches(fact: Fact, want: Mapping[str, Any]) -> bool:
    """True when an extracted fact is the expected one (kind, value, and any measure, unit,
    cpt or minutes the expectation names)."""
    if "kind" in want and _kind_of(fact) != want["kind"]:
        return False
    if "value" in want and not _same_fact_value(fact, want["value"]):
        return False
    if "measure" in want and not _same_measure(fact.measure or "", want["measure"]):
        return False
    if "unit" in want and _fold(fact.unit or "") != _fold(want["unit"]):
        return False
    return all(key not in want or getattr(fact, key) == want[key] for key in ("cpt", "minutes"))


def _equals() -> dict[str, tuple[str, ...]]:
    """Each label word the scorer knows to its equals, itself included (label_words.toml)."""
    table = tomllib.loads((Path(__file__).parent / "label_words.toml").read_text())
    return {word.lower(): tuple(group) for group in table["same"] for word in group}


_EQUALS = _equals()


def _has_word(label: str, word: str) -> bool:
    """A word is in a label as a whole word (a short one, a side or "DF", in its case) or as
    part of a longer one ("ev" in "eversion"); a side letter only whole (the "l" of "ankle" is
    no left)."""
    return _whole_word(label, word) or (len(word) > 1 and word.lower() in label.lower())


def _label_problems(fact: Fact, want: Mapping[str, Any]) -> list[str]:
    problems = []
    for word in want.get("label_has", []):
        if not any(_has_word(fact.label, same) for same in _EQUALS.get(word.lower(), (word,))):
            problems.append(f"label lacks {word!r}")
    for word in want.get("label_not", []):
        if any(_whole_word(fact.label, same) for same in _EQUALS.get(word.lower(), (word,))):
            problems.append(f"label has {word!r}")
    return problems


def _whole_word(label: str, word: str) -> bool:
    """A word the label must not hold, only as a whole word ("L" is not in "Lateral")."""
    words = set(re.findall(r"[A-Za-z0-9+\-]+", label))
    return word in words if len(word) <= 2 else word.lower() in {w.lower() for w in words}


def _per_code(facts: list[Fact]) -> list[Fact]:
    """Service facts summed per code: a note may give one code's minutes in two places
    ("aquatic ther ex 30 min", "aquatic gait 10 min"), and the expectation is the total."""
    totals: dict[str, Fact] = {}
    others = []
    for fact in facts:
        if fact.kind != "service" or fact.cpt is None:
            others.append(fact)
            continue
        seen = totals.get(fact.cpt)
        minutes = (fact.minutes or 0) + ((seen.minutes or 0) if seen else 0)
        totals[fact.cpt] = replace(fact, value=minutes, minutes=minutes)
    return others + list(totals.values())


def _pairs(facts: list[Fact], expected: list[Mapping[str, Any]]) -> dict[int, int]:
    """Each expected fact paired with a found fact (expected index -> found index): as many
    pairs as there can be, and among them as many whose label is right as there can be, so
    a right reading is never scored as a label problem because a same-valued fact came first
    (two FIM items of score 4, two ROM values of 90)."""
    matching = [[i for i, fact in enumerate(facts) if matches(fact, want)] for want in expected]
    clean = [
        [i for i in found if not _label_problems(facts[i], want)]
        for found, want in zip(matching, expected, strict=True)
    ]
    owner: dict[int, int] = {}
    for edges in (clean, matching):
        for want in range(len(expected)):
            if want not in owner.values():
                _augment(want, edges, owner, set())
    return {want: found for found, want in owner.items()}


def _augment(want: int, edges: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: pair `want` with a free found fact, moving earlier pairs along."""
    for found in edges[want]:
        if found in seen:
            continue
        seen.add(found)
        if found not in owner or _augment(owner[found], edges, owner, seen):
            owner[found] = want
            return True
    return False


def _score_facts(case: Case, tally: Tally) -> None:
    facts = _per_code(extract_facts(case.text, CTX.measures))
    expected = case.facts()
    pairs = _pairs(facts, expected)
    used = set(pairs.values())
    for number, want in enumerate(expected):
        tally.expected[want["kind"]] += 1
        index = pairs.get(number)
        if index is None:
            tally.misses.append(f"{case.name}: missed {_show(want)}")
            continue
        tally.recalled[want["kind"]] += 1
        for problem in _label_problems(facts[index], want):
            tally.traps["label"] += 1
            tally.misses.append(f"{case.name}: {problem}: {facts[index].label!r}")
    allowed = [*expected, *case.expect.get("optional", [])]
    for i, fact in enumerate(facts):
        tally.found[_kind_of(fact)] += 1
        if i not in used and not any(matches(fact, want) for want in allowed):
            tally.false[_kind_of(fact)] += 1
            tally.misses.append(f"{case.name}: false {_show_fact(fact)}")
    for trap in case.expect.get("must_not", []):
        want = {key: value for key, value in trap.items() if key != "trap"}
        # a fact that is one of the note's expected facts is right, whatever trap it resembles
        # ("97110 10 min" is no "10 reps" service taken)
        hits = [fact for i, fact in enumerate(facts) if i not in used and matches(fact, want)]
        if trap.get("trap") in _SIGN_TRAPS:
            # the sign is kept when the label says the joint is short of neutral
            hits = [fact for fact in hits if not _short_of_neutral(fact)]
        if hits:
            tally.traps[str(trap.get("trap", "trap"))] += 1
            tally.misses.append(f"{case.name}: trap {trap.get('trap')}: {_show_fact(hits[0])}")


def _show(want: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in want.items() if not k.startswith("label"))


def _show_fact(fact: Fact) -> str:
    extra = f" {fact.measure}" if fact.measure else ""
    extra += f" cpt={fact.cpt}" if fact.cpt else ""
    return f"{fact.kind}{extra} {fact.value}{fact.unit or ''} [{fact.label}]"


# -- billing and findings ------------------------------------------------------------------------


def _score_billing(case: Case, audit: NoteAudit, tally: Tally) -> None:
    want = case.expect.get("billing")
    if want is None:
        return
    billing = extract_billing(case.note.body)
    got = {
        "timed": billing.total_timed_minutes,
        "treatment": billing.total_treatment_minutes,
        "billed": dict(billing.billed),
        "units_allowed": audit.units_allowed,
    }
    for key in ("timed", "treatment", "billed", "units_allowed"):
        expected = want.get(key, {} if key == "billed" else None)
        tally.billing_fields += 1
        if got[key] == expected:
            tally.billing_right += 1
        else:
            tally.misses.append(f"{case.name}: billing {key} {got[key]!r} != {expected!r}")


def _score_findings(case: Case, audit: NoteAudit, tally: Tally) -> None:
    got = Counter(finding.code for finding in audit.findings)
    want = Counter(case.expect.get("findings", []))
    for code in sorted(set(got) | set(want)):
        tp = min(got[code], want[code])
        tally.finding_tp[code] += tp
        tally.finding_fp[code] += got[code] - tp
        tally.finding_fn[code] += want[code] - tp
        if got[code] != want[code]:
            tally.misses.append(f"{case.name}: finding {code} got {got[code]} want {want[code]}")
    lines = case.expect.get("finding_lines", {})
    for finding in audit.findings:
        if finding.code in lines and getattr(finding, "line", None) != lines[finding.code]:
            tally.finding_line_errors += 1
            tally.misses.append(
                f"{case.name}: {finding.code} line {getattr(finding, 'line', None)}"
            )


# -- drafts --------------------------------------------------------------------------------------


def offline_draft(case: Case) -> str:
    skill = REGISTRY.get(case.skill)
    assert skill is not None, case.skill
    prompt = build_prompt(CTX, skill, case.note)
    return asyncio.run(OfflineBackend().draft(prompt, lambda _t: None)).text


# Notations a draft may write either way: "5 out of 10" or "5/10", "times 2" or "x2".
_OUT_OF = re.compile(r"\b(\d+(?:\.\d+)?) out of (\d+)")
_TIMES = re.compile(r"\b(?:times|x) ?(\d+)\b")
# A spoken section name at a snippet's start, which a draft may leave out under its heading.
_SECTION_WORD = re.compile(r"^(?:subjective|objective|assessment|plan) ")


def _plain(text: str) -> str:
    lowered = normalize(text).text.lower()
    lowered = _TIMES.sub(r"x\1", _OUT_OF.sub(r"\1/\2", lowered))
    return " ".join(re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", lowered))


def sections_of(draft: str) -> dict[str, list[str]]:
    """The draft's sections: heading -> its lines, normalised for matching."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in draft.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            found.setdefault(current, [])
        elif current and line.strip():
            found[current].append(_plain(line))
    return found


def _score_offline(case: Case, tally: Tally) -> None:
    draft = offline_draft(case)
    tally.offline_drafts += 1
    result = verify(case.text, draft, CTX.measures)
    if result.clean:
        tally.offline_clean += 1
    else:
        tally.misses.append(f"{case.name}: offline draft not clean {_verify_summary(result)}")
    wanted_sections = case.expect.get("sections", {})
    sections = sections_of(draft) if wanted_sections else {}  # only where a line is placed
    for snippet, heading in wanted_sections.items():
        tally.section_lines += 1
        wanted = _plain(snippet)
        bare = _SECTION_WORD.sub("", wanted)
        where = [h for h, lines in sections.items() if any(bare in line for line in lines)]
        if heading in where:
            tally.section_right += 1
        else:
            tally.misses.append(f"{case.name}: {snippet!r} in {where or 'nowhere'} not {heading}")
    body = draft.lower()
    for phrase in case.expect.get("draft", {}).get("absent", []):
        if re.search(rf"(?<![a-z]){re.escape(phrase.lower())}(?![a-z])", body):
            tally.absent_kept += 1
            tally.misses.append(f"{case.name}: offline draft keeps {phrase!r}")


def _verify_summary(result: Any) -> str:
    missing = [f"{f.kind} {f.value}" for f in result.missing]
    unsupported = [f"{f.kind} {f.value}" for f in result.unsupported]
    return f"missing={missing} unsupported={unsupported}"


def apply_flaw(draft: str, flaw: Flaw) -> str:
    assert flaw.find in draft, f"flaw text not in draft: {flaw.find!r}"
    return draft.replace(flaw.find, flaw.replace, 1)


def caught(result: Any, flaw: Flaw) -> bool:
    """True when verification reports the planted flaw's value in the right list; a joint short
    of neutral reported as its deficit (3) is the flaw's signed angle (-3)."""
    pool: Sequence[Fact] = result.missing if flaw.kind == "dropped" else result.unsupported
    return any(_same_fact_value(fact, flaw.value) or fact.minutes == flaw.value for fact in pool)


def _score_drafts(case: Case, tally: Tally) -> None:
    if case.draft is None:
        return
    tally.faithful += 1
    result = verify(case.text, case.draft, CTX.measures)
    if result.clean:
        tally.faithful_clean += 1
    else:
        tally.misses.append(f"{case.name}: faithful draft flagged {_verify_summary(result)}")
    for flaw in case.flaws:
        tally.flaws[flaw.kind] += 1
        flawed = verify(case.text, apply_flaw(case.draft, flaw), CTX.measures)
        if caught(flawed, flaw):
            tally.flaws_caught[flaw.kind] += 1
        else:
            tally.misses.append(f"{case.name}: {flaw.kind} flaw {flaw.value!r} not caught")
