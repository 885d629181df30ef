"""Tavle's server: Streamlit serving app/main.py, plus the session cookie's routes.

Start it with `python -m streamlit run app/server/web_server.py` (make run does):
Streamlit finds the st.App below and serves it, with the same command-line options
as `streamlit run app/main.py` takes. Serving app/main.py directly still works, but
then a reload asks to sign in again (no route sets the cookie).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only this folder on sys.path; the packages live two levels up.
APP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(APP.parent))

import streamlit as st  # noqa: E402

from app.access.session_cookie import load_or_create_key  # noqa: E402
from app.server.cookie_routes import cookie_routes  # noqa: E402
from app.settings import load_settings  # noqa: E402

# The cookie's signing key exists from the first start, ready to copy to the other servers.
load_or_create_key(load_settings().session_key_file)
web_server = st.App(APP / "main.py", routes=cookie_routes())
