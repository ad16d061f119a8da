"""The clinical tables behind the checks, loaded once from the TOML files in ``tui/core/data``.

Codes, service names, measures and vocabulary change with payers and clinics, so they live in
data files a reviewer can read, not in code. Clinic additions (context.toml) are merged on top
by the callers that know the clinic.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

_DATA = files("tui.core") / "data"


@dataclass(frozen=True)
class MeasureDef:
    """One outcome measure: canonical name, how notes write it, and its valid range."""

    name: str
    aliases: tuple[str, ...]
    exact_case: frozenset[str] = frozenset()
    low: float | None = None
    high: float | None = None
    unit: str = ""
    kind: str = "outcome"
    multi: bool = False
    direction: str = ""
    items: tuple[str, ...] = ()
    numbered_items: bool = False
    item_high: float | None = None
    # a test scored in another unit that notes also write as the seconds it took ("10MWT
    # 9.8 s" beside "10MWT 1.02 m/s"): the most seconds such a time may be
    seconds_high: float | None = None

    def in_range(self, value: float) -> bool:
        """True when the value could be a score of this measure."""
        if self.low is not None and value < self.low:
            return False
        return self.high is None or value <= self.high

    def in_seconds_range(self, value: float) -> bool:
        """True when the value, written in seconds, could be the time this test took."""
        return self.seconds_high is not None and 0 < value <= self.seconds_high

    def item_in_range(self, value: float) -> bool:
        """True when the value could be one item's score (FIM items are 1-7, its total 126)."""
        high = self.item_high if self.item_high is not None else self.high
        return self.in_range(value) and (high is None or value <= high)


@dataclass(frozen=True)
class BillingTables:
    """Timed and untimed CPT codes, plain service names, and episode intervals."""

    timed: Mapping[str, str]
    untimed: Mapping[str, str]
    services: Mapping[str, str]
    services_exact_case: frozenset[str]
    # words after an exact-case name that make it no service ("MH counselor": mental health)
    services_not_before: Mapping[str, tuple[str, ...]]
    dose_words: tuple[str, ...]
    progress_report_visits: int
    progress_report_soon: int
    recert_days: int
    recert_soon_days: int
    report_codes: frozenset[str]
    skilled_terms: tuple[str, ...]
    functional_terms: tuple[str, ...]
    region_terms: tuple[str, ...]
    evaluation_codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unskilled_terms: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    section_labels: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    region_quarters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    code_aliases: frozenset[frozenset[str]] = frozenset()
    modifiers: tuple[str, ...] = ()
    no_charge: tuple[str, ...] = ()
    billed_instead: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    corrections: tuple[str, ...] = ()
    charge_columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def name_of(self, code: str) -> str:
        """The service name of a CPT code, or the code itself when unknown."""
        return self.timed.get(code) or self.untimed.get(code) or code


@dataclass(frozen=True)
class Vocabulary:
    """Words the extractor reads: rating words, ROM terms, muscles, MMT grade words."""

    pain_words: tuple[str, ...]
    not_pain_words: tuple[str, ...]
    motions: Mapping[str, str]
    joints: Mapping[str, str]
    muscles: Mapping[str, str]
    mmt_suffixes: Mapping[str, str]
    plain_language: Mapping[str, str] = field(default_factory=dict)
    limb_sides: Mapping[str, str] = field(default_factory=dict)
    latin_sides: Mapping[str, str] = field(default_factory=dict)


@cache
def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((_DATA / name).read_text(encoding="utf-8"))


@cache
def measures_section(name: str) -> Mapping[str, Any]:
    """One section of measures.toml as written, parsed once for every reader that keeps its
    own small table (each used to parse the whole file again)."""
    section = _load("measures.toml").get(name, {})
    return section if isinstance(section, dict) else {}


@cache
def billing_section(name: str) -> Mapping[str, Any]:
    """One section of billing.toml as written, for a reader that keeps its own small table."""
    section = _load("billing.toml").get(name, {})
    return section if isinstance(section, dict) else {}


