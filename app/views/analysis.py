"""Page: nav.analysis (built in its own issue)."""

import streamlit as st

from app.language import text

st.title(text("nav.analysis"))
st.info(text("page.coming"))
