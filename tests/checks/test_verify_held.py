"""Verification finds which facts hold each quantity by comparing spans, not by walking the
facts' characters (issue 12, speed): the same groups as the character walk for any spans,
empty, overlapping or out of order (a table's columns are read out of order)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checks.facts import Fact
from tui.core.checks.verify.fact_keys import fact_group
from tui.core.checks.verify.text_index import _held_quantities, _owners_by_interval
from tui.core.checks.verify.unit_quantities import Quantity


def _by_position(found: list[Quantity], facts: list[Fact]) -> list[set[str]]:
    """The plain reading: every character of every fact, then every character of a quantity."""
    owners: dict[int, set[str]] = {}
    for fact in facts:
        for position in range(*fact.span):
            owners.setdefault(position, set()).add(fact_group(fact))
    held = []
    for quantity in found:
        groups: set[str] = set()
        for position in range(*quantity.span):
            groups |= owners.get(position, set())
        held.append(groups)
    return held


_SPANS = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1] - 2))
_KINDS = st.sampled_from(["rom", "pain", "girth", "mmt", "outcome"])
_FACTS = st.lists(
    st.builds(
        lambda kind, span: Fact(kind=kind, value=1, measure="LEFS", span=span), _KINDS, _SPANS
    ),
    max_size=12,
)
_QUANTITIES = st.lists(
    st.builds(
        lambda unit, span: Quantity(value=4.0, unit_class=unit, unit=unit, span=span),
        st.sampled_from(["deg", "cm"]),
        _SPANS,
    ),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(_QUANTITIES, _FACTS)
def test_spans_compared_find_the_groups_the_characters_find(
    found: list[Quantity], facts: list[Fact]
) -> None:
    assert _owners_by_interval(found, facts) == _by_position(found, facts)


def test_a_quantity_inside_a_fact_is_held_by_its_group_and_a_neighbour_is_not() -> None:
    facts = [Fact(kind="rom", value=118, label="L knee flexion", span=(10, 30))]
    found = [
        Quantity(value=118.0, unit_class="deg", unit="°", span=(25, 29)),
        Quantity(value=4.0, unit_class="cm", unit="cm", span=(30, 34)),
    ]
    held = _held_quantities(found, facts)
    assert held[("deg", 118.0)] == [frozenset({"rom"})]
    assert held[("cm", 4.0)] == [frozenset()]
