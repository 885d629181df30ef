"""The open interval since the last rare event, judged on a days-between run chart.

"Dage siden sidste" is the most important number on an ISH board, yet a run chart has
no limits, so the open interval (a censored point, never used in a calculation) was
never judged: 400 days after ulcers some 20 days apart read "Ingen tegn på
ikke-tilfældig variation". Days between rare events are close to exponential
(Benneyan 2001, Qual Eng 14:2; a Poisson process has exponential waiting times). With
the mean of the phase's closed intervals m, an interval longer than m · ln(1/α) comes
with chance α; α is the tail of Shewhart's 3 sigma (0.135 %, about 6.6 · m), the same
false-alarm rate as a point above a control limit. The open interval signals when it
is already longer than that and longer than every earlier pause (so a signal never
says less than "longer than any pause before"). It needs only the closed intervals
there are: a finding that holds on 8 gaps is never hidden by "too few points".
"""

from __future__ import annotations

import math

import numpy as np

from indicators.findings import Finding
from indicators.skewed_shares import TAIL_PROBABILITY

# ln(1/α): an exponential waiting time exceeds this many means with chance α (0.135 %).
OPEN_INTERVAL_MEANS = math.log(1.0 / TAIL_PROBABILITY)


def open_interval_limit(closed: np.ndarray) -> float | None:
    """Days beyond which an open interval is unusual, from the closed intervals; None without any."""
    present = closed[~np.isnan(closed)]
    if len(present) == 0 or present.mean() <= 0:
        return None
    return float(present.mean() * OPEN_INTERVAL_MEANS)


def open_interval_findings(y: np.ndarray, censored: np.ndarray, base: np.ndarray, offset: int) -> list[Finding]:
    """The open interval, when it is already longer than its limit and than every closed interval.

    base marks the closed intervals that set the limit (the phase's baseline, included).
    """
    if not censored.any():
        return []
    closed = np.where(base & ~censored, y, np.nan)
    limit = open_interval_limit(closed)
    if limit is None:
        return []
    longest = float(np.nanmax(closed))
    findings = []
    for index in np.flatnonzero(censored):
        days = float(y[index])
        if days > limit and days > longest:
            findings.append(Finding("open_interval", days, limit, 1, np.array([index + offset])))
    return findings
