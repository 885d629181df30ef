"""Administration: units and their indicators, custom indicators and goals, import, export, backup."""

import streamlit as st

from app.data_export import export_panel
from app.import_preview import import_panel
from app.indicator_admin import indicator_admin
from app.language import text
from app.unit_admin import unit_admin
from app.unit_indicators import unit_indicators_admin

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
