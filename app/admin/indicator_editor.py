"""The organisation's indicators: the catalogue as a table, custom indicators, names and goals.

Goals are stored in natural units (a share is 0.95); people type per cent, so
shares and reductions are divided by 100 on the way in and multiplied on the way out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.admin.measure_plan_editor import measure_plan_form
from app.admin.unit_indicators import package_names
from app.form_problems import refuse, show_field_problems, show_other_problems_once
from app.indicator_labels import indicator_label
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.resources import database
from db import (
    StorageError,
    StoredIndicator,
    create_indicator,
    list_indicators,
    list_packages,
    read_session,
    update_indicator,
    write_session,
)
from indicators import (
    CHART_TYPES,
    GOAL_KINDS,
    IMPROVEMENTS,
    INDICATOR_KINDS,
    MEASURES,
    PERIODS,
    Goal,
    IndicatorDefinition,
    chart_choices,
)
from reports import format_number

KEY = "admin.indicators"
NO_GOAL = "none"
PERCENT_GOALS = ("min_share", "reduce_by")
PER_CENT = 100.0
# What a new indicator is multiplied by before it is plotted, per measure: shares in per
# cent, rates per 1000 days of exposure (the catalogue's conventions).
DEFAULT_MULTIPLY = {"proportion": 100.0, "rate": 1000.0}
WITH_DENOMINATOR = ("proportion", "rate")


def goal_text(goal: Goal | None, language: str) -> str:
    """Return a goal in words: "mindst 95 %", "mindst 300 dage mellem", "reducér med 50 %"."""
    if goal is None:
        return "–"
    shown = goal.value * PER_CENT if goal.kind in PERCENT_GOALS else goal.value
    return text(f"goal.{goal.kind}", value=format_number(shown, language=language))


def goal_from(kind: str, typed: float) -> Goal | None:
    """Return the goal for what the admin typed (per cent for shares and reductions)."""
    if kind == NO_GOAL:
        return None
    return Goal(kind, typed / PER_CENT if kind in PERCENT_GOALS else typed)


def indicator_admin() -> None:
    """Show the indicators, the form for a custom one and the form that edits names and goals."""
    language = current_language()
    show_notice(KEY)
    with read_session(database()) as session:
        indicators = list_indicators(session=session)
        packages = list_packages(session=session)
    names = package_names(language)
    st.dataframe(pd.DataFrame([{
        text("admin.indicators.package"): names.get(i.definition.package, i.definition.package),
        text("admin.indicators.name"): indicator_label(i.definition, "name", language),
        text("admin.indicators.measure"): text(f"measure.{i.definition.measure}"),
        text("admin.indicators.chart"): text(f"chart.type.{i.definition.chart}"),
        text("admin.indicators.goal"): goal_text(i.definition.goal, language),
        text("admin.indicators.own"): "" if i.builtin else "✓",
    } for i in indicators]), hide_index=True, width="stretch")
    edit, create = st.columns(2, gap="large")
    with edit:
        _edit_form(indicators, language)
    with create:
        _create_form(list(packages["code"]), names, language)


def _goal_fields(key: str, goal: Goal | None) -> tuple[str, float]:
    """Show the goal kind and value inputs; return what was chosen."""
    kinds = (NO_GOAL, *GOAL_KINDS)
    kind = st.selectbox(text("admin.indicators.goal_kind"), kinds, key=f"{key}.goal_kind",
                        index=kinds.index(goal.kind) if goal else 0,
                        format_func=lambda k: text(f"goal.kind.{k}"))
    shown = 0.0 if goal is None else (goal.value * PER_CENT if goal.kind in PERCENT_GOALS
                                      else goal.value)
    value = st.number_input(text("admin.indicators.goal_value"), value=float(shown), min_value=0.0,
                            step=1.0, format="%g", key=f"{key}.goal_value",
                            help=text("admin.indicators.goal_value.help"))
    return kind, value


def _edit_form(indicators: list[StoredIndicator], language: str) -> None:
    """Change an indicator's names, goal, chart type and period; its code and data stay."""
    st.markdown(f"**{text('admin.indicators.edit')}**")
    by_id = {i.id: i for i in indicators}
    indicator_id = st.selectbox(
        text("admin.indicators.pick"), list(by_id), key=f"{KEY}.pick",
        format_func=lambda i: indicator_label(by_id[i].definition, "name", language))
    definition = by_id[indicator_id].definition
    key = f"{KEY}.edit.{indicator_id}"
    with st.form(key):
        name_da = st.text_input(text("admin.indicators.name_da"), definition.name_da,
                                key=f"{key}.name_da")
        name_en = st.text_input(text("admin.indicators.name_en"), definition.name_en,
                                key=f"{key}.name_en")
        show_field_problems(key, "name", language)
        kind, value = _goal_fields(key, definition.goal)
        charts = [c for c in chart_choices(definition.measure, definition.chart) if c in CHART_TYPES]
        chart = st.selectbox(text("admin.indicators.chart"), charts, key=f"{key}.chart",
                             format_func=lambda c: text(f"chart.type.{c}"))
        period = st.selectbox(text("admin.indicators.period"), PERIODS, key=f"{key}.period",
                              index=PERIODS.index(definition.period),
                              format_func=lambda p: text(f"period.{p}"))
        submitted = st.form_submit_button(text("admin.indicators.save"), type="primary")
        show_other_problems_once(key, ("name",), language)
    measure_plan_form(by_id[indicator_id], language)
    if not submitted:
        return
    try:
        with write_session(database()) as session:
            update_indicator(indicator_id, session=session, actor=current_actor(),
                             name_da=name_da.strip(), name_en=name_en.strip(),
                             goal=goal_from(kind, value), chart=chart, period=period)
    except StorageError as refused:
        refuse(key, refused)
    announce(KEY, Notice(text("admin.indicators.saved", name=name_da.strip())))
    st.rerun()


