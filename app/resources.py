"""The app's long-lived resources and its clock: the one module with cache decorators."""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy import Engine

from app.settings import load_settings
from db import make_engine, migrate


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    """Open the database once per server process and bring its schema up to date."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def database() -> Engine:
    """Return the engine of the configured database, migrated."""
    return _engine_for(load_settings().database_url)


def today() -> date:
    """Return today's date: the clock, or the fixed day the settings give."""
    return load_settings().today or date.today()
