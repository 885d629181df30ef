"""Benchmark of the SPC engine: a whole overview in one batch, and one chart at a time.

Prints medians of several runs:
  run_chart_batch_s   10,000 series × 104 points, run chart with the Anhøj rules
  p_chart_batch_s     10,000 series × 104 points, P chart with 3-sigma limits
  single_chart_ms     one 104-point P chart through analyze(), the app's path
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import median_seconds  # noqa: E402
from indicators import (
    analyze,  # noqa: E402
    analyze_batch,  # noqa: E402
)

SERIES = 10_000
POINTS = 104
REPEATS = 7


def main() -> None:
    generator = np.random.default_rng(2026)
    measurements = generator.normal(50.0, 5.0, size=(SERIES, POINTS)).round(1)
    denominators = generator.integers(20, 60, size=(SERIES, POINTS)).astype(float)
    numerators = generator.binomial(denominators.astype(int), 0.85).astype(float)

    run_seconds = median_seconds(lambda: analyze_batch(measurements, chart="run"), REPEATS)
    p_seconds = median_seconds(lambda: analyze_batch(numerators, denominators, chart="p"), REPEATS)

    one = pd.DataFrame({
        "x": pd.date_range("2024-01-01", periods=POINTS, freq="W-MON"),
        "y": numerators[0],
        "n": denominators[0],
    })
    single_seconds = median_seconds(lambda: analyze(one, chart="p", improvement="up"), repeats=101)

    print(f"run_chart_batch_s: {run_seconds:.4f}")
    print(f"p_chart_batch_s: {p_seconds:.4f}")
    print(f"single_chart_ms: {single_seconds * 1000:.3f}")


if __name__ == "__main__":
    main()
