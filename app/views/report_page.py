"""Page: nav.reports (built in its own issue)."""

import streamlit as st

from app.language import text

st.title(text("nav.reports"))
st.info(text("page.coming"))
