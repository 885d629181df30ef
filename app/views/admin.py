"""Page: nav.admin (built in its own issue)."""

import streamlit as st

from app.language import text

st.title(text("nav.admin"))
st.info(text("page.coming"))
