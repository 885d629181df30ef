"""Each phase's centre line and limits: computed by the chart type, then finished as qicharts2 does.

qic() computes the lines from the baseline of each phase, multiplies them, drops
limits that are not finite and, with y.neg = FALSE, raises negative lower limits
to 0 when no value is negative.
"""

from __future__ import annotations

import numpy as np

from indicators.chart_types import CHART_TYPES
from indicators.control_lines import ControlLines, PhaseData, clamp
from indicators.facet_analysis import FacetAnalysis
from indicators.making_data_count import nhs_i_lines
from indicators.options import AnalysisOptions
from indicators.skewed_shares import exact_binomial_lines, lopsided


def _phase_data(facet: FacetAnalysis, span: slice, options: AnalysisOptions, categorical: bool) -> PhaseData:
    sub = facet.sub
    return PhaseData(
        y=sub.y[span], y_sum=sub.y_sum[span], y_length=sub.y_length[span], y_mean=sub.y_mean[span],
        y_sd=sub.y_sd[span], n=sub.n[span], base=facet.plan.baseline[span] & facet.include[span],
        cl=options.cl, categorical=categorical, screen_mr=options.screen_mr,
    )


def _chart_lines(options: AnalysisOptions, phase: PhaseData) -> ControlLines:
    if options.rules == "nhs" and options.chart == "i":
        return nhs_i_lines(phase)  # Making Data Count's own XmR limits
    return CHART_TYPES[options.chart].lines(phase)


def with_lines(facet: FacetAnalysis, options: AnalysisOptions, *, categorical: bool) -> FacetAnalysis:
    """The facet with the chart type's centre line and limits of each phase, from its baseline."""
    lines = tuple(_chart_lines(options, _phase_data(facet, span, options, categorical)) for span in facet.spans)
    if not options.exact_binomial:
        return facet.filled(lines=lines, lopsided=(False,) * len(lines))
    flags = tuple(lopsided(options.chart, phase, measure=options.measure) for phase in lines)
    lines = tuple(exact_binomial_lines(phase) if flag and options.chart == "p" else phase
                  for phase, flag in zip(lines, flags, strict=True))
    return facet.filled(lines=lines, lopsided=flags)


def clamps_negative_limits(facets: list[FacetAnalysis], options: AnalysisOptions) -> bool:
    """qicharts2's y.neg = FALSE: no negative lower limits when no plotted value is negative."""
    if options.y_neg:
        return False
    plotted = [lines.y * options.multiply for facet in facets for lines in facet.lines]
    all_y = np.concatenate(plotted) if plotted else np.zeros(0)
    present = all_y[~np.isnan(all_y)]
    return len(present) == 0 or present.min() >= 0


def _finite_or_nan(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)


def finished_lines(lines: ControlLines, multiply: float, clamp_negative: bool) -> ControlLines:
    """Multiply, drop limits that are not finite, and apply y.neg = FALSE, as qicharts2 does."""
    with np.errstate(invalid="ignore"):
        lcl, lcl_95 = _finite_or_nan(lines.lcl * multiply), _finite_or_nan(lines.lcl_95 * multiply)
    if clamp_negative:
        lcl, lcl_95 = clamp(lcl), clamp(lcl_95)
    return ControlLines(y=lines.y * multiply, n=lines.n, cl=lines.cl * multiply, lcl=lcl,
                        ucl=_finite_or_nan(lines.ucl * multiply), lcl_95=lcl_95,
                        ucl_95=_finite_or_nan(lines.ucl_95 * multiply))


def with_finished_lines(facets: list[FacetAnalysis], options: AnalysisOptions) -> list[FacetAnalysis]:
    """Every facet with its lines finished (multiplied, finite, y.neg); y.neg looks at all facets."""
    clamp_negative = clamps_negative_limits(facets, options)
    return [facet.filled(lines=tuple(finished_lines(lines, options.multiply, clamp_negative)
                                     for lines in facet.lines))
            for facet in facets]
