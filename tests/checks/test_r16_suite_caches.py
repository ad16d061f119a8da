"""What the suite's speed-ups keep: each cache or lookup gives what the work it replaced gave.

A label's topic is looked up by the text's own ends instead of comparing it with every label;
a Skill file read is parsed once per process; one TLS context serves every Anthropic backend
while the certificate settings stay; a test clinic's context loses its example marks as before.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import unmark_examples
from tui.core.clinic import init_clinic
from tui.core.drafting import anthropic, placement
from tui.core.drafting.placement import topic_of
from tui.core.skills.registry import builtin_skills_dir, load_skill_file, parse_skill


def _scanned(lowered: str) -> str:
    """The topic as the old scan found it: the first (longest) label the text is or starts
    with before a space or a "("."""
    return next(
        (
            topic
            for written, topic in placement._topic_labels()
            if lowered == written
            or lowered.startswith(written + " ")
            or lowered.startswith(written + "(")
        ),
        "",
    )


def test_every_label_and_its_variants_get_the_topic_the_scan_gave() -> None:
    labels = {written for written, _ in placement._topic_labels()}
    variants = {
        text
        for written in labels
        for text in (written, f"{written} 2", f"{written}(r)", f"{written}s", f" {written}", "")
    }
    for text in variants:
        assert placement._leading_label_topic(text) == _scanned(text), text


def test_the_longest_label_a_heading_starts_with_wins() -> None:
    assert topic_of("PMH") == "history"
    assert topic_of("Plan of care (revised)") == _scanned("plan of care (revised)")
    assert topic_of("Plan of care (revised)") != ""


def test_a_word_that_only_begins_like_a_label_names_no_topic() -> None:
    # "planets" starts with "plan" but not before a space or a "(": no label ends there
    assert placement._leading_label_topic("planets") == _scanned("planets") == ""
    assert not placement._is_label("planets")


def test_a_skill_file_read_twice_is_the_same_skill_and_its_problems_a_fresh_list(
    tmp_path: Path,
) -> None:
    builtin = sorted(builtin_skills_dir().glob("*.toml"))[0]
    first, problems = load_skill_file(builtin, "builtin")
    again, _ = load_skill_file(builtin, "builtin")
    assert first is not None and first == again and problems == []
    broken = tmp_path / builtin.name
    broken.write_text(builtin.read_text(encoding="utf-8").replace("[prompt]", "[prompt", 1))
    _, said = load_skill_file(broken)
    said.clear()  # a caller's list is its own: the kept result is not emptied with it
    assert load_skill_file(broken)[1]


def test_a_skill_file_whose_text_changed_is_parsed_anew(tmp_path: Path) -> None:
    builtin = sorted(builtin_skills_dir().glob("*.toml"))[0]
    text = builtin.read_text(encoding="utf-8")
    path = tmp_path / builtin.name
    path.write_text(text.replace("[prompt]", "[prompt", 1), encoding="utf-8")
    assert load_skill_file(path)[0] is None
    path.write_text(text, encoding="utf-8")
    skill, problems = load_skill_file(path)
    assert skill is not None and skill.source == "clinic" and problems == []
    assert parse_skill(path, text, "clinic") == (skill, [])


def test_one_tls_context_while_the_certificate_settings_stay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = anthropic._ssl_context(None, None)
    assert anthropic._ssl_context(None, None) is shared
    assert anthropic._ssl_context("/elsewhere/ca.pem", None) is not shared


def test_a_test_clinic_keeps_no_example_mark_and_unmarking_twice_changes_nothing(
    tmp_path: Path,
) -> None:
    root = init_clinic(tmp_path / "clinic").root
    unmark_examples(root)
    once = (root / "context.toml").read_text(encoding="utf-8")
    clinicians = tomllib.loads(once).get("clinicians", [])
    assert clinicians and not any("example" in clinician for clinician in clinicians)
    unmark_examples(root)
    assert (root / "context.toml").read_text(encoding="utf-8") == once
