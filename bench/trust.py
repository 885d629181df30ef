"""Benchmark of trust: how often the board's verdict is right on the data ISH teams really have.

Simulates at least 200 series per scenario with fixed seeds and charts each through
the board's own path, the public `indicator_chart()` with the catalogue's defaults,
then counts verdicts (issue 13). These are rates, not timings.

Prints:
  false_signal_rate_reference        p = 0.5, n = 40, 56 weeks, the bundle measure's default chart
  false_signal_rate_ceiling_max      worst of p in {0.95, 0.97, 0.99} x n in {10, 20, 40} (goal: <= reference + 0.05)
  false_signal_rate_sampling_switch  30 weeks n = 40, then 26 weeks n = 10, p = 0.97 (goal: <= reference + 0.05)
  false_signal_rate_sampling_switch_run  the same on a run chart (the issue's 59 %)
  detection_rate_drop                97 % -> 85 % at week 36, n = 40, "forværring" at week 56 (goal: >= 0.9)
  readiness_false_at_risk_rate       sampling unit at 97 %, 10 checks a month, 6 months (goal: <= 0.10)
  readiness_false_ready_rate         true 90 %, 40 a month, 6 months (goal: <= 0.05)
  open_interval_detection_19_gaps    20 ulcers ~20 days apart, then 400 days without (goal: 1.0)
  open_interval_detection_8_gaps     the same with 8 closed gaps (goal: 1.0)
  open_interval_false_signal_rate    the same ulcers, today one more ordinary gap after the last (low is right)
  reduction_goal_one_lucky_month     falls -50 %: level unchanged, one month at half (goal: 0.0 "met")
  reduction_goal_sustained_reduction falls down 60 % for 12 months, last month high (goal: near 1.0 "met")
  reduction_goal_sustained_halving   falls down exactly 50 % for 12 months, last month high (the level is
                                     the target: "met" about half the time is the honest answer)
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

# bench/db.py would shadow the db package: the repository root goes first.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from indicators import (  # noqa: E402
    CATALOGUE,
    ProcessEvidence,
    Readiness,
    chart_goal_status,
    indicator_chart,
    month_figures,
)

# Before issue 13 the board knew nothing of the switch (it was only a note).
SWITCH_IS_PHASE = "sampling_starts" in inspect.signature(indicator_chart).parameters
SERIES = 200  # per scenario
WEEKS = 56
FIRST_MONDAY = date(2025, 1, 6)
SIGNALS = ("improvement", "deterioration", "neutral")
BY_CODE = {indicator.code: indicator for indicator in CATALOGUE}
BUNDLE = BY_CODE["tryksaar_bundt"]
FALLS = BY_CODE["fald_pr_1000_sengedage"]
ULCER_DAYS = BY_CODE["tryksaar_dage_mellem"]


def _weekly(numerators: np.ndarray, denominators: np.ndarray) -> pd.DataFrame:
    """One entry a week, on its Monday."""
    days = [FIRST_MONDAY + timedelta(weeks=week) for week in range(len(numerators))]
    return pd.DataFrame({"date": days, "numerator": numerators.astype(float),
                         "denominator": denominators.astype(float), "value": np.nan})


def _bundle_verdict(numerators: np.ndarray, denominators: np.ndarray, **keywords: object) -> str:
    series = _weekly(numerators, denominators)
    today = series["date"].iloc[-1] + timedelta(days=7)
    return indicator_chart(series, BUNDLE, today=today, **keywords).verdict.kind  # type: ignore[arg-type]


def _rate(seed: int, one: Callable[[np.random.Generator], bool]) -> float:
    generator = np.random.default_rng(seed)
    return sum(one(generator) for _ in range(SERIES)) / SERIES


def false_signal_rate(share: float, size: int, seed: int) -> float:
    """Share of charts of a process that never changes which show a signal anyway."""
    def one(generator: np.random.Generator) -> bool:
        sizes = np.full(WEEKS, size)
        return _bundle_verdict(generator.binomial(sizes, share), sizes) in SIGNALS
    return _rate(seed, one)


def sampling_switch_rate(seed: int, *, chart: str | None = None) -> float:
    """False signals when a steady 97 % unit switches from 40 a week to samples of 10."""
    switch = FIRST_MONDAY + timedelta(weeks=30)

    def one(generator: np.random.Generator) -> bool:
        sizes = np.r_[np.full(30, 40), np.full(WEEKS - 30, 10)]
        keywords: dict[str, object] = {"sampling_starts": (switch,)} if SWITCH_IS_PHASE else {}
        if chart:
            keywords["chart"] = chart
        return _bundle_verdict(generator.binomial(sizes, 0.97), sizes, **keywords) in SIGNALS
    return _rate(seed, one)


def detection_rate(seed: int) -> float:
    """Charts that call a real drop from 97 % to 85 % at week 36 "forværring" at week 56."""
    def one(generator: np.random.Generator) -> bool:
        sizes = np.full(WEEKS, 40)
        shares = np.r_[np.full(35, 0.97), np.full(WEEKS - 35, 0.85)]
        return _bundle_verdict(generator.binomial(sizes, shares), sizes) == "deterioration"
    return _rate(seed, one)


def _evidence(numerators: np.ndarray, denominators: np.ndarray) -> ProcessEvidence:
    """Six complete months of one process indicator, charted month by month."""
    months = pd.date_range("2025-01-01", periods=6, freq="MS")
    series = pd.DataFrame({"date": [day.date() for day in months], "numerator": numerators.astype(float),
                           "denominator": denominators.astype(float), "value": np.nan})
    verdict = indicator_chart(series, BUNDLE, today=date(2025, 7, 1), period="month").verdict.kind
    return ProcessEvidence(BUNDLE.code, month_figures(months, numerators.astype(float),
                                                      denominators.astype(float)), verdict)


def readiness_rate(share: float, size: int, seed: int, *, sampling: bool) -> float:
    """Sampling units sent back (sampling=True) or full-registration units called ready."""
    def one(generator: np.random.Generator) -> bool:
        sizes = np.full(6, size)
        readiness = Readiness("unit", BUNDLE.package, (_evidence(generator.binomial(sizes, share), sizes),), (),
                              sampling_since=date(2024, 12, 1) if sampling else None)
        return readiness.sampling_at_risk if sampling else readiness.ready_for_sampling
    return _rate(seed, one)


def open_interval_rate(gaps: int, seed: int, *, quiet_days: int | None = 400) -> float:
    """Days-between charts that signal `quiet_days` after the last of ulcers some 20 days apart.

    quiet_days None draws the open interval as one more ordinary gap (a process that never changed).
    """
    def one(generator: np.random.Generator) -> bool:
        steps = np.maximum(1, np.round(generator.exponential(20.0, gaps))).astype(int)
        days = np.r_[0, np.cumsum(steps)]
        events = [date(2024, 1, 1) + timedelta(days=int(day)) for day in days]
        series = pd.DataFrame({"date": events})
        quiet = quiet_days if quiet_days is not None else max(1, round(generator.exponential(20.0)))
        today = events[-1] + timedelta(days=quiet)
        return indicator_chart(series, ULCER_DAYS, today=today).verdict.kind in SIGNALS
    return _rate(seed, one)


def reduction_met_rate(seed: int, *, sustained: bool, kept: float = 0.5) -> float:
    """Falls per 1000 bed-days against "-50 %": met after one lucky month, or after a real reduction.

    kept is the share of the baseline level the sustained reduction keeps (0.5: halved).
    """
    def one(generator: np.random.Generator) -> bool:
        bed_days = np.full(25, 3000.0)
        levels = np.full(25, 8.15 / 1000)
        if sustained:
            levels[12:24] = 8.15 * kept / 1000
        else:
            levels[24] = 8.15 / 2000
        counts = generator.poisson(levels * bed_days).astype(float)
        if sustained:
            counts[24] = round(8.15 * 3)  # one high last month after a year at half
        else:
            counts[24] = round(8.15 * 3 / 2)  # one lucky month
        months = pd.date_range("2024-01-01", periods=25, freq="MS")
        series = pd.DataFrame({"date": [day.date() for day in months], "numerator": counts,
                               "denominator": bed_days, "value": np.nan})
        today = date(2026, 2, 1)
        model = indicator_chart(series, FALLS, today=today)
        return bool(chart_goal_status(model, FALLS.goal, today=today).met)  # type: ignore[arg-type]
    return _rate(seed, one)


def main() -> None:
    """Print every figure as name: value."""
    reference = false_signal_rate(0.5, 40, seed=1)
    ceiling = {(share, size): false_signal_rate(share, size, seed=10 + index)
               for index, (share, size) in enumerate((share, size) for share in (0.95, 0.97, 0.99)
                                                      for size in (10, 20, 40))}
    print(f"false_signal_rate_reference: {reference:.3f}")
    for (share, size), rate in ceiling.items():
        print(f"false_signal_rate_p{share:g}_n{size}: {rate:.3f}")
    print(f"false_signal_rate_ceiling_max: {max(ceiling.values()):.3f}")
    print(f"false_signal_rate_sampling_switch: {sampling_switch_rate(seed=2):.3f}")
    print(f"false_signal_rate_sampling_switch_run: {sampling_switch_rate(seed=13, chart='run'):.3f}")
    print(f"detection_rate_drop: {detection_rate(seed=3):.3f}")
    print(f"readiness_false_at_risk_rate: {readiness_rate(0.97, 10, seed=4, sampling=True):.3f}")
    print(f"readiness_false_at_risk_rate_n40: {readiness_rate(0.97, 40, seed=5, sampling=True):.3f}")
    print(f"readiness_false_ready_rate: {readiness_rate(0.90, 40, seed=6, sampling=False):.3f}")
    print(f"open_interval_detection_19_gaps: {open_interval_rate(19, seed=7):.3f}")
    print(f"open_interval_detection_8_gaps: {open_interval_rate(8, seed=8):.3f}")
    print(f"open_interval_false_signal_rate: {open_interval_rate(19, seed=12, quiet_days=None):.3f}")
    print(f"reduction_goal_one_lucky_month: {reduction_met_rate(seed=9, sustained=False):.3f}")
    print(f"reduction_goal_sustained_reduction: {reduction_met_rate(seed=11, sustained=True, kept=0.4):.3f}")
    print(f"reduction_goal_sustained_halving: {reduction_met_rate(seed=10, sustained=True):.3f}")


if __name__ == "__main__":
    main()
