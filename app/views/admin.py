"""Administration: units and their indicators, custom indicators and goals, import, export, backup."""

import streamlit as st

from app.admin.data_export import export_panel
from app.admin.import_preview import import_panel
from app.admin.indicator_editor import indicator_admin
from app.admin.unit_indicators import unit_indicators_admin
from app.admin.units import unit_admin
from app.language import text

st.title(text("nav.admin"))
units, uses, indicators, imports, exports = st.tabs([
    text("admin.tab.units"), text("admin.tab.uses"), text("admin.tab.indicators"),
    text("admin.tab.import"), text("admin.tab.export"),
])
with units:
    unit_admin()
with uses:
    unit_indicators_admin()
with indicators:
    indicator_admin()
with imports:
    import_panel()
with exports:
    export_panel()