@cache
def markup_section(name: str) -> Mapping[str, Any]:
    """One table of markup.toml as written, for a layout that keeps its own small table."""
    section = _load("markup.toml").get(name, {})
    return section if isinstance(section, dict) else {}


@cache
def markup_lists() -> Mapping[str, frozenset[str]]:
    """Every list written at the top of markup.toml, in lower case: the tags and control words
    markup.py rewrites, which the XML export reader must also know as HTML's. Its tables
    ([ocr], [dropdowns]) are `markup_section`'s; one parse serves both readers."""
    return {
        key: frozenset(str(item).lower() for item in value)
        for key, value in _load("markup.toml").items()
        if isinstance(value, list)
    }


@cache
def units_table() -> dict[str, Any]:
    """data/units.toml as written: the quantities of units, the gate's words and the header
    words (tui/core/checks/measures/unit_quantities.py), loaded here like the other tables."""
    return _load("units.toml")


def str_list(value: Any) -> tuple[str, ...]:
    """A table's list as strings, () when the key is missing or holds no list, so a reader whose
    word list is left out of its table reads none instead of failing."""
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


_strs = str_list


def _str_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(key): str(item) for key, item in value.items()}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _abbreviated(services: dict[str, str], short: Any) -> dict[str, str]:
    """The service names plus each with its words' short forms (billing.toml); the forms
    combine, so a name with two shortened words ("w/c mgmt") is read too."""
    found = dict(services)
    for word, forms in (short or {}).items():
        for name, code in list(found.items()):
            if re.search(rf"\b{re.escape(word)}\b", name, re.IGNORECASE):
                for form in _strs(forms):
                    variant = re.sub(rf"\b{re.escape(word)}\b", form, name, flags=re.IGNORECASE)
                    found.setdefault(variant, code)
    return found


@cache
def billing_tables() -> BillingTables:
    """The built-in billing tables (billing.toml)."""
    data = _load("billing.toml")
    episode = data.get("episode", {})
    audit = data.get("audit", {})
    return BillingTables(
        timed=_str_map(data.get("timed")),
        untimed=_str_map(data.get("untimed")),
        services=_abbreviated(_str_map(data.get("services")), data.get("service_abbreviations")),
        services_exact_case=frozenset(_strs(data.get("services_exact_case", {}).get("names"))),
        services_not_before={
            str(name): _strs(words)
            for name, words in data.get("services_exact_case", {}).get("not_before", {}).items()
        },
        dose_words=_strs(data.get("dose_words", {}).get("names")),
        progress_report_visits=int(episode.get("progress_report_visits", 10)),
        progress_report_soon=int(episode.get("progress_report_soon", 2)),
        recert_days=int(episode.get("recert_days", 90)),
        recert_soon_days=int(episode.get("recert_soon_days", 14)),
        report_codes=frozenset(_strs(episode.get("report_codes"))),
        skilled_terms=_strs(audit.get("skilled")),
        functional_terms=_strs(audit.get("functional")),
        region_terms=_strs(audit.get("regions")),
        evaluation_codes={
            str(name): _strs(codes) for name, codes in data.get("evaluation_codes", {}).items()
        },
        unskilled_terms=_strs(audit.get("unskilled")),
        negations=_strs(audit.get("negations")),
        section_labels=_strs(audit.get("section_labels")),
        needs=_strs(audit.get("needs")),
        region_quarters={
            str(name): _strs(terms) for name, terms in audit.get("quarters", {}).items()
        },
        code_aliases=frozenset(
            frozenset({str(code), other})
            for code, others in data.get("code_aliases", {}).items()
            for other in _strs(others)
        ),
        no_charge=_strs(data.get("no_charge", {}).get("words")),
        corrections=_strs(data.get("corrections", {}).get("words")),
        charge_columns={
            str(role): _strs(words) for role, words in data.get("charge_columns", {}).items()
        },
        billed_instead={
            str(code): _strs(others) for code, others in data.get("billed_instead", {}).items()
        },
    )


