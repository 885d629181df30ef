"""Diagrammer: one indicator for one or several units; baselines, phases and PDSA changes."""

import streamlit as st

from app.access.identity import may
from app.analysis.annotation_editor import annotation_editor
from app.analysis.baseline_editor import baseline_editor
from app.analysis.chart import load_charts, show_chart
from app.analysis.choices import choose_analysis
from app.language import current_language, text

language = current_language()
st.title(text("nav.analysis"))
choice = choose_analysis()
if choice is None:
    st.stop()
charts = load_charts(choice, language=language)
if not charts:
    st.stop()
show_chart(choice, charts, language=language)

st.divider()
st.subheader(text("analysis.changes_title"))
names = {chart.unit.code: chart.unit for chart in charts}
code = next(iter(names))
if len(names) > 1:
    code = st.selectbox(text("analysis.changes_unit"), list(names), key="analysis.changes_unit",
                        format_func=lambda c: names[c].name)
unit = names[code]
if not (may("baseline.write", unit.id) or may("annotation.write", unit.id)):
    st.caption(text("analysis.changes_team_leader"))  # registrants and leaders read only
    st.stop()
baselines, annotations = st.tabs([text("analysis.tab.baseline"), text("analysis.tab.annotations")])
with baselines:
    st.caption(text("baseline.intro"))
    baseline_editor(unit.id, choice.indicator, key=f"baseline.{unit.code}.{choice.indicator.id}")
with annotations:
    st.caption(text("annotation.intro"))
    annotation_editor(unit.id, choice.indicator,
                      key=f"annotation.{unit.code}.{choice.indicator.id}")
