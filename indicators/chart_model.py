"""The one chart model that the screen (Altair) and the PDF (reportlab) both draw.

The engine returns a `ChartModel`; renderers only read it. Nothing here knows
about titles, colours or decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd

SignalKind = Literal["improvement", "deterioration", "neutral"]
VerdictKind = Literal["improvement", "deterioration", "neutral", "no_signal", "too_few"]
Improvement = Literal["up", "down"]

# Columns of ChartModel.points, one row per plotted x (and facet), in x order.
POINT_COLUMNS: tuple[str, ...] = (
    "x",  # the period: a Timestamp for dates, otherwise the value as given
    "facet",  # facet label, or None when the chart has one panel
    "y",  # the plotted value (after `multiply`)
    "numerator",  # sum of the raw numerator for the x (y.sum in qicharts2)
    "n",  # denominator / subgroup size / exposure, NaN when the chart has none
    "cl",  # centre line (median on run charts, mean or weighted mean on control charts)
    "lcl",  # lower 3-sigma limit, NaN on run charts or when there is none
    "ucl",  # upper 3-sigma limit
    "lcl_95",  # lower 2-sigma warning limit
    "ucl_95",  # upper 2-sigma warning limit
    "target",  # target value, NaN when none
    "part",  # phase number, 1-based
    "baseline",  # True for points inside the frozen baseline (all points when not frozen)
    "include",  # False for excluded points: shown, but left out of every calculation
    "notes",  # note text for the point, or None
    "runs_signal",  # the phase has a run-rule signal (qicharts2's runs.signal)
    "sigma_signal",  # the point lies outside the 3-sigma limits
    "in_longest_run",  # the point belongs to the phase's longest run
    "signal",  # the point belongs to any special-cause pattern of the chosen rule set
    "signal_kind",  # "improvement", "deterioration", "neutral" or None
    "censored",  # the open interval since the last event up to today (days-between)
    # Added by the engine: position and the phase's runs figures on every point (as
    # qicharts2 returns them; floats, NaN when the phase has no useful point), and the
    # names of the patterns the point belongs to.
    "position",  # 1-based position within the facet (qicharts2's xx)
    "n_obs",
    "n_useful",
    "longest_run",
    "longest_run_max",
    "n_crossings",
    "n_crossings_min",
    "signal_rules",  # tuple of rule names, e.g. ("long_run", "sigma"); empty when no signal
)


@dataclass(frozen=True)
class Verdict:
    """A plain-language verdict in Danish and English, and the figures behind it."""

    kind: VerdictKind
    da: str
    en: str
    rule: str | None = None  # e.g. "long_run", "crossings", "shift", "sigma"
    figure: float | None = None  # e.g. 9 (points in a row)
    limit: float | None = None  # e.g. 8 (the rule's limit)
    # The pattern's first and last point, as 1-based positions in the facet (the points'
    # "position"); None for patterns without points of their own (too few crossings).
    first: int | None = None
    last: int | None = None

    def text(self, language: str) -> str:
        """Return the verdict sentence in language ("da" or "en")."""
        return self.en if language == "en" else self.da


@dataclass(frozen=True)
class PhaseSummary:
    """Rule figures for one phase (part) of one facet."""

    facet: object
    part: int
    n_obs: int
    n_useful: int
    longest_run: int | None  # None when the phase has no useful points
    longest_run_max: int | None
    n_crossings: int | None
    n_crossings_min: int | None
    runs_signal: bool
    sigma_signal_count: int
    centre_line: float
    # NHS Making Data Count (NHSRplotthedots' names), for every rule set:
    # variation of the phase's last point: "common_cause", "special_cause_improvement",
    # "special_cause_concern", "special_cause_neutral_high" or "special_cause_neutral_low";
    # assurance against the target (latest phase, needs target, limits and direction):
    # "consistent_pass", "consistent_fail" or "inconsistent" (hit and miss), else None.
    variation: str | None = None
    assurance: str | None = None
    # Added by the engine: where the phase lies, its average limits (qicharts2's summary),
    # the patterns the chosen rule set found, and the plain-language verdict for the phase.
    start: int = 1  # 1-based position of the first point within the facet
    end: int = 0  # 1-based position of the last point
    average_lcl: float | None = None
    average_ucl: float | None = None
    average_lcl_95: float | None = None
    average_ucl_95: float | None = None
    rules_fired: tuple[str, ...] = ()
    n_runs: int | None = None  # runs = crossings + 1 (IHI rule 3)
    runs_min: int | None = None  # IHI: too few runs at or below this many (Swed & Eisenhart, 5 %)
    runs_max: int | None = None  # IHI: too many runs at or above this many
    # Shares too near 0 % or 100 % for the runs rules: judged by probability limits alone
    # (indicators.skewed_shares); never with exact_binomial off, as in qicharts2.
    lopsided: bool = False
    n_values: int = 0  # included points with a value (n_obs also counts missing periods)
    verdict: Verdict | None = None


@dataclass(frozen=True)
class Annotation:
    """A dated note on the chart, e.g. a PDSA change."""

    x: date | pd.Timestamp | object
    text: str


@dataclass(frozen=True)
class ChartModel:
    """Everything needed to draw one chart and say what it shows."""

    chart: str  # run, i, mr, xbar, s, p, pp, c, u, up, g, t, ip
    rules: str  # anhoej, ihi, nhs
    points: pd.DataFrame  # columns POINT_COLUMNS
    phases: tuple[PhaseSummary, ...]
    verdict: Verdict
    centre_label: Literal["median", "mean"]
    improvement: Improvement | None = None
    target: float | None = None
    multiply: float = 1.0
    recommendation: str | None = None  # e.g. "g" when most periods of a count are zero
    annotations: tuple[Annotation, ...] = field(default_factory=tuple)
