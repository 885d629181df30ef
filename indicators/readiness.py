"""Spread readiness (spredning) per unit and package, with the evidence behind it.

I sikre hænder (see BRIEF.md, "Spread"): a unit's practice is a good prototype when
its process compliance is stably above 95 % and its result improves; after six
months of stable processes a unit may switch from full registration to samples
(stikprøver). Tavle reads that as:

- a process indicator is *stable* when each of the last six complete calendar
  months has figures, their pooled share (all six months' numerators over their
  denominators) is at least 95 % (exactly 95 % counts), and its chart's current
  verdict is not a deterioration. Pooled, because a month of 10 sampled records at a
  steady 97 % falls under 95 % one month in four by chance alone (issue 13);
- *ready for sampling* (klar til stikprøver): every process indicator of the package
  at the unit is stable, and the unit does not sample yet;
- *prototype*: every process indicator is stable, and a result indicator of the
  package shows an improvement signal or meets its goal.

The current calendar month is never counted: it is not over. A unit that samples is
flagged *at risk*, so the manager can send it back to full registration, only when a
process is clearly below 95 %: its pooled count is improbably low were the process at
95 % (exact one-sided binomial test at 5 %, i.e. the Clopper-Pearson upper bound is under
95 %), a month has no figures, or its chart shows a deterioration. Samples are small, so
"not shown to be at 95 %" is not "shown to be below" (docs/methods.md, readiness).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from indicators.catalogue import PROCESS_SHARE_GOAL

# BRIEF.md, "Spread": "After six months of stable processes a unit may switch from full
# registration to samples"; the same six months make a process "stably above 95 %".
STABLE_MONTHS = 6
# BRIEF.md: "process compliance is stably above 95 %"; the programme's process goal.
SPREAD_SHARE = PROCESS_SHARE_GOAL
# A share this close below 95 % (relative) is 95 % up to rounding: 19 of 20 counts.
SHARE_TOLERANCE = 1e-9
# A sampling unit is at risk when its pooled count would come this rarely, or more rarely,
# from a process at 95 %: the usual one-sided 5 % test (Clopper & Pearson 1934, Biometrika 26:404).
AT_RISK_PROBABILITY = 0.05

ReadinessState = Literal["sampling", "prototype", "ready_for_sampling", "not_ready",
                         "not_assessable"]


@dataclass(frozen=True)
class MonthFigure:
    """One calendar month of a process indicator: how many got it, of how many."""

    month: date  # the first day of the month
    numerator: float | None  # None when the month has no figures
    denominator: float | None

    @property
    def share(self) -> float | None:
        """The month's share (0 to 1), None without figures."""
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    @property
    def high_enough(self) -> bool:
        """True when the month reached the spread share (95 %)."""
        share = self.share
        return share is not None and share >= SPREAD_SHARE * (1.0 - SHARE_TOLERANCE)


@dataclass(frozen=True)
class ProcessEvidence:
    """A process indicator's last complete months and its chart's current verdict."""

    indicator: str
    months: tuple[MonthFigure, ...]  # oldest first
    verdict: str  # a VerdictKind: improvement, deterioration, neutral, no_signal, too_few

    @property
    def months_below(self) -> tuple[date, ...]:
        """Months with figures that stayed under 95 %."""
        return tuple(m.month for m in self.months if m.share is not None and not m.high_enough)

    @property
    def months_missing(self) -> tuple[date, ...]:
        """Months without figures."""
        return tuple(m.month for m in self.months if m.share is None)

    @property
    def pooled(self) -> tuple[float, float]:
        """All months' numerators and denominators summed (months without figures left out)."""
        counted = [m for m in self.months if m.share is not None]
        return (float(sum(m.numerator for m in counted)),  # type: ignore[misc]
                float(sum(m.denominator for m in counted)))  # type: ignore[misc]

    @property
    def pooled_share(self) -> float | None:
        """The six months' pooled share (0 to 1), None without figures."""
        numerator, denominator = self.pooled
        return numerator / denominator if denominator else None

    @property
    def stable(self) -> bool:
        """Six months with figures, pooled at or above 95 %, and no deterioration signal now."""
        share = self.pooled_share
        return (len(self.months) >= STABLE_MONTHS and not self.months_missing and share is not None
                and share >= SPREAD_SHARE * (1.0 - SHARE_TOLERANCE) and self.verdict != "deterioration")

    @property
    def clearly_below(self) -> bool:
        """Shown to fall short: pooled improbably low at 95 %, a month without figures, or a deterioration."""
        if len(self.months) < STABLE_MONTHS or self.months_missing or self.verdict == "deterioration":
            return True
        numerator, denominator = self.pooled
        return binomial_lower_tail(numerator, denominator, SPREAD_SHARE) < AT_RISK_PROBABILITY


