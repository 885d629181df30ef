"""The app's long-lived resources and its clock: the one module with cache decorators."""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy import Engine

from app.settings import load_settings
from db import make_engine, migrate


@st.cache_resource(show_spinner=False)
def _engine_for(url: str, pool_size: int) -> Engine:
    """Open the database once per server process and bring its schema up to date."""
    engine = make_engine(url, pool_size=pool_size, max_overflow=pool_size)
    migrate(engine)
    return engine


def database() -> Engine:
    """Return the engine of the configured database, migrated."""
    settings = load_settings()
    return _engine_for(settings.database_url, settings.database_pool_size)


def today() -> date:
    """Return today's date: the clock, or the fixed day the settings give."""
    return load_settings().today or date.today()
