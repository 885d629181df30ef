"""The app's pages, their order in the navigation, and which roles see them."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.access.sign_in import sign_in_page
from app.language import text
from db import role_may

VIEWS = Path(__file__).resolve().parent / "views"

# (file under views/, string key of its title, Material icon, url path)
PAGES: list[tuple[str, str, str, str]] = [
    ("home.py", "nav.home", ":material/home:", "forside"),
    ("entry.py", "nav.entry", ":material/edit_note:", "registrer"),
    ("board.py", "nav.board", ":material/dashboard:", "tavle"),
    ("overview.py", "nav.overview", ":material/grid_view:", "overblik"),
    ("analysis.py", "nav.analysis", ":material/monitoring:", "diagrammer"),
    ("report_page.py", "nav.reports", ":material/picture_as_pdf:", "rapporter"),
    ("admin.py", "nav.admin", ":material/settings:", "administration"),
    ("users.py", "nav.users", ":material/group:", "brugere"),
    ("audit.py", "nav.audit", ":material/history:", "revision"),
]
# The action of db's role table (db.permissions) each page is for: a role sees the page
# when its row grants that action. The repositories refuse the rest anyway.
PAGE_ACTIONS: dict[str, str] = {
    "home.py": "unit.read",
    "entry.py": "entry.write",
    "board.py": "unit.read",
    "overview.py": "overview.read",
    "analysis.py": "unit.read",
    "report_page.py": "report",
    "admin.py": "unit.admin",
    "users.py": "user.admin",
    "audit.py": "audit.read",
}


def pages_seen_by(role: str) -> list[str]:
    """Return the files of the pages role sees, in menu order."""
    return [filename for filename, *_ in PAGES if role_may(role, PAGE_ACTIONS[filename])]

BOARD_PAGE = "board.py"
KIOSK_PATH = "vaegskaerm"


def build_navigation(*, kiosk: bool = False, role: str | None = None) -> st.navigation:
    """Return the navigation with every page titled in the visitor's language.

    A wall screen (kiosk) gets the board alone, whatever the path, and no menu.
    Nobody signed in (role None): every page's address shows the sign-in page, so
    that after signing in the same address shows the page it names.
    """
    if kiosk:
        filename, key, icon, url_path = next(p for p in PAGES if p[0] == BOARD_PAGE)
        # The board answers both at its own path and at the root (Streamlit serves the
        # default page at "/" only); a page is known by its url path, so one file serves both.
        board = st.Page(VIEWS / filename, title=text(key), icon=icon, url_path=url_path)
        root = st.Page(VIEWS / filename, title=text(key), icon=icon, url_path=KIOSK_PATH,
                       default=True)
        if role is None:
            board = st.Page(sign_in_page, title=text(key), icon=icon, url_path=url_path)
            root = st.Page(sign_in_page, title=text(key), icon=icon, url_path=KIOSK_PATH,
                           default=True)
        return st.navigation([root, board], position="hidden")
    if role is None:
        return st.navigation([
            st.Page(sign_in_page, title=text("signin.title"), icon=icon, url_path=url_path,
                    default=(filename == "home.py"))
            for filename, _, icon, url_path in PAGES], position="hidden")
    seen = pages_seen_by(role)
    pages = [
        st.Page(VIEWS / filename, title=text(key), icon=icon, url_path=url_path,
                default=(filename == "home.py"))
        for filename, key, icon, url_path in PAGES if filename in seen
    ]
    return st.navigation(pages)
