"""What the analysis page charts: units, indicator, chart type and rule set, kept in the URL."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app.indicator_labels import indicator_label
from app.language import current_language, text
from app.resources import database
from app.unit_picker import UNIT_PARAMETER, care_units
from db import StoredIndicator, list_unit_indicators, read_session
from indicators import RULE_SETS, chart_choices

INDICATOR_PARAMETER = "indikator"
# Small multiples stay readable up to about a handful of panels.
MAX_UNITS = 6


@dataclass(frozen=True)
class ChosenUnit:
    """A unit the page charts."""

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class AnalysisChoice:
    """Everything the visitor chose: which units, which indicator, how to chart it."""

    units: tuple[ChosenUnit, ...]
    indicator: StoredIndicator
    chart: str
    rules: str


def common_indicators(unit_ids: list[int]) -> list[StoredIndicator]:
    """Return the indicators every chosen unit works with, in the first unit's board order."""
    with read_session(database()) as session:
        per_unit = [list_unit_indicators(unit_id, session=session) for unit_id in unit_ids]
    shared = set.intersection(*({i.id for i in indicators} for indicators in per_unit))
    return [indicator for indicator in per_unit[0] if indicator.id in shared]


def choose_analysis() -> AnalysisChoice | None:
    """Show the pickers and return the choice, or None (with a message) when nothing fits."""
    language = current_language()
    units = care_units()
    if units.empty:
        st.info(text("unit.none"))
        return None
    units_column, indicator_column = st.columns(2)
    chosen = _choose_units(units, where=units_column)
    if not chosen:
        st.info(text("analysis.pick_unit"))
        return None
    indicators = common_indicators([unit.id for unit in chosen])
    if not indicators:
        st.info(text("analysis.no_common_indicator"))
        return None
    by_code = {i.definition.code: i for i in indicators}
    wanted = st.query_params.get(INDICATOR_PARAMETER)
    code = indicator_column.selectbox(
        text("analysis.indicator"), list(by_code),
        index=list(by_code).index(wanted) if wanted in by_code else 0,
        format_func=lambda c: indicator_label(by_code[c].definition, "name", language),
        key="analysis.indicator")
    indicator = by_code[code]
    definition = indicator.definition
    charts = chart_choices(definition.measure, definition.chart)
    chart_column, rules_column = st.columns(2)
    chart = chart_column.selectbox(
        text("analysis.chart"), charts, key=f"analysis.chart.{code}",
        format_func=lambda c: text("analysis.chart.default", chart=text(f"chart.type.{c}"))
        if c == definition.chart else text(f"chart.type.{c}"),
        help=text("analysis.chart.help"))
    rules = rules_column.segmented_control(
        text("analysis.rules"), RULE_SETS, default=RULE_SETS[0], required=True,
        key="analysis.rules", format_func=lambda r: text(f"rules.{r}"),
        help=text("analysis.rules.help"))
    _keep_in_url(chosen[0].code, code)
    return AnalysisChoice(tuple(chosen), indicator, chart, rules)


def _choose_units(units: pd.DataFrame, *, where: DeltaGenerator) -> list[ChosenUnit]:
    """Show the unit picker (one or several); the URL's unit is chosen first."""
    codes = units["code"].tolist()
    wanted = st.query_params.get(UNIT_PARAMETER)
    default = [wanted if wanted in codes else codes[0]]
    # Names are short; the path tells two units of the same name apart.
    repeated = units["name"].duplicated(keep=False)
    labels = dict(zip(codes, units["path"].where(repeated, units["name"]), strict=True))
    picked = where.multiselect(text("analysis.units"), codes, default=default,
                            format_func=labels.__getitem__, key="analysis.units",
                            max_selections=MAX_UNITS, help=text("analysis.units.help"))
    rows = units.set_index("code")
    return [ChosenUnit(int(rows.at[c, "id"]), c, str(rows.at[c, "name"])) for c in picked]


def _keep_in_url(unit_code: str, indicator_code: str) -> None:
    """Write the first unit and the indicator into the URL, so the view can be bookmarked."""
    if st.query_params.get(UNIT_PARAMETER) != unit_code:
        st.query_params[UNIT_PARAMETER] = unit_code
    if st.query_params.get(INDICATOR_PARAMETER) != indicator_code:
        st.query_params[INDICATOR_PARAMETER] = indicator_code
