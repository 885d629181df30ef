"""Hand-built chart models, shaped like the engine's output, for testing the renderers.

Each example is a chart a team would really see; the figures are computed here
with the textbook formulas so centre lines, limits and signals agree with the
points (median and runs for run charts, p-bar ± 3 sigma for P charts,
Montgomery's G chart for days between events).
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import numpy as np
import pandas as pd

from indicators import POINT_COLUMNS, Annotation, ChartModel, PhaseSummary, Verdict

# Three standard deviations for control limits, two for warning limits (Montgomery).
SIGMA_LIMIT = 3.0
SIGMA_WARNING = 2.0


def points_frame(rows: list[dict]) -> pd.DataFrame:
    """Return a points frame with every POINT_COLUMNS column, defaults filled in."""
    defaults = {
        "facet": None, "numerator": math.nan, "n": math.nan, "cl": math.nan, "lcl": math.nan,
        "ucl": math.nan, "lcl_95": math.nan, "ucl_95": math.nan, "target": math.nan, "part": 1,
        "baseline": True, "include": True, "notes": None, "runs_signal": False,
        "sigma_signal": False, "in_longest_run": False, "signal": False, "signal_kind": None,
        "censored": False, "position": 0, "n_obs": None, "n_useful": None, "longest_run": None,
        "longest_run_max": None, "n_crossings": None, "n_crossings_min": None, "signal_rules": (),
    }
    frame = pd.DataFrame([{**defaults, **row} for row in rows])
    for column in ("baseline", "include", "runs_signal", "sigma_signal", "in_longest_run",
                   "signal", "censored"):
        frame[column] = frame[column].astype(bool)
    frame["position"] = frame.groupby(frame["facet"].astype(str)).cumcount() + 1
    return frame[list(POINT_COLUMNS)]


def with_phase_figures(frame: pd.DataFrame, phases: tuple[PhaseSummary, ...]) -> pd.DataFrame:
    """Return the frame with each phase's runs figures on its points, as the engine puts them."""
    frame = frame.copy()
    for summary in phases:
        rows = (frame["part"] == summary.part) & (
            frame["facet"].isna() if summary.facet is None else frame["facet"] == summary.facet)
        for column in ("n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
                       "n_crossings_min"):
            frame.loc[rows, column] = getattr(summary, column)
    return frame


def mark_longest_run(values: list[float], centre: float) -> tuple[list[bool], int]:
    """Return which points form the longest run on one side of the centre, and its length."""
    best: list[int] = []
    current: list[int] = []
    side = 0
    for i, value in enumerate(values):
        if math.isnan(value) or value == centre:
            continue  # a point on the median neither breaks nor extends a run
        this_side = 1 if value > centre else -1
        current = current + [i] if this_side == side else [i]
        side = this_side
        if len(current) > len(best):
            best = current
    return [i in best for i in range(len(values))], len(best)


def weekly(start: date, count: int) -> list[pd.Timestamp]:
    """Return count Mondays from start."""
    return list(pd.date_range(pd.Timestamp(start), periods=count, freq="7D"))


def monthly(start: date, count: int) -> list[pd.Timestamp]:
    """Return the first day of count months from start."""
    return list(pd.date_range(pd.Timestamp(start), periods=count, freq="MS"))


def phase(facet, part, points, longest, crossings, runs_signal, centre, sigma_count=0):
    """Return a PhaseSummary with Anhøj's limits for the number of useful points."""
    useful = len(points)
    longest_max = round(math.log2(useful) + 3) if useful else 0
    crossings_min = int(max(0, np.floor(useful / 2 - 1 - 1.96 * math.sqrt(useful) / 2)))
    return PhaseSummary(facet, part, len(points), useful, longest, longest_max, crossings,
                        crossings_min, runs_signal, sigma_count, centre)


def model(chart: str, rows: list[dict], phases: tuple[PhaseSummary, ...], verdict: Verdict,
          centre_label: str, **options) -> ChartModel:
    """Return a ChartModel whose points carry their phase's figures and signal rule names."""
    frame = with_phase_figures(points_frame(rows), phases)
    frame["signal_rules"] = [
        tuple(name for name, fired in (("long_run", run and signal), ("sigma", sigma)) if fired)
        for run, signal, sigma in zip(frame["in_longest_run"], frame["signal"], frame["sigma_signal"],
                                      strict=True)
    ]
    return ChartModel(chart, "anhoej", frame, phases, verdict, centre_label, **options)


# Weekly share of red-triaged citizens who did NOT get an action plan within the shift:
# lower is better; the last nine weeks lie below the median after a change in week 16.
UNPLANNED_RED = [9, 7, 8, 10, 6, 9, 8, 7, 9, 10, 6, 8, 7, 9, 8, 3, 2, 3, 1, 2, 3, 2, 1, 2]
RED_TRIAGED = [30, 28, 31, 33, 27, 30, 29, 28, 32, 31, 26, 30, 29, 31, 30, 29, 28, 30,
               27, 31, 30, 29, 28, 30]


