"""Tavle's Streamlit entry point: `python -m streamlit run app/main.py`."""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only app/ on sys.path; the packages live one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from app.access.account import (  # noqa: E402
    account_box,
    board_link_actor_of,
    leave_provider,
    sign_in_from_provider,
)
from app.access.identity import (  # noqa: E402
    BOARD_LINK_KEY,
    current_rights,
    sign_out,
    sign_out_if_ended_elsewhere,
    signed_in_user,
)
from app.access.kept_session import (  # noqa: E402
    note_sign_of_life,
    resume_from_cookie,
    sync_cookie,
)
from app.access.session_timeout import note_activity, watch_idle  # noqa: E402
from app.board.kiosk import ACCESS_PARAMETER, is_kiosk  # noqa: E402
from app.language import language_picker, text  # noqa: E402
from app.navigation import build_navigation  # noqa: E402
from app.settings import app_secrets, load_settings  # noqa: E402
from app.styles import hide_chrome  # noqa: E402

parameters = st.query_params.to_dict()
kiosk = is_kiosk(parameters)
st.set_page_config(page_title="Tavle", page_icon=":material/monitoring:", layout="wide",
                   initial_sidebar_state="collapsed" if kiosk else "auto")
settings = load_settings(app_secrets())
if ACCESS_PARAMETER in parameters:
    # A wall screen's secret link: its unit's board and nothing else, nobody signed in.
    link_actor = board_link_actor_of(parameters[ACCESS_PARAMETER])
    hide_chrome()
    if link_actor is None:
        st.session_state.pop(BOARD_LINK_KEY, None)
        st.error(text("board.link.invalid"), icon=":material/link_off:")
        st.stop()
    st.session_state[BOARD_LINK_KEY] = link_actor
    build_navigation(kiosk=True, role="board-link").run()
    st.stop()
st.session_state.pop(BOARD_LINK_KEY, None)

# A reload, a tablet woken from sleep or another server: the cookie's live session signs back in.
resume_from_cookie(idle_minutes=settings.idle_minutes)
# A wall screen is never signed out for idling: idling is what it is for, and it has
# no menu and no control, so nothing can be changed on it (its kept session idles out
# in the database, so a reload after the idle window asks to sign in).
if not kiosk:
    # Signed out in another tab of this browser: this one shows none of it either.
    sign_out_if_ended_elsewhere()
    note_activity(idle_minutes=settings.idle_minutes)
leave_provider(single_sign_on=settings.single_sign_on)
if signed_in_user() is None and settings.single_sign_on:
    sign_in_from_provider(settings)
rights = current_rights() if signed_in_user() is not None else None
if signed_in_user() is not None and rights is None:  # deactivated or deleted meanwhile
    sign_out()
navigation = build_navigation(kiosk=kiosk, role=rights.role if rights else None)
if kiosk:
    hide_chrome()  # a wall screen shows the board and nothing else
else:
    language_picker()
if rights is not None and not kiosk:
    account_box(signed_in_user(), single_sign_on=settings.single_sign_on)
    note_sign_of_life(idle_minutes=settings.idle_minutes)
    watch_idle(idle_minutes=settings.idle_minutes)
sync_cookie()
navigation.run()
