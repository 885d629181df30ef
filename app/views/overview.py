"""Overblik: every unit at a glance, the goals, spread readiness and a fair comparison."""

import streamlit as st

from app.charts.history_choice import history_years_choice
from app.indicator_labels import indicator_label
from app.language import current_language, text
from app.notices import show_notice
from app.overview.funnel_chart import NAMED_UNITS, funnel_spec
from app.overview.goals import PROGRESS_FORMAT, goal_rows
from app.overview.matrix_links import show_matrix
from app.overview.matrix_table import judged_on, linked_cells, matrix_html
from app.overview.spread import NOTICE_PLACE, show_spread
from app.overview.state import current_overview
from app.plain_text import as_text
from app.resources import today
from app.styles import use_wide_page
from indicators import stable_months
from reports import format_month, format_number, funnel_choices, funnel_for

# About as many indicator columns as fit beside the menu on a 1440 px screen.
FITTING_COLUMNS = 12
language = current_language()
day = today()
use_wide_page()
st.title(text("nav.overview"))
show_notice(NOTICE_PLACE)
overview = current_overview(day, history_years=history_years_choice(key="overview.whole_history"))
if overview.units.empty or not overview.indicators:
    st.info(text("overview.none"))
    st.stop()
st.caption(text("overview.caption", day=judged_on(day, language)))

areas = list(dict.fromkeys(overview.units["area"]))
package_names = overview.packages.set_index("code")["name_en" if language == "en" else "name_da"]
used_packages = list(dict.fromkeys(i.definition.package for i in overview.indicators))
left, right = st.columns(2)
chosen_areas = left.multiselect(
    text("overview.filter.area"), areas, default=areas, key="overview_areas",
    format_func=lambda area: area or text("overview.no_area"))
chosen_packages = right.multiselect(
    text("overview.filter.package"), used_packages, default=used_packages, key="overview_packages",
    format_func=lambda code: str(package_names.get(code, code)))
units = overview.units[overview.units["area"].isin(chosen_areas)]
indicators = [i.definition for i in overview.indicators if i.definition.package in chosen_packages]

matrix_tab, goals_tab, spread_tab, funnel_tab = st.tabs([
    text("overview.tab.matrix"), text("overview.tab.goals"), text("overview.tab.spread"),
    text("overview.tab.funnel")])
with matrix_tab:
    if len(indicators) > FITTING_COLUMNS:  # at 1440 px about a dozen columns fit beside the menu
        st.caption(text("overview.matrix.scroll", count=len(indicators)))
    show_matrix(matrix_html(overview, units=units, indicators=indicators, language=language),
                linked=linked_cells(overview, units=units, indicators=indicators), language=language)
with goals_tab:
    st.caption(text("overview.goals.caption"))
    goals = goal_rows(overview, units=units, indicators=indicators, language=language)
    if goals.empty:
        st.info(text("overview.goals.none"))
    else:
        st.dataframe(goals, hide_index=True, width="stretch", column_config={
            name: st.column_config.TextColumn(text(f"overview.goals.{name}"))
            for name in goals.columns if name != "progress"} | {
            # Whole per cents: the column's "percent" format prints an English "13.67%".
            "progress": st.column_config.ProgressColumn(
                text("overview.goals.progress"), min_value=0, max_value=100,
                format=PROGRESS_FORMAT)})
with spread_tab:
    window = stable_months(day)
    st.caption(text("overview.spread.caption", months=f"{format_month(window[0], language=language)}"
                                                     f" – {format_month(window[-1], language=language)}"))
    show_spread(overview, units=units, packages=chosen_packages, language=language, today=day)
with funnel_tab:
    st.caption(text("overview.funnel.caption"))
    left, right = st.columns([3, 1])
    months = right.selectbox(text("overview.funnel.months"), (3, 6, 12), index=1,
                             key="overview_funnel_months")
    shown = {d.code: d for d in indicators}
    choices = [shown[code] for code in funnel_choices(overview, months=months, units=units["id"])
               if code in shown]
    if not choices:
        st.info(text("overview.funnel.none"))
    else:
        chosen = left.selectbox(text("overview.funnel.indicator"), choices, key="overview_funnel",
                                format_func=lambda d: indicator_label(d, "name", language))
        adjust = st.checkbox(text("overview.funnel.overdispersion"), value=True,
                             key="overview_funnel_dispersion",
                             help=text("overview.funnel.overdispersion.help"))
        result = funnel_for(overview, chosen.code, months=months, units=units["id"],
                            overdispersion=adjust)
        st.vega_lite_chart(funnel_spec(result, chosen, language=language), theme=None)
        if result.dispersion > 1.0:
            st.caption(text("overview.funnel.dispersion",
                            phi=format_number(result.dispersion, language=language, decimals=1)))
        if len(result.units) > NAMED_UNITS:
            st.caption(text("overview.funnel.labels"))
        outliers = result.outliers["label"].tolist()
        st.markdown(text("overview.funnel.outliers", units=", ".join(map(as_text, outliers))) if outliers
                    else text("overview.funnel.no_outliers"))
