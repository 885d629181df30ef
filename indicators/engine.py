"""One analysis, start to end: chart input → subgroups → phases → lines → rules → model.

The steps follow qicharts2 0.8.1's qic() (aggregate per x, split by facet and phase,
compute the chart type's lines from the baseline, runs analysis of the included
points, multiply, drop non-finite limits, sigma signals, y.neg) and then apply the
chosen rule set, classify every signal by the indicator's direction and write the verdict.
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
from indicators.findings import point_directions, signal_kind
from indicators.making_data_count import nhs_i_lines
from indicators.options import AnalysisOptions, make_options
from indicators.phase_summary import summarise_phase
from indicators.phases import layout
from indicators.points_frame import FacetResult, frame_of_points, point_columns
from indicators.recommendation import recommend_chart, recommend_for_values
from indicators.rule_sets import phase_findings
from indicators.runs import RunsResult, runs_analysis
from indicators.subgroups import Subgroups, aggregate
from indicators.verdict import chart_verdict


@dataclass(frozen=True)
class PhaseResult:
    """The lines and runs of one phase, with the rule set's findings once applied."""

    span: slice
    lines: ControlLines
    runs: RunsResult
    findings: tuple = ()
    runs_limits: tuple[int, int] | None = None


def _check_input(data: ChartInput, options: AnalysisOptions) -> None:
    """Refuse data the chart type cannot use, naming the first offending row."""
    chart = CHART_TYPES[options.chart]
    name = options.chart.upper()
    if chart.needs_denominator and not data.has_n:
        raise InvalidDataError(
            f"Et {name}-kort kræver en nævner (n), fx antal borgere eller sengedage.",
            f"A {name} chart needs a denominator (n), e.g. citizens or bed-days.",
        )
    if not data.has_n:
        return
    with np.errstate(invalid="ignore"):
        zero = np.flatnonzero(data.n <= 0)
        above = np.flatnonzero(data.y > data.n) if chart.is_proportion or options.chart == "ip" else []
        negative = np.flatnonzero(data.y < 0) if chart.needs_denominator else []
    if len(zero):
        row = zero[0]
        raise InvalidDataError(
            f"Nævneren n skal være større end 0, men række {row + 1} har n = {data.n[row]:g}.",
            f"The denominator n must be greater than 0, but row {row + 1} has n = {data.n[row]:g}.",
        )
    if len(above):
        row = above[0]
        raise InvalidDataError(
            f"Tælleren kan ikke være større end nævneren: række {row + 1} har {data.y[row]:g} af {data.n[row]:g}.",
            f"The numerator cannot exceed the denominator: row {row + 1} has {data.y[row]:g} of {data.n[row]:g}.",
        )
    if len(negative):
        row = negative[0]
        raise InvalidDataError(
            f"Tælleren kan ikke være negativ: række {row + 1} har {data.y[row]:g}.",
            f"The numerator cannot be negative: row {row + 1} has {data.y[row]:g}.",
        )


def _phase_lines(options: AnalysisOptions, phase: PhaseData) -> ControlLines:
    if options.rules == "nhs" and options.chart == "i":
        return nhs_i_lines(phase)  # Making Data Count's own XmR limits
    return CHART_TYPES[options.chart].lines(phase)


def _finite_or_nan(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)


def _finished_lines(lines: ControlLines, multiply: float, clamp_negative: bool) -> ControlLines:
    """Multiply, drop limits that are not finite, and apply y.neg = FALSE, as qicharts2 does."""
    factor = multiply
    with np.errstate(invalid="ignore"):
        lcl, lcl_95 = _finite_or_nan(lines.lcl * factor), _finite_or_nan(lines.lcl_95 * factor)
    if clamp_negative:
        with np.errstate(invalid="ignore"):
            lcl, lcl_95 = np.where(lcl < 0, 0.0, lcl), np.where(lcl_95 < 0, 0.0, lcl_95)
    return ControlLines(y=lines.y * factor, n=lines.n, cl=lines.cl * factor, lcl=lcl,
                        ucl=_finite_or_nan(lines.ucl * factor), lcl_95=lcl_95,
                        ucl_95=_finite_or_nan(lines.ucl_95 * factor))


