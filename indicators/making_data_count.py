"""NHS England's "Making Data Count" rules, as NHSRplotthedots 0.2.2 codes them.

Limits (ptd_spc_standard.R): mean of the baseline ± 2.66 × mean moving range,
near-limits at two thirds of that distance, moving ranges screened at 3.267 × their
mean. Patterns (ptd_calculate_point_type.R), per phase:
- a point outside the process limits;
- a run of seven points on one side of the mean (a point on the mean breaks it);
- a trend of seven points all increasing or all decreasing (a tie breaks it);
- two of three points beyond the near-limits on the same side of the mean (all three
  on that side; a point beyond the process limit does not count towards the two).
Then the variation of the last point and the assurance of meeting the target.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from indicators.constants import (
    NHS_LIMIT_FACTOR,
    NHS_RUN_LENGTH,
    NHS_TREND_LENGTH,
    NHS_TWO_OF_THREE,
    SIGMA_LIMIT,
    SIGMA_WARNING,
)
from indicators.control_lines import ControlLines, PhaseData, centre, mean_present
from indicators.findings import Finding
from indicators.moving_ranges import average_moving_range

# ptd_spc_standard.R: limitclose <- 2 * (limit / 3)
NHS_NEAR_LIMIT_FACTOR = SIGMA_WARNING * (NHS_LIMIT_FACTOR / SIGMA_LIMIT)


def nhs_i_lines(phase: PhaseData) -> ControlLines:
    """XmR process limits the Making Data Count way: mean ± 2.66 × MR-bar."""
    mean = centre(phase, mean_present(phase.y[phase.base]))
    amr = average_moving_range(phase.y[phase.base], screen=phase.screen_mr)
    size = len(phase.y)
    cl = np.full(size, mean)
    return ControlLines(
        y=phase.y, n=phase.n, cl=cl,
        lcl=cl - NHS_LIMIT_FACTOR * amr, ucl=cl + NHS_LIMIT_FACTOR * amr,
        lcl_95=cl - NHS_NEAR_LIMIT_FACTOR * amr, ucl_95=cl + NHS_NEAR_LIMIT_FACTOR * amr,
    )


def _part_of(flags: np.ndarray, length: int) -> np.ndarray:
    """Points that are flagged or precede a flagged point by fewer than length places."""
    if len(flags) == 0:
        return np.zeros(0, dtype=bool)
    padded = np.concatenate([flags != 0, np.zeros(length - 1, dtype=bool)])
    return sliding_window_view(padded, length).any(axis=1)


def seven_on_one_side(side: np.ndarray, length: int = NHS_RUN_LENGTH) -> np.ndarray:
    """Per point: part of `length` consecutive points on the same side of the mean."""
    ends = np.zeros(len(side), dtype=bool)
    if len(side) >= length:
        windows = sliding_window_view(side, length)
        ends[length - 1:] = (windows[:, -1] != 0) & (windows == windows[:, -1:]).all(axis=1)
    return _part_of(ends, length)


def seven_point_trend(y: np.ndarray, length: int = NHS_TREND_LENGTH) -> np.ndarray:
    """Per point: part of `length` consecutive points all increasing or all decreasing."""
    ends = np.zeros(len(y), dtype=np.int8)
    if len(y) >= length:
        windows = sliding_window_view(np.sign(np.diff(y)), length - 1)
        ends[length - 1:] = np.where((windows == 1).all(axis=1), 1, np.where((windows == -1).all(axis=1), -1, 0))
    return _part_of(ends, length)


def two_of_three(close: np.ndarray, side: np.ndarray) -> np.ndarray:
    """Per point: beyond a near-limit, with another such point among three on one side."""
    padded_close = np.concatenate([[0, 0], close.astype(int), [0, 0]])
    padded_side = np.concatenate([[0, 0], side.astype(int), [0, 0]])
    # Windows of three starting at each padded position; a point sits in the three windows
    # that start two, one and zero places before it.
    window_hit = ((sliding_window_view(padded_close, 3).sum(axis=1) >= NHS_TWO_OF_THREE)
                  & (np.abs(sliding_window_view(padded_side, 3).sum(axis=1)) == 3))
    size = len(close)
    flags = window_hit[0:size] | window_hit[1:size + 1] | window_hit[2:size + 2]
    return flags & close


def _trend_directions(y: np.ndarray, in_trend: np.ndarray) -> np.ndarray:
    """Direction of each trend point: the step to its right while the trend goes on,
    otherwise the step from its left (NHSRplotthedots 0.2.2, issue #171)."""
    steps = np.sign(np.diff(y))
    right = np.concatenate([steps, steps[-1:]]) if len(steps) else np.zeros(len(y))
    left = np.concatenate([[0.0], steps])
    next_in_trend = np.concatenate([in_trend[1:], [False]])
    return np.where(next_in_trend & in_trend, right, left).astype(int)


def _longest_stretch(mask: np.ndarray) -> int:
    longest = current = 0
    for flagged in mask:
        current = current + 1 if flagged else 0
        longest = max(longest, current)
    return longest


def nhs_findings(y: np.ndarray, lines: ControlLines, include: np.ndarray, offset: int) -> list[Finding]:
    """Run, trend and two-of-three findings for one phase (outside limits is shared)."""
    index = np.flatnonzero(include & ~np.isnan(y))
    values = y[index]
    mean = lines.cl[index]
    with np.errstate(invalid="ignore"):
        side = np.sign(values - mean).astype(int)
        outside = (values > lines.ucl[index]) | (values < lines.lcl[index])
        close = ~outside & ((values < lines.lcl_95[index]) | (values > lines.ucl_95[index]))
    findings = []

    in_trend = seven_point_trend(values)
    if in_trend.any():
        directions = _trend_directions(values, in_trend)[in_trend]
        directions = np.where(directions == 1, 1, -1)
        findings.append(Finding("trend", _longest_stretch(in_trend), NHS_TREND_LENGTH, int(directions[-1]),
                                index[in_trend] + offset, point_direction=directions))

    in_two_of_three = two_of_three(close, side)
    if in_two_of_three.any():
        directions = np.where(side[in_two_of_three] > 0, 1, -1)
        findings.append(Finding("two_of_three", int(in_two_of_three.sum()), NHS_TWO_OF_THREE, int(directions[-1]),
                                index[in_two_of_three] + offset, point_direction=directions))

    on_one_side = seven_on_one_side(side)
    if on_one_side.any():
        directions = np.where(side[on_one_side] > 0, 1, -1)
        stretch = max(_longest_stretch(on_one_side & (side == 1)), _longest_stretch(on_one_side & (side == -1)))
        findings.append(Finding("run_of_seven", stretch, NHS_RUN_LENGTH, int(directions[-1]),
                                index[on_one_side] + offset, point_direction=directions))
    return findings


def variation_of(signal: bool, kind: str | None, direction: int) -> str:
    """Making Data Count's variation icon for one point (ptd's point_type names)."""
    if not signal:
        return "common_cause"
    if kind == "improvement":
        return "special_cause_improvement"
    if kind == "deterioration":
        return "special_cause_concern"
    return "special_cause_neutral_high" if direction > 0 else "special_cause_neutral_low"


def assurance_of(target: float | None, lower: float, upper: float, improvement: str | None) -> str | None:
    """Will the process meet the target? ptd's assurance_type from the last limits."""
    if target is None or improvement is None or np.isnan(lower) or np.isnan(upper):
        return None
    increasing = improvement == "up"
    if target > upper:
        return "consistent_fail" if increasing else "consistent_pass"
    if target < lower:
        return "consistent_pass" if increasing else "consistent_fail"
    return "inconsistent"