def run_chart_triage(facet: object = None, shift: int = 0) -> ChartModel:
    """A run chart of weekly shares with a run of nine below the median: improvement."""
    unplanned = [u + shift for u in UNPLANNED_RED]
    shares = [u / n for u, n in zip(unplanned, RED_TRIAGED, strict=True)]
    median = float(np.median(shares))
    in_run, longest = mark_longest_run(shares, median)
    crossings = sum(1 for a, b in zip(shares, shares[1:], strict=False) if (a - median) * (b - median) < 0)
    runs_signal = longest > round(math.log2(len(shares)) + 3)
    rows = [
        {"x": x, "facet": facet, "y": y, "numerator": u, "n": n, "cl": median,
         "runs_signal": runs_signal, "in_longest_run": run, "signal": run and runs_signal,
         "signal_kind": "improvement" if run and runs_signal else None}
        for x, y, u, n, run in zip(weekly(date(2026, 1, 5), 24), shares, unplanned,
                                   RED_TRIAGED, in_run, strict=True)
    ]
    verdict = Verdict(
        "improvement",
        f"{longest} punkter i træk under medianen: et tegn på forbedring.",
        f"{longest} points in a row below the median: a sign of improvement.",
        rule="longest_run", figure=longest, limit=round(math.log2(24) + 3),
    )
    return model("run", rows, (phase(facet, 1, shares, longest, crossings, runs_signal, median),),
                 verdict, "median", improvement="down")


def p_limits(p_bar: float, n: float, sigmas: float) -> tuple[float, float]:
    """Return the P chart limits for a subgroup of n (Montgomery 7.2), kept within 0 and 1."""
    spread = sigmas * math.sqrt(p_bar * (1 - p_bar) / n)
    return max(0.0, p_bar - spread), min(1.0, p_bar + spread)


# Monthly citizens triaged daily out of citizens in the service, before and after
# a new morning routine in January 2026 (part 2). In the 9th month of part 2 (September
# 2026, staff on holiday) the share falls below the lower limit.
TRIAGED = [38, 41, 35, 44, 40, 37, 46, 39, 42, 36, 43, 40, 55, 58, 52, 61, 57, 54, 59, 56, 44, 58, 55, 60]
CITIZENS = [52, 55, 49, 60, 54, 50, 63, 53, 57, 48, 59, 55, 62, 66, 60, 69, 65, 61, 67, 64, 70, 66, 63, 68]


def p_chart_two_phases() -> ChartModel:
    """A P chart with limits that vary with n, two phases, a long run and a point below the limit."""
    rows, phases = [], []
    months = monthly(date(2025, 1, 1), 24)
    for part, span in ((1, range(0, 12)), (2, range(12, 24))):
        shares = [TRIAGED[i] / CITIZENS[i] for i in span]
        p_bar = sum(TRIAGED[i] for i in span) / sum(CITIZENS[i] for i in span)
        in_run, longest = mark_longest_run(shares, p_bar)
        runs_signal = longest > round(math.log2(len(shares)) + 3)
        sigma_count = 0
        for i, share in zip(span, shares, strict=True):
            lcl, ucl = p_limits(p_bar, CITIZENS[i], SIGMA_LIMIT)
            lcl_95, ucl_95 = p_limits(p_bar, CITIZENS[i], SIGMA_WARNING)
            outside = share > ucl or share < lcl
            in_long_run = runs_signal and in_run[i - span.start]
            sigma_count += outside
            # Improvement is up: above the centre (or the upper limit) is better.
            kind = ("improvement" if share > p_bar else "deterioration") if outside or in_long_run else None
            rows.append({"x": months[i], "y": share, "numerator": TRIAGED[i], "n": CITIZENS[i],
                         "cl": p_bar, "lcl": lcl, "ucl": ucl, "lcl_95": lcl_95, "ucl_95": ucl_95,
                         "part": part, "sigma_signal": outside, "signal": kind is not None,
                         "signal_kind": kind, "runs_signal": runs_signal,
                         "in_longest_run": in_run[i - span.start], "target": 0.95})
        phases.append(phase(None, part, shares, longest, 5, runs_signal, p_bar, sigma_count))
    verdict = Verdict("deterioration", "Et punkt under den nedre kontrolgrænse: et tegn på forværring.",
                      "A point below the lower control limit: a sign of deterioration.", rule="sigma",
                      figure=1)
    return model("p", rows, tuple(phases), verdict, "mean", improvement="up", target=0.95,
                 annotations=(Annotation(date(2026, 1, 1), "Ny morgenrutine for triage"),
                              Annotation(date(2026, 9, 1), "Sommerferie: mange vikarer")))


# Dates of new pressure ulcers in a nursing home; the report is made on 1 December 2026.
ULCER_DATES = [date(2025, 1, 9), date(2025, 2, 20), date(2025, 3, 3), date(2025, 4, 28),
               date(2025, 5, 14), date(2025, 7, 30), date(2025, 9, 2), date(2025, 10, 1),
               date(2026, 1, 19), date(2026, 5, 4), date(2026, 8, 21)]
REPORT_DAY = date(2026, 12, 1)


