"""The Anhøj rules as findings: an unusually long run, unusually few crossings.

Every point of a run longer than the limit belongs to the pattern; too few
crossings is a property of the whole phase and colours no single point.
"""

from __future__ import annotations

import numpy as np

from indicators.findings import Finding
from indicators.runs import RunsResult


def long_run_findings(runs: RunsResult, limit: int | None, rule: str, offset: int,
                      at_least: bool = False) -> list[Finding]:
    """Runs longer than limit (or at least limit): one finding per side of the centre line.

    A process that rose may hold a long run below the centre line early and one
    above it late; each side is its own finding, with its own longest run as the
    figure, so points are coloured by their own side and the verdict can name the
    run that reaches the latest point.
    """
    if runs.longest_run is None or limit is None:
        return []
    long_enough = runs.run_length >= limit if at_least else runs.run_length > limit
    findings = []
    for side in (1, -1):
        on_side = long_enough & (runs.side == side)
        if on_side.any():
            findings.append(Finding(rule, int(runs.run_length[on_side].max()), limit, side,
                                    np.flatnonzero(on_side) + offset,
                                    count=len(np.unique(runs.run_id[on_side]))))
    return findings


def anhoej_findings(runs: RunsResult, offset: int) -> list[Finding]:
    """Findings of the Anhøj rules for one phase."""
    findings = long_run_findings(runs, runs.longest_run_max, "long_run", offset)
    if runs.n_crossings is not None and runs.n_crossings_min is not None and runs.n_crossings < runs.n_crossings_min:
        findings.append(Finding("crossings", runs.n_crossings, runs.n_crossings_min, 0, np.array([], dtype=int)))
    return findings
