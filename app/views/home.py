"""Home page: what Tavle is and where to start."""

import streamlit as st

from app.language import text

st.title(text("app.title"))
st.subheader(text("app.tagline"))
st.write(text("home.intro"))
st.markdown(f"#### {text('home.how')}")
for step in ("entry", "board", "analysis", "reports", "admin"):
    st.markdown(f"- {text('home.step.' + step)}")
