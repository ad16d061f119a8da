"""A subscale written after its instrument's name names the measure: "FAAM ADL 82%" is the
FAAM-ADL and "FABQ physical activity 11/24, work 19/42" the FABQ-PA and FABQ-W. Clinicians chart
and compare these subscales as measures of their own (each has its own norms and MCID), so a
score filed under the bare "FAAM" could not be matched with last visit's "FAAM-ADL". The words
are data (instrument_results.toml subscale_names)."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.result_words import subscale_names
from tui.core.checks.text.scan import Scanner


@cache
def _subscale(instrument: str) -> re.Pattern[str]:
    """The instrument's subscale at the start of a label's rest, longest words first."""
    words = sorted(subscale_names()[instrument], key=len, reverse=True)
    spelled = "|".join(r"[ \t-]+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"[ \t:-]*({spelled})(?![\w-])", re.IGNORECASE)


def name_subscales(_scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Rename each outcome of a listed instrument whose label goes on with a subscale."""
    table = subscale_names()
    for index, fact in enumerate(facts):
        if fact.kind != "outcome" or fact.measure not in table:
            continue
        named = subscale_measure(fact.measure, fact.label)
        if named is not None:
            facts[index] = dataclasses.replace(fact, measure=named)


def subscale_measure(instrument: str, label: str) -> str | None:
    """The measure a label names when it is the instrument's name then one of its subscales."""
    if not label.lower().startswith(instrument.lower()):
        return None
    found = _subscale(instrument).match(label, len(instrument))
    if found is None:
        return None
    written = re.sub(r"[ \t-]+", " ", found.group(1)).lower()
    for word, measure in subscale_names()[instrument].items():
        if word.lower() == written:
            return measure
    return None


def instrument_of(measure: str) -> str | None:
    """The instrument a subscale's measure belongs to ("FAAM-ADL" -> "FAAM"), None for a measure
    that is no listed subscale: a score filed under the instrument's name with its subscale in
    the label ("FAAM", "ADL") says the same as one filed under the subscale's own name."""
    for instrument, names in subscale_names().items():
        if measure in names.values():
            return instrument
    return None
