"""Episodes built from sequences of notes in a real store: evaluation to discharge, measures by
visit, change since the evaluation, MCID and goals."""

from __future__ import annotations

from datetime import date

from tests.outcomes.conftest import DAILY, EVAL, Drop, knee_episode
from tui.core.outcomes.episodes import DAILY as DAILY_NOTE
from tui.core.outcomes.episodes import DISCHARGE, EVALUATION, PROGRESS, REEVALUATION
from tui.core.outcomes.timeline import timeline_text
from tui.core.service import ClinicService


def test_evaluation_to_discharge_is_one_episode(service: ClinicService, drop: Drop) -> None:
    knee_episode(drop)
    [found] = service.patient_episodes("Dana Whitfield")
    [episode] = found.episodes
    assert [v.role for v in episode.visits] == [EVALUATION, DAILY_NOTE, PROGRESS, DISCHARGE]
    assert episode.discharged and episode.evaluated
    assert (episode.start, episode.end) == (date(2026, 10, 1), date(2026, 11, 20))
    assert episode.visit_count() == 16
    assert episode.primary == "LEFS"
    series = {s.name: s for s in episode.series}
    assert [p.value for p in series["LEFS"].points] == [38, 49, 62]
    assert [p.value for p in series["Pain"].points] == [6, 5, 3, 1]
    assert [p.value for p in series["R knee flexion AROM"].points] == [100, 108, 118, 125]
    assert [p.text for p in series["MMT R quadriceps"].points] == ["4-", "4", "4+"]
    assert series["MMT R quadriceps"].grade_change() == 2
    lefs = series["LEFS"].change()
    assert lefs is not None and lefs.delta == 24 and lefs.met is True
    tug = series["TUG"].change()
    assert tug is not None and tug.improvement == 4.1 and tug.basis == "MDC" and tug.met


def test_goals_have_measure_target_date_and_status(service: ClinicService, drop: Drop) -> None:
    knee_episode(drop)
    [episode] = service.patient_episodes("480221")[0].episodes
    goals = {g.goal.text: g for g in episode.goals}
    assert goals["LEFS ≥ 50"].goal.due == date(2026, 10, 29)
    # 49 on 10-29, its due date; 62 only at the discharge on 11-20.
    lefs = goals["LEFS ≥ 50"]
    assert (lefs.status, lefs.latest, lefs.judged_value) == ("met late", "62/80", "62/80")
    assert lefs.judged_on == date(2026, 11, 20)
    assert goals["TUG < 11 s"].goal.due == date(2026, 11, 26)
    assert goals["TUG < 11 s"].status == "met"
    assert goals["pain ≤ 3/10"].status == "met"  # 3/10 on 10-29, its due date
    assert goals["pain ≤ 3/10"].judged_on == date(2026, 10, 29)
    assert goals["walk 1 mile independently"].status == "unknown"
    assert all(not g.goal.missing for g in episode.goals)


