"""Tavle's Streamlit entry point: `python -m streamlit run app/main.py`."""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only app/ on sys.path; the packages live one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from app.kiosk import is_kiosk  # noqa: E402
from app.language import language_picker  # noqa: E402
from app.navigation import build_navigation  # noqa: E402
from app.styles import hide_chrome  # noqa: E402

kiosk = is_kiosk(st.query_params.to_dict())
st.set_page_config(page_title="Tavle", page_icon=":material/monitoring:", layout="wide",
                   initial_sidebar_state="collapsed" if kiosk else "auto")
navigation = build_navigation(kiosk=kiosk)
if kiosk:
    hide_chrome()  # a wall screen shows the board and nothing else
else:
    language_picker()
navigation.run()
