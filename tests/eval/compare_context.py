"""How medspaCy's ConText (a well-kept clinical library for negation and history) would do in
place of chartdesk's own rules for earlier values, measured on the eval notes (issue 12 asked
for the comparison before adopting either).

    .venv/bin/pip install medspacy && .venv/bin/python -m tests.eval.compare_context [SPLIT...]

Every expected fact whose label must or must not say "previous" is a question: is this value
an earlier one? chartdesk answers with the label of the fact it read; ConText answers for the
same value (the fact's span made an entity of a medspaCy document, sentences split by its
PyRuSH splitter) with `is_historical`, from its default rules. Reported per split: questions,
right answers for chartdesk, for ConText, and for either one saying "earlier" (what adopting
ConText beside the rules would give). `--our-cues` adds chartdesk's plainest cue words to
ConText's rules; `--wrong` lists ConText's wrong answers. medspaCy is not a dependency; the
script says so and stops when it is not installed.

Measured (medspaCy 1.3.1, spaCy 3.7.5; corpus, heldout, heldout2-4; 417 questions): chartdesk
415 right; ConText with its default rules 200 (it never calls a value earlier: its history
rules are "history", "h/o" and the like, written for diagnoses); with our cue words added 323;
either one saying earlier 411, fewer than the rules alone. ConText scopes a cue to the rest of
a sentence and knows nothing of brackets, arrows, columns or copied blocks, which is where the
earlier values of therapy notes are written, so it is not adopted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tests.eval.corpus import Case, cases
from tests.eval.score import _per_code, matches
from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

SPLITS = ("corpus", "heldout", "heldout2", "heldout3", "heldout4")


@dataclass(frozen=True)
class Question:
    """One value whose timepoint the expectations state, with both answers."""

    case: str
    label: str
    earlier: bool
    ours: bool
    context: bool


def questions(case: Case) -> Iterator[tuple[Fact, bool]]:
    """Each expected fact with a "previous" expectation, paired with the fact read for it
    (matched as the scorer matches: first unused fact of that kind and value)."""
    facts = _per_code(extract_facts(case.text))
    used: set[int] = set()
    for want in case.facts():
        index = next((i for i, f in enumerate(facts) if i not in used and matches(f, want)), None)
        if index is None:
            continue
        used.add(index)
        if "previous" in want.get("label_has", []):
            yield facts[index], True
        elif "previous" in want.get("label_not", []):
            yield facts[index], False


def _historical(nlp: Any, text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """ConText's answer for each span of `text`: is the entity there historical?"""
    doc = nlp.make_doc(text)
    entities = [
        doc.char_span(start, end, label="VALUE", alignment_mode="expand") for start, end in spans
    ]
    doc.ents = _non_overlapping([span for span in entities if span is not None])
    for _, component in nlp.pipeline:
        doc = component(doc)
    found = {(ent.start_char, ent.end_char): bool(ent._.is_historical) for ent in doc.ents}
    return [
        span is not None and found.get((span.start_char, span.end_char), False) for span in entities
    ]


# chartdesk's plainest cue words as ConText rules (`--our-cues`): before a value they mark the
# values after it in the sentence, after a value the values before it, within a few tokens.
_FORWARD = (
    "previous", "previously", "prior", "prev", "was", "were", "from", "initial", "initially",
    "IE", "eval", "evaluation", "baseline", "admission", "SOC", "intake", "last visit",
    "last week", "pre-op",
)  # fmt: skip
_BACKWARD = ("at eval", "at IE", "at baseline", "at evaluation", "last week", "ago", "previously")
_CURRENT = ("now", "today", "currently", "this visit")


def _our_cues() -> list[Any]:
    from medspacy.context import ConTextRule

    rules = [ConTextRule(word, "HISTORICAL", direction="FORWARD", max_scope=4) for word in _FORWARD]
    rules += [
        ConTextRule(word, "HISTORICAL", direction="BACKWARD", max_scope=3) for word in _BACKWARD
    ]
    rules += [ConTextRule(word, "TERMINATE", direction="TERMINATE") for word in _CURRENT]
    return rules


def _non_overlapping(spans: list[Any]) -> list[Any]:
    kept: list[Any] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def main(argv: list[str]) -> int:
    try:
        import medspacy
    except ImportError:
        print("medspaCy is not installed: .venv/bin/pip install medspacy", file=sys.stderr)
        return 2
    nlp = medspacy.load(medspacy_enable=["medspacy_pyrush", "medspacy_context"])
    if "--our-cues" in sys.argv:
        nlp.get_pipe("medspacy_context").add(_our_cues())
    splits = argv or list(SPLITS)
    print(f"{'split':10} {'questions':>9} {'chartdesk':>10} {'ConText':>8} {'either':>7}")
    wrong: list[Question] = []
    for split in splits:
        asked: list[Question] = []
        for case in cases(split):
            pairs = list(questions(case))
            if not pairs:
                continue
            spans = [fact.span for fact, _ in pairs]
            answers = _historical(nlp, case.text, spans)
            for (fact, earlier), context in zip(pairs, answers, strict=True):
                ours = "previous" in fact.label
                asked.append(Question(case.name, fact.label, earlier, ours, context))
        right = sum(q.ours == q.earlier for q in asked)
        context_right = sum(q.context == q.earlier for q in asked)
        either = sum((q.ours or q.context) == q.earlier for q in asked)
        print(f"{split:10} {len(asked):9} {right:10} {context_right:8} {either:7}")
        wrong += [q for q in asked if q.context != q.earlier]
    if "--wrong" in sys.argv:
        for q in wrong:
            print(f"  ConText {'earlier' if q.context else 'current'} for {q.case}: {q.label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main([arg for arg in sys.argv[1:] if not arg.startswith("--")]))
