"""An episode's timeline in words: what `chartdesk episode` prints and what a progress report,
re-evaluation or discharge Skill receives after the note. Each measure's values by date, the
change since the first, and whether it reaches the instrument's MCID; then the goals."""

from __future__ import annotations

from tui.core.outcomes.episodes import Episode, Series, with_unit


def _visits(count: int) -> str:
    return f"{count} visit" if count == 1 else f"{count} visits"


def episode_heading(episode: Episode) -> str:
    state = "discharged" if episode.discharged else "open"
    what = " · ".join(part for part in (episode.discipline, episode.diagnosis) if part)
    return (
        f"Episode {episode.number}{' · ' + what if what else ''} · {episode.start.isoformat()} "
        f"to {episode.end.isoformat()} ({state}, {_visits(episode.visit_count())})"
    )


def series_line(series: Series) -> str:
    """ "LEFS: 2026-10-01 38/80; 2026-11-20 62/80. Change +24 (better); MCID 9: met." """
    values = "; ".join(f"{point.day.isoformat()} {point.written}" for point in series.points)
    line = f"{series.name}: {values}."
    if series.kind == "mmt":
        steps = series.grade_change()
        if steps:
            plural = "s" if abs(steps) > 1 else ""
            line += f" {abs(steps)} grade step{plural} {'up' if steps > 0 else 'down'}."
        return line
    found = series.change()
    if found is None:
        return line
    direction = "better" if found.improvement > 0 else "worse" if found.improvement < 0 else "same"
    line += f" Change since {series.points[0].day.isoformat()}: {found.delta:+g} ({direction})"
    if found.threshold is not None:
        threshold = threshold_text(found.threshold, series.unit)
        line += f"; {found.basis} {threshold}: {'met' if found.met else 'not met'}"
    return line + "."


def threshold_text(value: float, unit: str) -> str:
    """An MCID or MDC in the series' unit ("15%", "1.1 s", "14.33 lb"); bare for a score
    written out of its maximum ("9" beside "38/80")."""
    return f"{value:g}" if not unit or unit.startswith("/") else with_unit(f"{value:g}", unit)


def timeline_text(episode: Episode) -> str:
    """The whole episode as lines of text."""
    lines = [episode_heading(episode)]
    if episode.primary:
        lines.append(f"Primary measure: {episode.primary}")
    lines.append("Measures:")
    lines += [f"- {series_line(series)}" for series in episode.series] or ["- none recorded"]
    if episode.goals:
        lines.append("Goals (from the latest plan of care):")
        for item in episode.goals:
            goal = item.goal
            due = goal.due.isoformat() if goal.due else goal.timeframe or "no date"
            term = f"{goal.term} " if goal.term else ""
            latest = f"; latest {item.latest}" if item.latest else ""
            lines.append(f"- {term}{goal.text}; due {due}: {item.status}{latest}")
    return "\n".join(lines)