def g_chart_days_between(target: float = 300.0) -> ChartModel:
    """A days-between chart (G) whose last point is the open interval up to the report day."""
    days = [(b - a).days for a, b in zip(ULCER_DATES, ULCER_DATES[1:], strict=False)]
    open_days = (REPORT_DAY - ULCER_DATES[-1]).days
    mean = float(np.mean(days))
    # G chart limits, Montgomery 7.4 / Benneyan 2001: mean ± 3 sqrt(mean (mean + 1)), not below 0.
    spread = SIGMA_LIMIT * math.sqrt(mean * (mean + 1))
    rows = [{"x": pd.Timestamp(d), "y": float(v), "cl": mean, "lcl": max(0.0, mean - spread),
             "ucl": mean + spread, "target": target}
            for d, v in zip(ULCER_DATES[1:], days, strict=True)]
    rows.append({"x": pd.Timestamp(REPORT_DAY), "y": float(open_days), "cl": mean,
                 "lcl": max(0.0, mean - spread), "ucl": mean + spread, "target": target,
                 "censored": True, "include": True})
    verdict = Verdict("no_signal", "Ingen tegn på ikke-tilfældig variation.",
                      "No sign of non-random variation.")
    return model("g", rows, (phase(None, 1, days, 3, 4, False, mean),), verdict, "mean",
                 improvement="up", target=target)


def days_between_with_close_changes() -> ChartModel:
    """The days-between chart with two changes four months apart, as the demo board showed them."""
    return dataclasses.replace(g_chart_days_between(), annotations=(
        Annotation(date(2025, 5, 5), "Ny teamleder og ny vagtplan"),
        Annotation(date(2025, 9, 15), "PDSA: ny lejringsplan for risikoborgere")))


FALLS = [14, 12, 15, 13, 16, 12, 14, 11, 13, 15, 12, 9, 10, 8, 9, 7, 8, 6, 7]


def annotated_run_chart() -> ChartModel:
    """A run chart of falls per month with a target, notes on points and PDSA changes."""
    months = monthly(date(2025, 6, 1), len(FALLS))
    median = float(np.median(FALLS))
    in_run, longest = mark_longest_run(FALLS, median)
    runs_signal = longest > round(math.log2(len(FALLS)) + 3)
    notes = {3: "Ny medarbejder på nattevagt", 11: "Fald registreret af vikar; tjekket", 15: "Influenza i huset"}
    rows = [{"x": x, "y": float(v), "numerator": float(v), "cl": median, "target": 7.0,
             "notes": notes.get(i), "in_longest_run": run, "runs_signal": runs_signal,
             "signal": run and runs_signal,
             "signal_kind": "improvement" if run and runs_signal else None}
            for i, (x, v, run) in enumerate(zip(months, FALLS, in_run, strict=True))]
    verdict = Verdict("improvement", f"{longest} punkter i træk under medianen: et tegn på forbedring.",
                      f"{longest} points in a row below the median: a sign of improvement.",
                      rule="longest_run", figure=longest, limit=round(math.log2(len(FALLS)) + 3))
    annotations = (
        Annotation(date(2026, 1, 1), "PDSA 1: faldrisikovurdering ved indflytning"),
        Annotation(date(2026, 2, 1), "PDSA 2: lys på badeværelset om natten"),
        Annotation(date(2026, 6, 1), "PDSA 3: træning to gange om ugen"),
    )
    return model("run", rows, (phase(None, 1, FALLS, longest, 4, runs_signal, median),), verdict,
                 "median", improvement="down", target=7.0, annotations=annotations)


UNITS = ("Hjemmeplejen Nord", "Hjemmeplejen Syd", "Plejecenter Solgården")


def faceted_run_chart() -> ChartModel:
    """Three units' run charts of the same indicator, one facet each, for small multiples."""
    units = [run_chart_triage(facet=unit, shift=i) for i, unit in enumerate(UNITS)]
    frame = pd.concat([m.points for m in units], ignore_index=True)
    phases = tuple(p for m in units for p in m.phases)
    return ChartModel("run", "anhoej", frame, phases, units[0].verdict, "median", improvement="down")


def chart_with_missing_values() -> ChartModel:
    """A weekly run chart where two weeks have no registration (y is NaN)."""
    complete = run_chart_triage()
    frame = complete.points.copy()
    for i in (5, 6):
        frame.loc[i, ["y", "numerator", "n"]] = math.nan
        frame.loc[i, ["in_longest_run", "signal"]] = False
        frame.loc[i, "signal_kind"] = None
        frame.at[i, "signal_rules"] = ()
    return ChartModel("run", "anhoej", frame, complete.phases, complete.verdict, "median",
                      improvement="down")


def all_examples() -> dict[str, ChartModel]:
    """Return every example by name, for tests that must hold for all of them."""
    return {
        "run_triage": run_chart_triage(),
        "p_two_phases": p_chart_two_phases(),
        "g_days_between": g_chart_days_between(),
        "close_changes": days_between_with_close_changes(),
        "annotated_run": annotated_run_chart(),
        "faceted_run": faceted_run_chart(),
        "missing_values": chart_with_missing_values(),
    }