def test_an_unmet_goal_past_its_date_is_not_met(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-11-10", 12, "progress_report", "LEFS 44/80. Pain 4/10.\n")
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    goals = {g.goal.text: g.status for g in episode.goals}
    assert goals["LEFS ≥ 50"] == "not met"  # due 2026-10-29, 44 on 2026-11-10
    assert goals["TUG < 11 s"] == "not reassessed"  # measured only at the evaluation
    [early] = service.patient_episodes("Dana Whitfield", today=date(2026, 10, 5))[0].episodes
    assert {g.goal.text: g.status for g in early.goals}["LEFS ≥ 50"] == "open"


def test_a_goal_is_judged_on_the_value_standing_at_its_due_date(
    service: ClinicService, drop: Drop
) -> None:
    """LEFS ≥ 50 is due 2026-10-29: reached on 10-20 but lost by 10-27 is not met by the date,
    and reached again on 11-05 is met late; TUG < 11 s (due 11-26) is not met once the
    episode is discharged on 11-12 without reaching it, though its date has not come."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-20", 6, "progress_report", "LEFS 52/80. TUG 12.5 s.\n")
    drop("2026-10-27", 8, "progress_report", "LEFS 47/80. TUG 12.0 s.\n")
    drop("2026-11-05", 10, "progress_report", "LEFS 51/80. TUG 11.6 s.\n")
    drop("2026-11-12", 12, "discharge_summary", "LEFS 53/80. TUG 11.4 s.\n")
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    goals = {g.goal.text: g for g in episode.goals}
    lefs, tug = goals["LEFS ≥ 50"], goals["TUG < 11 s"]
    assert (lefs.status, lefs.judged_on, lefs.judged_value) == (
        "met late",
        date(2026, 11, 5),
        "51/80",
    )
    assert (tug.status, tug.judged_on, tug.judged_value) == (
        "not met",
        date(2026, 11, 12),
        "11.4 s",
    )
    [open_episode] = service.patient_episodes(
        "Dana Whitfield", today=date(2026, 11, 6), until=date(2026, 11, 6)
    )[0].episodes
    tug_open = {g.goal.text: g for g in open_episode.goals}["TUG < 11 s"]
    assert (tug_open.status, tug_open.judged_value) == ("open", "11.6 s")
    [data] = [g for g in episode.to_json()["goals"] if g["text"] == "LEFS ≥ 50"]
    assert (data["status"], data["judged_on"], data["judged_value"]) == (
        "met late",
        "2026-11-05",
        "51/80",
    )


def test_a_goal_reached_by_its_date_is_met(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-27", 8, "progress_report", "LEFS 50/80 with stairs.\n")
    drop("2026-11-12", 12, "progress_report", "LEFS 48/80 with stairs.\n")  # after the date: stands
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    lefs = {g.goal.text: g for g in episode.goals}["LEFS ≥ 50"]
    assert (lefs.status, lefs.judged_on, lefs.latest) == ("met", date(2026, 10, 27), "48/80")


def test_a_new_evaluation_for_another_diagnosis_starts_another_episode(
    service: ClinicService, drop: Drop
) -> None:
    knee_episode(drop)
    shoulder = {"diagnosis": "L shoulder impingement, M75.42"}
    drop("2027-02-01", 1, "pt_initial_eval", "QuickDASH 45. Pain 7/10.\n", **shoulder)
    drop("2027-02-03", 2, "soap_note", "Pain 6/10 with reaching overhead.\n", **shoulder)
    [found] = service.patient_episodes("Dana Whitfield")
    first, second = found.episodes
    assert first.discharged and not second.discharged
    assert second.diagnosis.endswith("M75.42") and second.primary == "QuickDASH"
    assert [v.role for v in second.visits] == [EVALUATION, DAILY_NOTE]


def test_concurrent_episodes_take_their_own_notes(service: ClinicService, drop: Drop) -> None:
    """A second diagnosis evaluated while the first is open: each note goes to its diagnosis."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    back = {"diagnosis": "Low back pain, M54.50"}
    drop("2026-10-02", 1, "pt_initial_eval", "ODI 42%. Pain 6/10 with sitting.\n", **back)
    drop("2026-10-08", 2, "soap_note", DAILY)
    drop("2026-10-09", 2, "soap_note", "ODI 36% on reassessment today.\n", **back)
    knee, lumbar = service.patient_episodes("Dana Whitfield")[0].episodes
    assert [v.day.day for v in knee.visits] == [1, 8]
    assert [v.day.day for v in lumbar.visits] == [2, 9]
    assert lumbar.primary == "ODI" and lumbar.region == "lumbar"


def test_an_evaluation_of_the_same_diagnosis_continues_the_episode(
    service: ClinicService, drop: Drop
) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-11-30", 20, "re_evaluation", "LEFS 58/80.\nGoals: LTG 4 wks - LEFS ≥ 65.\n")
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    assert [v.role for v in episode.visits] == [EVALUATION, REEVALUATION]
    assert [g.goal.text for g in episode.goals] == ["LEFS ≥ 65"]  # the latest plan of care


def test_notes_under_three_spellings_make_one_timeline(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL, patient="Dana Whitfield")
    drop("2026-10-08", 3, "soap_note", DAILY, patient="WHITFIELD, DANA M.", mrn="")
    drop(
        "2026-10-15",
        5,
        "soap_note",
        "Pain 4/10 after the session.\n",
        patient="Dána Whitfield",
        mrn="",
    )
    [found] = service.patient_episodes("whitfield dana")
    assert found.ambiguities == []
    [episode] = found.episodes
    assert [p.value for p in {s.name: s for s in episode.series}["Pain"].points] == [6, 5, 4]


def test_an_ambiguous_match_is_shown_then_confirmed(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-08", 3, "soap_note", DAILY, mrn="", dob="")
    found = service.patient_episodes("Dana Whitfield")
    assert len(found) == 2
    [amb] = found[0].ambiguities
    assert "date of birth is missing" in amb.reason
    service.confirm_identities(amb.a.key, amb.b.key, True, "arivera")
    [merged] = service.patient_episodes("Dana Whitfield")
    assert merged.ambiguities == []
    assert len(merged.episodes[0].visits) == 2


def test_measures_are_recorded_when_a_note_is_checked_and_backfilled(
    service: ClinicService, drop: Drop
) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    assert service.store.unmeasured_notes("facts-1") == []  # queued: its check measures it
    with service.store.write() as conn:  # drafted before measures were recorded
        conn.execute("UPDATE drafts SET status = 'ready'")
    note_id = service.store.unmeasured_notes("facts-1")[0]
    assert service.backfill_measures() == 1
    assert service.store.unmeasured_notes("facts-1") == []
    rows = service.store.measures_of([note_id])[note_id]
    assert ("LEFS", "outcome", "LEFS", 38.0, "38", "/80") in rows
    assert not any(series.startswith("LEFS") and value == 50 for series, _, _, value, _, _ in rows)


def test_an_extension_deficit_improves_as_it_shrinks(service: ClinicService, drop: Drop) -> None:
    drop("2026-10-01", 1, "pt_initial_eval", EVAL + "R knee extension lacking 10°.\n")
    drop("2026-10-29", 10, "progress_report", "LEFS 40/80. R knee extension lacking 3°.\n")
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    deficit = next(s for s in episode.series if "deficit" in s.name)
    found = deficit.change()
    assert found is not None and found.delta == -7 and found.improvement == 7


def test_a_score_written_on_another_scale_is_compared_on_one(
    service: ClinicService, drop: Drop
) -> None:
    """NDI 26/50 at the evaluation, 28% at the report: 26 to 14 on 0-50, beyond the MCID."""
    neck = {"diagnosis": "Cervical radiculopathy, M54.12"}
    drop("2026-10-01", 1, "pt_initial_eval", "NDI 26/50. Pain 6/10 with turning.\n", **neck)
    drop("2026-10-29", 10, "progress_report", "NDI 28%. Pain 2/10 with turning.\n", **neck)
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    ndi = next(s for s in episode.series if s.name == "NDI")
    assert [p.written for p in ndi.points] == ["26/50", "28% (14/50)"]
    found = ndi.change()
    assert found is not None and (found.baseline, found.current) == (26, 14)
    assert found.improvement == 12 and found.met is True


def test_a_series_keeps_the_unit_its_first_note_writes(service: ClinicService, drop: Drop) -> None:
    """NDI 44% then 13/50: kept in %, the MCID 7.5/50 stated as 15 %; a grip in lb keeps lb
    with the MCID 6.5 kg as 14.33 lb; an ODI raw sum out of 50 is read as a percentage."""
    neck = {"diagnosis": "Cervicalgia, M54.2"}
    body = "NDI 44%. ODI 42%. R grip 30 lb. 6MWT 850 ft.\n"
    drop("2026-10-01", 1, "pt_initial_eval", body, **neck)
    drop("2026-10-29", 10, "progress_report", "NDI 13/50. ODI 19/50. R grip 48 lb. 6MWT 1010 ft.\n",
         **neck)  # fmt: skip
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    series = {s.name: s for s in episode.series}
    ndi, odi, grip, walk = series["NDI"], series["ODI"], series["R grip"], series["6MWT"]
    assert (ndi.unit, ndi.numbers, ndi.threshold()) == ("%", [44, 26], (15, "MCID"))
    assert [p.written for p in ndi.points] == ["44%", "13/50 (26%)"]
    assert odi.numbers == [42, 38] and odi.change().met is False  # type: ignore[union-attr]
    assert (grip.unit, grip.numbers, grip.threshold()) == ("lb", [30, 48], (14.33, "MCID"))
    assert (walk.unit, walk.threshold()) == ("ft", (100.07, "MCID"))
    lines = timeline_text(episode)
    assert "NDI: 2026-10-01 44%; 2026-10-29 13/50 (26%). Change since 2026-10-01: -18 " in lines
    assert "MCID 15%: met" in lines and "MCID 14.33 lb: met" in lines
    assert walk.change().met is True  # type: ignore[union-attr]


def test_the_drafter_s_checks_record_the_note_s_measures(
    service: ClinicService, drop: Drop
) -> None:
    from tui.core.intake.pipeline import draft_queued

    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    draft_queued(service, owner="test")
    assert service.store.unmeasured_notes("facts-1") == []


def test_a_walk_test_written_in_seconds_is_a_series_of_its_own(
    service: ClinicService, drop: Drop
) -> None:
    """10MWT is kept in m/s; a note that writes it as the seconds the walk took ("10 meter walk
    test 11.6 s") makes a series in seconds with no instrument, never seconds shown as m/s."""
    drop("2026-10-01", 1, "pt_initial_eval", EVAL)
    drop("2026-10-15", 5, "daily_note", "Gait speed check today: 10MWT 0.92 m/s.\n")
    drop("2026-10-22", 7, "daily_note", "Gait check today: 10 meter walk test 11.6 seconds.\n")
    [episode] = service.patient_episodes("Dana Whitfield")[0].episodes
    series = {s.name: s for s in episode.series}
    assert series["10MWT"].unit == "m/s"
    assert series["10MWT (s)"].unit == "s"
    assert series["10MWT (s)"].instrument is None
