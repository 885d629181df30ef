"""Many series at once: the Anhøj rules and 3-sigma limits for a whole overview in one pass.

`analyze_batch` takes a 2-d array, one row per series and one column per period
(NaN where a period has no value), and returns per series what `analyze` would
report for a single phase with the Anhøj rules: centre line, limits, runs figures,
runs signal and sigma signals. It is vectorised over all series (no Python loop per
series), so 10,000 series of 104 points take well under a tenth of a second; the
managers' overview (units × indicators) uses it. Charts: run, i, p, u, c.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indicators.constants import D2_MOVING_RANGE, D4_MOVING_RANGE, SIGMA_LIMIT
from indicators.control_lines import clamp
from indicators.errors import InvalidDataError, InvalidOptionError
from indicators.runs import crossings_limit, longest_run_limit

BATCH_CHARTS: tuple[str, ...] = ("run", "i", "p", "u", "c")


@dataclass(frozen=True)
class BatchResult:
    """Per-series results; arrays have one row per series (and one column per point)."""

    chart: str
    y: np.ndarray  # (series, points) plotted values, after multiply
    centre_line: np.ndarray  # (series,)
    lcl: np.ndarray  # (series, points), NaN on run charts
    ucl: np.ndarray
    n_useful: np.ndarray  # (series,) points not on the centre line
    longest_run: np.ndarray  # (series,) 0 when a series has no useful point
    longest_run_max: np.ndarray  # (series,) 0 when a series has no useful point
    n_crossings: np.ndarray  # (series,) 0 when a series has no useful point
    n_crossings_min: np.ndarray  # (series,) 0 when a series has no useful point
    runs_signal: np.ndarray  # (series,) unusually long run or unusually few crossings
    sigma_signal: np.ndarray  # (series, points) outside the 3-sigma limits

    @property
    def sigma_signal_count(self) -> np.ndarray:
        """Number of points outside the limits, per series."""
        return self.sigma_signal.sum(axis=1)

    @property
    def stable(self) -> np.ndarray:
        """Series with neither a runs signal nor a point outside the limits."""
        return ~self.runs_signal & (self.sigma_signal_count == 0)


def _limit_tables(points: int) -> tuple[np.ndarray, np.ndarray]:
    """Longest-run and crossings limits for 0 … points useful points (0 for none)."""
    longest = np.zeros(points + 1, dtype=np.int64)
    crossings = np.zeros(points + 1, dtype=np.int64)
    for useful in range(1, points + 1):
        longest[useful] = longest_run_limit(useful)
        crossings[useful] = crossings_limit(useful)
    return longest, crossings


def _row_median(values: np.ndarray) -> np.ndarray:
    """Median of each row, ignoring NaN (NaN for an empty row)."""
    ordered = np.sort(values, axis=1)  # NaN sort last
    count = np.count_nonzero(~np.isnan(values), axis=1)
    low = np.take_along_axis(ordered, np.maximum((count - 1) // 2, 0)[:, None], axis=1)[:, 0]
    high = np.take_along_axis(ordered, np.maximum(count // 2 - (count == 0), 0)[:, None], axis=1)[:, 0]
    return np.where(count > 0, (low + high) / 2.0, np.nan)


def _row_mean(values: np.ndarray) -> np.ndarray:
    """Mean of each row ignoring NaN, with R's residual correction (see mean_present)."""
    present = ~np.isnan(values)
    count = present.sum(axis=1)
    extended = np.where(present, values, 0.0).astype(np.longdouble)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        mean = extended.sum(axis=1) / count
        residuals = np.where(present, extended - mean[:, None], 0.0)
        mean = np.where(np.isfinite(mean), mean + residuals.sum(axis=1) / count, mean)
    return mean.astype(float)


