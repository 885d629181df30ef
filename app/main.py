"""Tavle's Streamlit entry point: `python -m streamlit run app/main.py`."""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only app/ on sys.path; the packages live one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from app.language import language_picker  # noqa: E402
from app.navigation import build_navigation  # noqa: E402

st.set_page_config(page_title="Tavle", page_icon=":material/monitoring:", layout="wide")
navigation = build_navigation()
language_picker()
navigation.run()