@cache
def measure_defs() -> tuple[MeasureDef, ...]:
    """The built-in instruments notes name (instruments.toml entries with aliases)."""
    data = _load("instruments.toml")
    return tuple(
        _measure_def(str(name), spec)
        for name, spec in data.get("instruments", {}).items()
        if spec.get("aliases")
    )


# A test's name that opens with its protocol's time ("30 s chair stand", "30-second sit to
# stand"): group 1 the time, group 2 the test's words.
_TIME_FIRST = re.compile(r"(\d+[ -]?(?:s|sec|second))[ -]+([A-Za-z].*)", re.IGNORECASE)


def _with_protocol_last(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases, and each one that opens with its protocol's time written with the time
    last, as notes also name the test ("Sit to stand 30 s: 11 reps", "chair stand 30 sec")."""
    moved = []
    for alias in aliases:
        found = _TIME_FIRST.fullmatch(alias)
        if found is not None:
            moved.append(f"{found.group(2)} {found.group(1)}")
    return (*aliases, *(alias for alias in moved if alias not in aliases))


def _measure_def(name: str, spec: Mapping[str, Any]) -> MeasureDef:
    """One instrument as the extractor reads it: a score written as a percentage may reach 100
    (NDI is 0-50, "NDI 24%" too), and an item may score below the total's minimum (FIM)."""
    low, high = _number(spec.get("min")), _number(spec.get("max"))
    items = spec.get("item_range")
    item_high = None
    if isinstance(items, list) and len(items) == 2:
        item_high = float(items[1])
        if low is not None:
            low = min(low, float(items[0]))
    if spec.get("percent_of") is not None and high is not None:
        high = max(high, 100.0)
    return MeasureDef(
        name=name,
        aliases=_with_protocol_last(_strs(spec.get("aliases")) or (name,)),
        exact_case=frozenset(_strs(spec.get("exact_case"))),
        low=low,
        high=high,
        unit=str(spec.get("unit", "")),
        kind=str(spec.get("kind", "outcome")),
        multi=bool(spec.get("multi", False)),
        direction=str(spec.get("direction", "")),
        items=_strs(spec.get("items")),
        numbered_items=bool(spec.get("numbered_items", False)),
        item_high=item_high,
        seconds_high=_number(spec.get("seconds_max")),
    )


@cache
def vocabulary() -> Vocabulary:
    """Rating, ROM and muscle words, and the plain-language swaps (measures.toml)."""
    data = _load("measures.toml")
    ratings = data.get("ratings", {})
    rom = data.get("rom", {})
    return Vocabulary(
        pain_words=_strs(ratings.get("pain")),
        not_pain_words=_strs(ratings.get("not_pain")),
        motions=_str_map(rom.get("motions")),
        joints=_str_map(rom.get("joints")),
        muscles=_str_map(rom.get("muscles")),
        mmt_suffixes=_str_map(data.get("mmt", {}).get("suffix_words")),
        plain_language=_str_map(data.get("plain_language")),
        limb_sides=_str_map(rom.get("limb_sides")),
        latin_sides=_str_map(rom.get("latin_sides")),
    )


def plain_language_swaps() -> dict[str, str]:
    """The built-in clinical-to-plain swaps for patient handouts."""
    return dict(vocabulary().plain_language)


@cache
def not_instruments() -> frozenset[str]:
    """Abbreviations that look like instrument names but are not (measures.toml)."""
    data = _load("measures.toml")
    return (
        frozenset(
            name.upper() for name in _strs(data.get("instruments", {}).get("not_instruments"))
        )
        | lab_values()
    )


@cache
def lab_values() -> frozenset[str]:
    """Abbreviations of laboratory and bedside values (measures.toml): no instrument, and no
    item of the instrument scored before them."""
    data = _load("measures.toml")
    return frozenset(name.upper() for name in _strs(data.get("instruments", {}).get("lab_values")))


@cache
def not_measurement_words() -> dict[str, tuple[str, ...]]:
    """Word lists that make a nearby number a dose, count, change, target or position."""
    data = _load("measures.toml").get("not_measurements", {})
    return {str(key): _strs(value) for key, value in data.items()}


@cache
def battery_words() -> dict[str, tuple[str, ...]]:
    """Words of a battery's subtest scores (measures.toml [batteries])."""
    data = _load("measures.toml").get("batteries", {})
    return {str(key): _strs(value) for key, value in data.items()}


@cache
def gain_words() -> tuple[str, ...]:
    """Words naming a reflex's gain, written before its ratio (measures.toml [gains])."""
    return _strs(_load("measures.toml").get("gains", {}).get("names"))


@cache
def mmt_words() -> dict[str, tuple[str, ...]]:
    """Words that make a grade a muscle grade, or not one (measures.toml [mmt])."""
    data = _load("measures.toml").get("mmt", {})
    return {str(key): _strs(value) for key, value in data.items() if isinstance(value, list)}


@cache
def setting_words() -> dict[str, tuple[str, ...]]:
    """Things whose lengths and angles are equipment sizes or settings (measures.toml
    [not_measurements.settings])."""
    data = _load("measures.toml").get("not_measurements", {}).get("settings", {})
    return {str(key): _strs(value) for key, value in data.items()}


@cache
def result_words() -> dict[str, tuple[str, ...]]:
    """Words that make a count a result of the patient (measures.toml [results])."""
    return {
        str(key): _strs(value) for key, value in _load("measures.toml").get("results", {}).items()
    }


@cache
def said_events() -> dict[str, tuple[str, ...]]:
    """Events said with their verb: the noun counted -> how its verb is written
    (measures.toml [said_events])."""
    data = _load("measures.toml").get("said_events", {})
    return {str(noun): _strs(verbs) for noun, verbs in data.items()}


@cache
def said_times() -> dict[str, int]:
    """How often, in words ("twice" is 2; measures.toml [said_times])."""
    data = _load("measures.toml").get("said_times", {})
    return {str(word).lower(): int(count) for word, count in data.items()}


@cache
def attribution_words() -> dict[str, tuple[str, ...]]:
    """Cue words for a value's side and timepoint (measures.toml [attribution])."""
    data = _load("measures.toml").get("attribution", {})
    return {str(key): _strs(value) for key, value in data.items() if isinstance(value, list)}


@cache
def related_names() -> dict[str, dict[str, frozenset[str]]]:
    """Per part (motion, joint), each generic name -> the specific names it agrees with, in
    lower case (measures.toml [attribution.related])."""
    data = _load("measures.toml").get("attribution", {}).get("related", {})
    return {
        str(part): {
            str(name).lower(): frozenset(item.lower() for item in _strs(specific))
            for name, specific in table.items()
        }
        for part, table in data.items()
    }


@cache
def millimetre_motions() -> frozenset[str]:
    """Motions measured in millimetres, as written in notes (measures.toml [rom])."""
    rom = _load("measures.toml").get("rom", {})
    return frozenset(name.lower() for name in _strs(rom.get("millimetre_motions")))


@cache
def summed_motions() -> tuple[frozenset[str], float]:
    """Motions that sum several joints (TAM, TPM) and the most degrees one may hold
    (measures.toml [rom] summed_motions, summed_max)."""
    rom = _load("measures.toml").get("rom", {})
    names = frozenset(name for name in _strs(rom.get("summed_motions")))
    return names, float(rom.get("summed_max", 0))


def one_joint_motions() -> dict[str, str]:
    """Motions of one joint only ("dorsiflexion" is the ankle's), by the label's motion name
    (measures.toml [rom] one_joint_motions)."""
    return _str_map(_load("measures.toml").get("rom", {}).get("one_joint_motions"))


@cache
def keyed_units() -> dict[str, str]:
    """Units written in a key or heading -> how the value is read (measures.toml)."""
    return _str_map(_load("measures.toml").get("keyed_units"))


@cache
def item_stop_words() -> frozenset[str]:
    """Words that cannot name an item of an instrument: the rating and anatomy vocabulary plus
    measures.toml [instruments] not_item_words."""
    vocab = vocabulary()
    found = {*vocab.motions, *vocab.joints, *vocab.muscles}
    for pattern in (*vocab.pain_words, *vocab.not_pain_words):
        found |= set(re.findall(r"[a-z]+", pattern.lower()))
    found |= set(_strs(_load("measures.toml").get("instruments", {}).get("not_item_words")))
    return frozenset(word.lower() for word in found)


@cache
def lower_case_units() -> frozenset[str]:
    """Units that are units only in lower case (measures.toml [instruments])."""
    data = _load("measures.toml").get("instruments", {})
    return frozenset(word.lower() for word in _strs(data.get("lower_case_units")))


@cache
def instrument_words() -> dict[str, tuple[str, ...]]:
    """The [instruments] word lists of measures.toml (test nouns, words that end a name)."""
    data = _load("measures.toml").get("instruments", {})
    return {str(key): _strs(value) for key, value in data.items()}


@cache
def vital_names() -> dict[str, str]:
    """Short names of vital signs as written -> what they are (measures.toml [vitals])."""
    return _str_map(_load("measures.toml").get("vitals"))


@dataclass(frozen=True)
class ScaleDef:
    """An ordinal scale: how notes name it and the pattern of one grade."""

    name: str
    aliases: tuple[str, ...]
    grades: str


@cache
def grade_scales() -> tuple[ScaleDef, ...]:
    """Ordinal scales (measures.toml [scales])."""
    data = _load("measures.toml").get("scales", {})
    return tuple(
        ScaleDef(str(name), _strs(spec.get("aliases")) or (str(name),), str(spec.get("grades")))
        for name, spec in data.items()
    )


@dataclass(frozen=True)
class VitalSign:
    """A vital sign read in rows and chains: its names, unit and plausible readings."""

    label: str
    names: tuple[str, ...]
    unit: str | None
    low: float
    high: float
    low_pair: tuple[float, float] | None = None


@cache
def vital_signs() -> tuple[VitalSign, ...]:
    """Vital signs written in rows and chains (measures.toml [vital_rows.signs])."""
    data = _load("measures.toml").get("vital_rows", {}).get("signs", {})
    found = []
    for label, sign in data.items():
        low, high = sign.get("range", [0, 999])
        pair = sign.get("low_range")
        found.append(
            VitalSign(
                label=str(label),
                names=_strs(sign.get("names")),
                unit=str(sign["unit"]) if "unit" in sign else None,
                low=float(low),
                high=float(high),
                low_pair=(float(pair[0]), float(pair[1])) if pair else None,
            )
        )
    return tuple(found)


@cache
def vital_row_words() -> dict[str, tuple[str, ...]]:
    """Qualifiers and links of readings in a chain (measures.toml [vital_rows])."""
    data = _load("measures.toml").get("vital_rows", {})
    return {str(key): _strs(value) for key, value in data.items() if isinstance(value, list)}


@cache
def heart_rate_names() -> tuple[str, ...]:
    """How notes name the heart rate (measures.toml [heart_rates] names), one list for every
    reader of it (the readings, the chains of vital signs, the signs beside a pressure)."""
    return _strs(measures_section("heart_rates").get("names"))


@cache
def hold_time_words() -> dict[str, tuple[str, ...]]:
    """Words of a posture held for a time and of a dose (measures.toml [hold_times])."""
    data = _load("measures.toml").get("hold_times", {})
    return {str(key): _strs(value) for key, value in data.items()}


@cache
def body_weight_words() -> dict[str, Any]:
    """Names, qualifiers, units and ranges of a patient's body weight (measures.toml
    [body_weight])."""
    data = _load("measures.toml").get("body_weight", {})
    return dict(data) if isinstance(data, dict) else {}


def evidence_rules() -> dict[str, Any]:
    """The points a guessed fact's evidence is worth and the threshold (measures.toml
    [evidence])."""
    data = _load("measures.toml").get("evidence", {})
    return dict(data) if isinstance(data, dict) else {}
