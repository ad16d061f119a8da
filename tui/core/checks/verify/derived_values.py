"""Numbers a draft may compute from its note (changes, percent changes, a score as a percent of
its maximum, billing sums), and the changes a draft states that the note does not back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from tui.core.checks.billing.units import units_for_minutes
from tui.core.checks.extract import extract_billing
from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import context_words
from tui.core.checks.tables import measure_defs, not_measurement_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.verify.fact_keys import fact_group, numeric_value, plain_number, same_thing
from tui.core.checks.verify.measure_names import names_measure_in
from tui.core.checks.verify.sentences import says_change
from tui.core.checks.verify.text_index import TextIndex
from tui.core.checks.verify.unit_quantities import Quantity


def billing_numbers(note_text: str) -> set[float]:
    """Sums a draft may state: units billed, units allowed, minutes added up."""
    billing = extract_billing(note_text)
    timed = billing.timed_minutes_by_code
    untimed = billing.untimed_minutes_by_code
    billed_timed = [u for code, u in billing.billed.items() if code in billing.timed_codes]
    numbers = {
        sum(billing.billed.values()),
        sum(billed_timed),
        units_for_minutes(billing.documented_timed_minutes or 0),
        sum(timed.values()),
        sum(untimed.values()),
        sum(timed.values()) + sum(untimed.values()),
    }
    return {float(n) for n in numbers if n}


# A change is between values of one thing written near each other ("34%, was 42% at eval"):
# each value is paired with the next few of its group only, which keeps this linear.
CHANGE_REACH = 6


def derived_values(facts: Iterable[Fact]) -> dict[str, set[float]]:
    """Numbers a draft may compute from the note: changes, percent changes, percent of max."""
    groups: dict[str, list[tuple[float, Fact]]] = {}
    highs = {m.name: m.high for m in measure_defs()}
    derived: dict[str, set[float]] = {"percent_of_max": set()}
    for fact in facts:
        value = numeric_value(fact)
        if value is not None and fact.kind != "service":
            groups.setdefault(fact_group(fact), []).append((value, fact))
            high = highs.get(fact.measure or "")
            if fact.kind == "outcome" and high and fact.unit not in ("s", "m", "m/s", "ft"):
                percents = {round(value / high * 100), round(value / high * 100, 1)}
                derived["percent_of_max"] |= percents
                derived.setdefault(f"percent_of_max:{fact.measure}", set()).update(percents)
    for group, values in groups.items():
        found: set[float] = set()
        for i, (first, one) in enumerate(values):
            for second, other in values[i + 1 : i + 1 + CHANGE_REACH]:
                if not same_thing(one, other):
                    continue  # flexion and extension: not one thing's change
                change = abs(first - second)
                found.add(round(change, 1))
                for base in (first, second):
                    if base:
                        found.add(round(change / base * 100))
                        found.add(round(change / base * 100, 1))
        derived[group] = found
    return derived


def in_derived(
    value: float,
    derived: dict[str, set[float]],
    group: str | None = None,
    *,
    percent: bool,
    near: TextIndex | None = None,
) -> bool:
    """A computed number: a change within the fact's group, a billing sum, or (for a
    percentage) a score as a percent of its maximum. Without a group, only the changes of a
    group the draft names in the value's sentence count (`near`): with ten values in a note
    most small numbers are the difference of some two of them."""
    if group:
        pools = [derived.get(group, set())]
    else:
        pools = [derived.get("billing", set())]
        if near is not None:
            pools += [
                pool
                for name, pool in derived.items()
                if (topic := _topic_of(name)) and near.said_near(topic, value)
            ]
    if percent:
        pools.append(derived.get(_percent_pool_of(group), set()))
    return any(round(value, 1) in pool for pool in pools)


def percent_pool(fact: Fact) -> str:
    """Where a percentage fact's score-as-percent-of-maximum values are: its own measure's
    (NDI 48 % is NDI 24/50, never KOOS 48), or any measure's for a value of no measure."""
    return _percent_pool_of(fact_group(fact))


def percent_of_named_max(
    fact: Fact, value: float, derived: dict[str, set[float]], said: str
) -> bool:
    """True when a percentage is a score as a percent of its maximum that the draft may have
    computed: its own measure's, or, for a value of no measure ("hop for distance 92 %"), the
    percent of a measure its own sentence (`said`) names ("LEFS 74/80, 92 %"). Any measure's
    percent would let an invented percentage equal some score over its maximum."""
    key = round(value, 1)
    pool = percent_pool(fact)
    if pool != "percent_of_max":
        return key in derived.get(pool, set())
    return any(
        key in values and names_measure_in(said, name.removeprefix("percent_of_max:"))
        for name, values in derived.items()
        if name.startswith("percent_of_max:")
    )


def _percent_pool_of(group: str | None) -> str:
    if group and group.startswith("outcome:"):
        return "percent_of_max:" + group.removeprefix("outcome:")
    return "percent_of_max"