def _facet_phases(sub: Subgroups, options: AnalysisOptions, categorical: bool, include: np.ndarray,
                  baseline: np.ndarray, spans: list[slice]) -> list[PhaseResult]:
    results = []
    for span in spans:
        phase = PhaseData(
            y=sub.y[span], y_sum=sub.y_sum[span], y_length=sub.y_length[span], y_mean=sub.y_mean[span],
            y_sd=sub.y_sd[span], n=sub.n[span], base=baseline[span] & include[span], cl=options.cl,
            categorical=categorical, screen_mr=options.screen_mr,
        )
        lines = _phase_lines(options, phase)
        # Runs are counted before multiplying, on the included points of the whole phase.
        results.append(PhaseResult(span, lines, runs_analysis(lines.y, lines.cl, include[span])))
    return results


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
    indexed by x, or a plain sequence of values. Positions (freeze, part, exclude) are
    1-based, as in qicharts2. improvement says which way is better ("up" or "down");
    measure ("events", "proportion", "rate", "count", "measurement") enables a chart
    recommendation; minimum_points refuses data with fewer points with values.
    """
    options = make_options(
        chart=chart, rules=rules, freeze=freeze, part=part, exclude=exclude, target=target, cl=cl,
        multiply=multiply, agg=agg, y_neg=y_neg, screen_mr=screen_mr, improvement=improvement, measure=measure,
    )
    return analyze_input(chart_input(data), options, minimum_points=minimum_points)


def analyze_input(observations: ChartInput, options: AnalysisOptions, *,
                  minimum_points: int = 0) -> ChartModel:
    """Analyse chart input already checked into arrays and options (see analyze)."""
    _check_input(observations, options)
    facets = aggregate(observations, agg=options.agg)
    points_with_values = sum(int(np.count_nonzero(~np.isnan(sub.y))) for sub in facets)
    if points_with_values < minimum_points:
        raise TooFewPointsError(
            f"Der skal mindst være {minimum_points} punkter med værdier, men der er {points_with_values}.",
            f"At least {minimum_points} points with values are needed, but there are {points_with_values}.",
        )
    chart_type = CHART_TYPES[options.chart]
    categorical = observations.x_kind == "category"
    # Run and trend rules need a time order: none for categories or moving ranges (qicharts2).
    time_ordered = not categorical and options.chart != "mr"

    plans, includes, phases = [], [], []
    for sub in facets:
        plan = layout(len(sub), part=options.part, freeze=options.freeze, exclude=options.exclude)
        include = plan.include & ~sub.censored  # the open interval is shown, never calculated with
        plans.append(plan)
        includes.append(include)
        phases.append(_facet_phases(sub, options, categorical, include, plan.baseline, plan.phase_slices()))
    plotted = [result.lines.y * options.multiply for results in phases for result in results]
    all_y = np.concatenate(plotted) if plotted else np.zeros(0)
    present = all_y[~np.isnan(all_y)]
    # qicharts2's y.neg = FALSE: no negative lower limits when no value is negative.
    clamp_negative = not options.y_neg and (len(present) == 0 or present.min() >= 0)

    facet_results: list[FacetResult] = []
    summaries: list[PhaseSummary] = []
    for sub, plan, include, results in zip(facets, plans, includes, phases, strict=True):
        finished = []
        for result in results:
            lines = _finished_lines(result.lines, options.multiply, clamp_negative)
            span = result.span
            findings, runs_limits = phase_findings(
                lines, result.runs, include[span], sub.censored[span], rules=options.rules,
                has_limits=chart_type.has_limits, time_ordered=time_ordered, offset=span.start,
            )
            finished.append(PhaseResult(span, lines, result.runs, tuple(findings), runs_limits))
        flagged, direction, rule_names = point_directions(
            len(sub), [finding for result in finished for finding in result.findings])
        kinds = np.full(len(sub), None, dtype=object)
        for way in (-1, 0, 1):
            kinds[flagged & (direction == way)] = signal_kind(way, options.improvement)
        facet_results.append(FacetResult(sub, plan, include, finished, flagged, kinds, rule_names,
                                         time_ordered, options.target))
        for number, result in enumerate(finished):
            last = result.span.stop - 1
            summaries.append(summarise_phase(
                facet=sub.facet, number=number, span=result.span, lines=result.lines, runs=result.runs,
                findings=list(result.findings), runs_limits=result.runs_limits,
                runs_signal=result.runs.runs_signal and time_ordered,
                last_point=(bool(flagged[last]), kinds[last], int(direction[last])),
                is_latest=number == len(finished) - 1, options=options, centre_label=chart_type.centre_label,
            ))

    columns = point_columns(facet_results)
    points = frame_of_points(columns)
    recommendation = None
    if options.measure and columns is None:
        recommendation = recommend_chart(options.measure, options.chart, points)
    elif options.measure:  # from the arrays: a new frame's first columns are slow to read
        recommendation = recommend_for_values(
            options.measure, options.chart, np.asarray(columns["numerator"], dtype=float),
            int(np.count_nonzero(~np.isnan(columns["y"]))))
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
