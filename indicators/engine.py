"""One analysis, start to end, as a chain of named steps.

The steps follow qicharts2 0.8.1's qic(), in the manner of NHSRplotthedots'
ptd_spc (each step a function of its own, one concept each):

1. check the input and aggregate the observations per x (and facet);
2. split each facet into phases, baseline and the points that count (`facet_analysis`);
3. compute each phase's centre line and limits from its baseline (`phase_lines`);
4. count its runs, before multiplying (`phase_runs`);
5. multiply, drop non-finite limits and apply y.neg (`phase_lines`);
6. apply the chosen rule set (`rule_sets`) and classify every point's signal by the
   indicator's direction (`point_signals`);
7. summarise each phase with its verdict (`phase_summary`), then the chart's (`verdict`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.chart_input import ChartInput, chart_input
from indicators.chart_model import ChartModel
from indicators.chart_types import CHART_TYPES
from indicators.facet_analysis import FacetAnalysis, split_phases
from indicators.input_checks import check_input, check_point_count
from indicators.options import AnalysisOptions, make_options, option_keywords
from indicators.phase_lines import with_finished_lines, with_lines
from indicators.phase_runs import with_runs
from indicators.phase_summary import facet_summaries
from indicators.point_signals import with_point_signals
from indicators.points_frame import frame_of_points, point_columns
from indicators.recommendation import recommend_chart, recommend_for_values
from indicators.rule_sets import with_findings
from indicators.subgroups import aggregate
from indicators.verdict import chart_verdict


@option_keywords
def analyze(data: pd.DataFrame | pd.Series | Sequence[float] | np.ndarray, *, minimum_points: int = 0,
            **options: object) -> ChartModel:
    """Analyse one indicator series and return the chart model both renderers draw.

    data is a frame with `y` and optionally `x, n, notes, facet, censored`, a series
    indexed by x, or a plain sequence of values. The options are the fields of
    AnalysisOptions, by keyword: chart, rules, freeze, part, exclude, target, cl,
    multiply, agg, y_neg, screen_mr, improvement, measure. Positions (freeze, part,
    exclude) are 1-based, as in qicharts2. improvement says which way is better ("up"
    or "down"); measure ("events", "proportion", "rate", "count", "measurement")
    enables a chart recommendation; minimum_points refuses data with fewer points
    with values.
    """
    return analyze_input(chart_input(data), make_options(**options), minimum_points=minimum_points)


def analyze_input(observations: ChartInput, options: AnalysisOptions, *,
                  minimum_points: int = 0) -> ChartModel:
    """Analyse chart input already checked into arrays and options (see analyze)."""
    check_input(observations, options)
    subgroups = aggregate(observations, agg=options.agg)
    check_point_count(subgroups, minimum_points)
    categorical = observations.x_kind == "category"
    facets = [split_phases(sub, options, categorical=categorical) for sub in subgroups]
    facets = [with_lines(facet, options, categorical=categorical) for facet in facets]
    facets = [with_runs(facet) for facet in facets]
    facets = with_finished_lines(facets, options)  # y.neg looks at the values of every facet
    facets = [with_findings(facet, options) for facet in facets]
    facets = [with_point_signals(facet, options.improvement) for facet in facets]
    return _chart_model(facets, options)


def _chart_model(facets: list[FacetAnalysis], options: AnalysisOptions) -> ChartModel:
    """The chart model of the analysed facets: points, phase summaries, verdict, recommendation."""
    centre_label = CHART_TYPES[options.chart].centre_label
    summaries = tuple(summary for facet in facets for summary in facet_summaries(facet, options, centre_label))
    columns = point_columns(facets, target=options.target)
    points = frame_of_points(columns)
    return ChartModel(
        chart=options.chart,
        rules=options.rules,
        points=points,
        phases=summaries,
        verdict=chart_verdict(summaries, options),
        centre_label=centre_label,  # type: ignore[arg-type]
        improvement=options.improvement,  # type: ignore[arg-type]
        target=options.target,
        multiply=options.multiply,
        recommendation=_recommendation(options, columns, points),
    )


def _recommendation(options: AnalysisOptions, columns: dict[str, np.ndarray] | None,
                    points: pd.DataFrame) -> str | None:
    """A better chart for the measure, when one is given."""
    if not options.measure:
        return None
    if columns is None:
        return recommend_chart(options.measure, options.chart, points)
    # From the arrays: a new frame's first columns are slow to read.
    return recommend_for_values(options.measure, options.chart, np.asarray(columns["numerator"], dtype=float),
                                int(np.count_nonzero(~np.isnan(columns["y"]))))
