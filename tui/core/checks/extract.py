"""Facts from a note: pain, range of motion, muscle grades, outcome scores, grip and pinch,
girth, services with minutes, and the note's billing summary.

The extractor is deliberately literal: it takes a number only when the words around it say
what it measures, so "fatigue 6/10" is not pain, "bike 10 min" in an exercise list is not a
billed service, "3x10" is a dose and dates or MRNs are never measurements. Passes run in a
fixed order and each number is taken at most once. Spans point into the text given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.checks.billing.add_on_split import add_ons_split
from tui.core.checks.billing.billing import (
    Billing,
    billed_instead,
    read_billed,
    read_services,
    read_totals,
    reconciled,
)
from tui.core.checks.billing.group_sessions import group_content_dropped
from tui.core.checks.billing.remainder_minutes import remainder_minutes
from tui.core.checks.billing.restated_minutes import restatements_dropped
from tui.core.checks.billing.service_tables import tabled
from tui.core.checks.billing.session_timed import timed_in_session
from tui.core.checks.billing.sole_code import sole_code_total
from tui.core.checks.billing.unit_definitions import unit_definition_spans
from tui.core.checks.facts import Fact
from tui.core.checks.layouts.aligned import read_aligned
from tui.core.checks.layouts.digit_rows import read_digit_rows
from tui.core.checks.layouts.exercise_rows import block_exercise_arcs
from tui.core.checks.layouts.finger_grids import read_finger_grids, read_finger_table_rows
from tui.core.checks.layouts.flowsheet_rows import read_flowsheet_rows
from tui.core.checks.layouts.girth_blocks import read_girth_blocks
from tui.core.checks.layouts.item_grids import read_item_grids
from tui.core.checks.layouts.item_lists import read_item_lists
from tui.core.checks.layouts.item_pairs import read_item_pairs
from tui.core.checks.layouts.joint_arcs import read_joint_arcs
from tui.core.checks.layouts.neutral_zero import read_neutral_zero
from tui.core.checks.layouts.timepoint_columns import mark_timepoint_columns
from tui.core.checks.layouts.vital_columns import read_vital_columns
from tui.core.checks.layouts.vital_rows import (
    claim_vital_limits,
    read_paired_vitals,
    read_vital_rows,
)
from tui.core.checks.learnt.opinion import second_opinion
from tui.core.checks.measures.action_counts import read_action_counts
from tui.core.checks.measures.analogue_scales import read_analogue_scales
from tui.core.checks.measures.arrowed import mark_arrowed
from tui.core.checks.measures.asked_values import block_asked
from tui.core.checks.measures.battery_scores import read_battery_scores
from tui.core.checks.measures.body_indices import read_body_indices
from tui.core.checks.measures.body_lengths import read_body_lengths
from tui.core.checks.measures.body_temperature import read_body_temperature
from tui.core.checks.measures.body_weight import read_body_weight
from tui.core.checks.measures.bracket_earlier import (
    read_bracket_earlier,
    read_respective_earlier,
)
from tui.core.checks.measures.bracket_headings import mark_bracket_headings
from tui.core.checks.measures.carried_names import block_carried_dates, mark_carried_names
from tui.core.checks.measures.chair_rises import read_chair_rises
from tui.core.checks.measures.column_times import read_column_times
from tui.core.checks.measures.compared_headings import unmark_compared
from tui.core.checks.measures.compared_pairs import read_compared_pairs
from tui.core.checks.measures.connected_names import read_connected_names
from tui.core.checks.measures.corrections import drop_retracted
from tui.core.checks.measures.counted_sides import read_counted_sides
from tui.core.checks.measures.counted_tens import block_counted_tens
from tui.core.checks.measures.dated_rows import mark_dated_rows
from tui.core.checks.measures.dated_values import mark_dated
from tui.core.checks.measures.demand_sections import block_demand_sections
from tui.core.checks.measures.direct_measures import (
    mark_direct_measures,
    read_acuity,
    read_contrast,
    read_numbered_subtests,
    read_subtest_times,
)
from tui.core.checks.measures.domain_sentences import read_domain_sentences
from tui.core.checks.measures.durations import read_durations
from tui.core.checks.measures.evidence import note_date, strong
from tui.core.checks.measures.force_headings import read_force_headings
from tui.core.checks.measures.force_tables import read_force_tables
from tui.core.checks.measures.forces import read_forces
from tui.core.checks.measures.gains import read_gains
from tui.core.checks.measures.girth_pairs import read_girth_pairs
from tui.core.checks.measures.glossed_names import read_glossed
from tui.core.checks.measures.heading_domains import read_heading_domains
from tui.core.checks.measures.heading_totals import name_totals, read_heading_totals
from tui.core.checks.measures.heart_rates import block_paced_rates, read_heart_rate_peaks
from tui.core.checks.measures.hold_times import read_hold_times
from tui.core.checks.measures.instrument_parts import read_instrument_parts
from tui.core.checks.measures.instruments import read_instruments, read_scales
from tui.core.checks.measures.item_totals import read_item_totals
from tui.core.checks.measures.keyed_fields import block_reference_keys, read_pain_fields
from tui.core.checks.measures.labelled_earlier import mark_labelled
from tui.core.checks.measures.legend_targets import block_legend_targets, drop_legend_targets
from tui.core.checks.measures.lifted_loads import read_lifted_loads
from tui.core.checks.measures.listed_values import read_listed
from tui.core.checks.measures.metabolic_equivalents import read_metabolic_equivalents
from tui.core.checks.measures.modal_goals import (
    block_goal_targets,
    block_modal_goals,
    block_plan_clauses,
    block_plan_steps,
)
from tui.core.checks.measures.myotomes import read_myotomes
from tui.core.checks.measures.name_versions import block_name_versions, read_after_versions
from tui.core.checks.measures.named_in_label import name_from_labels
from tui.core.checks.measures.not_measured import block_not_measured, drop_not_measured
from tui.core.checks.measures.numbered_timepoints import mark_numbered_timepoints
from tui.core.checks.measures.of_ten import read_of_ten
from tui.core.checks.measures.others import (
    read_compared,
    read_gait_speed,
    read_others,
    read_ratios,
    read_regions,
    read_sided,
    read_vitals,
)
from tui.core.checks.measures.pad_tests import read_pad_counts, read_pad_tests
from tui.core.checks.measures.pain_domains import read_pain_domains
from tui.core.checks.measures.pain_keys import read_pain_keys
from tui.core.checks.measures.pain_lists import read_pain_lists
from tui.core.checks.measures.part_brackets import read_part_brackets
from tui.core.checks.measures.part_runs import read_part_runs
from tui.core.checks.measures.passive_ranges import read_passive_ranges
from tui.core.checks.measures.patient_rates import read_patient_rates
from tui.core.checks.measures.plausible import outside
from tui.core.checks.measures.posture_angles import read_posture_angles
from tui.core.checks.measures.pressure_ranges import read_pressure_ranges
from tui.core.checks.measures.program_baselines import mark_program_baselines
from tui.core.checks.measures.program_distances import block_program_distances
from tui.core.checks.measures.provocation_times import read_provocation_times
from tui.core.checks.measures.refused_readings import refused_of
from tui.core.checks.measures.replies import mark_replies
from tui.core.checks.measures.respective_scores import read_respective
from tui.core.checks.measures.respective_times import mark_respective_times
from tui.core.checks.measures.respiratory import read_respiratory
from tui.core.checks.measures.restated import (
    mark_restated_earlier,
    read_other_side,
    read_restated,
)
from tui.core.checks.measures.restated_deficits import drop_restated_deficits
from tui.core.checks.measures.restated_percents import drop_restated_percents
from tui.core.checks.measures.rom import read_rom
from tui.core.checks.measures.scale_bounds import block_scale_bounds, read_scale_ratings
from tui.core.checks.measures.scores import read_mmt, read_outcomes, read_ratings
from tui.core.checks.measures.session_vitals import unmark_session_vitals
from tui.core.checks.measures.side_headings import mark_side_headings
from tui.core.checks.measures.side_pair_brackets import mark_side_pair_brackets
from tui.core.checks.measures.side_tails import mark_side_tails
from tui.core.checks.measures.spoken_answers import read_inline_answers, read_spoken_answers
from tui.core.checks.measures.step_counts import read_step_counts
from tui.core.checks.measures.stepped_counts import read_stepped_counts
from tui.core.checks.measures.subscale_names import name_subscales
from tui.core.checks.measures.subscale_rows import read_subscale_rows
from tui.core.checks.measures.task_times import read_task_times
from tui.core.checks.measures.test_times import read_test_times
from tui.core.checks.measures.tested_reps import read_tested_reps
from tui.core.checks.measures.time_runs import split_time_runs
from tui.core.checks.measures.timed_results import read_timed_results
from tui.core.checks.measures.titled import read_titled
from tui.core.checks.measures.tolerances import read_tolerances
from tui.core.checks.measures.tone_rows import drop_tone_grades
from tui.core.checks.measures.unit_gate import unit_gated
from tui.core.checks.measures.versus_sides import read_versus_sides
from tui.core.checks.measures.vestibular_readings import read_vestibular_readings
from tui.core.checks.measures.vital_units import read_vital_units
from tui.core.checks.measures.walk_headings import read_walk_headings
from tui.core.checks.measures.walked_distances import read_walked_distances
from tui.core.checks.measures.wound_sizes import read_wound_sizes
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.per_reading import reading
from tui.core.checks.text.scan import Scanner, measurement_scanner

__all__ = [
    "Billing",
    "Fact",
    "Unclassified",
    "extract_billing",
    "extract_candidates",
    "extract_facts",
    "extract_unclassified",
    "measurement_scanner",
]

Pass = Callable[[Scanner, list[Fact], tuple[str, ...]], None]

# Order matters: named things first (vital signs, outcome measures, grades, ratings) so their
# numbers are taken before the looser readings (ROM by context, percentages, distances).
# The passes up to the outcome measures never read the clinic's measure names (their third
# parameter is unused): they run once per text and serve every reading of it, with or without
# the clinic's names (the drafter and the audit both read a note's body).
_GENERAL_PASSES: tuple[Pass, ...] = (
    block_legend_targets,
    block_carried_dates,
    block_modal_goals,
    block_demand_sections,
    block_goal_targets,
    block_plan_steps,
    block_plan_clauses,
    block_asked,
    block_reference_keys,
    block_scale_bounds,
    block_counted_tens,
    block_name_versions,
    block_exercise_arcs,
    block_program_distances,
    block_not_measured,
    block_paced_rates,  # "bike at HR 150": the intensity it is done at, no reading
    read_heart_rate_peaks,
    claim_vital_limits,
    read_pressure_ranges,
    read_paired_vitals,
    read_vitals,
    read_body_indices,
    read_wound_sizes,
    read_body_weight,
    read_respiratory,
    read_body_temperature,
    read_vital_rows,
    read_vital_columns,
    read_flowsheet_rows,
    read_vital_units,
    read_analogue_scales,
    read_pad_tests,
    read_pad_counts,
    read_force_tables,  # before the aligned rows: a force under a motion's name is no angle
    read_item_lists,
    read_item_pairs,
    read_item_grids,
    read_girth_blocks,
    read_girth_pairs,
    read_finger_grids,  # before the aligned lists: a grid's cell is its column's joint
    read_finger_table_rows,
    read_aligned,
    read_joint_arcs,
    read_neutral_zero,
    read_provocation_times,  # before the times: a negative test's length is no result
    read_test_times,
    read_metabolic_equivalents,
    read_vestibular_readings,
    read_respective,
)
_CLINIC_PASSES: tuple[Pass, ...] = (
    read_subscale_rows,  # "SCIM III (today / at discharge):" over "Mobility 6/10 (4/10)"
    read_stepped_counts,  # "Pull test: 4 steps backward": a count of steps, no test's score
    read_numbered_subtests,  # "UFOV 1: 17 ms, 2: 60 ms": subtests' numbers, no scores
    read_myotomes,  # "Myotomes: C5 5, C6 4": a grade per level, no level's number
    read_outcomes,
    read_scales,
    read_heading_totals,  # "SARA (...):" over its items and "Sum  17  14.5": the SARA's
    read_instruments,
    read_glossed,
    read_connected_names,
    read_after_versions,
    read_bracket_earlier,
    read_respective_earlier,  # "FAAM-ADL 88%, FAAM-Sport 59% (eval: 61% / 28%)"
    read_heading_domains,
    read_battery_scores,
    read_item_totals,
    read_instrument_parts,
    read_domain_sentences,  # "FIQR 58.5. Domains: function 17/30, symptoms 29.5/50"
    read_gains,
    read_titled,
    read_mmt,
    read_listed,  # "Kapandji 8/10 / 10/10" under "(R / L)": the list's 10/10 is no rating
    read_spoken_answers,
    read_inline_answers,
    read_pain_domains,  # "SRS-22r 3.9 -- function 4.2, pain 3.6": the instrument's domain
    read_pain_keys,  # before the ratings: "pain_worst_24h: 7" is one word to them
    read_of_ten,
    read_ratings,
    read_pain_lists,
    read_scale_ratings,
    read_pain_fields,  # form fields and flowsheet rows: "Pain with sitting: 5", "(previous) 2"
    read_durations,
    read_gait_speed,
    read_patient_rates,
    read_forces,
    read_force_headings,
    read_regions,
    read_digit_rows,
    read_posture_angles,  # "Cobb 24°", "pelvic tilt 14°": no joint's motion, never rom
    read_rom,
    read_versus_sides,
    read_passive_ranges,
    read_counted_sides,
    read_sided,
    read_lifted_loads,
    read_compared,
    read_ratios,
    read_chair_rises,
    read_walk_headings,
    read_hold_times,
    read_tolerances,
    read_timed_results,
    read_column_times,
    read_tested_reps,
    read_action_counts,
    read_task_times,
    read_body_lengths,
    read_step_counts,
    read_walked_distances,
    read_part_runs,  # late: a run's part takes only a number no reader of its own took
    read_part_brackets,
    read_others,
    read_acuity,
    read_contrast,  # "contrast (Pelli-Robson) 1.65 log CS": a measure of the eye
    read_subtest_times,  # "UFOV ... divided attention ..... 210 ms"
    read_restated,
    read_other_side,
    read_compared_pairs,  # "(L for comparison 72/70)" after this side's two angles
    read_listed,
    split_time_runs,  # "mCTSIB 30/30/12/8 s": four conditions' times, no score over 30
    drop_restated_percents,  # "NDI 18/50 = 36%": one score written two ways
    drop_restated_deficits,  # "Knee ext -5° (lacks 5°)": one deficit written two ways
    name_subscales,  # "FAAM ADL 82%": the FAAM-ADL
    name_totals,  # "Total 51/100" under "SCIM III ...:": the SCIM III
    name_from_labels,  # "On the Beery VMI he earned a standard score of 84"
    drop_tone_grades,  # "Modified Ashworth (...):" over "L toe flexors .... 2 -> 1"
    mark_direct_measures,
    mark_arrowed,
    unmark_session_vitals,  # "HR 78->112" around a 6MWT: before and after today's bout
    mark_dated,
    mark_program_baselines,
    mark_labelled,
    mark_carried_names,
    mark_bracket_headings,
    mark_dated_rows,
    mark_timepoint_columns,
    mark_side_headings,
    mark_side_tails,
    mark_replies,
    mark_restated_earlier,
    mark_numbered_timepoints,
    mark_respective_times,
    mark_side_pair_brackets,
    unmark_compared,
    drop_legend_targets,
    drop_retracted,
    drop_not_measured,
)


@dataclass(frozen=True)
class Unclassified:
    """A number the extractor could not say the meaning of: left out, never guessed."""

    value: int | float
    context: str
    span: tuple[int, int]

    def to_json(self) -> dict[str, object]:
        return {"value": self.value, "context": self.context, "span": list(self.span)}


@dataclass(frozen=True)
class _Reading:
    """A text's facts, its billing, the guesses too weak to be facts, and the scanner the
    passes left (what they took and blocked), from which the numbers left unclassified are
    listed only when asked: extraction and audit never ask."""

    facts: tuple[Fact, ...]
    billing: Billing
    weak: tuple[Fact, ...]
    scanner: Scanner = field(compare=False, repr=False)


def extract_facts(text: str, measures: Sequence[str] = ()) -> list[Fact]:
    """Every fact in `text`, in order of position; `measures` adds clinic measure names."""
    return list(_read(text, tuple(measures)).facts)


def extract_candidates(text: str, measures: Sequence[str] = ()) -> list[Fact]:
    """The facts and the guesses too weak to be facts (measures/evidence.py), in order of
    position: verification questions a draft's "NAME number" even where the name alone would
    not make it a fact of a note."""
    reading = _read(text, tuple(measures))
    return sorted((*reading.facts, *reading.weak), key=lambda fact: (fact.span, fact.kind))


def extract_unclassified(text: str, measures: Sequence[str] = ()) -> list[Unclassified]:
    """Numbers outside the header that are neither a fact, a billing item, nor something the
    rules know is not a measurement (dates, doses, counts): listed so a reviewer can look."""
    return list(_unclassified_in(text, tuple(measures)))


@lru_cache(maxsize=64)
def _unclassified_in(text: str, measures: tuple[str, ...]) -> tuple[Unclassified, ...]:
    reading = _read(text, measures)
    found = (*_left_over(reading.scanner), *(_unclassified(text, fact) for fact in reading.weak))
    return tuple(sorted(found, key=lambda item: item.span))


def extract_billing(text: str, timed_codes: Sequence[str] | None = None) -> Billing:
    """The note's services with minutes, stated totals and billed codes with units.

    `timed_codes` replaces the built-in list of timed codes (a clinic may add its own).
    """
    billing = _base(text).billing
    if timed_codes is None:
        return billing
    return dataclasses.replace(billing, timed_codes=frozenset(timed_codes))


@dataclass(frozen=True)
class _Base:
    """What does not depend on the clinic's measure names: the text with header lines, dates,
    doses and goals blocked, the services with their minutes, and the billing summary."""

    scanner: Scanner
    measurements: Scanner
    services: tuple[Fact, ...]
    billing: Billing


@lru_cache(maxsize=64)
def _base(text: str) -> _Base:
    with reading():
        return _base_of(text)


def _base_of(text: str) -> _Base:
    scanner = Scanner(text)
    scanner.mark_headers()
    for start, end in unit_definition_spans(scanner.text):  # "97129 x1 (first 15 min)"
        scanner.block(start, end)
    measurements = scanner.fork()
    measurements.block_non_measurements()
    totals = read_totals(scanner)
    billed = read_billed(scanner)
    services = tabled(
        text,
        reconciled(
            billed.services,
            billed_instead(
                _evaluations_resolved(read_services(scanner), billed.units), billed.units
            ),
            billed.units,
        ),
    )
    services = group_content_dropped(text, services, billed.units, totals)
    services = sole_code_total(text, services, billed.units, totals, billed.unreadable)
    services = remainder_minutes(scanner, services, billed.units, totals, billed.unreadable)
    services = restatements_dropped(text, services, totals)
    # "97112 0 min", "97112 - 0 min (not performed)": a code left at no minutes and not billed
    # was not given; it is no service
    services = [s for s in services if s.minutes != 0 or s.cpt in billed.units]
    services = add_ons_split(services, billed.units)  # 97129 30 min -> 97129 15 + 97130 15
    totals = timed_in_session(services, billed.units, totals, billed.unreadable)
    scanner.block_mask(measurements.blocked_mask())
    billing = Billing(
        services=tuple(services),
        stated_timed_minutes=totals.timed,
        stated_treatment_minutes=totals.treatment,
        billed=billed.units,
        timed_codes=frozenset(billing_tables().timed),
        billed_at=billed.first_at,
        timed_total_at=totals.timed_at,
        treatment_total_at=totals.treatment_at,
        unreadable=tuple(billed.unreadable),
        unreadable_codes=frozenset(billed.unreadable_codes),
    )
    return _Base(
        scanner=scanner, measurements=measurements, services=tuple(services), billing=billing
    )


@dataclass(frozen=True)
class _General:
    """A text read by the passes that do not depend on the clinic's measure names: the
    scanner they left and the facts they found, forked by each reading that goes on."""

    scanner: Scanner
    facts: tuple[Fact, ...]


@lru_cache(maxsize=64)
def _general(text: str) -> _General:
    with reading():
        base = _base(text)
        scanner = base.scanner.fork()
        facts: list[Fact] = list(base.services)
        for step in _GENERAL_PASSES:
            step(scanner, facts, ())
        return _General(scanner=scanner, facts=tuple(facts))


@lru_cache(maxsize=64)
def _read(text: str, measures: tuple[str, ...]) -> _Reading:
    """Read a text once; verification and audit ask for the same note several times, with and
    without the clinic's measure names (the billing and the general passes are read once for
    both)."""
    with reading():
        general = _general(text)
        scanner = general.scanner.fork()
        facts = list(general.facts)
        for step in _CLINIC_PASSES:
            step(scanner, facts, measures)
    facts.sort(key=lambda fact: (fact.span, fact.kind))
    facts, unit_refused = unit_gated(facts, text)
    implausible = [(fact, outside(fact)) for fact in facts]
    facts = [fact for fact, out in implausible if out is None]
    facts, refused = refused_of(facts, text)
    when = note_date(text)
    judged = second_opinion(text, [(fact, strong(fact, measures, when, text)) for fact in facts])
    kept = tuple(fact for fact, good in judged if good)
    weak = tuple(
        sorted(
            (
                *(fact for fact, good in judged if not good),
                *(o for _, o in implausible if o),
                *refused,
                *unit_refused,
            ),
            key=lambda fact: (fact.span, fact.kind),
        )
    )
    return _Reading(facts=kept, billing=_base(text).billing, weak=weak, scanner=scanner)


def _unclassified(text: str, fact: Fact) -> Unclassified:
    """A guess too weak to be a fact, listed with the words around it for the reviewer."""
    start, end = fact.span
    before = max(0, start - 30)
    line_start = text.rfind("\n", before, start) + 1 or before
    line_end = text.find("\n", end, end + 20)
    line_end = min(len(text), end + 20) if line_end < 0 else line_end
    context = text[line_start:line_end].strip()
    assert isinstance(fact.value, int | float)  # only numbers are gated (evidence.gated)
    return Unclassified(fact.value, context, fact.span)


def non_measurements(text: str) -> Scanner:
    """The text read with header lines, dates, doses, thresholds and goals blocked (shared
    with extraction, so verification does not block them a second time). Do not change it."""
    return _base(text).measurements


def _left_over(scanner: Scanner) -> tuple[Unclassified, ...]:
    found = []
    for token in scanner.tokens():
        start, end = token.start(), token.end()
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        line_start, line_end = scanner.line(start)
        context = scanner.text[max(line_start, start - 30) : min(line_end, end + 20)].strip()
        found.append(Unclassified(to_number(token.group()), context, scanner.span(start, end)))
    return tuple(found)


def _evaluations_resolved(services: list[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """ "Eval time: 45 min" is the minutes of the evaluation code billed; with no such code
    billed (or several), the minutes cannot be given a code and are left out."""
    groups = billing_tables().evaluation_codes
    resolved = []
    for fact in sorted(services, key=lambda fact: fact.span):
        code = fact.cpt or ""
        if code.startswith("@"):
            candidates = [c for c in groups.get(code, ()) if c in billed]
            if len(candidates) != 1:
                continue
            fact = dataclasses.replace(
                fact, cpt=candidates[0], label=billing_tables().name_of(candidates[0])
            )
        resolved.append(fact)
    return resolved