def _create_form(package_codes: list[str], names: dict[str, str], language: str) -> None:
    """Add an organisation's own indicator to a package."""
    st.markdown(f"**{text('admin.indicators.create')}**")
    measure = st.selectbox(text("admin.indicators.measure"), MEASURES, key=f"{KEY}.new.measure",
                           format_func=lambda m: text(f"measure.{m}"),
                           help=text("admin.indicators.measure.help"))
    key = f"{KEY}.new.{measure}"
    with st.form(key):
        package = st.selectbox(text("admin.indicators.package"), package_codes,
                               format_func=lambda p: names.get(p, p), key=f"{key}.package")
        code = st.text_input(text("admin.indicators.code"), key=f"{key}.code",
                             help=text("admin.indicators.code.help"))
        show_field_problems(key, "code", language)
        name_da = st.text_input(text("admin.indicators.name_da"), key=f"{key}.name_da")
        name_en = st.text_input(text("admin.indicators.name_en"), key=f"{key}.name_en")
        show_field_problems(key, "name", language)
        kind = st.selectbox(text("admin.indicators.kind"), INDICATOR_KINDS, key=f"{key}.kind",
                            format_func=lambda k: text(f"indicator.kind.{k}"))
        improvement = st.selectbox(text("admin.indicators.improvement"), IMPROVEMENTS,
                                   key=f"{key}.improvement",
                                   format_func=lambda i: text(f"improvement.{i}"))
        charts = [c for c in chart_choices(measure, "run") if c in CHART_TYPES]
        chart = st.selectbox(text("admin.indicators.chart"), charts, key=f"{key}.chart",
                             format_func=lambda c: text(f"chart.type.{c}"))
        period = st.selectbox(text("admin.indicators.period"), PERIODS, key=f"{key}.period",
                              index=PERIODS.index("month"), format_func=lambda p: text(f"period.{p}"))
        unit_da = st.text_input(text("admin.indicators.unit_da"), key=f"{key}.unit_da")
        numerator_da = st.text_input(text("admin.indicators.numerator_da"), key=f"{key}.numerator_da")
        denominator_da = (st.text_input(text("admin.indicators.denominator_da"),
                                        key=f"{key}.denominator_da")
                          if measure in WITH_DENOMINATOR else "")
        goal_kind, goal_value = _goal_fields(key, None)
        submitted = st.form_submit_button(text("admin.indicators.create.submit"), type="primary")
        show_other_problems_once(key, ("code", "name"), language)
    if not submitted:
        return
    definition = IndicatorDefinition(
        code=code.strip(), package=package, name_da=name_da.strip(),
        name_en=name_en.strip() or name_da.strip(), kind=kind, measure=measure,
        improvement=improvement, goal=goal_from(goal_kind, goal_value), chart=chart,
        period=period, multiply=DEFAULT_MULTIPLY.get(measure, 1.0), unit_da=unit_da.strip(),
        unit_en=unit_da.strip(), numerator_da=numerator_da.strip(),
        numerator_en=numerator_da.strip(), denominator_da=denominator_da.strip(),
        denominator_en=denominator_da.strip())
    try:
        with write_session(database()) as session:
            create_indicator(definition, session=session, actor=current_actor())
    except StorageError as refused:
        refuse(key, refused)
    typed = ("code", "name_da", "name_en", "unit_da", "numerator_da", "denominator_da")
    announce(KEY, Notice(text("admin.indicators.created", name=definition.name_da)),
             clear=[f"{key}.{name}" for name in typed])
    st.rerun()
