"""What the engine knows of one facet, filled in step by step (see indicators.engine).

Like NHSRplotthedots' ptd_spc adds columns to its frame, each step of the engine
returns this record with its own fields filled: the phases split the facet, then
every phase gets its lines, its runs, its findings, and every point its signal.
The tuples hold one entry per phase, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from indicators.control_lines import ControlLines
from indicators.findings import Finding
from indicators.options import AnalysisOptions
from indicators.phases import PhaseLayout, layout
from indicators.runs import RunsResult
from indicators.subgroups import Subgroups


def _no_points() -> np.ndarray:
    return np.zeros(0)


@dataclass(frozen=True)
class FacetAnalysis:
    """One facet's subgroups, phases, lines, runs, findings and point signals."""

    sub: Subgroups
    plan: PhaseLayout
    include: np.ndarray  # included and not censored: the points the lines and runs count
    spans: tuple[slice, ...]  # the index range of each phase
    time_ordered: bool  # run and trend rules apply: not categories, not moving ranges (qicharts2)
    lines: tuple[ControlLines, ...] = ()  # centre line and limits of each phase
    runs: tuple[RunsResult, ...] = ()  # runs figures of each phase, counted before multiplying
    findings: tuple[tuple[Finding, ...], ...] = ()  # the rule set's patterns in each phase
    runs_limits: tuple[tuple[int, int] | None, ...] = ()  # IHI's runs limits of each phase
    # Per phase: shares too near 0 % or 100 % for the runs rules (indicators.skewed_shares).
    lopsided: tuple[bool, ...] = ()
    # Per point: whether it belongs to a pattern, the direction of its most important
    # pattern, its kind (improvement, deterioration, neutral or None) and its patterns' names.
    flagged: np.ndarray = field(default_factory=_no_points)
    direction: np.ndarray = field(default_factory=_no_points)
    kinds: np.ndarray = field(default_factory=_no_points)
    rule_names: tuple[tuple[str, ...], ...] = ()

    def filled(self, **values: object) -> FacetAnalysis:
        """This record with the fields a step computed filled in.

        dataclasses.replace would run __init__ again; a step per field costs a chart
        (budget 2 ms) some 30 µs that way, so the record is copied directly.
        """
        unknown = values.keys() - _FIELD_NAMES
        if unknown:
            raise TypeError(f"FacetAnalysis has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(FacetAnalysis)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(values)
        return copy


_FIELD_NAMES = frozenset(entry.name for entry in fields(FacetAnalysis))


def split_phases(sub: Subgroups, options: AnalysisOptions, *, categorical: bool) -> FacetAnalysis:
    """Lay one facet out in phases, baseline and the points that count."""
    plan = layout(len(sub), part=options.part, freeze=options.freeze, exclude=options.exclude)
    return FacetAnalysis(
        sub=sub, plan=plan,
        include=plan.include & ~sub.censored,  # the open interval is shown, never calculated with
        spans=tuple(plan.phase_slices()),
        time_ordered=not categorical and options.chart != "mr",
    )
