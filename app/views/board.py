"""Page: nav.board (built in its own issue)."""

import streamlit as st

from app.language import text

st.title(text("nav.board"))
st.info(text("page.coming"))
