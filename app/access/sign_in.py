"""The sign-in page: a unit's tablet PIN, a password, single sign-on, and the demo's way in.

It stands in for every page while nobody is signed in (app.navigation), so a
bookmark such as /registrer?enhed=solbakken keeps its place: after signing in,
the same address shows the page it named.
"""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

import streamlit as st

from app.access.identity import SIGNED_OUT_KEY, remember_sign_in
from app.access.keypad import numeric_keypad
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.plain_text import as_text
from app.resources import database, today
from app.settings import app_secrets, load_settings
from app.styles import use_touch_targets
from app.unit_picker import UNIT_PARAMETER
from db import (
    DEMO_PASSWORD,
    DEMO_PIN,
    DEMO_USERS,
    SignInError,
    StorageError,
    find_unit,
    has_admin,
    has_units,
    holds_demo_data,
    list_units,
    read_session,
    seed_demo,
    sign_in,
    sign_in_with_pin,
    tablet_users,
    write_session,
)

# Who loads the demo into a brand-new database, before anybody can sign in.
FIRST_START_ACTOR = "system:first-start"
_ERROR_KEY = "signin.error"
_PLACE = "signin"
_USERNAME, _PASSWORD = "signin.username_field", "signin.password_field"
_PIN_WHO, _PIN = "signin.pin_who_field", "signin.pin_field"


def sign_in_page() -> None:
    """Show the ways in that this database and this address offer."""
    use_touch_targets()
    st.title(text("app.title"))
    st.subheader(text("app.tagline"))
    st.write(text("home.intro"))
    reason = st.session_state.get(SIGNED_OUT_KEY)
    if reason:
        st.info(text(f"signin.signed_out.{reason}"), icon=":material/logout:")
    with read_session(database()) as session:
        empty = not has_units(session=session)
        admin = has_admin(session=session)
        demo = holds_demo_data(session=session)
        unit = _unit_of_address(session)
        members = tablet_users(unit[0], session=session) if unit else []
    if empty and not admin:
        _first_start()
        return
    if not admin and not demo:
        st.warning(text("signin.no_admin"), icon=":material/admin_panel_settings:")
    error = st.session_state.pop(_ERROR_KEY, None)
    if error:
        st.error(error, icon=":material/lock:")
    show_notice(_PLACE)
    if members:
        _pin_form(unit, members)
    _password_form(expanded=not members)
    if load_settings(app_secrets()).single_sign_on:
        st.button(text("signin.single_sign_on"), icon=":material/badge:", on_click=st.login)
    if demo:
        _demo_help()


def _unit_of_address(session) -> tuple[int, str] | None:
    """Return (id, name) of the unit the address names (?enhed=CODE), if it is a live one."""
    code = st.query_params.get(UNIT_PARAMETER)
    if not code:
        return None
    try:
        unit_id = find_unit(code, session=session)
    except StorageError:
        return None
    units = list_units(session=session, within=[unit_id]).set_index("id")
    return unit_id, str(units.at[unit_id, "name"])


def _pin_form(unit: tuple[int, str], members: list[tuple[str, str]]) -> None:
    """Quick sign-in on the unit's shared tablet: tap your name, type your own PIN."""
    unit_id, unit_name = unit
    st.markdown(f"### {text('signin.pin.title', unit=as_text(unit_name))}")
    names = {username: as_text(name) for username, name in members}
    with st.form("signin.pin", clear_on_submit=True, border=True):
        # Big name buttons, not radio labels: a name is a 48 px target for a hurried finger.
        st.pills(text("signin.pin.who"), list(names), format_func=names.__getitem__,
                 selection_mode="single", key=_PIN_WHO)
        st.text_input(text("signin.pin.pin"), type="password", max_chars=8, autocomplete="off",
                      key=_PIN)
        numeric_keypad(_PIN)
        st.form_submit_button(text("signin.button"), type="primary", icon=":material/login:",
                              on_click=_pin_sent, args=(unit_id,))


