"""Wall-screen links for administrators: make one for a unit (its URL shown once), revoke one."""

from __future__ import annotations

import streamlit as st

from app.access.identity import current_actor
from app.board.kiosk import ACCESS_PARAMETER
from app.board.wall_switch import app_address
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.plain_text import as_text
from app.resources import database
from app.unit_picker import care_units
from db import (
    StorageError,
    create_board_link,
    list_board_links,
    read_session,
    revoke_board_link,
    write_session,
)
from reports import format_date

KEY = "links"
_MADE = "links.made"
REVOKED_ICON = ":material/link_off:"


def board_link_admin() -> None:
    """Offer a new link per unit, show the one just made, and list the live ones to revoke."""
    st.caption(text("links.intro"))
    show_notice(KEY)
    units = care_units()
    names = dict(zip(units["id"].astype(int), units["name"], strict=True))
    with st.form(f"{KEY}.create", clear_on_submit=True):
        unit_id = st.selectbox(text("links.unit"), list(names), format_func=names.__getitem__)
        label = st.text_input(text("links.label"))
        if st.form_submit_button(text("links.create"), type="primary", icon=":material/link:"):
            try:
                with write_session(database()) as session:
                    made = create_board_link(unit_id, label=label, session=session,
                                             actor=current_actor())
            except StorageError as refused:
                st.error(refused.text(current_language()))
            else:
                st.session_state[_MADE] = made.token
    token = st.session_state.pop(_MADE, None)
    if token:
        # The whole address, as the browser reaches this server: it goes into the TV as it is.
        st.success(text("links.created"), icon=":material/key:")
        st.code(f"{app_address(st.context.url)}/?{ACCESS_PARAMETER}={token}", language=None)
    with read_session(database()) as session:
        links = list_board_links(session=session, actor=current_actor())
    if links.empty:
        st.caption(text("links.none"))
        return
    for link in links.itertuples():
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{as_text(link.unit)}** · {as_text(link.label or '–')} · "
                        f"{text('links.column.created')} {format_date(link.created_at.date())}",
                        width="stretch")
            st.button(text("links.revoke"), key=f"{KEY}.revoke.{link.id}",
                      icon=":material/link_off:", on_click=_revoke, args=(link.id, link.unit))


def _revoke(link_id: int, unit_name: str) -> None:
    """Revoke a link before the page is drawn again, so the list shows it gone."""
    with write_session(database()) as session:
        revoke_board_link(link_id, session=session, actor=current_actor())
    announce(KEY, Notice(text("links.revoked", unit=unit_name), icon=REVOKED_ICON))
