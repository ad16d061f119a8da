"""How the round-8 label tests look at a reading: each value and whether it is an earlier one."""

from __future__ import annotations

from tests.checks.conftest import facts_in


def earlier_by_value(text: str, kind: str | None = None) -> dict[object, bool]:
    """Each fact (of a kind, when given), value -> whether it is read as an earlier value."""
    return {fact.value: "(previous)" in fact.label for fact in facts_in(text, kind)}