def _password_form(*, expanded: bool) -> None:
    """Sign in with username and password."""
    with st.expander(text("signin.password.title"), expanded=expanded,
                     icon=":material/password:"):
        with st.form("signin.password", clear_on_submit=True, border=False):
            st.text_input(text("signin.username"), autocomplete="username", key=_USERNAME)
            st.text_input(text("signin.password"), type="password",
                          autocomplete="current-password", key=_PASSWORD)
            st.form_submit_button(text("signin.button"), type="primary",
                                  icon=":material/login:", on_click=_password_sent)


# Sign-ins run in the buttons' callbacks, before the page is drawn: the run that follows
# draws the signed-in page (or the refusal) at once, with no second run in between.
def _password_sent() -> None:
    """Try the username and password the form sent."""
    username, password = st.session_state.get(_USERNAME, ""), st.session_state.get(_PASSWORD, "")
    st.session_state[_PASSWORD] = ""  # the typed secret does not stay in the session
    _try(lambda now: sign_in(username, password, engine=database(), now=now,
                             source=_source("password")))


def _pin_sent(unit_id: int) -> None:
    """Try the name tapped and the PIN typed on the unit's tablet."""
    username, pin = st.session_state.get(_PIN_WHO), st.session_state.get(_PIN, "")
    st.session_state[_PIN] = ""
    if username is None:
        st.session_state[_ERROR_KEY] = text("signin.pin.choose")
        return
    _try(lambda now: sign_in_with_pin(username, pin, unit_id=unit_id, engine=database(),
                                      now=now, source=_source(f"tablet:{unit_id}")))


def _source(way_in: str) -> str | None:
    """Name where a try comes from, for throttling: the way in and the browser's address.

    A reverse proxy on this machine makes every address its own (README): then the
    password form names no source, lest one guesser slow everyone's sign-in down; a
    unit's tablet is still a source of its own.
    """
    address = getattr(st.context, "ip_address", None)
    try:
        direct = bool(address) and not ipaddress.ip_address(address).is_loopback
    except ValueError:
        direct = False
    if direct:
        return f"{way_in}@{address}"
    return way_in if way_in.startswith("tablet:") else None


def _try(attempt) -> None:
    """Run a sign-in attempt; keep the user, or the refusal to show."""
    try:
        user = attempt(datetime.now(UTC))
    except SignInError as refused:
        st.session_state[_ERROR_KEY] = refused.text(current_language())
        return
    remember_sign_in(user)


def _demo_help() -> None:
    """Say how to sign in as the demo users: only while the database holds the demo."""
    st.markdown(f"### {text('signin.demo.title')}")
    st.caption(text("signin.demo.intro", password=DEMO_PASSWORD, pin=DEMO_PIN))
    rows = [(username, text(f"role.{role}"), text("signin.demo.unit.all") if unit is None
             else unit) for username, role, _, unit in DEMO_USERS]
    # A plain table: a data grid's toolbar icons are 24 px targets on a tablet.
    header = (text("signin.username"), text("signin.role"), text("signin.demo.unit"))
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    lines += [" | ".join(row) for row in rows]
    st.markdown("\n".join(lines))
    columns = st.columns(2)  # two a row: "Prøv som administrator" is not cut short
    for index, (username, role, _, _) in enumerate(DEMO_USERS):
        columns[index % 2].button(text("signin.demo.as", role=text(f"role.{role}")), key=f"demo-{username}",
                      width="stretch", on_click=_try, args=(
                          lambda now, name=username: sign_in(name, DEMO_PASSWORD,
                                                             engine=database(), now=now),))


def _first_start() -> None:
    """A brand-new database: offer the demo municipality, or say how to make an administrator."""
    st.info(text("home.empty"), icon=":material/rocket_launch:")
    st.caption(text("signin.first_start"))
    if st.button(text("home.demo.button"), type="primary", icon=":material/play_circle:"):
        try:
            with st.spinner(text("home.demo.loading")), write_session(database()) as session:
                seed_demo(session=session, actor=FIRST_START_ACTOR, today=today())
        except StorageError as refused:  # another browser loaded it a moment ago
            st.error(refused.text(current_language()))
            return
        announce(_PLACE, Notice(text("signin.demo.loaded")))
        st.rerun()
