"""Summarise one phase: qicharts2's summary figures, the variation and assurance, the verdict."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from indicators.chart_model import PhaseSummary
from indicators.control_lines import ControlLines, mean_present
from indicators.facet_analysis import FacetAnalysis
from indicators.findings import Finding
from indicators.making_data_count import assurance_of, variation_of
from indicators.options import AnalysisOptions
from indicators.runs import RunsResult
from indicators.verdict import phase_verdict


def _average(values: np.ndarray) -> float | None:
    """Plain mean of the limits that exist (qicharts2's aLCL, aUCL); None when none do."""
    present = values[~np.isnan(values)]
    return float(present.mean()) if len(present) else None


def summarise_phase(*, facet: object, number: int, span: slice, lines: ControlLines, runs: RunsResult,
                    findings: list[Finding], runs_limits: tuple[int, int] | None, runs_signal: bool,
                    last_point: tuple[bool, str | None, int], is_latest: bool, options: AnalysisOptions,
                    centre_label: str, lopsided: bool = False) -> PhaseSummary:
    """The summary of phase `number` (0-based) covering `span` of its facet.

    last_point is (signal, signal kind, direction) of the phase's last point; the
    assurance against the target is given for the latest phase only, as NHSRplotthedots does.
    """
    with np.errstate(invalid="ignore"):
        sigma_count = int(np.sum((lines.y > lines.ucl) | (lines.y < lines.lcl)))
    signal, kind, direction = last_point
    summary = PhaseSummary(
        facet=facet,
        part=number + 1,
        n_obs=runs.n_obs,
        n_useful=runs.n_useful,
        longest_run=runs.longest_run,
        longest_run_max=runs.longest_run_max,
        n_crossings=runs.n_crossings,
        n_crossings_min=runs.n_crossings_min,
        runs_signal=runs_signal,
        sigma_signal_count=sigma_count,
        centre_line=mean_present(lines.cl),
        variation=variation_of(signal, kind, direction),
        assurance=(assurance_of(options.target, float(lines.lcl[-1]), float(lines.ucl[-1]), options.improvement)
                   if is_latest and len(lines.y) else None),
        start=span.start + 1,
        end=span.stop,
        average_lcl=_average(lines.lcl),
        average_ucl=_average(lines.ucl),
        average_lcl_95=_average(lines.lcl_95),
        average_ucl_95=_average(lines.ucl_95),
        rules_fired=tuple(dict.fromkeys(finding.rule for finding in findings)),
        n_runs=None if runs.n_crossings is None else runs.n_crossings + 1,
        runs_min=None if runs_limits is None else runs_limits[0],
        runs_max=None if runs_limits is None else runs_limits[1],
        lopsided=lopsided,
        n_values=int(np.count_nonzero(~np.isnan(lines.y))),
    )
    return replace(summary, verdict=phase_verdict(summary, findings, options, centre_label))


def facet_summaries(facet: FacetAnalysis, options: AnalysisOptions, centre_label: str) -> list[PhaseSummary]:
    """The summary of every phase of one facet, each with its verdict."""
    summaries = []
    latest = len(facet.spans) - 1
    lopsided = facet.lopsided or (False,) * len(facet.spans)
    for number, (span, lines, runs, findings, runs_limits, skewed) in enumerate(zip(
            facet.spans, facet.lines, facet.runs, facet.findings, facet.runs_limits, lopsided, strict=True)):
        last = span.stop - 1
        summaries.append(summarise_phase(
            facet=facet.sub.facet, number=number, span=span, lines=lines, runs=runs,
            findings=list(findings), runs_limits=runs_limits,
            runs_signal=runs.runs_signal and facet.time_ordered and not skewed,
            last_point=(bool(facet.flagged[last]), facet.kinds[last], int(facet.direction[last])),
            is_latest=number == latest, options=options, centre_label=centre_label, lopsided=skewed,
        ))
    return summaries
