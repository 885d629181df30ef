"""The "vis hele historikken" switch of the board and the overview: how many years to read."""

from __future__ import annotations

import streamlit as st

from app.language import text
from app.settings import load_settings


def history_years_choice(*, key: str) -> int | None:
    """Show the switch; return the configured window's years, or None for the whole history.

    Off by default: the window keeps every board and the overview as fast in year
    twenty as in year two; the whole history is read only when asked for, here.
    """
    years = load_settings().history_years
    whole = st.toggle(text("history.whole"), key=key, help=text("history.whole_help", years=years))
    return None if whole else years
