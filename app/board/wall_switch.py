"""Turn the board into its wall screen in one press, and the full address a screen is given.

The switch keeps the browser session (it only changes the URL's parameters), so a team
leader signed in on the meeting room's TV does not sign in again; the kiosk board it
shows has no menu and no controls, and it never signs itself out after idle time.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from app.board.kiosk import KIOSK_PARAMETER, UNIT_PARAMETER
from app.language import text
from app.navigation import KIOSK_PATH, PAGES


def app_address(page_url: str | None) -> str:
    """Return the app's own address (scheme, host, port, prefix) from a page's URL, or ""."""
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last in {url_path for *_, url_path in PAGES} | {KIOSK_PATH}:
        path = path[: -len(last)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def wall_address(unit_code: str, page_url: str | None) -> str:
    """Return the full address of a unit's signed-in wall screen."""
    return f"{app_address(page_url)}/?{UNIT_PARAMETER}={unit_code}&{KIOSK_PARAMETER}=1"


def _become_wall_screen(unit_code: str) -> None:
    """Switch this browser session to the unit's wall screen (button callback)."""
    st.query_params.from_dict({UNIT_PARAMETER: unit_code, KIOSK_PARAMETER: "1"})


def wall_switch(unit_code: str) -> None:
    """Offer the one-press switch to the wall screen and show the screen's full address."""
    st.button(text("board.kiosk.switch"), key="board.kiosk.switch", icon=":material/tv:",
              on_click=_become_wall_screen, args=(unit_code,), help=text("board.kiosk.switch.help"))
    url = wall_address(unit_code, st.context.url)
    st.caption(text("board.kiosk.link", url=url))
