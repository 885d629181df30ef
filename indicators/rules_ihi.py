"""The IHI run-chart rules (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46-51).

1. Shift: six or more consecutive points on one side of the median; points on the
   median neither make nor break a shift.
2. Trend: five or more consecutive points all going up or all going down; a value
   equal to its predecessor neither makes nor breaks a trend.
3. Runs: too few or too many runs for the number of useful points, from the exact
   distribution of runs (Swed & Eisenhart 1943) with 5 % in each tail — the values
   of Perla et al.'s Table 1 (see docs/methods.md for how that was checked).
4. Astronomical point: on control charts, a point outside the 3-sigma limits.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from indicators.constants import (
    IHI_RUNS_MIN_USEFUL,
    IHI_RUNS_TAIL_PROBABILITY,
    IHI_SHIFT_LENGTH,
    IHI_TREND_LENGTH,
)
from indicators.findings import Finding
from indicators.rules_anhoej import long_run_findings
from indicators.runs import RunsResult


def runs_distribution(below: int, above: int) -> list[int]:
    """Number of arrangements with r runs, for r = 0 … below + above (Swed & Eisenhart 1943)."""
    total = below + above
    counts = [0] * (total + 1)
    if below == 0 or above == 0:
        counts[1 if total else 0] = math.comb(total, below)
        return counts
    for runs in range(2, total + 1):
        k = runs // 2
        if runs % 2 == 0:
            counts[runs] = 2 * math.comb(below - 1, k - 1) * math.comb(above - 1, k - 1)
        else:
            counts[runs] = (math.comb(below - 1, k - 1) * math.comb(above - 1, k)
                            + math.comb(below - 1, k) * math.comb(above - 1, k - 1))
    return counts


@cache
def runs_limits(n_useful: int, tail: float = IHI_RUNS_TAIL_PROBABILITY) -> tuple[int, int] | None:
    """(too few at or below, too many at or above) for n useful points split evenly
    around the median; None below the table's ten points."""
    if n_useful < IHI_RUNS_MIN_USEFUL:
        return None
    below = n_useful // 2
    counts = runs_distribution(below, n_useful - below)
    total = sum(counts)
    allowed = tail * total
    too_few, cumulative = 0, 0
    for runs, count in enumerate(counts):
        cumulative += count
        if cumulative > allowed:
            break
        too_few = runs
    too_many, cumulative = n_useful + 1, 0
    for runs in range(n_useful, -1, -1):
        cumulative += counts[runs]
        if cumulative > allowed:
            break
        too_many = runs
    return too_few, too_many


def trend_findings(y: np.ndarray, include: np.ndarray, length: int, offset: int,
                   rule: str = "trend") -> list[Finding]:
    """Stretches of at least length points all rising or all falling; repeated values skipped."""
    index = np.flatnonzero(include & ~np.isnan(y))
    if len(index) < length:
        return []
    values = y[index]
    counted = np.concatenate([[True], values[1:] != values[:-1]])
    kept = index[counted]
    steps = np.sign(np.diff(y[kept]))
    findings_points: list[np.ndarray] = []
    longest, longest_direction = 0, 0
    start = 0
    for end in range(1, len(steps) + 1):
        if end == len(steps) or steps[end] != steps[start]:
            points = end - start + 1
            if points >= length:
                first, last = kept[start], kept[end]
                findings_points.append(index[(index >= first) & (index <= last)])
                if points >= longest:
                    longest, longest_direction = points, int(steps[start])
            start = end
    if not findings_points:
        return []
    return [Finding(rule, longest, length, longest_direction, np.concatenate(findings_points) + offset,
                    count=len(findings_points))]


def ihi_findings(y: np.ndarray, include: np.ndarray, runs: RunsResult, offset: int) -> tuple[list[Finding], tuple[int, int] | None]:
    """Findings of IHI rules 1-3 for one phase, and the runs limits used."""
    findings = long_run_findings(runs, IHI_SHIFT_LENGTH, "shift", offset, at_least=True)
    findings += trend_findings(y, include, IHI_TREND_LENGTH, offset)
    limits = runs_limits(runs.n_useful) if runs.n_useful else None
    if limits is not None and runs.n_crossings is not None:
        number_of_runs = runs.n_crossings + 1
        too_few, too_many = limits
        if number_of_runs <= too_few:
            findings.append(Finding("too_few_runs", number_of_runs, too_few, 0, np.array([], dtype=int)))
        elif number_of_runs >= too_many:
            findings.append(Finding("too_many_runs", number_of_runs, too_many, 0, np.array([], dtype=int)))
    return findings, limits
