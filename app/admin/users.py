"""Users for administrators: the list, a new user, and a user's role, units, password and PIN."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from app.access.identity import current_actor, current_rights, may
from app.language import current_language, text
from app.notices import Notice, announce, refusal, show_notice
from app.resources import database
from db import (
    ROLES,
    StorageError,
    add_membership,
    create_user,
    delete_user,
    list_units,
    list_users,
    read_session,
    remove_membership,
    set_password,
    set_pin,
    set_role,
    unlock_sign_in,
    write_session,
)

KEY = "users"
DONE_ICON = ":material/check:"


def _tree() -> pd.DataFrame:
    """Return every live unit, area and the municipality, with their paths."""
    with read_session(database()) as session:
        return list_units(session=session)


def _users() -> pd.DataFrame:
    """Return the live users."""
    with read_session(database()) as session:
        return list_users(session=session, actor=current_actor())


def _say_if_own_municipality_only() -> None:
    """Tell a municipality's administrator in a region's database that they see their own users."""
    rights = current_rights()
    if rights is not None and rights.role == "admin" and rights.unit_ids is not None:
        st.info(text("users.own_municipality"), icon=":material/domain:")


def _run(change, done: str) -> None:
    """Make a change as the signed-in administrator; say what it did above the list, and rerun."""
    try:
        with write_session(database()) as session:
            change(session)
    except StorageError as refused:
        announce(KEY, refusal(refused.text(current_language())))
    else:
        announce(KEY, Notice(done, icon=DONE_ICON))
    st.rerun()


def user_list() -> None:
    """Show every user with role, units and whether a password and a PIN are set."""
    show_notice(KEY)
    _say_if_own_municipality_only()
    users, tree = _users(), _tree()
    if users.empty:
        st.info(text("users.none"))
        return
    paths = dict(zip(tree["id"], tree["path"], strict=True))
    shown = pd.DataFrame({
        text("users.column.username"): users["username"],
        text("users.column.name"): users["display_name"],
        text("users.column.role"): [text(f"role.{role}") for role in users["role"]],
        text("users.column.units"): [", ".join(paths.get(u, str(u)) for u in units)
                                     for units in users["units"]],
        text("users.column.password"): users["has_password"],
        text("users.column.pin"): users["has_pin"],
        text("users.column.demo"): users["is_demo"],
    })
    st.dataframe(shown, hide_index=True, width="stretch")


def new_user_form() -> None:
    """Create a user with a role, units, a password and (for tablet roles) a PIN."""
    if not may("user.admin"):  # a municipality's administrator in a region's database
        st.info(text("users.create.region_only"), icon=":material/domain:")
        return
    tree = _tree()
    paths = dict(zip(tree["id"].astype(int), tree["path"], strict=True))
    with st.form(f"{KEY}.create", clear_on_submit=True):
        username = st.text_input(text("users.username"), help=text("users.username.help"))
        name = st.text_input(text("users.name"))
        role = st.selectbox(text("users.role"), ROLES, format_func=lambda r: text(f"role.{r}"))
        units = st.multiselect(text("users.units"), list(paths), format_func=paths.__getitem__)
        password = st.text_input(text("users.password"), type="password",
                                 autocomplete="new-password")
        pin = st.text_input(text("users.pin"), type="password", max_chars=8,
                            help=text("users.pin.help"), autocomplete="off")
        if st.form_submit_button(text("users.create"), type="primary"):
            def create(session) -> None:
                user_id = create_user(username, role=role, display_name=name,
                                      password=password or None, session=session,
                                      actor=current_actor())
                for unit_id in units:
                    add_membership(user_id, unit_id, session=session, actor=current_actor())
                if pin:
                    set_pin(user_id, pin, session=session, actor=current_actor())
            _run(create, text("users.created", username=username.strip().lower()))


def edit_user_form() -> None:
    """Change a user's name, role and units; set a password or PIN; deactivate the user."""
    users, tree = _users(), _tree()
    if users.empty:
        st.info(text("users.none"))
        return
    paths = dict(zip(tree["id"].astype(int), tree["path"], strict=True))
    chosen = st.selectbox(text("users.choose"), users["id"].tolist(), key=f"{KEY}.edit.user",
                          format_func=dict(zip(users["id"], users["username"], strict=True)).get)
    user = users.set_index("id").loc[chosen]
    username = str(user["username"])
    with st.form(f"{KEY}.edit.{chosen}"):
        name = st.text_input(text("users.name"), value=str(user["display_name"]))
        role = st.selectbox(text("users.role"), ROLES, index=ROLES.index(user["role"]),
                            format_func=lambda r: text(f"role.{r}"))
        units = st.multiselect(text("users.units"), list(paths), default=[
            u for u in user["units"] if u in paths], format_func=paths.__getitem__)
        if st.form_submit_button(text("users.save"), type="primary"):
            def save(session) -> None:
                # Only what changed: a municipality's administrator may change memberships
                # in their own units, not a role (that is the region's).
                if role != user["role"] or name != user["display_name"]:
                    set_role(chosen, role, display_name=name, session=session,
                             actor=current_actor())
                for unit_id in set(units) - set(user["units"]):
                    add_membership(chosen, unit_id, session=session, actor=current_actor())
                for unit_id in set(user["units"]) - set(units):
                    remove_membership(chosen, unit_id, session=session, actor=current_actor())
            _run(save, text("users.saved", username=username))
    password_column, pin_column = st.columns(2)
    with password_column.form(f"{KEY}.password.{chosen}", clear_on_submit=True):
        password = st.text_input(text("users.new_password"), type="password",
                                 autocomplete="new-password")
        if st.form_submit_button(text("users.set_password")):
            _run(lambda s: set_password(chosen, password, session=s, actor=current_actor()),
                 text("users.password_set", username=username))
    with pin_column.form(f"{KEY}.pin.{chosen}", clear_on_submit=True):
        pin = st.text_input(text("users.new_pin"), type="password", max_chars=8,
                            help=text("users.pin.help"), autocomplete="off")
        set_column, remove_column = st.columns(2)
        if set_column.form_submit_button(text("users.set_pin")):
            _run(lambda s: set_pin(chosen, pin, session=s, actor=current_actor()),
                 text("users.pin_set", username=username))
        if remove_column.form_submit_button(text("users.remove_pin"),
                                            disabled=not user["has_pin"]):
            _run(lambda s: set_pin(chosen, None, session=s, actor=current_actor()),
                 text("users.pin_removed", username=username))
    if st.button(text("users.unlock", username=username), icon=":material/lock_open:",
                 help=text("users.unlock.help"), key=f"{KEY}.unlock.{chosen}"):
        _run(lambda s: unlock_sign_in(username, session=s, actor=current_actor(),
                                      now=datetime.now(UTC)),
             text("users.unlocked", username=username))
    if username == current_actor():
        st.caption(text("users.yourself"))
    elif st.button(text("users.deactivate", username=username), icon=":material/person_off:",
                   key=f"{KEY}.deactivate.{chosen}"):
        _run(lambda s: delete_user(chosen, session=s, actor=current_actor()),
             text("users.deactivated", username=username))