def _runs(y: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Useful points, crossings and longest run of every row, without a loop over rows."""
    series, points = y.shape
    centre = centre[:, None]
    # NaN compares False both ways, so a missing point gets side 0 like a point on the line.
    side = (y > centre).astype(np.int8) - (y < centre).astype(np.int8)
    useful = side != 0
    n_useful = useful.sum(axis=1)
    # Pack each row's useful sides to the left (a stable sort keeps their order), so points
    # on the centre line and missing points neither break nor extend a run; a zero column
    # separates the rows.
    order = np.argsort(~useful, axis=1, kind="stable")
    width = points + 1
    packed = np.zeros((series, width), dtype=np.int8)
    packed[:, :points] = np.take_along_axis(side, order, axis=1)
    flat = packed.ravel()
    change = np.empty(flat.shape, dtype=bool)
    change[0] = True
    np.not_equal(flat[1:], flat[:-1], out=change[1:])
    starts = np.flatnonzero(change)
    lengths = np.diff(np.append(starts, flat.size))
    real = flat[starts] != 0
    starts, lengths = starts[real], lengths[real]
    row_of_run = starts // width
    runs_per_row = np.bincount(row_of_run, minlength=series)
    longest = np.zeros(series, dtype=np.int64)
    has_runs = runs_per_row > 0
    first_run = np.concatenate([[0], np.cumsum(runs_per_row)[:-1]])
    if has_runs.any():
        longest[has_runs] = np.maximum.reduceat(lengths, first_run[has_runs])
    crossings = np.maximum(runs_per_row - 1, 0)
    return n_useful, crossings, longest


def _checked(values: np.ndarray, denominators: np.ndarray | None, chart: str) -> tuple[np.ndarray, np.ndarray | None]:
    if chart not in BATCH_CHARTS:
        listed = ", ".join(BATCH_CHARTS)
        raise InvalidOptionError(
            f"Ugyldig værdi for chart i en samlet analyse: {chart!r}. Vælg en af {listed}.",
            f"Invalid value for chart in a batch analysis: {chart!r}. Choose one of {listed}.",
        )
    values = np.array(values, dtype=float, ndmin=2)
    values[~np.isfinite(values)] = np.nan
    if chart not in ("p", "u"):
        return values, None
    if denominators is None:
        raise InvalidDataError(
            f"Et {chart.upper()}-kort kræver nævnere (n).", f"A {chart.upper()} chart needs denominators (n).",
        )
    n = np.broadcast_to(np.array(denominators, dtype=float), values.shape).copy()
    n[~np.isfinite(n)] = np.nan
    incomplete = np.isnan(values) | np.isnan(n)
    values[incomplete] = np.nan
    n[incomplete] = np.nan
    with np.errstate(invalid="ignore"):
        if (n <= 0).any():
            raise InvalidDataError("Nævnerne n skal være større end 0.", "The denominators n must be greater than 0.")
        if chart == "p" and (values > n).any():
            raise InvalidDataError("En tæller er større end sin nævner.", "A numerator exceeds its denominator.")
    return values, n


def analyze_batch(values: np.ndarray, denominators: np.ndarray | None = None, *, chart: str = "run",
                  freeze: int | None = None, multiply: float = 1.0, screen_mr: bool = True) -> BatchResult:
    """Anhøj rules and 3-sigma limits for every row of values (numerators when denominators are given)."""
    values, n = _checked(values, denominators, chart)
    series, points = values.shape
    base = slice(0, points if freeze is None else max(0, min(freeze, points)))
    nan_lines = np.full(values.shape, np.nan)
    if chart == "run":
        y, centre = values, _row_median(values[:, base])
        lcl = ucl = nan_lines
    elif chart == "i":
        y, centre = values, _row_mean(values[:, base])
        ranges = np.abs(np.diff(values[:, base] - centre[:, None], axis=1))
        average = _row_mean(ranges)
        if screen_mr:
            with np.errstate(invalid="ignore"):
                average = _row_mean(np.where(ranges < D4_MOVING_RANGE * average[:, None], ranges, np.nan))
        sigma = np.broadcast_to((average / D2_MOVING_RANGE)[:, None], values.shape)
        lcl, ucl = centre[:, None] - SIGMA_LIMIT * sigma, centre[:, None] + SIGMA_LIMIT * sigma
    elif chart == "c":
        y, centre = values, _row_mean(values[:, base])
        sigma = np.broadcast_to(np.sqrt(np.maximum(centre, 0.0))[:, None], values.shape)
        lcl, ucl = clamp(centre[:, None] - SIGMA_LIMIT * sigma), centre[:, None] + SIGMA_LIMIT * sigma
    else:
        assert n is not None
        with np.errstate(invalid="ignore", divide="ignore"):
            y = values / n
            centre = np.nansum(values[:, base], axis=1) / np.nansum(n[:, base], axis=1)
            spread = centre[:, None] * (1.0 - centre[:, None]) if chart == "p" else centre[:, None]
            sigma = np.sqrt(spread / n)
        lcl = clamp(centre[:, None] - SIGMA_LIMIT * sigma)
        ucl = centre[:, None] + SIGMA_LIMIT * sigma
        if chart == "p":
            ucl = clamp(ucl, lowest=None, highest=1.0)
    n_useful, crossings, longest = _runs(y, centre)
    longest_table, crossings_table = _limit_tables(points)
    longest_max, crossings_min = longest_table[n_useful], crossings_table[n_useful]
    runs_signal = (n_useful > 0) & ((longest > longest_max) | (crossings < crossings_min))
    if multiply != 1.0:
        y, lcl, ucl, centre = y * multiply, lcl * multiply, ucl * multiply, centre * multiply
    sigma_signal = (y > ucl) | (y < lcl)
    return BatchResult(
        chart=chart, y=y, centre_line=centre, lcl=lcl, ucl=ucl, n_useful=n_useful, longest_run=longest,
        longest_run_max=longest_max, n_crossings=crossings, n_crossings_min=crossings_min,
        runs_signal=runs_signal, sigma_signal=sigma_signal,
    )