# A change the text states in points, percent or degrees ("LEFS improved by 12 points").
_CHANGE_CLAIM = re.compile(
    r"\b(?:improv\w*|increas\w*|decreas\w*|reduc\w*|gain\w*|los[st]\w*|declin\w*|dropp\w*"
    r"|down|up|chang\w*)\s+(?:by\s+|of\s+)?(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>points?|pts?|%|\u00b0|deg(?:rees)?)(?![A-Za-z])",
    re.IGNORECASE,
)

# A change the note states without a unit ("motor score down 5 (exceeds MCID)").
_CHANGE_BARE = re.compile(
    r"\b(?:improv\w*|increas\w*|decreas\w*|reduc\w*|gain\w*|declin\w*|dropp\w*|down|up"
    r"|chang\w*)\s+(?:by\s+|of\s+)?(\d+(?:\.\d+)?)(?![\d./])",
    re.IGNORECASE,
)

# A change the note states by its sign or an arrow, with the unit of a change ("sup +5 deg
# post-tx", "\u2191 8 points"): a sign on a grade ("4+/5") or a bare number states none.
_CHANGE_SIGNED = re.compile(
    r"(?:(?<![\w.+/])\+|[\u2191\u2193\u0394])[ \t]*(\d+(?:\.\d+)?)[ \t]*"
    r"(?:points?|pts?|%|\u00b0|deg(?:rees)?)(?![A-Za-z])",
    re.IGNORECASE,
)


@cache
def _change_after() -> re.Pattern[str]:
    """A change written after its number and unit ("12 ft farther", "a 23 % improvement",
    measures.toml [not_measurements] changes_after): the readers take no value there, so the
    draft's claim is checked here like "improved by 12 points"."""
    listed = not_measurement_words()
    words = either((*listed.get("changes_after", ()), *listed.get("change_nouns_after", ())))
    return re.compile(
        r"(?<![\d./])(?P<value>\d+(?:\.\d+)?)\s*"
        r"(?P<unit>points?|pts?|%|\u00b0|deg(?:rees)?|ft|feet|m|cm|kg|lbs?|s|sec|seconds?)"
        rf"\s*(?:of\s+)?(?:{words})\b",
        re.IGNORECASE,
    )


def _claims(text: str) -> Iterator[re.Match[str]]:
    """The changes a text states, with the word before the number or after it."""
    yield from _CHANGE_CLAIM.finditer(text)
    yield from _change_after().finditer(text)


def unsupported_changes(
    draft: TextIndex, note: TextIndex, derived: dict[str, set[float]]
) -> list[Fact]:
    """Changes the draft states that are neither stated in the note nor a change between two
    values of what the draft's sentence names (outside the draft's facts, checked already)."""
    stated = {float(m.group("value")) for m in _claims(note.normalized)}
    stated |= {float(m.group(1)) for m in _CHANGE_BARE.finditer(note.normalized)}
    stated |= {float(m.group(1)) for m in _CHANGE_SIGNED.finditer(note.normalized)}
    facts = [fact.span for fact in draft.facts]
    found = []
    for claim in _claims(draft.normalized):
        value = float(claim.group("value"))
        start, end = claim.span("value")
        if value in stated or any(s <= start < e for s, e in facts):
            continue
        percent = claim.group("unit") == "%"
        before = re.split(r"[.;\n]", draft.normalized[max(0, start - 60) : start])[-1]
        if in_derived(value, derived, percent=percent, near=draft) or any(
            round(value, 1) in pool
            for name, pool in derived.items()
            if name.startswith("outcome:")
            and names_measure_in(before, name.removeprefix("outcome:"))
        ):
            continue
        found.append(
            Fact(
                kind="other",
                value=to_number(plain_number(value)),
                unit=claim.group("unit"),
                label=f"{context_words(before, 5) or 'change'} (not a change in the note)",
                span=(start, end),
            )
        )
    return found


def _topic_of(group: str) -> str | None:
    """The sentence topic (`numbers_by_topic` in sentences.py) naming a group of facts, if any."""
    if group.startswith("outcome:"):
        return "measure:" + group.removeprefix("outcome:")
    return group if group in ("pain", "rom", "strength", "girth") else None


def derived_quantity(quantity: Quantity, draft: TextIndex, derived: dict[str, set[float]]) -> bool:
    """Sums of billed units and minutes, a score as a percent of its maximum, or a change the
    draft calls a change."""
    value = round(quantity.value, 1)
    if quantity.unit_class in ("minutes", "units") and value in derived["billing"]:
        return True
    if quantity.unit_class == "pct" and value in derived["percent_of_max"]:
        return True
    return says_change(draft.text, quantity.span) and in_derived(
        quantity.value, derived, percent=quantity.unit_class == "pct", near=draft
    )