@dataclass(frozen=True)
class ResultEvidence:
    """A result indicator's current verdict and whether it meets its goal."""

    indicator: str
    verdict: str
    goal_met: bool | None  # None when it has no goal or nothing to judge

    @property
    def improves(self) -> bool:
        """An improvement signal, or the goal met."""
        return self.verdict == "improvement" or self.goal_met is True


@dataclass(frozen=True)
class Readiness:
    """Spread readiness of one unit and package, with the evidence."""

    unit: object
    package: str
    process: tuple[ProcessEvidence, ...]
    results: tuple[ResultEvidence, ...]
    sampling_since: date | None = None

    @property
    def processes_stable(self) -> bool:
        """The package has process indicators here and all are stable."""
        return bool(self.process) and all(evidence.stable for evidence in self.process)

    @property
    def prototype(self) -> bool:
        """Stable processes and a result that improves or meets its goal."""
        return self.processes_stable and any(result.improves for result in self.results)

    @property
    def ready_for_sampling(self) -> bool:
        """Stable processes, and the unit still registers in full."""
        return self.processes_stable and self.sampling_since is None

    @property
    def sampling_at_risk(self) -> bool:
        """The unit samples, and a process is clearly below 95 % (see ProcessEvidence.clearly_below)."""
        return self.sampling_since is not None and (
            not self.process or any(evidence.clearly_below for evidence in self.process))

    @property
    def state(self) -> ReadinessState:
        """One word for the list: sampling, prototype, ready_for_sampling, not_ready, not_assessable."""
        if self.sampling_since is not None:
            return "sampling"
        if not self.process:
            return "not_assessable"
        if self.prototype:
            return "prototype"
        return "ready_for_sampling" if self.ready_for_sampling else "not_ready"


def binomial_lower_tail(successes: float, trials: float, share: float) -> float:
    """P(X ≤ successes) for X ~ Binomial(trials, share); counts rounded to whole numbers."""
    trials_whole, successes_whole = int(round(trials)), int(round(successes))
    if trials_whole <= 0 or successes_whole >= trials_whole:
        return 1.0
    if successes_whole < 0:
        return 0.0
    log_share, log_rest = math.log(share), math.log1p(-share)
    total = 0.0
    for k in range(successes_whole + 1):
        total += math.exp(math.lgamma(trials_whole + 1) - math.lgamma(k + 1) - math.lgamma(trials_whole - k + 1)
                          + k * log_share + (trials_whole - k) * log_rest)
    return min(total, 1.0)


def stable_months(today: date, *, months: int = STABLE_MONTHS) -> pd.DatetimeIndex:
    """The first days of the last `months` complete calendar months before today's month."""
    current = pd.Timestamp(today).to_period("M")
    return pd.period_range(current - months, current - 1, freq="M").to_timestamp()


def month_table(group: np.ndarray, day: np.ndarray, numerator: np.ndarray,
                denominator: np.ndarray, *, groups: int, today: date,
                months: int = STABLE_MONTHS) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray]:
    """Sum numerators and denominators per group (0 … groups-1) and complete month.

    Entries whose numerator or denominator is missing are left out, as the charts leave
    them out. Returns the months and two (groups × months) arrays, NaN where a month
    has no figures.
    """
    starts = stable_months(today, months=months)
    first = np.datetime64(starts[0].date(), "M")
    column = (np.asarray(day, dtype="datetime64[D]").astype("datetime64[M]") - first).astype(int)
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    keep = ((column >= 0) & (column < months) & ~np.isnan(numerator) & ~np.isnan(denominator))
    cell = np.asarray(group)[keep] * months + column[keep]
    size = groups * months
    numerators = np.bincount(cell, weights=numerator[keep], minlength=size).reshape(groups, months)
    denominators = np.bincount(cell, weights=denominator[keep], minlength=size).reshape(groups, months)
    counted = np.bincount(cell, minlength=size).reshape(groups, months) > 0
    return (starts, np.where(counted, numerators, np.nan), np.where(counted, denominators, np.nan))


def month_figures(starts: Sequence[pd.Timestamp] | pd.DatetimeIndex, numerators: np.ndarray,
                  denominators: np.ndarray) -> tuple[MonthFigure, ...]:
    """One row of month_table as MonthFigures."""
    days = np.asarray(starts, dtype="datetime64[D]").astype(object)  # datetime.date each
    return tuple(
        MonthFigure(day, None if numerator != numerator else numerator,
                    None if denominator != denominator else denominator)
        for day, numerator, denominator in zip(days, numerators.tolist(), denominators.tolist(),
                                               strict=True))

