"""The overview matrix as one HTML table: units in rows by area, indicators in columns by package.

Every cell is a link to the cell's chart on the Diagrammer page
(`diagrammer?enhed=CODE&indikator=CODE`). It shows the verdict as a symbol in its
palette colour (colour never alone: each kind has its own symbol, and the
legend and the tooltip say it in words), the latest value, ✓ or ✗ for the goal
and, for events, the days since the last one. One table of plain HTML keeps 200
units × 12 indicators quick to send and to scroll, and real links work with the
keyboard, name their target to a screen reader and open in a new tab when asked
(app.overview.matrix_links turns a plain click into a page switch in the same session).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from html import escape

import numpy as np
import pandas as pd

from app.indicator_labels import indicator_label
from app.language import translate
from indicators import CHART_PERIOD, IndicatorDefinition, OverviewCell, at_least
from reports import MISSING, Overview, format_date, format_number, format_period, palette
from reports import value_text as plain_value_text

ANALYSIS_PATH = "diagrammer"  # the Diagrammer page's url path (app/navigation.py)
UNIT_PARAMETER = "enhed"
INDICATOR_PARAMETER = "indikator"
GOAL_MET, GOAL_MISSED = "✓", "✗"
# Decimals in a cell: whole per cents and counts, one decimal for rates and measurements.
CELL_DECIMALS = {"proportion": 0, "rate": 1, "count": 0, "measurement": 1, "events": 0}

# The same figures recur across units (95 %, the same weeks): format each once.
value_text = lru_cache(maxsize=16_384)(plain_value_text)
period_text = lru_cache(maxsize=4_096)(format_period)
date_text = lru_cache(maxsize=4_096)(format_date)
number_text = lru_cache(maxsize=4_096)(format_number)

# The matrix's own style sheet (no <style> tags: the component that shows it adds them).
MATRIX_CSS = f"""
.tavle-overview {{ overflow-x: auto; max-height: 75vh; overflow-y: auto;
  /* Scroll shadows: a grey edge where more columns lie beyond the frame, gone at the end. */
  background:
    linear-gradient(to right, #FFFFFF 30%, rgba(255, 255, 255, 0)) left / 3rem 100% no-repeat local,
    linear-gradient(to left, #FFFFFF 30%, rgba(255, 255, 255, 0)) right / 3rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.3), transparent) left / 1rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.3), transparent) right / 1rem 100% no-repeat scroll;
}}
.tavle-overview table {{ border-collapse: separate; border-spacing: 0; font-size: 0.8rem; }}
.tavle-overview th, .tavle-overview td {{ border-bottom: 1px solid #E0E0E0; padding: 2px 4px; }}
.tavle-overview thead th {{ position: sticky; top: 0; background: #FFFFFF; z-index: 2;
  vertical-align: bottom; font-weight: 600; }}
.tavle-overview thead tr.packages th {{ text-align: center; border-bottom: 2px solid #595959; }}
.tavle-overview thead tr.indicators th {{ top: 1.6rem; }}
.tavle-overview thead tr.indicators th span {{ writing-mode: vertical-rl; transform: rotate(180deg);
  display: inline-block; max-height: 11rem; white-space: normal; font-weight: normal;
  line-height: 1.1; }}
.tavle-overview tbody th {{ position: sticky; left: 0; background: #FFFFFF; text-align: left;
  font-weight: normal; min-width: 9rem; z-index: 1; }}
.tavle-overview tr.area th {{ background: #F2F2F2; font-weight: 600; padding-top: 6px; }}
.tavle-overview thead tr.indicators th:first-child {{ position: sticky; left: 0; z-index: 3; }}
/* An area's name stays in view while the row it heads scrolls sideways. */
.tavle-overview tr.area th span.area-name {{ position: sticky; left: 4px; display: inline-block; }}
.tavle-overview td {{ text-align: left; white-space: nowrap; min-width: 3.2rem; padding: 2px 3px; }}
.tavle-overview td a {{ color: #262626; text-decoration: none; display: block; }}
.tavle-overview td a:hover, .tavle-overview td a:focus {{ outline: 2px solid {palette.IMPROVEMENT.colour};
  background: #F5F8FC; }}
.tavle-overview .glyph {{ font-size: 1.05rem; margin-right: 2px; }}
.tavle-overview .goal-met {{ color: {palette.TARGET.colour}; font-weight: 700; }}
.tavle-overview .goal-missed {{ color: {palette.DETERIORATION.colour}; font-weight: 700; }}
.tavle-overview td.unused {{ background: #FAFAFA; color: #767676; }}
.tavle-overview-legend .item {{ margin-right: 1.2rem; white-space: nowrap; line-height: 1.8; }}
.tavle-overview-legend .glyph {{ margin-right: 3px; }}
.tavle-overview .too-few {{ color: #595959; }}
.tavle-overview-legend .too-few {{ color: #595959; }}
.tavle-overview-legend .goal-met {{ color: {palette.TARGET.colour}; font-weight: 700; }}
.tavle-overview-legend .goal-missed {{ color: {palette.DETERIORATION.colour}; font-weight: 700; }}
"""


def chart_link(unit_code: str, indicator_code: str, language: str) -> str:
    """The Diagrammer page's address for one unit and indicator (keeping the language)."""
    # Unit and indicator codes are lowercase letters, digits, - and _ (db checks them at
    # the door), which a URL carries as they are: no quoting of 2,400 links.
    address = f"{ANALYSIS_PATH}?{UNIT_PARAMETER}={unit_code}&{INDICATOR_PARAMETER}={indicator_code}"
    return address if language == "da" else f"{address}&lang={language}"


def short_value(cell: OverviewCell, definition: IndicatorDefinition, language: str) -> str:
    """The cell's number: 96 %, 4,2, or 123 d (days since the last event)."""
    if definition.measure == "events":
        # No event yet: the board's "N dage uden", counted from the measurement start.
        days = cell.days_since_event if cell.days_since_event is not None else cell.days_without_event
        return MISSING if days is None else f"{value_text(days, definition, language=language, with_unit=False)} d"
    decimals = CELL_DECIMALS[definition.measure]
    target = cell.goal.target if cell.goal is not None else None
    if (cell.latest is not None and target is not None and cell.latest != target
            and round(cell.latest, decimals) == round(target, decimals)):
        decimals += 1  # 94,7 % beside ✗ rather than a puzzling 95 % ✗
    return value_text(cell.latest, definition, language=language, with_unit=False,
                      decimals=decimals)


def goal_target_text(definition: IndicatorDefinition, target: float | None, language: str) -> str:
    """The goal as a threshold on the chart's scale: ≥ 95 %, ≥ 300 dage, ≤ 4,5."""
    if target is None or not np.isfinite(target):
        return MISSING
    sign = "≥" if definition.goal is None or at_least(definition.goal.kind) else "≤"
    return f"{sign} {value_text(target, definition, language=language, decimals=goal_decimals(definition))}"


def goal_decimals(definition: IndicatorDefinition) -> int | None:
    """Decimals of a goal's level: a count's baseline is a mean (0,7 errors a month)."""
    return 1 if definition.measure == "count" else None


def cell_description(cell: OverviewCell, definition: IndicatorDefinition, unit_name: str,
                     language: str) -> str:
    """The cell said in words: verdict and rule, latest value, goal and assurance."""
    mark = palette.VERDICT_MARKS[cell.verdict]
    verdict = mark.word(language)
    if cell.rule:
        verdict += f" ({translate('overview.rule.' + cell.rule, language)})"
    parts = [f"{unit_name} – {indicator_label(definition, 'name', language)}: {verdict}."]
    if definition.measure == "events":
        if cell.days_since_event is not None:
            parts.append(translate("overview.cell.days", language, days=cell.days_since_event) + ".")
        elif cell.days_without_event is not None:
            parts.append(translate("overview.cell.days_without", language,
                                   days=cell.days_without_event) + ".")
    elif cell.latest is not None:
        period = period_text(cell.latest_period, language=language,
                             unit=CHART_PERIOD[definition.period])
        parts.append(translate("overview.cell.latest", language, value=value_text(cell.latest, definition,
                                                                   language=language),
                          period=period) + ".")
    if cell.goal is not None:
        target = goal_target_text(definition, cell.goal.target, language)
        if cell.goal.met:
            sentence = translate("overview.goal.met", language, target=target,
                            day=date_text(cell.goal.met_since, language=language))
        elif cell.goal.met is None:
            sentence = translate("overview.goal.unknown", language, target=target)
        else:
            progress = number_text(round(100 * max(cell.goal.progress or 0.0, 0.0)),
                                   language=language, decimals=0)
            sentence = translate("overview.goal.missed", language, target=target, progress=f"{progress} %")
        if cell.goal.assurance:
            sentence += "; " + translate("overview.assurance." + cell.goal.assurance, language)
        parts.append(sentence + ".")
    return " ".join(parts)


def _cell_html(cell: OverviewCell | None, definition: IndicatorDefinition, unit_code: str,
               unit_name: str, language: str) -> str:
    if cell is None:
        return f'<td class="unused" title="{escape(translate("overview.matrix.not_used", language))}"></td>'
    mark = palette.VERDICT_MARKS[cell.verdict]
    goal = ""
    if cell.goal is not None and cell.goal.met is not None:
        goal = (f' <span class="goal-met">{GOAL_MET}</span>' if cell.goal.met
                else f' <span class="goal-missed">{GOAL_MISSED}</span>')
    description = escape(cell_description(cell, definition, unit_name, language), quote=True)
    link = escape(chart_link(unit_code, definition.code, language), quote=True)
    value = escape(short_value(cell, definition, language))
    if cell.verdict == "too_few":
        # Too few points to judge: the value in brackets, no symbol (a dash would read as minus).
        shown = f'<span class="too-few">({value})</span>'
    else:
        shown = f'<span class="glyph" style="color:{mark.colour}">{mark.glyph}</span>{value}'
    return (f'<td><a href="{link}" target="_self" title="{description}" '
            f'data-unit="{escape(unit_code)}" data-indicator="{escape(definition.code)}">'
            f'{shown}{goal}</a></td>')


def legend_html(language: str) -> str:
    """The legend: every verdict symbol with its word, and the goal marks."""
    items = [f'<span class="item"><span class="glyph" style="color:{mark.colour}">{mark.glyph}</span>'
             f'{escape(mark.word(language))}</span>'
             for kind, mark in palette.VERDICT_MARKS.items() if kind != "too_few"]
    items.append(f'<span class="item"><span class="too-few">(…)</span> '
                 f'{escape(palette.VERDICT_MARKS["too_few"].word(language))}</span>')
    items += [f'<span class="item"><span class="goal-met">{GOAL_MET}</span>'
              f'{escape(translate("overview.legend.goal_met", language)[1:])}</span>',
              f'<span class="item"><span class="goal-missed">{GOAL_MISSED}</span>'
              f'{escape(translate("overview.legend.goal_missed", language)[1:])}</span>',
              f'<span class="item">{escape(translate("overview.legend.days", language))}</span>']
    return f'<p class="tavle-overview-legend">{"".join(items)}</p>'


def matrix_html(overview: Overview, *, units: pd.DataFrame,
                indicators: Sequence[IndicatorDefinition], language: str) -> str:
    """The matrix of the chosen units (rows, grouped by area) and indicators (columns)."""
    matrix = overview.matrix
    names = overview.packages.set_index("code")["name_en" if language == "en" else "name_da"]
    groups = list(dict.fromkeys(definition.package for definition in indicators))
    package_row = "".join(
        f'<th scope="colgroup" colspan="{sum(d.package == package for d in indicators)}">'
        f"{escape(str(names.get(package, package)))}</th>" for package in groups)
    indicator_row = "".join(
        f'<th scope="col" title="{escape(indicator_label(d, "name", language))}">'
        f"<span>{escape(indicator_label(d, 'name', language))}</span></th>" for d in indicators)
    rows = []
    for area, members in units.groupby("area", sort=False):
        label = area or translate("overview.no_area", language)
        rows.append(f'<tr class="area"><th scope="rowgroup" colspan="{len(indicators) + 1}">'
                    f'<span class="area-name">{escape(label)}</span></th></tr>')
        for unit in members.itertuples():
            cells = "".join(_cell_html(matrix.cell(unit.id, d.code), d, unit.code, unit.name,
                                       language) for d in indicators)
            rows.append(f'<tr><th scope="row">{escape(unit.name)}</th>{cells}</tr>')
    caption = escape(translate("overview.matrix.caption", language))
    return (f'{legend_html(language)}<div class="tavle-overview">'
            f'<table><caption style="caption-side: bottom; text-align: left">{caption}</caption>'
            f'<thead><tr class="packages"><th></th>{package_row}</tr>'
            f'<tr class="indicators"><th scope="col">{escape(translate("overview.matrix.unit", language))}</th>'
            f"{indicator_row}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def linked_cells(overview: Overview, *, units: pd.DataFrame,
                 indicators: Sequence[IndicatorDefinition]) -> frozenset[tuple[str, str]]:
    """The (unit code, indicator code) of every cell the matrix links to a chart."""
    matrix = overview.matrix
    rows = {unit: row for row, unit in enumerate(matrix.units)}
    columns = {definition.code: column for column, definition in enumerate(matrix.indicators)}
    return frozenset((unit.code, definition.code) for unit in units.itertuples()
                     for definition in indicators
                     if matrix.assigned[rows[unit.id], columns[definition.code]])


def judged_on(day: date, language: str) -> str:
    """The day the overview was judged, as the caption prints it."""
    return format_date(day, language=language)
