"""The learnt second opinion: its score, its veto, and the weights file it ships."""

from __future__ import annotations

import re
from unittest import mock

from tui.core.checks.extract import extract_facts, extract_unclassified
from tui.core.checks.facts import Fact
from tui.core.checks.learnt import opinion
from tui.core.checks.learnt.features import FEATURE_VERSION, Layout, features
from tui.core.checks.learnt.opinion import Model, Settings, second_opinion

# A model that finds a range's end very likely false and nothing else.
_RANGE_END_FALSE = Model(version=FEATURE_VERSION, bias=2.0, weights={"s=range_end": -8.0})
_ON = Settings(enabled=True, veto_above=0.9, kinds=frozenset({"rom", "other"}))
_OFF = Settings(enabled=False, veto_above=0.9, kinds=frozenset({"rom", "other"}))
_TEXT = "Ther ex: knee flexion 90-45 deg x 10 reps\nR knee flexion AROM 118 deg\n"


def _readings() -> list[tuple[Fact, bool]]:
    end = _TEXT.index("45")
    angle = _TEXT.index("118")
    return [
        (Fact(kind="rom", value=45, label="knee flexion", span=(end, end + 2)), True),
        (Fact(kind="rom", value=118, label="R knee flexion", span=(angle, angle + 3)), True),
    ]


def test_a_range_end_the_model_finds_false_is_vetoed_and_its_twin_kept() -> None:
    judged = second_opinion(_TEXT, _readings(), _ON, _RANGE_END_FALSE)
    assert [good for _, good in judged] == [False, True]


def test_the_switch_off_changes_nothing() -> None:
    assert second_opinion(_TEXT, _readings(), _OFF, _RANGE_END_FALSE) == _readings()


def test_a_kind_the_veto_is_not_given_is_kept() -> None:
    pain_only = Settings(enabled=True, veto_above=0.9, kinds=frozenset({"pain"}))
    assert second_opinion(_TEXT, _readings(), pain_only, _RANGE_END_FALSE) == _readings()


def test_the_score_is_the_same_every_time() -> None:
    found = features(Layout.of(_TEXT), "rom", (_TEXT.index("45"), _TEXT.index("45") + 2))
    scores = {_RANGE_END_FALSE.right(found) for _ in range(5)}
    assert len(scores) == 1 and next(iter(scores)) < 0.01


def test_a_vetoed_reading_is_listed_as_unclassified() -> None:
    text = "L knee AROM 7-117 today\n"
    with (
        mock.patch.object(opinion, "settings", lambda: _ON),
        mock.patch.object(opinion, "shipped_model", lambda: _RANGE_END_FALSE),
    ):
        facts = [fact.value for fact in extract_facts(text)]
        left = [item.value for item in extract_unclassified(text)]
    assert 117 not in facts and 117 in left
    assert 7 in facts  # the range's start is no end: kept


def test_with_the_switch_off_the_same_reading_is_a_fact() -> None:
    text = "L knee AROM 6-116 today\n"
    with mock.patch.object(opinion, "settings", lambda: _OFF):
        assert 116 in [fact.value for fact in extract_facts(text)]


def test_the_shipped_weights_load_and_name_only_features_of_this_version() -> None:
    model = opinion.shipped_model()
    assert model.version == FEATURE_VERSION
    families = re.compile(
        r"^(?:k=[a-z]+(?:\|.*)?|s=|col=|ncol=|c:|r:|sec=|b1=|b2=|a1=|a2=|bw=|aw=)"
    )
    assert model.weights and all(families.match(name) for name in model.weights)
