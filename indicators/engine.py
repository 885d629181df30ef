"""One analysis, start to end: chart input → subgroups → phases → lines → rules → model.

The steps follow qicharts2 0.8.1's qic() (aggregate per x, split by facet and phase,
compute the chart type's lines from the baseline, runs analysis of the included
points, multiply, sigma signals) and then apply the chosen rule set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.chart_input import ChartInput, chart_input
from indicators.chart_model import ChartModel, PhaseSummary
from indicators.chart_types import CHART_TYPES
from indicators.control_lines import ControlLines, PhaseData
from indicators.errors import InvalidDataError, TooFewPointsError
from indicators.findings import (
    Finding,
    censored_findings,
    point_directions,
    sigma_findings,
    signal_kind,
)
from indicators.making_data_count import assurance_of, nhs_findings, nhs_i_lines, variation_of
from indicators.options import AnalysisOptions, make_options
from indicators.phases import layout
from indicators.points_frame import FacetResult, points_frame
from indicators.recommendation import recommend_chart
from indicators.rules_anhoej import anhoej_findings
from indicators.rules_ihi import ihi_findings
from indicators.runs import RunsResult, runs_analysis
from indicators.subgroups import Subgroups, aggregate
from indicators.verdict import chart_verdict, phase_verdict


@dataclass(frozen=True)
class _PhaseResult:
    span: slice
    lines: ControlLines
    runs: RunsResult
    findings: list[Finding]
    runs_limits: tuple[int, int] | None


def _check_input(data: ChartInput, options: AnalysisOptions) -> None:
    chart = CHART_TYPES[options.chart]
    if chart.needs_denominator and not data.has_n:
        raise InvalidDataError(
            f"Et {options.chart.upper()}-kort kræver en nævner (n), fx antal borgere eller sengedage.",
            f"A {options.chart.upper()} chart needs a denominator (n), e.g. citizens or bed-days.",
        )
    if data.has_n:
        with np.errstate(invalid="ignore"):
            bad = np.flatnonzero(data.n <= 0)
        if len(bad):
            raise InvalidDataError(
                f"Nævneren n skal være større end 0, men række {bad[0] + 1} har n = {data.n[bad[0]]:g}.",
                f"The denominator n must be greater than 0, but row {bad[0] + 1} has n = {data.n[bad[0]]:g}.",
            )
        if chart.is_proportion or options.chart == "ip":
            with np.errstate(invalid="ignore"):
                too_many = np.flatnonzero(data.y > data.n)
            if len(too_many):
                row = too_many[0]
                raise InvalidDataError(
                    f"Tælleren kan ikke være større end nævneren: række {row + 1} har {data.y[row]:g} af {data.n[row]:g}.",
                    f"The numerator cannot exceed the denominator: row {row + 1} has {data.y[row]:g} of {data.n[row]:g}.",
                )
        with np.errstate(invalid="ignore"):
            negative = np.flatnonzero(data.y < 0)
        if len(negative) and (chart.is_proportion or options.chart in ("u", "up", "c")):
            row = negative[0]
            raise InvalidDataError(
                f"Tælleren kan ikke være negativ: række {row + 1} har {data.y[row]:g}.",
                f"The numerator cannot be negative: row {row + 1} has {data.y[row]:g}.",
            )


def _phase_lines(options: AnalysisOptions, phase: PhaseData) -> ControlLines:
    if options.rules == "nhs" and options.chart == "i":
        return nhs_i_lines(phase)
    return CHART_TYPES[options.chart].lines(phase)


def _multiplied(lines: ControlLines, factor: float) -> ControlLines:
    if factor == 1.0:
        return lines
    return ControlLines(
        y=lines.y * factor, n=lines.n, cl=lines.cl * factor, lcl=lines.lcl * factor, ucl=lines.ucl * factor,
        lcl_95=lines.lcl_95 * factor, ucl_95=lines.ucl_95 * factor,
    )


def _analyse_facet(sub: Subgroups, options: AnalysisOptions, categorical: bool) -> tuple[list[_PhaseResult], np.ndarray, object]:
    plan = layout(len(sub), part=options.part, freeze=options.freeze, exclude=options.exclude)
    # The open interval since the last event is shown, never used in a calculation.
    include = plan.include & ~sub.censored
    results = []
    for span in plan.phase_slices():
        phase = PhaseData(
            y=sub.y[span], y_sum=sub.y_sum[span], y_length=sub.y_length[span], y_mean=sub.y_mean[span],
            y_sd=sub.y_sd[span], n=sub.n[span], base=plan.baseline[span] & include[span], cl=options.cl,
            categorical=categorical, screen_mr=options.screen_mr,
        )
        lines = _phase_lines(options, phase)
        runs = runs_analysis(lines.y, lines.cl, include[span])
        results.append(_PhaseResult(span, _multiplied(lines, options.multiply), runs, [], None))
    return results, include, plan


def _finite_or_nan(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)


def _phase_findings(result: _PhaseResult, options: AnalysisOptions, include: np.ndarray, censored: np.ndarray,
                    has_limits: bool) -> _PhaseResult:
    span, lines, runs = result.span, result.lines, result.runs
    offset = span.start
    findings: list[Finding] = []
    limits = None
    if has_limits:
        findings += sigma_findings(lines.y, lines.lcl, lines.ucl, offset, skip=censored[span])
        findings += censored_findings(lines.y, lines.ucl, censored[span], offset)
    if options.rules == "anhoej":
        findings += anhoej_findings(runs, offset)
    elif options.rules == "ihi":
        found, limits = ihi_findings(lines.y, include[span], runs, offset)
        findings += found
    else:
        findings += nhs_findings(lines.y, lines, include[span], offset)
    return _PhaseResult(span, lines, runs, findings, limits)


def analyze(
    data: pd.DataFrame | pd.Series | Sequence[float] | np.ndarray,
    *,
    chart: str = "run",
    rules: str = "anhoej",
    freeze: int | None = None,
    part: Iterable[int] | int | None = None,
    exclude: Iterable[int] | int | None = None,
    target: float | None = None,
    cl: float | None = None,
    multiply: float = 1.0,
    agg: str = "mean",
    y_neg: bool = True,
    screen_mr: bool = True,
    improvement: str | None = None,
    measure: str | None = None,
    minimum_points: int = 0,
) -> ChartModel:
    """Analyse one indicator series and return the chart model both renderers draw.

    data is a frame with `y` and optionally `x, n, notes, facet, censored`, a series
    indexed by x, or a plain sequence of values. Positions are 1-based.
    """
    options = make_options(
        chart=chart, rules=rules, freeze=freeze, part=part, exclude=exclude, target=target, cl=cl,
        multiply=multiply, agg=agg, y_neg=y_neg, screen_mr=screen_mr, improvement=improvement, measure=measure,
    )
    observations = chart_input(data)
    _check_input(observations, options)
    facets = aggregate(observations, agg=options.agg)
    points_count = sum(int(np.sum(~np.isnan(sub.y))) for sub in facets)
    if points_count < minimum_points:
        raise TooFewPointsError(
            f"Der skal mindst være {minimum_points} punkter med værdier, men der er {points_count}.",
            f"At least {minimum_points} points with values are needed, but there are {points_count}.",
        )
    chart_type = CHART_TYPES[options.chart]
    categorical = observations.x_kind == "category"

    analysed = [_analyse_facet(sub, options, categorical) for sub in facets]
    plotted = [result.lines.y for results, _, _ in analysed for result in results]
    all_y = np.concatenate(plotted) if plotted else np.zeros(0)
    present_y = all_y[~np.isnan(all_y)]
    # qicharts2's y.neg = FALSE: no negative lower limits when no value is negative.
    clamp_negative = not options.y_neg and (len(present_y) == 0 or present_y.min() >= 0)

    facet_results: list[FacetResult] = []
    summaries: list[PhaseSummary] = []
    for sub, (results, include, plan) in zip(facets, analysed, strict=True):
        finished = []
        for result in results:
            lines = result.lines
            lcl, lcl_95 = _finite_or_nan(lines.lcl), _finite_or_nan(lines.lcl_95)
            if clamp_negative:
                lcl = np.where(lcl < 0, 0.0, lcl)
                lcl_95 = np.where(lcl_95 < 0, 0.0, lcl_95)
            lines = ControlLines(y=lines.y, n=lines.n, cl=lines.cl, lcl=lcl, ucl=_finite_or_nan(lines.ucl),
                                 lcl_95=lcl_95, ucl_95=_finite_or_nan(lines.ucl_95))
            result = _PhaseResult(result.span, lines, result.runs, [], None)
            finished.append(_phase_findings(result, options, include, sub.censored, chart_type.has_limits))
        findings = [finding for result in finished for finding in result.findings]
        flagged, direction, rule_names = point_directions(len(sub), findings)
        kinds = np.array([signal_kind(int(d), options.improvement) if f else None
                          for f, d in zip(flagged, direction, strict=True)], dtype=object)
        runs_signal_allowed = not categorical and options.chart != "mr"
        facet_results.append(FacetResult(sub, plan, include, finished, flagged, kinds, rule_names,
                                         runs_signal_allowed, options.target))
        last = len(finished) - 1
        for number, result in enumerate(finished):
            summaries.append(_summary(sub, result, number, number == last, options, flagged, kinds, direction,
                                      runs_signal_allowed, chart_type.centre_label))

    points = points_frame(facet_results)
    recommendation = recommend_chart(options.measure, options.chart, points) if options.measure else None
    return ChartModel(
        chart=options.chart,
        rules=options.rules,
        points=points,
        phases=tuple(summaries),
        verdict=chart_verdict(tuple(summaries), options),
        centre_label=chart_type.centre_label,  # type: ignore[arg-type]
        improvement=options.improvement,  # type: ignore[arg-type]
        target=options.target,
        multiply=options.multiply,
        recommendation=recommendation,
    )


def _mean_or_none(values: np.ndarray) -> float | None:
    present = values[~np.isnan(values)]
    return float(present.mean()) if len(present) else None


def _summary(sub: Subgroups, result: _PhaseResult, number: int, is_last: bool, options: AnalysisOptions,
             flagged: np.ndarray, kinds: np.ndarray, direction: np.ndarray, runs_signal_allowed: bool,
             centre_label: str) -> PhaseSummary:
    span, lines, runs = result.span, result.lines, result.runs
    last = span.stop - 1
    with np.errstate(invalid="ignore"):
        sigma_count = int(np.sum((lines.y > lines.ucl) | (lines.y < lines.lcl)))
    centre_line = _mean_or_none(lines.cl)
    summary = PhaseSummary(
        facet=sub.facet,
        part=number + 1,
        n_obs=runs.n_obs,
        n_useful=runs.n_useful,
        longest_run=runs.longest_run,
        longest_run_max=runs.longest_run_max,
        n_crossings=runs.n_crossings,
        n_crossings_min=runs.n_crossings_min,
        runs_signal=runs.runs_signal and runs_signal_allowed,
        sigma_signal_count=sigma_count,
        centre_line=np.nan if centre_line is None else centre_line,
        variation=variation_of(bool(flagged[last]), kinds[last], int(direction[last])),
        assurance=assurance_of(options.target, lines.lcl[-1], lines.ucl[-1], options.improvement) if is_last else None,
        start=span.start + 1,
        end=span.stop,
        average_lcl=_mean_or_none(lines.lcl),
        average_ucl=_mean_or_none(lines.ucl),
        average_lcl_95=_mean_or_none(lines.lcl_95),
        average_ucl_95=_mean_or_none(lines.ucl_95),
        rules_fired=tuple(dict.fromkeys(finding.rule for finding in result.findings)),
        n_runs=None if runs.n_crossings is None else runs.n_crossings + 1,
        runs_min=None if result.runs_limits is None else result.runs_limits[0],
        runs_max=None if result.runs_limits is None else result.runs_limits[1],
    )
    from dataclasses import replace

    return replace(summary, verdict=phase_verdict(summary, result.findings, options, centre_label))
