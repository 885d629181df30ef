"""The app's long-lived resources and its clock: the one module with cache decorators."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine

from app.access.session_cookie import load_or_create_key
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


@st.cache_resource(show_spinner=False)
def _key_in(path: str) -> bytes:
    """Read (or make, on the first start) the key that signs the session cookie, once."""
    return load_or_create_key(Path(path))


def session_key() -> bytes:
    """Return the key that signs the session cookie (the same file on every server)."""
    return _key_in(str(load_settings().session_key_file))


def today() -> date:
    """Return today's date: the clock, or the fixed day the settings give."""
    return load_settings().today or date.today()
