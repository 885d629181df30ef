""""Sådan læser du diagrammet": how to read this chart, with this chart's own figures.

The sentences live in the string catalogues (keys help.*); the figures come
from the chart model's latest phase summary and its points, exactly as the
engine computed them. Whether a rule fired is read from the summary's
rules_fired, never worked out again here.
"""

from __future__ import annotations

import numpy as np

from app.language import translate
from indicators import (
    IHI_RUNS_MIN_USEFUL,
    IHI_SHIFT_LENGTH,
    IHI_TREND_LENGTH,
    NHS_RUN_LENGTH,
    NHS_TREND_LENGTH,
    SIGMA_LIMIT,
    ChartModel,
    PhaseSummary,
)
from reports import ValueStyle, chart_geometry, format_number, format_period

# The periods reports.wording.formats.format_period names ("uge 47, 2026"); other dated charts, such
# as days between events, are named by the day.
NAMED_PERIODS = ("day", "week", "month", "year")
# The rules of each rule set that are about runs (one side of the centre line), as the
# engine names them in PhaseSummary.rules_fired.
RUN_RULES = {"anhoej": "long_run", "ihi": "shift", "nhs": "run_of_seven"}


def chart_help(model: ChartModel, *, language: str = "da", facet: object = None) -> str:
    """Return the explanation of a chart as Markdown paragraphs, using its latest phase.

    facet picks one panel of a faceted model (the first when None).
    """
    phases = [p for p in model.phases if facet is None or p.facet == facet]
    if not phases:
        return translate("help.empty", language)
    facet = phases[0].facet
    phases = [p for p in phases if p.facet == facet]
    latest = phases[-1]
    geometry = chart_geometry(model, language=language)
    values = geometry.values

    def say(key: str, **figures: object) -> str:
        return translate(f"help.{key}", language, **figures)

    def number(value: float | None) -> str:
        return format_number(value, language=language)

    paragraphs = [say("intro")]
    if len(phases) > 1:
        paragraphs.append(say("phases", phases=len(phases), start=latest.start, end=latest.end))
    if _frozen(model, facet):
        paragraphs.append(say("frozen"))
    centre = values.value(latest.centre_line, language)
    paragraphs.append(say(f"centre.{model.centre_label}", centre=centre))
    paragraphs.append(say(f"rules.{model.rules}", shift=IHI_SHIFT_LENGTH, trend=IHI_TREND_LENGTH,
                          nhs_run=NHS_RUN_LENGTH, nhs_trend=NHS_TREND_LENGTH))
    if latest.longest_run is None:
        paragraphs.append(say("no_useful"))
    else:
        paragraphs.append(_runs_paragraph(model.rules, latest, say, number))
        crossings = _crossings_paragraph(model.rules, latest, say, number)
        if crossings:
            paragraphs.append(crossings)
    has_limits = latest.average_ucl is not None or latest.average_lcl is not None
    if has_limits:
        paragraphs.append(_limits_paragraph(latest, values, language, say))
    paragraphs.append(_single_point_paragraph(model, latest, facet, geometry.period_unit,
                                              values, language, say, has_limits))
    if model.points["censored"].fillna(False).astype(bool).any():
        paragraphs.append(say("censored"))
    if latest.verdict is not None:
        paragraphs.append(say("verdict", verdict=latest.verdict.text(language)))
    return "\n\n".join(paragraphs)


def _frozen(model: ChartModel, facet: object) -> bool:
    """Tell whether the panel's centre line is frozen on a baseline (some points lie after it)."""
    points = model.points
    mine = points if facet is None else points[points["facet"] == facet]
    return not mine["baseline"].astype(bool).all()


def _runs_paragraph(rules: str, phase: PhaseSummary, say, number) -> str:
    """Explain runs with the phase's longest run and the rule set's limit for it."""
    fired = RUN_RULES[rules] in phase.rules_fired
    conclusion = say("runs.signal" if fired else "runs.no_signal")
    if rules == "anhoej":
        limit = say("runs.limit.anhoej", useful=number(phase.n_useful),
                    limit=number(phase.longest_run_max))
    else:
        limit = say("runs.limit.fixed", limit=IHI_SHIFT_LENGTH if rules == "ihi" else NHS_RUN_LENGTH)
    points = say("word.point" if phase.longest_run == 1 else "word.points")
    return say("runs", longest=number(phase.longest_run), points=points, limit=limit,
               conclusion=conclusion)


def _crossings_paragraph(rules: str, phase: PhaseSummary, say, number) -> str | None:
    """Explain crossings (Anhøj) or the number of runs (IHI); Making Data Count uses neither."""
    if rules == "anhoej" and phase.n_crossings is not None:
        fired = "crossings" in phase.rules_fired
        times = say("word.time" if phase.n_crossings == 1 else "word.times")
        return say("crossings", crossings=number(phase.n_crossings), times=times,
                   useful=number(phase.n_useful), minimum=number(phase.n_crossings_min),
                   conclusion=say("crossings.signal" if fired else "crossings.no_signal"))
    if rules == "ihi" and phase.n_runs is not None:
        if phase.runs_min is None or phase.runs_max is None:
            return say("ihi_runs.short", runs=number(phase.n_runs), useful=number(phase.n_useful),
                       minimum=IHI_RUNS_MIN_USEFUL)
        fired = {"too_few_runs", "too_many_runs"} & set(phase.rules_fired)
        return say("ihi_runs", runs=number(phase.n_runs), useful=number(phase.n_useful),
                   low=number(phase.runs_min), high=number(phase.runs_max),
                   conclusion=say("ihi_runs.signal" if fired else "ihi_runs.no_signal"))
    return None


def _limits_paragraph(phase: PhaseSummary, values: ValueStyle, language: str, say) -> str:
    """Explain the control limits with the phase's average limits and points outside them."""
    outside = phase.sigma_signal_count
    key = "limits.none_outside" if outside == 0 else "limits.one_outside" if outside == 1 \
        else "limits.some_outside"
    return say("limits", sigma=format_number(SIGMA_LIMIT, language=language),
               lower=values.value(phase.average_lcl, language),
               upper=values.value(phase.average_ucl, language),
               outside=say(key, count=outside))


def _single_point_paragraph(model: ChartModel, phase: PhaseSummary, facet: object,
                            period_unit: str | None, values: ValueStyle, language: str, say,
                            has_limits: bool) -> str:
    """Explain why one high point is usually no signal, with the phase's highest point."""
    points = model.points
    mine = points[(points["part"] == phase.part)
                  & ((points["facet"] == facet) if facet is not None else True)]
    y = mine["y"].to_numpy(dtype=float)
    if not np.isfinite(y).any():
        return say("single.general")
    row = mine.iloc[int(np.nanargmax(y))]
    # Days-between charts are dated by event, not by a regular period: name the day.
    unit = period_unit if period_unit in NAMED_PERIODS else "day" if period_unit else ""
    figures = {"value": values.value(float(row["y"]), language),
               "period": format_period(row["x"], unit=unit, language=language)}
    if not has_limits:
        return say("single.run_chart", **figures)
    if bool(row["sigma_signal"]):
        return say("single.outside", **figures)
    return say("single.inside", **figures)
