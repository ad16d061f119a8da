"""The clinic's outcomes over a period: of the episodes discharged in it, the share that
reached the MCID on their primary measure, visits per episode and change per visit, for the
clinic and by clinician, body region and diagnosis."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import Any, Final

from tui.core.outcomes.episodes import Episode

GROUPINGS: Final = ("clinic", "clinician", "region", "diagnosis")


@dataclass(frozen=True)
class Group:
    """The figures of one group of discharged episodes."""

    grouping: str
    name: str
    episodes: int
    judged: int  # with a primary measure that has a threshold and two values
    reached: int
    visits_per_episode: float | None
    change_per_visit: dict[str, float]  # by primary instrument, its better direction and unit

    @property
    def share(self) -> float | None:
        return round(self.reached / self.judged, 3) if self.judged else None

    def to_json(self) -> dict[str, Any]:
        return {
            "group_by": self.grouping,
            "group": self.name,
            "episodes": self.episodes,
            "judged": self.judged,
            "reached_mcid": self.reached,
            "share_reached": self.share,
            "visits_per_episode": self.visits_per_episode,
            "change_per_visit": self.change_per_visit,
        }


def outcome_groups(episodes: Sequence[Episode]) -> list[Group]:
    """The clinic's figures, then each clinician's, region's and diagnosis's."""
    groups = [_group("clinic", "all", episodes)]
    for grouping in GROUPINGS[1:]:
        keyed: dict[str, list[Episode]] = {}
        for episode in episodes:
            keyed.setdefault(_key(episode, grouping) or "(not stated)", []).append(episode)
        groups += [_group(grouping, name, keyed[name]) for name in sorted(keyed)]
    return groups


def _key(episode: Episode, grouping: str) -> str:
    if grouping == "clinician":
        return episode.clinician
    if grouping == "region":
        return episode.region
    return episode.diagnosis_code


def _group(grouping: str, name: str, episodes: Iterable[Episode]) -> Group:
    listed = list(episodes)
    judged = reached = 0
    per_visit: dict[str, list[float]] = {}
    for episode in listed:
        primary = episode.primary_series()
        found = primary.change() if primary else None
        if primary is None or found is None:
            continue
        if found.met is not None:
            judged += 1
            reached += int(found.met)
        visits = max(episode.visit_count(), 1)
        label = primary.instrument.name if primary.instrument else primary.name
        # on the instrument's own scale: one episode's NDI in %, another's out of 50
        per_visit.setdefault(label, []).append(found.improvement * primary.scale / visits)
    return Group(
        grouping=grouping,
        name=name,
        episodes=len(listed),
        judged=judged,
        reached=reached,
        visits_per_episode=round(mean(e.visit_count() for e in listed), 1) if listed else None,
        change_per_visit={k: round(mean(v), 2) for k, v in sorted(per_visit.items())},
    )


def groups_csv(groups: Sequence[Group]) -> str:
    """One row per group; change per visit as "LEFS=1.2; ODI=0.9"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["group_by", "group", "episodes", "judged", "reached_mcid", "share_reached",
                     "visits_per_episode", "change_per_visit"])  # fmt: skip
    for group in groups:
        writer.writerow([
            group.grouping, group.name, group.episodes, group.judged, group.reached,
            "" if group.share is None else group.share,
            "" if group.visits_per_episode is None else group.visits_per_episode,
            "; ".join(f"{k}={v:g}" for k, v in group.change_per_visit.items()),
        ])  # fmt: skip
    return out.getvalue()
