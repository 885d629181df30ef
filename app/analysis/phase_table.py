"""The figures of each phase of a chart as a small table, in the visitor's language."""

from __future__ import annotations

import pandas as pd

from app.language import translate
from indicators import ChartModel
from reports import MISSING, chart_geometry, format_number, palette


def figure_with_limit(figure: int | None, limit: int | None, *, language: str) -> str:
    """Return "9 (8)": a figure and its limit, or – when the phase has no useful points."""
    if figure is None:
        return MISSING
    shown = format_number(figure, language=language)
    return shown if limit is None else f"{shown} ({format_number(limit, language=language)})"


def phase_table(model: ChartModel, *, language: str = "da") -> pd.DataFrame:
    """Return one row per phase (and unit, when faceted) with its rule figures and verdict."""
    values = chart_geometry(model, language=language).values
    has_limits = any(p.average_ucl is not None or p.average_lcl is not None for p in model.phases)
    faceted = any(p.facet is not None for p in model.phases)

    def heading(key: str) -> str:
        return translate(f"phases.{key}", language)

    rows = []
    for phase in model.phases:
        row = {}
        if faceted:
            row[heading("unit")] = str(phase.facet)
        row[heading("phase")] = format_number(phase.part, language=language)
        row[heading("points")] = translate("phases.span", language, start=phase.start,
                                           end=phase.end, useful=phase.n_useful)
        row[heading(f"centre.{model.centre_label}")] = values.value(phase.centre_line, language)
        row[heading("longest_run")] = figure_with_limit(phase.longest_run, phase.longest_run_max,
                                                        language=language)
        row[heading("crossings")] = figure_with_limit(phase.n_crossings, phase.n_crossings_min,
                                                      language=language)
        if has_limits:
            row[heading("outside")] = format_number(phase.sigma_signal_count, language=language)
        verdict = phase.verdict
        if verdict is not None:
            mark = palette.VERDICT_MARKS[verdict.kind]
            row[heading("verdict")] = f"{mark.glyph} {verdict.text(language)}"
        rows.append(row)
    return pd.DataFrame(rows)
