"""Every point's signal: whether it belongs to a pattern, which way, and what that means."""

from __future__ import annotations

import numpy as np

from indicators.facet_analysis import FacetAnalysis
from indicators.findings import point_directions, signal_kind


def with_point_signals(facet: FacetAnalysis, improvement: str | None) -> FacetAnalysis:
    """The facet with each point's signal, its direction, its kind by the improvement, its rules."""
    flagged, direction, rule_names = point_directions(
        len(facet.sub), [finding for findings in facet.findings for finding in findings])
    kinds = np.full(len(facet.sub), None, dtype=object)
    if flagged.any():  # most charts have no pattern: their points' kinds stay None
        for way in (-1, 0, 1):
            kinds[flagged & (direction == way)] = signal_kind(way, improvement)
    return facet.filled(flagged=flagged, direction=direction, kinds=kinds, rule_names=tuple(rule_names))
