"""Findings: the special-cause patterns a rule set found in one phase.

Every rule set (Anhøj, IHI, Making Data Count) reports its patterns as findings;
the points of a finding are coloured on the chart, and the verdict names the most
important finding with its figure and limit. The sigma rule (points outside the
3-sigma limits) and the censored days-between point are shared by all rule sets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Order of importance when a point belongs to several patterns (as NHSRplotthedots
# ranks them: outside the limits, trend, two of three, run), and which rule the
# verdict names first.
RULE_PRIORITY: tuple[str, ...] = (
    "censored",
    "open_interval",
    "sigma",
    "trend",
    "two_of_three",
    "long_run",
    "shift",
    "run_of_seven",
    "crossings",
    "too_few_runs",
    "too_many_runs",
)


@dataclass(frozen=True)
class Finding:
    """One special-cause pattern: which rule, its figure against its limit, where, which way."""

    rule: str
    figure: float
    limit: float
    direction: int  # +1 upwards / above, -1 downwards / below, 0 no direction
    points: np.ndarray  # facet-wide indices of the points that belong to the pattern
    count: int = 1  # how many separate occurrences (e.g. points outside the limits)
    point_direction: np.ndarray | None = None  # per point, when points differ (NHS trends)


def sigma_findings(y: np.ndarray, lcl: np.ndarray, ucl: np.ndarray, offset: int,
                   skip: np.ndarray | None = None) -> list[Finding]:
    """Points above the upper or below the lower 3-sigma limit."""
    with np.errstate(invalid="ignore"):
        above = y > ucl
        below = y < lcl
    if skip is not None:
        above &= ~skip
        below &= ~skip
    findings = []
    for mask, direction, limit in ((above, 1, ucl), (below, -1, lcl)):
        if mask.any():
            where = np.flatnonzero(mask)
            findings.append(Finding("sigma", float(y[where[-1]]), float(limit[where[-1]]), direction,
                                    where + offset, count=len(where)))
    return findings


def censored_findings(y: np.ndarray, ucl: np.ndarray, censored: np.ndarray, offset: int) -> list[Finding]:
    """An open interval since the last event that already exceeds the upper limit: a signal now."""
    with np.errstate(invalid="ignore"):
        beyond = censored & (y > ucl)
    return [Finding("censored", float(y[i]), float(ucl[i]), 1, np.array([i + offset])) for i in np.flatnonzero(beyond)]


def point_directions(size: int, findings: list[Finding]) -> tuple[np.ndarray, np.ndarray, list[tuple[str, ...]]]:
    """Per point: whether it belongs to any pattern, the direction of its most important
    pattern, and the names of all its patterns."""
    # Python lists, not arrays, inside the loop: one numpy element read or write costs
    # ten list ones, and a long run flags dozens of points.
    direction = [0] * size
    rank = [len(RULE_PRIORITY)] * size
    rules: dict[int, list[str]] = {}  # only the flagged points: most points have no pattern
    for finding in findings:
        importance = RULE_PRIORITY.index(finding.rule)
        own = None if finding.point_direction is None else np.asarray(finding.point_direction).tolist()
        for number, point in enumerate(np.asarray(finding.points).tolist()):
            names = rules.setdefault(point, [])
            if finding.rule not in names:
                names.append(finding.rule)
            if importance < rank[point]:
                rank[point] = importance
                direction[point] = finding.direction if own is None else own[number]
    flagged = np.zeros(size, dtype=bool)
    flagged[list(rules)] = True
    named: list[tuple[str, ...]] = [()] * size
    for point, names in rules.items():
        named[point] = tuple(names)
    return flagged, np.array(direction, dtype=np.int8), named


def signal_kind(direction: int, improvement: str | None) -> str:
    """Improvement, deterioration or neutral, for a pattern going in direction."""
    if improvement is None or direction == 0:
        return "neutral"
    wanted = 1 if improvement == "up" else -1
    return "improvement" if direction == wanted else "deterioration"
