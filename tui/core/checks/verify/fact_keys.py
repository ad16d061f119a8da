"""How two facts are compared: the group that can stand for a fact, its value as an index key, its
units, and the side, joint, motion and muscle its label names. A fact is the same as another
only where nothing they both say differs.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.names import instrument_key
from tui.core.checks.tables import measure_defs, one_joint_motions, related_names
from tui.core.checks.text.lexicon import UNIT_CLASSES
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.conversions import unit_size

_EPSILON = 1e-6


def same_side(one: str, other: str) -> bool:
    return agree("side", labels.parts_of(one).side, labels.parts_of(other).side)


def fact_group(fact: Fact) -> str:
    """Facts in one group can stand for each other (an NPRS score is a pain rating)."""
    if fact.kind == "outcome" and fact.measure == "NPRS":
        return "pain"
    if fact.kind == "outcome":
        return f"outcome:{measure_key(fact.measure)}"
    if fact.kind == "service":
        return f"service:{fact.cpt}"
    return fact.kind


def measure_key(measure: str | None) -> str | None:
    """A known instrument by its own name; a name chartdesk does not know by its letters alone,
    since a draft writes it its own way ("mini best test" in a dictation, "Mini best test" in
    the draft made from it)."""
    if measure is None or measure in known_measures():
        return measure
    return instrument_key(measure)


def same_value(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        return str(a.value) == str(b.value)
    return abs(float(a.value) - float(b.value)) < _EPSILON


def equal_values(a: float, b: float) -> bool:
    return abs(a - b) < _EPSILON


def numeric_value(fact: Fact) -> float | None:
    if fact.kind == "service" and fact.minutes is not None:
        return float(fact.minutes)
    return None if isinstance(fact.value, str) else float(fact.value)


WORDS = re.compile(r"[a-z]{3,}")

# Label words that say nothing of what a value is of.
EMPTY_LABEL_WORDS = frozenset({"value", "previous", "deficit", "range", "start", "not", "the"})


def label_words(label: str) -> frozenset[str]:
    return frozenset(WORDS.findall(label.lower())) - EMPTY_LABEL_WORDS


@cache
def known_measures() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


def all_numbers_in(value: str, numbers: frozenset[float]) -> bool:
    """A value like "128/82": every number in it appears in the other text."""
    found = [float(m.group()) for m in ANY_NUMBER.finditer(value)]
    return bool(found) and all(number in numbers for number in found)


@lru_cache(maxsize=256)
def unit_class_of(unit: str) -> str | None:
    for name, pattern in UNIT_CLASSES.items():
        if unit and re.fullmatch(pattern, " " + unit, re.IGNORECASE):
            return name
    return None


def value_key(value: int | float | str) -> str:
    """A value as an index key: 45, 45.0 and "45" are one key; grades stay strings."""
    if isinstance(value, str):
        return value.strip()
    return f"{float(value):.4f}"


_COMPARED = ("side", "joint", "motion", "muscle")


def compatible(a: Fact, b: Fact) -> bool:
    """Two facts of one kind and value are the same fact unless both labels name a side, a
    joint, a motion or a muscle and those differ ("R" and "L"; "ER" and "IR"). A generic name
    agrees with its specific ones ("rotation" with "ER", "bilateral" with either side), and
    nothing is compared where either label is silent, so a label read from a crowded line
    costs no false alarm. Two units of different classes ("12 cm" and "12%") are two facts."""
    if a.kind in ("pain", "service") or b.kind in ("pain", "service"):
        return True
    if not _same_item(a, b) or not units_agree(a.unit, b.unit):
        return False
    first, second = _jointed(labels.parts_of(a.label)), _jointed(labels.parts_of(b.label))
    return all(agree(part, getattr(first, part), getattr(second, part)) for part in _COMPARED)


def _jointed(parts: labels.Parts) -> labels.Parts:
    """A label's parts with the joint its motion names where it names none: "R dorsiflexion"
    is the ankle's, so it is never the "R hip flexion" its generic "flexion" would agree with
    (measures.toml [rom] one_joint_motions)."""
    if parts.joint or not parts.motion:
        return parts
    joint = one_joint_motions().get(parts.motion, "")
    return dataclasses.replace(parts, joint=joint) if joint else parts


def same_unit(one: str | None, other: str | None) -> bool:
    """One unit however it is written ("s", "sec"): the same number in another unit of its
    class is another quantity ("61 mm" is not the note's "61 cm")."""
    first, second = unit_size(one or ""), unit_size(other or "")
    if first is None or second is None:
        return (one or "").strip().lower() == (other or "").strip().lower()
    return first[0] == second[0] and abs(first[1] - second[1]) < 1e-9


def units_agree(one: str | None, other: str | None) -> bool:
    """Units of one class, or a unit only one text writes (a value written bare in one); a
    rating out of a maximum ("5/10") is never a length ("5 mm"), and units of one class but
    another size never agree on one number ("61 mm" is not the note's "61 cm")."""
    first, second = unit_class_of(one or ""), unit_class_of(other or "")
    if (one or "").startswith("/") != (other or "").startswith("/") and (first or second):
        return False
    sizes = unit_size(one or ""), unit_size(other or "")
    if sizes[0] and sizes[1] and abs(sizes[0][1] - sizes[1][1]) > 1e-9:
        return False  # the same number in mm and in cm is two lengths
    return first is None or second is None or first == second


def _same_item(a: Fact, b: Fact) -> bool:
    """Two scores of an instrument scored item by item (Section GG, OASIS, FIM) are of the same
    item unless both labels name one and they share no word ("M1860 ambulation 1" is not
    supported by "M1800 grooming 1"; "dress upper body" and "upper body dressing" agree)."""
    if a.kind != "outcome" or b.kind != "outcome" or a.measure != b.measure:
        return True
    if a.measure not in _item_scored():
        return True
    name = label_words(a.measure or "")
    first = label_words(a.label) - name
    second = label_words(b.label) - name
    return not first or not second or bool(first & second) or _stem_overlap(first, second)


def _stem_overlap(first: frozenset[str], second: frozenset[str]) -> bool:
    """Words of one stem ("dress" and "dressing", "transfer" and "transferring")."""
    return any(x.startswith(y[:5]) or y.startswith(x[:5]) for x in first for y in second)


@cache
def _item_scored() -> frozenset[str]:
    """The instruments whose scores are per item (multi, or items that hold numbers)."""
    return frozenset(m.name for m in measure_defs() if m.multi or m.numbered_items)


def same_thing(a: Fact, b: Fact) -> bool:
    """Two values of one thing, whose difference is a change or a side-to-side difference:
    the labels may differ in side (R and L girth) but not in joint, motion or muscle."""
    if a.kind in ("pain", "service") or b.kind in ("pain", "service"):
        return True
    return same_part_names(a.label, b.label)


@lru_cache(maxsize=4096)
def same_part_names(one: str, other: str) -> bool:
    """Two labels naming no different joint, motion or muscle (read once a pair: a note's
    values of one thing share few labels)."""
    first, second = labels.parts_of(one), labels.parts_of(other)
    return all(agree(part, getattr(first, part), getattr(second, part)) for part in _COMPARED[1:])


def parts_agree(one: labels.Parts, other: labels.Parts) -> bool:
    """Two labels' parts naming no different side, joint, motion or muscle."""
    return all(agree(part, getattr(one, part), getattr(other, part)) for part in _COMPARED)


def agree(part: str, one: str, other: str) -> bool:
    if not one or not other or one.lower() == other.lower():
        return True
    if part == "side":
        return "bilateral" in (one, other)
    related = related_names().get(part, {})
    return other.lower() in related.get(one.lower(), ()) or one.lower() in related.get(
        other.lower(), ()
    )


def plain_number(value: float) -> str:
    """A float as written for a fact value: 52.0 -> "52", 12.5 -> "12.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)
