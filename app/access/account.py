"""The signed-in user's corner of the sidebar, single sign-on's hand-over, and board links.

Sign-out forgets the whole browser session (app.access.identity.sign_out) and, after
single sign-on, the provider's cookie too: otherwise the next person at a shared
tablet would come straight back in as the last one.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from app.access.claim_roles import role_from_claims, username_from_claims
from app.access.identity import SIGNED_OUT_KEY, remember_sign_in, sign_out
from app.language import text
from app.plain_text import as_text
from app.resources import database
from app.settings import Settings
from db import (
    SignedIn,
    StorageError,
    board_link_actor,
    read_session,
    sign_in_single,
)


def account_box(user: SignedIn, *, single_sign_on: bool) -> None:
    """Show who is signed in, with their role, and the button that signs out."""
    with st.sidebar.container(border=True):
        st.caption(text("account.signed_in_as", name=as_text(user.name),
                       role=text(f"role.{user.role}")))
        st.button(text("account.sign_out"), icon=":material/logout:", key="account.sign_out",
                  width="stretch", on_click=_leave, args=(single_sign_on,))


def _leave(single_sign_on: bool) -> None:
    """Sign out before the page is drawn again, so the run that follows shows the sign-in page."""
    sign_out(reason="by_hand")
    if single_sign_on and st.user.is_logged_in:
        st.logout()


def leave_provider(*, single_sign_on: bool) -> None:
    """After an idle sign-out, end the provider's session too (its cookie would sign back in)."""
    if single_sign_on and st.session_state.get(SIGNED_OUT_KEY) and st.user.is_logged_in:
        st.logout()


def sign_in_from_provider(settings: Settings) -> None:
    """Sign in the user the identity provider has signed in, with the role their claims map to."""
    if not st.user.is_logged_in or st.session_state.get(SIGNED_OUT_KEY):
        return
    claims = st.user.to_dict()
    username = username_from_claims(claims)
    role = role_from_claims(claims, role_claim=settings.role_claim,
                            claim_roles=settings.claim_roles)
    if username is None or role is None:
        st.session_state[SIGNED_OUT_KEY] = "no_role"
        return
    try:
        user = sign_in_single(username, role=role, display_name=str(claims.get("name", "")),
                              engine=database(), now=datetime.now(UTC))
    except StorageError:
        st.session_state[SIGNED_OUT_KEY] = "no_role"
        return
    remember_sign_in(user)


def board_link_actor_of(token: str) -> str | None:
    """Return the actor a wall screen's token reads as, or None when the link is not live."""
    with read_session(database()) as session:
        return board_link_actor(token, session=session)
