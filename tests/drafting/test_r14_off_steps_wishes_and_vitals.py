"""Offline drafts, round 14 (AUDIT): what will be begun after a semicolon in a judgement is the
plan; what the patient does in their own life now, and their own goal said in their report,
are Subjective; vitals opened by a word naming them are the Systems Review. Each with a twin."""

from __future__ import annotations

from tests.placing import PROGRESS, PT_EVAL, where


def test_a_step_after_a_semicolon_in_a_judgement_is_the_plan() -> None:
    note = "A: quad still < 90% LSI; begin straight-line jog progression next wk.\n"
    assert where(note, "begin straight-line jog") == ["Plan"]
    assert where(note, "quad still") == ["Assessment"]


def test_twin_a_judgement_after_a_semicolon_stays() -> None:
    note = "A: balance still limiting; start of stance unsteady on foam.\n"
    assert where(note, "start of stance unsteady") == ["Assessment"]


def test_the_patients_own_activity_now_is_subjective() -> None:
    note = "Pt walks dog 20 min now (IE 5 min). R hip pain 3/10.\n"
    assert where(note, "walks dog", PROGRESS) == ["Subjective"]


def test_the_patients_own_goal_in_their_report_is_subjective() -> None:
    note = "S: knee pain 6/10 on stairs. Goal: kneel to pray at temple.\nO: AROM 2-118 deg.\n"
    assert where(note, "kneel to pray") == ["Subjective"]


def test_twin_a_measurable_goal_is_not_the_patients_report() -> None:
    note = "S: knee pain 6/10 on stairs. Goal: amb 300 ft mod I in 4 wks.\nO: AROM 2-118 deg.\n"
    assert where(note, "amb 300 ft") != ["Subjective"]


def test_vitals_named_before_the_sign_are_the_systems_review() -> None:
    note = "Acute care PT eval.\nVitals supine BP 118/72, HR 84, SpO2 96% on 2 L NC.\n"
    assert where(note, "Vitals supine BP", PT_EVAL) == ["Systems Review"]
    assert where("Berg 41/56 today.\n", "Berg", PT_EVAL) == ["Tests and Measures"]
