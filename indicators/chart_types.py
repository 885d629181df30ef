"""The registry of chart types: each is a function of one phase with the same shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from indicators.control_lines import ControlLines, PhaseData
from indicators.limits_attribute import c_lines, g_lines, p_lines, pp_lines, u_lines, up_lines
from indicators.limits_measurement import (
    i_lines,
    ip_lines,
    mr_lines,
    run_lines,
    s_lines,
    t_lines,
    xbar_lines,
)


@dataclass(frozen=True)
class ChartType:
    """One chart type: how to compute its lines, and what its centre line is."""

    name: str
    lines: Callable[[PhaseData], ControlLines]
    centre_label: str  # "median" or "mean"
    has_limits: bool
    needs_denominator: bool = False
    is_proportion: bool = False


CHART_TYPES: dict[str, ChartType] = {
    chart.name: chart
    for chart in (
        ChartType("run", run_lines, "median", has_limits=False),
        ChartType("i", i_lines, "mean", has_limits=True),
        ChartType("ip", ip_lines, "mean", has_limits=True),
        ChartType("mr", mr_lines, "mean", has_limits=True),
        ChartType("xbar", xbar_lines, "mean", has_limits=True),
        ChartType("s", s_lines, "mean", has_limits=True),
        ChartType("t", t_lines, "mean", has_limits=True),
        ChartType("p", p_lines, "mean", has_limits=True, needs_denominator=True, is_proportion=True),
        ChartType("pp", pp_lines, "mean", has_limits=True, needs_denominator=True, is_proportion=True),
        ChartType("c", c_lines, "mean", has_limits=True),
        ChartType("u", u_lines, "mean", has_limits=True, needs_denominator=True),
        ChartType("up", up_lines, "mean", has_limits=True, needs_denominator=True),
        ChartType("g", g_lines, "median", has_limits=True),
    )
}
