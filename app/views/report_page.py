"""Rapporter: the monthly PDF of a unit, an area or the municipality; its cover previewed, then downloaded."""

from datetime import datetime
from zoneinfo import ZoneInfo

import streamlit as st

from app.access.identity import current_actor, current_rights
from app.language import current_language, text
from app.resources import database, today
from app.settings import load_settings
from app.unit_picker import chosen_unit
from db import list_units, read_session
from indicators import TavleError
from reports import (
    first_page_png,
    format_month,
    month_of,
    monthly_report,
    municipality_scope,
    previous_month,
    report_content,
    report_file_name,
    scope_of,
)

# Reports are made for Danish readers: the cover's time is the Danish clock.
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")
MONTHS_OFFERED = 24  # the demo and most teams keep two years
SCOPES = ("unit", "area", "municipality")

language = current_language()
st.title(text("nav.reports"))
st.caption(text("report.intro"))

scope_names = {k: text(f"report.scope.{k}") for k in SCOPES}
kind = st.radio(text("report.scope"), SCOPES, horizontal=True, key="report.scope",
                format_func=scope_names.__getitem__)
if kind == "unit":
    unit = chosen_unit(where=st, action="report")
    if unit is None:
        st.stop()
    unit_id = int(unit["id"])
elif kind == "area":
    with read_session(database()) as session:
        areas = list_units(session=session).query("kind == 'area'")
    rights = current_rights()  # a leader reports on their own area
    areas = areas[[rights is not None and rights.allows("report", int(a)) for a in areas["id"]]]
    if areas.empty:
        st.info(text("report.no_areas"))
        st.stop()
    names = dict(zip(areas["id"].astype(int), areas["name"], strict=True))
    unit_id = st.selectbox(text("report.area"), list(names), format_func=names.__getitem__,
                           key="report.area")
else:  # the municipality: one of several in a region's database, those the user reports on
    with read_session(database()) as session:
        towns = list_units(session=session).query("kind == 'municipality' and parent_id.isna()")
    rights = current_rights()
    towns = towns[[rights is not None and rights.allows("report", int(t)) for t in towns["id"]]]
    unit_id = int(towns["id"].iloc[0]) if len(towns) == 1 else None
    if len(towns) > 1:
        names = dict(zip(towns["id"].astype(int), towns["name"], strict=True))
        unit_id = st.selectbox(text("report.municipality"), list(names),
                               format_func=names.__getitem__, key="report.municipality")

months = [month_of(today())]
while len(months) < MONTHS_OFFERED:
    months.append(previous_month(months[-1]))
month_names = {m: format_month(m.first, language=language) for m in months}
month = st.selectbox(text("report.month"), months, index=1, key="report.month",
                     format_func=month_names.__getitem__)
shared = st.toggle(text("report.shared"), help=text("report.shared_help"), key="report.shared")
whole_history = st.toggle(text("report.whole_history"), key="report.whole_history",
                          help=text("report.whole_history_help",
                                    years=load_settings().history_years))

choice = (kind, unit_id, month.code, shared, whole_history, language)
if st.button(text("report.make"), type="primary"):
    try:
        with st.spinner(text("report.making")), read_session(database()) as session:
            scope = municipality_scope(session=session) if unit_id is None else scope_of(
                unit_id, session=session)
            content = report_content(
                scope, month, session=session, actor=current_actor(), today=today(),
                history_years=None if whole_history else load_settings().history_years)
        # Danish wall-clock time whatever the server's zone; today() may be fixed for a demo.
        made = datetime.combine(today(), datetime.now(LOCAL_TIME).time())
        pdf = monthly_report(content, generated_at=made, language=language, shared=shared)
        st.session_state["report.made"] = (choice, report_file_name(content), pdf,
                                           first_page_png(pdf))
    except TavleError as refused:
        st.error(text("report.cannot", reason=refused.text(language)))

made = st.session_state.get("report.made")
if made and made[0] == choice:  # a report made for other choices is not offered
    _, name, pdf, preview = made
    st.download_button(text("report.download", name=name), pdf, file_name=name,
                       mime="application/pdf", type="primary", icon=":material/download:")
    if preview is None:
        st.info(text("report.no_preview"))
    else:
        st.image(preview, caption=text("report.preview"), width=480)
