"""The runs of each phase: useful points, longest run and crossings around its centre line."""

from __future__ import annotations

from indicators.facet_analysis import FacetAnalysis
from indicators.runs import runs_analysis


def with_runs(facet: FacetAnalysis) -> FacetAnalysis:
    """The facet with the runs of each phase, on its included points.

    Counted on the lines as the chart type computed them, before multiplying (as
    qicharts2 does), so a product's rounding never moves a point onto the centre line.
    """
    runs = tuple(runs_analysis(lines.y, lines.cl, facet.include[span])
                 for span, lines in zip(facet.spans, facet.lines, strict=True))
    return facet.filled(runs=runs)
