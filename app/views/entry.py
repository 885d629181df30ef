"""Page: nav.entry (built in its own issue)."""

import streamlit as st

from app.language import text

st.title(text("nav.entry"))
st.info(text("page.coming"))
