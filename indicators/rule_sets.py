"""Apply the chosen rule set (Anhøj, IHI or Making Data Count) to one phase."""

from __future__ import annotations

import numpy as np

from indicators.chart_types import CHART_TYPES
from indicators.control_lines import ControlLines
from indicators.facet_analysis import FacetAnalysis
from indicators.findings import Finding, censored_findings, sigma_findings
from indicators.making_data_count import nhs_findings
from indicators.open_interval import open_interval_findings
from indicators.options import AnalysisOptions
from indicators.rules_anhoej import anhoej_findings
from indicators.rules_ihi import ihi_findings
from indicators.runs import RunsResult
from indicators.skewed_shares import lopsided_run_findings


def phase_findings(lines: ControlLines, runs: RunsResult, include: np.ndarray, censored: np.ndarray, *,
                   rules: str, has_limits: bool, time_ordered: bool, offset: int,
                   lopsided: bool = False, multiply: float = 1.0) -> tuple[list[Finding], tuple[int, int] | None]:
    """Every pattern the rule set finds in one phase, and the IHI runs limits when used.

    The sigma rule applies to every control chart whatever the rule set. Run and trend
    rules need a time order: categories (a funnel plot) and moving ranges get none, as
    in qicharts2. Nor do shares too near 0 % or 100 % (lopsided): a point there is not
    above or below the centre line with even chances (indicators.skewed_shares).
    """
    findings: list[Finding] = []
    runs_limits = None
    if has_limits:
        findings += sigma_findings(lines.y, lines.lcl, lines.ucl, offset, skip=censored)
        findings += censored_findings(lines.y, lines.ucl, censored, offset)
    if lopsided and time_ordered and has_limits:
        findings += lopsided_run_findings(runs, lines, offset, multiply=multiply)
    if not time_ordered or lopsided:
        return findings, runs_limits
    if rules == "anhoej":
        findings += anhoej_findings(runs, offset)
    elif rules == "ihi":
        found, runs_limits = ihi_findings(lines.y, include, runs, offset)
        findings += found
    else:
        findings += nhs_findings(lines.y, lines, include, offset)
    return findings, runs_limits


def _lopsided(facet: FacetAnalysis) -> tuple[bool, ...]:
    return facet.lopsided or (False,) * len(facet.spans)


def with_findings(facet: FacetAnalysis, options: AnalysisOptions) -> FacetAnalysis:
    """The facet with the rule set's findings (and IHI runs limits) of each phase.

    With `open_interval`, a run chart's open interval since the last event is judged too
    (indicators.open_interval); control charts judge it against their upper limit already.
    """
    has_limits = CHART_TYPES[options.chart].has_limits
    found = [
        phase_findings(lines, runs, facet.include[span], facet.sub.censored[span], rules=options.rules,
                       has_limits=has_limits, time_ordered=facet.time_ordered, offset=span.start,
                       lopsided=skewed, multiply=options.multiply)
        for span, lines, runs, skewed in zip(facet.spans, facet.lines, facet.runs, _lopsided(facet), strict=True)
    ]
    if options.open_interval and not has_limits:
        for (findings, _), span, lines in zip(found, facet.spans, facet.lines, strict=True):
            findings += open_interval_findings(lines.y, facet.sub.censored[span],
                                               facet.plan.baseline[span] & facet.plan.include[span], span.start)
    return facet.filled(findings=tuple(tuple(findings) for findings, _ in found),
                        runs_limits=tuple(limits for _, limits in found))
